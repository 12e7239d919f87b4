-- An import job fills records (the default) or sensor readings, from CSV, TSV or JSONL; readings jobs keep their
-- options (how cycles map to time) beside the file.
ALTER TABLE import_jobs
    ADD COLUMN target  text  NOT NULL DEFAULT 'records' CHECK (target IN ('records', 'readings')),
    ADD COLUMN options jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE import_jobs DROP CONSTRAINT import_jobs_format_check;
ALTER TABLE import_jobs ADD CONSTRAINT import_jobs_format_check CHECK (format IN ('csv', 'tsv', 'jsonl'));
