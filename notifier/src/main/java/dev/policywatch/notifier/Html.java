package dev.policywatch.notifier;

/**
 * HTML escaping for every string that comes from a crawled page or a user (text and attribute values)
 * in hand-built markup; the pages are Thymeleaf templates ({@code views/notifier}), which escape by themselves.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes {@code & < > " '} and drops Unicode bidirectional controls (which reorder what a reader
     * sees); null becomes "".
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
                        '\u200E', '\u200F', '\u061C' -> { }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
