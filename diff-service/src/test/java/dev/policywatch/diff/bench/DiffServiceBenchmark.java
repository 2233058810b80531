package dev.policywatch.diff.bench;

import dev.policywatch.diff.EngineComparer;
import dev.policywatch.diff.stream.ChangeTopology;
import dev.policywatch.diff.stream.DiffStreams;
import dev.policywatch.embedded.EmbeddedKafkaBroker;
import dev.policywatch.events.Block;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * Throughput and latency of the diff topology through a real (embedded) broker with exactly_once_v2,
 * and the raw copy baseline. Not a test: run it as docs/benchmarks.md says.
 * <ol>
 *   <li>throughput: N snapshots of ~50 KB pages (10 % with changed content, the rest identical
 *       resends) are produced first, then the topology drains them; snapshots/s = N / time until the
 *       last expected change is readable (read_committed);</li>
 *   <li>latency: snapshots produced at a fixed rate to the running topology; for each changed one,
 *       the time from its produce timestamp to its change being readable;</li>
 *   <li>baseline: the same N snapshot records copied topic to topic by a plain consumer and producer.</li>
 * </ol>
 * Arguments (system properties): {@code bench.snapshots} (5000), {@code bench.documents} (200),
 * {@code bench.rate} (100/s), {@code bench.seconds} (30), {@code bench.threads} (1 stream thread).
 */
public final class DiffServiceBenchmark {

    private static final int SECTIONS = 90;

    private final String bootstrap;
    private final Random random = new Random(42);
    private final Map<String, Integer> revision = new HashMap<>();
    private long fetchClock = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private DiffServiceBenchmark(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public static void main(String[] args) throws Exception {
        int snapshots = Integer.getInteger("bench.snapshots", 5000);
        int documents = Integer.getInteger("bench.documents", 200);
        int rate = Integer.getInteger("bench.rate", 100);
        int seconds = Integer.getInteger("bench.seconds", 30);
        Path dir = Files.createTempDirectory("pw-diff-bench");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dir.resolve("kafka")).port(0).start()) {
            broker.createTopics(List.of(topic("snapshots", 3), topic("changes", 3), topic("dead-letter", 1),
                    topic("copy", 3)));
            new DiffServiceBenchmark(broker.bootstrapServers()).run(dir, snapshots, documents, rate, seconds);
        }
        System.exit(0);
    }

    private static NewTopic topic(String name, int partitions) {
        return new NewTopic(name, partitions, (short) 1).configs(Map.of("max.message.bytes",
                String.valueOf(Topics.MAX_FETCH_BYTES)));
    }

    private void run(Path dir, int snapshots, int documents, int rate, int seconds) throws Exception {
        ChangeTopology.TopicNames topics = new ChangeTopology.TopicNames("snapshots", "changes", "dead-letter");
        // --- 1. throughput: produce everything first, then let the topology drain it
        int expectedChanges;
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            expectedChanges = 0;
            for (int i = 0; i < snapshots; i++) {
                String documentId = "doc-" + (i % documents);
                boolean first = !revision.containsKey(documentId);
                boolean changed = first || random.nextInt(10) == 0;
                byte[] value = EventJson.write(snapshot(documentId, changed));
                bytes += value.length;
                producer.send(new ProducerRecord<>("snapshots", documentId, value));
                expectedChanges += changed ? 1 : 0;
            }
            producer.flush();
        }
        System.out.printf("produced %d snapshots (%d documents, %.1f KB average JSON), %d of them new content%n",
                snapshots, documents, bytes / 1024.0 / snapshots, expectedChanges);

        Properties config = DiffStreams.config(bootstrap, "bench-diff", dir.resolve("streams").toString(), 100);
        config.put("num.stream.threads", Integer.getInteger("bench.threads", 1));
        KafkaStreams streams = new KafkaStreams(ChangeTopology.build(new StreamsBuilder(), topics, new EngineComparer(),
                Instant::now), config);
        long start = System.nanoTime();
        long[] running = {0};
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING && running[0] == 0) {
                running[0] = System.nanoTime();
            }
        });
        streams.start();
        try (KafkaConsumer<byte[], byte[]> changes = committedReader("changes")) {
            int seen = 0;
            while (seen < expectedChanges) {
                seen += changes.poll(Duration.ofMillis(20)).count();
            }
            long done = System.nanoTime();
            double elapsed = (done - start) / 1e9;
            double steady = (done - running[0]) / 1e9;
            System.out.printf("EOS topology: %d snapshots (%d changes) in %.2f s from start = %.0f snapshots/s; "
                    + "%.2f s from RUNNING = %.0f snapshots/s%n", snapshots, expectedChanges, elapsed,
                    snapshots / elapsed, steady, snapshots / steady);

            // --- 2. latency at a fixed rate, on the running topology
            List<Long> latencies = new ArrayList<>();
            int changed = 0;
            long period = TimeUnit.SECONDS.toNanos(1) / rate;
            long next = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = producer()) {
                for (int i = 0; i < rate * seconds; i++) {
                    while (System.nanoTime() < next) {
                        drain(changes, latencies);
                    }
                    next += period;
                    String documentId = "doc-" + random.nextInt(documents);
                    boolean change = random.nextInt(10) == 0;
                    changed += change ? 1 : 0;
                    producer.send(new ProducerRecord<>("snapshots", null, System.currentTimeMillis(), documentId,
                            EventJson.write(snapshot(documentId, change))));
                }
                producer.flush();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (latencies.size() < changed && System.nanoTime() < deadline) {
                drain(changes, latencies);
            }
            Collections.sort(latencies);
            System.out.printf("latency at %d snapshots/s for %d s: %d changes, p50 %d ms, p99 %d ms, max %d ms%n", rate,
                    seconds, latencies.size(), pct(latencies, 0.50), pct(latencies, 0.99),
                    latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
        } finally {
            DiffStreams.closeLeavingGroup(streams, Duration.ofSeconds(30));
        }

        // --- 3. raw baseline: the first N snapshot records copied by a plain consumer and producer
        long copyStart = System.nanoTime();
        int copied = 0;
        Properties c = consumerProps("bench-copy", "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()); KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                        producerProps(), new ByteArraySerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of("snapshots"));
            while (copied < snapshots) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (copied++ < snapshots) {
                        producer.send(new ProducerRecord<>("copy", r.key(), r.value()));
                    }
                }
            }
            producer.flush();
            consumer.commitSync();
        }
        double copyElapsed = (System.nanoTime() - copyStart) / 1e9;
        System.out.printf("raw copy baseline: %d records in %.2f s = %.0f records/s%n", snapshots, copyElapsed,
                snapshots / copyElapsed);
    }

    private static void drain(KafkaConsumer<byte[], byte[]> changes, List<Long> latencies) {
        long now = System.currentTimeMillis();
        for (ConsumerRecord<byte[], byte[]> r : changes.poll(Duration.ofMillis(1))) {
            latencies.add(now - r.timestamp());
        }
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** A ~50 KB English page of {@value #SECTIONS} sections; a change rewrites one section. */
    private PageSnapshot snapshot(String documentId, boolean changed) {
        int rev = revision.merge(documentId, changed ? 1 : 0, Integer::sum);
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.heading(1, "Regulation " + documentId));
        int rewritten = rev % SECTIONS;
        for (int s = 1; s <= SECTIONS; s++) {
            blocks.add(Block.heading(2, "Section " + s + ". Requirements of part " + s));
            String text = "A provider subject to this regulation shall keep records of processing activities under "
                    + "its responsibility, shall make them available to the supervisory authority on request, and "
                    + "shall review them at least once a year; the records shall contain the purposes of the "
                    + "processing, the categories of data and recipients, and the envisaged time limits for erasure "
                    + "of the different categories of data, section " + s + ".";
            if (s == rewritten && rev > 0) {
                text = text.replace("at least once a year", "at least every " + (rev + 1) + " months");
            }
            blocks.add(Block.paragraph(text));
        }
        fetchClock += 60_000;
        return PageSnapshot.present(documentId, "bench", "Benchmark source", "Bench", "EU", "https://bench.example/"
                + documentId, Instant.ofEpochMilli(fetchClock), "text/html", "Regulation " + documentId, "en",
                Origin.CONFIGURED, blocks);
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(producerProps(), new StringSerializer(), new ByteArraySerializer());
    }

    private Properties producerProps() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, Topics.COMPRESSION);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return p;
    }

    private Properties consumerProps(String group, String isolation) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_FETCH_BYTES);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.MAX_FETCH_BYTES);
        return p;
    }

    private KafkaConsumer<byte[], byte[]> committedReader(String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps("unused", "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
