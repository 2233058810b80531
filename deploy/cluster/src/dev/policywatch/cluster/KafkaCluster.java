package dev.policywatch.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Three KRaft nodes (broker and controller each) from Apache Kafka's own {@code kafka.Kafka} main,
 * formatted with its {@code kafka.tools.StorageTool}, replication factor 3 and min.insync.replicas 2
 * everywhere; plus the AdminClient questions the test asks (cluster size, topic replication, consumer
 * groups, like {@code kafka-topics.sh --describe} and {@code kafka-consumer-groups.sh --describe}).
 */
final class KafkaCluster implements AutoCloseable {

    static final int NODES = 3;

    private final List<Node> brokers = new ArrayList<>();
    private final int[] clientPorts = new int[NODES];
    private final String bootstrap;
    private Admin admin;

    KafkaCluster(Launcher launcher, Path work) throws IOException {
        int[] controllerPorts = new int[NODES];
        for (int i = 0; i < NODES; i++) {
            clientPorts[i] = Launcher.freePort();
            controllerPorts[i] = Launcher.freePort();
        }
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < NODES; i++) {
            voters.append(i == 0 ? "" : ",").append(i + 1).append("@127.0.0.1:").append(controllerPorts[i]);
        }
        String clusterId = Uuid.randomUuid().toString();
        // the storage tool formats each node's log directory (three JVMs at once)
        ExecutorService pool = Executors.newFixedThreadPool(NODES);
        List<CompletableFuture<Integer>> formats = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            int id = i + 1;
            Path dir = Files.createDirectories(work.resolve("kafka-" + id));
            Path properties = dir.resolve("server.properties");
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=" + id,
                    "controller.quorum.voters=" + voters,
                    "controller.listener.names=CONTROLLER",
                    "listeners=PLAINTEXT://127.0.0.1:" + clientPorts[i] + ",CONTROLLER://127.0.0.1:" + controllerPorts[i],
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + clientPorts[i],
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"),
                    "num.partitions=3",
                    "default.replication.factor=3",
                    "min.insync.replicas=2",
                    "offsets.topic.replication.factor=3",
                    "offsets.topic.num.partitions=10",
                    "transaction.state.log.replication.factor=3",
                    "transaction.state.log.min.isr=2",
                    "transaction.state.log.num.partitions=10",
                    "share.coordinator.state.topic.replication.factor=3",
                    "share.coordinator.state.topic.min.isr=2",
                    "unclean.leader.election.enable=false",
                    "auto.create.topics.enable=false",
                    "group.initial.rebalance.delay.ms=0",
                    // a dead broker is fenced (and leaves every ISR) after 6 s instead of 9
                    "broker.heartbeat.interval.ms=1000",
                    "broker.session.timeout.ms=6000",
                    "message.max.bytes=17825792",
                    "replica.fetch.max.bytes=17825792",
                    "socket.request.max.bytes=104857600",
                    "log.cleaner.dedupe.buffer.size=2097152",
                    "num.network.threads=2",
                    "num.io.threads=4",
                    "background.threads=4",
                    ""));
            formats.add(CompletableFuture.supplyAsync(() -> launcher.runToEnd(List.of("-cp", launcher.brokerClasspath(),
                    "kafka.tools.StorageTool", "format", "--cluster-id", clusterId, "--config", properties.toString(),
                    "--ignore-formatted"), work.resolve("kafka-" + id + "-format.log")), pool));
            brokers.add(launcher.java("kafka-" + id, "384m", List.of("-cp", launcher.brokerClasspath(),
                    "-Dlogback.configurationFile=" + launcher.logbackXml(), "kafka.Kafka", properties.toString()), Map.of()));
        }
        pool.shutdown();
        for (int i = 0; i < NODES; i++) {
            int exit = formats.get(i).join();
            if (exit != 0) {
                throw new IllegalStateException("formatting kafka-" + (i + 1) + " failed (exit " + exit + ")");
            }
        }
        bootstrap = java.util.Arrays.stream(clientPorts).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    String bootstrap() {
        return bootstrap;
    }

    Node broker(int id) {
        return brokers.get(id - 1);
    }

    void start() {
        brokers.forEach(Node::start);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** Brokers currently registered (unfenced) in the cluster. */
    int liveBrokers() {
        try {
            return admin.describeCluster().nodes().get(20, TimeUnit.SECONDS).size();
        } catch (Exception e) {
            return 0;
        }
    }

    /** The node that leads partition 0 of the topic. */
    int leaderOf(String topic) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(20, TimeUnit.SECONDS).get(topic);
        return d.partitions().get(0).leader().id();
    }

    /** topic -> "RF=3 minISR=2 partitions=3" for every topic of the cluster, internal ones included. */
    Map<String, int[]> replication() throws Exception {
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(20, TimeUnit.SECONDS);
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(20, TimeUnit.SECONDS);
        List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(20, TimeUnit.SECONDS);
        Map<String, int[]> result = new TreeMap<>();
        for (String name : names) {
            TopicDescription d = topics.get(name);
            int rf = d.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
            String minIsr = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).get("min.insync.replicas").value();
            result.put(name, new int[] {rf, Integer.parseInt(minIsr), d.partitions().size()});
        }
        return result;
    }

    /**
     * group -> member -> partitions it owns, like kafka-consumer-groups --describe. A member is named by
     * its process: the Streams threads of one diff-service instance share a client id prefix
     * ({@code <application>-<process uuid>-StreamThread-n}), other consumers are one member per process.
     */
    Map<String, Map<String, Set<String>>> groups(Collection<String> groupIds) throws Exception {
        Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groupIds).all().get(20, TimeUnit.SECONDS);
        Map<String, Map<String, Set<String>>> result = new TreeMap<>();
        for (String group : groupIds) {
            Map<String, Set<String>> members = new TreeMap<>();
            ConsumerGroupDescription d = described.get(group);
            for (MemberDescription m : d.members()) {
                Set<String> owned = new TreeSet<>();
                for (TopicPartition tp : m.assignment().topicPartitions()) {
                    owned.add(tp.topic() + "-" + tp.partition());
                }
                String memberId = m.consumerId();
                int thread = m.clientId().indexOf("-StreamThread-");
                String process = thread > 0 ? "streams process " + m.clientId().substring(0, thread)
                        : m.clientId() + " member " + memberId.substring(Math.max(0, memberId.length() - 8));
                members.computeIfAbsent(process, k -> new TreeSet<>()).addAll(owned);
            }
            result.put(group + " (" + d.groupState() + ")", members);
        }
        return result;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(5));
        }
        brokers.forEach(Node::stop);
    }
}
