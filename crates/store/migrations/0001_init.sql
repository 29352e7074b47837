-- Schema 1: the library of workspaces, their entities, the change log and settings.
-- A migration is never edited once released; later changes go in a new numbered file.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row per workspace. The slug never changes; name, vision and journey_state are the
-- workspace's info entity and change with `SetInfo`.
CREATE TABLE workspaces (
  id            INTEGER PRIMARY KEY,
  slug          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  vision        TEXT,
  journey_state TEXT, -- JSON array of keys
  revision      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE stages (
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id           TEXT NOT NULL,
  ord          INTEGER NOT NULL,
  name         TEXT NOT NULL,
  emotion      INTEGER,
  moment       TEXT,
  PRIMARY KEY (workspace_id, id)
);

CREATE TABLE elements (
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id           TEXT NOT NULL,
  ord          INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  name         TEXT NOT NULL,
  description  TEXT,
  channel      TEXT,
  team         TEXT,
  capability   TEXT,
  stages       TEXT, -- JSON array of stage ids
  covers       TEXT, -- JSON array of element ids
  claims       TEXT, -- JSON object key -> statement
  needs        TEXT, -- JSON array of keys
  interprets   TEXT, -- JSON object signal -> intent
  tags         TEXT, -- JSON array
  PRIMARY KEY (workspace_id, id)
);

-- Handoff ends reference elements. The check is deferred to commit because one edit may
-- delete an element and its handoffs in either order.
CREATE TABLE handoffs (
  workspace_id    INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id              TEXT NOT NULL,
  ord             INTEGER NOT NULL,
  from_id         TEXT NOT NULL,
  to_id           TEXT NOT NULL,
  carries         TEXT, -- JSON array of keys
  invariant       TEXT, -- JSON array of keys
  may_vary        TEXT, -- JSON array of keys
  owner           TEXT,
  source_of_truth TEXT,
  mode            TEXT,
  gate            TEXT,
  latency_hours   INTEGER,
  trigger         TEXT,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, from_id) REFERENCES elements(workspace_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (workspace_id, to_id) REFERENCES elements(workspace_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (workspace_id, source_of_truth) REFERENCES elements(workspace_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX handoffs_from ON handoffs(workspace_id, from_id);
CREATE INDEX handoffs_to ON handoffs(workspace_id, to_id);
CREATE INDEX handoffs_source_of_truth ON handoffs(workspace_id, source_of_truth);

CREATE TABLE principles (
  workspace_id   INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id             TEXT NOT NULL,
  ord            INTEGER NOT NULL,
  text           TEXT NOT NULL,
  non_negotiable INTEGER,
  PRIMARY KEY (workspace_id, id)
);

CREATE TABLE readiness_sessions (
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id           TEXT NOT NULL,
  ord          INTEGER NOT NULL,
  name         TEXT NOT NULL,
  date         TEXT NOT NULL,
  raters       TEXT, -- JSON array of raters with their scores
  note         TEXT,
  PRIMARY KEY (workspace_id, id)
);

CREATE TABLE layer_scores (
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  key          TEXT NOT NULL, -- layer@date
  ord          INTEGER NOT NULL,
  layer        TEXT NOT NULL,
  score        INTEGER NOT NULL,
  date         TEXT NOT NULL,
  PRIMARY KEY (workspace_id, key)
);

CREATE TABLE waivers (
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  key          TEXT NOT NULL, -- code|subject
  ord          INTEGER NOT NULL,
  code         TEXT NOT NULL,
  subject      TEXT NOT NULL,
  reason       TEXT NOT NULL,
  who          TEXT NOT NULL,
  made_at      TEXT NOT NULL,
  PRIMARY KEY (workspace_id, key)
);

-- One batch per user action (one transaction). `role` is `create`, `edit`, `undo` or
-- `redo`; only `edit` batches can be undone, and `state` tracks where they stand:
-- `done` (on the undo stack), `undone` (on the redo stack) or `discarded`.
CREATE TABLE change_batches (
  id           INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  at           TEXT NOT NULL, -- RFC 3339, UTC
  who          TEXT NOT NULL,
  source       TEXT NOT NULL, -- ui, cli, import, undo, redo
  label        TEXT NOT NULL,
  role         TEXT NOT NULL,
  state        TEXT,
  reverts      INTEGER REFERENCES change_batches(id) ON DELETE SET NULL
);
CREATE INDEX change_batches_workspace ON change_batches(workspace_id, id);

CREATE TABLE changes (
  batch_id INTEGER NOT NULL REFERENCES change_batches(id) ON DELETE CASCADE,
  seq      INTEGER NOT NULL,
  kind     TEXT NOT NULL,
  key      TEXT NOT NULL,
  before   TEXT, -- JSON {index, value}, NULL when the entity did not exist
  after    TEXT, -- JSON {index, value}, NULL when the entity was deleted
  PRIMARY KEY (batch_id, seq)
);
