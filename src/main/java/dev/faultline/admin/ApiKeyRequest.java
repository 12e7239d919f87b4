package dev.faultline.admin;

import java.util.List;

/** Create an API key: a name (which system uses it) and its scopes. */
public record ApiKeyRequest(String name, List<String> scopes) {}
