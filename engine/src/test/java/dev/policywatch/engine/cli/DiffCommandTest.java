package dev.policywatch.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.engine.Fixtures;
import dev.policywatch.events.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return DiffCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textFormatStartsWithTheSummaryAndMarksInsertionsAndDeletions() {
        int status = run("diff", Fixtures.path("cn-v1.md").toString(), Fixtures.path("cn-v2.md").toString());

        assertThat(status).isZero();
        assertThat(stdout().lines().findFirst()).contains("1 modified, 1 added, 4 renumbered, 2 unchanged");
        assertThat(stdout()).contains("MODIFIED 第四条 → 第五条").contains("{+和应急演练+}")
                .contains("ADDED 第三条").contains("RENUMBERED 第三条 → 第四条")
                .doesNotContain("\u001B[");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void jsonFormatIsOneObjectWithChangesStructureChangesAndSummary() throws Exception {
        int status = run(Fixtures.path("en-v1.html").toString(), Fixtures.path("en-v2.html").toString(), "--format", "json");

        assertThat(status).isZero();
        JsonNode json = EventJson.mapper().readTree(stdout());
        assertThat(json.fieldNames()).toIterable().containsExactly("changes", "structureChanges", "summary");
        assertThat(json.get("summary").get("modified").asInt()).isEqualTo(1);
        assertThat(json.get("summary").get("added").asInt()).isEqualTo(1);
        assertThat(json.get("changes").get(0).get("diff").get(1).get("op").asText()).isEqualTo("DELETE");
    }

    @Test
    void colourIsAddedOnlyWhenAskedFor() {
        int status = DiffCommand.run(new String[] {Fixtures.path("cn-v1.md").toString(), Fixtures.path("cn-v2.md").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), true);

        assertThat(status).isZero();
        assertThat(stdout()).contains("\u001B[32m{+和应急演练+}\u001B[0m");
    }

    @Test
    void missingFileExitsWithTwoAndOneLineOnStderr() {
        int status = run(Fixtures.path("cn-v1.md").toString(), "/no/such/file.md");

        assertThat(status).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr().lines()).singleElement().asString().contains("no such file: /no/such/file.md");
    }

    @Test
    void unsupportedFileTypeExitsWithTwo(@TempDir Path dir) throws Exception {
        Path doc = Files.writeString(dir.resolve("report.xlsx"), "not really");

        int status = run(Fixtures.path("cn-v1.md").toString(), doc.toString());

        assertThat(status).isEqualTo(2);
        assertThat(stderr().lines()).singleElement().asString().contains("unsupported file type");
    }

    @Test
    void textNamedAsWordExitsWithTwoSayingWhatItIs(@TempDir Path dir) throws Exception {
        Path doc = Files.writeString(dir.resolve("report.docx"), "not really");

        int status = run(Fixtures.path("cn-v1.md").toString(), doc.toString());

        assertThat(status).isEqualTo(2);
        assertThat(stderr().lines()).singleElement().asString().contains("unsupported format");
    }

    @Test
    void unreadableFileExitsWithTwo(@TempDir Path dir) throws Exception {
        Path pdf = Files.write(dir.resolve("broken.pdf"), "this is not a pdf".getBytes(StandardCharsets.UTF_8));

        int status = run(pdf.toString(), pdf.toString());

        assertThat(status).isEqualTo(2);
        assertThat(stderr().lines()).singleElement().asString().contains("cannot read");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run("only-one.md")).isEqualTo(2);
        assertThat(run("a.md", "b.md", "--format", "xml")).isEqualTo(2);
        assertThat(stderr().lines()).hasSize(2);
    }

    @Test
    void identicalFilesSayNoChangesAndExitZero() {
        int status = run(Fixtures.path("notes.txt").toString(), Fixtures.path("notes.txt").toString());

        assertThat(status).isZero();
        assertThat(stdout().strip()).isEqualTo("no provision changes, 1 unchanged");
    }
}
