package dev.faultline.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Guards against server-side request forgery: an endpoint URL must be http(s) without credentials, and every
 * address its host resolves to must be public, unless the host is named in {@code faultline.webhooks.allowed-hosts}.
 * Checked when an endpoint is registered and again before every delivery (DNS can change in between).
 */
@ApplicationScoped
class UrlPolicy {

    private final Set<String> allowed;

    UrlPolicy(WebhookConfig config) {
        allowed = config.allowedHosts().orElse(java.util.List.of()).stream().map(String::strip)
                .map(h -> h.toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
    }

    /** Why this URL may not be called, or empty when it may. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            return Optional.of("must be an http:// or https:// URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("needs a host and no user name or password in it");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowed.contains(host)) {
            return Optional.empty();
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (internal(a)) {
                    return Optional.of("points to an internal address (" + a.getHostAddress() + "); name its host in"
                            + " faultline.webhooks.allowed-hosts to allow it");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("has a host that cannot be resolved: " + host);
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress a) {
        return a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || (a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc)
                || (a.getAddress().length == 4 && (a.getAddress()[0] & 0xff) == 100
                        && (a.getAddress()[1] & 0xc0) == 64); // 100.64.0.0/10, carrier-grade NAT
    }
}
