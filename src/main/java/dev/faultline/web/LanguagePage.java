package dev.faultline.web;

import dev.faultline.security.AuthService;
import dev.faultline.security.CsrfGuard;
import dev.faultline.security.CurrentUser;
import dev.faultline.security.UserRepository;
import dev.faultline.error.FieldError;
import dev.faultline.error.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The language switch in every page's header: stores the choice with the signed-in user (it follows them to any
 * browser) and in a cookie (for the sign-in page), then goes back to the page it came from. "auto" follows the
 * browser's Accept-Language again.
 */
@Path("/language")
@PermitAll
public class LanguagePage {

    private final CurrentUser user;
    private final CsrfGuard csrf;
    private final UserRepository users;

    LanguagePage(CurrentUser user, CsrfGuard csrf, UserRepository users) {
        this.user = user;
        this.csrf = csrf;
        this.users = users;
    }

    @POST
    public Response choose(@RestForm String language, @RestForm String next,
            @RestForm(CsrfGuard.FORM_FIELD) String token) {
        boolean auto = "auto".equals(language);
        String code = auto ? null : UiLanguage.SUPPORTED.contains(language) ? language : null;
        if (!auto && code == null) {
            throw new ProblemException(400, "Bad Request", "language must be one of " + UiLanguage.SUPPORTED
                    + " or auto", List.of(FieldError.of("language", "unsupported")));
        }
        if (user.signedIn()) {
            csrf.check(user.identity(), token); // a session's choice is stored: a cross-site form must not change it
            Object id = user.identity().getAttribute(AuthService.USER_ID);
            if (id instanceof Long userId) {
                users.setLanguage(userId, code);
            }
        }
        NewCookie cookie = new NewCookie.Builder(UiLanguage.COOKIE).value(auto ? "" : code).path("/")
                .maxAge(auto ? 0 : (int) Duration.ofDays(365).toSeconds()).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
        String back = next != null && next.startsWith("/login") ? "/login" : LoginPage.safeNext(next);
        return Response.seeOther(URI.create(back)).cookie(cookie).build();
    }
}
