-- Events pushed by terminals, each applied once, in each terminal's order.
CREATE TABLE terminal_event (
  id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  payload TEXT NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (terminal_id, seq)
);

-- The last sequence number applied (or refused) per terminal.
CREATE TABLE terminal_cursor (
  terminal_id TEXT PRIMARY KEY,
  last_seq INTEGER NOT NULL
);
