-- The district command centre this hall reports to (one at most), its
-- secret sealed with the hall's terminal-secrets key.
CREATE TABLE centre_link (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  centre_url TEXT NOT NULL,
  hall_id TEXT NOT NULL,
  secret TEXT NOT NULL,
  linked_at TEXT NOT NULL,
  -- The outbox's last sequence number: only ever grows, so the centre can
  -- tell a batch it already holds.
  last_seq BIGINT NOT NULL DEFAULT 0,
  -- Set once the hall's whole history went into the outbox; after that, only
  -- the last days are looked at again.
  backfilled_at TEXT
);

-- Hours whose figures changed since last told, waiting to reach the centre
-- (an outbox: a centre out of reach for a day gets them all when it is back).
CREATE TABLE centre_outbox (
  seq BIGINT PRIMARY KEY,
  figures TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- What the hall last put in the outbox per day, hour and service, so an hour
-- is sent again only when its figures change (a late rating, a late finish).
CREATE TABLE centre_hour_sent (
  day TEXT NOT NULL,
  hour INTEGER NOT NULL,
  service TEXT NOT NULL,
  digest TEXT NOT NULL,
  PRIMARY KEY (day, hour, service)
);
