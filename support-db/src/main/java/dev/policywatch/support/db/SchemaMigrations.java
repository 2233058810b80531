package dev.policywatch.support.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each service owns its tables and migrates them with its own Flyway history table, so diff-service
 * and notifier can share one database (the standalone's) or use separate ones. Migrations live at
 * {@code classpath:db/<service>}; tables are created in the connection's current schema.
 */
public final class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private SchemaMigrations() {
    }

    /**
     * Runs the pending migrations of {@code service} ({@code classpath:db/<service>}, history table
     * {@code flyway_<service>}). A schema that already holds other services' tables is fine.
     */
    public static MigrateResult migrate(DataSource dataSource, String service) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + service)
                .table("flyway_" + service.replace('-', '_'))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info("Schema of {}: {} migration(s) applied, now at version {}", service, result.migrationsExecuted,
                result.targetSchemaVersion);
        return result;
    }
}
