-- Schema 2: where each element sits in the handoff graph, per workspace. View state, not
-- part of the change log: moving a node is not an undoable edit. Rows of deleted elements
-- are kept (undoing the delete brings the node back where it was) and ignored on read.

CREATE TABLE layout (
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  element_id   TEXT NOT NULL,
  x            REAL NOT NULL,
  y            REAL NOT NULL,
  PRIMARY KEY (workspace_id, element_id)
);
