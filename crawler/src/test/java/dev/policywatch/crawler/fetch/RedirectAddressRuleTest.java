package dev.policywatch.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.policywatch.crawler.TestSupport;
import dev.policywatch.net.UrlOrigin;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #12 item 5, each reproduced with two real local servers: {@code site} is a configured source on
 * 127.0.0.1, {@code internal} stands for an internal service (a metadata endpoint with a fake cloud key)
 * on another port of 127.0.0.1, so another origin at a non-public address.
 */
class RedirectAddressRuleTest {

    private TestSupport.Site site;
    private TestSupport.Site internal;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        site = TestSupport.site();
        internal = TestSupport.site();
        internal.html("/latest/meta-data/iam/security-credentials/role",
                "<p>AccessKeyId AKIAFAKEFAKEFAKE SecretAccessKey fake/secret</p>");
        internal.on("/robots.txt", ex -> TestSupport.send(ex, 200, "text/plain", "User-agent: *\nAllow: /\n"));
        fetcher = new HttpFetcher(TestSupport.fastSettings(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        site.close();
        internal.close();
    }

    private FetchResult configured(String path) {
        return fetcher.fetch(new FetchRequest(site.url(path), Validators.NONE, UrlOrigin.of(site.url("/")),
                new CookieManager()));
    }

    @Test
    void aConfiguredPageRedirectingToAnotherInternalOriginIsNotFollowed() {
        URI secret = internal.url("/latest/meta-data/iam/security-credentials/role");
        site.on("/page", ex -> redirect(ex, 302, secret.toString()));

        FetchResult result = configured("/page");

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchResult.Kind.REFUSED_URL);
            assertThat(f.reason()).contains("non-public address 127.0.0.1").contains("not the trusted origin");
        });
        assertThat(internal.requestsTo(secret.getPath())).isEmpty();
        assertThat(internal.requestsTo("/robots.txt")).isEmpty();
    }

    @Test
    void aConfiguredPageRedirectingToTheMetadataAddressIsNotFollowed() {
        site.on("/page", ex -> redirect(ex, 302, "http://169.254.169.254/latest/meta-data/"));
        site.on("/page6", ex -> redirect(ex, 301, "http://[::ffff:169.254.169.254]/latest/meta-data/"));
        site.on("/page-dec", ex -> redirect(ex, 307, "http://2852039166/latest/meta-data/"));

        for (String path : new String[] {"/page", "/page6", "/page-dec"}) {
            assertThat(configured(path)).as(path).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
                assertThat(f.kind()).isEqualTo(FetchResult.Kind.REFUSED_URL);
                assertThat(f.reason()).contains("169.254.169.254");
            });
        }
    }

    @Test
    void aRedirectWithinTheConfiguredOriginIsFollowed() {
        site.on("/old", ex -> redirect(ex, 301, "/new"));
        site.html("/new", "<p>moved here</p>");

        assertThat(configured("/old")).isInstanceOfSatisfying(FetchResult.Fetched.class,
                f -> assertThat(f.finalUrl()).isEqualTo(site.url("/new")));
    }

    @Test
    void aConfiguredOriginsRobotsTxtRedirectingToAnInternalOriginIsNotFollowed() {
        site.on("/robots.txt", ex -> redirect(ex, 302, internal.url("/robots.txt").toString()));
        site.html("/doc", "<p>open</p>");

        FetchResult result = configured("/doc");

        assertThat(internal.requestsTo("/robots.txt")).isEmpty();
        // an unreadable robots.txt disallows the site for now (RFC 9309 §2.3.1.4), and says why
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchResult.Kind.ROBOTS);
            assertThat(f.reason()).contains("unavailable").contains("non-public address");
        });
        assertThat(site.requestsTo("/doc")).isEmpty();
    }

    @Test
    void aDiscoveredLinkToAnotherPortOfTheListingsHostIsAnotherOrigin() {
        // the listing is on site's port; the link points to the same host on internal's port
        URI link = internal.url("/latest/meta-data/iam/security-credentials/role");

        FetchResult result = fetcher.fetch(new FetchRequest(link, Validators.NONE, UrlOrigin.of(site.url("/")),
                new CookieManager()));

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FetchResult.Kind.REFUSED_URL));
        assertThat(internal.requestsTo(link.getPath())).isEmpty();
        assertThat(internal.requestsTo("/robots.txt")).isEmpty(); // robots.txt obeys the same rule
    }

    @Test
    void aDiscoveredLinkOnTheListingsOwnOriginIsFetchedWithItsRobotsTxt() {
        site.on("/robots.txt", ex -> TestSupport.send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\n"));
        site.html("/doc", "<p>listed</p>");

        FetchResult result = fetcher.fetch(new FetchRequest(site.url("/doc"), Validators.NONE,
                UrlOrigin.of(site.url("/listing")), new CookieManager()));

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        assertThat(site.requestsTo("/robots.txt")).hasSize(1);
    }

    @Test
    void aDiscoveredLinkRedirectingToAnInternalOriginIsNotFollowed() {
        URI secret = internal.url("/latest/meta-data/iam/security-credentials/role");
        site.on("/doc", ex -> redirect(ex, 302, secret.toString()));

        FetchResult result = fetcher.fetch(new FetchRequest(site.url("/doc"), Validators.NONE,
                UrlOrigin.of(site.url("/listing")), new CookieManager()));

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FetchResult.Kind.REFUSED_URL));
        assertThat(internal.requestsTo(secret.getPath())).isEmpty();
    }

    private static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }
}
