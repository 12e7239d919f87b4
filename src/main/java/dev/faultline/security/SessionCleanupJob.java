package dev.faultline.security;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Removes ended sessions from the database every hour (they no longer work either way). */
@ApplicationScoped
public class SessionCleanupJob {

    private static final Logger LOG = Logger.getLogger(SessionCleanupJob.class);

    private final SessionRepository sessions;
    private final SecurityConfig config;

    SessionCleanupJob(SessionRepository sessions, SecurityConfig config) {
        this.sessions = sessions;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void clean() {
        int removed = sessions.deleteEnded(config.sessionIdleTimeout());
        if (removed > 0) {
            LOG.debugf("removed %d ended sessions", removed);
        }
    }
}
