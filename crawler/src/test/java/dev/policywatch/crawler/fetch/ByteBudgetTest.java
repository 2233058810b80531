package dev.policywatch.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.crawler.CrawlerSettings;
import dev.policywatch.crawler.TestSupport;
import dev.policywatch.net.HostResolver;
import dev.policywatch.net.UrlOrigin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The memory budget alone, and shared by concurrent fetches from three real local sites. */
class ByteBudgetTest {

    @Test
    void aLeaseWaitsForBytesAnotherReturns() throws Exception {
        ByteBudget budget = new ByteBudget(100);
        ByteBudget.Lease first = budget.lease();
        assertThat(first.take(80, Duration.ZERO)).isTrue();
        ByteBudget.Lease second = budget.lease();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> took = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return second.take(50, Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                return false;
            }
        });
        waiting.await();
        assertThat(took).isNotDone();
        first.close();
        assertThat(took.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(budget.inUse()).isEqualTo(50);
        second.close();
        assertThat(budget.inUse()).isZero();
        assertThat(budget.peak()).isEqualTo(80);
    }

    @Test
    void aLeaseGivesUpAfterItsWaitAndNeverTakesMoreThanTheBudget() throws Exception {
        ByteBudget budget = new ByteBudget(100);
        try (ByteBudget.Lease holder = budget.lease(); ByteBudget.Lease other = budget.lease()) {
            assertThat(holder.take(60, Duration.ZERO)).isTrue();
            assertThat(other.take(50, Duration.ofMillis(50))).isFalse();
            assertThat(other.couldHold(101)).isFalse();
            assertThat(other.take(101, Duration.ofSeconds(10))).isFalse(); // at once: it could never fit
            holder.release(60);
            assertThat(other.take(100, Duration.ZERO)).isTrue();
        }
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void aYoungerLeaseThatHoldsBytesYieldsToAnOlderOneWaiting() throws Exception {
        ByteBudget budget = new ByteBudget(100);
        ByteBudget.Lease older = budget.lease();
        ByteBudget.Lease younger = budget.lease();
        assertThat(older.take(50, Duration.ZERO)).isTrue();
        assertThat(younger.take(50, Duration.ZERO)).isTrue();
        // both want more: without precedence each would wait for the other until its deadline
        CompletableFuture<Boolean> olderTakes = CompletableFuture.supplyAsync(() -> {
            try {
                return older.take(40, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                return false;
            }
        });
        long start = System.nanoTime();
        boolean youngerTook = false;
        while (!olderTakes.isDone() && !youngerTook && System.nanoTime() - start < 10_000_000_000L) {
            youngerTook = younger.take(40, Duration.ofMillis(100)); // false: yields (or times out) while older waits
            if (!youngerTook) {
                younger.close(); // what a fetch does when it gives up: its bytes go back
            }
        }
        assertThat(youngerTook).isFalse();
        assertThat(olderTakes.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(older.held()).isEqualTo(90);
        older.close();
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void concurrentFetchesNeverHoldMoreThanTheBudgetAndAllComplete() throws Exception {
        long budgetBytes = 3L * 1024 * 1024;
        byte[] page = gzippedPage(2 * 1024 * 1024); // 2 MiB decoded each: two never fit at once
        List<TestSupport.Site> sites = new ArrayList<>();
        CrawlerSettings base = TestSupport.fastSettings();
        // a longer read timeout: a fetch waits for the budget up to it
        CrawlerSettings settings = new CrawlerSettings(true, Duration.ZERO, TestSupport.USER_AGENT, 3,
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30), base.maxBodyBytes(),
                base.maxDecompressedBytes(), 5, 5, Duration.ofMillis(50), Duration.ofSeconds(5), 3, 0.6, 3, 50,
                Duration.ofHours(24), Duration.ofMinutes(10), Duration.ZERO, 0.1, Duration.ofMillis(200),
                CrawlerSettings.DEFAULT_MEMORY_BUDGET, CrawlerSettings.DEFAULT_MAX_SNAPSHOT_BYTES,
                CrawlerSettings.DEFAULT_IDLE_CONNECTIONS);
        // the documents' cap from the default settings; the budget the three fetches share much smaller
        ByteBudget budget = new ByteBudget(budgetBytes);
        HttpFetcher fetcher = new HttpFetcher(settings, Clock.systemUTC(), budget, HostResolver.system());
        try {
            List<CompletableFuture<FetchResult>> fetches = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                TestSupport.Site site = TestSupport.site();
                sites.add(site);
                site.on("/doc.htm", ex -> {
                    ex.getResponseHeaders().set("Content-Encoding", "gzip");
                    TestSupport.send(ex, 200, "text/html", page);
                });
                fetches.add(CompletableFuture.supplyAsync(() -> fetcher.fetch(new FetchRequest(site.url("/doc.htm"),
                        Validators.NONE, UrlOrigin.of(site.url("/")), new CookieManager()))));
            }
            for (CompletableFuture<FetchResult> f : fetches) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isInstanceOfSatisfying(FetchResult.Fetched.class,
                        r -> assertThat(r.body()).hasSize(2 * 1024 * 1024));
            }
            assertThat(budget.peak()).isLessThanOrEqualTo(budgetBytes);
            assertThat(budget.inUse()).isZero();
        } finally {
            sites.forEach(TestSupport.Site::close);
        }
    }

    private static byte[] gzippedPage(int size) throws IOException {
        byte[] raw = new byte[size];
        java.util.Arrays.fill(raw, (byte) 'x');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }
}
