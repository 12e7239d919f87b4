package dev.faultline.index;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;

/** Records this instance embedded over the last minute, for the progress shown to people (rate and time left). */
@ApplicationScoped
class IndexRate {

    private static final long WINDOW_NANOS = 60_000_000_000L;

    private record Done(long at, int records) {}

    private final Deque<Done> recent = new ArrayDeque<>();

    synchronized void done(int records) {
        long now = System.nanoTime();
        recent.addLast(new Done(now, records));
        forget(now);
    }

    /** Records per second over the window; null when nothing was embedded in it. */
    synchronized Double perSecond() {
        long now = System.nanoTime();
        forget(now);
        if (recent.isEmpty()) {
            return null;
        }
        long span = Math.max(now - recent.getFirst().at(), 1_000_000_000L);
        int sum = recent.stream().mapToInt(Done::records).sum();
        return Math.round(sum * 1e10 / span) / 10.0;
    }

    /** Seconds until {@code pending} records are done at the current rate; null when it cannot be told. */
    Long secondsLeft(long pending) {
        Double rate = perSecond();
        return rate == null || rate <= 0 || pending == 0 ? null : (long) Math.ceil(pending / rate);
    }

    private void forget(long now) {
        while (!recent.isEmpty() && now - recent.getFirst().at() > WINDOW_NANOS) {
            recent.removeFirst();
        }
    }
}
