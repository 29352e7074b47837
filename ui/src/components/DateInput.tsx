import type { InputHTMLAttributes } from "react";
import { displayDate } from "../model/format";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { value: string };

/**
 * A date field (the value stays ISO, `YYYY-MM-DD`) with the chosen day written out beside it in
 * the app's one date format: the native field shows the system's numeric order (05/06/2025),
 * which a room cannot read without knowing whose convention it follows.
 */
export function DateInput({ value, ...rest }: Props) {
  return (
    <span className="date-input">
      <input type="date" value={value} {...rest} />
      {value && (
        <span className="date-readout muted small" data-testid="date-readout">
          {displayDate(value)}
        </span>
      )}
    </span>
  );
}
