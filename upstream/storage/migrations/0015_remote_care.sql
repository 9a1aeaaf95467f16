-- Remote care: commands a technician sent a terminal, kept as their own
-- audit record (who asked, when, when delivered, what came back). A command
-- to an offline terminal waits here until it reconnects, unless it expired.
-- The screenshot is kept as base64 text: one column type on SQLite and PostgreSQL.
CREATE TABLE care_command (
  id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  action TEXT NOT NULL,
  lines INTEGER NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  state TEXT NOT NULL,
  sent_at TEXT,
  finished_at TEXT,
  message TEXT,
  log_lines TEXT,
  png TEXT
);
CREATE INDEX care_command_waiting ON care_command (terminal_id, state);
CREATE INDEX care_command_by_time ON care_command (requested_at);
