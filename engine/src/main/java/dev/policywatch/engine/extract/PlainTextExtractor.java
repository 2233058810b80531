package dev.policywatch.engine.extract;

import dev.policywatch.events.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text: every non-blank line is a paragraph block. No headings are guessed; segmentation
 * recognises numbered headings (第X章, Article 3) in paragraphs anyway. Text with form feeds is a
 * converted PDF ({@code pdftotext} ends each page with one): as for a PDF, page numbers and the
 * running heads and feet that repeat on most pages are dropped ({@link PdfBoxExtractor#toBlocks}).
 * Lines a page width broke are joined back in every text ({@link Lines#unwrap}).
 */
public final class PlainTextExtractor {

    /** Share (%) of control and upper-half single-byte characters above which a text is taken for random bytes. */
    static final int MAX_LATIN_HIGH_PERCENT = 30;
    /**
     * What windows-1252 makes of the bytes 0x80–0x9F it defines, except the quotes, dashes, bullet and
     * ellipsis that ordinary text is full of.
     */
    private static final String CP1252_SPECIALS = "€‚ƒ„†‡ˆ‰Š‹ŒŽ˜™š›œžŸ";

    public ExtractedDocument extract(byte[] bytes, String contentType) {
        String text = Charsets.decode(bytes, Charsets.detect(bytes, contentType, false));
        checkNotBinary(text);
        List<List<String>> pages = new ArrayList<>();
        for (String page : text.split("\f", -1)) {
            List<String> lines = new ArrayList<>();
            for (String line : Lines.split(page)) {
                String clean = TextNormaliser.clean(line);
                if (!clean.isEmpty()) {
                    lines.add(clean);
                }
            }
            pages.add(lines);
        }
        List<Block> blocks = new ArrayList<>();
        if (pages.size() > 1) {
            blocks.addAll(PdfBoxExtractor.toBlocks(pages));
        } else {
            Lines.unwrap(pages.get(0)).forEach(line -> blocks.add(Block.paragraph(line)));
        }
        String title = blocks.isEmpty() ? null : Lines.clip(blocks.get(0).text(), 200);
        return new ExtractedDocument(title, Languages.guess(blocks), "text/plain", blocks);
    }

    /**
     * Binary garbage is refused instead of producing pages of mojibake (also for HTML and Markdown):
     * more than a tenth control or undecodable characters (a long text may have 8 stray ones), or,
     * in 16 characters or more, more than {@value #MAX_LATIN_HIGH_PERCENT} % of them either that or
     * from the upper half of a one-byte code page (random bytes decoded as windows-1252 are more than
     * half such; a Western text has a few accented letters in a hundred).
     */
    static void checkNotBinary(String text) {
        int sample = Math.min(text.length(), 64 * 1024);
        int bad = 0;
        int latinHigh = 0;
        for (int i = 0; i < sample; i++) {
            char c = text.charAt(i);
            // C0 controls other than line breaks and tabs, C1 controls and undecodable bytes: no text has many
            if (c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
                    || (c >= 0x7F && c <= 0x9F)) {
                bad++;
            } else if ((c >= 0xA1 && c <= 0xFF) || CP1252_SPECIALS.indexOf(c) >= 0) {
                latinHigh++;
            }
        }
        if (sample > 0 && bad > Math.max(8, sample / 10)) {
            throw new ExtractionException("not a text document: " + bad + " of the first " + sample
                    + " characters are control or undecodable bytes (binary file?)");
        }
        if (sample >= 16 && (latinHigh + bad) * 100L > (long) MAX_LATIN_HIGH_PERCENT * sample) {
            throw new ExtractionException("not a text document: " + (latinHigh + bad) + " of the first " + sample
                    + " characters are bytes above 127 read as single-byte characters (binary file?)");
        }
    }
}
