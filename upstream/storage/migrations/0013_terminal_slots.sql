-- Terminal slots: what the hall decides a terminal is (role, window, its
-- hall-managed settings) before a box takes it. Each change of the settings
-- is a new version, published in the config scope; the terminal reports the
-- version it applied.
CREATE TABLE terminal_slot (
  terminal_id TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  window_number INTEGER,
  settings TEXT NOT NULL,
  published_version INTEGER NOT NULL,
  published_at TEXT NOT NULL,
  applied_version INTEGER,
  applied_at TEXT
);
