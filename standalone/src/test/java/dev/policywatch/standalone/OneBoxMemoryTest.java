package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.policywatch.diff.DiffSettings;
import dev.policywatch.testing.Ports;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone bounds what it holds besides the heap (issue #19, one box under 1 GB): the embedded
 * PostgreSQL's shared buffers, the one connection pool, the RocksDB budget; each can be set.
 */
class OneBoxMemoryTest {

    @TempDir
    Path dir;

    private Standalone system;

    @AfterEach
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theDefaultsBoundPostgresItsWorkersThePoolAndRocksDbAndEachCanBeSet() throws Exception {
        system = start(StandaloneOptions.defaults());
        assertThat(show("shared_buffers")).isEqualTo(Standalone.EMBEDDED_POSTGRES_SHARED_BUFFERS);
        assertThat(pool().getMaximumPoolSize()).isEqualTo(5);
        assertThat(system.context().getBean(DiffSettings.class).rocksDbMemoryBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(show("max_parallel_workers_per_gather")).isEqualTo("0");
        assertThat(show("autovacuum_max_workers")).isEqualTo("1");
        assertThat(show("autovacuum_work_mem")).isEqualTo("8MB");
        system.close();
        system = null;

        system = start(StandaloneOptions.defaults()
                .withProperty("policywatch.embedded-postgres.shared-buffers", "48MB")
                .withProperty("datasources.default.maximum-pool-size", "7")
                .withProperty("policywatch.diff.rocksdb-memory-bytes", String.valueOf(96L * 1024 * 1024)));
        assertThat(show("shared_buffers")).isEqualTo("48MB");
        assertThat(pool().getMaximumPoolSize()).isEqualTo(7);
        assertThat(system.context().getBean(DiffSettings.class).rocksDbMemoryBytes()).isEqualTo(96L * 1024 * 1024);
    }

    private Standalone start(StandaloneOptions options) {
        return Standalone.start(options.withDataDir(dir.resolve("data")).withPort(Ports.free())
                .withProperty("policywatch.embedded-kafka.port", "0")
                .withProperty("policywatch.crawler.enabled", "false"));
    }

    private HikariDataSource pool() throws Exception {
        return system.context().getBean(DataSource.class).unwrap(HikariDataSource.class);
    }

    private String show(String setting) throws Exception {
        try (Connection c = DriverManager.getConnection(system.jdbcUrl(), "postgres", "");
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + setting)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
