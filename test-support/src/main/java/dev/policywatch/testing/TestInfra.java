package dev.policywatch.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What one test class gets: the shared broker and database, and names of its own so that test classes
 * never see each other's topics, consumer groups, Streams application ids or tables.
 */
public final class TestInfra {

    private final String namespace;
    private volatile String schema;

    TestInfra(String testClassName) {
        String simple = testClassName.substring(testClassName.lastIndexOf('.') + 1)
                .replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        this.namespace = (simple.length() > 30 ? simple.substring(0, 30) : simple) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    }

    /** {@code bootstrap.servers} of the shared broker. */
    public String kafkaBootstrap() {
        return SharedInfrastructure.kafka().bootstrapServers();
    }

    /** "embedded KRaft broker" or "testcontainers apache/kafka". */
    public String kafkaKind() {
        return SharedInfrastructure.kafka().kind();
    }

    /** A name unique to this test class: {@code <class>-<random>.<base>}; use it for topics, groups and application ids. */
    public String name(String base) {
        return namespace + "." + base;
    }

    /**
     * Creates (if needed) a topic with this class's prefix and returns its name. Like the project's event
     * topics it keeps its records forever ({@code retention.ms=-1}): test records carry the fixtures'
     * timestamps (January 2026), which the broker's default 7-day retention would delete at its next
     * check (30 s after the broker starts, then every 5 minutes), in the middle of a test.
     */
    public String topic(String base, int partitions) {
        String name = name(base);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()))) {
            if (!admin.listTopics().names().get().contains(name)) {
                admin.createTopics(java.util.List.of(new NewTopic(name, partitions, (short) 1)
                        .configs(Map.of("max.message.bytes", String.valueOf(17 * 1024 * 1024),
                                "retention.ms", "-1")))).all().get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test topic " + name, e);
        }
        return name;
    }

    /** The schema of this test class in the shared database, created on first use. */
    public String schema() {
        if (schema == null) {
            synchronized (this) {
                if (schema == null) {
                    String s = "t_" + namespace.replace('-', '_');
                    try (Connection c = rawConnection(); Statement st = c.createStatement()) {
                        st.execute("CREATE SCHEMA IF NOT EXISTS " + s);
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot create test schema " + s, e);
                    }
                    schema = s;
                }
            }
        }
        return schema;
    }

    /** A JDBC URL whose connections use this class's schema ({@code currentSchema}). */
    public String jdbcUrl() {
        String base = SharedInfrastructure.postgres().jdbcUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema();
    }

    public String dbUsername() {
        return SharedInfrastructure.postgres().username();
    }

    public String dbPassword() {
        return SharedInfrastructure.postgres().password();
    }

    /** "embedded PostgreSQL" or "testcontainers postgres". */
    public String postgresKind() {
        return SharedInfrastructure.postgres().kind();
    }

    /** A DataSource on this class's schema. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        ds.setUser(dbUsername());
        ds.setPassword(dbPassword());
        return ds;
    }

    /** Micronaut-style properties pointing a service at this class's infrastructure. */
    public Map<String, Object> micronautProperties() {
        return Map.of(
                "kafka.bootstrap.servers", kafkaBootstrap(),
                "datasources.default.url", jdbcUrl(),
                "datasources.default.username", dbUsername(),
                "datasources.default.password", dbPassword(),
                "datasources.default.driver-class-name", "org.postgresql.Driver");
    }

    private Connection rawConnection() throws SQLException {
        SharedInfrastructure.Postgres pg = SharedInfrastructure.postgres();
        Properties props = new Properties();
        props.setProperty("user", pg.username());
        props.setProperty("password", pg.password());
        return DriverManager.getConnection(pg.jdbcUrl(), props);
    }
}
