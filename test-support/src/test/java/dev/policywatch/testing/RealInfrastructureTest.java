package dev.policywatch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.Block;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared infrastructure is real: what goes into Kafka and PostgreSQL comes out as it went in. */
@ExtendWith(RealInfrastructure.class)
class RealInfrastructureTest {

    private static final PageSnapshot SNAPSHOT = PageSnapshot.present("cac-genai-measures", "cac-genai-measures",
            "生成式人工智能服务管理暂行办法", "Cyberspace Administration of China", "CN",
            "https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm", Instant.parse("2026-11-29T08:00:00Z"),
            "text/html", "生成式人工智能服务管理暂行办法", "zh", Origin.CONFIGURED,
            List.of(Block.heading(1, "第一章 总则"), Block.paragraph("第一条 为了促进生成式人工智能健康发展和规范应用，制定本办法。"),
                    Block.listItem("（一）坚持社会主义核心价值观；")));

    @Test
    void aSnapshotProducedIsConsumedIntact(TestInfra infra) {
        String topic = infra.topic("snapshots", 1);
        try (KafkaProducer<String, PageSnapshot> producer = new KafkaProducer<>(producerProps(infra, null),
                new StringSerializer(), (t, snapshot) -> EventJson.write(snapshot))) {
            producer.send(new ProducerRecord<>(topic, SNAPSHOT.documentId(), SNAPSHOT));
            producer.flush();
        }
        List<ConsumerRecord<String, PageSnapshot>> records = readAll(infra, topic, "read_uncommitted", 1);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("cac-genai-measures");
        assertThat(records.get(0).value()).isEqualTo(SNAPSHOT);
        System.out.println("Kafka under test: " + infra.kafkaKind() + " at " + infra.kafkaBootstrap());
    }

    @Test
    void anAbortedTransactionIsInvisibleToReadCommittedAndACommittedOneIsVisible(TestInfra infra) {
        String topic = infra.topic("tx", 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(infra, infra.name("tx-1")),
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }
        List<String> committed = readAllStrings(infra, topic, "read_committed", 1);
        List<String> uncommitted = readAllStrings(infra, topic, "read_uncommitted", 2);
        assertThat(committed).containsExactly("committed");
        assertThat(uncommitted).containsExactly("aborted", "committed");
    }

    @Test
    void aFlywayMigrationRunsOnTheDatabase(TestInfra infra) throws Exception {
        MigrateResult result = Flyway.configure()
                .dataSource(infra.dataSource())
                .schemas(infra.schema())
                .locations("classpath:db/testmigration")
                .load()
                .migrate();
        assertThat(result.migrationsExecuted).isEqualTo(1);
        try (Connection c = infra.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO probe (label) VALUES ('第十七条')");
            try (ResultSet rs = st.executeQuery("SELECT label, current_schema() FROM probe")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("第十七条");
                assertThat(rs.getString(2)).isEqualTo(infra.schema());
            }
        }
        System.out.println("PostgreSQL under test: " + infra.postgresKind() + " at " + infra.jdbcUrl());
    }

    private static Properties producerProps(TestInfra infra, String transactionalId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        if (transactionalId != null) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return p;
    }

    private static Properties consumerProps(TestInfra infra, String isolation) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, infra.name("group-" + isolation + "-" + System.nanoTime()));
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        return p;
    }

    private static List<ConsumerRecord<String, PageSnapshot>> readAll(TestInfra infra, String topic, String isolation,
            int expected) {
        List<ConsumerRecord<String, PageSnapshot>> out = new ArrayList<>();
        try (KafkaConsumer<String, PageSnapshot> consumer = new KafkaConsumer<>(consumerProps(infra, isolation),
                new StringDeserializer(), (t, bytes) -> EventJson.read(bytes, PageSnapshot.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static List<String> readAllStrings(TestInfra infra, String topic, String isolation, int expected) {
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(infra, isolation),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            // read until the expected count, then one more short poll proves nothing else is visible
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
            consumer.poll(Duration.ofMillis(500)).forEach(r -> out.add(r.value()));
        }
        return out;
    }
}
