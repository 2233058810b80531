package dev.policywatch.crawler.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policywatch.embedded.EmbeddedKafkaBroker;
import dev.policywatch.events.Block;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.support.kafka.KafkaSettings;
import dev.policywatch.support.kafka.TopicReplay;
import dev.policywatch.testing.Ports;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue #14 item 3: the publisher sent a snapshot again when its wait for the acknowledgement timed
 * out, on top of the idempotent producer's own retries, so a send that was only slow was published
 * twice (or three times). With a real broker that is down for longer than the publish timeout and then
 * back on the same port and data: the failed publish leaves nothing behind, the next one publishes once.
 */
class SnapshotPublisherTest {

    @Test
    void aPublishThatTimesOutWhileTheBrokerIsDownIsNeverDeliveredLaterSoTheRetryPublishesOnce() throws Exception {
        Path data = Files.createTempDirectory("pw-publisher-kafka");
        int port = Ports.free();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(data).port(port).start();
        try {
            KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), "publisher-test.snapshots",
                    "publisher-test.changes", "publisher-test.dead-letter", 1, null, null);
            SnapshotPublisher publisher = new SnapshotPublisher(kafka, new SimpleMeterRegistry(), Duration.ofSeconds(3),
                    15L * 1024 * 1024);
            publisher.start();
            try {
                PageSnapshot snapshot = PageSnapshot.present("rule", "rule", "Rule", "Agency", "US",
                        "https://example.gov/rule", Instant.parse("2026-01-01T00:00:00Z"), "text/html", "Rule", "en",
                        Origin.CONFIGURED, List.of(Block.paragraph("Section 1. Records are kept for five years.")));
                broker.close();
                assertThatThrownBy(() -> publisher.publish(snapshot))
                        .isInstanceOf(SnapshotPublisher.PublishException.class);
                broker = EmbeddedKafkaBroker.builder().dataDir(data).port(port).start();
                publisher.publish(snapshot); // the crawler's next attempt
                List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
                TopicReplay.readToEnd(kafka, kafka.snapshotsTopic(), "publisher-test", Duration.ofSeconds(60),
                        published::add);
                assertThat(published).as("snapshots on the topic").hasSize(1);
                assertThat(publisher.state().size()).isEqualTo(1);
            } finally {
                publisher.close();
            }
        } finally {
            broker.close();
        }
    }

}
