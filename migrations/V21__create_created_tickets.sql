-- Tickets raised from Faultline in a ticketing system: the link back from a record or an asset to the ticket.
CREATE TABLE created_tickets (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    system      text        NOT NULL CHECK (system IN ('jira', 'servicenow')),
    ticket_key  text        NOT NULL,
    url         text,
    record_id   bigint,
    asset       text,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX created_tickets_record_idx ON created_tickets (record_id);
CREATE INDEX created_tickets_asset_idx ON created_tickets (asset);
