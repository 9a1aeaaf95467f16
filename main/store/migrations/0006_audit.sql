-- What the terminal did that must be accountable (certificates printed, …),
-- hash-chained: each entry's hash covers the one before, so removing or
-- editing an entry breaks the chain (onewindow audit verify). No personal data.
CREATE TABLE audit_entry (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);

-- The chain's newest entry, kept apart: removing the last entry shows as a head
-- the entries no longer reach. (Each entry's hash also goes to the hall in the outbox.)
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
);
