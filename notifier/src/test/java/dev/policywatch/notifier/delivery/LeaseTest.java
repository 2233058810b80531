package dev.policywatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.policywatch.events.DocumentChange;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.notifier.slack.WebhookReceiver;
import dev.policywatch.testing.Ports;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #12 item 4, with real slow and broken HTTP receivers: a lease that expired in the middle of a
 * worker's batch let a second worker send the rest again (25 POSTs for 20 alerts), and a 200 with a
 * broken chunked body was sent again and again. Leases and timeouts are small here to keep it quick.
 */
@ExtendWith(RealInfrastructure.class)
class LeaseTest {

    private static final Pattern CHANGE_ID = Pattern.compile("/changes/(c-[0-9a-f]+)");

    @Test
    void aSlowReceiverAndTwentyQueuedAlertsGetEachAlertExactlyOnce(TestInfra infra) throws Exception {
        try (WebhookReceiver slack = new WebhookReceiver(4);
                KafkaProducer<byte[], byte[]> producer = Fixtures.producer(infra)) {
            slack.answer("/services/slow", n -> {
                try {
                    Thread.sleep(700); // under the read timeout, but 20 of them are far over the lease
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return WebhookReceiver.Answer.ok();
            });
            Map<String, Object> p = Fixtures.properties(infra, Ports.free());
            p.put("policywatch.notifier.webhook.allowed-hosts", slack.origin());
            p.put("policywatch.notifier.worker.threads", 3);
            p.put("policywatch.notifier.worker.batch-size", 20);
            p.put("policywatch.notifier.worker.lease", "4s");
            p.put("policywatch.notifier.delivery.send-timeout", "3s");
            String topic = (String) p.get("policywatch.topics.changes");
            int port = (Integer) p.get("micronaut.server.port");
            ApplicationContext context = Fixtures.start(p);
            try {
                String subscription = subscribe(port, slack.origin() + "/services/slow");
                List<String> published = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    DocumentChange c = Fixtures.change("slow" + i, "slow " + i, "old " + i, "new " + i);
                    published.add(c.changeId());
                    Fixtures.publish(producer, topic, c);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> sent(infra, subscription) == 20);
                Map<String, Integer> receipts = new HashMap<>();
                for (WebhookReceiver.Received r : slack.received("/services/slow")) {
                    Matcher m = CHANGE_ID.matcher(r.body());
                    assertThat(m.find()).isTrue();
                    receipts.merge(m.group(1), 1, Integer::sum);
                }
                assertThat(receipts.keySet()).containsExactlyInAnyOrderElementsOf(published);
                assertThat(receipts.values()).as("POSTs per alert").allMatch(n -> n == 1);
                assertThat(slack.received("/services/slow")).hasSize(20);
            } finally {
                context.close();
            }
        }
    }

    @Test
    void aLeaseTakenOverByAnotherWorkerIsNotRenewedSoItsHolderDoesNotSend(TestInfra infra) {
        Map<String, Object> p = Fixtures.properties(infra, Ports.free());
        ApplicationContext context = Fixtures.start(p); // migrates the schema
        try {
            Outbox outbox = new Outbox(infra.dataSource(), LocalTime.of(8, 0), ZoneId.of("UTC"));
            var subscription = context.getBean(dev.policywatch.notifier.subscription.SubscriptionStore.class);
            var s = new dev.policywatch.notifier.subscription.Subscription("s-lease-" + System.nanoTime(),
                    dev.policywatch.api.subscriptions.Channel.CONSOLE, "stdout",
                    dev.policywatch.api.subscriptions.Filters.ALL, dev.policywatch.api.subscriptions.Mode.IMMEDIATE,
                    null, null, dev.policywatch.api.subscriptions.SubscriptionStatus.UNSUBSCRIBED, "test",
                    Instant.now(), Instant.now());
            subscription.insert(s, "-");
            Instant t0 = Instant.parse("2030-01-01T00:00:00Z");
            outbox.record(Fixtures.change("lease-a", "a", "x", "y"), List.of(s), t0);
            List<Outbox.Claimed> first = outbox.claim(100, t0, Duration.ofSeconds(1)).stream()
                    .filter(c -> c.subscriptionId().equals(s.id())).toList();
            assertThat(first).hasSize(1);
            assertThat(outbox.renew(first, t0.plusMillis(500), Duration.ofSeconds(1)))
                    .containsExactly(first.get(0).id());
            // the holder stalls past its (renewed) lease; another worker takes the delivery
            List<Outbox.Claimed> second = outbox.claim(100, t0.plusSeconds(3), Duration.ofSeconds(1)).stream()
                    .filter(c -> c.subscriptionId().equals(s.id())).toList();
            assertThat(second).extracting(Outbox.Claimed::reclaimed).containsExactly(true);
            assertThat(outbox.renew(first, t0.plusSeconds(3), Duration.ofSeconds(1))).isEmpty();
            assertThat(outbox.renew(second, t0.plusSeconds(3), Duration.ofSeconds(1)))
                    .containsExactly(second.get(0).id());
        } finally {
            context.close();
        }
    }

    @Test
    void a200WithABrokenChunkedBodyIsASuccessSentOnce(TestInfra infra) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                KafkaProducer<byte[], byte[]> producer = Fixtures.producer(infra)) {
            Thread t = new Thread(() -> serveBrokenChunks(server, requests), "broken-receiver");
            t.setDaemon(true);
            t.start();
            String origin = "http://127.0.0.1:" + server.getLocalPort();
            Map<String, Object> p = Fixtures.properties(infra, Ports.free());
            p.put("policywatch.notifier.webhook.allowed-hosts", origin);
            String topic = (String) p.get("policywatch.topics.changes");
            int port = (Integer) p.get("micronaut.server.port");
            ApplicationContext context = Fixtures.start(p);
            try {
                String subscription = subscribe(port, origin + "/services/broken");
                Fixtures.publish(producer, topic, Fixtures.change("broken", "broken body", "a", "b"));
                await().atMost(Duration.ofSeconds(30)).until(() -> sent(infra, subscription) == 1);
                // marked sent: it is never claimed again, so one request is all it ever got
                assertThat(requests.get()).isEqualTo(1);
            } finally {
                context.close();
            }
        }
    }

    /** Answers every request with a 200 whose chunked body is not chunked at all. */
    private static void serveBrokenChunks(ServerSocket server, AtomicInteger requests) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                int contentLength = 0;
                StringBuilder line = new StringBuilder();
                int c;
                while ((c = in.read()) >= 0) {
                    if (c == '\n') {
                        String h = line.toString().trim();
                        if (h.isEmpty()) {
                            break;
                        }
                        if (h.toLowerCase().startsWith("content-length:")) {
                            contentLength = Integer.parseInt(h.substring(15).trim());
                        }
                        line.setLength(0);
                    } else {
                        line.append((char) c);
                    }
                }
                in.readNBytes(contentLength);
                requests.incrementAndGet();
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
                        + "zz-not-a-size\r\nok\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static String subscribe(int port, String target) throws Exception {
        var r = Fixtures.send("POST", "http://localhost:" + port + "/api/subscriptions",
                "{\"channel\":\"slack\",\"target\":\"" + target + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return dev.policywatch.events.EventJson.mapper().readTree(r.body()).get("id").asText();
    }

    private static int sent(TestInfra infra, String subscriptionId) throws Exception {
        try (Connection c = infra.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM notifier_delivery WHERE status = 'sent' AND subscription_id = ?")) {
            ps.setString(1, subscriptionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
