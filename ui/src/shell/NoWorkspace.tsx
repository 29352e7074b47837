import { useState } from "react";
import { useWorkspaceStore } from "../store/context";
import { NewWorkspaceDialog } from "./NewWorkspaceDialog";

/** The first screen when the library is empty. */
export function NoWorkspace() {
  const store = useWorkspaceStore();
  const [creating, setCreating] = useState(false);
  return (
    <main className="empty-page">
      <div className="empty-card">
        <h1>Start a workspace</h1>
        <p>
          A workspace holds one customer journey: its vision, the stages of its story, and the systems and touchpoints that carry it. Create
          one for your next workshop (empty, or from one of four finished examples), or open a <code>.throughline.json</code> file someone
          shared with you.
        </p>
        <div className="row">
          <button type="button" className="primary large" data-testid="empty-new-workspace" onClick={() => setCreating(true)}>
            New workspace
          </button>
          <button type="button" className="large" onClick={() => void store.importWorkspace()}>
            Import from file…
          </button>
        </div>
      </div>
      {creating && <NewWorkspaceDialog onClose={() => setCreating(false)} />}
    </main>
  );
}
