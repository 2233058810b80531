package dev.policywatch.crawler.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.EventJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The JSONPath subset of the sources file. */
class JsonPathTest {

    private static final String DOC = """
            {"results": [{"html_url": "https://a/1", "agencies": [{"url": "https://ag/1"}]},
                         {"html_url": "https://a/2"}],
             "data": {"html": "<ul></ul>"}, "count": 2}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "$.results[*].html_url       | https://a/1,https://a/2",
            "$['results'][1]['html_url'] | https://a/2",
            "$.results[-1].html_url      | https://a/2",
            "$..url                      | https://ag/1",
            "$.data.html                 | <ul></ul>",
            "$.missing[*].x              | ''",
    })
    void selects(String path, String expected) throws Exception {
        JsonNode root = EventJson.mapper().readTree(DOC);
        assertThat(String.join(",", JsonPath.compile(path).strings(root))).isEqualTo(expected);
    }

    @Test
    void rejectsWhatItDoesNotSupport() {
        assertThatThrownBy(() -> JsonPath.compile("$.a[?(@.b)]")).hasMessageContaining("unsupported JSONPath");
        assertThatThrownBy(() -> JsonPath.compile("a.b")).hasMessageContaining("must start with $");
    }
}
