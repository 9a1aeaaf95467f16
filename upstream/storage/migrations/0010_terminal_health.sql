-- Each terminal's latest heartbeat and open alerts (one row, replaced every
-- beat; `revision` guards it against two hall processes writing at once),
-- when it counts as offline unless it beats again, and since when it is.
CREATE TABLE terminal_health (
  terminal_id TEXT PRIMARY KEY,
  beat TEXT NOT NULL,
  last_beat_at TEXT NOT NULL,
  offline_after BIGINT NOT NULL,
  offline_since TEXT,
  alerts TEXT NOT NULL,
  revision INTEGER NOT NULL
);
CREATE INDEX terminal_health_by_deadline ON terminal_health (offline_after);

-- What changed of a terminal's health, when: changes only, not every beat.
CREATE TABLE terminal_health_change (
  id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  at TEXT NOT NULL,
  change TEXT NOT NULL
);
CREATE INDEX terminal_health_change_by_terminal ON terminal_health_change (terminal_id, at);

-- Alert webhook calls still to make, written with the state change they
-- announce, so a hall restart loses none; one row per URL, sent in order.
CREATE TABLE alert_delivery (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  delivered_at TEXT,
  last_error TEXT
);
CREATE INDEX alert_delivery_pending ON alert_delivery (delivered_at, id);
