import "../graph/testSetup";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Finding, Replay, Workspace } from "../backend";
import { GhostToolbar } from "../lens/GhostToolbar";
import { nexusFlow } from "../testing/fixtures";
import { MemoryBackend } from "../testing/memoryBackend";
import { displayDateTime } from "../model/format";
import { emptyReplay } from "../testing/realityDouble";
import { renderApp } from "../testing/render";
import { visitTime } from "./ExampleCases";
import { defaultLogName } from "./ImportLogDialog";
import { formatHours, realityLens, shadowId } from "./realityLens";

function finding(code: string, key: string, severity: Finding["severity"], subjects: Finding["subjects"] = []): Finding {
  return { code, key, severity, subjects, message: `${code} on ${key}`, evidence: [], fix: "", waived: null } as Finding;
}

/**
 * What the Rust replay says of a log where the website hands to the wizard (slowly), the
 * demo never to the wizard, and the chatbot passes work to the SDR outside the map, unless
 * the map has that handoff.
 */
function replayOf(doc: Workspace, log: string): Replay {
  const adopted = doc.handoffs.some((h) => h.from === "chatbot" && h.to === "sdr");
  const aliased = doc.elements.find((e) => e.id === "agent")?.aliases?.includes("Ticket opened") ?? false;
  const r = emptyReplay(log);
  r.cases = 40;
  r.events = 200;
  r.transitions = 120;
  r.fitness = adopted ? 1 : 0.75;
  r.pairs = [
    {
      from: "website",
      to: "wizard",
      cases: 40,
      transitions: 90,
      p50_hours: 5,
      p90_hours: 30,
      max_hours: 70,
      handoff: "website-wizard",
      resources: [],
    },
    {
      from: "chatbot",
      to: "sdr",
      cases: 12,
      transitions: 30,
      p50_hours: 1,
      p90_hours: 2,
      max_hours: 3,
      handoff: adopted ? "chatbot-sdr" : null,
      resources: [],
    },
  ];
  r.unmapped = aliased ? [] : [{ activity: "Ticket opened", events: 14 }];
  const findings = [
    finding("latency-breach", "website-wizard", "warning", [{ kind: "handoff", id: "website-wizard" }]),
    finding("unused-handoff", "demo-wizard", "info", [{ kind: "handoff", id: "demo-wizard" }]),
    finding("rework-loop", "wizard", "warning", [{ kind: "element", id: "wizard" }]),
    finding("actual-single-point", "ana", "warning", [
      { kind: "element", id: "website" },
      { kind: "element", id: "agent" },
    ]),
  ];
  const waiver = doc.waivers.find((w) => w.code === "shadow-handoff" && w.subject === "chatbot>sdr");
  if (!adopted) {
    const shadow = finding("shadow-handoff", "chatbot>sdr", "error", [
      { kind: "element", id: "chatbot" },
      { kind: "element", id: "sdr" },
    ]);
    if (waiver) shadow.waived = { reason: waiver.reason, who: waiver.who, when: waiver.when };
    findings.unshift(shadow);
  }
  r.examples = [
    {
      code: "rework-loop",
      key: "wizard",
      cases: [
        {
          case: "k1",
          visits: [
            { element: "wizard", first: "2026-03-02T09:00:00Z", last: "2026-03-02T09:00:00Z" },
            { element: "website", first: "2026-03-02T10:00:00Z", last: "2026-03-02T10:00:00Z" },
            { element: "wizard", first: "2026-03-02T11:00:00Z", last: "2026-03-03T08:15:00Z" },
          ],
          more_visits: 0,
        },
      ],
    },
  ];
  if (!adopted)
    r.examples.unshift({
      code: "shadow-handoff",
      key: "chatbot>sdr",
      cases: ["c1", "c2"].map((c, i) => ({
        case: c,
        visits: [
          { element: "chatbot", first: `2026-03-0${i + 1}T09:00:00Z`, last: `2026-03-0${i + 1}T09:30:00Z` },
          { element: "sdr", first: `2026-03-0${i + 1}T11:00:00Z`, last: `2026-03-0${i + 1}T11:00:00Z` },
        ],
        more_visits: i === 1 ? 4 : 0,
      })),
    });
  r.report = {
    findings,
    summary: { error: adopted || waiver ? 0 : 1, warning: 3, info: 1, waived: waiver ? 1 : 0, due: 0, nothing_to_check: false },
  };
  return r;
}

function backend() {
  const b = new MemoryBackend([nexusFlow()], { display_name: "Dana" });
  b.replayFor = replayOf;
  return b;
}

afterEach(() => {
  window.location.hash = "";
});

describe("the reality lens", () => {
  const doc = nexusFlow();
  doc.handoffs = doc.handoffs.map((h) => (h.id === "website-wizard" ? { ...h, latency_hours: 24 } : h));
  const lens = realityLens(doc, replayOf(doc, "March"));

  it("widens handoffs by their traffic, the busiest the widest", () => {
    expect(lens.kind).toBe("reality");
    expect(lens.weights["website-wizard"]).toBe(1);
    expect(lens.weights[shadowId("chatbot", "sdr")]).toBeCloseTo(30 / 90);
  });

  it("labels a used handoff with its p90, in the tone of its breach", () => {
    expect(lens.handoffs["website-wizard"]).toEqual([expect.objectContaining({ tone: "warning", label: "p90 30 h" })]);
    expect(lens.handoffs["website-wizard"][0].detail).toContain("target 24 h");
  });

  it("marks unused handoffs, rework and the hero's elements", () => {
    expect(lens.handoffs["demo-wizard"]).toEqual([expect.objectContaining({ tone: "info", label: "Unused" })]);
    expect(lens.elements.wizard).toEqual([expect.objectContaining({ label: "Rework" })]);
    expect(lens.elements.website).toEqual([expect.objectContaining({ label: "Hero: ana" })]);
    expect(lens.elements.agent).toEqual([expect.objectContaining({ label: "Hero: ana" })]);
  });

  it("draws a shadow handoff as a ghost between its two elements", () => {
    expect(lens.ghosts.handoffs).toEqual([expect.objectContaining({ id: "shadow:chatbot>sdr", from: "chatbot", to: "sdr" })]);
    expect(lens.handoffs["shadow:chatbot>sdr"]).toEqual([expect.objectContaining({ tone: "bad", label: "Shadow · 12 cases" })]);
    expect(lens.title).toBe("Reality: “March”, fitness 75.0%");
  });

  it("draws no ghost for a waived shadow handoff", () => {
    const waived = replayOf(doc, "March");
    waived.report.findings[0].waived = { reason: "known", who: "Dana", when: "2026-03-01T00:00:00Z" };
    expect(realityLens(doc, waived).ghosts.handoffs).toEqual([]);
  });

  it("says hours the way people read them", () => {
    expect(formatHours(0.5)).toBe("30 min");
    expect(formatHours(3.25)).toBe("3.3 h");
    expect(formatHours(72)).toBe("3.0 d");
    expect(formatHours(null)).toBe("–");
  });
});

// The whole app renders for each of these; a loaded machine needs more than the default 5 s.
const SLOW = { timeout: 30_000 };

describe("the Reality view", SLOW, () => {
  async function importAndReplay(b = backend()) {
    const app = await renderApp(b);
    window.location.hash = "#reality";
    fireEvent(window, new HashChangeEvent("hashchange"));
    await screen.findByTestId("reality-view");
    await app.user.click(screen.getByTestId("log-import"));
    const dialog = await screen.findByTestId("import-log-dialog");
    expect((within(dialog).getByTestId("import-log-name") as HTMLInputElement).value).toBe("tickets");
    expect((within(dialog).getByTestId("column-resource") as HTMLSelectElement).value).toBe("org:resource");
    await app.user.click(within(dialog).getByTestId("import-log-confirm"));
    await screen.findByTestId("reality-figures");
    return { ...app, backend: b };
  }

  it("imports a log with the detected columns, replays it and lays the lens over the views", async () => {
    const { backend: b } = await importAndReplay();
    const imported = b.calls.find((c) => c.method === "importLog");
    expect(imported?.args).toEqual([
      expect.any(String),
      "/tmp/tickets.csv",
      "tickets",
      { case: "case_id", activity: "activity", timestamp: "timestamp", resource: "org:resource", channel: null },
      false,
    ]);
    expect(screen.getByTestId("reality-fitness").textContent).toBe("75.0%");
    expect((await screen.findByTestId("lens-bar")).dataset.lens).toBe("reality");
    expect(screen.getByTestId("log-select")).toHaveProperty("value", "tickets");
    const shadow = screen.getByTestId("shadow-handoff");
    expect(shadow.textContent).toContain("Help chatbot → SDR outreach");
  });

  it("adds a shadow handoff to the map as one edit, replays, and the shadow is gone", async () => {
    const { user, backend: b } = await importAndReplay();
    await user.click(screen.getByTestId("shadow-adopt"));
    await waitFor(() => expect(screen.queryByTestId("shadow-handoff")).toBeNull());
    const edits = b.edits();
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ type: "put_handoff", handoff: { id: "chatbot-sdr", from: "chatbot", to: "sdr", trigger: "always" } });
    expect(screen.getByTestId("reality-fitness").textContent).toBe("100.0%");
    expect(screen.getByTestId("no-shadows")).toBeTruthy();
  });

  it("waives a shadow handoff through the one waiver mechanism", async () => {
    const app = await importAndReplay();
    const { user, backend: b } = app;
    const item = screen.getAllByTestId("finding").find((f) => f.dataset.code === "shadow-handoff");
    if (!item) throw new Error("no shadow finding listed");
    await user.click(within(item).getByRole("button", { name: /waive/i }));
    await user.type(within(item).getByRole("textbox"), "Known workaround until May");
    await user.click(within(item).getByTestId("waive-submit"));
    await waitFor(() => expect(screen.getByTestId("shadow-handoff").dataset.waived).toBe("true"));
    expect(b.edits()[0]).toMatchObject({
      type: "put_waiver",
      waiver: { code: "shadow-handoff", subject: "chatbot>sdr", reason: "Known workaround until May" },
    });
    const slug = app.store.getState().current?.summary.slug ?? "";
    expect(b.doc(slug).waivers.find((w) => w.code === "shadow-handoff")?.who, "the library records who").toBe("Dana");
  });

  it("shows the replay again when the user comes back with its lens still on", async () => {
    const { backend: b } = await importAndReplay();
    window.location.hash = "#stack";
    fireEvent(window, new HashChangeEvent("hashchange"));
    await waitFor(() => expect(screen.queryByTestId("reality-view")).toBeNull());
    expect(screen.getByTestId("lens-bar").dataset.lens, "the lens stays over the other views").toBe("reality");
    window.location.hash = "#reality";
    fireEvent(window, new HashChangeEvent("hashchange"));
    expect((await screen.findByTestId("shadow-handoff")).dataset.key).toBe("chatbot>sdr");
    expect(b.calls.filter((c) => c.method === "replayLog")).toHaveLength(2);
  });

  it("shows each finding's example cases as their visits, with element names and times", async () => {
    const { user } = await importAndReplay();
    const items = screen.getAllByTestId("finding");
    const shadow = items.find((f) => f.dataset.code === "shadow-handoff");
    if (!shadow) throw new Error("no shadow finding listed");
    const examples = within(shadow).getByTestId("example-cases");
    expect(examples.querySelector("summary")?.textContent).toBe("2 example cases");
    await user.click(within(examples).getByText("2 example cases"));
    const cases = within(examples).getAllByTestId("example-case");
    expect(cases.map((c) => c.dataset.case)).toEqual(["c1", "c2"]);
    const visits = within(cases[0]).getAllByTestId("example-visit");
    expect(visits.map((v) => v.dataset.element)).toEqual(["chatbot", "sdr"]);
    expect(visits[0].textContent).toContain("Help chatbot");
    expect(visits[0].textContent, "a visit's first and last time, the day once").toContain(
      visitTime("2026-03-01T09:00:00Z", "2026-03-01T09:30:00Z"),
    );
    expect(visits[1].textContent).toContain(`SDR outreach ${displayDateTime("2026-03-01T11:00:00Z")}`);
    expect(within(cases[1]).getByTestId("example-more").textContent).toBe("and 4 more visits");
    const rework = items.find((f) => f.dataset.code === "rework-loop");
    expect(rework && within(rework).getByTestId("example-cases").textContent).toContain("1 example case");
    const unused = items.find((f) => f.dataset.code === "unused-handoff");
    expect(unused && within(unused).queryByTestId("example-cases"), "an unused handoff has no cases to show").toBeNull();
  });

  /** The actions the reality lens offers on the chatbot > SDR ghost, as the graph's toolbar shows them. */
  async function ghostToolbar(app: Awaited<ReturnType<typeof importAndReplay>>) {
    const actions = await waitFor(() => {
      const found = app.lens()?.ghostActions?.[shadowId("chatbot", "sdr")];
      if (!found) throw new Error("the lens offers no actions on the shadow handoff");
      return found;
    });
    const onClose = vi.fn();
    const toolbar = render(<GhostToolbar actions={actions} onClose={onClose} />);
    return { toolbar: within(toolbar.getByTestId("ghost-toolbar")), onClose };
  }

  it("adds a shadow handoff to the map from its ghost on the graph, undoably", async () => {
    const app = await importAndReplay();
    const { toolbar, onClose } = await ghostToolbar(app);
    expect(toolbar.getAllByTestId("ghost-action").map((b) => b.textContent)).toEqual(["Add to map", "Waive…"]);
    await app.user.click(toolbar.getByText("Add to map"));
    expect(onClose).toHaveBeenCalled();
    await waitFor(() => expect(app.backend.edits()).toHaveLength(1));
    expect(app.backend.edits()[0]).toMatchObject({ type: "put_handoff", handoff: { id: "chatbot-sdr", from: "chatbot", to: "sdr" } });
    await waitFor(() => expect(app.lens()?.ghosts.handoffs, "the ghost is gone once it is in the map").toEqual([]));
    const slug = app.store.getState().current?.summary.slug ?? "";
    await app.store.undo();
    expect(
      app.backend.doc(slug).handoffs.some((h) => h.id === "chatbot-sdr"),
      "one undo takes it out again",
    ).toBe(false);
  });

  it("waives a shadow handoff from its ghost on the graph with a reason, undoably", async () => {
    const app = await importAndReplay();
    const { toolbar } = await ghostToolbar(app);
    await app.user.click(toolbar.getByText("Waive…"));
    expect(toolbar.getByTestId("ghost-action-confirm")).toHaveProperty("disabled", true);
    await app.user.type(toolbar.getByTestId("ghost-action-text"), "Chat handover is on purpose");
    await app.user.click(toolbar.getByTestId("ghost-action-confirm"));
    await waitFor(() => expect(app.backend.edits()).toHaveLength(1));
    expect(app.backend.edits()[0]).toMatchObject({
      type: "put_waiver",
      waiver: { code: "shadow-handoff", subject: "chatbot>sdr", reason: "Chat handover is on purpose" },
    });
    await waitFor(() => expect(app.lens()?.ghosts.handoffs, "a waived shadow has no ghost").toEqual([]));
    const slug = app.store.getState().current?.summary.slug ?? "";
    await app.store.undo();
    expect(app.backend.doc(slug).waivers, "one undo takes the waiver away").toEqual([]);
  });

  it("refuses a name the workspace already uses before importing", async () => {
    const { user } = await importAndReplay();
    await user.click(screen.getByTestId("log-import"));
    const dialog = await screen.findByTestId("import-log-dialog");
    expect(within(dialog).getByTestId("import-log-error").textContent).toContain("already has a log named “tickets”");
    expect(within(dialog).getByTestId("import-log-confirm")).toHaveProperty("disabled", true);
    await user.selectOptions(within(dialog).getByTestId("column-case"), "");
    await user.clear(within(dialog).getByTestId("import-log-name"));
    await user.type(within(dialog).getByTestId("import-log-name"), "April");
    expect(within(dialog).getByTestId("import-log-error").textContent).toBe("Choose the column that holds the case.");
  });
});

describe("mapping unmapped activities", SLOW, () => {
  it("lists them with their events and saves the chosen elements as aliases in one edit", async () => {
    const b = backend();
    const app = await renderApp(b);
    window.location.hash = "#reality";
    fireEvent(window, new HashChangeEvent("hashchange"));
    await app.user.click(await screen.findByTestId("log-import"));
    await app.user.click(await screen.findByTestId("import-log-confirm"));
    const row = await screen.findByTestId("unmapped-activity");
    expect(row.dataset.activity).toBe("Ticket opened");
    expect(row.textContent).toContain("14 events");
    expect(screen.getByTestId("unmapped-save")).toHaveProperty("disabled", true);
    await app.user.selectOptions(within(row).getByTestId("unmapped-element"), "agent");
    await app.user.click(screen.getByTestId("unmapped-save"));
    await waitFor(() => expect(screen.queryByTestId("unmapped")).toBeNull());
    expect(b.edits()).toEqual([
      { type: "batch", edits: [{ type: "put_element", element: expect.objectContaining({ id: "agent", aliases: ["Ticket opened"] }) }] },
    ]);
    // One undo takes the aliases away again.
    await app.store.undo();
    const slug = app.store.getState().current?.summary.slug ?? "";
    expect(b.doc(slug).elements.find((e) => e.id === "agent")?.aliases ?? []).toEqual([]);
  });
});

describe("a visit's time", () => {
  it("writes one moment once, and a visit within a day with the day once", () => {
    expect(visitTime("2026-03-02T09:00:00Z", "2026-03-02T09:00:00Z", "UTC")).toBe(
      displayDateTime("2026-03-02T09:00:00Z", undefined, "UTC"),
    );
    const sameDay = visitTime("2026-03-02T09:00:00Z", "2026-03-02T17:45:00Z", "UTC");
    expect(sameDay).toMatch(/^.*2026, 09:00 – 17:45$/);
    const twoDays = visitTime("2026-03-02T09:00:00Z", "2026-03-04T08:00:00Z", "UTC");
    expect(twoDays).toBe(
      `${displayDateTime("2026-03-02T09:00:00Z", undefined, "UTC")} – ${displayDateTime("2026-03-04T08:00:00Z", undefined, "UTC")}`,
    );
  });
});

describe("a log's default name", () => {
  it("drops the log extensions and the folder", () => {
    expect(defaultLogName("/data/March tickets.csv.gz")).toBe("March tickets");
    expect(defaultLogName("C:\\logs\\export.XES")).toBe("export");
  });
});
