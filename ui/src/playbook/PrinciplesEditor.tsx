import { useLayoutEffect, useRef, useState } from "react";
import type { Principle } from "../backend";
import { uniqueId } from "../model/ids";
import { useWorkspaceStore } from "../store/context";
import { PrincipleRow } from "./PrincipleRow";

/** The workspace's design principles; every change is one saved, undoable edit. */
export function PrinciplesEditor({ principles }: { principles: Principle[] }) {
  const store = useWorkspaceStore();
  const [draft, setDraft] = useState("");
  const addInput = useRef<HTMLInputElement>(null);
  const refocus = useRef<HTMLElement | null>(null);
  const order = principles.map((p) => p.id).join("|");
  const firm = principles.filter((p) => p.non_negotiable).length;

  // Reordering moves the row in the DOM, which can drop focus; give it back to the same control.
  useLayoutEffect(() => {
    const el = refocus.current;
    refocus.current = null;
    if (el && el.isConnected && document.activeElement !== el) el.focus();
  }, [order]);

  const put = (principle: Principle, index: number | null = null) => void store.edit({ type: "put_principle", principle, index });

  const add = () => {
    const text = draft.trim();
    if (!text) return;
    const id = uniqueId(
      text.split(/\s+/).slice(0, 6).join(" "),
      principles.map((p) => p.id),
      "principle",
    );
    put({ id, text, non_negotiable: false });
    setDraft("");
  };

  const move = (p: Principle, to: number) => {
    refocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    put(p, to);
  };

  const remove = (p: Principle, index: number) => {
    void store.edit({ type: "delete_principle", id: p.id });
    // Keep the keyboard in the list: the next row's delete button, or the add field.
    const rows = document.querySelectorAll<HTMLElement>("[data-testid=principle]");
    const next = rows[index + 1] ?? rows[index - 1];
    (next?.querySelector<HTMLElement>("[data-testid=principle-delete]") ?? addInput.current)?.focus();
  };

  return (
    <section className="pb-card pb-principles" aria-labelledby="pb-principles-title">
      <div className="pb-card-head">
        <h2 id="pb-principles-title">Design principles</h2>
        <span className="pb-count muted">
          {principles.length === 0
            ? "None yet"
            : `${principles.length} ${principles.length === 1 ? "principle" : "principles"} · ${firm} non-negotiable`}
        </span>
      </div>
      <form
        className="pb-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          ref={addInput}
          data-testid="principle-add-input"
          value={draft}
          maxLength={500}
          aria-label="New principle"
          placeholder="Write a principle and press Enter"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") setDraft("");
          }}
        />
        <button type="submit" disabled={!draft.trim()}>
          Add
        </button>
      </form>
      {principles.length === 0 ? (
        <div className="pb-empty" data-testid="principles-empty">
          <p className="pb-empty-lead">A principle is a rule every team keeps, whatever touchpoint it owns.</p>
          <p>
            For example: <q>Never ask a customer for something we already know.</q> The website, onboarding, sales and support each decide
            differently; principles are what they decide the same way.
          </p>
          <p className="muted">
            Mark the few that no team may trade away as <strong>non-negotiable</strong>: they open the principles page of the playbook. Five
            to seven fit on one page.
          </p>
        </div>
      ) : (
        <ol className="pb-principle-list">
          {principles.map((p, i) => (
            <PrincipleRow
              key={p.id}
              principle={p}
              index={i}
              count={principles.length}
              onText={(text) => put({ ...p, text })}
              onToggle={() => put({ ...p, non_negotiable: !p.non_negotiable })}
              onMove={(to) => move(p, to)}
              onDelete={() => remove(p, i)}
            />
          ))}
        </ol>
      )}
      {principles.length > 0 && (
        <p className="pb-hint muted small">
          <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> reorders · <kbd>Esc</kbd> undoes a change you are typing · Undo brings back a deleted
          principle
        </p>
      )}
    </section>
  );
}
