-- Each person chooses the language of the web workbench on their own account page: Finnish (the default) or Swedish.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'sv'));
