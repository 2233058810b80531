package dev.policywatch.crawler.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.crawler.TestSupport;
import dev.policywatch.crawler.render.RenderSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sources check} against a real local site: what each source gives, or why not; nothing published. */
class SourcesCheckCommandTest {

    @TempDir
    Path dir;
    private TestSupport.Site site;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        site = TestSupport.site();
        site.html("/notice.htm", "<html><head><title>示例管理办法</title></head><body><div id=\"c\">"
                + "<p>第一条 为了规范数据处理活动，制定本办法。</p><p>第二条 本办法自发布之日起施行。</p>"
                + "<a href=\"/files/fj1.docx\">附件1：登记表.docx</a></div></body></html>");
        site.html("/list.htm", "<html><body><ul id=\"l\"><li><a href=\"/notice.htm\">一</a></li>"
                + "<li><a href=\"/other.htm\">二</a></li></ul></body></html>");
    }

    @AfterEach
    void tearDown() {
        site.close();
    }

    private int run(String... args) {
        return run(RenderSettings.defaults(), args);
    }

    private int run(RenderSettings render, String... args) {
        return SourcesCheckCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), TestSupport.fastSettings(), render);
    }

    private Path sources(String yaml) throws IOException {
        return Files.writeString(dir.resolve("sources.yml"), yaml, StandardCharsets.UTF_8);
    }

    @Test
    void saysWhatEachSourceGivesAndWhichCannotBeRead() throws IOException {
        Path file = sources("""
                sources:
                  - id: notice
                    url: %s
                    kind: page
                    content: "#c"
                  - id: list
                    url: %s
                    kind: listing
                    links: "#l a[href]"
                    content: "#c"
                  - id: gone
                    url: %s
                    kind: page
                """.formatted(site.url("/notice.htm"), site.url("/list.htm"), site.url("/missing.htm")));

        int status = run("check", file.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(SourcesCheckCommand.SOME_FAILED);
        assertThat(printed).contains("OK    notice (page)", "title: 示例管理办法", "provisions: 2",
                "attachments: 1", "附件1：登记表 <" + site.url("/files/fj1.docx") + ">");
        assertThat(printed).contains("OK    list (listing)", "links: 2, first: " + site.url("/notice.htm"));
        assertThat(printed).contains("FAIL  gone (page)", "HTTP 404");
        assertThat(printed).contains("2 of 3 sources readable");
        assertThat(site.requestsTo("/files/fj1.docx")).as("attachments are listed, not fetched").isEmpty();
    }

    @Test
    void anInvalidFileIsExitTwoNamingTheEntryAndField() throws IOException {
        Path file = sources("sources:\n  - id: bad\n    url: ftp://x.example/\n    kind: page\n");

        assertThat(run("check", file.toString())).isEqualTo(SourcesCheckCommand.BAD_FILE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("entry #1 (bad)", "field 'url'");
        assertThat(run("check", dir.resolve("none.yml").toString())).isEqualTo(SourcesCheckCommand.BAD_FILE);
        assertThat(run("frobnicate")).isEqualTo(SourcesCheckCommand.BAD_FILE);
    }

    @Test
    void onlyChecksTheNamedSource() throws IOException {
        Path file = sources("""
                sources:
                  - id: notice
                    url: %s
                    kind: page
                  - id: gone
                    url: %s
                    kind: page
                """.formatted(site.url("/notice.htm"), site.url("/missing.htm")));

        assertThat(run("check", file.toString(), "--only", "notice")).isEqualTo(SourcesCheckCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 of 1 sources readable").doesNotContain("gone");
        assertThat(site.requestsTo("/missing.htm")).isEmpty();
    }

    @Test
    void aPageBuiltInScriptIsRenderedAndWithoutChromiumSaysWhatToDo() throws IOException {
        site.html("/app.htm", "<html><head><title>脚本页面</title></head><body><div id=\"c\"></div>"
                + "<script src=\"/app.js\"></script></body></html>");
        site.on("/app.js", ex -> TestSupport.send(ex, 200, "application/javascript",
                "document.getElementById('c').innerHTML = '<p>第一条 脚本写成的条文。</p><p>第二条 另一条。</p>"
                        + "<p>第三条 第三条。</p>';"));
        Path file = sources("""
                sources:
                  - id: scripted
                    url: %s
                    kind: page
                    content: "#c"
                    render: browser
                """.formatted(site.url("/app.htm")));

        int missing = run(new RenderSettings(dir.resolve("no-chromium"), 1, null, null, 100, null, null),
                "check", file.toString());

        assertThat(missing).isEqualTo(SourcesCheckCommand.SOME_FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAIL  scripted (page)",
                "problem: render: browser needs chromium; install it or set render: http");
        assertThat(site.requestsTo("/app.htm")).isEmpty();

        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || Files.isExecutable(RenderSettings.DEFAULT_CHROMIUM), "the rendered half needs "
                + RenderSettings.DEFAULT_CHROMIUM + " (apt-get install chromium); in CI it runs and fails");
        out.reset();
        assertThat(run("check", file.toString())).isEqualTo(SourcesCheckCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK    scripted (page)", "title: 脚本页面",
                "provisions: 3");
    }
}
