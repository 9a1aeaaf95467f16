-- Settings the hall server set for this terminal ("*" for all of the hall's terminals, or this terminal's id).
CREATE TABLE hall_setting (
  scope_key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
