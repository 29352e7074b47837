import type { ErrorCode } from "../backend";

/** What the window says for a failure the user can do something about. */
export interface Advice {
  title: string;
  /** What to do, in one or two sentences. */
  advice: string;
  /** Whether trying the same again may work. */
  retry: boolean;
}

/** The advice for the codes where the user can act; null for the others. */
export function adviceFor(code: ErrorCode): Advice | null {
  switch (code) {
    case "newer_database":
      return {
        title: "This library comes from a newer Throughline",
        advice: "Install the newest Throughline to open it. Nothing in the library was changed.",
        retry: false,
      };
    case "locked":
      return {
        title: "The library is busy",
        advice: "Another program (perhaps the throughline command line) is writing to it. Wait a moment, then try again.",
        retry: true,
      };
    case "damaged_library":
      return {
        title: "The library file is damaged",
        advice:
          "Nothing was changed or deleted. Open Settings to restore one of the library's backups (the damaged file is kept aside), or run `throughline salvage` to copy out the workspaces that can still be read.",
        retry: false,
      };
    case "bad_file":
      return {
        title: "This file cannot be imported",
        advice:
          "Fix the places listed in the file (or export it again from where it came from), then import it again. Nothing was added to the library.",
        retry: false,
      };
    default:
      return null;
  }
}
