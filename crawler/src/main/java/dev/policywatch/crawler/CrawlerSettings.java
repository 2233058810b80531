package dev.policywatch.crawler;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * How the crawler fetches ({@code policywatch.crawler.*}); every value has a default in code, so the
 * crawler runs with no configuration at all. Validated at construction: a bad value fails the start
 * with a message naming the key.
 *
 * @param enabled               whether the scheduler starts on application start-up
 * @param perHostDelay          pause between two requests to one host (CONTRACT §6)
 * @param userAgent             User-Agent sent; names policywatch and a contact URL
 * @param concurrency           global limit of crawls running at once
 * @param connectTimeout        TCP/TLS connect timeout
 * @param readTimeout           longest wait for the response headers and longest silence between body chunks
 * @param totalTimeout          longest whole exchange (a server trickling bytes is cut by this)
 * @param maxBodyBytes          cap on the bytes received (default 25 MB); over it the fetch is an error
 * @param maxDecompressedBytes  cap on the bytes after gzip/deflate decoding (a gzip bomb is cut)
 * @param maxRedirects          redirects followed per fetch
 * @param maxRetries            retries after a 5xx, 429 or network error
 * @param retryBackoff          first retry pause, doubled per retry (Retry-After wins when given)
 * @param maxRetryAfter         a Retry-After longer than this is not waited for: the fetch fails and the schedule retries
 * @param goneAfter             consecutive 404/410 answers before a document is reported GONE
 * @param driftShrink           share of text lost at once (0..1) that marks a source broken
 * @param driftConfirmations    consecutive identical fetches that confirm a suspicious content
 * @param maxDocumentsPerListing documents followed per listing, feed or JSON index
 * @param robotsCacheTtl        how long a robots.txt is kept (at most 24 h)
 * @param robotsFailureTtl      how long an unreachable/5xx robots.txt (everything disallowed) is kept
 * @param startSpread           a source's first fetch after start is spread over [0, min(every, this)]
 * @param jitter                share (0..0.5) by which each interval is randomly lengthened or shortened
 * @param sourcesPollInterval   how often the sources file's modification time is checked
 * @param memoryBudget          memory the crawls in flight may hold at once (default 96 MiB): a body's decoded
 *                              bytes are charged while it streams in, five times as much again before its
 *                              text is extracted, all returned when the text is published or dropped; a
 *                              document that cannot fit (over 16 MiB by default) is refused ({@code too-large})
 * @param maxSnapshotBytes      largest serialized snapshot published (default 15 MiB): the snapshots topic
 *                              and the producer accept 16 MiB per record before compression, so with the
 *                              key and headers a 15 MiB value always fits; a larger document's source shows
 *                              {@code too-large} and nothing is published
 * @param idleConnections       keep-alive connections kept open for reuse, across all hosts (default
 *                              {@value #DEFAULT_IDLE_CONNECTIONS}), each for up to {@link #IDLE_CONNECTION_KEEP_ALIVE}
 *                              unless the server closes it first: the next request to a host reuses its connection
 *                              instead of a new TCP (and TLS) handshake. Hosts are crawled in rotation, so this should
 *                              be at least the number of hosts (and the {@code concurrency}); OkHttp's own default
 *                              of 5 made about 95 % of the requests to 50 hosts at concurrency 10 open a new
 *                              connection. 0: every connection is closed after its request
 */
@ConfigurationProperties("policywatch.crawler")
public record CrawlerSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "2s") Duration perHostDelay,
        @Nullable String userAgent,
        @Bindable(defaultValue = "8") int concurrency,
        @Bindable(defaultValue = "10s") Duration connectTimeout,
        @Bindable(defaultValue = "30s") Duration readTimeout,
        @Bindable(defaultValue = "120s") Duration totalTimeout,
        @Bindable(defaultValue = "26214400") long maxBodyBytes,
        @Bindable(defaultValue = "52428800") long maxDecompressedBytes,
        @Bindable(defaultValue = "5") int maxRedirects,
        @Bindable(defaultValue = "2") int maxRetries,
        @Bindable(defaultValue = "1s") Duration retryBackoff,
        @Bindable(defaultValue = "5m") Duration maxRetryAfter,
        @Bindable(defaultValue = "3") int goneAfter,
        @Bindable(defaultValue = "0.6") double driftShrink,
        @Bindable(defaultValue = "3") int driftConfirmations,
        @Bindable(defaultValue = "50") int maxDocumentsPerListing,
        @Bindable(defaultValue = "24h") Duration robotsCacheTtl,
        @Bindable(defaultValue = "10m") Duration robotsFailureTtl,
        @Bindable(defaultValue = "1m") Duration startSpread,
        @Bindable(defaultValue = "0.1") double jitter,
        @Bindable(defaultValue = "5s") Duration sourcesPollInterval,
        @Bindable(defaultValue = "100663296") long memoryBudget,
        @Bindable(defaultValue = "15728640") long maxSnapshotBytes,
        @Bindable(defaultValue = "256") int idleConnections) {

    /** The default User-Agent: names the project and where to read about it. */
    public static final String DEFAULT_USER_AGENT =
            "policywatch-crawler/0.1 (+https://github.com/policywatch/policywatch; policy-document change monitor)";

    public CrawlerSettings {
        userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent.trim();
        perHostDelay = nonNegative(perHostDelay, "per-host-delay", Duration.ofSeconds(2));
        connectTimeout = positive(connectTimeout, "connect-timeout", Duration.ofSeconds(10));
        readTimeout = positive(readTimeout, "read-timeout", Duration.ofSeconds(30));
        totalTimeout = positive(totalTimeout, "total-timeout", Duration.ofSeconds(120));
        retryBackoff = nonNegative(retryBackoff, "retry-backoff", Duration.ofSeconds(1));
        maxRetryAfter = nonNegative(maxRetryAfter, "max-retry-after", Duration.ofMinutes(5));
        robotsCacheTtl = positive(robotsCacheTtl, "robots-cache-ttl", Duration.ofHours(24));
        if (robotsCacheTtl.compareTo(Duration.ofHours(24)) > 0) {
            robotsCacheTtl = Duration.ofHours(24); // RFC 9309 §2.4: SHOULD NOT use a cached copy for more than 24 h
        }
        robotsFailureTtl = positive(robotsFailureTtl, "robots-failure-ttl", Duration.ofMinutes(10));
        startSpread = nonNegative(startSpread, "start-spread", Duration.ofMinutes(1));
        sourcesPollInterval = positive(sourcesPollInterval, "sources-poll-interval", Duration.ofSeconds(5));
        require(concurrency >= 1, "concurrency must be >= 1, was " + concurrency);
        require(maxBodyBytes >= 1024, "max-body-bytes must be >= 1024, was " + maxBodyBytes);
        require(maxDecompressedBytes >= maxBodyBytes, "max-decompressed-bytes must be >= max-body-bytes");
        require(maxRedirects >= 0 && maxRedirects <= 20, "max-redirects must be 0..20, was " + maxRedirects);
        require(maxRetries >= 0 && maxRetries <= 10, "max-retries must be 0..10, was " + maxRetries);
        require(goneAfter >= 1, "gone-after must be >= 1, was " + goneAfter);
        require(driftShrink > 0 && driftShrink < 1, "drift-shrink must be between 0 and 1, was " + driftShrink);
        require(driftConfirmations >= 1, "drift-confirmations must be >= 1, was " + driftConfirmations);
        require(maxDocumentsPerListing >= 1, "max-documents-per-listing must be >= 1, was " + maxDocumentsPerListing);
        require(jitter >= 0 && jitter <= 0.5, "jitter must be 0..0.5, was " + jitter);
        memoryBudget = memoryBudget <= 0 ? DEFAULT_MEMORY_BUDGET : memoryBudget;
        require(memoryBudget >= 1024 * 1024, "memory-budget must be >= 1048576 (1 MiB), was " + memoryBudget);
        maxSnapshotBytes = maxSnapshotBytes <= 0 ? DEFAULT_MAX_SNAPSHOT_BYTES : maxSnapshotBytes;
        require(maxSnapshotBytes >= 64 * 1024 && maxSnapshotBytes <= MAX_SNAPSHOT_BYTES_LIMIT,
                "max-snapshot-bytes must be 65536.." + MAX_SNAPSHOT_BYTES_LIMIT + " (the snapshots topic takes 16 MiB "
                        + "per record), was " + maxSnapshotBytes);
        require(idleConnections >= 0, "idle-connections must be >= 0, was " + idleConnections);
    }

    /** Default of {@code idle-connections}. */
    public static final int DEFAULT_IDLE_CONNECTIONS = 256;
    /** How long an unused keep-alive connection is kept at most (OkHttp's default; servers often close sooner). */
    public static final Duration IDLE_CONNECTION_KEEP_ALIVE = Duration.ofMinutes(5);

    /** Default of {@code memory-budget}: 96 MiB, so a document of up to 16 MiB can be fetched and extracted. */
    public static final long DEFAULT_MEMORY_BUDGET = 96L * 1024 * 1024;
    /** Default of {@code max-snapshot-bytes}: 15 MiB serialized, 1 MiB under what a record may be. */
    public static final long DEFAULT_MAX_SNAPSHOT_BYTES = 15L * 1024 * 1024;
    /** The largest allowed {@code max-snapshot-bytes}: a record of the snapshots topic, less room for key and headers. */
    public static final long MAX_SNAPSHOT_BYTES_LIMIT = dev.policywatch.events.Topics.MAX_MESSAGE_BYTES - 64 * 1024;

    /**
     * Memory that extracting a document takes beyond its body, as a multiple of the body's size, charged
     * to the memory budget before extraction: jsoup's tree of a 48.7 MB HTML page peaked at about 250 MB
     * of heap (of a 10 MB page at 54 MB); the extracted text and snapshot are smaller than that tree.
     * PDFs are charged the same.
     */
    public static final long EXTRACTION_OVERHEAD = 5;

    /**
     * The largest document body the crawler reads: {@code max-decompressed-bytes}, or less when the memory
     * budget could not hold such a body and its extraction ({@code memory-budget / 6}: 16 MiB at the
     * defaults). A larger body is cut while it streams in.
     */
    public long maxDocumentBytes() {
        return Math.min(maxDecompressedBytes, memoryBudget / (1 + EXTRACTION_OVERHEAD));
    }

    /** All defaults, for code that runs without Micronaut (benchmarks, tools). */
    public static CrawlerSettings defaults() {
        return new CrawlerSettings(true, null, null, 8, null, null, null, 25L * 1024 * 1024, 50L * 1024 * 1024,
                5, 2, null, null, 3, 0.6, 3, 50, null, null, null, 0.1, null, DEFAULT_MEMORY_BUDGET,
                DEFAULT_MAX_SNAPSHOT_BYTES, DEFAULT_IDLE_CONNECTIONS);
    }

    private static Duration positive(Duration d, String key, Duration fallback) {
        Duration v = d == null ? fallback : d;
        require(!v.isNegative() && !v.isZero(), "policywatch.crawler." + key + " must be positive, was " + v);
        return v;
    }

    private static Duration nonNegative(Duration d, String key, Duration fallback) {
        Duration v = d == null ? fallback : d;
        require(!v.isNegative(), "policywatch.crawler." + key + " must not be negative, was " + v);
        return v;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message.startsWith("policywatch.") ? message
                    : "policywatch.crawler." + message);
        }
    }
}
