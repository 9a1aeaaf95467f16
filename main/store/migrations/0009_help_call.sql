-- The hall's open help calls as this terminal last pulled them (scope "help"):
-- a counter lists them; a kiosk finds its own there. No personal data.
CREATE TABLE help_call (
  id TEXT PRIMARY KEY,
  raised_at TEXT NOT NULL,
  value TEXT NOT NULL
);
