-- What a board and the kiosk's overview read on every queue change: the
-- waiting tickets and the last calls of the day. Indexed on the ticket's own
-- JSON (the same expressions as QueueCacheRepository.shownTickets), so
-- the read stays as quick at the end of a busy day as at its start.
CREATE INDEX queue_item_by_status ON queue_item (business_day, json_extract(value, '$.status'));
CREATE INDEX queue_item_by_call ON queue_item (business_day, json_extract(value, '$.calledAt'));
