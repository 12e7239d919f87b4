-- Records written by technicians and engineers, and the assets they are about.
-- pgvector must be available (scripts/setup-db.sh installs it and creates the extension as a superuser;
-- IF NOT EXISTS makes this a no-op then, so the app's own role needs no superuser rights).
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE assets (
    id         text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
    name       text,
    type       text,
    site       text,
    line       text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assets_site_idx ON assets (site);

CREATE TABLE records (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source       text        NOT NULL,
    external_id  text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('maintenance_log', 'work_order', 'inspection_note', 'quality_report')),
    asset_id     text REFERENCES assets (id),
    occurred_at  timestamptz,
    author       text,
    title        text,
    text         text        NOT NULL CHECK (length(btrim(text)) > 0),
    fields       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    language     text,
    tags         text[]      NOT NULL DEFAULT '{}',
    fault_class  text,
    content_hash text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT records_source_external_id_key UNIQUE (source, external_id)
);
-- newest first is the default order of every list
CREATE INDEX records_recent_idx ON records (occurred_at DESC NULLS LAST, id DESC);
CREATE INDEX records_asset_idx ON records (asset_id, occurred_at DESC NULLS LAST);
CREATE INDEX records_kind_idx ON records (kind);
