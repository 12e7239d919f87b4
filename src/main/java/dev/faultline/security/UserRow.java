package dev.faultline.security;

import java.time.OffsetDateTime;

/** A user as stored, hash included: never leaves the service layer. */
public record UserRow(
        long id,
        String username,
        String displayName,
        String role,
        String passwordHash,
        boolean disabled,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime lastLoginAt) {}
