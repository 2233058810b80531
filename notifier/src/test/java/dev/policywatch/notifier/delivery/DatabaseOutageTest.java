package dev.policywatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.policywatch.embedded.EmbeddedPostgresServer;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.notifier.slack.WebhookReceiver;
import dev.policywatch.support.Liveness;
import dev.policywatch.support.LoopRegistry;
import dev.policywatch.testing.Ports;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #12 item 3, with a real PostgreSQL stopped and started again on the same port and data: the
 * changes consumer used to end its thread ("cannot read subscriptions") and queue nothing until a JVM
 * restart. Now the changes published during the outage are queued and sent once it is back, in the
 * same process, and /health says DOWN while it lasts.
 */
@ExtendWith(RealInfrastructure.class)
class DatabaseOutageTest {

    @Test
    void changesPublishedWhilePostgresqlIsDownAreQueuedAndSentWhenItIsBackWithoutARestart(TestInfra infra)
            throws Exception {
        Path data = Files.createTempDirectory("pw-outage-pg").resolve("data");
        int pgPort = Ports.free();
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.builder().dataDir(data).port(pgPort).start();
        ApplicationContext context = null;
        try (WebhookReceiver slack = new WebhookReceiver(2);
                KafkaProducer<byte[], byte[]> producer = Fixtures.producer(infra)) {
            int port = Ports.free();
            Map<String, Object> p = Fixtures.properties(infra, port);
            p.put("datasources.default.url", pg.jdbcUrl());
            p.put("datasources.default.username", pg.username());
            p.put("datasources.default.password", pg.password());
            p.put("datasources.default.connection-timeout", "1000");
            p.put("policywatch.notifier.webhook.allowed-hosts", slack.origin());
            p.put("policywatch.notifier.outage.min-backoff", "200ms");
            p.put("policywatch.notifier.outage.max-backoff", "1s");
            p.put("policywatch.health.failing-grace", "1s");
            String topic = (String) p.get("policywatch.topics.changes");
            context = Fixtures.start(p);
            String base = "http://localhost:" + port;
            assertThat(Fixtures.send("POST", base + "/api/subscriptions", "{\"channel\":\"slack\",\"target\":\""
                    + slack.origin() + "/services/outage\"}").statusCode()).isEqualTo(201);
            DocumentChange before = Fixtures.change("before", "before the outage", "a", "b");
            Fixtures.publish(producer, topic, before);
            await().atMost(Duration.ofSeconds(30)).until(() -> slack.received("/services/outage").size() == 1);

            pg.close();
            DocumentChange during1 = Fixtures.change("during1", "during the outage", "c", "d");
            DocumentChange during2 = Fixtures.change("during2", "during the outage", "e", "f");
            Fixtures.publish(producer, topic, during1);
            Fixtures.publish(producer, topic, during2);
            Liveness changes = loop(context, "notifierChanges");
            await().atMost(Duration.ofSeconds(60)).until(() -> changes.state() == Liveness.State.FAILING
                    && changes.retries() >= 2);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Fixtures.send("GET", base + "/health", null).statusCode()).isEqualTo(503));

            pg = EmbeddedPostgresServer.builder().dataDir(data).port(pgPort).start();
            await().atMost(Duration.ofSeconds(90)).until(() -> slack.received("/services/outage").size() >= 3);
            List<String> bodies = slack.received("/services/outage").stream().map(WebhookReceiver.Received::body)
                    .toList();
            assertThat(bodies).hasSize(3);
            assertThat(bodies.get(0)).contains(before.changeId());
            assertThat(bodies.subList(1, 3)).anyMatch(b -> b.contains(during1.changeId()))
                    .anyMatch(b -> b.contains(during2.changeId()));
            Liveness deliveries = loop(context, "notifierDeliveries");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(changes.state()).isEqualTo(Liveness.State.RUNNING);
                assertThat(deliveries.state()).isEqualTo(Liveness.State.RUNNING);
                assertThat(Fixtures.send("GET", base + "/health", null).statusCode()).isEqualTo(200);
            });
        } finally {
            if (context != null) {
                context.close();
            }
            pg.close();
        }
    }

    private static Liveness loop(ApplicationContext context, String name) {
        return context.getBean(LoopRegistry.class).loops().stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow();
    }
}
