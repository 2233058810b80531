package dev.policywatch.web.bench;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Ids;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.VersionRef;
import dev.policywatch.web.FixtureApi;
import dev.policywatch.web.Fixtures;
import dev.policywatch.web.WebApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Page latency, end to end over HTTP (browser request → page controller → API call to a local fixture
 * server → JSON → Thymeleaf → HTML), one client, sequential. Not a test: run with
 * {@code ./mvnw -B -q -pl web test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.policywatch.web.bench.PageBenchmark}.
 */
public final class PageBenchmark {

    private PageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        DocumentChange big = bigChange(300);
        try (WebApp app = WebApp.start(new FixtureApi(List.of(Fixtures.chinese(), Fixtures.english(), big)), Map.of())) {
            HttpClient http = HttpClient.newHttpClient();
            System.out.printf("%-44s %8s %8s %8s %10s%n", "page", "p50 ms", "p95 ms", "req/s", "KB/page");
            run(http, app.url() + "/", "timeline (3 changes)", rounds);
            run(http, app.url() + "/changes/" + Fixtures.chinese().changeId(), "change: Chinese regulation, 3 provisions", rounds);
            run(http, app.url() + "/changes/" + big.changeId(), "change: 300 modified articles", Math.max(20, rounds / 10));
            run(http, app.url() + "/sources", "sources (3)", rounds);
            run(http, app.url() + "/subscribe", "subscribe form", rounds);
        }
    }

    private static void run(HttpClient http, String url, String name, int rounds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        for (int i = 0; i < Math.min(50, rounds); i++) {
            check(http.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        long[] nanos = new long[rounds];
        long bytes = 0;
        long begin = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = check(http.send(request, HttpResponse.BodyHandlers.ofString()));
            nanos[i] = System.nanoTime() - t;
            bytes += r.body().length();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("%-44s %8.1f %8.1f %8.0f %10.0f%n", name, nanos[rounds / 2] / 1e6,
                nanos[(int) (rounds * 0.95)] / 1e6, rounds / seconds, bytes / 1024.0 / rounds);
    }

    private static HttpResponse<String> check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode());
        }
        return r;
    }

    /** A change of {@code n} modified Chinese articles, each with a character diff. */
    static DocumentChange bigChange(int n) {
        String doc = "bench-big-law";
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        Instant t1 = Instant.parse("2024-06-01T00:00:00Z");
        VersionRef v1 = new VersionRef(Ids.versionId(doc, "sha256:1", t0), t0, "sha256:1");
        VersionRef v2 = new VersionRef(Ids.versionId(doc, "sha256:2", t1), t1, "sha256:2");
        List<ProvisionChange> changes = new ArrayList<>();
        String body = "网络运营者应当按照网络安全等级保护制度的要求，履行下列安全保护义务，保障网络免受干扰、破坏或者未经授权的访问，防止网络数据泄露或者被窃取、篡改。";
        for (int i = 1; i <= n; i++) {
            String label = "第" + i + "条";
            changes.add(new ProvisionChange(ChangeType.MODIFIED, label, label, List.of(label), List.of(label),
                    body + "（一）制定内部安全管理制度。", body + "（一）制定内部安全管理制度和操作规程。", 0.95,
                    List.of(DiffOp.equal(body + "（一）制定内部安全管理制度"), DiffOp.insert("和操作规程"), DiffOp.equal("。"))));
        }
        return new DocumentChange(1, Ids.changeId(doc, v1.versionId(), v2.versionId()), doc, doc, "Big law",
                "https://example.org/law", "网络安全法（修订）", "全国人民代表大会常务委员会", "CN", "zh", ChangeKind.UPDATED,
                v1, v2, t1, changes, List.of(), ChangeSummary.of(changes, 0));
    }
}
