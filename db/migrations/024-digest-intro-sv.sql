-- A network digest's introduction in Swedish, for its Swedish recipients. Null: they get the Finnish one (`intro`),
-- marked as Finnish in the message. Written on the digest page beside the Finnish one.
ALTER TABLE digests ADD COLUMN intro_sv TEXT;
