import { useEffect, useLayoutEffect, useRef, useState, type InputHTMLAttributes, type KeyboardEvent } from "react";
import { useReadOnly } from "../store/readOnly";

type Base = Omit<InputHTMLAttributes<HTMLInputElement & HTMLTextAreaElement>, "value" | "onChange" | "onBlur" | "onKeyDown">;

interface Props extends Base {
  value: string;
  /** Called once per finished edit (blur or Enter) when the text changed. */
  onCommit: (value: string) => void;
  multiline?: boolean;
  /** Visible lines of a multi-line field. */
  rows?: number;
  /** A multi-line field grows with its text instead of scrolling. */
  autoGrow?: boolean;
  /** Refuse an empty value (names): the old value comes back. */
  required?: boolean;
  /** Called after Enter or Escape, e.g. to leave an editing mode. */
  onDone?: () => void;
}

/**
 * A text field that keeps its draft locally and commits on blur or Enter (Shift+Enter makes
 * a new line in multi-line fields); Escape restores the saved value. One edit per change,
 * not one per keystroke. While a snapshot is shown it is read-only and commits nothing.
 */
export function CommitText({ value, onCommit, multiline, rows = 2, autoGrow, required, onDone, ...rest }: Props) {
  const readOnly = useReadOnly() || !!rest.readOnly;
  const [draft, setDraft] = useState(value);
  const skipBlur = useRef(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = area.current;
    if (!autoGrow || !el || el.scrollHeight === 0) return;
    const fit = () => {
      el.style.height = "auto";
      el.style.height = `${el.scrollHeight + 2}px`;
    };
    fit();
    // The bundled font may arrive after the first layout and wrap the text differently.
    void document.fonts?.ready.then(fit);
    // A narrower column wraps the text onto more lines: fit again when the width changes.
    if (typeof ResizeObserver === "undefined") return;
    let width = el.clientWidth;
    const watch = new ResizeObserver(() => {
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      fit();
    });
    watch.observe(el);
    return () => watch.disconnect();
  }, [autoGrow, draft]);
  useEffect(() => setDraft(value), [value]);

  const commit = () => {
    if (readOnly) return;
    const next = multiline ? draft : draft.trim();
    if (required && !next.trim()) {
      setDraft(value);
      return;
    }
    if (next !== value) onCommit(next);
  };
  const common = {
    ...rest,
    readOnly,
    "aria-readonly": readOnly || undefined,
    value: draft,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: () => {
      if (skipBlur.current) {
        skipBlur.current = false;
        return;
      }
      commit();
      onDone?.();
    },
    onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === "Enter" && !(multiline && e.shiftKey) && !e.nativeEvent.isComposing) {
        e.preventDefault();
        commit();
        skipBlur.current = !!onDone;
        onDone?.();
      } else if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        setDraft(value);
        skipBlur.current = true;
        onDone?.();
        if (!onDone) (e.target as HTMLElement).blur();
      }
    },
  };
  return multiline ? <textarea ref={area} rows={rows} {...common} /> : <input {...common} />;
}
