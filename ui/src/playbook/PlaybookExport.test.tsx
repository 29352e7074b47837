import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BackendError, type ExportedPlaybook, type PlaybookOptions, type SectionPreview } from "../backend";
import { emptyWorkspace, MemoryBackend } from "../testing/memoryBackend";
import { renderApp } from "../testing/render";
import { ALL_SECTIONS, todayIso } from "./options";

beforeEach(() => {
  window.location.hash = "#playbook";
  window.localStorage.clear();
});
afterEach(() => {
  window.location.hash = "";
});

/** The export time, sent as RFC 3339 to the second (the PDF's creation date). */
const EXPORT_TIME = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

const ALL = ALL_SECTIONS;

function setup() {
  const ws = emptyWorkspace("Workshop");
  ws.principles = [{ id: "one-voice", text: "One signal, one voice.", non_negotiable: true }];
  return new MemoryBackend([ws]);
}

const outlineCalls = (backend: MemoryBackend) =>
  backend.calls.filter((c) => c.method === "playbookOutline").map((c) => c.args[1] as PlaybookOptions);
const toggle = (section: string) => screen.getAllByTestId("playbook-section-toggle").find((t) => t.dataset.section === section)!;
const previewTitles = () =>
  within(screen.getByTestId("playbook-preview"))
    .queryAllByTestId("playbook-preview-section")
    .map((s) => s.dataset.section);

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("the preview", { timeout: 15000 }, () => {
  it("asks for the outline of every section on A4, then again without a section switched off", async () => {
    const backend = setup();
    const { user } = await renderApp(backend);

    await waitFor(() => expect(previewTitles()).toEqual(["cover", "narrative", "principles", "readiness", "integrity", "checklists"]));
    expect(outlineCalls(backend)[0]).toEqual({
      paper: "a4",
      edition: "leadership",
      sections: ALL,
      generated_on: todayIso(),
      generated_at: EXPORT_TIME,
      layout: [],
      anonymous_raters: false,
    });
    expect(screen.getByTestId("playbook-preview")).toHaveTextContent("1 principle (non-negotiables first)");

    await user.click(toggle("checklists"));
    await waitFor(() => expect(previewTitles()).toEqual(["cover", "narrative", "principles", "readiness", "integrity"]));
    expect(outlineCalls(backend).at(-1)).toEqual({
      paper: "a4",
      edition: "leadership",
      sections: { ...ALL, checklists: false },
      generated_on: todayIso(),
      generated_at: EXPORT_TIME,
      layout: [],
      anonymous_raters: false,
    });
  });

  it("remembers US Letter and asks for it", async () => {
    const backend = setup();
    const { user, unmount } = await renderApp(backend);

    await user.selectOptions(await screen.findByTestId("playbook-paper"), "letter");
    await waitFor(() => expect(outlineCalls(backend).at(-1)?.paper).toBe("letter"));
    unmount();

    const again = setup();
    await renderApp(again);
    expect(await screen.findByTestId("playbook-paper")).toHaveValue("letter");
    await waitFor(() => expect(outlineCalls(again)[0]?.paper).toBe("letter"));
  });

  it("asks again when the workspace changes, and never shows an older answer over a newer one", async () => {
    const backend = setup();
    const answers: { options: PlaybookOptions; reply: ReturnType<typeof deferred<SectionPreview[]>> }[] = [];
    backend.playbookOutline = (_slug, options) => {
      const reply = deferred<SectionPreview[]>();
      answers.push({ options, reply });
      return reply.promise;
    };
    const { user } = await renderApp(backend);
    await waitFor(() => expect(answers).toHaveLength(1));

    await user.click(toggle("cover"));
    await waitFor(() => expect(answers).toHaveLength(2));
    answers[1].reply.resolve([{ section: "narrative", title: "Narrative arc", summary: "Newer answer." }]);
    await screen.findByText("Newer answer.");
    answers[0].reply.resolve([{ section: "cover", title: "Cover", summary: "Older answer." }]);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText("Older answer.")).toBeNull();

    await user.click(within(screen.getByTestId("principle")).getByTestId("principle-non-negotiable"));
    await waitFor(() => expect(answers).toHaveLength(3));
  });
});

describe("exporting the PDF", { timeout: 15000 }, () => {
  it("does nothing when the save dialog is cancelled", async () => {
    const backend = setup();
    backend.pdfPath = () => null;
    const { user } = await renderApp(backend);

    await user.click(await screen.findByTestId("playbook-export"));
    await waitFor(() => expect(backend.calls.some((c) => c.method === "choosePdfPath")).toBe(true));
    expect(backend.calls.find((c) => c.method === "choosePdfPath")?.args).toEqual(["workshop-playbook.pdf"]);
    await waitFor(() => expect(screen.getByTestId("playbook-export")).toBeEnabled());
    expect(backend.calls.some((c) => c.method === "exportPlaybook")).toBe(false);
    expect(screen.queryByTestId("playbook-progress")).toBeNull();
    expect(screen.queryByTestId("playbook-result")).toBeNull();
  });

  it("shows progress while writing, then the file with Open and Show in folder wired to the backend", async () => {
    const backend = setup();
    const written = deferred<ExportedPlaybook>();
    const asked: unknown[][] = [];
    backend.exportPlaybook = (...args) => {
      asked.push(args);
      return written.promise;
    };
    const { user } = await renderApp(backend);

    await user.click(await screen.findByTestId("playbook-export"));
    expect(await screen.findByTestId("playbook-progress")).toHaveTextContent("Writing the playbook…");
    expect(screen.getByTestId("playbook-export")).toBeDisabled();
    expect(toggle("cover")).toBeDisabled();
    expect(asked).toEqual([
      [
        "workshop",
        "/tmp/workshop-playbook.pdf",
        {
          paper: "a4",
          edition: "leadership",
          sections: ALL,
          generated_on: todayIso(),
          generated_at: EXPORT_TIME,
          layout: [],
          anonymous_raters: false,
        },
      ],
    ]);

    written.resolve({ path: "/home/ana/Documents/workshop-playbook.pdf", bytes: 48_213, pages: 6 });
    const result = await screen.findByTestId("playbook-result");
    expect(screen.queryByTestId("playbook-progress")).toBeNull();
    expect(result).toHaveTextContent("workshop-playbook.pdf");
    expect(result).toHaveTextContent("6 pages");
    expect(result).toHaveTextContent("47 KB");
    expect(screen.getByTestId("playbook-export")).toBeEnabled();

    await user.click(screen.getByTestId("playbook-open"));
    await user.click(screen.getByTestId("playbook-reveal"));
    await waitFor(() =>
      expect(backend.calls.filter((c) => c.method === "openPath" || c.method === "revealPath")).toEqual([
        { method: "openPath", args: ["/home/ana/Documents/workshop-playbook.pdf"] },
        { method: "revealPath", args: ["/home/ana/Documents/workshop-playbook.pdf"] },
      ]),
    );
  });

  it("adds .pdf when the dialog returns a name without it", async () => {
    const backend = setup();
    backend.pdfPath = () => "/home/ana/board-pack";
    const { user } = await renderApp(backend);

    await user.click(await screen.findByTestId("playbook-export"));
    await screen.findByTestId("playbook-result");
    expect(backend.calls.find((c) => c.method === "exportPlaybook")?.args[1]).toBe("/home/ana/board-pack.pdf");
  });

  it("shows the backend's message when the PDF cannot be written", async () => {
    const backend = setup();
    backend.exportFor = () => {
      throw new BackendError("io", "Cannot write /read-only/workshop-playbook.pdf: permission denied. Choose another folder.");
    };
    const { user } = await renderApp(backend);

    await user.click(await screen.findByTestId("playbook-export"));
    const error = await screen.findByTestId("playbook-error");
    expect(error).toHaveAttribute("role", "alert");
    expect(error).toHaveTextContent("permission denied. Choose another folder.");
    expect(screen.queryByTestId("playbook-result")).toBeNull();
    expect(screen.getByTestId("playbook-export")).toBeEnabled();
  });
});
