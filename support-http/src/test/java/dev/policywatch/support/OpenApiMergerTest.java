package dev.policywatch.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class OpenApiMergerTest {

    private static final String SOURCES = """
            openapi: 3.0.1
            info:
              title: crawler
              version: 0.1.0
            tags:
            - name: sources
            paths:
              /api/sources:
                get:
                  operationId: listSources
                  responses:
                    "200":
                      description: the sources
              /api/sources/{sourceId}/crawl:
                post:
                  operationId: crawlSource
                  responses:
                    "202":
                      description: requested
                    "401":
                      description: no admin token
                      content:
                        application/problem+json:
                          schema:
                            $ref: "#/components/schemas/Problem"
                  security:
                  - bearerAuth: []
            components:
              schemas:
                Problem:
                  type: object
                  properties:
                    detail:
                      type: string
                SourceStatus:
                  type: object
              securitySchemes:
                bearerAuth:
                  type: http
                  scheme: bearer
            """;

    private static final String SUBSCRIPTIONS = """
            openapi: 3.0.1
            info:
              title: notifier
              version: 0.1.0
            tags:
            - name: subscriptions
            paths:
              /api/subscriptions:
                post:
                  operationId: createSubscription
                  responses:
                    "201":
                      description: created
              /api/sources:
                post:
                  operationId: addSource
                  responses:
                    "200":
                      description: added
            components:
              schemas:
                Problem:
                  type: object
                  properties:
                    detail:
                      type: string
              securitySchemes:
                bearerAuth:
                  type: http
                  scheme: bearer
                manageToken:
                  type: apiKey
                  in: header
                  name: X-Manage-Token
            """;

    private static final Map<String, Object> INFO = Map.of("title", "policywatch", "description", "everything");

    @Test
    void twoDocumentsBecomeOneWithAllPathsSchemasAndSecuritySchemes() {
        OpenApiMerger.Result result = OpenApiMerger.merge(INFO, List.of(
                new OpenApiMerger.Source("policywatch-crawler.yml", SOURCES),
                new OpenApiMerger.Source("policywatch-notifier.yml", SUBSCRIPTIONS)));

        assertThat(result.conflicts()).isEmpty();
        Map<String, Object> doc = parse(result.yaml());
        assertThat(doc.get("openapi")).isEqualTo("3.0.1");
        assertThat(map(doc, "info")).containsEntry("title", "policywatch").containsEntry("version", "0.1.0");
        assertThat(map(doc, "paths")).containsOnlyKeys("/api/sources", "/api/sources/{sourceId}/crawl",
                "/api/subscriptions");
        assertThat(map(map(doc, "paths"), "/api/sources")).containsOnlyKeys("get", "post");
        Map<String, Object> crawl = map(map(map(doc, "paths"), "/api/sources/{sourceId}/crawl"), "post");
        assertThat(map(crawl, "responses")).containsOnlyKeys("202", "401");
        assertThat(crawl.get("security")).isEqualTo(List.of(Map.of("bearerAuth", List.of())));
        assertThat(map(map(doc, "components"), "schemas")).containsOnlyKeys("Problem", "SourceStatus");
        assertThat(map(map(doc, "components"), "securitySchemes")).containsOnlyKeys("bearerAuth", "manageToken");
        assertThat((List<?>) doc.get("tags")).hasSize(2);
    }

    @Test
    void aSingleDocumentIsServedAsItIs() {
        OpenApiMerger.Result result = OpenApiMerger.merge(INFO,
                List.of(new OpenApiMerger.Source("policywatch-crawler.yml", SOURCES)));

        assertThat(result.yaml()).isEqualTo(SOURCES);
        assertThat(result.conflicts()).isEmpty();
    }

    @Test
    void differentDefinitionsUnderOneNameKeepTheFirstAndAreReported() {
        String other = """
                openapi: 3.0.1
                info:
                  title: other
                  version: 0.2.0
                paths:
                  /api/sources:
                    get:
                      operationId: listOtherSources
                      responses:
                        "200":
                          description: something else
                  /api/other:
                    get:
                      operationId: crawlSource
                      responses:
                        "200":
                          description: reuses an operationId
                components:
                  schemas:
                    SourceStatus:
                      type: string
                """;

        OpenApiMerger.Result result = OpenApiMerger.merge(INFO, List.of(
                new OpenApiMerger.Source("a.yml", SOURCES), new OpenApiMerger.Source("b.yml", other)));

        assertThat(result.conflicts()).containsExactly(
                "get /api/sources is defined differently in b.yml (kept the first)",
                "operationId crawlSource of get /api/other in b.yml is already used by post /api/sources/{sourceId}/crawl",
                "components.schemas.SourceStatus is defined differently in b.yml (kept the first)");
        Map<String, Object> doc = parse(result.yaml());
        assertThat(map(map(map(doc, "paths"), "/api/sources"), "get")).containsEntry("operationId", "listSources");
        assertThat(map(map(map(doc, "components"), "schemas"), "SourceStatus")).containsEntry("type", "object");
        assertThat(map(doc, "info")).containsEntry("version", "0.1.0");
    }

    @Test
    void somethingThatIsNotAnOpenApiDocumentIsRefusedByName() {
        assertThatThrownBy(() -> OpenApiMerger.merge(INFO, List.of(
                new OpenApiMerger.Source("a.yml", SOURCES), new OpenApiMerger.Source("broken.yml", "swagger: '2.0'\n"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("broken.yml is not an OpenAPI 3 document");
        assertThatThrownBy(() -> OpenApiMerger.merge(INFO, List.of(new OpenApiMerger.Source("bad.yml", "a: [b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad.yml is not YAML");
        assertThatThrownBy(() -> OpenApiMerger.merge(INFO, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Map<String, Object> parse(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
