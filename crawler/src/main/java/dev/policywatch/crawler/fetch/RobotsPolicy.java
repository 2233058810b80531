package dev.policywatch.crawler.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per RFC 9309 with crawler-commons' {@link SimpleRobotRulesParser}, one per origin
 * (scheme, host, port), cached for at most 24 h. An answer of 4xx means no rules (everything allowed);
 * a 5xx, a network failure or a timeout means everything is disallowed for now (RFC 9309 §2.3.1.4),
 * cached for a shorter time so the site is asked again soon. Fetching is the caller's job: the policy
 * is handed a loader. Thread-safe; two threads asking for one origin at once may both load it, which is
 * harmless.
 */
public final class RobotsPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RobotsPolicy.class);

    private final String agentName;
    private final Duration ttl;
    private final Duration failureTtl;
    private final Clock clock;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(BaseRobotRules rules, Instant expires, String note) {
    }

    /**
     * @param agentName the product token matched against {@code User-agent} lines ({@code policywatch})
     */
    public RobotsPolicy(String agentName, Duration ttl, Duration failureTtl, Clock clock) {
        this.agentName = agentName.toLowerCase(Locale.ROOT);
        this.ttl = ttl;
        this.failureTtl = failureTtl;
        this.clock = clock;
    }

    /** A decision and, when disallowed, why. */
    public record Decision(boolean allowed, String reason) {
    }

    /**
     * Whether {@code url} may be fetched.
     *
     * @param loader fetches a robots.txt URL (following redirects, without consulting robots itself)
     */
    public Decision check(URI url, Function<URI, FetchResult> loader) {
        String origin = origin(url);
        Instant now = clock.instant();
        Cached cached = cache.get(origin);
        if (cached == null || !now.isBefore(cached.expires())) {
            cached = load(origin, loader, now);
            cache.put(origin, cached);
        }
        if (cached.rules().isAllowed(url.toString())) {
            return new Decision(true, null);
        }
        return new Decision(false, cached.note() != null ? cached.note()
                : "robots.txt of " + origin + " disallows " + dev.policywatch.net.OutboundHttp.clip(url));
    }

    /** Forgets every cached robots.txt. */
    public void clear() {
        cache.clear();
    }

    private Cached load(String origin, Function<URI, FetchResult> loader, Instant now) {
        URI robotsUrl = URI.create(origin + "/robots.txt");
        FetchResult result = loader.apply(robotsUrl);
        if (result instanceof FetchResult.Fetched f) {
            String type = f.contentType() == null ? "text/plain" : f.contentType();
            SimpleRobotRules rules = parser.parseContent(robotsUrl.toString(), f.body(), type, List.of(agentName));
            return new Cached(rules, now.plus(ttl), null);
        }
        if (result instanceof FetchResult.Failed failed && failed.status() >= 400 && failed.status() < 500) {
            return new Cached(parser.failedFetch(failed.status()), now.plus(ttl), null);
        }
        String why = result instanceof FetchResult.Failed failed ? failed.reason() : result.outcome();
        LOG.warn("robots.txt of {} unavailable ({}): disallowing the whole site for {}", origin, why, failureTtl);
        SimpleRobotRules none = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
        return new Cached(none, now.plus(failureTtl),
                "robots.txt of " + origin + " unavailable (" + why + "): site disallowed for now");
    }

    private static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
