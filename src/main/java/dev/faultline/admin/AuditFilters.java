package dev.faultline.admin;

import dev.faultline.audit.AuditService;
import dev.faultline.record.ListParams;
import java.time.ZoneId;

/** The audit log's filters as typed (page) or sent (API): blank means any; a bad date is a 400 naming it. */
public final class AuditFilters {

    private AuditFilters() {}

    public static AuditService.Filter of(String actor, String action, String from, String to, ZoneId zone) {
        var period = ListParams.filter(null, null, null, null, from, to, null, zone);
        return new AuditService.Filter(blankToNull(actor), blankToNull(action), period.from(), period.to());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
