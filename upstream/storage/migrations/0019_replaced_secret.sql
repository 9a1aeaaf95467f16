-- The old box's secret, sealed as the terminal row kept it: the hall tells a
-- box "you were replaced" only when its request is signed with that secret,
-- so knowing a terminal id alone learns nothing. Replacements recorded before
-- this column have none, and their boxes are refused as unknown.
ALTER TABLE terminal_replacement ADD COLUMN old_secret TEXT;
