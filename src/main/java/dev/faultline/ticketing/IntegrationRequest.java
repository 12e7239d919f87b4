package dev.faultline.ticketing;

import java.util.Map;

/**
 * Body of {@code PUT /api/v1/integrations/{name}}: the kind ({@code jira}, {@code servicenow} or {@code generic}),
 * where the ticket's fields are in its payloads (JSON pointers overriding the kind's defaults, see
 * docs/INTEGRATIONS.md), and the base URL its ticket links start with. {@code rotateSecret}: a new secret.
 */
public record IntegrationRequest(String kind, Map<String, String> mapping, String baseUrl, Boolean rotateSecret) {}
