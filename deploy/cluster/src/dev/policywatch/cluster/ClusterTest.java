package dev.policywatch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The cluster test (deploy/cluster-test.sh runs it): policywatch as separate processes on a three-node
 * KRaft cluster (replication factor 3, min.insync.replicas 2) and PostgreSQL — one crawler, two
 * diff-service and two notifier instances from their -Pdist jars, the web pages — with a local fixture
 * site, an SMTP sink and a webhook receiver. While {@code documents × rounds} changes flow, one broker,
 * one diff-service and one notifier are SIGKILLed, and restarted later. It then checks that every change
 * is in the history exactly once and every alert reached the webhook and the SMTP sink exactly once,
 * and shows from the consumer groups that the partitions moved to the surviving instances. Exit 0 when
 * all holds, 1 otherwise. Everything listens on 127.0.0.1; every wait is bounded.
 */
public final class ClusterTest {

    private static final long START = System.nanoTime();
    private static final Pattern CONFIRM = Pattern.compile("/subscriptions/confirm\\?token=([A-Za-z0-9_\\-.~%]+)");
    private static final List<String> GROUPS = List.of("policywatch-diff", "policywatch-history", "policywatch-notifier");

    private final Path repo;
    private final Path work;
    private final int documents;
    private final int rounds;
    private final long deadline;
    private final String adminToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final Http http = new Http(adminToken);
    private final List<String> failures = new ArrayList<>();
    private final Launcher launcher;

    private KafkaCluster kafka;
    private Postgres postgres;
    private final Map<String, Node> services = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();

    private ClusterTest(Path repo, Path work, String brokerClasspath, int documents, int rounds, Duration budget) {
        this.repo = repo;
        this.work = work;
        this.documents = documents;
        this.rounds = rounds;
        this.deadline = System.nanoTime() + budget.toNanos();
        this.launcher = new Launcher(work, brokerClasspath, repo.resolve("standalone/src/main/resources/logback.xml"));
    }

    /** args: repository root, work folder, file with the broker classpath, driver classes folder. */
    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath();
        Path work = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
        String brokerClasspath = Files.readString(Path.of(args[2])).trim();
        int documents = Integer.getInteger("cluster.documents", 20);
        int rounds = Integer.getInteger("cluster.rounds", 10);
        ClusterTest test = new ClusterTest(repo, work, brokerClasspath + ":" + args[3], documents, rounds,
                Duration.ofSeconds(Integer.getInteger("cluster.budget-seconds", 720)));
        int exit;
        try {
            exit = test.run();
        } catch (Exception | AssertionError e) {
            log("FAILED: %s", e);
            e.printStackTrace(System.out);
            exit = 1;
        } finally {
            test.stop();
        }
        log(exit == 0 ? "CLUSTER TEST PASSED" : "CLUSTER TEST FAILED (logs in %s)", work);
        System.exit(exit);
    }

    static void log(String format, Object... args) {
        System.out.printf("[cluster-test %6.1fs] %s%n", (System.nanoTime() - START) / 1e9, String.format(format, args));
        System.out.flush();
    }

    private int run() throws Exception {
        int expected = documents * rounds;
        log("policywatch cluster test: %d documents x %d rounds = %d changes; work folder %s", documents, rounds, expected, work);

        // the small processes: fixture site, SMTP sink, webhook receiver
        String classes = launcher.brokerClasspath();
        int fixture = port("fixture");
        int smtp = port("smtp");
        int webhook = port("webhook");
        launcher.java("fixture-site", "96m", List.of("-cp", classes, FixtureSite.class.getName(), String.valueOf(fixture),
                String.valueOf(documents)), Map.of()).start();
        launcher.java("smtp-sink", "96m", List.of("-cp", classes, SmtpSink.class.getName(), String.valueOf(smtp),
                work.resolve("mail").toString()), Map.of()).start();
        launcher.java("webhook-receiver", "96m", List.of("-cp", classes, WebhookReceiver.class.getName(),
                String.valueOf(webhook), work.resolve("hooks").toString()), Map.of()).start();

        postgres = new Postgres(work);
        postgres.start();

        kafka = new KafkaCluster(launcher, work);
        kafka.start();
        await("3 brokers registered", Duration.ofSeconds(120), () -> kafka.liveBrokers() == KafkaCluster.NODES);
        log("Kafka cluster up: %s", kafka.bootstrap());

        Path sources = writeSources(fixture);
        services.put("diff-service-a", service("diff-service-a", "diff-service", "512m", dbSettings()));
        services.put("diff-service-b", service("diff-service-b", "diff-service", "512m", dbSettings()));
        Map<String, String> notifier = new HashMap<>(dbSettings());
        notifier.putAll(Map.of(
                "policywatch.notifier.email.from", "policywatch@example.org",
                "policywatch.notifier.email.smtp.host", "127.0.0.1",
                "policywatch.notifier.email.smtp.port", String.valueOf(smtp),
                "policywatch.notifier.webhook.allowed-hosts", "http://127.0.0.1:" + webhook,
                "policywatch.notifier.worker.lease", "15s",
                "policywatch.notifier.worker.poll-interval", "500ms",
                "policywatch.notifier.delivery.backoff", "2s",
                "policywatch.notifier.delivery.max-backoff", "10s"));
        services.put("notifier-a", service("notifier-a", "notifier", "384m", notifier));
        services.put("notifier-b", service("notifier-b", "notifier", "384m", notifier));
        services.put("crawler", service("crawler", "crawler", "384m", Map.of(
                "policywatch.sources", sources.toString(),
                "policywatch.crawler.per-host-delay", "10ms",
                "policywatch.crawler.start-spread", "1s")));
        services.put("web", service("web", "web", "256m", Map.of(
                "policywatch.web.history-url", url("diff-service-a"),
                "policywatch.web.crawler-url", url("crawler"),
                "policywatch.web.notifier-url", url("notifier-a"))));
        services.values().forEach(Node::start);
        for (String name : services.keySet()) {
            awaitHealthy(name, Duration.ofSeconds(240));
        }

        // round 0: the first crawl is every document's baseline
        await("baselines of all " + documents + " documents in the history", Duration.ofSeconds(180),
                () -> documentsInHistory() == documents);
        checkReplication();
        groups("consumer groups before the kills (two instances each; partitions per process)");

        String hookSubscription = subscribe("{\"channel\":\"slack\",\"target\":\"http://127.0.0.1:" + webhook
                + "/hook\",\"mode\":\"immediate\"}");
        String mailSubscription = subscribe("{\"channel\":\"email\",\"target\":\"watcher@example.org\",\"mode\":\"immediate\"}");
        confirmEmail(mailSubscription);

        int killRound = Math.max(1, rounds * 3 / 10 + 1);
        int restartRound = Math.min(rounds, rounds * 6 / 10 + 1);
        Node killedBroker = null;
        for (int r = 1; r <= rounds; r++) {
            check(http.post("http://127.0.0.1:" + fixture + "/_control/round?r=" + r).status() == 200, "fixture round " + r);
            for (int d = 1; d <= documents; d++) {
                int status = http.postAdmin(url("crawler") + "/api/sources/" + sourceId(d) + "/crawl", null).status();
                check(status == 202, "crawl request for " + sourceId(d) + " answered " + status);
            }
            if (r == killRound) {
                int leader = kafka.leaderOf("policywatch.changes");
                log("round %d: changes are flowing; killing broker %d (leader of policywatch.changes-0), diff-service-b, notifier-b", r, leader);
                killedBroker = kafka.broker(leader);
                killedBroker.kill9();
                services.get("diff-service-b").kill9();
                services.get("notifier-b").kill9();
            }
            if (r == restartRound && killedBroker != null) {
                log("round %d: restarting %s, diff-service-b, notifier-b", r, killedBroker.name());
                killedBroker.start();
                services.get("diff-service-b").start();
                services.get("notifier-b").start();
            }
            final int round = r;
            await("the crawler fetched round " + r + " of every document", Duration.ofSeconds(120),
                    () -> servedRound(fixture) >= round);
            log("round %d fetched: history has %d changes, %d webhook calls, %d emails", r, changesInHistory(),
                    Received.read(work.resolve("hooks"), ".json").size(), Received.read(work.resolve("mail"), ".eml").size());
            if (r == killRound) {
                await("the surviving instances own every partition", Duration.ofSeconds(120), this::survivorsOwnAll);
                groups("consumer groups after the kills: the survivors own every partition");
            }
            if (r == restartRound) {
                await("3 brokers registered again", Duration.ofSeconds(120), () -> kafka.liveBrokers() == KafkaCluster.NODES);
                awaitHealthy("diff-service-b", Duration.ofSeconds(240));
                awaitHealthy("notifier-b", Duration.ofSeconds(240));
            }
        }

        await(expected + " changes in the history", Duration.ofSeconds(240), () -> changesInHistory() >= expected);
        await(expected + " alerts at the webhook receiver and the SMTP sink", Duration.ofSeconds(240),
                () -> distinctIds("hooks", ".json") >= expected && distinctIds("mail", ".eml") >= expected);
        await("no delivery pending", Duration.ofSeconds(120),
                () -> pending(hookSubscription) == 0 && pending(mailSubscription) == 0);
        groups("consumer groups at the end (the restarted instances took partitions back)");

        tally(expected);
        checkWeb();
        if (!failures.isEmpty()) {
            failures.forEach(f -> log("FAILURE: %s", f));
            return 1;
        }
        return 0;
    }

    // ------------------------------------------------------------------------------------- the services

    private Node service(String name, String module, String heap, Map<String, String> extra) throws IOException {
        int port = port(name);
        Path data = Files.createDirectories(work.resolve(name + "-data"));
        Map<String, String> settings = new TreeMap<>(Map.of(
                "micronaut.server.host", "127.0.0.1",
                "micronaut.server.port", String.valueOf(port),
                "kafka.bootstrap.servers", kafka.bootstrap(),
                "policywatch.data-dir", data.toString(),
                "policywatch.public-url", "http://127.0.0.1:" + port("web"),
                "policywatch.topics.replication-factor", "3",
                "policywatch.topics.min-insync-replicas", "2"));
        settings.putAll(extra);
        List<String> args = new ArrayList<>();
        settings.forEach((k, v) -> args.add("-D" + k + "=" + v));
        args.addAll(List.of("-jar", repo.resolve(module + "/target/" + module + ".jar").toString()));
        // secrets from the environment, as in production (never on the command line)
        Map<String, String> env = new HashMap<>(Map.of("POLICYWATCH_ADMIN_TOKEN", adminToken));
        if (extra.containsKey("datasources.default.url")) {
            env.put("DATASOURCES_DEFAULT_PASSWORD", "unused-trust-auth");
        }
        return launcher.java(name, heap, args, env);
    }

    private Map<String, String> dbSettings() {
        return Map.of("datasources.default.url", postgres.jdbcUrl(), "datasources.default.username", "policywatch");
    }

    private Path writeSources(int fixturePort) throws IOException {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (int d = 1; d <= documents; d++) {
            yaml.append("  - id: ").append(sourceId(d)).append('\n')
                    .append("    name: 集群测试第").append(d).append("号管理办法\n")
                    .append("    url: http://127.0.0.1:").append(fixturePort).append("/docs/").append(d).append(".html\n")
                    .append("    publisher: Cluster Test Authority\n")
                    .append("    jurisdiction: CN\n")
                    .append("    kind: page\n")
                    .append("    content: \"#content\"\n")
                    .append("    every: PT6H\n");
        }
        return Files.writeString(work.resolve("sources.yml"), yaml);
    }

    private static String sourceId(int d) {
        return String.format("cluster-doc-%02d", d);
    }

    private int port(String name) {
        return ports.computeIfAbsent(name, n -> Launcher.freePort());
    }

    private String url(String name) {
        return "http://127.0.0.1:" + port(name);
    }

    private void awaitHealthy(String name, Duration timeout) {
        Node node = services.get(name);
        await(name + " healthy (GET /health 200)", timeout, () -> {
            if (!node.alive()) {
                throw new IllegalStateException(name + " exited; last lines of " + node.log() + ":\n" + tail(node.log(), 40));
            }
            return http.get(url(name) + "/health").status() == 200;
        });
        log("%s is UP on %s (pid %d)", name, url(name), node.pid());
    }

    // ------------------------------------------------------------------------------------- subscriptions

    private String subscribe(String body) {
        Http.Answer answer = http.postAdmin(url("notifier-a") + "/api/subscriptions", body);
        check(answer.status() == 201, "subscription answered " + answer.status() + ": " + Http.clip(answer.body()));
        String id = answer.json().path("id").asText();
        log("subscribed %s: %s (%s)", answer.json().path("status").asText(), id, body);
        return id;
    }

    private void confirmEmail(String subscription) {
        String[] token = new String[1];
        await("the confirmation email at the SMTP sink", Duration.ofSeconds(60), () -> {
            for (Received mail : Received.read(work.resolve("mail"), ".eml")) {
                Matcher m = CONFIRM.matcher(mail.text());
                if (m.find()) {
                    token[0] = m.group(1);
                    return true;
                }
            }
            return false;
        });
        int status = http.get(url("notifier-a") + "/subscriptions/confirm?token=" + token[0]).status();
        check(status == 200, "confirmation link answered " + status);
        String state = http.getAdmin(url("notifier-a") + "/api/subscriptions/" + subscription).json().path("status").asText();
        check("active".equals(state), "email subscription is " + state + " after confirming");
        log("email subscription %s confirmed: %s", subscription, state);
    }

    private int pending(String subscription) {
        Http.Answer a = http.getAdmin(url("notifier-a") + "/api/subscriptions/" + subscription);
        return a.status() == 200 ? a.json().path("deliveries").path("pending").asInt(-1) : -1;
    }

    // ------------------------------------------------------------------------------------- observations

    private int servedRound(int fixturePort) {
        Http.Answer a = http.get("http://127.0.0.1:" + fixturePort + "/_control/served");
        if (a.status() != 200) {
            return -1;
        }
        return a.body().lines().mapToInt(l -> Integer.parseInt(l.split(" ")[1])).min().orElse(-1);
    }

    private int documentsInHistory() {
        Http.Answer a = http.get(url("diff-service-a") + "/api/documents");
        return a.status() == 200 ? a.json().path("items").size() : -1;
    }

    private int changesInHistory() {
        return allChanges().size();
    }

    /** Every non-baseline change in the history, paging with the cursor (bounded). */
    private List<JsonNode> allChanges() {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            Http.Answer a = http.get(url("diff-service-a") + "/api/changes?limit=500"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)));
            if (a.status() != 200) {
                return List.of();
            }
            JsonNode json = a.json();
            json.path("items").forEach(all::add);
            cursor = json.path("nextCursor").isTextual() ? json.path("nextCursor").asText() : null;
            if (cursor == null || cursor.isEmpty()) {
                break;
            }
        }
        return all;
    }

    private long distinctIds(String folder, String suffix) {
        return Received.read(work.resolve(folder), suffix).stream().flatMap(r -> r.changeIds().stream()).distinct().count();
    }

    private void checkReplication() throws Exception {
        Map<String, int[]> topics = kafka.replication();
        log("topics (kafka-topics --describe): name, replication factor, min.insync.replicas, partitions");
        topics.forEach((name, v) -> log("  %-60s RF=%d minISR=%d partitions=%d", name, v[0], v[1], v[2]));
        for (String required : List.of("policywatch.snapshots", "policywatch.changes", "policywatch.dead-letter",
                "policywatch.crawler-state", "__consumer_offsets", "__transaction_state")) {
            check(topics.containsKey(required), "topic " + required + " missing");
        }
        check(topics.keySet().stream().anyMatch(t -> t.startsWith("policywatch-diff-") && t.endsWith("-changelog")),
                "no Kafka Streams changelog topic of policywatch-diff");
        topics.forEach((name, v) -> check(v[0] == 3 && v[1] == 2,
                "topic " + name + " has replication factor " + v[0] + " and min.insync.replicas " + v[1] + ", not 3 and 2"));
    }

    private void groups(String title) throws Exception {
        log("%s (kafka-consumer-groups --describe):", title);
        kafka.groups(GROUPS).forEach((group, members) -> {
            log("  group %s: %d instance(s)", group, members.size());
            members.forEach((member, owned) -> log("    %-70s %s", member, owned));
        });
    }

    /** Each group has one instance left and it owns every partition of its input topic. */
    private boolean survivorsOwnAll() throws Exception {
        Map<String, Map<String, Set<String>>> groups = kafka.groups(GROUPS);
        for (Map.Entry<String, Map<String, Set<String>>> g : groups.entrySet()) {
            if (g.getValue().size() != 1) {
                return false;
            }
            String input = g.getKey().startsWith("policywatch-diff ") ? "policywatch.snapshots" : "policywatch.changes";
            Set<String> owned = g.getValue().values().iterator().next();
            for (int p = 0; p < 3; p++) {
                if (!owned.contains(input + "-" + p)) {
                    return false;
                }
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------- the verdict

    private void tally(int expected) {
        List<JsonNode> changes = allChanges();
        Map<String, Long> historyCount = changes.stream().collect(Collectors.groupingBy(c -> c.path("changeId").asText(),
                TreeMap::new, Collectors.counting()));
        Map<String, Long> perDocument = changes.stream().collect(Collectors.groupingBy(c -> c.path("documentId").asText(),
                TreeMap::new, Collectors.counting()));
        log("EXACTLY-ONCE TALLY");
        log("  history: %d changes, %d distinct changeIds, %d documents (expected %d changes, %d per document)",
                changes.size(), historyCount.size(), perDocument.size(), expected, rounds);
        check(changes.size() == expected && historyCount.size() == expected, "history holds " + changes.size()
                + " changes (" + historyCount.size() + " distinct), expected " + expected);
        perDocument.forEach((doc, n) -> check(n == rounds, "document " + doc + " has " + n + " changes, expected " + rounds));
        tallySink("webhook receiver", Received.read(work.resolve("hooks"), ".json"), historyCount.keySet());
        List<Received> mails = Received.read(work.resolve("mail"), ".eml").stream()
                .filter(m -> !CONFIRM.matcher(m.text()).find()).toList();
        tallySink("SMTP sink", mails, historyCount.keySet());
        for (String n : List.of("notifier-a", "notifier-b")) {
            // the one way an alert can arrive twice (notifier.md): a delivery taken again after a lease expired
            Http.Answer metrics = http.get(url(n) + "/prometheus");
            check(metrics.status() == 200, n + ": GET /prometheus answered " + metrics.status());
            String reclaimed = metrics.body().lines().filter(l -> l.startsWith("policywatch_notifier_deliveries_reclaimed"))
                    .findFirst().orElse("re-claimed deliveries not reported (GET /prometheus: HTTP " + metrics.status() + ")");
            log("  %s: %s", n, reclaimed);
        }
    }

    private void tallySink(String sink, List<Received> received, Set<String> history) {
        Map<String, Integer> count = new TreeMap<>();
        int withoutChange = 0;
        for (Received r : received) {
            if (r.changeIds().isEmpty()) {
                withoutChange++;
            }
            check(r.changeIds().size() <= 1, sink + ": " + r.file() + " names " + r.changeIds().size() + " changes");
            r.changeIds().forEach(id -> count.merge(id, 1, Integer::sum));
        }
        List<String> duplicates = count.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey() + " x" + e.getValue()).toList();
        List<String> missing = history.stream().filter(id -> !count.containsKey(id)).toList();
        List<String> unknown = count.keySet().stream().filter(id -> !history.contains(id)).toList();
        log("  %s: %d received, %d distinct changes, %d duplicates, %d missing, %d not in the history, %d without a change",
                sink, received.size(), count.size(), duplicates.size(), missing.size(), unknown.size(), withoutChange);
        check(duplicates.isEmpty(), sink + " got duplicates: " + duplicates);
        check(missing.isEmpty(), sink + " is missing " + missing.size() + " alerts: " + missing.stream().limit(10).toList());
        check(unknown.isEmpty(), sink + " got alerts of changes not in the history: " + unknown);
        check(withoutChange == 0, sink + " got " + withoutChange + " messages naming no change");
    }

    private void checkWeb() {
        Http.Answer timeline = http.get(url("web") + "/");
        check(timeline.status() == 200 && timeline.body().contains("集群测试第"), "web timeline answered " + timeline.status());
        String someChange = allChanges().get(0).path("changeId").asText();
        Http.Answer page = http.get(url("web") + "/changes/" + someChange);
        check(page.status() == 200 && page.body().contains("集群测试第"), "web change page answered " + page.status());
        log("web pages (separate process, a client of the APIs): / %d, /changes/%s %d", timeline.status(), someChange, page.status());
    }

    // ------------------------------------------------------------------------------------- plumbing

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls every 500 ms until the condition holds; fails after the timeout or the test's budget. */
    private void await(String what, Duration timeout, Condition condition) {
        long until = Math.min(System.nanoTime() + timeout.toNanos(), deadline);
        long begin = System.nanoTime();
        Exception last = null;
        while (System.nanoTime() < until) {
            try {
                if (condition.holds()) {
                    log("ok: %s (%.1f s)", what, (System.nanoTime() - begin) / 1e9);
                    return;
                }
            } catch (IllegalStateException e) {
                if (e.getMessage() != null && e.getMessage().contains(" exited;")) {
                    throw e;
                }
                last = e;
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("timed out waiting for: " + what + (last == null ? "" : " (last error: " + last + ")"));
    }

    private void check(boolean ok, String failure) {
        if (!ok) {
            failures.add(failure);
            log("FAILURE: %s", failure);
        }
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ")";
        }
    }

    private void stop() {
        log("stopping every process");
        launcher.stopAll();
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

}
