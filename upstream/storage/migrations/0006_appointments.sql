-- Appointment slots (how many are booked of each) and the appointments.
-- The hall is authoritative: a booking takes a place with one conditional
-- UPDATE (booked < capacity), so a slot is never overbooked.
CREATE TABLE appointment_slot (
  service TEXT NOT NULL,
  day TEXT NOT NULL,
  slot_time TEXT NOT NULL,
  booked INTEGER NOT NULL,
  PRIMARY KEY (service, day, slot_time)
);

CREATE TABLE appointment (
  code TEXT PRIMARY KEY,
  service TEXT NOT NULL,
  day TEXT NOT NULL,
  slot_time TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  id_number TEXT NOT NULL,
  phone TEXT NOT NULL,
  status TEXT NOT NULL,
  ticket_label TEXT,
  booked_by TEXT NOT NULL,
  booked_at TEXT NOT NULL
);
CREATE INDEX appointment_by_citizen ON appointment (id_number, day);
