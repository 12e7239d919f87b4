package dev.faultline.webhook;

import java.util.List;

/** Body of {@code POST /api/v1/webhooks} and {@code PUT .../{id}}: where to send which events. */
public record EndpointRequest(String url, List<String> events, String description, Boolean enabled) {}
