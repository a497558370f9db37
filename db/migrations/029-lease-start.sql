-- A source's run lease names its process's start (src/process-identity.ts: the boot's id and the clock tick since
-- boot) beside its host and pid: judged by pid alone, the lease of a crawl killed before a reboot, or of pid 1 in a
-- container started again, looked held by whatever process had that pid since, until it ran out. NULL in a lease of
-- an older version, or where /proc does not tell: that lease is judged by its pid as before.
ALTER TABLE sources ADD COLUMN lease_start TEXT;
