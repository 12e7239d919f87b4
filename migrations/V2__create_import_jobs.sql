-- File imports (CSV / JSONL) run as jobs. The uploaded file is spooled to disk before the job is acknowledged;
-- progress and the resume point are committed together with each batch of records, so a crash loses nothing.
CREATE TABLE import_jobs (
    id              uuid PRIMARY KEY,
    state           text        NOT NULL CHECK (state IN ('queued', 'running', 'completed', 'failed')),
    format          text        NOT NULL CHECK (format IN ('csv', 'jsonl')),
    file_name       text,
    spool_path      text        NOT NULL,
    bytes_total     bigint      NOT NULL,
    source          text        NOT NULL,
    default_kind    text        NOT NULL,
    mapping         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    -- CSV header columns that no record field reads, shown so a user notices a forgotten mapping
    ignored_columns text[]      NOT NULL DEFAULT '{}',
    rows_total      bigint      NOT NULL,
    rows_done       bigint      NOT NULL DEFAULT 0,
    rows_failed     bigint      NOT NULL DEFAULT 0,
    created_count   bigint      NOT NULL DEFAULT 0,
    updated_count   bigint      NOT NULL DEFAULT 0,
    unchanged_count bigint      NOT NULL DEFAULT 0,
    -- rows 1..checkpoint_row are committed; a resumed run skips them
    checkpoint_row  bigint      NOT NULL DEFAULT 0,
    attempts        int         NOT NULL DEFAULT 0,
    owner           text,
    heartbeat_at    timestamptz,
    message         text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    -- time spent running, summed over attempts, for an honest rows/s
    run_millis      bigint      NOT NULL DEFAULT 0
);
CREATE INDEX import_jobs_claim_idx ON import_jobs (created_at) WHERE state IN ('queued', 'running');

CREATE TABLE import_errors (
    job_id uuid   NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
    line   bigint NOT NULL,
    field  text   NOT NULL,
    reason text   NOT NULL,
    PRIMARY KEY (job_id, line, field)
);
