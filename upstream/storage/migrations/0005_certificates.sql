-- The hall's Ed25519 key that signs certificates, and every certificate it issued
-- (its signed content, which the public verification page shows).
CREATE TABLE hall_signing_key (
  name TEXT PRIMARY KEY,
  private_pem TEXT NOT NULL,
  public_pem TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE certificate (
  code TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  content TEXT NOT NULL,
  signature TEXT NOT NULL
);
