-- Schema 6: event logs kept in the library, named per workspace, so that they replay again
-- after the map changes. A log is stored as its parsed events (`encoding` 1: the compact,
-- deflated column form of `throughline_reality::encode_log`), not as the file it came from:
-- activities are mapped to elements only at replay, so aliases added later still apply.

CREATE TABLE logs (
  id           INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  -- Unique within the workspace, ignoring case.
  name         TEXT NOT NULL COLLATE NOCASE,
  -- The file name it was imported from (no folder).
  source       TEXT NOT NULL,
  who          TEXT NOT NULL,
  at           TEXT NOT NULL,
  events       INTEGER NOT NULL,
  cases        INTEGER NOT NULL,
  activities   INTEGER NOT NULL,
  -- Rows left out at import (only with skip bad rows).
  bad_rows     INTEGER NOT NULL,
  -- The earliest and latest event, milliseconds since 1970 (UTC); NULL for no events.
  first_ms     INTEGER,
  last_ms      INTEGER,
  encoding     INTEGER NOT NULL,
  data         BLOB NOT NULL,
  UNIQUE (workspace_id, name)
);
