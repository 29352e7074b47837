import type { Stage } from "../backend";
import { CommitText } from "../components/CommitText";
import { useWorkspaceStore } from "../store/context";

/** The narrative's key moment per stage. */
export function MomentsRow({ stages, unplaced }: { stages: Stage[]; unplaced: boolean }) {
  const store = useWorkspaceStore();
  return (
    <section className="lane layer-narrative moments" aria-label="Key moments">
      <div className="lane-label">
        <span className="lane-title">Key moments</span>
        <span className="lane-subtitle">Narrative</span>
      </div>
      <div className="lane-body">
        <div className="cards tracks">
          {stages.map((s, i) => (
            <CommitText
              key={s.id}
              multiline
              rows={2}
              autoGrow
              className="moment"
              style={{ gridColumn: i + 1 }}
              aria-label={`Key moment of ${s.name}`}
              title={s.moment || undefined}
              placeholder="What happens here?"
              value={s.moment}
              onCommit={(moment) => void store.edit({ type: "put_stage", stage: { ...s, moment }, index: null })}
            />
          ))}
          {unplaced && <div style={{ gridColumn: stages.length + 1 }} />}
        </div>
      </div>
    </section>
  );
}
