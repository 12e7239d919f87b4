-- Outbound webhooks: endpoints registered by administrators, the event outbox (written in the same transaction as
-- the change that caused the event), and one delivery per (endpoint, event) with its attempts.

CREATE TABLE webhook_endpoints (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url              text        NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
    description      text,
    events           text[]      NOT NULL,
    secret           text        NOT NULL,
    -- after a rotation the previous secret signs too, until previous_until (receivers switch over in between)
    previous_secret  text,
    previous_until   timestamptz,
    enabled          boolean     NOT NULL DEFAULT true,
    disabled_reason  text,
    -- the first failure of the current run of failures; cleared by a success
    failing_since    timestamptz,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the webhook-id header: stable across retries and redeliveries, so receivers can de-duplicate
    message_id  text        NOT NULL UNIQUE,
    type        text        NOT NULL,
    payload     jsonb       NOT NULL,
    dispatched  boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_events_undispatched_idx ON webhook_events (id) WHERE NOT dispatched;

CREATE TABLE webhook_deliveries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id      bigint      NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id         bigint      NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    status           text        NOT NULL CHECK (status IN ('pending', 'delivering', 'succeeded', 'failed')),
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    claimed_until    timestamptz,
    response_status  int,
    last_error       text,
    duration_ms      int,
    last_attempt_at  timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT webhook_deliveries_once UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status IN ('pending', 'delivering');
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id DESC);
