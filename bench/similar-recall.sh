#!/usr/bin/env bash
# "Similar past records" (the record page, GET /api/v1/records/{id}/similar, ticket enrichment) against the exact
# nearest neighbours. For N records of a loaded database (a fixed sample: ordered by md5 of the id), the query the app
# runs (the record's first passage's vector as a parameter; the 3 x limit nearest passages from the HNSW graph, the
# first `limit` records among them) at each hnsw.ef_search, and the same query read exactly (a sequential scan, which
# is what the app ran before stop 41: the vector joined from the record's row gave the index no order to serve). Ties are common (word-for-word duplicate logs), so a place counts as
# found when the app's similarity there is the exact list's, to 1e-6, not when the record id is the same.
#   bench/similar-recall.sh [database]       (default faultline_searcheval, as bench/search-eval.sh leaves it)
#   N=300 LIMIT=5 EFS="40 100 200 1000" ...
set -euo pipefail
DB="${1:-faultline_searcheval}"
N="${N:-300}"
LIMIT="${LIMIT:-5}"
for ef in ${EFS:-40 100 200 1000}; do
    psql -h 127.0.0.1 -U faultline -d "$DB" -qAt -v ON_ERROR_STOP=1 <<SQL
DO \$\$
DECLARE
    m text;
    r bigint;
    v vector;
    ex float8[];
    ap float8[];
    found int := 0;
    places int := 0;
    whole int := 0;
    n int := 0;
    t0 timestamptz;
    spent interval := interval '0';
    scan interval := interval '0';
    -- the app's query (SearchRepository.NEAREST), then the first $LIMIT records of its rows
    q text := 'SELECT array_agg(sim ORDER BY sim DESC) FROM (SELECT sim FROM (SELECT DISTINCT ON (record_id) record_id,'
        ' sim FROM (SELECT e.record_id, 1 - (e.embedding <=> \$1) AS sim FROM record_embeddings e WHERE e.model = \$2'
        ' AND e.record_id <> \$3 ORDER BY e.embedding <=> \$1 LIMIT 3 * $LIMIT) a ORDER BY record_id, sim DESC) b'
        ' ORDER BY sim DESC LIMIT $LIMIT) c';
BEGIN
    SELECT model INTO m FROM record_embeddings GROUP BY model ORDER BY count(*) DESC LIMIT 1;
    FOR r IN SELECT record_id FROM record_embeddings WHERE chunk = 0 AND model = m
             ORDER BY md5(record_id::text) LIMIT $N LOOP
        SELECT embedding INTO v FROM record_embeddings WHERE record_id = r AND chunk = 0 AND model = m;
        PERFORM set_config('enable_indexscan', 'off', true);
        t0 := clock_timestamp();
        EXECUTE q INTO ex USING v, m, r; -- planned on each EXECUTE, so each arm gets its own plan
        scan := scan + (clock_timestamp() - t0);
        PERFORM set_config('enable_indexscan', 'on', true);
        PERFORM set_config('hnsw.ef_search', '$ef', true);
        t0 := clock_timestamp();
        EXECUTE q INTO ap USING v, m, r;
        spent := spent + (clock_timestamp() - t0);
        n := n + 1;
        places := places + coalesce(array_length(ex, 1), 0);
        IF ap IS NOT NULL AND ex IS NOT NULL THEN
            FOR k IN 1 .. least(array_length(ex, 1), array_length(ap, 1)) LOOP
                IF ap[k] >= ex[k] - 1e-6 THEN found := found + 1; END IF;
            END LOOP;
        END IF;
        IF ap IS NOT NULL AND ex IS NOT NULL AND array_length(ap, 1) = array_length(ex, 1)
           AND NOT EXISTS (SELECT 1 FROM generate_subscripts(ex, 1) k WHERE ap[k] < ex[k] - 1e-6) THEN
            whole := whole + 1;
        END IF;
    END LOOP;
    RAISE NOTICE 'ef_search %: % records, places found % / % = %, whole list exact for % (%), % ms per query'
        ' (the exact scan % ms)',
        lpad('$ef', 4), n, found, places, round(found::numeric / greatest(places, 1), 3), whole,
        round(whole::numeric / greatest(n, 1), 3), round((extract(epoch FROM spent) * 1000 / greatest(n, 1))::numeric, 2),
        round((extract(epoch FROM scan) * 1000 / greatest(n, 1))::numeric, 2);
END
\$\$;
SQL
done 2>&1 | sed 's/^psql:[^ ]* NOTICE:  //; s/^NOTICE:  //'
