package dev.faultline.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Who is signed in, for templates ({@code {inject:user.name}}) and for audit entries. */
@Named("user")
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    /** The user name, or {@code key:<name>} for an API key. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public String displayName() {
        Object name = identity.getAttribute(AuthService.DISPLAY_NAME);
        return name == null ? name() : name.toString();
    }

    /** The highest role, for display. */
    public String role() {
        for (String r : new String[] {Roles.ADMIN, Roles.ENGINEER, Roles.TECHNICIAN}) {
            if (identity.hasRole(r)) {
                return r;
            }
        }
        return "";
    }

    public boolean engineer() {
        return identity.hasRole(Roles.ENGINEER);
    }

    public boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** The session's CSRF token for forms (empty for non-session identities). */
    public String csrf() {
        Object token = identity.getAttribute(AuthService.CSRF);
        return token == null ? "" : token.toString();
    }

    public SecurityIdentity identity() {
        return identity;
    }
}
