-- Each closed business day's figures, kept so the dashboard adds up a month or
-- a year of them in milliseconds instead of reading every ticket again
-- (upstream/statistics/figureStore.ts). Counts and sums add up exactly; a
-- median does not, so each group also keeps its waits and service times as
-- counts per whole minute (JSON [[minute, count], …]), per day and per
-- calendar month: a row per group, so a year is a few thousand rows to read.
CREATE TABLE figure_group (
  business_day TEXT NOT NULL,
  grouped_by TEXT NOT NULL,
  group_key TEXT NOT NULL,
  arrivals INTEGER NOT NULL,
  served INTEGER NOT NULL,
  no_shows INTEGER NOT NULL,
  transferred INTEGER NOT NULL,
  waiting INTEGER NOT NULL,
  called INTEGER NOT NULL,
  within_target INTEGER NOT NULL,
  wait_seconds BIGINT NOT NULL,
  ratings INTEGER NOT NULL,
  score_sum INTEGER NOT NULL,
  bad_ratings INTEGER NOT NULL,
  finished INTEGER NOT NULL,
  b0 INTEGER NOT NULL,
  b1 INTEGER NOT NULL,
  b2 INTEGER NOT NULL,
  b3 INTEGER NOT NULL,
  b4 INTEGER NOT NULL,
  b5 INTEGER NOT NULL,
  -- The day's own nearest-rank percentiles, in seconds: exact for a group of one day.
  wait_median INTEGER,
  wait_p90 INTEGER,
  service_median INTEGER,
  service_p90 INTEGER,
  PRIMARY KEY (business_day, grouped_by, group_key)
);

CREATE TABLE figure_day_minutes (
  business_day TEXT NOT NULL,
  grouped_by TEXT NOT NULL,
  group_key TEXT NOT NULL,
  measure TEXT NOT NULL,
  counts TEXT NOT NULL,
  PRIMARY KEY (business_day, grouped_by, group_key, measure)
);

CREATE TABLE figure_month_minutes (
  month TEXT NOT NULL,
  grouped_by TEXT NOT NULL,
  group_key TEXT NOT NULL,
  measure TEXT NOT NULL,
  counts TEXT NOT NULL,
  PRIMARY KEY (month, grouped_by, group_key, measure)
);

-- Seconds per window and day: busy, available, paused (one row per reason).
CREATE TABLE figure_window (
  business_day TEXT NOT NULL,
  window_number INTEGER NOT NULL,
  spent TEXT NOT NULL,
  seconds BIGINT NOT NULL,
  PRIMARY KEY (business_day, window_number, spent)
);

-- Tickets kiosks issued, per day and the service they were issued for.
CREATE TABLE figure_kiosk (
  business_day TEXT NOT NULL,
  service TEXT NOT NULL,
  tickets INTEGER NOT NULL,
  PRIMARY KEY (business_day, service)
);

-- Which days ('YYYY-MM-DD') and months ('YYYY-MM') are rolled up. A change to a
-- closed day raises its version and its month's and clears `rolled`; a roll
-- marks a period rolled only if its version is still the one it read.
CREATE TABLE figure_period (
  period TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  rolled INTEGER NOT NULL
);
-- Rolls take this row's lock, so two hall processes do not write one day at once.
INSERT INTO hall_counter (name, value) VALUES ('figure_rolls', 0);

-- What the figures read for a range that is not rolled up.
CREATE INDEX queue_ticket_with_appointment ON queue_ticket (business_day) WHERE appointment_at IS NOT NULL;
CREATE INDEX appointment_by_day ON appointment (day);
CREATE INDEX appointment_by_booking ON appointment (booked_at);
CREATE INDEX certificate_by_issue ON certificate (issued_at);
CREATE INDEX service_request_by_receipt ON service_request (received_at);
