package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.support.OpenApiDocuments;
import dev.policywatch.support.OpenApiMerger;
import dev.policywatch.testing.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code GET /openapi.yml} of the standalone: the documents that crawler, diff-service and notifier
 * generate at build time, merged into one that names every API path with the responses the controllers
 * document. Starts the standalone once.
 */
class OpenApiDocumentTest {

    @TempDir
    static Path dir;

    private static Standalone system;
    private static Map<String, Object> doc;
    private static HttpResponse<String> response;

    @BeforeAll
    static void startAndFetch() throws Exception {
        Path sources = EndToEnd.sources(dir, "unreachable", "Nothing to fetch", "nobody",
                "http://127.0.0.1:" + Ports.free() + "/regulation.html");
        system = Standalone.start(EndToEnd.options(dir, sources, ""));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        response = http.send(HttpRequest.newBuilder(URI.create(system.url() + "/openapi.yml"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(response.body());
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theDocumentIsPublicYamlOfOpenApi3WithTheStandalonesInfo() {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/yaml"));
        assertThat((String) doc.get("openapi")).startsWith("3.");
        assertThat(map(doc, "info")).containsEntry("title", "policywatch").containsKey("version");
    }

    @Test
    void everyServicesPathsAreThereWithTheirDocumentedResponses() {
        Map<String, Object> paths = map(doc, "paths");
        assertThat(responses(paths, "/api/sources", "get")).containsKeys("200", "401");
        assertThat(responses(paths, "/api/sources/{sourceId}/crawl", "post")).containsOnlyKeys("202", "401", "404", "409");
        assertThat(operation(paths, "/api/sources/{sourceId}/crawl", "post").get("security"))
                .isEqualTo(List.of(Map.of("bearerAuth", List.of())));
        assertThat(responses(paths, "/api/changes", "get")).containsKeys("200", "400", "401");
        assertThat(responses(paths, "/api/changes/{changeId}", "get")).containsKeys("200", "404");
        assertThat(map(map(responses(paths, "/feeds/changes.atom", "get"), "200"), "content"))
                .containsOnlyKeys("application/atom+xml");
        assertThat(responses(paths, "/api/documents/{documentId}/diff", "get")).containsKeys("200", "400", "404");
        assertThat(responses(paths, "/api/subscriptions", "post")).containsKeys("201", "400", "429");
        assertThat(responses(paths, "/api/subscriptions", "get")).containsKeys("200", "401");
        assertThat(operation(paths, "/api/subscriptions", "get").get("security"))
                .isEqualTo(List.of(Map.of("bearerAuth", List.of())));
        assertThat(map(paths, "/api/subscriptions/{id}")).containsKeys("get", "patch", "delete");
        assertThat(responses(paths, "/api/subscriptions/{id}", "delete")).containsKeys("204", "401", "404");
        Map<String, Object> problem = map(map(map(responses(paths, "/api/changes/{changeId}", "get"), "404"),
                "content"), "application/problem+json");
        assertThat(map(problem, "schema")).containsEntry("$ref", "#/components/schemas/Problem");
        assertThat(paths).doesNotContainKeys("/", "/changes/{changeId}", "/sources", "/subscribe");
    }

    @Test
    void componentsOfAllServicesAreMergedAndEveryReferenceResolves() {
        Map<String, Object> components = map(doc, "components");
        assertThat(map(components, "securitySchemes")).containsKeys("bearerAuth", "manageToken");
        Map<String, Object> schemas = map(components, "schemas");
        assertThat(schemas).containsKeys("SourceStatus", "DocumentChange", "ChangePage", "SubscriptionCreate",
                "SubscriptionView", "Problem");
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/components/schemas/");
            assertThat(schemas).containsKey(ref.substring("#/components/schemas/".length()));
        });
    }

    @Test
    void theServicesDocumentsAgreeWithEachOther() {
        List<OpenApiMerger.Source> found = OpenApiDocuments.find(getClass().getClassLoader());
        assertThat(found).extracting(OpenApiMerger.Source::name).containsExactlyElementsOf(OpenApiDocuments.KNOWN);
        assertThat(OpenApiMerger.merge(Map.of("title", "check"), found).conflicts()).isEmpty();
    }

    private static Map<String, Object> responses(Map<String, Object> paths, String path, String method) {
        return map(operation(paths, path, method), "responses");
    }

    private static Map<String, Object> operation(Map<String, Object> paths, String path, String method) {
        return map(map(paths, path), method);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("$ref".equals(k)) {
                    refs.add(String.valueOf(v));
                } else {
                    collectRefs(v, refs);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, refs));
        }
    }
}
