import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DateInput } from "../components/DateInput";
import { count, displayDate, displayDateTime, fileSize, figure } from "./format";
import { FIGURE_EXAMPLES } from "./library";

describe("one number format", () => {
  it("writes every figure exactly as the Rust libraries (CLI and PDF) do", () => {
    expect(FIGURE_EXAMPLES.length, "the library wrote examples").toBeGreaterThan(5);
    for (const [value, text] of FIGURE_EXAMPLES) expect(figure(value), `figure(${value})`).toBe(text);
  });

  it("rounds an exact tie to even, a near tie by its true value", () => {
    expect(figure(3.25), "3.25 is exact: to even").toBe("3.2");
    expect(figure(3.35), "3.35 is stored as 3.35000000000000008882: up").toBe("3.4");
    expect(figure(2.5, 0)).toBe("2");
    expect(figure(3.5, 0)).toBe("4");
    expect(figure(-1.25)).toBe("-1.2");
    expect(figure(3)).toBe("3.0");
    expect(figure(18, 0)).toBe("18");
  });

  it("writes none as a dash, counts grouped and sizes in units", () => {
    expect(figure(null)).toBe("–");
    expect(figure(Number.NaN)).toBe("–");
    expect(count(2000)).toBe("2,000");
    expect(fileSize(812)).toBe("812 bytes");
    expect(fileSize(48_000)).toBe("47 KB");
    expect(fileSize(1.45 * 1024 * 1024)).toBe("1.4 MB");
  });
});

describe("one date format", () => {
  it("writes the month as a word in the user's locale, never as an ambiguous number", () => {
    expect(displayDate("2025-05-06", "en-GB")).toBe("6 May 2025");
    expect(displayDate("2025-05-06", "en-US")).toBe("May 6, 2025");
    expect(displayDate("2025-05-06")).toMatch(/May/);
  });

  it("reads a day and a timestamp alike; leaves what it cannot read as it came", () => {
    expect(displayDate("2025-03-01T10:00:00Z", "en-GB")).toBe("1 Mar 2025");
    expect(displayDate("2025-02-30"), "no such day").toBe("2025-02-30");
    expect(displayDate("soon")).toBe("soon");
  });

  it("writes a moment as that date and the time of day to the minute, on a 24-hour clock", () => {
    expect(displayDateTime("2026-03-02T14:05:09Z", "en-GB", "UTC")).toBe("2 Mar 2026, 14:05");
    expect(displayDateTime("2026-03-02T14:05:09+02:00", "en-GB", "UTC"), "shown in the zone asked for").toBe("2 Mar 2026, 12:05");
    expect(displayDateTime("2026-03-02T14:05:09Z", "en-US", "UTC")).toBe("Mar 2, 2026, 14:05");
    expect(displayDateTime("whenever")).toBe("whenever");
  });
});

describe("a date field", () => {
  it("writes the chosen day out beside the native field, whose order depends on the system", () => {
    render(<DateInput value="2025-05-06" onChange={() => {}} aria-label="Date" />);
    expect(screen.getByLabelText("Date")).toHaveValue("2025-05-06");
    expect(screen.getByTestId("date-readout")).toHaveTextContent(displayDate("2025-05-06"));
    expect(screen.getByTestId("date-readout")).toHaveTextContent(/May/);
  });
});
