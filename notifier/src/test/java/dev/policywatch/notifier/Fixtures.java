package dev.policywatch.notifier;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Ids;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.VersionRef;
import dev.policywatch.support.kafka.JsonSerde;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Test fixtures: changes, a notifier context on the real infrastructure, a producer and an HTTP client. */
public final class Fixtures {

    public static final String ADMIN = "admin-secret-token";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Fixtures() {
    }

    /** An UPDATED change of the CAC measures with one modified article. */
    public static DocumentChange change(String suffix, String title, String oldText, String newText) {
        ProvisionChange p = new ProvisionChange(ChangeType.MODIFIED, "第十条", "第十条", List.of("第二章", "第十条"),
                List.of("第二章", "第十条"), oldText, newText, 0.8,
                List.of(DiffOp.equal("提供者应当"), DiffOp.delete(oldText), DiffOp.insert(newText)));
        return change(suffix, title, List.of(p));
    }

    public static DocumentChange change(String suffix, String title, List<ProvisionChange> provisions) {
        String documentId = "cac-genai-measures";
        VersionRef from = new VersionRef("v-from-" + suffix, Instant.parse("2026-01-01T00:00:00Z"), "sha256:a");
        VersionRef to = new VersionRef("v-to-" + suffix, Instant.parse("2026-01-02T00:00:00Z"), "sha256:b" + suffix);
        return new DocumentChange(1, Ids.changeId(documentId, from.versionId(), to.versionId()), documentId,
                "cac-genai-measures", "Interim Measures", "https://www.cac.gov.cn/x.htm", title,
                "Cyberspace Administration of China (CAC)", "CN", "zh", ChangeKind.UPDATED, from, to,
                Instant.now(), provisions, List.of(), ChangeSummary.of(provisions, 3));
    }

    /** {@code n} modified provisions whose text contains {@code text}. */
    public static List<ProvisionChange> provisions(int n, String text) {
        List<ProvisionChange> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new ProvisionChange(ChangeType.MODIFIED, "Article " + i, "Article " + i, List.of("Article " + i),
                    List.of("Article " + i), "old " + text + " " + i, "new " + text + " " + i, 0.7,
                    List.of(DiffOp.delete("old"), DiffOp.insert("new"), DiffOp.equal(" " + text + " " + i))));
        }
        return out;
    }


    /** Properties of a notifier on the test infrastructure; the topics and group are the class's own. */
    public static Map<String, Object> properties(TestInfra infra, int port) {
        Map<String, Object> p = new HashMap<>(infra.micronautProperties());
        p.put("micronaut.server.port", port);
        p.put("policywatch.topics.changes", infra.topic("changes", 1));
        p.put("policywatch.topics.dead-letter", infra.topic("dead-letter", 1));
        p.put("policywatch.notifier.group-id", infra.name("notifier"));
        p.put("policywatch.admin-token", ADMIN);
        p.put("policywatch.notifier.worker.poll-interval", "100ms");
        p.put("policywatch.notifier.delivery.backoff", "200ms");
        p.put("policywatch.notifier.delivery.max-backoff", "1s");
        p.put("policywatch.notifier.delivery.max-attempts", "50");
        p.put("datasources.default.maximum-pool-size", "8");
        return p;
    }

    public static ApplicationContext start(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder().environments("notifier").properties(properties)
                .deduceEnvironment(false).start();
        context.getBean(EmbeddedServer.class).start();
        return context;
    }

    public static KafkaProducer<byte[], byte[]> producer(TestInfra infra) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 * 1024 * 1024));
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static void publish(KafkaProducer<byte[], byte[]> producer, String topic, DocumentChange change) {
        try {
            producer.send(new ProducerRecord<>(topic, change.documentId().getBytes(),
                    JsonSerde.changes().serialize(topic, change))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> send(String method, String url, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
