-- Terminals known to the hall, and the one-time codes that enroll them.
CREATE TABLE terminal (
  id TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  enrolled_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE enrollment_code (
  code_hash TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
