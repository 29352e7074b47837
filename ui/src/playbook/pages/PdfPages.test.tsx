import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PlaybookOptions } from "../../backend";
import { fakePdf } from "../../testing/fakePdfjs";
import { emptyWorkspace, MemoryBackend } from "../../testing/memoryBackend";
import { renderApp } from "../../testing/render";

/** An IntersectionObserver the test moves: pages are "in view" only when the test says so. */
class FakeObserver {
  static all: FakeObserver[] = [];
  readonly targets: Element[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe(el: Element) {
    this.targets.push(el);
  }
  disconnect() {
    FakeObserver.all = FakeObserver.all.filter((o) => o !== this);
  }
  unobserve() {}
  takeRecords() {
    return [];
  }
  /** Whether every page shown on screen is watched: the pages' effects have run. */
  static watching(n: number): boolean {
    return FakeObserver.all.some((o) => o.targets.some((t) => (t as HTMLElement).dataset.page === String(n)));
  }
  /** Scrolls page `n` (1-based) into view, once its page is watched (effects run after the paint). */
  static async show(n: number) {
    await waitFor(() => expect(FakeObserver.watching(n)).toBe(true));
    for (const o of FakeObserver.all) {
      const hit = o.targets.filter((t) => (t as HTMLElement).dataset.page === String(n));
      if (hit.length > 0) {
        const entries = hit.map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry);
        act(() => o.callback(entries, o as unknown as IntersectionObserver));
      }
    }
  }
}

beforeEach(() => {
  window.location.hash = "#playbook";
  window.localStorage.clear();
  FakeObserver.all = [];
  vi.stubGlobal("IntersectionObserver", FakeObserver);
});
afterEach(() => {
  window.location.hash = "";
  vi.unstubAllGlobals();
});

function setup() {
  const ws = emptyWorkspace("Workshop");
  ws.principles = [{ id: "one-voice", text: "One signal, one voice.", non_negotiable: true }];
  return new MemoryBackend([ws]);
}

const pages = () => within(screen.getByTestId("pdf-pages")).getAllByRole("figure");
const pdfCalls = (backend: MemoryBackend) =>
  backend.calls.filter((c) => c.method === "playbookPdf").map((c) => c.args[1] as PlaybookOptions);

describe("the playbook's real pages", { timeout: 15000 }, () => {
  it("shows every page of the PDF with a page count, drawing a page only when it comes into view", async () => {
    const backend = setup();
    await renderApp(backend);

    await waitFor(() => expect(screen.getByTestId("pdf-page-count")).toHaveTextContent("6 pages"));
    expect(pages()).toHaveLength(6);
    expect(pdfCalls(backend)[0]).toMatchObject({ paper: "a4", edition: "leadership" });
    // Placeholders hold each page's place at its real size (A4 at 100%: 595 x 842).
    expect(pages()[0]).toHaveStyle({ width: "595px", height: "842px" });
    expect(fakePdf.rendered).toEqual([]);

    await FakeObserver.show(1);
    await FakeObserver.show(2);
    await waitFor(() =>
      expect(fakePdf.rendered).toEqual([
        { page: 1, zoom: 1 },
        { page: 2, zoom: 1 },
      ]),
    );
    await waitFor(() => expect(pages()[0].dataset.drawn).toBe("yes"));
    expect(pages()[5].dataset.drawn).toBe("no");
    expect(pages()[5]).toHaveTextContent("Page 6");
  });

  it("zooms in and out in steps, redrawing the pages in view at the new size", async () => {
    const backend = setup();
    const { user } = await renderApp(backend);
    await waitFor(() => expect(pages()).toHaveLength(6));
    await FakeObserver.show(1);
    await waitFor(() => expect(fakePdf.rendered).toHaveLength(1));

    await user.click(screen.getByRole("button", { name: "Zoom in" }));
    expect(screen.getByLabelText("Zoom level")).toHaveTextContent("125%");
    expect(pages()[0]).toHaveStyle({ width: "744px", height: "1053px" });
    await waitFor(() => expect(fakePdf.rendered.at(-1)).toEqual({ page: 1, zoom: 1.25 }));

    for (let i = 0; i < 5; i++) {
      const out = screen.getByRole("button", { name: "Zoom out" });
      if (!out.hasAttribute("disabled")) await user.click(out);
    }
    expect(screen.getByLabelText("Zoom level")).toHaveTextContent("50%");
    expect(screen.getByRole("button", { name: "Zoom out" })).toBeDisabled();
  });

  it("asks for new pages when a section is switched off, and frees the old document", async () => {
    const backend = setup();
    const { user } = await renderApp(backend);
    await waitFor(() => expect(screen.getByTestId("pdf-page-count")).toHaveTextContent("6 pages"));

    const checklists = screen.getAllByTestId("playbook-section-toggle").find((t) => t.dataset.section === "checklists")!;
    await user.click(checklists);
    await waitFor(() => expect(screen.getByTestId("pdf-page-count")).toHaveTextContent("5 pages"));
    expect(pdfCalls(backend).at(-1)?.sections).toMatchObject({ checklists: false });
    expect(fakePdf.open).toBe(1);
  });

  it("says why when the pages cannot be shown", async () => {
    const backend = setup();
    fakePdf.failWith = "Invalid PDF structure.";
    await renderApp(backend);
    expect(await screen.findByRole("alert", {}, { timeout: 5000 })).toHaveTextContent(
      "The pages could not be shown: Invalid PDF structure.",
    );
  });
});
