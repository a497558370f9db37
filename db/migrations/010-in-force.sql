-- The "in force" stage: a statute's entry-into-force date, read from its text (Finlex's documents carry no
-- structured one), and the date a matter's statute comes into force.

-- A Helsinki calendar date (YYYY-MM-DD), or NULL when the text names none (a date set later by decree).
ALTER TABLE items ADD COLUMN in_force TEXT;
-- The earliest entry-into-force date of the matter's statutes; the matter is in force from that day on.
ALTER TABLE matters ADD COLUMN in_force TEXT;
-- Matters whose statute comes into force but whose stage does not say so yet: found by each run's linking (and
-- relink) on the day the date passes, without a scan.
CREATE INDEX matters_coming_into_force ON matters (in_force) WHERE in_force IS NOT NULL AND stage IS NOT 'in-force';

-- (No schema change) matter_events of type 'item' with new_value NULL record an item leaving the matter (a reviewer's
-- split), old_value its title; a join keeps old_value NULL and the title in new_value, as in 006.
