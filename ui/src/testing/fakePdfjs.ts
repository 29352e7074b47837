import type { OpenedPdf } from "../playbook/pages/pdfjs";

/**
 * The test stand-in for the pdf.js boundary (`playbook/pages/pdfjs.ts`): jsdom has no canvas
 * to draw on, so this opens only what it can read (the page count of a PDF's page tree) and
 * records every page it is asked to draw.
 */
export const fakePdf = {
  /** Every drawing asked for, in order. */
  rendered: [] as { page: number; zoom: number }[],
  /** Documents opened and not yet closed. */
  open: 0,
  /** When set, opening fails with this message (a damaged file). */
  failWith: null as string | null,
  reset() {
    this.rendered = [];
    this.open = 0;
    this.failWith = null;
  },
};

export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  if (fakePdf.failWith) throw new Error(fakePdf.failWith);
  const text = new TextDecoder().decode(bytes);
  if (!text.startsWith("%PDF-")) throw new Error("Invalid PDF structure.");
  const count = Number(/\/Type \/Pages [^>]*\/Count (\d+)/.exec(text)?.[1] ?? "0");
  fakePdf.open += 1;
  return {
    pageCount: count,
    pageSize: async () => ({ width: 595, height: 842 }),
    renderPage: async (page, _canvas, zoom) => {
      fakePdf.rendered.push({ page, zoom });
    },
    close: async () => {
      fakePdf.open -= 1;
    },
  };
}
