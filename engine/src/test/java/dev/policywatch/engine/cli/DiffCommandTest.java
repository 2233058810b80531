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
        assertThat(stdout().lines().findFirst()).hasValueSatisfying(l -> assertThat(l)
                .startsWith("1 modified, 1 added, 4 renumbered, 2 unchanged; 2 substantive, 4 editorial"));
        assertThat(stdout().lines().skip(1).findFirst()).hasValueSatisfying(l -> assertThat(l)
                .isEqualTo("第三条：新增条文：城市公园建设应当坚持生态优先、节约集约的原则；另有1处实质修改；3条重新编号，1处引用条号更新"));
        assertThat(stdout()).contains("MODIFIED 第四条 → 第五条").contains("{+和应急演练+}")
                .contains("ADDED 第三条").contains("RENUMBERED 3 provisions (text unchanged): 第三条 → 第四条, ")
                .contains("[editorial: cross_reference]").contains("  = 条号变更：")
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
        assertThat(stdout()).contains("\u001B[32m和应急演练\u001B[0m").doesNotContain("{+");
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

    /** What the path is comes before what its name says: a directory, a missing file, a device, no name. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "folder.md|is a directory",
        "missing.xyz|no such file",
        "/dev/null|not a regular file",
        "' '|an empty file name",
    })
    void aPathThatIsNoFileIsSaidSoInOneLine(String name, String says, @TempDir Path dir) throws Exception {
        Files.createDirectory(dir.resolve("folder.md"));
        String arg = name.startsWith("/") || name.isBlank() ? name : dir.resolve(name).toString();

        int status = run(Fixtures.path("cn-v1.md").toString(), arg);

        assertThat(status).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr().lines()).singleElement().asString().startsWith("diff: ").contains(says);
    }

    // Bug (#15): random bytes named .html were compared as "27 added, 1 removed" of mojibake (exit 0)
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"random.html", "random.htm", "random.pdf", "random.md", "random.txt"})
    void randomBytesAreRefusedWhateverTheExtension(String name, @TempDir Path dir) throws Exception {
        byte[] bytes = new byte[4096];
        new java.util.Random(15).nextBytes(bytes);
        Path file = Files.write(dir.resolve(name), bytes);

        int status = run(Fixtures.path("en-v1.html").toString(), file.toString());

        assertThat(status).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr().lines()).singleElement().asString().startsWith("diff: cannot read " + file);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {32, 64, 200, 1000, 65536})
    void randomBytesNamedHtmlAreRefusedWhateverTheirSize(int size, @TempDir Path dir) throws Exception {
        for (int seed = 0; seed < 20; seed++) {
            byte[] bytes = new byte[size];
            new java.util.Random(seed * 31L + size).nextBytes(bytes);
            Path file = Files.write(dir.resolve("random-" + seed + ".html"), bytes);
            out.reset();
            err.reset();

            int status = run(Fixtures.path("en-v1.html").toString(), file.toString());

            assertThat(status).as("exit status for %d random bytes, seed %d", size, seed).isEqualTo(2);
            assertThat(stderr().lines()).singleElement().asString().startsWith("diff: cannot read " + file);
        }
    }

    @Test
    void renumberedProvisionsAreToldInOneLine(@TempDir Path dir) throws Exception {
        StringBuilder old = new StringBuilder();
        StringBuilder now = new StringBuilder("Article 1\n\nA new first article.\n\n");
        for (int i = 1; i <= 64; i++) {
            String body = "Provision number " + i + " says something of its own about topic " + (i * 7) + ".";
            old.append("Article ").append(i).append("\n\n").append(body).append("\n\n");
            now.append("Article ").append(i + 1).append("\n\n").append(body).append("\n\n");
        }
        Path a = Files.writeString(dir.resolve("a.md"), old);
        Path b = Files.writeString(dir.resolve("b.md"), now);

        int status = run(a.toString(), b.toString());

        assertThat(status).isZero();
        assertThat(stdout()).containsOnlyOnce("RENUMBERED")
                .contains("RENUMBERED 64 provisions (text unchanged): Article 1 → Article 2, Article 2 → Article 3, ")
                .contains("(58 more) … Article 64 → Article 65");
        assertThat(stdout().lines().count()).isLessThan(10);
    }

    @Test
    void aHugeProvisionIsCutWithANote(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "Short.");
        Path b = Files.writeString(dir.resolve("b.txt"), "Short.\n" + "word ".repeat(400_000));

        int status = run(a.toString(), b.toString());

        assertThat(status).isZero();
        assertThat(stdout().length()).isLessThan(DiffCommand.MAX_PRINTED_CHARS + 1_000);
        assertThat(stdout()).containsPattern("\\(cut: 4,000 of this provision's 1,99\\d,\\d{3} characters printed; --format json has them all\\)");
    }

    @Test
    void aModifiedProvisionIsNeverOnePointZeroSimilar() {
        assertThat(DiffCommand.similarity(0.9996)).isEqualTo("0.99");
        assertThat(DiffCommand.similarity(1.0)).isEqualTo(">0.99");
        assertThat(DiffCommand.similarity(0.987)).isEqualTo("0.98");
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
