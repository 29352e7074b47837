import type { CSSProperties } from "react";

interface Props {
  /** The whole text: shown up to `lines` lines, and in full on hover. */
  text: string;
  /** How many lines show before the text is cut with an ellipsis. */
  lines?: number;
  className?: string;
  as?: "span" | "div" | "h2" | "h3";
  "data-testid"?: string;
  onDoubleClick?: () => void;
  /** Hover text when it should say more than the text itself (it then ends with the text). */
  hint?: string;
}

/**
 * A name or text that may be any length: wraps, stops after `lines` lines (CSS line-clamp,
 * the `.clamp` rule in app.css) and carries the whole text as its hover title. Every view
 * that shows a user's text in a fixed-width place uses it, so no text can widen a column.
 */
export function Clamped({ text, lines = 2, className, as: Tag = "span", hint, ...rest }: Props) {
  const style = { "--lines": lines } as CSSProperties;
  return (
    <Tag className={`clamp${className ? ` ${className}` : ""}`} style={style} title={hint ? `${hint}\n${text}` : text} {...rest}>
      {text}
    </Tag>
  );
}
