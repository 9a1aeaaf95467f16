-- What terminals pull: every change of hall-owned data, numbered across scopes.
CREATE TABLE hall_change (
  seq INTEGER PRIMARY KEY,
  scope TEXT NOT NULL,
  item_key TEXT NOT NULL,
  value TEXT,
  changed_at TEXT NOT NULL
);
CREATE INDEX hall_change_by_scope ON hall_change (scope, seq);

CREATE TABLE hall_counter (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO hall_counter (name, value) VALUES ('change_seq', 0);
