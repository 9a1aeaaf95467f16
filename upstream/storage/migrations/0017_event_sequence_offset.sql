-- A replacement box numbers its events from 1 again. The hall keeps the old
-- box's events under the same terminal id, so it stores the new box's numbers
-- after theirs: stored seq = seq_offset + the box's own seq.
ALTER TABLE terminal_cursor ADD COLUMN seq_offset INTEGER NOT NULL DEFAULT 0;
