package dev.policywatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded servers keep their data across restarts, take 16 MB messages, and survive an orphaned server. */
class EmbeddedInfrastructureTest {

    @TempDir
    Path dir;

    @Test
    void theBrokerKeepsItsLogAcrossARestartOnTheSameDataDirectory() {
        Path data = dir.resolve("kafka");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(data).port(0).start()) {
            broker.createTopics(List.of(new NewTopic("kept", 1, (short) 1)));
            try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
                producer.send(new ProducerRecord<>("kept", "k", "第十七条 before restart"));
                producer.flush();
            }
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(data).port(0).start()) {
            assertThat(readAll(broker.bootstrapServers(), "kept", 1)).containsExactly("第十七条 before restart");
        }
    }

    @Test
    void membersLeftInAGroupByAClientThatDiedAreRemovedAndANewMemberGetsThePartitionsAtOnce() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dir.resolve("groups")).port(0).start();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            broker.createTopics(List.of(new NewTopic("work", 2, (short) 1)));
            assertThat(broker.removeMembersLeftBehind()).as("no group has members yet").isEmpty();
            // a member that never leaves, as after a kill -9: its session (60 s) would hold the partitions
            try (KafkaConsumer<String, String> dead = member(broker.bootstrapServers())) {
                awaitAssignment(dead);
                dead.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
            }
            assertThat(members(admin, "workers")).isEqualTo(1);

            assertThat(broker.removeMembersLeftBehind()).containsExactly("workers");

            assertThat(members(admin, "workers")).isZero();
            try (KafkaConsumer<String, String> next = member(broker.bootstrapServers())) {
                long begin = System.nanoTime();
                awaitAssignment(next);
                assertThat(next.assignment()).hasSize(2);
                assertThat(Duration.ofNanos(System.nanoTime() - begin))
                        .as("the partitions came without waiting for the old member's 60 s session")
                        .isLessThan(Duration.ofSeconds(45));
            }
        }
    }

    private static KafkaConsumer<String, String> member(String bootstrap) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "workers",
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 60_000, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 60_000),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("work"));
        return consumer;
    }

    private static void awaitAssignment(KafkaConsumer<String, String> consumer) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (consumer.assignment().isEmpty()) {
            assertThat(System.currentTimeMillis()).as("no partitions assigned in 120 s").isLessThan(deadline);
            consumer.poll(Duration.ofMillis(200));
        }
    }

    private static int members(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group).members().size();
    }

    @Test
    void aSixteenMegabyteMessagePasses() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dir.resolve("big")).port(0).start()) {
            broker.createTopics(List.of(new NewTopic("big", 1, (short) 1)
                    .configs(Map.of("max.message.bytes", String.valueOf(17 * 1024 * 1024)))));
            byte[] value = new byte[16 * 1024 * 1024 - 1024];
            new java.util.Random(7).nextBytes(value); // incompressible
            Map<String, Object> p = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 17 * 1024 * 1024,
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>("big", value)).get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("a 16 MB message was refused", e);
            }
            Map<String, Object> c = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "big-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 18 * 1024 * 1024,
                    ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 18 * 1024 * 1024);
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of("big"));
                List<byte[]> got = new ArrayList<>();
                long deadline = System.currentTimeMillis() + 30_000;
                while (got.isEmpty() && System.currentTimeMillis() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> got.add(r.value()));
                }
                assertThat(got).hasSize(1);
                assertThat(got.get(0)).isEqualTo(value);
            }
        }
    }

    @Test
    void postgresKeepsItsDataAndTakesOverAServerLeftBehindByAKilledJvm() throws Exception {
        Path data = dir.resolve("pg");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PostgresHolder.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream()))) {
            String line;
            while ((line = reader.readLine()) != null && !line.equals("READY")) {
                // the child's log; wait for READY
            }
            assertThat(line).as("child JVM started PostgreSQL").isEqualTo("READY");
            jvm.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: PostgreSQL stays behind
        }
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("orphan postmaster").isTrue();

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.builder().dataDir(data).port(0).start()) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            try (Connection c = second.dataSource().getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT label FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("第十七条");
            }
        }
    }

    @Test
    void serverSettingsApplyAtEveryStartOnTheSameCluster() throws Exception {
        Path data = dir.resolve("pg-settings");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.builder().dataDir(data).port(0)
                .serverConfig("shared_buffers", "16MB").start()) {
            assertThat(show(pg, "shared_buffers")).isEqualTo("16MB");
            assertThat(show(pg, "max_connections")).isEqualTo("100");
        }
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.builder().dataDir(data).port(0)
                .serverConfig("shared_buffers", "24MB").serverConfig("work_mem", "2MB").start()) {
            assertThat(show(pg, "shared_buffers")).isEqualTo("24MB");
            assertThat(show(pg, "work_mem")).isEqualTo("2MB");
        }
    }

    private static String show(EmbeddedPostgresServer pg, String setting) throws Exception {
        try (Connection c = pg.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW " + setting)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        Map<String, Object> c = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }
}
