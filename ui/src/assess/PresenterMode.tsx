import { useEffect, useRef, useState } from "react";
import type { ReadinessSession, SessionSummary } from "../backend";
import { anonymousSession, longDate } from "./dimensions";
import { ReadinessFindings } from "./ReadinessFindings";
import { ReadinessRadar } from "./ReadinessRadar";

interface Props {
  session: ReadinessSession;
  summary: SessionSummary | null;
  onClose: () => void;
}

/**
 * The room's view: the whole screen (the Fullscreen API when the window allows it, a
 * full-viewport overlay otherwise), large type, the radar and the findings. Escape leaves.
 */
export function PresenterMode({ session, summary, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  const [anonymous, setAnonymous] = useState(false);
  const shown = anonymous ? anonymousSession(session) : session;

  useEffect(() => {
    const el = ref.current;
    el?.focus();
    let entered = false;
    if (el && typeof el.requestFullscreen === "function" && !document.fullscreenElement) {
      el.requestFullscreen().then(
        () => {
          entered = true;
        },
        () => {
          /* refused: the overlay is enough */
        },
      );
    }
    // The browser leaves full screen on Escape itself; follow it out.
    const onChange = () => {
      if (entered && !document.fullscreenElement) close.current();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        close.current();
      }
    };
    document.addEventListener("fullscreenchange", onChange);
    window.addEventListener("keydown", onKey, true);
    return () => {
      document.removeEventListener("fullscreenchange", onChange);
      window.removeEventListener("keydown", onKey, true);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  return (
    <div ref={ref} className="presenter" role="dialog" aria-modal="true" aria-label="Presenter view" tabIndex={-1} data-testid="presenter">
      <header className="presenter-head">
        <div>
          <p className="presenter-kicker">
            Readiness · {longDate(session.date)} · {session.raters.length} raters
          </p>
          <h1>{session.name}</h1>
        </div>
        <div className="presenter-actions">
          <label className="presenter-anonymous">
            <input type="checkbox" data-testid="presenter-anonymous" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
            Hide rater names
          </label>
          <button type="button" className="presenter-close" data-testid="presenter-close" onClick={onClose}>
            Leave <kbd>Esc</kbd>
          </button>
        </div>
      </header>
      {summary ? (
        <div className="presenter-body">
          <ReadinessRadar session={shown} summary={summary} large />
          <ReadinessFindings summary={summary} large />
        </div>
      ) : (
        <p className="presenter-empty">The figures are on their way…</p>
      )}
    </div>
  );
}
