package dev.faultline.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What the first stage counts of filtered and site-indexed searches. */
final class CandidateMetrics {
    final Counter filteredVectorLists;
    final Counter filteredGraphScans;
    final Counter siteIndexSearches;

    CandidateMetrics(MeterRegistry registry) {
        filteredVectorLists = Counter.builder("faultline.search.filtered.vector")
                .description("Vector lists of filtered searches").register(registry);
        filteredGraphScans = Counter.builder("faultline.search.filtered.graph.scans")
                .description("Filtered vector lists that needed a filtered scan of the graph (fewer than 20 of"
                        + " the faultline.search.filter-scan nearest passed the filter)")
                .register(registry);
        siteIndexSearches = Counter.builder("faultline.search.site.index")
                .description("Site-filtered searches answered from the site's own indexes"
                        + " (faultline.search.site-indexes.*)")
                .register(registry);
    }

    void countVectorList(VectorRepository.Near near, boolean counted) {
        if (counted && near.filtered()) {
            filteredVectorLists.increment();
        }
        if (counted && near.graphScan()) {
            filteredGraphScans.increment();
        }
    }
}
