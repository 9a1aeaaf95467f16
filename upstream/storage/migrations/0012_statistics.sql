-- What the hall's figures need beyond a ticket's last state: each time a
-- ticket stood at a window (a transferred ticket has one visit per window;
-- open while it is there), and each time a window was paused and why.
CREATE TABLE queue_visit (
  ticket_id TEXT NOT NULL,
  business_day TEXT NOT NULL,
  window_number INTEGER NOT NULL,
  service TEXT NOT NULL,
  called_at TEXT NOT NULL,
  ended_at TEXT,
  outcome TEXT,
  PRIMARY KEY (ticket_id, called_at)
);
CREATE INDEX queue_visit_by_day ON queue_visit (business_day, window_number);

CREATE TABLE window_pause (
  window_number INTEGER NOT NULL,
  reason TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  PRIMARY KEY (window_number, started_at)
);
CREATE INDEX window_pause_by_start ON window_pause (started_at);

-- 好差评: every rating of 1 or 2 opens a case, worked through 核实 verify,
-- 整改 rectify, 反馈 reply, 复核 review; each step has an owner and a deadline.
CREATE TABLE rating_case (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL UNIQUE,
  ticket_label TEXT NOT NULL,
  business_day TEXT NOT NULL,
  service TEXT NOT NULL,
  window_number INTEGER,
  score INTEGER NOT NULL,
  reasons TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  step TEXT NOT NULL,
  owner TEXT,
  due_at TEXT NOT NULL,
  closed_at TEXT
);
CREATE INDEX rating_case_open ON rating_case (closed_at, due_at);

CREATE TABLE rating_case_step (
  case_id TEXT NOT NULL REFERENCES rating_case (id),
  step TEXT NOT NULL,
  owner TEXT,
  due_at TEXT NOT NULL,
  done_at TEXT NOT NULL,
  done_by TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (case_id, step)
);
