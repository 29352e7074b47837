import { useEffect, useRef, useState } from "react";
import type { OpenedPdf, PageSize } from "./pdfjs";
import type { PdfState } from "./usePlaybookPdf";

/** The zoom steps, as fractions of the page's real size. */
export const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
const DEFAULT_ZOOM = 2; // index of 1 (100%)

/** The real pages of the playbook, drawn by pdf.js one page at a time as they scroll into view. */
export function PdfPages({ bytes, error, loading }: PdfState) {
  const [pdf, setPdf] = useState<OpenedPdf | null>(null);
  const [size, setSize] = useState<PageSize | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [zoomIndex, setZoomIndex] = useState(DEFAULT_ZOOM);
  const zoom = ZOOMS[zoomIndex];

  useEffect(() => {
    if (!bytes) return;
    let cancelled = false;
    let opened: OpenedPdf | null = null;
    // pdf.js loads with the first preview, not with the app.
    import("./pdfjs")
      .then(({ openPdf }) => openPdf(bytes))
      .then(async (doc) => {
        if (cancelled) {
          void doc.close();
          return;
        }
        opened = doc;
        const first = await doc.pageSize(1);
        if (cancelled) return;
        setPdf(doc);
        setSize(first);
        setOpenError(null);
      })
      .catch((e: unknown) => {
        if (!cancelled) setOpenError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
      // The next document replaces this one; free this one once it is no longer shown.
      if (opened) void opened.close();
    };
  }, [bytes]);

  const problem = error ?? openError;
  return (
    <section className="pb-card pb-pages" aria-label="The playbook's pages">
      <div className="pb-pages-bar">
        <h2>Pages</h2>
        <span className="muted small" data-testid="pdf-page-count" aria-live="polite">
          {pdf ? pageCount(pdf.pageCount) : loading ? "Laying out the pages…" : ""}
          {pdf && loading ? " · updating…" : ""}
        </span>
        <span className="pb-zoom" role="group" aria-label="Zoom">
          <button type="button" aria-label="Zoom out" disabled={zoomIndex === 0} onClick={() => setZoomIndex((i) => Math.max(0, i - 1))}>
            −
          </button>
          <output className="small" aria-label="Zoom level">
            {Math.round(zoom * 100)}%
          </output>
          <button
            type="button"
            aria-label="Zoom in"
            disabled={zoomIndex === ZOOMS.length - 1}
            onClick={() => setZoomIndex((i) => Math.min(ZOOMS.length - 1, i + 1))}
          >
            +
          </button>
        </span>
      </div>
      {problem && (
        <p role="alert" className="pb-pages-error">
          The pages could not be shown: {problem}
        </p>
      )}
      {pdf && size && (
        <div className="pb-pages-scroll" data-testid="pdf-pages">
          {Array.from({ length: pdf.pageCount }, (_, i) => (
            <PdfPage key={i + 1} pdf={pdf} n={i + 1} size={size} zoom={zoom} />
          ))}
        </div>
      )}
    </section>
  );
}

function pageCount(n: number): string {
  return n === 1 ? "1 page" : `${n} pages`;
}

/** One page: a placeholder of the right size until it is near the view, then the drawing. */
function PdfPage({ pdf, n, size, zoom }: { pdf: OpenedPdf; n: number; size: PageSize; zoom: number }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [near, setNear] = useState(false);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    if (typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const watcher = new IntersectionObserver((entries) => setNear(entries.some((e) => e.isIntersecting)), {
      rootMargin: "400px 0px",
    });
    watcher.observe(el);
    return () => watcher.disconnect();
  }, []);

  useEffect(() => {
    const target = canvas.current;
    if (!near || !target) return;
    let current = true;
    pdf.renderPage(n, target, zoom).then(
      () => current && setDrawn(true),
      () => current && setDrawn(false),
    );
    return () => {
      current = false;
    };
  }, [pdf, n, zoom, near]);

  const width = Math.round(size.width * zoom);
  const height = Math.round(size.height * zoom);
  return (
    <figure className="pb-pdf-page" style={{ width, height }} data-page={n} data-drawn={drawn ? "yes" : "no"} ref={box}>
      {near && <canvas ref={canvas} style={{ width, height }} aria-label={`Page ${n}`} />}
      {!drawn && <span className="pb-pdf-page-number muted small">Page {n}</span>}
    </figure>
  );
}
