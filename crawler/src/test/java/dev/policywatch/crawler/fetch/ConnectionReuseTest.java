package dev.policywatch.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.crawler.TestSupport;
import dev.policywatch.net.UrlOrigin;
import java.io.IOException;
import java.net.CookieManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keep-alive across hosts crawled in rotation, against real local servers: the scheduler takes hosts
 * in turn (one request per host at a time), so between two requests to a host the connections of the
 * other hosts go idle too. Each host must still be reached over one connection, not one per request
 * (OkHttp's default pool keeps 5 idle connections: with more hosts than that, nearly every request
 * paid a new handshake).
 */
class ConnectionReuseTest {

    private static final int HOSTS = 12;
    private static final int ROUNDS = 4;

    private final List<TestSupport.Site> sites = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        for (int h = 0; h < HOSTS; h++) {
            TestSupport.Site site = TestSupport.site();
            for (int round = 0; round < ROUNDS; round++) {
                site.etagged("/doc-" + round + ".html", "\"v" + round + "\"",
                        "<html><body><p>document " + round + " of host " + h + "</p></body></html>");
            }
            sites.add(site);
        }
    }

    @AfterEach
    void stop() {
        sites.forEach(TestSupport.Site::close);
    }

    @Test
    void eachHostCrawledInRotationIsReachedOverOneConnection() {
        HttpFetcher fetcher = new HttpFetcher(TestSupport.fastSettings(), Clock.systemUTC());
        for (int round = 0; round < ROUNDS; round++) {
            for (TestSupport.Site site : sites) {
                // a first fetch (200) and a conditional one (304), as two passes over the same document
                String path = "/doc-" + round + ".html";
                FetchResult first = fetcher.fetch(new FetchRequest(site.url(path), Validators.NONE,
                        UrlOrigin.of(site.url("/")), new CookieManager()));
                assertThat(first).isInstanceOf(FetchResult.Fetched.class);
                FetchResult again = fetcher.fetch(new FetchRequest(site.url(path),
                        ((FetchResult.Fetched) first).validators(), UrlOrigin.of(site.url("/")), new CookieManager()));
                assertThat(again).isInstanceOf(FetchResult.NotModified.class);
            }
        }
        for (TestSupport.Site site : sites) {
            Map<String, Long> perConnection = site.requests.stream()
                    .collect(Collectors.groupingBy(TestSupport.Site.Request::remote, Collectors.counting()));
            // robots.txt and 2 × ROUNDS documents, all over one kept-alive connection
            assertThat(perConnection).as("requests per client connection at " + site.url("/"))
                    .hasSize(1).containsValue(1L + 2 * ROUNDS);
        }
    }
}
