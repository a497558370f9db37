-- The joint-response candidates' index also holds each candidate's latest review: counting the candidates of a
-- deadline range (the overview's buckets, the board's totals) then reads the index alone and looks a review up only
-- for the few reviewed candidates, instead of reading every candidate's row. It serves every query the narrower
-- index did, in the same order (deadline, then id), so it replaces it under the same name.
DROP INDEX IF EXISTS items_by_joint;
CREATE INDEX items_by_joint ON items (deadline, id, latest_review_id) WHERE joint = 1;
