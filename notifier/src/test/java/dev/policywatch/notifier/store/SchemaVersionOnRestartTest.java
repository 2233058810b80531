package dev.policywatch.notifier.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.support.db.SchemaMigrations;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bug: every restart logged "Schema of notifier: 0 migration(s) applied, now at version null" (Flyway names
 * a target version only when it applied something). The version is now read from the history table, on
 * real PostgreSQL: the restart reports the newest migration the notifier ships.
 */
@ExtendWith(RealInfrastructure.class)
class SchemaVersionOnRestartTest {

    @Test
    void aRestartThatAppliesNothingReportsTheCurrentVersion(TestInfra infra) throws Exception {
        SchemaMigrations.migrate(infra.dataSource(), "notifier");

        SchemaMigrations.Outcome restart = SchemaMigrations.migrate(infra.dataSource(), "notifier");

        assertThat(restart.applied()).isZero();
        assertThat(restart.version()).isEqualTo(newestShippedVersion());
        assertThat(restart.describe())
                .isEqualTo("Schema of notifier: 0 migration(s) applied, now at version " + newestShippedVersion());
    }

    private static String newestShippedVersion() throws IOException, URISyntaxException {
        Path dir = Path.of(SchemaVersionOnRestartTest.class.getResource("/db/notifier").toURI());
        Pattern versioned = Pattern.compile("V(\\d+)__.*\\.sql");
        try (Stream<Path> files = Files.list(dir)) {
            return String.valueOf(files.map(f -> versioned.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches).mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow());
        }
    }
}
