-- Schema 7: a compact change-log entry for a batch that puts many readings at once (a
-- readings import). Instead of one `changes` row (two JSON documents) per reading, the batch
-- logs one row here: `data` lists each reading it changed with its position and its value
-- and sample size before and after (`encoding` 1, see crates/store/src/bulk.rs). Undo, redo
-- and the history read it back as reading changes.

CREATE TABLE change_readings (
  batch_id INTEGER PRIMARY KEY REFERENCES change_batches(id) ON DELETE CASCADE,
  encoding INTEGER NOT NULL,
  count    INTEGER NOT NULL, -- how many readings the entry lists
  data     BLOB NOT NULL
);
