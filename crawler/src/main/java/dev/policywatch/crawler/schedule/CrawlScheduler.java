package dev.policywatch.crawler.schedule;

import dev.policywatch.crawler.CrawlClock;
import dev.policywatch.crawler.CrawlReport;
import dev.policywatch.crawler.Crawler;
import dev.policywatch.crawler.CrawlerSettings;
import dev.policywatch.crawler.fetch.HostGate;
import dev.policywatch.crawler.publish.SnapshotPublisher;
import dev.policywatch.crawler.source.Source;
import dev.policywatch.crawler.source.SourceCatalog;
import dev.policywatch.crawler.state.CrawlStateStore;
import dev.policywatch.crawler.status.StatusBoard;
import dev.policywatch.support.ServiceStarts;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the crawls: each source every {@code every} (with jitter, and the first fetches after a start
 * spread out), at most {@code concurrency} crawls at once, and per host one crawl at a time, the next
 * one dispatched only once the host's delay has passed (so no worker sleeps on politeness).
 *
 * <p>{@link #requestCrawl} guarantees a crawl that <em>starts after</em> the request: if one is queued
 * it will start later; if one is running, another is queued when it ends. Starts on the application's
 * {@link StartupEvent} when {@code policywatch.crawler.enabled} (default true): loads the sources file,
 * creates the snapshots and crawl-state topics, rebuilds the published state and the crawl state
 * ({@link CrawlStateStore}), then schedules. Stops on shutdown.
 */
@Singleton
public class CrawlScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlScheduler.class);
    private static final Duration TICK = Duration.ofMillis(250);

    private final CrawlerSettings settings;
    private final SourceCatalog catalog;
    private final Crawler crawler;
    private final SnapshotPublisher publisher;
    private final CrawlStateStore state;
    private final StatusBoard board;
    private final CrawlClock clock;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Map<String, ArrayDeque<String>> hostQueues = new HashMap<>();
    private final Set<String> activeHosts = new HashSet<>();
    private volatile ScheduledExecutorService ticker;
    private volatile ThreadPoolExecutor workers;
    private volatile Instant nextSourcesPoll = Instant.MIN;

    private static final class Slot {
        Instant nextDue;
        boolean queued;
        boolean running;
        boolean requested;
    }

    public CrawlScheduler(CrawlerSettings settings, SourceCatalog catalog, Crawler crawler, SnapshotPublisher publisher,
            CrawlStateStore state, StatusBoard board, CrawlClock clock) {
        this.settings = settings;
        this.catalog = catalog;
        this.crawler = crawler;
        this.publisher = publisher;
        this.state = state;
        this.board = board;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!settings.enabled()) {
            LOG.info("Crawler disabled (policywatch.crawler.enabled=false): nothing is scheduled");
            return;
        }
        event.getSource().getBean(ServiceStarts.class).run("crawler", this::start);
    }

    /** Starts publishing and scheduling; idempotent. Throws when the sources file is invalid. */
    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        catalog.reload();
        // the two topics are read back side by side (20,000 sources: about a second each)
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(
                publisher::start, r -> daemon(r, "crawler-start-publisher").start());
        try {
            state.start();
        } finally {
            try {
                publishing.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        AtomicInteger n = new AtomicInteger();
        workers = new ThreadPoolExecutor(settings.concurrency(), settings.concurrency(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> daemon(r, "crawler-" + n.incrementAndGet()));
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "crawler-scheduler"));
        ticker.scheduleWithFixedDelay(this::tickSafely, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Crawler started: {} source(s), concurrency {}, per-host delay {} ms, User-Agent \"{}\"",
                catalog.sources().size(), settings.concurrency(), settings.perHostDelay().toMillis(),
                settings.userAgent());
    }

    /** Whether the scheduler is running. */
    public boolean isRunning() {
        return ticker != null;
    }

    /**
     * Asks for a crawl of the source that starts after this call.
     *
     * @return false when no such source is configured
     */
    public boolean requestCrawl(String sourceId) {
        if (catalog.find(sourceId).isEmpty()) {
            return false;
        }
        Slot slot = slot(sourceId);
        boolean enqueue;
        synchronized (slot) {
            slot.requested = true;
            // before the start ends (the API may answer meanwhile) there is no worker: the first tick crawls it
            enqueue = workers != null && !slot.queued && !slot.running;
            if (enqueue) {
                slot.queued = true;
            }
        }
        if (enqueue) {
            dispatch(sourceId);
        }
        return true;
    }

    /** Reloads the sources file now (admin). */
    public boolean reloadSources() {
        boolean ok = catalog.reload();
        crawler.retain(idsOf());
        return ok;
    }

    @PreDestroy
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            workers.shutdownNow();
            try {
                workers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ticker = null;
            LOG.info("Crawler stopped");
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("Crawler scheduling tick failed", e);
        }
    }

    private void tick() {
        Instant now = clock.now();
        if (!now.isBefore(nextSourcesPoll)) {
            nextSourcesPoll = now.plus(settings.sourcesPollInterval());
            if (catalog.reloadIfChanged()) {
                crawler.retain(idsOf());
            }
        }
        for (Source source : catalog.sources()) {
            Slot slot = slot(source.id());
            boolean enqueue = false;
            synchronized (slot) {
                if (slot.nextDue == null) {
                    slot.nextDue = slot.requested ? now : now.plus(initialDelay(source));
                    board.scheduled(source.id(), slot.nextDue);
                }
                if (!now.isBefore(slot.nextDue) && !slot.queued && !slot.running) {
                    slot.queued = true;
                    enqueue = true;
                }
            }
            if (enqueue) {
                dispatch(source.id());
            }
        }
        slots.keySet().retainAll(idsOf());
    }

    private void dispatch(String sourceId) {
        Optional<Source> source = catalog.find(sourceId);
        if (source.isEmpty()) {
            return;
        }
        String host = HostGate.key(source.get().url());
        boolean start;
        synchronized (hostQueues) {
            hostQueues.computeIfAbsent(host, k -> new ArrayDeque<>()).add(sourceId);
            start = activeHosts.add(host);
        }
        if (start) {
            execute(() -> drain(host));
        }
    }

    private void drain(String host) {
        String sourceId;
        synchronized (hostQueues) {
            ArrayDeque<String> q = hostQueues.get(host);
            sourceId = q == null ? null : q.poll();
            if (sourceId == null) {
                activeHosts.remove(host);
                hostQueues.remove(host);
                return;
            }
        }
        try {
            run(sourceId);
        } finally {
            boolean more;
            synchronized (hostQueues) {
                ArrayDeque<String> q = hostQueues.get(host);
                more = q != null && !q.isEmpty();
                if (!more) {
                    activeHosts.remove(host);
                    hostQueues.remove(host);
                }
            }
            if (more) {
                Duration wait = crawler.fetcher().gate().untilFree(host);
                ScheduledExecutorService t = ticker;
                if (t != null && !t.isShutdown()) {
                    t.schedule(() -> execute(() -> drain(host)), wait.toNanos(), TimeUnit.NANOSECONDS);
                }
            }
        }
    }

    private void run(String sourceId) {
        Slot slot = slot(sourceId);
        Optional<Source> source = catalog.find(sourceId);
        synchronized (slot) {
            slot.queued = false;
            if (source.isEmpty()) {
                return;
            }
            slot.running = true;
            slot.requested = false;
        }
        CrawlReport report = null;
        try {
            report = crawler.crawl(source.get());
        } finally {
            boolean again;
            synchronized (slot) {
                slot.running = false;
                slot.nextDue = clock.now().plus(interval(source.get()));
                board.scheduled(sourceId, slot.nextDue);
                again = slot.requested;
                if (again) {
                    slot.queued = true;
                }
            }
            if (again) {
                dispatch(sourceId);
            }
        }
    }

    private void execute(Runnable r) {
        ThreadPoolExecutor w = workers;
        if (w != null && !w.isShutdown()) {
            w.execute(r);
        }
    }

    private Slot slot(String sourceId) {
        return slots.computeIfAbsent(sourceId, k -> new Slot());
    }

    private Set<String> idsOf() {
        Set<String> ids = new HashSet<>();
        catalog.sources().forEach(s -> ids.add(s.id()));
        return ids;
    }

    private Duration initialDelay(Source source) {
        long spread = Math.min(source.every().toMillis(), settings.startSpread().toMillis());
        return Duration.ofMillis(spread <= 0 ? 0 : ThreadLocalRandom.current().nextLong(spread + 1));
    }

    private Duration interval(Source source) {
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * settings.jitter();
        return Duration.ofMillis(Math.max(1000, Math.round(source.every().toMillis() * factor)));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
