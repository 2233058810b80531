package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar policywatch.jar diff OLD NEW} as a user runs it (a child JVM with the standalone's
 * logging): hostile files are refused with exit 2 and exactly one line on standard error, naming the file
 * and what is wrong; a comparison leaves standard error empty. Found by hand: every run printed POI's
 * "setting max text size greater than 10485760 can be risky" WARN first; a directory or a missing file
 * whose name had no known extension was called "unsupported file type"; unlabelled Big5 text was read as
 * GB18030 and compared as nonsense.
 */
class DiffCommandLineTest {

    @TempDir
    Path dir;

    private record Run(int status, List<String> stdout, List<String> stderr) {
    }

    @Test
    void hostileFilesAreEachOneLineAndExitTwo() throws Exception {
        Path good = Files.writeString(dir.resolve("good.md"), "# Rules\n\nArticle 1. Operators shall keep logs.\n");
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        Path truncatedZip = dir.resolve("truncated.docx");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(truncatedZip))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write("<w:document/>".repeat(200).getBytes(StandardCharsets.UTF_8));
        }
        byte[] zipBytes = Files.readAllBytes(truncatedZip);
        Files.write(truncatedZip, java.util.Arrays.copyOf(zipBytes, zipBytes.length / 2));
        Files.createDirectory(dir.resolve("folder.md"));

        List<String[]> cases = List.of(
                new String[] {Files.write(dir.resolve("empty.pdf"), new byte[0]).toString(), "cannot read"},
                new String[] {Files.write(dir.resolve("random.docx"), random).toString(), "cannot read"},
                new String[] {Files.write(dir.resolve("random.ofd"), random).toString(), "cannot read"},
                new String[] {Files.write(dir.resolve("random.txt"), random).toString(), "cannot read"},
                new String[] {truncatedZip.toString(), "cannot read"},
                new String[] {dir.resolve("folder.md").toString(), "is a directory"},
                new String[] {dir.resolve("missing.xyz").toString(), "no such file"},
                new String[] {"/dev/null", "not a regular file"});
        for (String[] c : cases) {
            Run run = diff(good.toString(), c[0]);

            assertThat(run.status()).as(c[0]).isEqualTo(2);
            assertThat(run.stdout()).as(c[0]).isEmpty();
            assertThat(run.stderr()).as(c[0]).singleElement().asString().startsWith("diff: ").contains(c[1]);
        }
    }

    @Test
    void unlabelledBig5AndGbkTextCompareAsTheirUtf8Twins() throws Exception {
        String traditional = "第一條　業者應保存紀錄一年。\n第二條　主管機關得檢查之。\n";
        String simplified = "第一条　经营者应当保存记录一年。\n第二条　主管部门可以检查。\n";
        Path big5 = Files.write(dir.resolve("big5.txt"), traditional.getBytes(Charset.forName("Big5")));
        Path gbk = Files.write(dir.resolve("gbk.txt"), simplified.getBytes(Charset.forName("GBK")));

        Run tw = diff(big5.toString(), Files.writeString(dir.resolve("tw.txt"), traditional).toString());
        Run cn = diff(gbk.toString(), Files.writeString(dir.resolve("cn.txt"), simplified).toString());

        for (Run run : List.of(tw, cn)) {
            assertThat(run.status()).isZero();
            assertThat(run.stderr()).isEmpty();
            assertThat(run.stdout()).first().asString().startsWith("no provision changes, 2 unchanged");
        }
    }

    /**
     * Two documents too large for the JVM's memory (80,000 articles against a 64 MB heap) ended in
     * "Exception in thread "main" java.lang.OutOfMemoryError" and a stack trace; now one line saying so and how
     * to give it more, exit 1 (a failure at run time, not bad input).
     */
    @Test
    void documentsTooLargeForTheMemoryAreOneLineAndExitOne() throws Exception {
        StringBuilder text = new StringBuilder();
        Random random = new Random(3);
        String[] words = {"operators", "shall", "keep", "records", "of", "data", "services", "may", "not", "rules"};
        for (int i = 1; i <= 80_000; i++) {
            text.append("Article ").append(i).append(". ");
            for (int w = 0; w < 12; w++) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            text.append('\n');
        }
        Path big = Files.writeString(dir.resolve("big.txt"), text);
        Path small = Files.writeString(dir.resolve("small.txt"), "Article 1. Operators shall keep records.\n");

        Run run = diffWithHeap("-Xmx64m", big.toString(), small.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).singleElement().asString()
                .startsWith("diff: the documents are too large to compare").contains("-Xmx");
    }

    private Run diff(String... args) throws IOException, InterruptedException {
        return diffWithHeap("-Xmx256m", args);
    }

    private Run diffWithHeap(String heap, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, heap, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "diff"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 60 s: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }
}
