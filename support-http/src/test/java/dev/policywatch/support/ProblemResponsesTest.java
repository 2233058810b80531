package dev.policywatch.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class ProblemResponsesTest {

    private static final String DOC = """
            openapi: 3.0.1
            info:
              title: history
              version: 0.1.0
            paths:
              /api/changes/{changeId}:
                get:
                  responses:
                    "200":
                      description: The change
                      content:
                        application/json:
                          schema:
                            $ref: "#/components/schemas/DocumentChange"
                    "401":
                      description: A read token is set and the request lacks it
                    "404":
                      description: No such change
              /feeds/changes.atom:
                get:
                  responses:
                    "200":
                      description: The feed
                    "503":
                      description: Down
                      content:
                        text/plain:
                          schema:
                            type: string
            components:
              schemas:
                DocumentChange:
                  type: object
            """;

    @Test
    void everyErrorResponseWithoutContentIsProblemJsonOfTheOneProblemSchema() {
        Map<String, Object> doc = parse(ProblemResponses.declare(DOC));
        Map<String, Object> responses = map(map(map(map(doc, "paths"), "/api/changes/{changeId}"), "get"), "responses");
        for (String code : List.of("401", "404")) {
            Map<String, Object> response = map(responses, code);
            assertThat(response.get("description")).isNotNull();
            assertThat(map(map(map(response, "content"), "application/problem+json"), "schema"))
                    .containsEntry("$ref", "#/components/schemas/Problem");
        }
        assertThat(map(map(responses, "200"), "content")).containsOnlyKeys("application/json");
        Map<String, Object> feed = map(map(map(map(doc, "paths"), "/feeds/changes.atom"), "get"), "responses");
        assertThat(map(feed, "200")).doesNotContainKey("content");
        assertThat(map(map(feed, "503"), "content")).containsOnlyKeys("text/plain");
        Map<String, Object> schemas = map(map(doc, "components"), "schemas");
        assertThat(schemas).containsKeys("DocumentChange", "Problem");
    }

    @Test
    void theProblemSchemaIsTheProblemBodyRecord() {
        Map<String, Object> schema = ProblemResponses.schema();
        List<String> fields = Arrays.stream(Problem.ProblemBody.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        assertThat(map(schema, "properties").keySet()).containsExactlyElementsOf(fields);
        assertThat(schema.get("required")).isEqualTo(fields);
        assertThat(map(map(schema, "properties"), "status")).containsEntry("type", "integer");
        assertThat(map(map(schema, "properties"), "detail")).containsEntry("type", "string");
    }

    @Test
    void aDocumentWithoutErrorResponsesIsLeftAsItIs() {
        String yaml = """
                openapi: 3.0.1
                paths:
                  /health:
                    get:
                      responses:
                        "200":
                          description: ok
                """;
        assertThat(ProblemResponses.declare(yaml)).isSameAs(yaml);
    }

    private static Map<String, Object> parse(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) parent.get(key);
    }
}
