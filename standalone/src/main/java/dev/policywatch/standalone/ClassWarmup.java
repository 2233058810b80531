package dev.policywatch.standalone;

import java.util.List;

/**
 * Loads and initializes the heavy entry classes of the broker, the Kafka clients, Micronaut, the HTTP server
 * and the database access on a background thread while the start-up's first step, checking the sources file
 * (a second for 20,000 entries, one core), runs: on two cores the other one would idle, and a plain
 * {@code java -jar} start spends most of its time loading, verifying and linking classes one by one (the
 * launcher's class-data archive maps them instead, and this thread then finds them loaded). Nothing is
 * started and nothing is written: a bad sources file is still told before anything starts. A class that is
 * missing or fails to load is skipped (it is then loaded, and fails, where it is used, as without this).
 */
final class ClassWarmup {

    /** Each pulls in many more through its superclasses, its static initializer and its verification. */
    static final List<String> CLASSES = List.of(
            "kafka.server.KafkaConfig",
            "kafka.server.KafkaRaftServer",
            "kafka.server.BrokerServer",
            "kafka.server.ControllerServer",
            "org.apache.kafka.controller.QuorumController",
            "org.apache.kafka.raft.KafkaRaftClient",
            "org.apache.kafka.clients.admin.KafkaAdminClient",
            "org.apache.kafka.clients.consumer.KafkaConsumer",
            "org.apache.kafka.clients.producer.KafkaProducer",
            "org.apache.kafka.streams.KafkaStreams",
            "org.apache.kafka.streams.StreamsConfig",
            "io.micronaut.context.DefaultApplicationContext",
            "io.micronaut.http.server.netty.NettyHttpServer",
            "org.flywaydb.core.Flyway",
            "com.zaxxer.hikari.HikariDataSource",
            "org.postgresql.Driver");

    private ClassWarmup() {
    }

    /** Starts the loading on a daemon thread and returns at once. */
    static void inBackground() {
        Thread t = new Thread(ClassWarmup::load, "class-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    static int load() {
        ClassLoader loader = ClassWarmup.class.getClassLoader();
        int loaded = 0;
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // not there or not loadable: whoever uses it meets the same error without us
            }
        }
        return loaded;
    }
}
