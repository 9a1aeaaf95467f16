-- How far this terminal has pulled each scope of hall-owned data.
CREATE TABLE sync_cursor (
  scope TEXT PRIMARY KEY,
  cursor INTEGER NOT NULL
);
