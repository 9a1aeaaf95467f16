-- Requests citizens make at kiosks (delivery by mail, home visits, 12345-style
-- complaints), each with a reference number and the department it went to.
CREATE TABLE service_request (
  reference TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  department TEXT NOT NULL,
  id_number TEXT NOT NULL,
  name TEXT NOT NULL,
  details TEXT NOT NULL,
  status TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  received_at TEXT NOT NULL
);

CREATE TABLE hall_sequence (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
