/*
 * How every view writes numbers and dates: one module, so the same figure never reads two ways.
 *
 * Numbers follow the Rust libraries' rule (what the CLI and the PDF print): a fixed number of
 * decimals, an exact tie rounded to even, so a mean of 3.25 reads "3.2" everywhere.
 * `format.test.ts` checks `figure` against examples the Rust library writes (`FIGURE_EXAMPLES`
 * in model/library.ts). Dates show the month as a word in the user's locale ("6 May 2025" or
 * "May 6, 2025"), never an ambiguous 05/06/2025; files keep ISO dates.
 */

/** A figure to `digits` decimals as the CLI and the PDF write it; "–" for none. */
export function figure(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const plain = value.toFixed(digits);
  // The exact decimal expansion tells an exact tie (3.25) from a near one (1.05 is 1.0500…04).
  const exact = Math.abs(value).toFixed(Math.min(100, digits + 60));
  const rest = exact.slice(exact.indexOf(".") + 1 + digits);
  if (!/^50*$/.test(rest)) return plain;
  // toFixed rounds a tie away from zero; Rust rounds it to even.
  const scale = 10 ** digits;
  const below = Math.floor(Math.abs(value) * scale);
  const even = below % 2 === 0 ? below : below + 1;
  const text = (even / scale).toFixed(digits);
  return value < 0 ? `-${text}` : text;
}

/** A count with thousands grouped: "2,000". */
export function count(n: number): string {
  return Math.round(n).toLocaleString("en");
}

/** A file size for people: "812 bytes", "47 KB", "1.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${figure(bytes / (1024 * 1024))} MB`;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date for people: an ISO day (`2025-05-06`) or a timestamp, with the month as a word in the
 * user's locale. Anything unreadable is shown as it came.
 */
export function displayDate(iso: string, locale?: string): string {
  const m = DAY.exec(iso);
  const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() !== Number(m[2]) - 1) return iso;
    return d.toLocaleDateString(locale, { ...options, timeZone: "UTC" });
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(locale, options);
}

/**
 * A moment for people: the date as `displayDate` writes it, then the time of day to the minute
 * ("6 May 2025, 09:30"), in the user's time zone unless one is given. Unreadable text is shown
 * as it came.
 */
export function displayDateTime(iso: string, locale?: string, timeZone?: string): string {
  const d = new Date(iso);
  if (DAY.test(iso) || Number.isNaN(d.getTime())) return iso;
  const day = d.toLocaleDateString(locale, { day: "numeric", month: "short", year: "numeric", timeZone });
  const time = d.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  return `${day}, ${time}`;
}
