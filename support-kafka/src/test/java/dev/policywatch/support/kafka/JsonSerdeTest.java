package dev.policywatch.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policywatch.events.Block;
import dev.policywatch.events.EventFormatException;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Kafka side of the event JSON: what {@link EventJson} does, plus tombstones and the topic in errors. */
class JsonSerdeTest {

    private static final PageSnapshot SNAPSHOT = PageSnapshot.present("cac-genai-measures", "cac-genai-measures",
            "Interim Measures", "CAC", "CN", "https://www.cac.gov.cn/x.htm", Instant.parse("2026-11-29T02:00:00Z"),
            "text/html", "暂行办法", "zh", Origin.CONFIGURED, List.of(Block.paragraph("第一条 为了规范应用，制定本办法。")));

    private final JsonSerde<PageSnapshot> snapshots = JsonSerde.snapshots();

    @Test
    void writesAndReadsTheSameBytesAsEventJson() {
        byte[] bytes = snapshots.serialize("policywatch.snapshots", SNAPSHOT);
        assertThat(bytes).isEqualTo(EventJson.write(SNAPSHOT));
        assertThat(snapshots.deserialize("policywatch.snapshots", bytes)).isEqualTo(SNAPSHOT);
        assertThat(snapshots.serializer()).isSameAs(snapshots);
        assertThat(snapshots.deserializer()).isSameAs(snapshots);
    }

    @Test
    void aTombstoneReadsAsNullAsKafkaExpects() {
        assertThat(snapshots.deserialize("t", null)).isNull();
        assertThat(snapshots.serialize("t", null)).isNull();
    }

    @Test
    void anUnreadableValueNamesTheTopicTheTypeAndTheField() {
        String json = EventJson.writeString(SNAPSHOT).replace("\"documentId\":\"cac-genai-measures\",", "");
        assertThatThrownBy(() -> snapshots.deserialize("policywatch.snapshots", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class)
                .hasMessageStartingWith("topic policywatch.snapshots: ")
                .hasMessageContaining("PageSnapshot")
                .hasMessageContaining("documentId");
        assertThatThrownBy(() -> JsonSerde.changes().deserialize("policywatch.changes", new byte[0]))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("topic policywatch.changes")
                .hasMessageContaining("empty value");
    }
}
