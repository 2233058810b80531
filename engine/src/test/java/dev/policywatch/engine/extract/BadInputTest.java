package dev.policywatch.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.policywatch.engine.Engine;
import dev.policywatch.engine.diff.DiffResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and broken input: a clear result or a clear error, in bounded time, within a 512 MB heap. */
class BadInputTest {

    private final Extractor extractor = new Extractor();
    private final Engine engine = new Engine();

    @ParameterizedTest
    @ValueSource(strings = {"empty.html", "empty.md", "empty.txt"})
    void emptyFileIsAnEmptyDocument(String name) {
        ExtractedDocument doc = extractor.extract(new byte[0], null, name, ExtractOptions.NONE);

        assertThat(doc.blocks()).isEmpty();
        DiffResult r = engine.compare(doc, doc);
        assertThat(r.changes()).isEmpty();
    }

    @Test
    void emptyPdfIsAClearError() {
        assertThatThrownBy(() -> extractor.extract(new byte[0], null, "empty.pdf", ExtractOptions.NONE))
                .isInstanceOf(ExtractionException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage.txt", "garbage.md", "garbage.pdf", "garbage.html", "garbage.htm"})
    void binaryGarbageIsAClearError(String name) {
        for (int size : new int[] {200, 2_000, 100_000}) {
            byte[] bytes = new byte[size];
            new Random(size).nextBytes(bytes);

            assertThatThrownBy(() -> extractor.extract(bytes, null, name, ExtractOptions.NONE))
                    .as("%d random bytes named %s", size, name)
                    .isInstanceOf(ExtractionException.class);
        }
    }

    // Bug (#15): random bytes named .html were "compared" as 27 added provisions of mojibake
    @Test
    void binaryGarbageServedAsHtmlIsAClearError() {
        byte[] bytes = new byte[100_000];
        new Random(7).nextBytes(bytes);

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> extractor.extract(bytes, "text/html", null, ExtractOptions.NONE)))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("not a text document");
    }

    @Test
    void aPdfNamedHtmlIsReadAsAPdf() throws Exception {
        byte[] pdf = PdfBoxExtractorTest.pdf(java.util.List.of(java.util.List.of("Section 1. Purpose", "Keep parks clean.")), null);

        ExtractedDocument doc = extractor.extract(pdf, "text/html", "report.html", ExtractOptions.NONE);

        assertThat(doc.contentType()).isEqualTo("application/pdf");
        assertThat(doc.blocks()).isNotEmpty();
    }

    @Test
    void twentyMegabyteTextIsExtractedAndSegmentedInBoundedTime() {
        byte[] line = "This is one more line of a very long plain text document.\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[20 * 1024 * 1024];
        for (int at = 0; at < bytes.length; at += line.length) {
            System.arraycopy(line, 0, bytes, at, Math.min(line.length, bytes.length - at));
        }

        int provisions = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            ExtractedDocument doc = extractor.extract(bytes, null, "big.txt", ExtractOptions.NONE);
            return engine.segment(doc.blocks()).provisions().size();
        });

        assertThat(provisions).isGreaterThan(300_000);
    }

    @Test
    void inputOverTheLimitIsRefused() {
        byte[] bytes = new byte[Extractor.MAX_BYTES + 1];
        Arrays.fill(bytes, (byte) 'a');

        assertThatThrownBy(() -> extractor.extract(bytes, null, "huge.txt", ExtractOptions.NONE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void deeplyNestedTablesDoNotOverflowTheStack() {
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; i < 5_000; i++) {
            html.append("<table><tr><td>cell ").append(i);
        }
        html.append("</body></html>");

        ExtractedDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> extractor.extract(html.toString().getBytes(StandardCharsets.UTF_8), "text/html", null, ExtractOptions.NONE));

        assertThat(doc.blocks()).isNotEmpty();
        assertThat(doc.blocks().get(0).text()).isEqualTo("cell 0");
    }

    @Test
    void unterminatedHtmlIsReadAsFarAsItGoes() {
        String html = "<html><head><title>Draft</title><body><h2>Section 1. Scope<p>Applies to parks.<p>Section 2 text <b>unclosed";

        ExtractedDocument doc = extractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html", null, ExtractOptions.NONE);

        assertThat(doc.blocks()).extracting(dev.policywatch.events.Block::text)
                .containsExactly("Section 1. Scope", "Applies to parks.", "Section 2 text unclosed");
    }
}
