-- The district command centre: the halls enrolled with it, their one-time
-- enrolment codes, and the secret each signs its reports with (sealed with
-- the centre's key file, bound to the hall id).
CREATE TABLE centre_hall (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  secret TEXT NOT NULL,
  enrolled_at TEXT NOT NULL
);

CREATE TABLE centre_enrolment_code (
  code_hash TEXT PRIMARY KEY,
  hall_id TEXT NOT NULL,
  hall_name TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);

-- Each hall's figures per business day, hour and service, as raw counts and
-- sums: the centre adds them up across halls and hours.
CREATE TABLE centre_hour (
  hall_id TEXT NOT NULL REFERENCES centre_hall (id),
  day TEXT NOT NULL,
  hour INTEGER NOT NULL,
  service TEXT NOT NULL,
  arrivals INTEGER NOT NULL,
  served INTEGER NOT NULL,
  no_shows INTEGER NOT NULL,
  transferred INTEGER NOT NULL,
  called INTEGER NOT NULL,
  within_target INTEGER NOT NULL,
  wait_seconds BIGINT NOT NULL,
  -- Waits in the dashboard's buckets: <5, 5–10, 10–15, 15–30, 30–60, ≥60 minutes.
  wait_b0 INTEGER NOT NULL,
  wait_b1 INTEGER NOT NULL,
  wait_b2 INTEGER NOT NULL,
  wait_b3 INTEGER NOT NULL,
  wait_b4 INTEGER NOT NULL,
  wait_b5 INTEGER NOT NULL,
  ratings INTEGER NOT NULL,
  score_sum INTEGER NOT NULL,
  bad_ratings INTEGER NOT NULL,
  PRIMARY KEY (hall_id, day, hour, service)
);
CREATE INDEX centre_hour_by_day ON centre_hour (day);

-- What each hall last said of now (its live figures and its terminals), and
-- the highest outbox sequence number the centre holds from it.
CREATE TABLE centre_hall_now (
  hall_id TEXT PRIMARY KEY REFERENCES centre_hall (id),
  reported_at TEXT NOT NULL,
  live TEXT,
  health TEXT,
  services TEXT,
  last_seq BIGINT NOT NULL DEFAULT 0
);

-- As at the hall: signatures seen within the replay window, staff and sessions.
CREATE TABLE seen_signature (
  signature TEXT PRIMARY KEY,
  seen_at BIGINT NOT NULL
);
CREATE INDEX seen_signature_by_time ON seen_signature (seen_at);

CREATE TABLE staff_account (
  username TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  roles TEXT NOT NULL
);

CREATE TABLE staff_session (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES staff_account (username) ON DELETE CASCADE,
  expires_at TEXT NOT NULL
);
