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
 * The bundled sources.yml parses, and the selectors of the sources it marks CHECKED match real saved
 * pages of those sites (../shared/pages, read in place). Skipped, visibly, when the shared folder is
 * absent, except on CI (CI=true) where its absence fails.
 */
class BundledSourcesTest {

    private static Map<String, Source> sources;
    private static Path pages;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = BundledSourcesTest.class.getClassLoader().getResourceAsStream(SourceCatalog.BUNDLED)) {
            sources = SourcesFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled")
                    .stream().collect(Collectors.toMap(Source::id, s -> s));
        }
        String shared = System.getProperty("policywatch.shared");
        pages = shared == null ? null : Path.of(shared, "pages");
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
        assertThat(sources.keySet()).contains("gov-cn-latest-policies", "ai-global-governance-action-plan",
                "cac-genai-measures", "cac-laws-regulations", "miit-drafts-for-comment", "samr-drafts-for-comment",
                "tc260-drafts-for-comment", "ansi-ai-standards-news", "nist-ai-rmf", "iso-iec-jtc1-sc42",
                "federal-register-ai", "whitehouse-ai-action-plan", "eu-ai-office");
        assertThat(sources.values()).allSatisfy(s -> assertThat(s.url().getScheme()).isEqualTo("https"));
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
