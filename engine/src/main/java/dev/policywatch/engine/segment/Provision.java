package dev.policywatch.engine.segment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * One provision of one version of a document: an article (第十条), a section (Section 3.2, § 1.2),
 * an identified requirement (FRR-SCN-01), a numbered point of a plan, or, in a document without
 * numbering, a headed section or a paragraph. A plain record, serialisable as JSON, so the history
 * can store each version's provisions.
 *
 * @param label   the document's own numbering as printed, white space removed in CJK ({@code 第十条},
 *                {@code Article 10}, {@code FRR-SCN-01}); usually unique within a segmentation, but
 *                kept as printed when a document prints one twice (a regulation's "Appendix C" and
 *                its supplement's comment headed "Appendix C"): the path tells them apart
 * @param path    the enclosing units from the outermost, ending with the label ({@code ["第二章", "第十条"]})
 * @param title   the heading text that follows the label ("Notifications"), empty when there is none
 * @param text    the provision's text without its label, lines joined with {@code \n}; items and
 *                paragraphs inside it ((一), (a), 第二款) are part of it
 * @param retired true for a stub that only says the provision is gone ("(Retired) … superseded by",
 *                "第X条（删除）"); a retired provision is reported as removed, never as a live one
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Provision(String label, List<String> path, String title, String text, boolean retired) {

    public Provision {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("provision label must not be blank");
        }
        path = path == null ? List.of(label) : List.copyOf(path);
        title = title == null ? "" : title;
        text = Objects.requireNonNull(text, "text");
    }

    /** Title and text as one string, the form that is compared and shown. */
    public String fullText() {
        return title.isEmpty() ? text : (text.isEmpty() ? title : title + "\n" + text);
    }
}
