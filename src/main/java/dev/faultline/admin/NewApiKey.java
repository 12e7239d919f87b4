package dev.faultline.admin;

import java.util.List;

/** A key just created: the only time its value is shown. */
public record NewApiKey(long id, String name, String key, List<String> scopes) {}
