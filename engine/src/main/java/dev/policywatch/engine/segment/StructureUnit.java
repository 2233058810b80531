package dev.policywatch.engine.segment;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Objects;

/**
 * A piece of a document that is not a provision: its title, the preamble (promulgation notes,
 * introduction, anything before the first provision) or a heading that groups provisions (第二章
 * 总则, {@code KSI-CED: Cybersecurity Education}, Part II) together with any text that follows the
 * heading before the next provision. Their changes are reported as structure changes.
 *
 * @param kind  what the unit is
 * @param label the heading's own number or identifier ({@code 第二章}, {@code KSI-CED}), or null
 * @param title the heading's words (for TITLE the document title, for PREAMBLE empty)
 * @param path  the enclosing headings' labels from the outermost (not including this one)
 * @param text  text that belongs to the unit (preamble lines, a group's introduction), {@code \n}-joined
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StructureUnit(Kind kind, @Nullable String label, String title, List<String> path, String text) {

    /** The kinds of structure. */
    public enum Kind { TITLE, PREAMBLE, HEADING }

    public StructureUnit {
        Objects.requireNonNull(kind, "kind");
        title = title == null ? "" : title;
        path = path == null ? List.of() : List.copyOf(path);
        text = text == null ? "" : text;
    }

    /** How the unit is named in a report: "第二章 总则", "title", "preamble". */
    public String displayLabel() {
        return switch (kind) {
            case TITLE -> "title";
            case PREAMBLE -> "preamble";
            case HEADING -> label == null ? title : (title.isEmpty() ? label : label + " " + title);
        };
    }
}
