package dev.faultline;

import dev.faultline.index.IndexService;
import jakarta.enterprise.context.ApplicationScoped;

/** Waits until the background indexer has embedded everything queued. */
@ApplicationScoped
public class TestIndex {

    private final IndexService index;

    TestIndex(IndexService index) {
        this.index = index;
    }

    public void awaitEmpty() {
        long until = System.currentTimeMillis() + 120_000;
        while (index.status().pending() > 0) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("the embedding queue did not drain: " + index.status());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
