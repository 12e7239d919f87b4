package dev.faultline.web;

import dev.faultline.db.DatabaseUnavailable;
import dev.faultline.index.IndexService;
import dev.faultline.index.IndexStatus;
import dev.faultline.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The indexing progress every page shows while records wait to be embedded ({@code {inject:indexing.active}}):
 * done of total, the rate and the time left. Costs one cached count per page while nothing is waiting.
 */
@Named("indexing")
@RequestScoped
public class IndexBanner {

    private final IndexService index;
    private final CurrentUser user;
    private final UiLanguage language;
    private IndexStatus status;

    IndexBanner(IndexService index, CurrentUser user, UiLanguage language) {
        this.index = index;
        this.user = user;
        this.language = language;
    }

    /** False too when the database cannot be asked: a page must not fail over its banner (that is a 503's job). */
    public boolean active() {
        try {
            return user.signedIn() && index.pending() > 0;
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.is(e)) {
                return false;
            }
            throw e;
        }
    }

    public IndexStatus status() {
        if (status == null) {
            status = index.status();
        }
        return status;
    }

    public long total() {
        return status().pending() + status().indexed();
    }

    public long percent() {
        return total() == 0 ? 100 : status().indexed() * 100 / total();
    }

    /** "about 2 min left" in the page's language, or empty while the rate is not known yet. */
    public String left() {
        Long s = status().secondsLeft();
        AppMessages words = language.bundle(AppMessages.class);
        return s == null ? "" : s < 60 ? words.leftUnderMinute() : words.leftMinutes(Math.round(s / 60.0));
    }
}
