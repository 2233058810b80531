package dev.policywatch.engine.extract;

/**
 * Normalises extracted text: NBSP, full-width and other typographic spaces become a plain space,
 * zero-width characters, soft hyphens and control characters disappear, runs of white space collapse
 * to one space, and the ends are trimmed. Full-width letters and punctuation are kept as printed:
 * comparison folds them later, display keeps them.
 */
public final class TextNormaliser {

    private TextNormaliser() {
    }

    /** The normalised form of one line or block of text (never null). */
    public static String clean(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (isSpace(c)) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (Character.isISOControl(c)) {
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B'
                || c == '\u00A0' || c == '\u3000' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A')
                || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u0085';
    }
}
