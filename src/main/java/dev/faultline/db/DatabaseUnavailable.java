package dev.faultline.db;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a failure because PostgreSQL cannot be reached (down, restarting, refusing connections, or the pool
 * found none in time) from a failure of the statement itself: the first is worth a 503 with Retry-After, since
 * the same request will work once the database is back; the second is a bug or bad data.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    // admin shutdown, crash shutdown, cannot connect now, too many connections
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {}

    /** Whether {@code e}, or any of its causes, says the database could not be reached. */
    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && unreachable(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            // class 08: connection exception (refused, broken, closed by the server)
            // class 08: connection exception (refused, broken, closed by the server); 55000 is also used for
            // "database is not currently accepting connections" (ALLOW_CONNECTIONS false), told by its message
            return state.startsWith("08") || STATES.contains(state)
                    || state.equals("55000") && String.valueOf(e.getMessage()).contains("accepting connections");
        }
        // Agroal's own exceptions carry no state: no connection could be had from the pool in time
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("acquisition timeout") || message.contains("connection refused");
    }
}
