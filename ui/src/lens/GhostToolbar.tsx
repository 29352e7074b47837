import { useState } from "react";
import type { GhostAction } from "./lens";

interface Props {
  actions: GhostAction[];
  /** Closes the toolbar (after an action, or on Escape). */
  onClose: () => void;
}

/**
 * The small toolbar a ghost handoff's label opens on the graph: one button per action the lens
 * offers; an action that needs a sentence (a waiver's reason) asks for it first.
 */
export function GhostToolbar({ actions, onClose }: Props) {
  const [asking, setAsking] = useState<GhostAction | null>(null);
  const [text, setText] = useState("");
  const submit = () => {
    const t = text.trim();
    if (!asking || !t) return;
    asking.run(t);
    onClose();
  };
  return (
    <div
      className="ghost-toolbar nodrag nopan"
      role="toolbar"
      aria-label="Shadow handoff"
      data-testid="ghost-toolbar"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      {asking ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label className="field">
            <span>{asking.asks}</span>
            <input data-testid="ghost-action-text" value={text} autoFocus onChange={(e) => setText(e.target.value)} />
          </label>
          <div className="row">
            <button type="submit" className="primary" data-testid="ghost-action-confirm" disabled={!text.trim()}>
              {asking.label}
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        actions.map((a) => (
          <button
            key={a.label}
            type="button"
            data-testid="ghost-action"
            data-action={a.label}
            onClick={() => {
              if (a.asks) setAsking(a);
              else {
                a.run("");
                onClose();
              }
            }}
          >
            {a.asks ? `${a.label}…` : a.label}
          </button>
        ))
      )}
    </div>
  );
}
