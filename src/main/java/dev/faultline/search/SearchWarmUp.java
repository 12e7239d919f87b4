package dev.faultline.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.record.RecordFilter;
import dev.faultline.record.RecordKind;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs a few searches in the background right after start, so that the first technician to search after a restart
 * does not wait for the JVM to compile the search path: at 100,000 records the first search took 265–388 ms without it
 * and 163–201 ms with it, the first 23 together 1.54–1.75 s against 1.16–1.19 s (BENCHMARKS.md, "the first searches
 * after a start"). Its searches are left out of the search metrics.
 */
@ApplicationScoped
public class SearchWarmUp {

    private static final Logger LOG = Logger.getLogger(SearchWarmUp.class);
    /** Everyday questions: long and short, shorthand and plain words, so every keyword tier and both lists run. */
    static final List<String> QUESTIONS = List.of(
            "oil leak at the valve cover", "pump bearing noise and vibration", "motor overheating, tripped",
            "low pressure", "R/H ENG CYL GSKT LKG", "seal leaking replaced", "belt worn or loose", "valve stuck");
    private static final List<RecordFilter> FILTERS = List.of(RecordFilter.none(),
            new RecordFilter(null, null, RecordKind.MAINTENANCE_LOG, null, null, null, null));

    private final SearchService search;
    private final SearchConfig config;
    private final ObjectMapper json;
    private volatile boolean stopping;
    private volatile Thread thread;

    SearchWarmUp(SearchService search, SearchConfig config, ObjectMapper json) {
        this.search = search;
        this.config = config;
        this.json = json;
    }

    // last of the start-up observers: nothing starts searching before the checks that can still fail the start
    void onStart(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        if (config.warmUpRounds() > 0) {
            thread = Thread.ofPlatform().daemon().name("search-warm-up").start(() -> run(config.warmUpRounds()));
        }
    }

    // the search under way finishes before the database pool and the model are closed
    void onShutdown(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        Thread running = thread;
        if (running != null) {
            running.join(5_000);
        }
    }

    /** Searches every question in every mode, unfiltered and filtered, {@code rounds} times; answers how many ran. */
    int run(int rounds) {
        long started = System.nanoTime();
        int done = 0;
        try {
            for (int round = 0; round < rounds; round++) {
                for (String q : QUESTIONS) {
                    for (SearchQuery.Mode mode : SearchQuery.Mode.values()) {
                        for (RecordFilter filter : FILTERS) {
                            if (stopping) {
                                return done;
                            }
                            // written as the API would write it, so the JSON of a result is compiled too
                            json.writeValueAsBytes(search.searchUncounted(new SearchQuery(q, mode, filter, 20, 0)));
                            done++;
                        }
                    }
                }
            }
            LOG.infof("search warmed up: %d searches in %d ms", done, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | JsonProcessingException e) {
            // a database going away, or the app stopping: the first real searches warm up instead
            if (stopping) {
                LOG.debugf(e, "search warm-up stopped by the shutdown after %d searches", done);
            } else {
                LOG.warnf(e, "search warm-up stopped after %d searches", done);
            }
        }
        return done;
    }
}
