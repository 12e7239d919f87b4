package dev.faultline.error;

import java.util.List;

/** 503 from a remote system that asked to be called later: answered with the same {@code Retry-After}. */
public class RetryLater extends ProblemException {

    private final long seconds;

    public RetryLater(String detail, long seconds) {
        super(503, "Service unavailable", detail, List.of());
        this.seconds = seconds;
    }

    public long seconds() {
        return seconds;
    }
}
