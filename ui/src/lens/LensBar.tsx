import { useEffect } from "react";
import { useView } from "../shell/useView";
import { useLens, useSetLens } from "./LensContext";
import { MarkBadges } from "./MarkBadges";

/**
 * The bar under the top bar while a lens is on: what it shows, its legend, the views it
 * lies over, and a way out (the button or Escape).
 */
export function LensBar() {
  const lens = useLens();
  const setLens = useSetLens();
  const view = useView();
  useEffect(() => {
    if (!lens) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented && !document.querySelector("[role=dialog]")) setLens(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [lens, setLens]);
  if (!lens) return null;
  return (
    <section className={`lensbar lens-${lens.kind}`} aria-label="Lens" data-testid="lens-bar" data-lens={lens.kind}>
      <strong className="lensbar-title">{lens.title}</strong>
      <MarkBadges marks={lens.legend} className="lensbar-legend" />
      <span className="grow" />
      <nav className="lensbar-views" aria-label="Show the lens on">
        <a href="#stack" aria-current={view === "stack" ? "page" : undefined}>
          Stack
        </a>
        <a href="#graph" aria-current={view === "graph" ? "page" : undefined}>
          Graph
        </a>
      </nav>
      <button type="button" data-testid="lens-close" onClick={() => setLens(null)} title="Close the lens (Esc)">
        Close
      </button>
    </section>
  );
}
