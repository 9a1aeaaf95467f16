-- Events the hall server must learn, written in the same transaction as the
-- change they describe, deleted once the hall has acknowledged them.
CREATE TABLE outbox_event (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  type TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  payload TEXT NOT NULL
);

-- Events the hall refused for good: kept (without payload) for the technician.
CREATE TABLE outbox_rejected (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  reason TEXT NOT NULL,
  rejected_at TEXT NOT NULL
);

-- The last sequence number handed out: outbox rows are deleted, numbers never reused.
CREATE TABLE sync_counter (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO sync_counter (name, value) VALUES ('outbox_seq', 0);
