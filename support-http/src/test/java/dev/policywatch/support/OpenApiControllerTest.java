package dev.policywatch.support;

import static dev.policywatch.support.OpenApiMergerTest.map;
import static dev.policywatch.support.OpenApiMergerTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test classpath holds two fixture documents, META-INF/swagger/policywatch-fixture-{a,b}.yml. */
class OpenApiControllerTest {

    @TempDir
    Path dir;

    @Test
    void openApiYmlServesTheDocumentsOnTheClasspathMergedAsYaml() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("spec.name", "OpenApiControllerTest"));
                HttpClient client = HttpClient.create(server.getURL())) {
            HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/openapi.yml"), String.class);

            assertThat(response.getStatus().getCode()).isEqualTo(200);
            assertThat(response.getContentType()).hasValueSatisfying(
                    t -> assertThat(t.getName()).isEqualTo("application/yaml"));
            Map<String, Object> doc = parse(response.body());
            assertThat(map(doc, "info")).containsEntry("title", "policywatch").containsEntry("version", "9.9.9");
            assertThat(map(doc, "paths")).containsOnlyKeys("/api/a", "/api/b/{id}");
            assertThat(map(map(doc, "components"), "schemas")).containsOnlyKeys("Shared");
        }
    }

    @Test
    void documentsAreFoundInJarsAndFoldersAndOnlyPolicywatchOnesAreTaken() throws IOException {
        Path jar = dir.resolve("service.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // no directory entries, as some repackaged jars have none: the known names are still found
            add(out, "META-INF/swagger/policywatch-notifier.yml", "openapi: 3.0.1\n");
            add(out, "META-INF/swagger/policywatch-extra.yml", "openapi: 3.0.1\n");
            add(out, "META-INF/swagger/other-library.yml", "openapi: 3.0.1\n");
        }
        Path jarWithFolder = dir.resolve("with-folder.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jarWithFolder))) {
            out.putNextEntry(new JarEntry("META-INF/"));
            out.putNextEntry(new JarEntry("META-INF/swagger/"));
            add(out, "META-INF/swagger/policywatch-listed.yml", "openapi: 3.0.1\n");
            add(out, "META-INF/swagger/views/policywatch-view.yml", "not a document\n");
        }
        Path folder = dir.resolve("classes/META-INF/swagger");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("policywatch-crawler.yml"), "openapi: 3.0.1\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL(), jarWithFolder.toUri().toURL(),
                dir.resolve("classes").toUri().toURL()}, null)) {
            List<String> names = OpenApiDocuments.find(loader).stream().map(OpenApiMerger.Source::name).toList();

            assertThat(names).containsExactly("policywatch-crawler.yml", "policywatch-listed.yml",
                    "policywatch-notifier.yml");
        }
    }

    private static void add(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
