-- A broken box replaced by a new one in the same slot: what the old box left
-- undone, kept as the record staff read (and the CLI prints) when ordering the
-- new box. `report` is the JSON of main/contract/terminalSlot's ReplacementReport.
CREATE TABLE terminal_replacement (
  id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  replaced_at TEXT NOT NULL,
  report TEXT NOT NULL
);
CREATE INDEX terminal_replacement_by_terminal ON terminal_replacement (terminal_id, replaced_at);
