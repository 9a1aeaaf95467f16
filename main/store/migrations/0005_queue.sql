-- The hall's queue as this terminal last pulled it (scope "queue": rules,
-- services, windows, tickets) plus the tickets this kiosk issued offline.
-- No personal data: a ticket says why it has priority, never who holds it.
CREATE TABLE queue_item (
  item_key TEXT PRIMARY KEY,
  business_day TEXT,
  value TEXT NOT NULL
);
CREATE INDEX queue_item_by_day ON queue_item (business_day);

-- Numbers leased from the hall for issuing tickets while it cannot be reached.
CREATE TABLE number_block (
  business_day TEXT NOT NULL,
  service TEXT NOT NULL,
  first_number INTEGER NOT NULL,
  last_number INTEGER NOT NULL,
  next_number INTEGER NOT NULL,
  PRIMARY KEY (business_day, service, first_number)
);
