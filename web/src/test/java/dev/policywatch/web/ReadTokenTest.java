package dev.policywatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code policywatch.read-token} set, the pages need it and the UI sends it to the API. */
class ReadTokenTest {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesNeedTheReadTokenAndTheUiForwardsItToTheApi() throws Exception {
        try (WebApp app = WebApp.start(Map.of("policywatch.read-token", "r-token-1"))) {
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(app.url() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(app.api.received).isEmpty();

            HttpResponse<String> reader = http.send(HttpRequest.newBuilder(URI.create(app.url() + "/"))
                    .header("Authorization", "Bearer r-token-1").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reader.statusCode()).isEqualTo(200);
            assertThat(app.api.received).isNotEmpty().allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer r-token-1"));
        }
    }

    @Test
    void settingsRejectABaseUrlThatIsNotHttp() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("policywatch.web.history-url", "file:///etc"), "web")) {
            assertThatThrownBy(() -> ctx.getBean(WebSettings.class))
                    .hasStackTraceContaining("policywatch.web.history-url must be an http(s) URL");
        }
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("policywatch.web.crawler-url", "http://crawler:8080/",
                "policywatch.web.page-size", 10), "web")) {
            WebSettings s = ctx.getBean(WebSettings.class);
            assertThat(s.crawlerUrl()).hasValue(URI.create("http://crawler:8080"));
            assertThat(s.historyUrl()).isEmpty();
            assertThat(s.pageSize()).isEqualTo(10);
        }
    }
}
