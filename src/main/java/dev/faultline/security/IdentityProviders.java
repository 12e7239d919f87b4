package dev.faultline.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Resolve the credentials of {@link AuthMechanism} against the database (on a worker thread). */
final class IdentityProviders {

    private IdentityProviders() {}

    @ApplicationScoped
    static class Sessions implements IdentityProvider<Credentials.SessionCookie> {
        private final AuthService auth;

        Sessions(AuthService auth) {
            this.auth = auth;
        }

        @Override
        public Class<Credentials.SessionCookie> getRequestType() {
            return Credentials.SessionCookie.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(Credentials.SessionCookie request, AuthenticationRequestContext ctx) {
            // an ended session: AuthMechanism makes the request anonymous and clears the cookie
            return ctx.runBlocking(() -> auth.sessionIdentity(request.token)
                    .orElseThrow(() -> new AuthenticationFailedException("session ended")));
        }
    }

    @ApplicationScoped
    static class Keys implements IdentityProvider<Credentials.BearerKey> {
        private final AuthService auth;

        Keys(AuthService auth) {
            this.auth = auth;
        }

        @Override
        public Class<Credentials.BearerKey> getRequestType() {
            return Credentials.BearerKey.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(Credentials.BearerKey request, AuthenticationRequestContext ctx) {
            return ctx.runBlocking(() -> auth.keyIdentity(request.key));
        }
    }
}
