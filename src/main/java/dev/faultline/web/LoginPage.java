package dev.faultline.web;

import dev.faultline.security.AuthMechanism;
import dev.faultline.security.AuthService;
import dev.faultline.security.CurrentUser;
import dev.faultline.security.CsrfGuard;
import dev.faultline.security.SecurityConfig;
import dev.faultline.security.Tokens;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;

/** Sign-in and sign-out. The sign-in form is protected by a double-submit CSRF cookie (no session yet). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class LoginPage {

    static final String LOGIN_CSRF = "faultline_login_csrf";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String next, String csrf, String error, String notice);
    }

    private final AuthService auth;
    private final SecurityConfig config;
    private final CsrfGuard csrf;
    private final CurrentUser user;
    private final HttpHeaders headers;
    private final UiLanguage lang;

    LoginPage(AuthService auth, SecurityConfig config, CsrfGuard csrf, CurrentUser user, HttpHeaders headers,
            UiLanguage lang) {
        this.lang = lang;
        this.auth = auth;
        this.config = config;
        this.csrf = csrf;
        this.user = user;
        this.headers = headers;
    }

    @GET
    @Path("login")
    public Response form(@QueryParam("next") String next, @QueryParam("bye") String bye,
            @QueryParam("ended") String ended) {
        String token = Tokens.random();
        boolean staleCookie = headers.getCookies().containsKey(AuthMechanism.SESSION_COOKIE) && !user.signedIn();
        AdminMessages words = lang.bundle(AdminMessages.class);
        String notice = bye != null ? words.signedOut()
                : ended != null || staleCookie ? words.sessionEnded() : null;
        return page(200, next, token, null, notice);
    }

    @POST
    @Path("login")
    public Response login(@Context UriInfo uri, @Context HttpServerRequest request, @RestForm String username,
            @RestForm String password, @RestForm String next, @RestForm(CsrfGuard.FORM_FIELD) String token) {
        Cookie expected = headers.getCookies().get(LOGIN_CSRF);
        if (expected == null || !Tokens.same(token, expected.getValue())) {
            return page(403, next, Tokens.random(), lang.bundle(AdminMessages.class).formExpired(), null);
        }
        // where to go is settled before a session exists: nothing after the sign-in can fail
        URI target = URI.create(safeNext(next));
        try {
            String session = auth.login(username, password, clientAddress(request));
            return Response.seeOther(target)
                    .cookie(SessionCookies.session(session, config, headers, uri))
                    .cookie(new NewCookie.Builder(LOGIN_CSRF).value("").path("/login").maxAge(0).build())
                    .build();
        } catch (AuthService.LoginRefused e) {
            AdminMessages words = lang.bundle(AdminMessages.class);
            String message = e.locked()
                    ? words.tooManySignIns(config.loginLockout().toMinutes())
                    : words.wrongPassword();
            return page(e.locked() ? 429 : 401, next, Tokens.random(), message, null);
        }
    }

    @POST
    @Path("logout")
    public Response logout(@RestForm(CsrfGuard.FORM_FIELD) String token) {
        csrf.check(user.identity(), token);
        Cookie session = headers.getCookies().get(AuthMechanism.SESSION_COOKIE);
        auth.logout(session == null ? null : session.getValue());
        return Response.seeOther(URI.create("/login?bye=1")).cookie(SessionCookies.clear()).build();
    }

    private Response page(int status, String next, String token, String error, String notice) {
        return Response.status(status)
                .entity(Templates.login(safeNext(next), token, error, notice))
                .cookie(new NewCookie.Builder(LOGIN_CSRF).value(token).path("/login").httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).maxAge(3600).build())
                .build();
    }

    /**
     * Only a same-origin relative path, made of the characters a URL may hold (no spaces, controls or
     * backslashes), and not the sign-in page itself: anything else is ignored and the user lands on {@code /}.
     */
    static String safeNext(String next) {
        if (next == null || !SAFE_NEXT.matcher(next).matches() || next.startsWith("//") || next.startsWith("/login")
                || next.startsWith("/logout")) {
            return "/";
        }
        try {
            URI uri = new URI(next);
            return uri.isAbsolute() || uri.getRawAuthority() != null ? "/" : next;
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    private static final Pattern SAFE_NEXT = Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@/?%]{0,2000}");

    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
