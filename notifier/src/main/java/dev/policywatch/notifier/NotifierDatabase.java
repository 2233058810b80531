package dev.policywatch.notifier;

import dev.policywatch.support.db.SchemaMigrations;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/** The notifier's view of the shared database: migrated ({@code db/notifier}) before anything uses it. */
@Singleton
@Requires(property = "policywatch.notifier.enabled", notEquals = "false")
public final class NotifierDatabase {

    private final DataSource dataSource;

    public NotifierDatabase(DataSource dataSource) {
        SchemaMigrations.migrate(dataSource, "notifier");
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
