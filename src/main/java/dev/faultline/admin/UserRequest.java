package dev.faultline.admin;

/**
 * Create a user (username, role, password required) or change one (any field; a password resets it and ends the
 * user's sessions).
 */
public record UserRequest(String username, String displayName, String role, String password, Boolean disabled) {}
