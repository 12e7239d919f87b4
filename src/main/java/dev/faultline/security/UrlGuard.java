package dev.faultline.security;

import dev.faultline.error.FieldError;
import dev.faultline.error.InputText;
import dev.faultline.error.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before any resource runs, a URL that no resource could use: longer than {@link #MAX_URL} characters
 * (414), not valid UTF-8 once percent-decoded (lone surrogates included), or holding control characters (400,
 * naming the parameter). Free-text parameters ({@code q}, {@code question}) may hold tabs and line breaks; ids,
 * sites, sources and every other parameter or path segment may hold none. PostgreSQL cannot store NUL at all, so
 * this is also what keeps {@code %00} from reaching it.
 */
public class UrlGuard {

    /** The longest URL accepted; the HTTP layer's own limit ({@code quarkus.http.limits.max-initial-line-length}) is higher. */
    static final int MAX_URL = 8192;
    private static final Set<String> FREE_TEXT = Set.of("q", "question");

    @ServerRequestFilter(preMatching = true)
    public void check(HttpServerRequest request) {
        String uri = request.uri();
        if (uri.length() > MAX_URL) {
            throw new ProblemException(414, "URI too long", "The URL is " + uri.length()
                    + " characters long; at most " + MAX_URL + ". Send long input in a POST body instead.", List.of());
        }
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        checkValue("path", decode("path", path, false), false);
        if (q >= 0) {
            for (String pair : uri.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String name = decode("query", eq < 0 ? pair : pair.substring(0, eq), true);
                checkValue("query parameter name", name, false);
                if (eq >= 0) {
                    checkValue(name, decode(name, pair.substring(eq + 1), true), FREE_TEXT.contains(name));
                }
            }
        }
    }

    private static void checkValue(String field, String value, boolean freeText) {
        InputText.check(field, value, freeText);
    }

    /** Percent-decodes strictly: a bad escape or bytes that are not UTF-8 are refused, never turned into '?'. */
    static String decode(String field, String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (lo < 0) {
                    throw ProblemException.badRequest(FieldError.of(field,
                            "has a '%' that is not followed by two hexadecimal digits"));
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest(FieldError.of(field,
                    "is not valid UTF-8 once decoded (a broken or lone surrogate character?)"));
        }
    }
}
