-- The interface language (#24): a user's own choice (NULL: follow the browser's Accept-Language) and the language a
-- digest subscription's mails are written in.
ALTER TABLE users ADD COLUMN language text CHECK (language IN ('en', 'zh'));
ALTER TABLE digest_subscriptions ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'zh'));
