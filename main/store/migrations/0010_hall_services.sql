-- What the hall offers, as this terminal last pulled it (scope "hallServices"):
-- the citizen-services catalogue, the appointment rules, the convenience forms.
-- One row per hall-config file; the value is that file's JSON as published.
CREATE TABLE hall_service_item (
  item_key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
