package dev.faultline.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Search ({@code faultline.search.*}). */
@ConfigMapping(prefix = "faultline.search")
public interface SearchConfig {

    /**
     * Vector candidates less similar than this (cosine, -1 to 1) to the query are left out, so a search does not
     * fill up with the nearest of unrelated records. 0 keeps all.
     */
    @WithDefault("0.2")
    double minSimilarity();

    /**
     * A query word found in more than this share of records is not used to find candidates when rarer words
     * remain (it still counts in the ranking). 1 turns this off.
     */
    @WithDefault("0.05")
    double commonTermShare();

    /**
     * Weight of the vector list against the keyword list (1) in reciprocal-rank fusion; chosen on held-out questions
     * ({@code bench/retrieval-eval.sh tune}).
     */
    @WithDefault("0.7")
    double semanticWeight();

    /**
     * The k of reciprocal-rank fusion (score = Σ weight / (k + rank)): smaller lets the top of each list count for
     * more against records that are merely in both lists.
     */
    @WithDefault("60")
    int fusionK();

    /**
     * Weight, against the lists of the question as asked, of the lists of the question translated term by term into the
     * other language (search/bilingual.tsv, English and Chinese), so that an English question also finds the records
     * written in Chinese and the other way round. 0 turns cross-language search off.
     */
    @WithDefault("0.3")
    double crossLanguageWeight();

    /**
     * Weight, as a share of the keyword list's, of its records that hold only some of the question's words (no record
     * held all of them or all but one): the keyword list's weakest evidence. 1 weighs them as the rest.
     */
    @WithDefault("0.5")
    double weakKeywordWeight();

    /** Candidates taken from the keyword and from the vector list before fusing (and counted as the total). */
    @WithDefault("200")
    int candidates();

    /**
     * How many nearest vectors the HNSW graph search considers for a vector list scanned with the graph (pgvector's
     * {@code hnsw.ef_search}; at least {@link #candidates()}, at most 1,000). The graph is approximate, and its misses
     * grow where many records are word for word the same (their vectors crowd each other's links): on the demo data a
     * graph built as the records arrived found, at 200, a vector list worth P@10 0.483 on the #22 evaluation against
     * 0.567 for the exact list; at 1,000 it is exact there (BENCHMARKS.md, "ef_search"). Larger reads more of the
     * graph and costs more time per search. The same depth serves similar records and ticket enrichment.
     */
    @WithDefault("1000")
    int vectorEfSearch();

    /**
     * Records whose text is at least this alike to a better-ranked result's (cosine of their word counts, 0 to 1; case
     * and punctuation aside), and that name the same sides and positions, are collapsed under it ("+4 similar
     * records"). Above 1 turns collapsing off.
     */
    @WithDefault("0.85")
    double duplicateSimilarity();

    /** Spelling help for the keyword list ({@link Vocabulary}). */
    Spelling spelling();

    /** {@code faultline.search.spelling.*}. */
    interface Spelling {

        /** How often the vocabulary is rebuilt when records have changed (a pass over all records' full text). */
        @WithDefault("15m")
        String interval();

        /** Query words held by fewer records than this get a correction (unknown words: 0 records). */
        @WithDefault("20")
        int rareBelow();

        /** A correction must be held by at least this many times as many records as the word typed. */
        @WithDefault("5")
        int times();

        /** And be at least this alike (trigram similarity, 0 to 1); above 1 turns spelling help off. */
        @WithDefault("0.4")
        double minSimilarity();
    }

    /**
     * How many of the best fused candidates the stages after fusion read: sides and positions put first, near
     * duplicates compared; the rest are shown as they come.
     */
    @WithDefault("100")
    int duplicateWindow();

    /** The second stage of hybrid search: a learned ranking of the best fused candidates ({@link Reranker}). */
    RerankConfig rerank();

    /** {@code faultline.search.rerank.*}. */
    interface RerankConfig {

        /** False: hybrid results stay in fused order (as keyword and vector searches are). */
        @WithDefault("true")
        boolean enabled();

        /** How many of the best fused candidates of a hybrid search the model reorders; the rest follow in fused order. */
        @WithDefault("100")
        int candidates();

        /**
         * The model: a LIBLINEAR model file over {@link RerankFeatures#NAMES} ({@code classpath:<resource>} or a file
         * path); {@code bench/rerank-train.sh} trains it. A missing or unreadable model turns the stage off, logged.
         */
        @WithDefault("classpath:search/reranker.model")
        String model();

        /**
         * Training on this plant's feedback (Admin → Quality, {@code POST /api/v1/admin/search-ranking/train}) needs at
         * least this many judged searches, each with a result judged useful and one judged not useful, among its best
         * {@link #candidates()} results.
         */
        @WithDefault("10")
        int minSearches();

        /**
         * The most recently judged searches a training reads, at most. Each is searched again, in the request (about
         * 80 ms each on the demo: 200 take about 16 s).
         */
        @WithDefault("200")
        int maxSearches();
    }

    /**
     * With a filter, the vector list is made of the records that pass it among this many nearest vectors (of the
     * site's own graph when the filter names a site that has one, see {@link #siteIndexes()}; HNSW
     * {@code ef_search}; scaled up for deep pages; at most 1,000, pgvector's limit). Larger finds more of a filtered site's records and costs more
     * (BENCHMARKS.md, "filter-scan"). A filter that leaves fewer than 20 of them is answered by a filtered scan of
     * the graph instead, unless the farthest vector read is already less similar than {@link #minSimilarity()}. The
     * metrics {@code faultline_search_filtered_vector_total} and {@code faultline_search_filtered_graph_scans_total}
     * show how often that happens.
     */
    @WithDefault("500")
    int filterScan();

    /**
     * Right after start, search a few everyday questions this many times in every mode, in the background, so the
     * first real searches after a restart are as fast as later ones. 0 turns it off.
     */
    @WithDefault("3")
    int warmUpRounds();

    /**
     * At most this many records matching one keyword tier are ranked (the first the full-text index yields, not
     * the best): bounds the cost of broad questions over millions of records. Larger is more exact and slower.
     */
    @WithDefault("1000")
    int rankCap();

    /**
     * Which questions' keyword candidates are ordered by BM25 (the table's document frequencies: a rare word weighs
     * more) instead of PostgreSQL's {@code ts_rank}, within each tier: {@code all} every question, {@code cjk} those
     * written in a CJK script, {@code off} none.
     */
    @WithDefault("all")
    Bm25Scope bm25();

    /** {@code faultline.search.bm25}. */
    enum Bm25Scope { off, cjk, all }

    /**
     * How many recent questions keep their embedding in memory, so that the same question asked again (the next
     * page, a facet clicked, another filter) skips the model. 0 turns it off.
     */
    @WithDefault("256")
    int queryVectorCache();

    /** Indexes of their own for large sites: a vector graph and a full-text index (partial indexes; migration V11). */
    SiteIndexesConfig siteIndexes();

    /** {@code faultline.search.site-indexes.*}. */
    interface SiteIndexesConfig {

        /**
         * False: no site indexes are built, and those built are not used (they stay, and are still written, until
         * dropped: {@code DROP INDEX} the indexes named in table {@code site_indexes}).
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * A site with at least this many records gets a vector graph and a full-text index of its own, so a search
         * filtered to it reads the site's own nearest vectors and word lists (BENCHMARKS.md, "fifth session"). Each
         * vector and record of such a site is then written into two indexes of each kind. 0 builds none.
         */
        @WithDefault("10000")
        int minRecords();

        /**
         * ... and at most this share of all records: a site that is most of the table is served about as well by
         * the indexes of all sites.
         */
        @WithDefault("0.5")
        double maxShare();

        /** How often the app looks for sites that have grown large enough. */
        @WithDefault("10m")
        Duration interval();

        /** The first look after start. */
        @WithDefault("1m")
        Duration delay();

        /** PostgreSQL's {@code maintenance_work_mem} while building (MB): a vector graph that fits is built faster. */
        @WithDefault("512")
        int buildMemoryMb();
    }
}
