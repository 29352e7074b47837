import "../graph/testSetup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MemoryBackend } from "../testing/memoryBackend";
import { nexusFlow } from "../testing/fixtures";
import { renderApp } from "../testing/render";
import { driftReport, measuredNexus, previewOf, wizardReadings } from "./fixtures";

// Typing in jsdom is slow on a shared CI machine; these scenarios type a good deal.
vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => {
  window.location.hash = "#monitor";
});
afterEach(() => {
  window.location.hash = "";
});

function backend(doc = measuredNexus()) {
  const b = new MemoryBackend([doc], { display_name: "Dana" });
  b.monitorFor = driftReport;
  return b;
}

const cell = (id: string) => screen.getAllByTestId("metric-cell").find((c) => c.dataset.metricId === id)!;
const lane = (stage: string) => screen.getAllByTestId("lane-stage").find((c) => c.dataset.stageId === stage)!;
const slugOf = (b: MemoryBackend) => (b.calls.find((c) => c.method === "openWorkspace")?.args[0] as string) ?? "";

describe("the Monitor view", () => {
  it("is a nav entry, and with no metric explains what to add first", async () => {
    window.location.hash = "";
    const { user } = await renderApp(new MemoryBackend([nexusFlow()]));
    await user.click(screen.getByTestId("nav-monitor"));
    const empty = await screen.findByTestId("monitor-empty");
    expect(empty).toHaveTextContent("No metrics yet");
    expect(empty).toHaveTextContent(/sentiment/i);
    expect(screen.getByTestId("readings-import")).toBeDisabled();
  });

  it("adds a metric from the editor with every field, and shows it in its stage's lane", async () => {
    const b = new MemoryBackend([nexusFlow()]);
    const { user } = await renderApp(b);
    await user.click(await screen.findByTestId("monitor-empty-add"));
    await user.click(screen.getByTestId("metric-save"));
    expect(screen.getByTestId("metric-problem-name")).toHaveTextContent("Give the metric a name.");
    expect(b.edits()).toHaveLength(0);

    await user.type(screen.getByTestId("metric-name"), "Help satisfaction");
    await user.selectOptions(screen.getByTestId("metric-kind"), "sentiment");
    await user.type(screen.getByTestId("metric-target"), "9");
    await user.click(screen.getByTestId("metric-save"));
    expect(screen.getByTestId("metric-problem-target")).toHaveTextContent("The target must be on the scale, 1 to 5.");
    await user.clear(screen.getByTestId("metric-target"));
    await user.type(screen.getByTestId("metric-target"), "3.5");
    await user.type(screen.getByTestId("metric-owner"), "Support team");
    await user.selectOptions(screen.getByTestId("metric-scope"), "element:chatbot");
    await user.click(screen.getByTestId("metric-leading"));
    await user.click(screen.getByTestId("metric-save"));

    await waitFor(() =>
      expect(b.edits()).toEqual([
        {
          type: "put_metric",
          metric: {
            id: "help-satisfaction",
            name: "Help satisfaction",
            kind: "sentiment",
            min: 1,
            max: 5,
            direction: "higher",
            target: 3.5,
            owner: "Support team",
            scope: "element:chatbot",
            leading: false,
          },
        },
      ]),
    );
    // The chatbot serves "Get help": the metric sits in that stage's lane.
    await waitFor(() => expect(within(lane("get-help")).getByTestId("metric-cell")).toHaveTextContent("Help satisfaction"));
    // The report is asked for again after the edit: the new metric has a target and no reading.
    await waitFor(() => expect(within(lane("get-help")).getByTestId("metric-verdict")).toHaveTextContent("no reading"));
  });

  it("draws lanes with sparklines and target lines, met or missed by icon and word", async () => {
    await renderApp(backend());
    await screen.findAllByTestId("metric-cell");
    // Journey metrics above the stages, the wizard's under "Set up".
    expect(within(screen.getByTestId("lane-journey")).getByTestId("metric-cell")).toHaveTextContent("Journey NPS");
    const wizard = within(lane("set-up")).getByTestId("metric-cell");
    expect(wizard).toHaveTextContent("Setup satisfaction");
    await waitFor(() => expect(within(wizard).getByTestId("metric-verdict")).toHaveTextContent("✕ missed"));
    expect(within(wizard).getByTestId("metric-latest")).toHaveTextContent("3.2 on 2026-03-31");
    expect(within(wizard).getByTestId("spark-target")).toBeInTheDocument();
    expect(within(wizard).getByTestId("sparkline")).toHaveAccessibleName("3 readings from 2026-01-31 to 2026-03-31: 4.3, 4.1, 3.2");
    expect(wizard.dataset.verdict).toBe("missed");
    expect(within(lane("discover")).getByText("Not measured")).toBeInTheDocument();
  });

  it("draws the promised and the measured arc with the gap and its word per stage", async () => {
    await renderApp(backend());
    const arc = await screen.findByTestId("monitor-arc");
    await waitFor(() => expect(within(arc).getByTestId("measured-arc")).toBeInTheDocument());
    expect(within(arc).getByTestId("promised-arc")).toBeInTheDocument();
    const row = within(arc)
      .getAllByTestId("arc-row")
      .find((r) => r.dataset.stageId === "set-up")!;
    expect(within(row).getByTestId("arc-measured")).toHaveTextContent("+0.2");
    expect(within(row).getByTestId("arc-gap")).toHaveTextContent("✕ +2.2 off plan");
  });

  it("lists drift and gap findings with why and fix, each opening its metric or its stage", async () => {
    const { user } = await renderApp(backend());
    const findings = await screen.findAllByTestId("monitor-finding");
    const drift = findings.find((f) => f.dataset.code === "metric-drift")!;
    expect(drift).toHaveTextContent("Touchpoint layer");
    expect(drift).toHaveTextContent("Why: target 4 (latest 3.2)");
    expect(drift).toHaveTextContent("Fix: Look at the touchpoint layer first");
    await user.click(within(drift).getByTestId("monitor-finding-open"));
    expect(screen.getByTestId("metric-panel")).toHaveTextContent("Setup satisfaction");
    expect(screen.getByTestId("metric-name")).toHaveValue("Setup satisfaction");

    const gap = findings.find((f) => f.dataset.code === "promise-gap")!;
    await user.click(within(gap).getByTestId("monitor-finding-open"));
    expect(lane("set-up")).toHaveClass("is-focused");
  });

  it("asks the library again for another as-of date", async () => {
    const b = backend();
    const { user } = await renderApp(b);
    await screen.findAllByTestId("metric-cell");
    await user.type(screen.getByTestId("monitor-as-of"), "2026-02-28");
    await waitFor(() => expect(b.calls.some((c) => c.method === "monitorReport" && c.args[1] === "2026-02-28")).toBe(true));
    const wizard = cell("wizard-csat");
    await waitFor(() => expect(within(wizard).getByTestId("metric-verdict")).toHaveTextContent("✓ met"));
  });
});

describe("the readings grid", () => {
  it("has a column per period; edits, deletes and records readings, refusing values off the scale", async () => {
    const b = backend();
    const { user } = await renderApp(b);
    await user.click((await screen.findAllByTestId("metric-cell")).find((c) => c.dataset.metricId === "wizard-csat")!);
    const grid = screen.getByTestId("readings-grid");
    const inputs = within(grid).getAllByTestId("reading-value");
    expect(inputs.map((i) => i.dataset.date)).toEqual(["2026-01-31", "2026-02-28", "2026-03-31"]);

    await user.clear(inputs[2]);
    await user.type(inputs[2], "3.4{Enter}");
    await waitFor(() =>
      expect(b.edits().at(-1)).toEqual({
        type: "put_readings",
        readings: [{ metric: "wizard-csat", date: "2026-03-31", value: 3.4, n: 140 }],
      }),
    );

    const second = within(screen.getByTestId("readings-grid")).getAllByTestId("reading-value")[1];
    await user.clear(second);
    await user.type(second, "7{Enter}");
    expect(screen.getByTestId("reading-problem")).toHaveTextContent("2026-02-28: 7 is outside the scale 1 to 5");
    expect(b.edits()).toHaveLength(1);

    await user.clear(within(screen.getByTestId("readings-grid")).getAllByTestId("reading-value")[0]);
    fireEvent.blur(within(screen.getByTestId("readings-grid")).getAllByTestId("reading-value")[0]);
    await waitFor(() => expect(b.edits().at(-1)).toEqual({ type: "delete_reading", metric: "wizard-csat", date: "2026-01-31" }));

    await user.type(screen.getByTestId("reading-new-date"), "2026-04-30");
    await user.type(screen.getByTestId("reading-new-value"), "3.9");
    await user.click(screen.getByTestId("reading-add"));
    await waitFor(() =>
      expect(b.edits().at(-1)).toEqual({ type: "put_readings", readings: [{ metric: "wizard-csat", date: "2026-04-30", value: 3.9 }] }),
    );
    await waitFor(() => expect(b.doc(slugOf(b)).readings?.map((r) => r.date)).toEqual(["2026-02-28", "2026-03-31", "2026-04-30"]));
  });

  it("deletes a metric with its readings after asking", async () => {
    const b = backend();
    const { user } = await renderApp(b);
    await user.click((await screen.findAllByTestId("metric-cell")).find((c) => c.dataset.metricId === "wizard-csat")!);
    await user.click(screen.getByTestId("metric-delete"));
    expect(screen.getByTestId("confirm-dialog")).toHaveTextContent("Its 3 readings go with it.");
    await user.click(screen.getByTestId("confirm"));
    await waitFor(() => expect(b.doc(slugOf(b)).metrics?.map((m) => m.id)).toEqual(["nps"]));
    expect(b.doc(slugOf(b)).readings).toEqual([]);
  });
});

describe("importing readings", () => {
  it("lists every wrong row and imports nothing until the file is good", async () => {
    const b = backend(measuredNexus(false));
    b.readingsFiles.set("/tmp/readings.csv", {
      preview: previewOf({
        rows: 3,
        to_write: 1,
        added: 1,
        error_count: 2,
        errors: [
          { row: 3, message: "7.5 is outside the scale 1 to 5" },
          { row: 4, message: 'no metric "wizard-cast" (did you mean "wizard-csat"?)' },
        ],
        ready: false,
      }),
      readings: [],
    });
    const { user } = await renderApp(b);
    await user.click(await screen.findByTestId("readings-import"));
    const dialog = await screen.findByTestId("import-readings");
    await waitFor(() => expect(within(dialog).getByTestId("import-errors")).toHaveTextContent("row 3: 7.5 is outside the scale 1 to 5"));
    expect(within(dialog).getByTestId("import-errors")).toHaveTextContent('row 4: no metric "wizard-cast" (did you mean "wizard-csat"?)');
    expect(dialog).toHaveTextContent("Nothing will be imported until every row is good.");
    expect(within(dialog).getByTestId("import-readings-commit")).toBeDisabled();
    expect(b.calls.some((c) => c.method === "importReadings")).toBe(false);
  });

  it("replaces recorded readings only when the user ticks it, then shows the drift", async () => {
    const b = backend(measuredNexus(false));
    const file = [
      { metric: "wizard-csat", date: "2026-01-31", value: 4.3 },
      { metric: "wizard-csat", date: "2026-02-28", value: 4.1 },
      { metric: "wizard-csat", date: "2026-03-31", value: 3.2, n: 140 },
    ];
    b.readingsFiles.set("/tmp/readings.csv", {
      preview: previewOf({
        rows: 3,
        to_write: 3,
        added: 2,
        conflict_count: 1,
        conflicts: [{ row: 4, metric: "wizard-csat", date: "2026-03-31", recorded: 3.9, imported: 3.2 }],
        sample: file,
        ready: false,
      }),
      readings: file,
    });
    const { user } = await renderApp(b);
    await user.click(await screen.findByTestId("readings-import"));
    const dialog = await screen.findByTestId("import-readings");
    await waitFor(() =>
      expect(within(dialog).getByTestId("import-conflicts")).toHaveTextContent(
        "row 4: wizard-csat on 2026-03-31 is 3.9 now; the file says 3.2",
      ),
    );
    expect(within(dialog).getByTestId("import-readings-commit")).toBeDisabled();
    expect(within(dialog).getByTestId("import-sample")).toHaveTextContent("2026-01-31");

    await user.click(within(dialog).getByTestId("import-replace"));
    await waitFor(() => expect(within(dialog).getByTestId("import-readings-commit")).toBeEnabled());
    await user.click(within(dialog).getByTestId("import-readings-commit"));

    await waitFor(() => expect(screen.queryByTestId("import-readings")).toBeNull());
    expect(b.calls.filter((c) => c.method === "importReadings").map((c) => c.args.slice(1))).toEqual([["/tmp/readings.csv", null, true]]);
    expect(screen.getByTestId("monitor-message")).toHaveTextContent("Imported 3 readings: 2 new, 1 replaced, 0 already recorded.");
    expect(b.doc(slugOf(b)).readings).toEqual(wizardReadings);
    // The report is asked again: the drift and the measured arc appear.
    await waitFor(() => expect(screen.getAllByTestId("monitor-finding").map((f) => f.dataset.code)).toContain("metric-drift"));
    expect(screen.getByTestId("measured-arc")).toBeInTheDocument();
  });

  it("maps columns when the file names them differently", async () => {
    const b = backend(measuredNexus(false));
    b.readingsFiles.set("/tmp/readings.csv", {
      preview: previewOf({
        headers: ["KPI", "Month", "Score"],
        problem: 'no "metric" column for the metric: the header row has "KPI", "Month", "Score"; name the column that holds the metric',
        ready: false,
      }),
      readings: [],
    });
    const { user } = await renderApp(b);
    await user.click(await screen.findByTestId("readings-import"));
    const dialog = await screen.findByTestId("import-readings");
    await waitFor(() => expect(within(dialog).getByTestId("import-problem")).toHaveTextContent('no "metric" column'));
    await user.selectOptions(within(dialog).getByTestId("import-column-metric"), "KPI");
    await waitFor(() =>
      expect(b.calls.filter((c) => c.method === "previewReadingsImport").at(-1)?.args[2]).toEqual({
        metric: "KPI",
        date: "date",
        value: "value",
        n: "n",
      }),
    );
  });

  it("does nothing when the open dialog is cancelled, and exports readings to the chosen file", async () => {
    const b = backend();
    b.readingsPath = null;
    const { user } = await renderApp(b);
    await user.click(await screen.findByTestId("readings-import"));
    expect(screen.queryByTestId("import-readings")).toBeNull();
    await user.click(screen.getByTestId("readings-export"));
    await waitFor(() =>
      expect(screen.getByTestId("monitor-message")).toHaveTextContent(`Exported 3 readings to /tmp/${slugOf(b)}-readings.csv.`),
    );
  });
});

describe("the monitor lens", () => {
  it("shows drift on the stack: stage gaps, missed touchpoints and the measured arc", async () => {
    const { user } = await renderApp(backend());
    await screen.findByTestId("measured-arc");
    await user.click(screen.getByTestId("monitor-show-on-stack"));
    await waitFor(() => expect(window.location.hash).toBe("#stack"));
    const bar = await screen.findByTestId("lens-bar");
    expect(bar).toHaveTextContent("Monitor as of 2026-03-31");
    expect(bar.dataset.lens).toBe("monitor");
    const header = (await screen.findAllByTestId("stage-column")).find((h) => h.dataset.stageId === "set-up")!;
    expect(within(header).getByTestId("marks")).toHaveTextContent("✕+0.2 (gap +2.2)");
    const wizard = screen.getAllByTestId("card").find((c) => c.dataset.cardId === "wizard")!;
    expect(within(wizard).getByTestId("marks")).toHaveTextContent(/✕missed: Setup satisfaction: 3\.2 on 2026-03-31, target 4!drift/);
    expect(screen.getByTestId("lens-arc")).toBeInTheDocument();
    expect(screen.getByTestId("lens-arc-text")).toHaveTextContent("Measured: Set up +0.2");
  });

  it("follows the workspace while it is on: an edited reading or a deleted metric redraws the marks and the arc", async () => {
    const b = backend();
    // The set-up stage is measured by the wizard's latest reading, normalised from 1..5 (v - 3).
    b.monitorFor = (doc, asOf) => {
      const report = driftReport(doc, asOf);
      const latest = (doc.readings ?? [])
        .filter((r) => r.metric === "wizard-csat")
        .sort((x, y) => x.date.localeCompare(y.date))
        .at(-1);
      return {
        ...report,
        stages: report.stages.map((s) =>
          s.id !== "set-up"
            ? s
            : latest
              ? { ...s, measured: (latest.value ?? 0) - 3, gap: (latest.value ?? 0) - 3 - s.planned, grade: "bad" as const }
              : { ...s, measured: null, gap: null, grade: null },
        ),
      };
    };
    const { user, store } = await renderApp(b);
    await screen.findByTestId("measured-arc");
    await user.click(screen.getByTestId("monitor-show-on-stack"));
    await waitFor(() => expect(window.location.hash).toBe("#stack"));
    const setUpMarks = async () =>
      within((await screen.findAllByTestId("stage-column")).find((h) => h.dataset.stageId === "set-up")!).queryByTestId("marks");
    await waitFor(async () => expect(await setUpMarks()).toHaveTextContent("✕+0.2 (gap +2.2)"));

    await act(() => store.edit({ type: "put_readings", readings: [{ metric: "wizard-csat", date: "2026-04-30", value: 4.6 }] }));
    await waitFor(async () => expect(await setUpMarks()).toHaveTextContent("✕+1.6 (gap +3.6)"));
    expect(screen.getByTestId("lens-arc-text")).toHaveTextContent("Measured: Set up +1.6");
    expect(screen.getByTestId("lens-bar")).toHaveTextContent("Monitor as of 2026-04-30");

    await act(() => store.edit({ type: "delete_metric", id: "wizard-csat" }));
    await waitFor(async () => expect(await setUpMarks()).toBeNull());
    expect(screen.getByTestId("lens-bar").dataset.lens, "the lens stays on").toBe("monitor");
  });
});
