import { useEffect, useMemo, useState } from "react";
import type { Choice, JsonValue, MergeConflict, MergePreview, SnapshotInfo, VersionRef, Workspace } from "../backend";
import { toBackendError } from "../backend";
import { Dialog } from "../shell/Dialog";
import { useUi, useWorkspaceStore } from "../store/context";
import { useBaseSlug } from "../store/readOnly";
import { ChangeList, COLLECTION_WORD } from "./ChangeList";
import { showValue, versionName } from "./format";

type Value = JsonValue | null | undefined;
type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The conflict's identity, as the library names it: collection, item, field. */
export const conflictKey = (c: { collection: string; id: string; field: string | null }) => `${c.collection}|${c.id}|${c.field ?? ""}`;

/** The name people know a conflicting item by: its name, a principle's text, a handoff's two ends. */
export function conflictItemName(c: MergeConflict, doc: Workspace | undefined): string {
  const side = [c.ours, c.theirs, c.base].find(isObject) as Obj | undefined;
  if (c.collection === "workspace") return "The workspace";
  if (!side) return c.id;
  if (typeof side.name === "string" && side.name) return side.name;
  if (typeof side.text === "string" && side.text) return side.text;
  if (c.collection === "handoffs") {
    const name = (id: unknown) => doc?.elements.find((e) => e.id === id)?.name ?? String(id);
    return `${name(side.from)} → ${name(side.to)}`;
  }
  return c.id;
}

/** One side of an item-level conflict: deleted, as it was, or which fields changed. */
function itemSide(value: Value, base: Value): string {
  if (value === null || value === undefined) return "Deleted";
  if (JSON.stringify(value) === JSON.stringify(base)) return "As it was";
  if (!isObject(value)) return showValue(value);
  const b = isObject(base) ? base : {};
  const fields = Object.keys({ ...b, ...value }).filter((k) => JSON.stringify(value[k] ?? null) !== JSON.stringify(b[k] ?? null));
  return base === null || base === undefined ? "Added" : `Changed: ${fields.join(", ")}`;
}

interface ConflictRowProps {
  conflict: MergeConflict;
  doc: Workspace | undefined;
  take: "ours" | "theirs";
  names: { base: string; ours: string; theirs: string };
  onTake: (take: "ours" | "theirs") => void;
}

/** One conflict, side by side (base, ours, theirs), with the choice of the value to keep. */
function ConflictRow({ conflict: c, doc, take, names, onTake }: ConflictRowProps) {
  const show = (v: Value) => (c.field === null ? itemSide(v, c.base) : showValue(v ?? null));
  const group = conflictKey(c);
  return (
    <li className="merge-conflict" data-testid="merge-conflict" data-conflict={group}>
      <p className="merge-conflict-what">
        <strong>{conflictItemName(c, doc)}</strong> <span className="muted">({COLLECTION_WORD[c.collection] ?? c.collection})</span>
        {" · "}
        {c.field === null ? "deleted on one side, changed on the other" : c.field}
      </p>
      <div className="merge-sides">
        <div className="merge-side">
          <span className="merge-side-name">Base: {names.base}</span>
          <span data-testid="merge-base">{show(c.base)}</span>
        </div>
        <label className={`merge-side${take === "ours" ? " chosen" : ""}`}>
          <span className="merge-side-name">
            <input type="radio" name={group} checked={take === "ours"} onChange={() => onTake("ours")} data-testid="merge-take-ours" /> Keep
            ours: {names.ours}
          </span>
          <span data-testid="merge-ours">{show(c.ours)}</span>
        </label>
        <label className={`merge-side${take === "theirs" ? " chosen" : ""}`}>
          <span className="merge-side-name">
            <input
              type="radio"
              name={group}
              checked={take === "theirs"}
              onChange={() => onTake("theirs")}
              data-testid="merge-take-theirs"
            />{" "}
            Take theirs: {names.theirs}
          </span>
          <span data-testid="merge-theirs">{show(c.theirs)}</span>
        </label>
      </div>
    </li>
  );
}

interface Props {
  /** The workspace file to merge in (theirs), as the system's dialog returned it. */
  path: string;
  snapshots: SnapshotInfo[];
  onClose: () => void;
  /** Called after the merge was applied, with a line for the user. */
  onMerged: (message: string) => void;
}

/**
 * Merges a workspace file into the open workspace: pick the common base (the newest
 * snapshot by default, another snapshot, or a file), see what the merge would change and
 * each conflict side by side, pick per conflict, and apply the result as one undoable change.
 */
export function MergeDialog({ path, snapshots, onClose, onMerged }: Props) {
  const store = useWorkspaceStore();
  const slug = useBaseSlug();
  const doc = useUi((s) => s.current?.doc);
  const [base, setBase] = useState<VersionRef | null>(snapshots[0] ? { kind: "snapshot", label: snapshots[0].label } : null);
  const [taken, setTaken] = useState<Record<string, "theirs">>({});
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choices: Choice[] = useMemo(
    () =>
      Object.keys(taken).map((k) => {
        const [collection = "", id = "", field = ""] = k.split("|");
        return { collection, id, field: field === "" ? null : field, take: "theirs" as const };
      }),
    [taken],
  );

  useEffect(() => {
    if (!base || !slug) return;
    let live = true;
    setError(null);
    store.backend.previewMerge(slug, path, base, choices).then(
      (p) => live && setPreview(p),
      (e) => {
        if (!live) return;
        setPreview(null);
        setError(toBackendError(e).message);
      },
    );
    return () => {
      live = false;
    };
  }, [store, slug, path, base, choices]);

  const chooseBaseFile = async () => {
    const file = await store.backend.chooseImportPath();
    if (file) setBase({ kind: "file", path: file });
  };
  const apply = async () => {
    if (!base || busy) return;
    setBusy(true);
    try {
      const state = await store.backend.applyMerge(slug, path, base, choices);
      await store.refresh({ slug, source: "merge", kind: "edited", origin: null });
      const name = versionName({ kind: "file", path });
      onMerged(
        state.undo?.label === `Merge ${name}`
          ? `Merged ${name}. Undo (Ctrl+Z) brings back the workspace as it was.`
          : `Nothing to merge: the workspace already holds ${name}.`,
      );
      onClose();
    } catch (e) {
      setError(toBackendError(e).message);
      setBusy(false);
    }
  };
  const changes = preview?.comparison.changes ?? [];
  const baseValue = base ? (base.kind === "snapshot" ? `snapshot:${base.label}` : base.kind === "file" ? `file:${base.path}` : "") : "";

  return (
    <Dialog
      title={`Merge ${versionName({ kind: "file", path })} into this workspace`}
      onClose={onClose}
      testId="merge-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!preview || busy} onClick={() => void apply()} data-testid="merge-apply">
            {preview && preview.conflicts.length > 0 ? "Merge with these choices" : "Merge"}
          </button>
        </>
      }
    >
      <div className="merge-dialog">
        <label className="field">
          <span>Common base (the state both copies started from)</span>
          <select
            data-testid="merge-base-picker"
            value={baseValue}
            onChange={(e) => {
              const v = e.target.value;
              setTaken({});
              if (v === "choose-file") void chooseBaseFile();
              else if (v.startsWith("snapshot:")) setBase({ kind: "snapshot", label: v.slice("snapshot:".length) });
            }}
          >
            {!base && <option value="">Choose the base…</option>}
            {snapshots.map((s) => (
              <option key={s.label} value={`snapshot:${s.label}`}>
                Snapshot “{s.label}”
              </option>
            ))}
            {base?.kind === "file" && <option value={baseValue}>{versionName(base)}</option>}
            <option value="choose-file">A file…</option>
          </select>
        </label>
        {!base && <p className="muted small">This workspace has no snapshot yet: choose the file both copies started from.</p>}
        {error && (
          <p className="field-problem" role="alert" data-testid="merge-error">
            {error}
          </p>
        )}
        {preview && (
          <>
            <p className="compare-summary" data-testid="merge-summary">
              {changes.length === 0
                ? "Merging changes nothing in this workspace."
                : `Merging changes ${changes.length} ${changes.length === 1 ? "item" : "items"} of this workspace`}
              {preview.conflicts.length > 0
                ? `; ${preview.conflicts.length} ${preview.conflicts.length === 1 ? "conflict needs" : "conflicts need"} a choice (ours is kept unless you take theirs).`
                : "; no conflict."}
            </p>
            {preview.warnings.map((w) => (
              <p key={w} className="versions-message" role="status">
                {w}
              </p>
            ))}
            {preview.conflicts.length > 0 && (
              <ul className="merge-conflicts" aria-label="Conflicts">
                {preview.conflicts.map((c) => {
                  const key = conflictKey(c);
                  return (
                    <ConflictRow
                      key={key}
                      conflict={c}
                      doc={doc}
                      names={preview}
                      take={taken[key] ? "theirs" : "ours"}
                      onTake={(take) =>
                        setTaken((t) => {
                          const next = { ...t };
                          if (take === "theirs") next[key] = "theirs";
                          else delete next[key];
                          return next;
                        })
                      }
                    />
                  );
                })}
              </ul>
            )}
            <ChangeList changes={changes} selectable={false} />
          </>
        )}
      </div>
    </Dialog>
  );
}
