package dev.policywatch.standalone;

import dev.policywatch.embedded.EmbeddedKafkaBroker;
import dev.policywatch.embedded.EmbeddedPostgresServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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

    /** The Micronaut environments of the three services and the standalone's own. */
    static final String[] ENVIRONMENTS = {"crawler", "diff", "notifier", "web", "standalone"};

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
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        EmbeddedKafkaBroker broker = null;
        EmbeddedPostgresServer postgres = null;
        DemoSite demo = null;
        try {
            Map<String, Object> props = new HashMap<>(options.properties());
            String bootstrap = options.property("kafka.bootstrap.servers").orElse(null);
            if (bootstrap == null) {
                int kafkaPort = Integer.parseInt(options.property("policywatch.embedded-kafka.port").orElse("9092"));
                broker = startBroker(dataDir.resolve("kafka"), kafkaPort);
                bootstrap = broker.bootstrapServers();
                props.put("kafka.bootstrap.servers", bootstrap);
            } else {
                LOG.info("Using the external Kafka at {} (no embedded broker)", bootstrap);
            }
            String jdbc = options.property("datasources.default.url").orElse(null);
            if (jdbc == null) {
                postgres = EmbeddedPostgresServer.builder().dataDir(dataDir.resolve("postgres"))
                        .port(Integer.parseInt(options.property("policywatch.embedded-postgres.port").orElse("0")))
                        .start();
                jdbc = postgres.jdbcUrl();
                props.put("datasources.default.url", jdbc);
                props.put("datasources.default.username", postgres.username());
                props.put("datasources.default.password", postgres.password());
            } else {
                LOG.info("Using the external PostgreSQL at {} (no embedded database)", jdbc);
            }
            props.putIfAbsent("datasources.default.driver-class-name", "org.postgresql.Driver");
            // A fixed port before start, so that links in alerts and feeds (public-url) carry the real one.
            props.put("micronaut.server.port", options.port() == 0 ? freePort() : options.port());
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
            ApplicationContext context = ApplicationContext.builder()
                    .environments(ENVIRONMENTS)
                    .properties(props)
                    .deduceEnvironment(false)
                    .start();
            String url;
            try {
                EmbeddedServer server = context.getBean(EmbeddedServer.class);
                server.start();
                url = "http://localhost:" + server.getPort();
            } catch (RuntimeException e) {
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
            if (broker != null) {
                broker.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    private static EmbeddedKafkaBroker startBroker(Path dir, int port) {
        try {
            return EmbeddedKafkaBroker.builder().dataDir(dir).port(port).start();
        } catch (RuntimeException e) {
            if (hasCause(e, BindException.class)) {
                throw new IllegalStateException("port " + port + " for the embedded Kafka broker is in use: set "
                        + "-Dpolicywatch.embedded-kafka.port=<free port> (0 = any), or point kafka.bootstrap.servers "
                        + "at a running Kafka", e);
            }
            throw e;
        }
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
            demo.close();
        }
        try {
            context.close();
        } finally {
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
