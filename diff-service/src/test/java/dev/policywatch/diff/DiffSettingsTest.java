package dev.policywatch.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policywatch.diff.history.HistoryProjection;
import dev.policywatch.diff.stream.DiffStreams;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code policywatch.diff.*} keys bind with their defaults, and the switches really switch. */
class DiffSettingsTest {

    @Test
    void defaultsComeFromCodeAndTheDataDir() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("policywatch.data-dir", "/var/pw",
                "policywatch.diff.enabled", false, "policywatch.diff.history.enabled", false))) {
            DiffSettings s = ctx.getBean(DiffSettings.class);
            assertThat(s.applicationId()).isEqualTo("policywatch-diff");
            assertThat(s.historyGroupId()).isEqualTo("policywatch-history");
            assertThat(s.stateDir()).isEqualTo(Path.of("/var/pw", "streams"));
            assertThat(s.commitIntervalMs()).isEqualTo(100);
            assertThat(s.streamThreads()).isEqualTo(2);
            assertThat(s.generation().number()).isEqualTo(1);
            assertThat(ctx.containsBean(DiffStreams.class)).isFalse();
            assertThat(ctx.containsBean(HistoryProjection.class)).isFalse();
        }
    }

    @Test
    void aLaterGenerationSuffixesTheApplicationAndGroupIds() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("policywatch.diff.enabled", false,
                "policywatch.diff.history.enabled", false, "policywatch.diff.application-id", "pw-diff",
                "policywatch.diff.state-dir", "/tmp/pw-state", "policywatch.diff.generation", 3))) {
            DiffSettings s = ctx.getBean(DiffSettings.class);
            assertThat(s.applicationId()).isEqualTo("pw-diff-g3");
            assertThat(s.historyGroupId()).isEqualTo("policywatch-history-g3");
            assertThat(s.stateDir()).isEqualTo(Path.of("/tmp/pw-state"));
        }
    }

    @Test
    void generationBelowOneIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("policywatch.diff.enabled", false,
                "policywatch.diff.history.enabled", false, "policywatch.diff.generation", 0))
                .getBean(DiffSettings.class)).hasStackTraceContaining("policywatch.diff.generation");
    }
}
