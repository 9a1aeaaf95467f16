-- The hall's queue: numbers per service and day, tickets, windows, and the
-- number blocks leased to kiosks for offline issuance. History is kept: a
-- new business day starts new numbers, old tickets stay for statistics.
CREATE TABLE queue_number (
  business_day TEXT NOT NULL,
  service TEXT NOT NULL,
  kind TEXT NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (business_day, service, kind)
);

CREATE TABLE queue_ticket (
  id TEXT PRIMARY KEY,
  business_day TEXT NOT NULL,
  issued_service TEXT NOT NULL,
  number INTEGER NOT NULL,
  label TEXT NOT NULL,
  service TEXT NOT NULL,
  status TEXT NOT NULL,
  priority TEXT,
  appointment_at TEXT,
  issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  offline INTEGER NOT NULL,
  target_window INTEGER,
  served_window INTEGER,
  called_at TEXT,
  first_called_at TEXT,
  recalls INTEGER NOT NULL,
  finished_at TEXT,
  score INTEGER,
  score_reasons TEXT,
  UNIQUE (business_day, issued_service, number)
);
CREATE INDEX queue_ticket_by_day ON queue_ticket (business_day, status);

CREATE TABLE queue_window (
  window_number INTEGER PRIMARY KEY,
  paused_reason TEXT,
  current_ticket_id TEXT
);

CREATE TABLE queue_block (
  terminal_id TEXT NOT NULL,
  business_day TEXT NOT NULL,
  service TEXT NOT NULL,
  first_number INTEGER NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (business_day, service, first_number)
);

-- Queue changes are set one item at a time; finding an item's latest value needs this.
CREATE INDEX hall_change_by_item ON hall_change (scope, item_key, seq);
