-- A record the indexer cannot embed must not stall the queue. A failed batch is retried record by record; a
-- record that fails is tried again after a growing wait (not_before), and after faultline.index.max-attempts it
-- is parked (parked_at) with its error, shown on the index status and the record's page. Changing the record's
-- content, or restarting the app, gives it a fresh start.
ALTER TABLE embedding_queue
    ADD COLUMN not_before timestamptz NOT NULL DEFAULT '-infinity',
    ADD COLUMN parked_at  timestamptz;

-- the claim reads the live queue in order; parked rows stay out of its way
DROP INDEX embedding_queue_order_idx;
CREATE INDEX embedding_queue_order_idx ON embedding_queue (enqueued_at, record_id) WHERE parked_at IS NULL;

CREATE OR REPLACE FUNCTION enqueue_embedding() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO embedding_queue (record_id) VALUES (NEW.id)
    ON CONFLICT (record_id) DO UPDATE
        SET attempts = 0, last_error = NULL, not_before = '-infinity', parked_at = NULL
        WHERE embedding_queue.attempts > 0 OR embedding_queue.parked_at IS NOT NULL;
    RETURN NEW;
END $$;
