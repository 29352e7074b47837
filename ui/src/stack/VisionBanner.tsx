import type { WorkspaceInfo } from "../backend";
import { CommitText } from "../components/CommitText";
import { useWorkspaceStore } from "../store/context";

/** The vision layer: one statement across the top of the stack. */
export function VisionBanner({ info }: { info: WorkspaceInfo }) {
  const store = useWorkspaceStore();
  return (
    <section className="vision layer-vision" aria-label="Vision">
      <div className="lane-label">
        <span className="lane-title">Vision</span>
        <span className="lane-subtitle">Where the relationship should lead</span>
      </div>
      <CommitText
        multiline
        rows={1}
        autoGrow
        className="vision-text"
        data-testid="vision-input"
        aria-label="Vision statement"
        placeholder="Write the one change this customer relationship should make, e.g. “Every new customer gets a first result in week one.”"
        value={info.vision}
        onCommit={(vision) => void store.edit({ type: "set_info", info: { ...info, vision } })}
      />
    </section>
  );
}
