import { useState } from "react";
import type { LogColumns, LogPreview } from "../backend";
import { Dialog } from "../shell/Dialog";

interface Props {
  path: string;
  preview: LogPreview;
  /** Names already taken in this workspace (compared ignoring case). */
  taken: string[];
  busy: boolean;
  error: string | null;
  onImport: (name: string, columns: LogColumns | null, skipBadRows: boolean) => void;
  onClose: () => void;
}

/** The default name of a log: its file name without `.gz`, `.csv` or `.xes`. */
export function defaultLogName(path: string): string {
  let name = path.split(/[\\/]/).pop() ?? path;
  for (const ext of [".gz", ".csv", ".xes"]) {
    if (name.length > ext.length && name.toLowerCase().endsWith(ext)) name = name.slice(0, -ext.length);
  }
  return name;
}

type Role = "case" | "activity" | "timestamp" | "resource" | "channel";
const ROLES: { role: Role; label: string; required: boolean }[] = [
  { role: "case", label: "Case", required: true },
  { role: "activity", label: "Activity", required: true },
  { role: "timestamp", label: "Time", required: true },
  { role: "resource", label: "Resource", required: false },
  { role: "channel", label: "Channel", required: false },
];

/**
 * Import an event log: its name in the library, and for a CSV file which column holds the
 * case, the activity, the time and (optionally) the resource and channel, over the first
 * rows of the file. An XES file names its fields itself.
 */
export function ImportLogDialog({ path, preview, taken, busy, error, onImport, onClose }: Props) {
  const [name, setName] = useState(defaultLogName(path));
  const [skip, setSkip] = useState(false);
  const [columns, setColumns] = useState<Record<Role, string>>({
    case: preview.case ?? "",
    activity: preview.activity ?? "",
    timestamp: preview.timestamp ?? "",
    resource: preview.resource ?? "",
    channel: preview.channel ?? "",
  });
  const csv = preview.kind === "csv";
  const clash = taken.find((t) => t.toLowerCase() === name.trim().toLowerCase());
  const missing = csv ? ROLES.filter((r) => r.required && !columns[r.role]) : [];
  const problem =
    preview.kind === "table"
      ? "This is a directly-follows table, not an event log: the library keeps event logs only. Replay a table with `throughline replay`."
      : !name.trim()
        ? "Give the log a name."
        : clash
          ? `This workspace already has a log named “${clash}”.`
          : missing.length
            ? `Choose the column that holds the ${missing.map((m) => m.label.toLowerCase()).join(", ")}.`
            : null;
  const submit = () => {
    if (problem || busy) return;
    const cols: LogColumns | null = csv
      ? {
          case: columns.case,
          activity: columns.activity,
          timestamp: columns.timestamp,
          resource: columns.resource || null,
          channel: columns.channel || null,
        }
      : null;
    onImport(name.trim(), cols, skip);
  };
  return (
    <Dialog
      title="Import an event log"
      onClose={onClose}
      testId="import-log-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" data-testid="import-log-confirm" disabled={problem !== null || busy} onClick={submit}>
            {busy ? "Importing…" : "Import"}
          </button>
        </>
      }
    >
      <p className="muted">{path}</p>
      <label className="field">
        <span>Name in the library</span>
        <input
          data-testid="import-log-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && submit()}
        />
      </label>
      {csv && (
        <fieldset className="log-columns">
          <legend>Columns</legend>
          {ROLES.map(({ role, label, required }) => (
            <label key={role} className="field">
              <span>{label}</span>
              <select
                aria-label={`${label} column`}
                data-testid={`column-${role}`}
                value={columns[role]}
                onChange={(e) => setColumns({ ...columns, [role]: e.target.value })}
              >
                <option value="">{required ? "Choose a column" : "None"}</option>
                {preview.header.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      {csv && preview.rows.length > 0 && (
        <div className="log-preview-wrap">
          <table className="log-preview" data-testid="log-preview">
            <thead>
              <tr>
                {preview.header.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, i) => (
                // Preview rows have no identity beyond their place in the file.
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are fixed for the dialog's life
                <tr key={i}>
                  {preview.header.map((h, j) => (
                    <td key={h}>{row[j] ?? ""}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <label className="check">
        <input type="checkbox" data-testid="import-log-skip" checked={skip} onChange={(e) => setSkip(e.target.checked)} />
        Leave out rows that cannot be read (they are counted) instead of refusing the file
      </label>
      {(problem ?? error) && (
        <p className="form-error" role="alert" data-testid="import-log-error">
          {problem ?? error}
        </p>
      )}
    </Dialog>
  );
}
