package dev.policywatch.crawler;

import dev.policywatch.crawler.publish.SnapshotPublisher;
import dev.policywatch.crawler.source.SourceCatalog;
import dev.policywatch.crawler.state.CrawlStateStore;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.support.kafka.KafkaSettings;
import dev.policywatch.support.kafka.TopicReplay;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The crawler in a real Micronaut context on the real test broker, with its own snapshots topic and a
 * sources file the test writes. The scheduler is off unless asked for: tests crawl synchronously.
 */
public final class CrawlerHarness implements AutoCloseable {

    final ApplicationContext context;
    final EmbeddedServer server;
    final String topic;
    final Path sourcesFile;
    private final TestInfra infra;

    private CrawlerHarness(ApplicationContext context, EmbeddedServer server, String topic, Path sourcesFile,
            TestInfra infra) {
        this.context = context;
        this.server = server;
        this.topic = topic;
        this.sourcesFile = sourcesFile;
        this.infra = infra;
    }

    /** Starts a context; with {@code scheduled} the scheduler and the HTTP server run too. */
    public static CrawlerHarness start(TestInfra infra, String topic, Path sourcesFile, boolean scheduled) {
        return start(infra, topic, sourcesFile, scheduled, Map.of());
    }

    /** As {@link #start(TestInfra, String, Path, boolean)}, with more crawler properties. */
    public static CrawlerHarness start(TestInfra infra, String topic, Path sourcesFile, boolean scheduled,
            Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(TestSupport.properties());
        props.putAll(extra);
        props.put("kafka.bootstrap.servers", infra.kafkaBootstrap());
        props.put("policywatch.topics.snapshots", topic);
        props.put("policywatch.crawler.state-topic", topic + "-state");
        props.put("policywatch.sources", sourcesFile.toString());
        props.put("policywatch.crawler.enabled", scheduled);
        props.put("micronaut.server.port", -1);
        if (scheduled) {
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "crawler");
            return new CrawlerHarness(server.getApplicationContext(), server, topic, sourcesFile, infra);
        }
        ApplicationContext ctx = ApplicationContext.run(props, "crawler");
        ctx.getBean(SourceCatalog.class).reload();
        ctx.getBean(SnapshotPublisher.class).start();
        ctx.getBean(CrawlStateStore.class).start();
        return new CrawlerHarness(ctx, null, topic, sourcesFile, infra);
    }

    /** Writes a sources file with the given YAML entries (each a full "- id: ..." block). */
    public static Path sourcesFile(Path dir, String... entries) throws IOException {
        Path file = dir.resolve("sources.yml");
        writeSources(file, entries);
        return file;
    }

    public static void writeSources(Path file, String... entries) throws IOException {
        StringBuilder sb = new StringBuilder("sources:\n");
        for (String e : entries) {
            sb.append(e.stripTrailing()).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** A page source entry. */
    public static String page(String id, java.net.URI url, String extra) {
        return "  - id: " + id + "\n    name: Test " + id + "\n    url: " + url + "\n    publisher: Test Body\n"
                + "    jurisdiction: CN\n    kind: page\n    every: PT1H\n" + indent(extra);
    }

    /** An index source entry. */
    public static String index(String id, String kind, java.net.URI url, String extra) {
        return "  - id: " + id + "\n    name: Test " + id + "\n    url: " + url + "\n    publisher: Test Body\n"
                + "    jurisdiction: US\n    kind: " + kind + "\n    every: PT1H\n" + indent(extra);
    }

    private static String indent(String extra) {
        if (extra == null || extra.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : extra.split("\n")) {
            sb.append("    ").append(line).append('\n');
        }
        return sb.toString();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Crawls a source synchronously. */
    public CrawlReport crawl(String sourceId) {
        return bean(Crawler.class).crawl(bean(SourceCatalog.class).find(sourceId).orElseThrow());
    }

    /** Every snapshot on the topic, by fetch time. */
    public List<PageSnapshot> snapshots() {
        List<PageSnapshot> out = new ArrayList<>();
        TopicReplay.readToEnd(bean(KafkaSettings.class), topic, "crawler-harness", Duration.ofSeconds(30), r -> {
            PageSnapshot s = EventJson.read(r.value(), PageSnapshot.class);
            if (!r.key().equals(s.documentId())) {
                throw new AssertionError("record key " + r.key() + " is not the documentId " + s.documentId());
            }
            out.add(s);
        });
        out.sort(java.util.Comparator.comparing(PageSnapshot::fetchedAt));
        return out;
    }

    /** The text of a snapshot, one block per line. */
    public static String text(PageSnapshot s) {
        StringBuilder sb = new StringBuilder();
        s.blocks().forEach(b -> sb.append(b.text()).append('\n'));
        return sb.toString();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        context.close();
    }
}
