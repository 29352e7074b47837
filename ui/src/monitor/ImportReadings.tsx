import { useEffect, useRef, useState } from "react";
import { type ColumnMap, type ReadingsPreview, toBackendError } from "../backend";
import { Dialog } from "../shell/Dialog";
import { useUi, useWorkspaceStore } from "../store/context";
import { fmt } from "./format";

const ROLES: { key: keyof ColumnMap; label: string; optional?: boolean }[] = [
  { key: "metric", label: "Metric" },
  { key: "date", label: "Date" },
  { key: "value", label: "Value" },
  { key: "n", label: "Sample size (n)", optional: true },
];

/**
 * The readings import: what the file would do (the columns used, every wrong row, the readings
 * it would replace), mapped and checked by the library before anything is written. The import
 * button stays off until every row is good, and replacing recorded readings needs a tick.
 */
export function ImportReadings({ path, onClose, onDone }: { path: string; onClose: () => void; onDone: (message: string) => void }) {
  const store = useWorkspaceStore();
  const slug = useUi((s) => s.current?.summary.slug ?? "");
  const revision = useUi((s) => s.current?.revision ?? 0);
  const [columns, setColumns] = useState<ColumnMap | null>(null);
  const [replace, setReplace] = useState(false);
  const [preview, setPreview] = useState<ReadingsPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);

  useEffect(() => {
    const ticket = ++asked.current;
    store.backend.previewReadingsImport(slug, path, columns, replace).then(
      (p) => {
        if (ticket === asked.current) {
          setPreview(p);
          setError(null);
        }
      },
      (e: unknown) => {
        if (ticket === asked.current) setError(toBackendError(e).message);
      },
    );
  }, [store, slug, path, columns, replace, revision]);

  const mapped = columns ?? preview?.columns ?? null;
  const setRole = (key: keyof ColumnMap, value: string) => {
    const base: ColumnMap = mapped ?? { metric: "metric", date: "date", value: "value", n: null };
    setColumns({ ...base, [key]: key === "n" && value === "" ? null : value });
  };
  const run = async () => {
    if (!preview?.ready) return;
    setBusy(true);
    const ok = await store.importReadings(path, columns, replace);
    setBusy(false);
    if (ok) {
      const replaced = replace ? preview.conflict_count : 0;
      onDone(`Imported ${preview.to_write} readings: ${preview.added} new, ${replaced} replaced, ${preview.unchanged} already recorded.`);
    }
  };

  const footer = (
    <>
      <button type="button" onClick={onClose}>
        Cancel
      </button>
      <button
        type="button"
        className="primary"
        data-testid="import-readings-commit"
        disabled={!preview?.ready || busy || preview.to_write === 0}
        onClick={() => void run()}
      >
        {preview ? `Import ${preview.to_write} readings` : "Import"}
      </button>
    </>
  );

  return (
    <Dialog title="Import readings" onClose={onClose} footer={footer} testId="import-readings">
      <p className="muted mo-path" title={path}>
        From {path}
      </p>
      {error && (
        <p className="field-problem" role="alert">
          {error}
        </p>
      )}
      {preview && preview.headers.length > 0 && (
        <fieldset className="mo-columns" data-testid="import-columns">
          <legend>Columns</legend>
          {ROLES.map((r) => (
            <label key={r.key}>
              {r.label}
              <select
                data-testid={`import-column-${r.key}`}
                value={(mapped?.[r.key] as string | null) ?? ""}
                onChange={(e) => setRole(r.key, e.target.value)}
              >
                {r.optional && <option value="">(none)</option>}
                {!r.optional && !preview.headers.includes(mapped?.[r.key] ?? "") && (
                  <option value={mapped?.[r.key] ?? ""}>choose a column</option>
                )}
                {preview.headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      {preview?.problem && (
        <p className="field-problem" role="alert" data-testid="import-problem">
          {preview.problem}
        </p>
      )}
      {preview && !preview.problem && (
        <div data-testid="import-summary" aria-live="polite">
          <p>
            {preview.rows} rows: {preview.added} new readings, {preview.conflict_count} would replace a recorded one, {preview.unchanged}{" "}
            already recorded
            {preview.error_count > 0 ? `, ${preview.error_count} wrong` : ""}.
          </p>
          {preview.error_count > 0 && (
            <div className="mo-import-errors">
              <p>
                <strong>
                  <span aria-hidden="true">✕ </span>Nothing will be imported until every row is good.
                </strong>{" "}
                Correct these rows in the file, then choose it again.
              </p>
              <ul data-testid="import-errors">
                {preview.errors.map((e) => (
                  <li key={`${e.row}-${e.message}`}>
                    row {e.row}: {e.message}
                  </li>
                ))}
              </ul>
              {preview.error_count > preview.errors.length && (
                <p className="muted">and {preview.error_count - preview.errors.length} more</p>
              )}
            </div>
          )}
          {preview.conflict_count > 0 && (
            <div className="mo-import-conflicts">
              <ul data-testid="import-conflicts">
                {preview.conflicts.map((c) => (
                  <li key={c.row}>
                    row {c.row}: {c.metric} on {c.date} is {fmt(c.recorded)} now; the file says {fmt(c.imported)}
                  </li>
                ))}
              </ul>
              <label className="check">
                <input type="checkbox" data-testid="import-replace" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
                Replace the {preview.conflict_count} readings already recorded
              </label>
            </div>
          )}
          {preview.sample.length > 0 && preview.error_count === 0 && (
            <table className="mo-sample" data-testid="import-sample">
              <caption className="muted">The first readings to write</caption>
              <thead>
                <tr>
                  <th scope="col">Metric</th>
                  <th scope="col">Date</th>
                  <th scope="col">Value</th>
                  <th scope="col">n</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((r) => (
                  <tr key={`${r.metric}@${r.date}`}>
                    <td>{r.metric}</td>
                    <td>{r.date}</td>
                    <td>{fmt(r.value)}</td>
                    <td>{r.n ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </Dialog>
  );
}
