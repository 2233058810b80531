package dev.policywatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.engine.diff.DiffResult;
import dev.policywatch.engine.segment.Provision;
import dev.policywatch.engine.segment.Segmentation;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.ProvisionChange;
import org.junit.jupiter.api.Test;

class EngineTest {

    private final Engine engine = new Engine();

    @Test
    void comparesTwoChineseVersionsFromFiles() {
        DiffResult result = engine.compare(Fixtures.extract("cn-v1.md"), Fixtures.extract("cn-v2.md"));

        assertThat(result.changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ChangeType.ADDED, null, "第三条"),
                        org.assertj.core.groups.Tuple.tuple(ChangeType.RENUMBERED, "第三条", "第四条"),
                        org.assertj.core.groups.Tuple.tuple(ChangeType.MODIFIED, "第四条", "第五条"),
                        org.assertj.core.groups.Tuple.tuple(ChangeType.RENUMBERED, "第五条", "第六条"),
                        org.assertj.core.groups.Tuple.tuple(ChangeType.RENUMBERED, "第六条", "第七条"),
                        org.assertj.core.groups.Tuple.tuple(ChangeType.RENUMBERED, "第七条", "第八条"));
        assertThat(result.summary().unchanged()).isEqualTo(2);
        // the preamble gained a line; "总 则" vs "总则" is spacing only and not a change
        assertThat(result.structureChanges()).extracting(ProvisionChange::oldLabel).containsExactly("preamble");
    }

    @Test
    void comparesTwoEnglishHtmlVersions() {
        DiffResult result = engine.compare(Fixtures.extract("en-v1.html"), Fixtures.extract("en-v2.html"));

        assertThat(result.changes()).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ChangeType.MODIFIED, "Section 2", "Section 2"),
                        org.assertj.core.groups.Tuple.tuple(ChangeType.ADDED, null, "Section 5"));
        assertThat(result.summary().unchanged()).isEqualTo(3);
    }

    @Test
    void segmentationIsPlainJsonThatRoundTrips() throws Exception {
        Segmentation segmentation = engine.segment(Fixtures.extract("cn-v1.md").blocks());

        String json = EventJson.writeString(segmentation);
        Segmentation back = EventJson.mapper().readValue(json, Segmentation.class);

        assertThat(back).isEqualTo(segmentation);
        assertThat(back.provisions()).extracting(Provision::label).startsWith("第一条", "第二条");
    }
}
