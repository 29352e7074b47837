-- Edits that read only the rows they touch: each entity table indexed by position, the
-- metric and review columns a deletion cascades through, and every element's name and
-- aliases (trimmed and lowercased by Throughline) so that the alias rule is one lookup.
-- The names table is filled by Throughline itself, on the first edit of a workspace
-- written before it existed: SQLite's lower() knows only ASCII.

CREATE INDEX stages_ord ON stages(workspace_id, ord);
CREATE INDEX elements_ord ON elements(workspace_id, ord);
CREATE INDEX handoffs_ord ON handoffs(workspace_id, ord);
CREATE INDEX principles_ord ON principles(workspace_id, ord);
CREATE INDEX readiness_sessions_ord ON readiness_sessions(workspace_id, ord);
CREATE INDEX layer_scores_ord ON layer_scores(workspace_id, ord);
CREATE INDEX waivers_ord ON waivers(workspace_id, ord);
CREATE INDEX metrics_ord ON metrics(workspace_id, ord);
CREATE INDEX readings_ord ON readings(workspace_id, ord);
CREATE INDEX reviews_ord ON reviews(workspace_id, ord);
CREATE INDEX metrics_scope ON metrics(workspace_id, scope);
CREATE INDEX reviews_session ON reviews(workspace_id, session);

CREATE TABLE element_names (
  workspace_id INTEGER NOT NULL,
  element_id   TEXT NOT NULL,
  name         TEXT NOT NULL, -- the element's name or one of its aliases, trimmed, lowercase
  PRIMARY KEY (workspace_id, name, element_id),
  FOREIGN KEY (workspace_id, element_id) REFERENCES elements(workspace_id, id)
    ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX element_names_element ON element_names(workspace_id, element_id);

-- The undo and redo stacks: the newest edit in effect, the oldest undone one, and the
-- undone edits a new edit discards, found without walking the whole change log.
CREATE INDEX change_batches_stack ON change_batches(workspace_id, role, state, id);
