package dev.policywatch.crawler.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.crawler.discover.LinkExtractor;
import dev.policywatch.engine.extract.ExtractOptions;
import dev.policywatch.engine.extract.ExtractedDocument;
import dev.policywatch.engine.extract.Extractor;
import dev.policywatch.events.Block;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled sources.yml parses, says for every entry how far it was checked, and the selectors of every
 * entry it marks CHECKED match the real saved pages it names: {@code pages/…} in ../shared/pages (read in
 * place; skipped, visibly, when the shared folder is absent, except on CI where its absence fails) and
 * {@code saved/…}, trimmed derivatives kept in the test resources (each citing where it comes from).
 */
class BundledSourcesTest {

    private static Map<String, Source> sources;
    private static List<Mark> marks;
    private static Path pages;

    /** What the comment above an entry says: CHECKED with its saved files, or UNVERIFIED. */
    record Mark(String id, boolean checked, boolean unverified, List<String> index, List<String> documents) {
        @Override
        public String toString() {
            return id;
        }
    }

    @BeforeAll
    static void load() throws IOException {
        String yaml;
        try (InputStream in = BundledSourcesTest.class.getClassLoader().getResourceAsStream(SourceCatalog.BUNDLED)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        sources = SourcesFile.parse(yaml, "bundled").stream().collect(Collectors.toMap(Source::id, s -> s));
        marks = marks(yaml);
        String shared = System.getProperty("policywatch.shared");
        pages = shared == null ? null : Path.of(shared, "pages");
    }

    /** The marks of the entries, read from the comment lines right above each {@code - id:}. */
    static List<Mark> marks(String yaml) {
        List<Mark> out = new java.util.ArrayList<>();
        List<String> comments = new java.util.ArrayList<>();
        for (String line : yaml.split("\n")) {
            String t = line.strip();
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("^- id:\\s*(\\S+)").matcher(t);
            if (id.find()) {
                String text = String.join(" ", comments);
                List<String> index = new java.util.ArrayList<>();
                List<String> documents = new java.util.ArrayList<>();
                java.util.regex.Matcher f = java.util.regex.Pattern.compile("\\b(index|document)=(\\S+)").matcher(text);
                while (f.find()) {
                    (f.group(1).equals("index") ? index : documents).add(f.group(2));
                }
                out.add(new Mark(id.group(1), text.contains("# CHECKED"), text.contains("# UNVERIFIED"), index,
                        documents));
                comments.clear();
            } else if (t.startsWith("#")) {
                comments.add(t);
            } else {
                comments.clear();
            }
        }
        return out;
    }

    static List<Mark> checked() {
        return marks.stream().filter(Mark::checked).toList();
    }

    /** A saved page: {@code pages/…} from ../shared, {@code saved/…} from the test resources. */
    private static byte[] saved(String file) throws IOException {
        if (file.startsWith("pages/")) {
            return Files.readAllBytes(page(file.substring("pages/".length())));
        }
        try (InputStream in = BundledSourcesTest.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as("saved page %s in the test resources", file).isNotNull();
            return in.readAllBytes();
        }
    }

    private static Path page(String relative) {
        boolean present = pages != null && Files.isRegularFile(pages.resolve(relative));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("shared saved page missing on CI: " + (pages == null ? "(policywatch.shared unset)"
                    : pages.resolve(relative)));
        }
        Assumptions.assumeTrue(present, () -> "SKIPPED: saved page " + relative + " not found under "
                + pages + " (set -Dpolicywatch.shared)");
        return pages.resolve(relative);
    }

    @Test
    void theBundledFileCoversTheWatchedBodies() {
        assertThat(sources).hasSizeGreaterThanOrEqualTo(60);
        assertThat(sources.keySet()).contains("gov-cn-latest-policies", "ai-global-governance-action-plan",
                "cac-genai-measures", "cac-laws-regulations", "cac-drafts-for-comment", "miit-drafts-for-comment",
                "samr-drafts-for-comment", "ndrc-calls-for-comment", "npc-drafts-for-comment", "flk-cybersecurity-law",
                "most-policies", "sac-news", "tc28-sc42-ai-agent-technical-requirements", "tc260-drafts-for-comment",
                "tc260-standards", "ansi-ai-standards-news", "nist-ai-rmf", "nist-sp-800-53", "nist-csrc-publications",
                "iso-iec-jtc1-sc42", "federal-register-ai", "federal-register-data-privacy", "whitehouse-ai-action-plan",
                "eu-ai-office", "eur-lex-ai-act", "eur-lex-ai-act-scientific-panel-implementing-regulation",
                "ico-ai-guidance", "imda-agentic-ai-governance-framework");
        assertThat(sources.get("flk-cybersecurity-law").renderInBrowser()).isTrue();
        assertThat(sources.get("npc-drafts-for-comment").renderInBrowser()).isTrue();
        // www.npc.gov.cn refuses the TLS handshake (see the entries' comments): its pages are watched over http
        assertThat(sources.values()).filteredOn(s -> !s.url().getHost().equals("www.npc.gov.cn"))
                .allSatisfy(s -> assertThat(s.url().getScheme()).as(s.id()).isEqualTo("https"));
    }

    @Test
    void everyEntrySaysHowFarItWasChecked() {
        assertThat(marks).extracting(Mark::id).containsExactlyInAnyOrderElementsOf(sources.keySet());
        assertThat(marks).allSatisfy(m -> {
            assertThat(m.checked() ^ m.unverified()).as("%s says CHECKED or UNVERIFIED, not both", m.id()).isTrue();
            if (m.checked()) {
                assertThat(m.index().size() + m.documents().size()).as("%s names its saved pages", m.id()).isPositive();
            }
            if (!m.index().isEmpty()) {
                assertThat(sources.get(m.id()).kind().isIndex()).as("%s: index= only for an index", m.id()).isTrue();
            }
        });
        assertThat(checked()).hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("checked")
    void everyCheckedEntryMatchesItsSavedPages(Mark mark) throws IOException {
        Source source = sources.get(mark.id());
        for (String file : mark.index()) {
            byte[] bytes = saved(file);
            List<URI> links = new LinkExtractor().extract(source, bytes,
                    file.endsWith(".json") ? "application/json" : "text/html; charset=utf-8", source.url()).links();
            assertThat(links).as("%s: links found by %s in %s", mark.id(), source.links(), file).isNotEmpty();
        }
        for (String file : mark.documents()) {
            byte[] bytes = saved(file);
            if (source.content() != null) {
                assertThat(Jsoup.parse(new String(bytes, StandardCharsets.UTF_8)).select(source.content()))
                        .as("%s: content selector %s in %s", mark.id(), source.content(), file).isNotEmpty();
            }
            ExtractedDocument doc = new Extractor().extract(bytes, "text/html; charset=utf-8", null,
                    new ExtractOptions(source.content(), source.exclude()));
            assertThat(doc.title()).as("%s: title of %s", mark.id(), file).isNotBlank();
            assertThat(new dev.policywatch.engine.Engine().segment(doc.blocks()).provisions())
                    .as("%s: provisions in %s", mark.id(), file).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "cac-genai-measures, cac/c_1791482017777471.trimmed.html, 第二十五条",
            "cac-drafts-for-comment, cac/c_1791482017777471.trimmed.html, 第一条",
            "cac-ai-content-labelling, cac/c_1784217637474922.trimmed.html, 政务移动互联网应用程序",
            "miit-drafts-for-comment, miit/art_ebc8c235df1b4582bcbdb5b54a1d0125.trimmed.html, 无线电频率",
            "samr-drafts-for-comment, samr/art_68686f054fe043b6b62c21f50e230b79.trimmed.html, 市场监管",
    })
    void theContentSelectorMatchesTheSavedArticle(String sourceId, String file, String expectedText) throws IOException {
        Source source = sources.get(sourceId);
        byte[] bytes = Files.readAllBytes(page(file));

        assertThat(Jsoup.parse(new String(bytes, StandardCharsets.UTF_8)).select(source.content()))
                .as("%s content selector %s", sourceId, source.content()).isNotEmpty();
        ExtractedDocument doc = new Extractor().extract(bytes, "text/html; charset=utf-8", null,
                new ExtractOptions(source.content(), source.exclude()));
        String text = doc.blocks().stream().map(Block::text).collect(Collectors.joining("\n"));
        assertThat(text).contains(expectedText).doesNotContain("pagestat");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "cac-drafts-for-comment, cac/wxan-list.trimmed.html, 4, https://www.cac.gov.cn/hdfw/wxan/2026-09/18/c_1791482017777471.htm",
            "cac-laws-regulations, cac/wxan-list.trimmed.html, 4, https://www.cac.gov.cn/wxzw/zcfg/2026-09/18/c_1791482017777471.htm",
            "miit-drafts-for-comment, miit/yjzj-list.jpaas.trimmed.json, 4, art_03d6631242cd45c5bef6e8d62571beff.html",
            "samr-drafts-for-comment, samr/zjdc-list.jpaas.trimmed.json, 5, art_7690dba6fb90477cae8299c67f7966d9.html",
            "federal-register-ai, federalregister/api-v1-documents-2020-17469_2020-17393.fields-all.json, 2, https://www.federalregister.gov/documents/full_text/html/2020/08/11/2020-17393.html",
    })
    void theLinksSelectorFindsTheSavedListingsDocuments(String sourceId, String file, int count, String firstLink)
            throws IOException {
        Source source = sources.get(sourceId);
        byte[] bytes = Files.readAllBytes(page(file));

        LinkExtractor.Found found = new LinkExtractor().extract(source, bytes,
                file.endsWith(".json") ? "application/json" : "text/html; charset=utf-8", source.url());

        List<URI> links = found.links();
        assertThat(links).hasSize(count);
        assertThat(links.get(0).toString()).endsWith(firstLink);
    }
}
