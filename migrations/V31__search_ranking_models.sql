-- The search ranking's second stage trained on this plant's feedback (search.RankingTraining): every training with
-- enough judged searches, its cross-validated figures beside the configured model's and the listed order's, and the
-- model itself (LIBLINEAR's text format). At most one is in use; none in use means the configured model.
CREATE TABLE search_ranking_models (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trained_at        timestamptz      NOT NULL DEFAULT now(),
    actor             text             NOT NULL,
    searches          integer          NOT NULL,
    pairs             integer          NOT NULL,
    c                 double precision NOT NULL,
    listed_accuracy   double precision NOT NULL,
    shipped_accuracy  double precision,
    trained_accuracy  double precision NOT NULL,
    adopted           boolean          NOT NULL,
    in_use            boolean          NOT NULL DEFAULT false,
    model             text             NOT NULL
);
CREATE UNIQUE INDEX search_ranking_models_in_use_idx ON search_ranking_models (in_use) WHERE in_use;
