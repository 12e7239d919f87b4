-- Digests: subscriptions to a periodic summary by email, and their deliveries. The deliveries table is the mail
-- outbox: the scheduler inserts one row per (subscription, period) - the unique key is what makes "exactly one
-- mail per period" hold across app instances - and the outbox worker claims rows with FOR UPDATE SKIP LOCKED.

CREATE TABLE digest_subscriptions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner           text        NOT NULL,
    email           text        NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    every           text        NOT NULL CHECK (every IN ('day', 'week', 'month')),
    day_of_week     text,
    hour            int         NOT NULL CHECK (hour BETWEEN 0 AND 23),
    zone            text        NOT NULL,
    filters         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    unsubscribed_at timestamptz
);
CREATE INDEX digest_subscriptions_owner_idx ON digest_subscriptions (owner);

CREATE TABLE digest_deliveries (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id bigint      NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
    period_start    timestamptz NOT NULL,
    period_end      timestamptz NOT NULL,
    -- queued: waiting; sending: claimed by an instance (claimed_until is its lease); retrying: an SMTP failure,
    -- next try at next_attempt_at; sent; failed: out of attempts; unsent: no SMTP server configured (outbox)
    status          text        NOT NULL CHECK (status IN ('queued', 'sending', 'retrying', 'sent', 'failed', 'unsent')),
    manual          boolean     NOT NULL DEFAULT false,
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_by      text,
    claimed_until   timestamptz,
    last_error      text,
    recipient       text        NOT NULL,
    subject         text,
    html            text,
    plain           text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
-- a scheduled period is delivered once; "send now" deliveries are extra and not unique
CREATE UNIQUE INDEX digest_deliveries_period_key ON digest_deliveries (subscription_id, period_start) WHERE NOT manual;
CREATE INDEX digest_deliveries_due_idx ON digest_deliveries (next_attempt_at) WHERE status IN ('queued', 'retrying', 'sending');
CREATE INDEX digest_deliveries_recent_idx ON digest_deliveries (created_at DESC);

-- The key that signs unsubscribe links: made once, shared by every instance on this database.
CREATE TABLE digest_keys (
    id     int PRIMARY KEY CHECK (id = 1),
    secret bytea NOT NULL
);
