package dev.policywatch.notifier.bench;

import ch.qos.logback.classic.Level;
import dev.policywatch.embedded.EmbeddedKafkaBroker;
import dev.policywatch.embedded.EmbeddedPostgresServer;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.notifier.slack.WebhookReceiver;
import dev.policywatch.testing.Ports;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.LoggerFactory;

/**
 * Deliveries per second to 100 local webhook receivers, and the latency from publishing a change
 * event to the webhook POST at low load. Embedded broker and PostgreSQL, the real notifier context.
 *
 * <pre>./mvnw -B -q -pl notifier exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.policywatch.notifier.bench.NotifierBenchmark [-Dexec.args="changes threads"]</pre>
 */
public final class NotifierBenchmark {

    private static final Pattern CHANGE_ID = Pattern.compile("/changes/(c-[0-9a-f]+)");

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.policywatch")).setLevel(Level.WARN);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.micronaut")).setLevel(Level.WARN);
        Path dir = Files.createTempDirectory("pw-notifier-bench");
        List<WebhookReceiver> receivers = new ArrayList<>();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dir.resolve("kafka")).port(0).start();
                EmbeddedPostgresServer pg = EmbeddedPostgresServer.builder().dataDir(dir.resolve("pg")).port(0).start()) {
            for (int i = 0; i < 100; i++) {
                receivers.add(new WebhookReceiver(2));
            }
            int port = Ports.free();
            Map<String, Object> p = new HashMap<>();
            p.put("kafka.bootstrap.servers", broker.bootstrapServers());
            p.put("datasources.default.url", pg.jdbcUrl());
            p.put("datasources.default.username", pg.username());
            p.put("datasources.default.password", pg.password());
            p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
            p.put("datasources.default.maximum-pool-size", threads + 4);
            p.put("micronaut.server.port", port);
            p.put("policywatch.admin-token", Fixtures.ADMIN);
            p.put("policywatch.notifier.worker.threads", threads);
            p.put("policywatch.notifier.webhook.allowed-hosts",
                    receivers.stream().map(WebhookReceiver::origin).collect(Collectors.joining(",")));
            ApplicationContext context = Fixtures.start(p);
            try (KafkaProducer<byte[], byte[]> producer = producer(broker.bootstrapServers())) {
                String base = "http://localhost:" + port;
                for (WebhookReceiver r : receivers) {
                    subscribe(base, r.origin() + "/hook", "bench-throughput");
                }
                WebhookReceiver latencyReceiver = receivers.get(0);
                subscribe(base, latencyReceiver.origin() + "/latency", "bench-latency");
                String topic = "policywatch.changes";
                // warm-up: one change to every receiver
                Fixtures.publish(producer, topic, Fixtures.change("warm", "bench-throughput warm-up", "a", "b"));
                waitFor(() -> count(receivers, "/hook") >= 100, 60_000);

                long start = System.nanoTime();
                for (int i = 0; i < changes; i++) {
                    Fixtures.publish(producer, topic, Fixtures.change("t" + i, "bench-throughput " + i, "a", "b"));
                }
                int expected = 100 + changes * 100;
                waitFor(() -> count(receivers, "/hook") >= expected, 300_000);
                double seconds = (System.nanoTime() - start) / 1e9;
                int delivered = changes * 100;
                System.out.printf("THROUGHPUT: %d deliveries (%d changes x 100 receivers) in %.2f s = %.0f deliveries/s "
                        + "(%d worker threads)%n", delivered, changes, seconds, delivered / seconds, threads);

                Map<String, Long> publishedAt = new ConcurrentHashMap<>();
                int samples = 100;
                for (int i = 0; i < samples; i++) {
                    DocumentChange c = Fixtures.change("l" + i, "bench-latency " + i, "a", "b");
                    publishedAt.put(c.changeId(), System.nanoTime());
                    Fixtures.publish(producer, topic, c);
                    Thread.sleep(100); // low load: one change every ~100 ms
                }
                waitFor(() -> latencyReceiver.received("/latency").size() >= samples, 60_000);
                List<Double> millis = new ArrayList<>();
                for (WebhookReceiver.Received r : latencyReceiver.received("/latency")) {
                    Matcher m = CHANGE_ID.matcher(r.body());
                    if (m.find() && publishedAt.containsKey(m.group(1))) {
                        millis.add((r.atNanos() - publishedAt.get(m.group(1))) / 1e6);
                    }
                }
                millis.sort(Double::compare);
                System.out.printf("LATENCY (publish -> webhook POST, %d samples): p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                        millis.size(), pct(millis, 50), pct(millis, 95), millis.get(millis.size() - 1));
            } finally {
                context.close();
                receivers.forEach(WebhookReceiver::close);
            }
        }
        System.exit(0);
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static int count(List<WebhookReceiver> receivers, String path) {
        return receivers.stream().mapToInt(r -> r.received(path).size()).sum();
    }

    private static void subscribe(String base, String url, String keyword) {
        var r = Fixtures.send("POST", base + "/api/subscriptions", "{\"channel\":\"slack\",\"target\":\"" + url
                + "\",\"filters\":{\"keywords\":[\"" + keyword + "\"]}}", "Authorization", "Bearer " + Fixtures.ADMIN);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("subscribe failed: " + r.body());
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(5);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
