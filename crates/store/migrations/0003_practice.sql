-- Schema 3: format version 2's additions. Elements gain aliases (other names in event
-- logs); metrics, their dated readings and review meetings join the workspace.

ALTER TABLE elements ADD COLUMN aliases TEXT; -- JSON array of names

CREATE TABLE metrics (
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id           TEXT NOT NULL,
  ord          INTEGER NOT NULL,
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL,
  min          REAL NOT NULL,
  max          REAL NOT NULL,
  direction    TEXT,
  target       REAL,
  owner        TEXT,
  scope        TEXT,
  leading      INTEGER,
  PRIMARY KEY (workspace_id, id)
);

-- One value per metric and date; the key is `metric@date`.
CREATE TABLE readings (
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  key          TEXT NOT NULL,
  ord          INTEGER NOT NULL,
  metric       TEXT NOT NULL,
  date         TEXT NOT NULL,
  value        REAL NOT NULL,
  n            INTEGER,
  PRIMARY KEY (workspace_id, key),
  FOREIGN KEY (workspace_id, metric) REFERENCES metrics(workspace_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX readings_metric ON readings(workspace_id, metric, date);

CREATE TABLE reviews (
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id           TEXT NOT NULL,
  ord          INTEGER NOT NULL,
  date         TEXT NOT NULL,
  attendees    TEXT, -- JSON array of names
  decisions    TEXT,
  findings     TEXT, -- JSON array of `code|key`
  session      TEXT,
  PRIMARY KEY (workspace_id, id)
);
