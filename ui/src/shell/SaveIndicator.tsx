import { useEffect, useState } from "react";
import { useUi } from "../store/context";

/**
 * How long a write must take before "Saving…" shows. A save is usually done in a few
 * milliseconds: flashing the word would draw the window twice for nothing (and, painted
 * without a GPU, each frame costs tens of milliseconds the edit's answer waits behind).
 */
export const SAVING_SHOWN_AFTER_MS = 200;

/** True once `on` has held for `ms`; false again as soon as it stops. */
function useHeldFor(on: boolean, ms: number): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!on) {
      setHeld(false);
      return;
    }
    const timer = setTimeout(() => setHeld(true), ms);
    return () => clearTimeout(timer);
  }, [on, ms]);
  return on && held;
}

function time(at: string | null): string {
  if (!at) return "";
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/**
 * "Saved" / "Saving…" / "Not saved": every edit is written at once. `data-state` is the
 * state itself; the words say "Saving…" only for a write that takes a while.
 */
export function SaveIndicator() {
  const save = useUi((s) => s.save);
  const hasWorkspace = useUi((s) => s.current !== null);
  const slow = useHeldFor(save.kind === "saving", SAVING_SHOWN_AFTER_MS);
  if (!hasWorkspace) return null;
  const [text, title, tone] =
    save.kind === "saving" && slow
      ? ["Saving…", "Writing your change", "busy"]
      : save.kind === "error"
        ? ["Not saved", save.message, "error"]
        : ["Saved", save.kind === "saved" && save.at ? `Saved at ${time(save.at)}` : "All changes are saved", "ok"];
  return (
    <span
      className={`save-state save-${tone}`}
      data-testid="save-state"
      data-state={save.kind}
      title={title}
      role="status"
      aria-live="polite"
    >
      <span className="dot" aria-hidden="true" />
      {text}
    </span>
  );
}
