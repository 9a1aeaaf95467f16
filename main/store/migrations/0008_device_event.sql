-- Every change of a device's state, kept on the terminal for the technician's
-- device report (the outbox forgets an event once the hall has it).
CREATE TABLE device_event (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  role TEXT NOT NULL,
  state TEXT NOT NULL,
  detail TEXT
);
