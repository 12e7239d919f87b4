package dev.faultline.security;

import java.util.List;
import java.util.Set;

/**
 * The roles people have and the scopes API keys have. A role includes the ones below it (an admin is also an
 * engineer and a technician), so endpoints name the lowest role that may use them. Scopes never imply roles.
 */
public final class Roles {

    public static final String TECHNICIAN = "technician";
    public static final String ENGINEER = "engineer";
    public static final String ADMIN = "admin";

    public static final String RECORDS_WRITE = "records:write";
    public static final String RECORDS_READ = "records:read";
    public static final String SEARCH = "search";
    public static final String ASK = "ask";
    public static final String CLASSIFY = "classify";
    /** Writing sensor readings (a historian or SCADA bridge); reading them comes with {@link #RECORDS_READ}. */
    public static final String SENSORS_WRITE = "sensors:write";

    public static final List<String> USER_ROLES = List.of(TECHNICIAN, ENGINEER, ADMIN);
    public static final List<String> SCOPES = List.of(RECORDS_WRITE, RECORDS_READ, SEARCH, ASK, CLASSIFY, SENSORS_WRITE);

    private Roles() {}

    /** The role and every role it includes. */
    public static Set<String> implied(String role) {
        return switch (role) {
            case ADMIN -> Set.of(ADMIN, ENGINEER, TECHNICIAN);
            case ENGINEER -> Set.of(ENGINEER, TECHNICIAN);
            case TECHNICIAN -> Set.of(TECHNICIAN);
            default -> Set.of();
        };
    }
}
