package dev.policywatch.support.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
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
     * What a migration did: how many migrations it applied and the version the schema is at afterwards
     * (also when it applied none, as on every restart; {@code "none"} for a schema with no migration).
     */
    public record Outcome(String service, int applied, String version) {

        /** The line logged at start: {@code Schema of notifier: 0 migration(s) applied, now at version 3}. */
        public String describe() {
            return "Schema of " + service + ": " + applied + " migration(s) applied, now at version " + version;
        }
    }

    /**
     * Runs the pending migrations of {@code service} ({@code classpath:db/<service>}, history table
     * {@code flyway_<service>}). A schema that already holds other services' tables is fine.
     */
    public static Outcome migrate(DataSource dataSource, String service) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + service)
                .table("flyway_" + service.replace('-', '_'))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        // the migrate result names a target version only when it applied something: ask the history table
        MigrationInfo current = flyway.info().current();
        Outcome outcome = new Outcome(service, applied,
                current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion());
        LOG.info(outcome.describe());
        return outcome;
    }
}
