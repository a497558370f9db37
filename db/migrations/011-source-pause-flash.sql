-- An administrator can pause a source from the web workbench: the scheduler and `lakivahti crawl` skip it until it
-- is resumed. Who paused it and when are shown on the sources page.
ALTER TABLE sources ADD COLUMN paused_at TEXT;
ALTER TABLE sources ADD COLUMN paused_by TEXT;

-- A one-shot message for the next page a session sees (post/redirect/get: "Tarkistus tallennettu."), then cleared.
ALTER TABLE sessions ADD COLUMN flash TEXT;
