-- Each terminal is bound at enrollment to its role (kiosk, counter, display)
-- and a counter to its window; the code carries them until it is used.
-- Terminals enrolled before this have no role and are refused until they
-- enroll again with a code that names one.
ALTER TABLE enrollment_code ADD COLUMN role TEXT;
ALTER TABLE enrollment_code ADD COLUMN window_number INTEGER;
ALTER TABLE terminal ADD COLUMN role TEXT;
ALTER TABLE terminal ADD COLUMN window_number INTEGER;

-- The hall's staff (the supervisor's dashboard): scrypt password hashes, and
-- their login sessions, stored by the hash of the cookie's token.
CREATE TABLE staff_account (
  username TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE staff_session (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES staff_account (username) ON DELETE CASCADE,
  expires_at TEXT NOT NULL
);
