package dev.policywatch.crawler.status;

import dev.policywatch.crawler.CrawlOutcome;
import dev.policywatch.crawler.CrawlReport;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live state of each source's crawling, written by the crawler and scheduler, read by the API.
 * In memory: after a restart it fills again with the first crawls. Thread-safe.
 */
@Singleton
public final class StatusBoard {

    /** One source's mutable status; read through {@link StatusBoard#view}. */
    public static final class Entry {
        volatile Instant lastFetchAt;
        volatile Integer lastStatus;
        volatile CrawlOutcome lastOutcome;
        volatile Instant lastChangeAt;
        volatile Instant nextFetchAt;
        volatile String lastError;
        volatile CrawlOutcome lastErrorKind;
        volatile Instant lastErrorAt;
        volatile String brokenReason;
        volatile String brokenReasonKind;
        volatile long publishFailures;
        volatile boolean running;

        public Instant lastFetchAt() {
            return lastFetchAt;
        }

        public Integer lastStatus() {
            return lastStatus;
        }

        public CrawlOutcome lastOutcome() {
            return lastOutcome;
        }

        public Instant lastChangeAt() {
            return lastChangeAt;
        }

        public Instant nextFetchAt() {
            return nextFetchAt;
        }

        public String lastError() {
            return lastError;
        }

        /** What kind of failure {@link #lastError()} is; null when there is none. */
        public CrawlOutcome lastErrorKind() {
            return lastErrorKind;
        }

        public Instant lastErrorAt() {
            return lastErrorAt;
        }

        public String brokenReason() {
            return brokenReason;
        }

        /** What {@link #brokenReason()} is about, as a code; null when unknown. */
        public String brokenReasonKind() {
            return brokenReasonKind;
        }

        public long publishFailures() {
            return publishFailures;
        }

        public boolean running() {
            return running;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public Entry view(String sourceId) {
        return entries.computeIfAbsent(sourceId, k -> new Entry());
    }

    public void started(String sourceId, Instant at) {
        Entry e = view(sourceId);
        e.running = true;
        e.lastFetchAt = at;
    }

    /** Records a finished crawl. */
    public void finished(CrawlReport report, Instant at) {
        Entry e = view(report.sourceId());
        e.running = false;
        e.lastStatus = report.httpStatus();
        e.lastOutcome = report.outcome();
        if (report.published() > 0) {
            e.lastChangeAt = at;
        }
        if (report.error() != null) {
            e.lastError = report.error();
            e.lastErrorKind = report.errorKind();
            e.lastErrorAt = at;
        } else {
            e.lastError = null;
            e.lastErrorKind = null;
        }
        e.brokenReason = report.warning();
        e.brokenReasonKind = report.warningKind();
    }

    public void changed(String sourceId, Instant at) {
        view(sourceId).lastChangeAt = at;
    }

    public void publishFailed(String sourceId) {
        Entry e = view(sourceId);
        synchronized (e) {
            e.publishFailures++;
        }
    }

    public void scheduled(String sourceId, Instant next) {
        view(sourceId).nextFetchAt = next;
    }

    public void clearBroken(String sourceId) {
        Entry e = view(sourceId);
        e.brokenReason = null;
        e.brokenReasonKind = null;
    }
}
