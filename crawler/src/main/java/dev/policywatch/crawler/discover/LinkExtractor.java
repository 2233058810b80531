package dev.policywatch.crawler.discover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.crawler.source.Source;
import dev.policywatch.crawler.source.SourceKind;
import dev.policywatch.engine.extract.Charsets;
import dev.policywatch.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Finds the documents of an index source in its fetched bytes (pure: bytes in, URLs out):
 * <ul>
 *   <li>{@code listing}: the elements matching the CSS selector {@code links} (an {@code a[href]}, or an
 *       element holding one); with {@code fragment}, the HTML fragment(s) that JSONPath selects in a JSON
 *       answer (the jpaas listings of MIIT and SAMR return {@code {data: {html: "..."}}});</li>
 *   <li>{@code feed}: RSS {@code item > link} (else a permalink {@code guid}) and Atom {@code entry > link}
 *       ({@code rel=alternate} or no rel), parsed with jsoup's XML parser;</li>
 *   <li>{@code json}: the strings the JSONPath {@code links} selects.</li>
 * </ul>
 * Links are resolved against the final URL of the index, canonicalised ({@link CanonicalUrls}), deduplicated and
 * kept in document order; anything not http(s) is dropped here. Thread-safe.
 */
public final class LinkExtractor {

    /** What the index held: the links in order and how many candidates were dropped as unusable. */
    public record Found(List<URI> links, int dropped) {
        public Found {
            links = List.copyOf(links);
        }
    }

    /**
     * @param source      the index source
     * @param body        the fetched bytes
     * @param contentType the Content-Type header, may be null
     * @param base        the final URL of the index, to resolve relative links
     * @throws IllegalArgumentException when the bytes are not what the kind needs (not JSON for json)
     */
    public Found extract(Source source, byte[] body, String contentType, URI base) {
        List<String> hrefs = switch (source.kind()) {
            case LISTING -> listing(source, body, contentType, base);
            case FEED -> feed(source, body, contentType, base);
            case JSON -> JsonPath.compile(source.links()).strings(json(body));
            case PAGE -> throw new IllegalArgumentException("a page source has no links: " + source.id());
        };
        Set<URI> links = new LinkedHashSet<>();
        int dropped = 0;
        for (String href : hrefs) {
            URI canonical = CanonicalUrls.canonical(href, base);
            if (canonical == null) {
                dropped++;
            } else {
                links.add(canonical);
            }
        }
        return new Found(new ArrayList<>(links), dropped);
    }

    private static List<String> listing(Source source, byte[] body, String contentType, URI base) {
        List<Document> docs = new ArrayList<>();
        if (source.fragment() != null) {
            for (String html : JsonPath.compile(source.fragment()).strings(json(body))) {
                docs.add(Jsoup.parseBodyFragment(html, base.toString()));
            }
        } else {
            String html = Charsets.decode(body, Charsets.detect(body, contentType, true));
            docs.add(Jsoup.parse(html, base.toString()));
        }
        List<String> hrefs = new ArrayList<>();
        for (Document doc : docs) {
            for (Element e : doc.select(source.links())) {
                Element a = e.is("a[href]") ? e : e.selectFirst("a[href]");
                if (a != null) {
                    hrefs.add(a.attr("abs:href").isEmpty() ? a.attr("href") : a.attr("abs:href"));
                }
            }
        }
        return hrefs;
    }

    private static List<String> feed(Source source, byte[] body, String contentType, URI base) {
        String xml = Charsets.decode(body, xmlCharset(body, contentType));
        Document doc = Jsoup.parse(xml, base.toString(), Parser.xmlParser());
        List<String> hrefs = new ArrayList<>();
        if (source.links() != null) {
            for (Element e : doc.select(source.links())) {
                hrefs.add(e.hasAttr("href") ? e.attr("href") : e.text());
            }
            return hrefs;
        }
        for (Element item : doc.select("item")) {
            Element link = item.selectFirst("> link");
            if (link != null && !link.text().isBlank()) {
                hrefs.add(link.text());
                continue;
            }
            Element guid = item.selectFirst("> guid");
            if (guid != null && !"false".equalsIgnoreCase(guid.attr("isPermaLink"))) {
                hrefs.add(guid.text());
            }
        }
        for (Element entry : doc.select("entry")) {
            Element chosen = null;
            for (Element link : entry.select("> link[href]")) {
                String rel = link.attr("rel").toLowerCase(Locale.ROOT);
                if (rel.isEmpty() || rel.equals("alternate")) {
                    chosen = link;
                    break;
                }
            }
            if (chosen != null) {
                hrefs.add(chosen.attr("href"));
            }
        }
        return hrefs;
    }

    private static java.nio.charset.Charset xmlCharset(byte[] body, String contentType) {
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)")
                .matcher(head);
        if (m.find()) {
            java.nio.charset.Charset cs = Charsets.forLabel(m.group(1));
            if (cs != null) {
                return cs;
            }
        }
        return Charsets.detect(body, contentType, false);
    }

    private static JsonNode json(byte[] body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    /** Whether the source is an index whose documents this extractor finds. */
    public static boolean isIndex(Source source) {
        return source.kind() != SourceKind.PAGE;
    }
}
