package dev.policywatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (broker and KRaft controller in one process) started from Apache Kafka's
 * own server classes. It is a real broker: transactions, exactly-once Streams and compaction work, and
 * its log survives a restart on the same data directory (also after a crash: Kafka recovers its log).
 *
 * <p>Listens on 127.0.0.1 only. Port 0 picks a free port. Messages up to 16 MB pass (topic and broker
 * limits raised). Not for production clusters: one node, replication factor 1.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().dataDir(dir).port(0).start()) {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 *
 * Thread-safety: start and close from one thread; {@link #bootstrapServers()} from any.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static final int NODE_ID = 1;
    /** Starts on chosen ports tried before giving up when a chosen port was taken meanwhile. */
    private static final int BIND_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private volatile boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code 127.0.0.1:<port>}: give it to clients as {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates the topics that do not exist yet (replication factor 1); existing ones are left as they are. */
    public void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            LOG.info("Created topics {}", missing.stream().map(NewTopic::name).collect(Collectors.joining(", ")));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics on the embedded broker " + bootstrapServers, e);
        }
    }

    /**
     * Removes every member of the consumer groups (classic protocol, Kafka Streams' included) that have
     * members: call it right after {@link Builder#start()}, before any client of this process joins. A
     * process that died without leaving (kill -9) leaves its members in the groups it belonged to, and
     * the restarted broker keeps them until their session times out; meanwhile a new member waits for
     * the rebalance the old ones never answer. Only for a broker whose clients are all one process that
     * was restarted with it: a member removed from a live client just joins again.
     *
     * @return the ids of the groups whose members were removed
     */
    public List<String> removeMembersLeftBehind() {
        long begin = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000"))) {
            // the coordinator answers "loading" until it read __consumer_offsets: the admin client retries that
            List<String> groups = admin.listGroups(new ListGroupsOptions().withTypes(Set.of(GroupType.CLASSIC))
                            .inGroupStates(Set.of(GroupState.STABLE, GroupState.PREPARING_REBALANCE,
                                    GroupState.COMPLETING_REBALANCE)))
                    .all().get(30, TimeUnit.SECONDS).stream().map(GroupListing::groupId).sorted().toList();
            for (String group : groups) {
                RemoveMembersFromConsumerGroupOptions all = new RemoveMembersFromConsumerGroupOptions();
                all.reason("members of a process that stopped without leaving (restart of " + dataDir + ")");
                admin.removeMembersFromConsumerGroup(group, all).all().get(30, TimeUnit.SECONDS);
            }
            if (!groups.isEmpty()) {
                LOG.info("Removed the members left behind by an earlier run from consumer group(s) {} in {} ms",
                        String.join(", ", groups), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            }
            return groups;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while removing stale group members", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot remove the group members left behind on the embedded broker "
                    + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    /** Stops the broker and controller cleanly; the log stays in the data directory. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long start = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Embedded Kafka broker at {} stopped in {} ms", bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** Options of an embedded broker. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private final Properties overrides = new Properties();

        private Builder() {
        }

        /** Where the log and the metadata live. Required; created if missing; reused if formatted before. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** The client port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Any broker property, e.g. {@code log.retention.ms}. */
        public Builder property(String name, Object value) {
            overrides.put(name, String.valueOf(value));
            return this;
        }

        /** Formats the data directory if it is new, then starts broker and controller and waits until ready. */
        public EmbeddedKafkaBroker start() {
            Objects.requireNonNull(dataDir, "dataDir must be set");
            long begin = System.nanoTime();
            Path logDir = dataDir.toAbsolutePath();
            try {
                Files.createDirectories(logDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create Kafka data directory " + logDir, e);
            }

            format(logDir);
            for (int attempt = 1; ; attempt++) {
                // a port chosen free can be taken before the broker binds it (by any outgoing connection):
                // with chosen ports, such a start is retried on new ones
                int clientPort = port == 0 ? freePort() : port;
                int controllerPort = freePort();
                KafkaRaftServer server = new KafkaRaftServer(
                        new KafkaConfig(properties(logDir, clientPort, controllerPort), false), Time.SYSTEM);
                try {
                    server.startup();
                } catch (RuntimeException e) {
                    stopQuietly(server);
                    if (attempt < BIND_ATTEMPTS && isBindFailure(e)) {
                        LOG.warn("Embedded Kafka broker could not bind its port ({}); starting again on another",
                                e.getMessage());
                        continue;
                    }
                    throw e;
                }
                String bootstrap = "127.0.0.1:" + clientPort;
                EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrap, logDir);
                try {
                    awaitReady(bootstrap);
                } catch (RuntimeException e) {
                    broker.close();
                    throw e;
                }
                LOG.info("Embedded Kafka broker ready at {} (data {}) in {} ms", bootstrap, logDir,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
                return broker;
            }
        }

        private Properties properties(Path logDir, int clientPort, int controllerPort) {
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", String.valueOf(NODE_ID));
            props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("log.dirs", logDir.toString());
            props.put("num.partitions", "1");
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "5");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("transaction.state.log.num.partitions", "5");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("log.cleaner.dedupe.buffer.size", "2097152");
            props.put("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES + 1024 * 1024));
            props.put("replica.fetch.max.bytes", String.valueOf(MAX_MESSAGE_BYTES + 1024 * 1024));
            props.put("socket.request.max.bytes", String.valueOf(MAX_MESSAGE_BYTES + 4 * 1024 * 1024));
            props.put("auto.create.topics.enable", "false");
            props.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
            // One node: after a crash its old registration must expire before it may serve again;
            // a short broker session makes a restart after kill -9 take seconds, not ~10.
            props.put("broker.heartbeat.interval.ms", "1000");
            props.put("broker.session.timeout.ms", "3000");
            // A controller of one that led before a restart resigns and stands again only after a random
            // election timeout (Kafka's default 1-2 s, added to every restart); with no other voter to hear
            // from, a short one loses nothing.
            props.put("controller.quorum.election.timeout.ms", "100");
            props.put("controller.quorum.election.backoff.max.ms", "100");
            props.putAll(overrides);
            return props;
        }

        /** Whether a start failed because a listener's port was taken (a given client port is then tried again too). */
        private static boolean isBindFailure(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException
                        || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                    return true;
                }
            }
            return false;
        }

        private static void stopQuietly(KafkaRaftServer server) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException ignored) {
                // it did not start; what it did start is stopped as far as it can be
            }
        }

        private static void format(Path logDir) {
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return; // formatted before: keep the cluster id and the log
            }
            Formatter formatter = new Formatter()
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            try {
                formatter.run();
            } catch (Exception e) {
                throw new IllegalStateException("cannot format Kafka data directory " + logDir, e);
            }
        }

        private static void awaitReady(String bootstrap) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000"))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (true) {
                    try {
                        if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                            return;
                        }
                    } catch (Exception e) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("embedded Kafka broker at " + bootstrap
                                    + " did not become ready in 60 s", e);
                        }
                    }
                }
            }
        }
    }

    /**
     * A port that was free a moment ago on 127.0.0.1: for a client port chosen before the start, so that
     * clients can be configured while the broker starts.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
