package dev.policywatch.crawler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sources file: what is accepted, and errors that name the entry and the field. */
class SourcesFileTest {

    private static final String VALID = """
            sources:
              - id: cac-genai-measures
                name: Interim Measures for the Management of Generative AI Services
                url: https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
                publisher: Cyberspace Administration of China
                jurisdiction: CN
                kind: page
                content: "#BodyLabel"
                exclude: [".share", ".related"]
                every: PT6H
              - id: fr-ai
                url: https://www.federalregister.gov/api/v1/documents.json
                kind: json
                links: "$.results[*].html_url"
              - id: cac-list
                url: https://www.cac.gov.cn/hdfw/wxan/A093802index_1.htm
                kind: listing
                links: "a[href*='/c_']"
                max-documents: 5
            """;

    @Test
    void readsAFileOfTwentyThousandSources() {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (int n = 0; n < 20_000; n++) {
            yaml.append("  - id: bench-").append(n).append("\n    name: 示例规定第").append(n)
                    .append("号\n    url: http://127.0.0.").append(10 + n % 50).append(":8080/reg/").append(n)
                    .append(".html\n    publisher: 示例机关\n    jurisdiction: CN\n    kind: page\n    content: \"#content\"\n")
                    .append("    every: PT6H\n");
        }
        assertThat(yaml.length()).as("over the YAML library's default limit of 3 MiB").isGreaterThan(3 * 1024 * 1024);
        List<Source> sources = SourcesFile.parse(yaml.toString(), "test");
        assertThat(sources).hasSize(20_000);
        assertThat(sources.get(19_999).id()).isEqualTo("bench-19999");
    }

    @Test
    void readsTheContractExample() {
        List<Source> sources = SourcesFile.parse(VALID, "test");

        assertThat(sources).extracting(Source::id).containsExactly("cac-genai-measures", "fr-ai", "cac-list");
        Source page = sources.get(0);
        assertThat(page.kind()).isEqualTo(SourceKind.PAGE);
        assertThat(page.content()).isEqualTo("#BodyLabel");
        assertThat(page.exclude()).containsExactly(".share", ".related");
        assertThat(page.every()).isEqualTo(Duration.ofHours(6));
        assertThat(sources.get(1).every()).isEqualTo(SourcesFile.DEFAULT_EVERY);
        assertThat(sources.get(1).name()).isEqualTo("fr-ai");
        assertThat(sources.get(2).maxDocuments()).isEqualTo(5);
        assertThat(sources).allSatisfy(s -> assertThat(s.attachmentLimit()).isEqualTo(Source.DEFAULT_MAX_ATTACHMENTS));
    }

    @Test
    void attachmentsAreFollowedByDefaultAndCanBeLimitedOrTurnedOff() {
        List<Source> sources = SourcesFile.parse("""
                sources:
                  - id: few
                    url: https://a.example/notice.htm
                    kind: page
                    max-attachments: 3
                  - id: none
                    url: https://a.example/other.htm
                    kind: page
                    attachments: false
                    render: http
                """, "test");

        assertThat(sources.get(0).attachments()).isTrue();
        assertThat(sources.get(0).attachmentLimit()).isEqualTo(3);
        assertThat(sources.get(1).attachments()).isFalse();
        assertThat(sources.get(1).attachmentLimit()).isZero();
        assertThat(sources).noneMatch(Source::renderInBrowser);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing url          | kind: page                                  | field 'url': required",
            "ftp url              | url: ftp://example.org/a\\n    kind: page     | field 'url': must be an absolute http or https URL",
            "unknown kind         | url: https://a.example/\\n    kind: rss      | field 'kind': must be page, listing, feed or json",
            "listing without links| url: https://a.example/\\n    kind: listing  | field 'links': required for a listing",
            "bad css              | url: https://a.example/\\n    kind: page\\n    content: \"div[\" | field 'content': invalid CSS selector",
            "bad jsonpath         | url: https://a.example/\\n    kind: json\\n    links: \"$.results[?(@.x)]\" | field 'links': unsupported JSONPath",
            "bad every            | url: https://a.example/\\n    kind: page\\n    every: 6 hours | field 'every': must be an ISO-8601 duration",
            "misspelt field       | url: https://a.example/\\n    kind: page\\n    contnet: main | field 'contnet': unknown field",
            "attachments not bool | url: https://a.example/\\n    kind: page\\n    attachments: sometimes | field 'attachments': must be true or false",
            "zero attachments     | url: https://a.example/\\n    kind: page\\n    max-attachments: 0 | field 'max-attachments': must be a whole number from 1 to 100",
            "unknown render       | url: https://a.example/\\n    kind: page\\n    render: chrome | field 'render': must be http or browser",
            "too many attachments | url: https://a.example/\\n    kind: page\\n    max-attachments: 500 | field 'max-attachments': must be a whole number from 1 to 100",
    })
    void namesTheEntryAndTheFieldOfEachProblem(String name, String fields, String expected) {
        String yaml = "sources:\n  - id: ok-one\n    url: https://ok.example/\n    kind: page\n  - id: broken-one\n    "
                + fields.replace("\\n", "\n") + "\n";

        assertThatThrownBy(() -> SourcesFile.parse(yaml, "my-sources.yml"))
                .isInstanceOf(SourcesFileException.class)
                .hasMessageContaining("my-sources.yml")
                .hasMessageContaining("entry #2 (broken-one): " + expected);
    }

    @Test
    void reportsEveryProblemAtOnceIncludingDuplicateIdsAndIdsWithDots() {
        String yaml = """
                sources:
                  - id: a.b
                    url: https://a.example/
                    kind: page
                  - id: twice
                    url: https://a.example/
                    kind: page
                  - id: twice
                    url: https://b.example/
                    kind: page
                """;

        assertThatThrownBy(() -> SourcesFile.parse(yaml, "f"))
                .isInstanceOfSatisfying(SourcesFileException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessageContaining("entry #1 (a.b): field 'id'")
                .hasMessageContaining("entry #3 (twice): field 'id': duplicate id twice");
    }

    @Test
    void rejectsAFileWithoutASourcesList() {
        assertThatThrownBy(() -> SourcesFile.parse("source:\n  - id: x\n", "f"))
                .hasMessageContaining("expected a list under the key 'sources'");
        assertThatThrownBy(() -> SourcesFile.parse("sources: [\n", "f")).hasMessageContaining("not valid YAML");
    }
}
