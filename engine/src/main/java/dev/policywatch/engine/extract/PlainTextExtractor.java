package dev.policywatch.engine.extract;

import dev.policywatch.events.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text: every non-blank line is a paragraph block. No headings are guessed; segmentation
 * recognises numbered headings (第X章, Article 3) in paragraphs anyway.
 */
public final class PlainTextExtractor {

    public ExtractedDocument extract(byte[] bytes, String contentType) {
        String text = Charsets.decode(bytes, Charsets.detect(bytes, contentType, false));
        checkNotBinary(text);
        List<Block> blocks = new ArrayList<>();
        for (String line : Lines.split(text)) {
            String clean = TextNormaliser.clean(line);
            if (!clean.isEmpty()) {
                blocks.add(Block.paragraph(clean));
            }
        }
        String title = blocks.isEmpty() ? null : Lines.clip(blocks.get(0).text(), 200);
        return new ExtractedDocument(title, Languages.guess(blocks), "text/plain", blocks);
    }

    /** Binary garbage is refused instead of producing pages of mojibake (also for HTML and Markdown). */
    static void checkNotBinary(String text) {
        int sample = Math.min(text.length(), 64 * 1024);
        int bad = 0;
        for (int i = 0; i < sample; i++) {
            char c = text.charAt(i);
            // C0 controls other than line breaks and tabs, C1 controls and undecodable bytes: no text has many
            if (c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
                    || (c >= 0x7F && c <= 0x9F)) {
                bad++;
            }
        }
        if (sample > 0 && bad > Math.max(8, sample / 10)) {
            throw new ExtractionException("not a text document: " + bad + " of the first " + sample
                    + " characters are control or undecodable bytes (binary file?)");
        }
    }
}
