-- The setup PIN the hall issued for this terminal (its scrypt hash and salt only, never the PIN).
CREATE TABLE setup_pin (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value TEXT NOT NULL
);

-- Wrong setup PINs in a row and the lockout they earned, kept across restarts
-- so that restarting the terminal does not give a guesser fresh tries.
CREATE TABLE setup_lockout (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  failures INTEGER NOT NULL,
  lockouts INTEGER NOT NULL,
  locked_until INTEGER NOT NULL
);
INSERT INTO setup_lockout (id, failures, lockouts, locked_until) VALUES (1, 0, 0, 0);
