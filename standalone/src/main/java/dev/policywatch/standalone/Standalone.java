package dev.policywatch.standalone;

import dev.policywatch.embedded.EmbeddedKafkaBroker;
import dev.policywatch.embedded.EmbeddedPostgresServer;
import dev.policywatch.support.ServiceStarts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import dev.policywatch.crawler.source.SourcesFile;
import dev.policywatch.crawler.source.SourcesFileException;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running system: embedded broker and database (unless {@code kafka.bootstrap.servers} /
 * {@code datasources.default.url} point elsewhere), then one Micronaut context with crawler,
 * diff-service and notifier. {@link #close()} stops them in the reverse order: the context first (so
 * clients leave cleanly), then the broker, then PostgreSQL.
 *
 * <p>Everything lives under the data directory: {@code kafka/} (the broker's log),
 * {@code postgres/} (the cluster), {@code streams/} (Kafka Streams state). A start on the same
 * directory resumes where the last run stopped, also after {@code kill -9}.
 */
public final class Standalone implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Standalone.class);
    private static final int MAX_PROBLEMS_SHOWN = 8;
    private static final Duration SERVICES_START_TIMEOUT = Duration.ofMinutes(5);

    /** The Micronaut environments of the three services and the standalone's own. */
    static final String[] ENVIRONMENTS = {"crawler", "diff", "notifier", "web", "standalone"};

    /** {@code shared_buffers} of the embedded PostgreSQL unless {@code policywatch.embedded-postgres.shared-buffers} is set. */
    static final String EMBEDDED_POSTGRES_SHARED_BUFFERS = "16MB";

    private final EmbeddedKafkaBroker broker;
    private final EmbeddedPostgresServer postgres;
    private final DemoSite demo;
    private final ApplicationContext context;
    private final String url;
    private final String bootstrapServers;
    private final String jdbcUrl;

    private Standalone(EmbeddedKafkaBroker broker, EmbeddedPostgresServer postgres, DemoSite demo,
            ApplicationContext context, String url, String bootstrapServers, String jdbcUrl) {
        this.broker = broker;
        this.postgres = postgres;
        this.demo = demo;
        this.context = context;
        this.url = url;
        this.bootstrapServers = bootstrapServers;
        this.jdbcUrl = jdbcUrl;
    }

    /** Starts everything; on failure stops what was started and rethrows. */
    public static Standalone start(StandaloneOptions options) {
        long begin = System.nanoTime();
        Path dataDir = options.dataDir().toAbsolutePath().normalize();
        // while one core checks the sources file, the other loads the classes the start needs next
        ClassWarmup.inBackground();
        // what the user gave is checked before anything starts: a mistake is told in a second, alone
        checkSources(options);
        if (options.demo()) {
            options.demoStageInterval(); // a bad value is refused now, not after the broker started
        }
        if (options.port() != 0) {
            checkPortFree(options.port(), null, "port " + options.port() + " for the web UI and API is in use: "
                    + "choose another with --port N (0 picks a free one)");
        }
        int kafkaPort = Integer.parseInt(options.property("policywatch.embedded-kafka.port").orElse("9092"));
        if (options.property("kafka.bootstrap.servers").isEmpty() && kafkaPort != 0) {
            checkPortFree(kafkaPort, InetAddress.getLoopbackAddress(), kafkaPortTaken(kafkaPort));
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        EmbeddedKafkaBroker broker = null;
        CompletableFuture<EmbeddedKafkaBroker> startingBroker = null;
        EmbeddedPostgresServer postgres = null;
        DemoSite demo = null;
        try {
            Map<String, Object> props = new HashMap<>(options.properties());
            String bootstrap = options.property("kafka.bootstrap.servers").orElse(null);
            String jdbc = options.property("datasources.default.url").orElse(null);
            // The database starts beside the broker (they share nothing): on two cores, or a busy machine,
            // the start-up is the longer of the two instead of their sum.
            CompletableFuture<EmbeddedPostgresServer> startingPostgres = jdbc != null ? null
                    : CompletableFuture.supplyAsync(() -> EmbeddedPostgresServer.builder()
                            .dataDir(dataDir.resolve("postgres"))
                            .port(Integer.parseInt(options.property("policywatch.embedded-postgres.port").orElse("0")))
                            // PostgreSQL's 128 MB default is counted again in every backend's RSS that touched it
                            .serverConfig("shared_buffers", options.property("policywatch.embedded-postgres.shared-buffers")
                                    .orElse(EMBEDDED_POSTGRES_SHARED_BUFFERS))
                            // a parallel query is extra backends, each with its own RSS; one box has two cores
                            .serverConfig("max_parallel_workers_per_gather", "0")
                            // autovacuum after the first pass's inserts: one worker, not three, each with 8 MB
                            // for dead tuples instead of maintenance_work_mem's 64 MB
                            .serverConfig("autovacuum_max_workers", "1")
                            .serverConfig("autovacuum_work_mem", "8MB")
                            .start(), r -> startThread(r, "start-postgres"));
            // The broker starts on its own thread too, on a port chosen now: the context, the HTTP server and
            // the web pages start meanwhile (after a kill -9 the broker waits seconds for its old registration
            // to expire), and the services' Kafka work waits for the gate, opened once the broker is ready.
            if (bootstrap == null) {
                int port = kafkaPort != 0 ? kafkaPort : EmbeddedKafkaBroker.freePort();
                bootstrap = "127.0.0.1:" + port;
                startingBroker = CompletableFuture.supplyAsync(() -> {
                    EmbeddedKafkaBroker started = startBroker(dataDir.resolve("kafka"), port);
                    removeMembersLeftBehind(started);
                    return started;
                }, r -> startThread(r, "start-kafka"));
            } else {
                LOG.info("Using the external Kafka at {} (no embedded broker)", bootstrap);
            }
            props.put("kafka.bootstrap.servers", bootstrap);
            if (startingPostgres != null) {
                postgres = await(startingPostgres); // the broker is stopped below when this failed
            }
            if (jdbc == null) {
                jdbc = postgres.jdbcUrl();
                props.put("datasources.default.url", jdbc);
                props.put("datasources.default.username", postgres.username());
                props.put("datasources.default.password", postgres.password());
            } else {
                LOG.info("Using the external PostgreSQL at {} (no embedded database)", jdbc);
            }
            props.putIfAbsent("datasources.default.driver-class-name", "org.postgresql.Driver");
            // A fixed port before start, so that links in alerts and feeds (public-url) carry the real one.
            props.put("micronaut.server.port", options.port() == 0 ? freePortBut(bootstrap) : options.port());
            props.put("policywatch.data-dir", dataDir.toString());
            if (options.sources() != null) {
                props.put("policywatch.sources", options.sources().toAbsolutePath().toString());
            }
            // alerts are printed to the console unless switched off (policywatch.notifier.console.enabled=false)
            if (options.property("policywatch.notifier.console.enabled").isEmpty()) {
                props.put("policywatch.notifier.console.enabled", "true");
            }
            if (options.demo()) {
                Duration step = options.demoStageInterval();
                // the stage and the port are kept under the data dir: a restart resumes on the same URLs
                demo = DemoSite.start(null, dataDir.resolve("demo"));
                if (options.sources() == null) {
                    Duration every = step.dividedBy(2).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                            : step.dividedBy(2);
                    props.put("policywatch.sources", demo.writeSources(dataDir.resolve("demo"), every).toString());
                }
                props.putIfAbsent("policywatch.crawler.per-host-delay", "1s");
            }
            // the crawler, the diff streams, the history projection and the notifier start side by side once
            // the broker is ready, and beside the HTTP server; "started" below is once every one of them runs
            ServiceStarts.Gate gate = new ServiceStarts.Gate();
            ApplicationContext context = ApplicationContext.builder()
                    .environments(ENVIRONMENTS)
                    .properties(props)
                    .singletons(gate)
                    .deduceEnvironment(false)
                    .start();
            String url;
            try {
                EmbeddedServer server = context.getBean(EmbeddedServer.class);
                server.start();
                url = "http://localhost:" + server.getPort();
            } catch (RuntimeException e) {
                gate.fail(e);
                context.close();
                if (hasCause(e, BindException.class)) {
                    // taken between the check above and now
                    throw StartupException.configuration("port " + options.port() + " for the web UI and API is in use: "
                            + "choose another with --port N (0 picks a free one)");
                }
                throw e;
            }
            try {
                if (startingBroker != null) {
                    broker = await(startingBroker);
                }
                gate.open();
                context.getBean(ServiceStarts.class).awaitAll(SERVICES_START_TIMEOUT);
            } catch (RuntimeException e) {
                gate.fail(e);
                context.close();
                throw e;
            }
            if (demo != null) {
                demo.advanceEvery(options.demoStageInterval());
            }
            LOG.info("policywatch started in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            return new Standalone(broker, postgres, demo, context, url, bootstrap, jdbc);
        } catch (RuntimeException e) {
            if (demo != null) {
                demo.close();
            }
            if (broker == null && startingBroker != null) {
                try {
                    broker = startingBroker.join(); // started meanwhile: stopped with the rest
                } catch (RuntimeException brokerFailure) {
                    if (brokerFailure.getCause() != e) {
                        e.addSuppressed(brokerFailure.getCause() == null ? brokerFailure : brokerFailure.getCause());
                    }
                }
            }
            if (broker != null) {
                broker.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    private static void startThread(Runnable start, String name) {
        Thread t = new Thread(start, name);
        t.setDaemon(true);
        t.start();
    }

    /** The started server, or its start's failure as thrown by the builder. */
    private static <T> T await(CompletableFuture<T> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static EmbeddedKafkaBroker startBroker(Path dir, int port) {
        try {
            return EmbeddedKafkaBroker.builder().dataDir(dir).port(port).start();
        } catch (RuntimeException e) {
            if (hasCause(e, BindException.class)) {
                throw new StartupException(StartupException.CONFIGURATION, kafkaPortTaken(port), e);
            }
            throw e;
        }
    }

    /**
     * After a kill -9 the embedded broker still lists the dead process's consumers and stream threads as
     * members of their groups, until their session (10 s) expires: the services would wait that long for
     * their partitions. Every client of the embedded broker is this process, so none of them is alive.
     */
    private static void removeMembersLeftBehind(EmbeddedKafkaBroker broker) {
        try {
            broker.removeMembersLeftBehind();
        } catch (RuntimeException e) {
            LOG.warn("{}: the services wait for the old members' sessions to expire instead", e.getMessage());
        }
    }

    private static String kafkaPortTaken(int port) {
        return "port " + port + " for the embedded Kafka broker is in use: set -Dpolicywatch.embedded-kafka.port=N "
                + "(0 picks a free one), or point -Dkafka.bootstrap.servers at a running Kafka";
    }

    /** The sources file (--sources or policywatch.sources), parsed and validated as the crawler will. */
    static void checkSources(StandaloneOptions options) {
        Path file = options.sources();
        if (file == null) {
            file = options.property("policywatch.sources").map(Path::of).orElse(null);
        }
        if (file == null) {
            return; // the bundled sources (checked by the crawler's tests) or the demo's
        }
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw StartupException.configuration("cannot read the sources file " + file + ": " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw StartupException.configuration("cannot read the sources file " + file + ": not UTF-8 text");
        }
        try {
            SourcesFile.parse(yaml, file.toString());
        } catch (SourcesFileException e) {
            List<String> problems = e.problems();
            StringBuilder sb = new StringBuilder("invalid sources file " + file + ":");
            for (int i = 0; i < problems.size() && i < MAX_PROBLEMS_SHOWN; i++) {
                sb.append("\n  - ").append(oneLine(problems.get(i)));
            }
            if (problems.size() > MAX_PROBLEMS_SHOWN) {
                sb.append("\n  … and ").append(problems.size() - MAX_PROBLEMS_SHOWN).append(" more");
            }
            throw StartupException.configuration(sb.toString());
        }
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 299) + "…" : flat;
    }

    private static void checkPortFree(int port, InetAddress address, String message) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(address, port));
        } catch (IOException e) {
            throw StartupException.configuration(message);
        }
    }

    /**
     * A free port for the HTTP server, never the embedded broker's: the kernel hands a port it just gave
     * back out again (about once in 2,000 choices here), and the broker binds its port after this choice.
     */
    private static int freePortBut(String bootstrap) {
        String kafkaPort = bootstrap == null ? "" : bootstrap.substring(bootstrap.lastIndexOf(':') + 1);
        int port = freePort();
        for (int attempt = 0; attempt < 10 && String.valueOf(port).equals(kafkaPort); attempt++) {
            port = freePort();
        }
        return port;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the HTTP server", e);
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** {@code http://localhost:<port>}: the UI and every API. */
    public String url() {
        return url;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public boolean embeddedKafka() {
        return broker != null;
    }

    public boolean embeddedPostgres() {
        return postgres != null;
    }

    public ApplicationContext context() {
        return context;
    }

    /** The demo site, when started with {@code --demo}. */
    public java.util.Optional<DemoSite> demo() {
        return java.util.Optional.ofNullable(demo);
    }

    @Override
    public void close() {
        long begin = System.nanoTime();
        if (demo != null) {
            demo.stopAdvancing(); // the stage it is at is the one kept for the next start
        }
        try {
            context.close();
        } finally {
            // the demo site last: the crawler must not meet a closed site while it stops
            if (demo != null) {
                demo.close();
            }
            try {
                if (broker != null) {
                    broker.close();
                }
            } finally {
                if (postgres != null) {
                    postgres.close();
                }
            }
        }
        LOG.info("policywatch stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    }
}
