package dev.faultline.admin;

import dev.faultline.security.UserRow;
import java.time.OffsetDateTime;

/** A user as admins see it: never with the password or its hash. */
public record UserView(
        long id,
        String username,
        String displayName,
        String role,
        boolean disabled,
        OffsetDateTime createdAt,
        OffsetDateTime lastLoginAt) {

    static UserView of(UserRow u) {
        return new UserView(u.id(), u.username(), u.displayName(), u.role(), u.disabled(), u.createdAt(),
                u.lastLoginAt());
    }
}
