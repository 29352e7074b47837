import { useEffect, useState } from "react";
import type { TemplateInfo } from "../backend";
import { useWorkspaceStore } from "../store/context";
import { Dialog } from "./Dialog";

const EMPTY = "";

function size(t: TemplateInfo): string {
  return `${t.stages} stage${t.stages === 1 ? "" : "s"} · ${t.elements} card${t.elements === 1 ? "" : "s"}`;
}

/** "New workspace": start empty or from one of the library's templates, each with what it holds. */
export function NewWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const store = useWorkspaceStore();
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null);
  const [choice, setChoice] = useState(EMPTY);
  const [name, setName] = useState("");
  useEffect(() => {
    let live = true;
    store.backend.listTemplates().then(
      (list) => live && setTemplates(list),
      () => live && setTemplates([]),
    );
    return () => {
      live = false;
    };
  }, [store]);
  const template = templates?.find((t) => t.id === choice) ?? null;
  const trimmed = name.trim();
  const ready = template !== null || trimmed !== "";
  const submit = () => {
    if (!ready) return;
    if (template) void store.createFromTemplate(template.id, trimmed || null);
    else void store.createWorkspace(trimmed);
    onClose();
  };
  return (
    <Dialog
      title="New workspace"
      onClose={onClose}
      wide
      testId="new-workspace-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="new-workspace" className="primary" disabled={!ready} data-testid="workspace-name-submit">
            Create workspace
          </button>
        </>
      }
    >
      <form
        id="new-workspace"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span>Name</span>
          <input
            data-testid="workspace-name-input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={template ? template.title : "e.g. Onboarding: first 30 days"}
            maxLength={500}
          />
        </label>
        <fieldset className="template-picker" data-testid="template-picker">
          <legend>Start from nothing, or from a small finished example</legend>
          <label className={`template-option${choice === EMPTY ? " chosen" : ""}`}>
            <input type="radio" name="template" checked={choice === EMPTY} onChange={() => setChoice(EMPTY)} data-testid="template-empty" />
            <span className="template-text">
              <strong>An empty workspace</strong>
              <span className="muted small">No stages or cards yet: build the journey with the room from scratch.</span>
            </span>
          </label>
          {templates === null && <p className="muted small">Loading the templates…</p>}
          {templates?.map((t) => (
            <label key={t.id} className={`template-option${choice === t.id ? " chosen" : ""}`}>
              <input
                type="radio"
                name="template"
                checked={choice === t.id}
                onChange={() => setChoice(t.id)}
                data-testid="template-option"
                data-template={t.id}
              />
              <span className="template-text">
                <span className="template-title">
                  <strong>{t.title}</strong>
                  <span className="muted small template-size">{size(t)}</span>
                </span>
                <span className="muted small">{t.summary}</span>
              </span>
            </label>
          ))}
        </fieldset>
      </form>
    </Dialog>
  );
}
