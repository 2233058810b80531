package dev.policywatch.crawler;

import static dev.policywatch.crawler.CrawlerHarness.index;
import static dev.policywatch.crawler.CrawlerHarness.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12 item 5 end to end: a configured page that answers 302 to an internal service (another
 * origin on 127.0.0.1 holding a fake cloud key) and a listing whose link points to another port of its
 * own host. Before, the key was followed, published and shown on the public API; now the crawl is
 * {@code refused-url}, the internal service sees no request and nothing is published.
 */
@ExtendWith(RealInfrastructure.class)
class ConfiguredRedirectTest {

    @TempDir
    Path dir;
    private TestSupport.Site site;
    private TestSupport.Site internal;
    private CrawlerHarness harness;

    @BeforeEach
    void start(TestInfra infra) throws IOException {
        site = TestSupport.site();
        internal = TestSupport.site();
        internal.html("/latest/meta-data/iam/security-credentials/role",
                "<html><body><p>AccessKeyId AKIAFAKEFAKEFAKE SecretAccessKey fake/secret/key</p></body></html>");
        String secret = internal.url("/latest/meta-data/iam/security-credentials/role").toString();
        site.on("/measures.htm", ex -> {
            ex.getResponseHeaders().set("Location", secret);
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        site.html("/list.htm", "<html><body><ul><li><a href='" + secret + "'>Measures</a></li></ul></body></html>");
        Path sources = CrawlerHarness.sourcesFile(dir, page("redirecting", site.url("/measures.htm"), ""),
                index("listing", "listing", site.url("/list.htm"), "links: \"a\""));
        harness = CrawlerHarness.start(infra, infra.name("snapshots-ssrf-" + System.nanoTime()), sources, false);
    }

    @AfterEach
    void stop() {
        harness.close();
        site.close();
        internal.close();
    }

    @Test
    void aConfiguredPageRedirectingToAnInternalServiceIsNotFollowedNorPublished() {
        CrawlReport report = harness.crawl("redirecting");

        assertThat(report.outcome()).isEqualTo(CrawlOutcome.REFUSED_URL);
        assertThat(report.error()).contains("non-public address 127.0.0.1").contains("not the trusted origin");
        assertThat(internal.requestsTo("/latest/meta-data/iam/security-credentials/role")).isEmpty();
        assertThat(harness.snapshots()).isEmpty();
    }

    @Test
    void aListingsLinkToAnotherPortOfItsHostIsNotFetched() {
        CrawlReport report = harness.crawl("listing");

        assertThat(report.published()).isZero();
        assertThat(report.error()).contains("refused");
        assertThat(internal.requestsTo("/latest/meta-data/iam/security-credentials/role")).isEmpty();
        assertThat(internal.requestsTo("/robots.txt")).isEmpty();
        assertThat(harness.snapshots()).isEmpty();
    }
}
