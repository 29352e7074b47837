import type { ElementKind } from "../backend";
import { useWorkspaceStore } from "../store/context";
import { addCard } from "./actions";
import { AddStage } from "./AddStage";

const ADD: { kind: ElementKind; label: string; layer: string; testId: string; hint?: string }[] = [
  { kind: "touchpoint", label: "Touchpoint", layer: "touchpoint", testId: "add-touchpoint", hint: " (Ctrl+N)" },
  { kind: "system", label: "System", layer: "system", testId: "add-system" },
  { kind: "rule", label: "Rule", layer: "system", testId: "add-rule" },
];

/** What a facilitator adds during a session. */
export function Toolbar({ stageName, hasStages }: { stageName: string | null; hasStages: boolean }) {
  const store = useWorkspaceStore();
  return (
    <div className="toolbar" role="toolbar" aria-label="Add to the stack">
      <span className="toolbar-label">Add</span>
      <AddStage />
      {ADD.map((a) => (
        <button
          key={a.kind}
          type="button"
          className={`tool layer-${a.layer}`}
          data-testid={a.testId}
          title={`Add a ${a.label.toLowerCase()}${hasStages ? ` to ${stageName ?? "the first stage"}` : ""}${a.hint ?? ""}`}
          onClick={() => void addCard(store, a.kind)}
        >
          <span aria-hidden="true">+</span> {a.label}
        </button>
      ))}
      <span className="toolbar-hint muted">
        {hasStages ? (
          <>
            New cards go to <strong>{stageName ?? "the first stage"}</strong>. Click a stage to choose another.
          </>
        ) : null}
      </span>
    </div>
  );
}
