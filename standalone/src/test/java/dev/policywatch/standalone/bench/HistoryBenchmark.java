package dev.policywatch.standalone.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.standalone.Standalone;
import dev.policywatch.standalone.StandaloneOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The history at scale (a benchmark, not a test; docs/benchmarks.md "History with 200,000 changes"):
 * the standalone (embedded Kafka and PostgreSQL, crawler and notifier off) takes N DocumentChange
 * records on {@code policywatch.changes} through its real history projection, then one client measures,
 * sequentially, {@code /api/changes} (newest, filtered, {@code q} in Chinese, paged with the cursor),
 * {@code /api/changes/{id}} and the web change page {@code /changes/{id}}: p50, p95, max.
 *
 * <p>Changes: 2,000 documents of 50 sources, UPDATED, one to three modified provisions of Chinese
 * regulation text each, detectedAt over two years; 1 % mention 个人信息保护 (a common query), 0.05 %
 * 跨境数据 (a rare one, so the query reads far into the index).
 *
 * <pre>
 * java -Xmx512m -cp standalone/target/test-classes:standalone/target/classes:$(cat standalone/target/bench.cp) \
 *     dev.policywatch.standalone.bench.HistoryBenchmark [changes=200000] [requests=300]
 * </pre>
 */
public final class HistoryBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
        "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"};
    private static final String[] PHRASES = {"网络运营者应当履行安全保护义务", "提供者应当建立健全投诉举报机制",
        "主管部门应当加强监督检查", "数据处理者应当采取必要措施保障数据安全", "服务提供者应当对生成内容进行标识",
        "有关单位应当在规定期限内报送材料", "违反本办法规定的，由有关主管部门依法处理", "本办法自公布之日起施行"};

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path dir = Files.createTempDirectory("policywatch-history-bench");
        Map<String, String> props = Map.of("policywatch.crawler.enabled", "false", "policywatch.notifier.enabled", "false",
                "policywatch.diff.enabled", "false", "policywatch.embedded-kafka.port", "0");
        Standalone standalone = Standalone.start(new StandaloneOptions(dir, 0, null, false, props));
        try {
            String base = standalone.url();
            DataSource db = standalone.context().getBean(DataSource.class);
            List<String> ids = load(standalone.bootstrapServers(), db, changes);
            analyze(db);
            Random random = new Random(7);
            System.out.printf("%-62s %8s %8s %8s %6s%n", "request", "p50 ms", "p95 ms", "max ms", "items");
            measure("GET /api/changes?limit=50 (newest)", requests, i -> base + "/api/changes?limit=50");
            measure("GET /api/changes?source=&kind=UPDATED&type=MODIFIED&limit=50", requests,
                    i -> base + "/api/changes?source=bench-src-" + (i % 50) + "&kind=UPDATED&type=MODIFIED&limit=50");
            measure("GET /api/changes?q=个人信息保护&limit=50", requests, i -> base + "/api/changes?q=" + enc("个人信息保护") + "&limit=50");
            measure("GET /api/changes?q=个人信息保护&source=&jurisdiction=CN&limit=20", requests,
                    i -> base + "/api/changes?q=" + enc("个人信息保护") + "&source=bench-src-" + (i % 50) + "&jurisdiction=CN&limit=20");
            measurePaged("GET /api/changes?q=个人信息保护&limit=50, pages 2-4 (cursor)", requests, base,
                    "/api/changes?q=" + enc("个人信息保护") + "&limit=50");
            measure("GET /api/changes?q=跨境数据&limit=50 (rare: 0.05 %)", requests, i -> base + "/api/changes?q=" + enc("跨境数据") + "&limit=50");
            measure("GET /api/changes?since=<1 year ago>&until=<6 months ago>&limit=50", requests,
                    i -> base + "/api/changes?since=" + START.plusSeconds(365L * 86400).toString() + "&until="
                            + START.plusSeconds(548L * 86400).toString() + "&limit=50");
            measure("GET /api/changes/{id}", requests, i -> base + "/api/changes/" + ids.get(random.nextInt(ids.size())));
            measure("GET /changes/{id} (web change page)", requests, i -> base + "/changes/" + ids.get(random.nextInt(ids.size())));
        } finally {
            standalone.close();
        }
    }

    private static final Instant START = Instant.parse("2024-12-01T00:00:00Z");

    /** Produces the changes and waits until the history projection has them all; answers their ids. */
    private static List<String> load(String bootstrap, DataSource db, int n) throws Exception {
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd"));
        List<String> ids = new ArrayList<>(n);
        Random random = new Random(42);
        long begin = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                ObjectNode change = change(i, n, random);
                byte[] value = JSON.writeValueAsBytes(change);
                if (i == 0) {
                    EventJson.read(value, DocumentChange.class); // the records are what the pipeline writes
                }
                ids.add(change.get("changeId").asText());
                producer.send(new ProducerRecord<>("policywatch.changes", change.get("documentId").asText(), value));
            }
            producer.flush();
        }
        System.out.printf("produced %,d changes in %.1f s%n", n, (System.nanoTime() - begin) / 1e9);
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        int stored = 0;
        while (stored < n && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            stored = count(db);
        }
        if (stored < n) {
            throw new IllegalStateException("the history holds " + stored + " of " + n + " changes after an hour");
        }
        System.out.printf("history projection: %,d changes stored %.1f s after the first was produced (%,.0f changes/s)%n",
                n, (System.nanoTime() - begin) / 1e9, n / ((System.nanoTime() - begin) / 1e9));
        return ids;
    }

    private static ObjectNode change(int i, int n, Random random) {
        int document = i % 2000;
        int version = i / 2000;
        String documentId = "bench-doc-" + document;
        String source = "bench-src-" + (document % 50);
        Instant detected = START.plusSeconds((long) i * (2L * 365 * 86400) / n);
        ObjectNode c = JSON.createObjectNode();
        c.put("schemaVersion", DocumentChange.SCHEMA_VERSION);
        c.put("changeId", String.format("c-%020x", (long) i * 0x9E3779B97F4A7C15L >>> 1).substring(0, 22));
        c.put("documentId", documentId);
        c.put("sourceId", source);
        c.put("sourceName", "示例来源" + (document % 50));
        c.put("url", "https://example.gov.cn/reg/" + document + ".html");
        c.put("title", "示例管理办法第" + document + "号");
        c.put("publisher", "示例主管部门");
        c.put("jurisdiction", "CN");
        c.put("language", "zh");
        c.put("kind", "UPDATED");
        c.set("fromVersion", version(documentId, version, detected.minusSeconds(86400)));
        c.set("toVersion", version(documentId, version + 1, detected));
        c.put("detectedAt", detected.toString());
        ArrayNode list = c.putArray("changes");
        int modified = 1 + random.nextInt(3);
        for (int p = 0; p < modified; p++) {
            String label = "第" + NUMERALS[random.nextInt(NUMERALS.length)] + "条";
            String old = label + " " + PHRASES[random.nextInt(PHRASES.length)] + "，" + PHRASES[random.nextInt(PHRASES.length)] + "。";
            String extra = i % 100 == 0 ? "，并依法履行个人信息保护义务" : i % 2000 == 1 ? "，涉及跨境数据传输的应当申报评估" : "，并在" + (version + p + 3) + "日内完成整改";
            String neu = old.substring(0, old.length() - 1) + extra + "。";
            ObjectNode pc = list.addObject();
            pc.put("type", "MODIFIED");
            pc.put("oldLabel", label);
            pc.put("newLabel", label);
            pc.putArray("oldPath").add(label);
            pc.putArray("newPath").add(label);
            pc.put("oldText", old);
            pc.put("newText", neu);
            pc.put("similarity", 0.8);
            pc.put("significance", "SUBSTANTIVE");
            ArrayNode diff = pc.putArray("diff");
            diff.addObject().put("op", "EQUAL").put("text", old.substring(0, old.length() - 1));
            diff.addObject().put("op", "DELETE").put("text", "。");
            diff.addObject().put("op", "INSERT").put("text", extra + "。");
        }
        c.putArray("structureChanges");
        ObjectNode summary = c.putObject("summary");
        summary.put("added", 0).put("removed", 0).put("modified", modified).put("renumbered", 0).put("unchanged", 20 - modified)
                .put("substantive", modified).put("editorial", 0).put("headline", modified + " modified");
        return c;
    }

    private static ObjectNode version(String documentId, int v, Instant fetchedAt) {
        ObjectNode ref = JSON.createObjectNode();
        ref.put("versionId", String.format("v-%016x", (documentId.hashCode() * 31L + v) & 0x7fffffffffffffffL));
        ref.put("fetchedAt", fetchedAt.toString());
        ref.put("contentHash", "sha256:" + Integer.toHexString(documentId.hashCode()) + "-" + v);
        return ref;
    }

    private static int count(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM history_changes")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void analyze(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("ANALYZE");
        }
    }

    private static void measure(String label, int requests, IntFunction<String> url) throws Exception {
        for (int i = 0; i < 30; i++) {
            get(url.apply(i));
        }
        long[] ms = new long[requests];
        int items = 0;
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            String body = get(url.apply(i));
            ms[i] = System.nanoTime() - t;
            if (i == 0) {
                items = body.startsWith("{") && body.contains("\"items\"") ? JSON.readTree(body).path("items").size() : -1;
            }
        }
        report(label, ms, items);
    }

    /** Pages 2 to 4 of the query, each request following the previous page's nextCursor. */
    private static void measurePaged(String label, int requests, String base, String first) throws Exception {
        String cursor = JSON.readTree(get(base + first)).path("nextCursor").asText();
        List<Long> times = new ArrayList<>();
        int items = 0;
        while (times.size() < requests) {
            String next = cursor;
            for (int page = 2; page <= 4 && times.size() < requests; page++) {
                long t = System.nanoTime();
                String body = get(base + first + "&cursor=" + enc(next));
                times.add(System.nanoTime() - t);
                items = JSON.readTree(body).path("items").size();
                next = JSON.readTree(body).path("nextCursor").asText();
            }
        }
        report(label, times.stream().mapToLong(Long::longValue).toArray(), items);
    }

    private static void report(String label, long[] nanos, int items) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double p50 = sorted[sorted.length / 2] / 1e6;
        double p95 = sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6;
        double max = sorted[sorted.length - 1] / 1e6;
        System.out.printf("%-62s %8.1f %8.1f %8.1f %6d%n", label, p50, p95, max, items);
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
