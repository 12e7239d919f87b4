package dev.faultline.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The two ways a request proves who it is: a session cookie (people) or a bearer API key (integrations). */
final class Credentials {

    private Credentials() {}

    static final class SessionCookie extends BaseAuthenticationRequest {
        final String token;

        SessionCookie(String token) {
            this.token = token;
        }
    }

    static final class BearerKey extends BaseAuthenticationRequest {
        final String key;

        BearerKey(String key) {
            this.key = key;
        }
    }
}
