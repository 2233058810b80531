package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSiteTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSiteMovesFromDraftToFinalTextThenGainsANoticeThenRevisesTheProfile(@TempDir Path dir) throws Exception {
        try (DemoSite site = DemoSite.start(null)) {
            assertThat(get(site, "/regulations/labeling.html")).contains("（征求意见稿）", "第十条").doesNotContain("第十一条");
            assertThat(get(site, "/notices/")).contains("/notices/n1.html", "/notices/n2.html").doesNotContain("n3.html");
            assertThat(status(site, "/notices/n3.html")).isEqualTo(404);

            site.advance();
            assertThat(get(site, "/regulations/labeling.html")).contains("第十一条", "伪造或者隐匿").doesNotContain("征求意见稿");
            site.advance();
            assertThat(get(site, "/notices/")).contains("/notices/n3.html");
            assertThat(status(site, "/notices/n3.html")).isEqualTo(200);
            assertThat(get(site, "/profile.html")).doesNotContain("4.2 Serious incidents");
            site.advance();
            assertThat(get(site, "/profile.html")).contains("4.2 Serious incidents");
            // after the scripted stages the cycle goes on: a new notice, an amendment, a review, again and again
            site.advance();
            assertThat(get(site, "/notices/")).contains("/notices/n4.html");
            assertThat(get(site, "/notices/n4.html")).contains("关于第1轮人工智能生成内容标识抽查情况的通报");
            assertThat(status(site, "/notices/n5.html")).isEqualTo(404);
            site.advance();
            assertThat(get(site, "/regulations/labeling.html")).contains("处1万元以上3万元以下罚款");
            site.advance();
            assertThat(get(site, "/profile.html")).contains("5.1 Quarterly review 1");
            site.advance();
            assertThat(get(site, "/notices/")).contains("/notices/n5.html", "/notices/n4.html", "/notices/n1.html");
            assertThat(site.stage()).isEqualTo(7);

            Path sources = site.writeSources(dir);
            assertThat(Files.readString(sources)).contains(site.baseUrl() + "/regulations/labeling.html",
                    "kind: listing", "every: PT30S");
        }
    }

    // Bug (#15): the demo stopped at stage 3; restarted, it went back to the draft (an UPDATED back to an old version)
    @Test
    void noDocumentEverReturnsToAnEarlierVersionAndTheListingOnlyGains() throws Exception {
        try (DemoSite site = DemoSite.start(null)) {
            Map<String, List<String>> versions = new HashMap<>();
            Set<String> listed = new HashSet<>();
            for (int stage = 0; stage <= 21; stage++) {
                for (String page : List.of("/regulations/labeling.html", "/profile.html")) {
                    String body = content(get(site, page));
                    List<String> seen = versions.computeIfAbsent(page, k -> new ArrayList<>());
                    if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(body)) {
                        assertThat(seen).as("%s at stage %d went back to an earlier version", page, stage).doesNotContain(body);
                        seen.add(body);
                    }
                }
                listed.addAll(java.util.regex.Pattern.compile("/notices/[a-z0-9]+\\.html")
                        .matcher(get(site, "/notices/")).results().map(m -> m.group()).toList());
                site.advance();
            }
            assertThat(versions.get("/regulations/labeling.html")).hasSize(2 + 6);
            assertThat(versions.get("/profile.html")).hasSize(2 + 6);
            assertThat(listed).hasSize(3 + 6)
                    .allSatisfy(link -> assertThat(link).as("found by the demo sources' links selector").contains("/notices/n"));
            // every notice ever listed stays readable
            for (String link : listed) {
                assertThat(status(site, link)).as(link).isEqualTo(200);
            }
        }
    }

    @Test
    void aRestartOnTheSameStateResumesAtTheSameStageOnTheSamePort(@TempDir Path dir) throws Exception {
        String url;
        try (DemoSite site = DemoSite.start(null, dir)) {
            site.advance();
            site.advance();
            url = site.baseUrl();
        }
        try (DemoSite again = DemoSite.start(null, dir)) {
            assertThat(again.stage()).isEqualTo(2);
            assertThat(again.baseUrl()).isEqualTo(url);
            assertThat(get(again, "/notices/")).contains("/notices/n3.html");
        }
    }

    private static String content(String page) {
        int start = page.contains("<div id=\"BodyLabel\">") ? page.indexOf("<div id=\"BodyLabel\">") : page.indexOf("<main>");
        int end = page.contains("<div class=\"share\">") ? page.indexOf("<div class=\"share\">") : page.indexOf("</main>");
        return page.substring(start, end);
    }

    @Test
    void pagesCarryNoiseOutsideTheirContentThatChangesOnEveryRequest() throws Exception {
        try (DemoSite site = DemoSite.start(null)) {
            String first = get(site, "/regulations/labeling.html");
            String second = get(site, "/regulations/labeling.html");
            assertThat(first).isNotEqualTo(second);
            assertThat(first.substring(first.indexOf("<div id=\"BodyLabel\">"), first.indexOf("<div class=\"share\">")))
                    .isEqualTo(second.substring(second.indexOf("<div id=\"BodyLabel\">"), second.indexOf("<div class=\"share\">")));
        }
    }

    private String get(DemoSite site, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private int status(DemoSite site, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
