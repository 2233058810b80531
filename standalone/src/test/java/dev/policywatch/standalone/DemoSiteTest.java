package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
            site.advance();
            assertThat(site.stage()).isEqualTo(DemoSite.LAST_STAGE);

            Path sources = site.writeSources(dir);
            assertThat(Files.readString(sources)).contains(site.baseUrl() + "/regulations/labeling.html",
                    "kind: listing", "every: PT30S");
        }
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
