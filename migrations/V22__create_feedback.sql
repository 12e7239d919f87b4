-- Thumbs up/down on search results and answers, with the query they judged: a quality figure for admins and
-- judged queries for the evaluation.
CREATE TABLE feedback (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('search', 'answer')),
    query       text        NOT NULL CHECK (length(query) BETWEEN 1 AND 2000),
    record_id   bigint,
    useful      boolean     NOT NULL,
    actor       text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- a person's latest judgement of one result of one query counts once
    CONSTRAINT feedback_once UNIQUE NULLS NOT DISTINCT (kind, query, record_id, actor)
);
CREATE INDEX feedback_recent_idx ON feedback (created_at DESC);
