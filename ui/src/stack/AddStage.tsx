import { useState } from "react";
import { useWorkspaceStore } from "../store/context";
import { addStage } from "./actions";

/** "+ Stage": asks for the name first, so the stage's id comes from a real name. */
export function AddStage({ large }: { large?: boolean }) {
  const store = useWorkspaceStore();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  if (!open) {
    return (
      <button
        type="button"
        className={large ? "primary large" : "tool layer-narrative"}
        data-testid={large ? "add-first-stage" : "add-stage"}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">+</span> {large ? "Add the first stage" : "Stage"}
      </button>
    );
  }
  const close = () => {
    setOpen(false);
    setName("");
  };
  const submit = () => {
    if (name.trim()) void addStage(store, name.trim());
    close();
  };
  return (
    <form
      className="add-stage-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <input
        autoFocus
        data-testid="stage-name-input"
        aria-label="New stage name"
        placeholder="Stage name, e.g. Discover"
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            close();
          }
        }}
        onBlur={submit}
      />
      <button type="submit" className="primary" onMouseDown={(e) => e.preventDefault()}>
        Add stage
      </button>
    </form>
  );
}
