import { GlobalWorkerOptions, getDocument } from "pdfjs-dist";
// Vite copies the worker into the build and gives its local URL: nothing is fetched from the
// network, so the preview works offline.
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";

GlobalWorkerOptions.workerSrc = workerUrl;

/** A page's size in CSS pixels at zoom 1 (PDF points). */
export interface PageSize {
  width: number;
  height: number;
}

/** An opened PDF: what the page viewer needs from pdf.js, and nothing more. */
export interface OpenedPdf {
  pageCount: number;
  /** The size of page `n` (1-based) at zoom 1. */
  pageSize(n: number): Promise<PageSize>;
  /** Draws page `n` into `canvas` at `zoom` (sharp on high-density screens). */
  renderPage(n: number, canvas: HTMLCanvasElement, zoom: number): Promise<void>;
  /** Frees the document and its worker-side state. */
  close(): Promise<void>;
}

/** Opens PDF bytes with pdf.js. The bytes are copied: pdf.js takes ownership of what it gets. */
export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  const task = getDocument({ data: bytes.slice(), isEvalSupported: false });
  const doc = await task.promise;
  return {
    pageCount: doc.numPages,
    async pageSize(n) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      return { width, height };
    },
    async renderPage(n, canvas, zoom) {
      const page = await doc.getPage(n);
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: zoom * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      const context = canvas.getContext("2d");
      if (!context) throw new Error("This window cannot draw the page (no 2D canvas).");
      await page.render({ canvasContext: context, viewport }).promise;
    },
    async close() {
      await task.destroy();
    },
  };
}
