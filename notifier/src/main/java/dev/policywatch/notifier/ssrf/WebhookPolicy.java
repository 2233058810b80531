package dev.policywatch.notifier.ssrf;

import dev.policywatch.net.AddressPolicy;
import dev.policywatch.net.HostResolver;
import dev.policywatch.net.IpLiterals;
import dev.policywatch.net.UrlOrigin;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The webhook allow-list of CONTRACT §4 ({@code policywatch.notifier.webhook.allowed-hosts}):
 * <ul>
 *   <li>a bare host entry ({@code hooks.slack.com}) allows {@code https} on port 443 to exactly that
 *       host, and only while every address it resolves to is public ({@link AddressPolicy}, the one
 *       policy of the crawler and the notifier);</li>
 *   <li>a wildcard entry ({@code *.logic.azure.com}) does the same for every host under that domain
 *       (not the domain itself): Teams Workflows URLs name a regional host;</li>
 *   <li>an entry with a scheme ({@code http://127.0.0.1:9000}) allows exactly that origin, private or
 *       not: that is how an operator allows a local receiver.</li>
 * </ul>
 * Nothing else passes. IP literals are parsed here, in every form a URL parser or {@code inet_aton}
 * accepts (dotted, short {@code 127.1}, decimal {@code 2852039166}, hex {@code 0xA9FEA9FE}, octal,
 * bracketed IPv6), so they cannot slip past as "names". Host names are resolved once, with the
 * injected {@link HostResolver}, for a clear answer; the sender's client (net's {@code OutboundHttp})
 * resolves once more when it connects, checks that answer under the same rules and connects only to
 * it, so DNS rebinding has no window. Call {@link #check(String)} when subscribing and again before
 * each send. Thread-safe.
 */
public final class WebhookPolicy {

    private final List<String> bareHosts = new ArrayList<>();
    /** Wildcard entries as their suffix with the leading dot ({@code .logic.azure.com}). */
    private final List<String> domains = new ArrayList<>();
    private final List<URI> origins = new ArrayList<>();
    private final HostResolver resolver;

    public WebhookPolicy(List<String> allowedHosts, HostResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        for (String raw : Objects.requireNonNull(allowedHosts, "allowedHosts")) {
            String entry = raw == null ? "" : raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.contains("://")) {
                URI origin = URI.create(entry);
                if (origin.getHost() == null || !(isHttp(origin.getScheme()))) {
                    throw new IllegalArgumentException("webhook allow-list entry must be a host or an http(s) origin: "
                            + entry);
                }
                origins.add(origin);
            } else {
                if (entry.contains("/") || entry.contains("@")) {
                    throw new IllegalArgumentException("webhook allow-list entry must be a host or an origin: " + entry);
                }
                String host = entry.toLowerCase(Locale.ROOT);
                if (host.startsWith("*.")) {
                    if (host.substring(2).contains("*") || host.chars().filter(c -> c == '.').count() < 2) {
                        throw new IllegalArgumentException("a webhook allow-list wildcard must be *.<domain>.<tld>: "
                                + entry);
                    }
                    domains.add(host.substring(1));
                } else if (host.contains("*")) {
                    throw new IllegalArgumentException("a webhook allow-list wildcard must be a leading *.: " + entry);
                } else {
                    bareHosts.add(host);
                }
            }
        }
    }

    /** Checks {@code url}; answers the target to connect to or throws with the reason it is refused. */
    public CheckedTarget check(String url) throws WebhookRejected {
        if (url == null || url.isBlank()) {
            throw new WebhookRejected("webhook URL is empty");
        }
        if (url.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new WebhookRejected("webhook URL must not contain spaces or control characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new WebhookRejected("webhook URL is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!isHttp(scheme)) {
            throw new WebhookRejected("webhook URL must be http or https");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw new WebhookRejected("webhook URL must not contain user information");
        }
        String rawHost = uri.getHost();
        if (rawHost == null && uri.getRawAuthority() != null) {
            // java.net.URI refuses hosts such as 0xA9FEA9FE (a label starting with a digit): parse them ourselves
            rawHost = uri.getRawAuthority().replaceFirst(":[0-9]*$", "");
            if (!rawHost.matches("[A-Za-z0-9.\\-]+")) {
                rawHost = null;
            }
        }
        if (rawHost == null || rawHost.isEmpty()) {
            throw new WebhookRejected("webhook URL has no valid host");
        }
        if (uri.getRawFragment() != null) {
            throw new WebhookRejected("webhook URL must not have a fragment");
        }
        String host = rawHost.toLowerCase(Locale.ROOT);
        int explicitPort = uri.getPort();
        if (uri.getHost() == null && uri.getRawAuthority().matches(".*:[0-9]{1,5}$")) {
            explicitPort = Integer.parseInt(uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf(':') + 1));
        }
        int port = explicitPort == -1 ? ("https".equals(scheme) ? 443 : 80) : explicitPort;

        for (URI origin : origins) {
            String oScheme = origin.getScheme().toLowerCase(Locale.ROOT);
            int oPort = origin.getPort() == -1 ? ("https".equals(oScheme) ? 443 : 80) : origin.getPort();
            if (oScheme.equals(scheme) && origin.getHost().toLowerCase(Locale.ROOT).equals(host) && oPort == port) {
                List<InetAddress> addresses = addresses(host);
                return new CheckedTarget(uri, scheme, host, port, addresses.get(0), new UrlOrigin(scheme, host, port));
            }
        }
        if (bareHosts.contains(host) || domains.stream().anyMatch(d -> host.endsWith(d) && host.length() > d.length()
                && !IpLiterals.looksNumeric(host))) {
            if (!"https".equals(scheme) || port != 443) {
                throw new WebhookRejected("webhook host " + host + " is allowed over https on port 443 only");
            }
            List<InetAddress> addresses = addresses(host);
            for (InetAddress a : addresses) {
                if (!AddressPolicy.isPublic(a)) {
                    throw new WebhookRejected("webhook host " + host + " resolves to " + a.getHostAddress()
                            + ", which is not a public address");
                }
            }
            return new CheckedTarget(uri, scheme, host, port, addresses.get(0), null);
        }
        throw new WebhookRejected("webhook host " + host + " is not in policywatch.notifier.webhook.allowed-hosts");
    }

    private List<InetAddress> addresses(String host) throws WebhookRejected {
        InetAddress literal = IpLiterals.parse(host);
        if (literal != null) {
            return List.of(literal);
        }
        if (IpLiterals.looksNumeric(host)) {
            throw new WebhookRejected("webhook host " + host + " is a malformed IP address");
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            throw new WebhookRejected("webhook host " + host + " is a loopback name");
        }
        try {
            List<InetAddress> resolved = resolver.resolve(name);
            if (resolved == null || resolved.isEmpty()) {
                throw new WebhookRejected("webhook host " + host + " does not resolve");
            }
            return List.copyOf(resolved);
        } catch (UnknownHostException e) {
            throw new WebhookRejected("webhook host " + host + " does not resolve");
        }
    }

    private static boolean isHttp(String scheme) {
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }
}
