-- Ticketing integrations that send events in (Jira, ServiceNow, or a generic JSON shape): each with its secret
-- (HMAC key or shared secret), where its fields are in the payload, and the base URL of its ticket links.
CREATE TABLE integrations (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    kind        text        NOT NULL CHECK (kind IN ('jira', 'servicenow', 'generic')),
    secret      text        NOT NULL,
    mapping     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    base_url    text,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
