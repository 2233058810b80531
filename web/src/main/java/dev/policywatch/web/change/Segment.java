package dev.policywatch.web.change;

import java.util.Objects;

/**
 * A run of text of a diff as shown: {@code same}, {@code ins} (shown in {@code <ins>}) or {@code del}
 * (in {@code <del>}). The text is shown escaped, white space preserved.
 */
public record Segment(String kind, String text) {

    public static final String SAME = "same";
    public static final String INS = "ins";
    public static final String DEL = "del";

    public Segment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public boolean inserted() {
        return INS.equals(kind);
    }

    public boolean deleted() {
        return DEL.equals(kind);
    }
}
