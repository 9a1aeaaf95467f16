-- Signatures of terminal requests seen within the replay window, so a
-- captured request is refused even after a restart, by every hall process
-- sharing this database. Rows older than the window are pruned.
CREATE TABLE seen_signature (
  signature TEXT PRIMARY KEY,
  seen_at BIGINT NOT NULL
);
CREATE INDEX seen_signature_by_time ON seen_signature (seen_at);
