-- Sensor models trained in the app, and what they predict.
--  * a predictor is a named model kind ('rul' or 'failure_risk') bound to assets by asset type, optionally by site
--    or by an explicit list of assets;
--  * each training makes a new version: the model (XGBoost, as bytes; one part per failure mode for failure risk),
--    the training data range, features, hyper-parameters and metrics;
--  * training runs are background jobs with progress, like the fault classifier's;
--  * predictions are kept (a history per asset and predictor), with the version that made them and the features
--    that moved them most (XGBoost's own per-feature contributions);
--  * new readings put their asset on a queue, worked off after a short debounce.
CREATE TABLE predictors (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    kind        text NOT NULL CHECK (kind IN ('rul', 'failure_risk')),
    asset_type  text NOT NULL,
    site        text,
    assets      text[],
    sensors     text[],
    description text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE predictor_versions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    predictor     text        NOT NULL REFERENCES predictors (name) ON DELETE CASCADE,
    version       int         NOT NULL,
    data_from     timestamptz,
    data_to       timestamptz,
    assets        int         NOT NULL,
    rows          int         NOT NULL,
    features      jsonb       NOT NULL,
    params        jsonb       NOT NULL,
    metrics       jsonb       NOT NULL,
    threshold     double precision,
    parts         jsonb       NOT NULL, -- {"part name": "base64 of the XGBoost model"}
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (predictor, version)
);

CREATE TABLE predictor_runs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    predictor    text        NOT NULL REFERENCES predictors (name) ON DELETE CASCADE,
    state        text        NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    progress     double precision NOT NULL DEFAULT 0,
    stage        text,
    requested_by text        NOT NULL,
    version_id   bigint REFERENCES predictor_versions (id) ON DELETE SET NULL,
    error        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    finished_at  timestamptz
);
CREATE INDEX predictor_runs_open_idx ON predictor_runs (id) WHERE state IN ('queued', 'running');

CREATE TABLE predictions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asset_id     text        NOT NULL,
    version_id   bigint      NOT NULL REFERENCES predictor_versions (id) ON DELETE CASCADE,
    value        double precision NOT NULL,
    failure_type text,
    as_of        timestamptz NOT NULL, -- the time of the latest reading the prediction read
    computed_at  timestamptz NOT NULL DEFAULT now(),
    top_features jsonb       NOT NULL
);
CREATE INDEX predictions_asset_idx ON predictions (asset_id, version_id, computed_at DESC);

CREATE TABLE prediction_queue (
    asset_id     text PRIMARY KEY,
    first_queued timestamptz NOT NULL DEFAULT now(),
    due_at       timestamptz NOT NULL
);

-- When a prediction puts an asset "at risk": most specific row wins (site and type, then type, then site).
CREATE TABLE risk_thresholds (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('rul', 'failure_risk')),
    site        text,
    asset_type  text,
    at_most     double precision, -- rul: at risk when the predicted RUL is at most this
    at_least    double precision, -- failure_risk: at risk when the predicted probability is at least this
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'rul') = (at_most IS NOT NULL) AND (kind = 'failure_risk') = (at_least IS NOT NULL))
);
CREATE UNIQUE INDEX risk_thresholds_key ON risk_thresholds (kind, coalesce(site, ''), coalesce(asset_type, ''));
