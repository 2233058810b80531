package dev.policywatch.crawler.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.crawler.source.Source;
import dev.policywatch.crawler.source.SourcesFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Links of feeds, listings and JSON indexes: resolved, canonicalised, deduplicated, in order. */
class LinkExtractorTest {

    private static final URI BASE = URI.create("https://digital-strategy.ec.europa.eu/en/rss.xml");

    private static Source source(String kind, String extra) {
        return SourcesFile.parse("sources:\n  - id: s\n    url: " + BASE + "\n    kind: " + kind + "\n" + extra, "t")
                .get(0);
    }

    private static List<String> links(Source source, String body, String type) {
        return new LinkExtractor().extract(source, body.getBytes(StandardCharsets.UTF_8), type, BASE).links()
                .stream().map(URI::toString).toList();
    }

    @Test
    void readsRssItemLinksAndPermalinkGuids() {
        String rss = """
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0"><channel><title>News</title><link>https://digital-strategy.ec.europa.eu/en</link>
                <item><title>AI Act</title><link>https://digital-strategy.ec.europa.eu/en/news/ai-act#x</link></item>
                <item><title>Omnibus</title><guid>https://DIGITAL-STRATEGY.ec.europa.eu:443/en/library/omnibus</guid></item>
                <item><title>Not a link</title><guid isPermaLink="false">tag:1234</guid></item>
                <item><title>Again</title><link>/en/news/ai-act</link></item>
                </channel></rss>""";

        assertThat(links(source("feed", ""), rss, "application/rss+xml")).containsExactly(
                "https://digital-strategy.ec.europa.eu/en/news/ai-act",
                "https://digital-strategy.ec.europa.eu/en/library/omnibus");
    }

    @Test
    void readsAtomEntryAlternateLinks() {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
                <entry><title>a</title><link rel="self" href="https://x.example/self"/>
                  <link rel="alternate" href="https://x.example/a"/></entry>
                <entry><title>b</title><link href="b.html"/></entry>
                </feed>""";

        assertThat(links(source("feed", ""), atom, "application/atom+xml")).containsExactly(
                "https://x.example/a", "https://digital-strategy.ec.europa.eu/en/b.html");
    }

    @Test
    void appliesTheListingSelectorToAnHtmlFragmentInsideJson() {
        String json = "{\"code\":\"200\",\"data\":{\"html\":\"<ul><li><a href='/zw/1.html'>1</a></li>"
                + "<li><span>no link</span></li><li><a href='ftp://x/2'>2</a></li></ul>\"}}";

        LinkExtractor.Found found = new LinkExtractor().extract(
                source("listing", "    fragment: \"$.data.html\"\n    links: \"li\"\n"),
                json.getBytes(StandardCharsets.UTF_8), "application/json", BASE);

        assertThat(found.links()).extracting(URI::toString)
                .containsExactly("https://digital-strategy.ec.europa.eu/zw/1.html");
        assertThat(found.dropped()).isEqualTo(1);
    }
}
