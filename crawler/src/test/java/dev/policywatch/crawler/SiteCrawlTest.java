package dev.policywatch.crawler;

import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the crawl tests against a site share: a real local {@link #site}, and the crawler in a real
 * Micronaut context on the test broker ({@link #harness}, not scheduled: tests crawl synchronously) with
 * a snapshots topic of the test method's own and a sources file the test writes with {@link #start}.
 */
@ExtendWith(RealInfrastructure.class)
abstract class SiteCrawlTest {

    @TempDir
    Path dir;
    TestSupport.Site site;
    CrawlerHarness harness;
    TestInfra infra;
    String topic;

    @BeforeEach
    final void startSite(TestInfra infra, TestInfo info) throws IOException {
        this.infra = infra;
        this.site = TestSupport.site();
        this.topic = infra.name("snapshots-" + info.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    final void stopCrawlerAndSite() {
        if (harness != null) {
            harness.close();
        }
        site.close();
    }

    /** Writes the sources file with these entries and starts the crawler. */
    final void start(String... entries) throws IOException {
        harness = CrawlerHarness.start(infra, topic, CrawlerHarness.sourcesFile(dir, entries), false);
    }

    /** Stops the crawler and starts a new one on the same sources file, broker and topics. */
    final void restart() {
        harness.close();
        harness = CrawlerHarness.start(infra, topic, dir.resolve("sources.yml"), false);
    }
}
