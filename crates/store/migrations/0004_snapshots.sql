-- Schema 4: snapshots, named read-only states of a workspace. The document is stored whole,
-- as the model's canonical JSON compressed with deflate (`encoding` 1), not as rows: a
-- snapshot is never edited, only read back, exported, compared or restored.

CREATE TABLE snapshots (
  id           INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  -- Unique within the workspace, ignoring case: "Baseline" and "baseline" are one label.
  label        TEXT NOT NULL COLLATE NOCASE,
  note         TEXT,
  who          TEXT NOT NULL,
  at           TEXT NOT NULL,
  -- The workspace's revision when the snapshot was taken.
  revision     INTEGER NOT NULL,
  elements     INTEGER NOT NULL,
  encoding     INTEGER NOT NULL,
  -- The length of the uncompressed JSON, and the stored bytes.
  json_bytes   INTEGER NOT NULL,
  doc          BLOB NOT NULL,
  UNIQUE (workspace_id, label)
);
