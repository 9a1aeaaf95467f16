-- A phone number typed at the kiosk for an SMS when the ticket's turn is near:
-- held only while its ticket waits or is being called, erased when it ends.
CREATE TABLE ticket_phone (
  ticket_id TEXT PRIMARY KEY,
  phone TEXT NOT NULL,
  notified INTEGER NOT NULL
);
