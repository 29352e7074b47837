import { useUi } from "../store/context";

function time(at: string | null): string {
  if (!at) return "";
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** "Saved" / "Saving…" / "Not saved": every edit is written at once. */
export function SaveIndicator() {
  const save = useUi((s) => s.save);
  const hasWorkspace = useUi((s) => s.current !== null);
  if (!hasWorkspace) return null;
  const [text, title, tone] =
    save.kind === "saving"
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
