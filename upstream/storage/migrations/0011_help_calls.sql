-- Kiosks' calls for a person: raised at a kiosk, acknowledged by a counter,
-- closed by the kiosk when its citizen is done. No personal data: where, when, who came.
CREATE TABLE help_call (
  id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  screen TEXT NOT NULL,
  raised_at TEXT NOT NULL,
  status TEXT NOT NULL,
  acknowledged_at TEXT,
  acknowledged_by TEXT,
  acknowledged_window INTEGER,
  closed_at TEXT
);

CREATE INDEX help_call_open ON help_call (terminal_id, status);
