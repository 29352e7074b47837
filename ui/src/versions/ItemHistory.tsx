import { useEffect, useState } from "react";
import "./versions.css";
import type { EntityKind, ItemChange } from "../backend";
import { toBackendError } from "../backend";
import { useUi, useWorkspaceStore } from "../store/context";
import { useBaseSlug } from "../store/readOnly";
import { SOURCE_LABEL, shortTime, showValue } from "./format";

const WORD: Record<ItemChange["change"], string> = { added: "Added", removed: "Deleted", changed: "Changed", moved: "Moved" };

/** The logged changes to one item: when, who, through what, and each field's before and after. */
export function ItemHistoryList({ kind, id }: { kind: EntityKind; id: string }) {
  const store = useWorkspaceStore();
  const slug = useBaseSlug() || null;
  const revision = useUi((s) => s.current?.revision ?? 0);
  const [entries, setEntries] = useState<ItemChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: every saved change moves the revision, the reason to read again
  useEffect(() => {
    if (!slug) return;
    let live = true;
    store.backend.itemHistory(slug, kind, id).then(
      (h) => {
        if (!live) return;
        setEntries(h);
        setError(null);
      },
      (e) => {
        if (live) setError(toBackendError(e).message);
      },
    );
    return () => {
      live = false;
    };
  }, [store, slug, kind, id, revision]);
  if (error) return <p className="field-problem">{error}</p>;
  if (!entries) return <p className="muted small">Reading the history…</p>;
  if (entries.length === 0) return <p className="muted small">No change to it is logged.</p>;
  return (
    <ol className="item-history" data-testid="item-history">
      {entries.map((h) => (
        <li key={h.batch} className={`item-history-entry state-${h.state}`}>
          <div>
            <strong>{WORD[h.change]}</strong> <span className="muted small">{h.label}</span>
          </div>
          <div className="muted small">
            {shortTime(h.at)} · {h.who} · {SOURCE_LABEL[h.source]}
            {h.state === "undone" ? " · undone" : ""}
          </div>
          {Object.keys(h.fields).length > 0 && (
            <dl className="field-diff small">
              {Object.entries(h.fields).map(([path, f]) => (
                <div key={path}>
                  <dt className="mono">{path}</dt>
                  <dd>
                    <del>{showValue(f.before)}</del> → <ins>{showValue(f.after)}</ins>
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ol>
  );
}

/** A folded "History" section for an inspector; the history is read when it is opened. */
export function ItemHistory({ kind, id }: { kind: EntityKind; id: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="inspector-history" data-testid="inspector-history" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>History</summary>
      {open && <ItemHistoryList kind={kind} id={id} />}
    </details>
  );
}
