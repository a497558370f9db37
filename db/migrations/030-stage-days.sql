-- The days a bill reached its stages as Eduskunta's processing events date them (given to Parliament, sent to
-- committee, parliament's reply), as JSON by stage name ({"government-proposal": "2026-10-29", …}, Helsinki dates);
-- NULL when the source dates none. The item itself is dated by its latest processing event, so the day a bill was
-- given was not kept, and a bill past committee lost its committee stage. Bills stored before get theirs at their
-- next crawl (the days count in the item's hash when present).
ALTER TABLE items ADD COLUMN stage_days TEXT;
-- A source's name in Swedish (a definition's `nameSv`), for Swedish digests; NULL: its `name` is used.
ALTER TABLE sources ADD COLUMN name_sv TEXT;
