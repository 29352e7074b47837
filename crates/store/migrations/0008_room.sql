-- Schema 8. Format version 2 additions for the room: a waiver's review date (after which it is due)
-- and the readiness session a layer score belongs to.
ALTER TABLE waivers ADD COLUMN review TEXT;
ALTER TABLE layer_scores ADD COLUMN session TEXT;
CREATE INDEX layer_scores_session ON layer_scores(workspace_id, session);
