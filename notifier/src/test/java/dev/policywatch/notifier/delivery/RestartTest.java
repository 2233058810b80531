package dev.policywatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.policywatch.notifier.Fixtures;
import dev.policywatch.notifier.slack.WebhookReceiver;
import dev.policywatch.testing.Ports;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A notifier restarted in the middle of 100 deliveries loses none and resends none that were marked sent. */
@ExtendWith(RealInfrastructure.class)
class RestartTest {

    private static final Pattern CHANGE_ID = Pattern.compile("/changes/(c-[0-9a-f]+)");

    @Test
    void aRestartInTheMiddleOf100DeliveriesLosesNothingAndResendsNothingMarkedSent(TestInfra infra) throws Exception {
        try (WebhookReceiver slack = new WebhookReceiver(4);
                KafkaProducer<byte[], byte[]> producer = Fixtures.producer(infra)) {
            slack.answer("/services/restart", n -> {
                try {
                    Thread.sleep(80); // a receiver with some latency, so the restart falls mid-stream
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return WebhookReceiver.Answer.ok();
            });
            Map<String, Object> p = Fixtures.properties(infra, Ports.free());
            p.put("policywatch.notifier.webhook.allowed-hosts", slack.origin());
            p.put("policywatch.notifier.worker.threads", 2);
            p.put("policywatch.notifier.worker.batch-size", 5);
            p.put("policywatch.notifier.worker.lease", "1s");
            String topic = (String) p.get("policywatch.topics.changes");

            ApplicationContext first = Fixtures.start(p);
            int port = (Integer) p.get("micronaut.server.port");
            assertThat(Fixtures.send("POST", "http://localhost:" + port + "/api/subscriptions",
                    "{\"channel\":\"slack\",\"target\":\"" + slack.origin() + "/services/restart\"}").statusCode())
                    .isEqualTo(201);
            Set<String> published = new HashSet<>();
            for (int i = 0; i < 100; i++) {
                var change = Fixtures.change("r" + i, "restart " + i, "old " + i, "new " + i);
                published.add(change.changeId());
                Fixtures.publish(producer, topic, change);
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> slack.received("/services/restart").size() >= 30);
            first.close();
            int receivedBeforeRestart = slack.received("/services/restart").size();
            Set<String> markedSent = sentChangeIds(infra);
            assertThat(receivedBeforeRestart).isLessThan(100);
            assertThat(markedSent).isNotEmpty().hasSizeLessThan(100);

            ApplicationContext second = Fixtures.start(p);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> sentChangeIds(infra).size() == 100);
            } finally {
                second.close();
            }
            List<WebhookReceiver.Received> all = slack.received("/services/restart");
            Map<String, Integer> receipts = new HashMap<>();
            for (WebhookReceiver.Received r : all) {
                Matcher m = CHANGE_ID.matcher(r.body());
                assertThat(m.find()).isTrue();
                receipts.merge(m.group(1), 1, Integer::sum);
            }
            assertThat(receipts.keySet()).isEqualTo(published);
            Set<String> resentAfterMark = markedSent.stream().filter(id -> receipts.get(id) > 1).collect(Collectors.toSet());
            assertThat(resentAfterMark).isEmpty();
            System.out.printf("restart test: %d received before the restart, %d marked sent, %d receipts in all%n",
                    receivedBeforeRestart, markedSent.size(), all.size());
        }
    }

    private static Set<String> sentChangeIds(TestInfra infra) throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = infra.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT change_id FROM notifier_delivery WHERE status = 'sent' "
                        + "AND change_id IS NOT NULL")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
