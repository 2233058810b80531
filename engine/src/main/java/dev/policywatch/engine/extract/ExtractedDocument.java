package dev.policywatch.engine.extract;

import dev.policywatch.events.Block;
import java.util.List;
import java.util.Objects;

/**
 * The text of one document as extraction found it.
 *
 * @param title       the document's title (HTML {@code <title>} or first heading), or null
 * @param language    a guessed BCP-47 language ({@code zh}, {@code ja}, {@code en}) or null when unsure
 * @param contentType the media type the bytes were read as ({@code text/html}, {@code application/pdf}, ...)
 * @param blocks      the text in reading order; never null, possibly empty
 */
public record ExtractedDocument(String title, String language, String contentType, List<Block> blocks) {

    public ExtractedDocument {
        Objects.requireNonNull(contentType, "contentType");
        blocks = List.copyOf(Objects.requireNonNull(blocks, "blocks"));
    }
}
