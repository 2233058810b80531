package dev.policywatch.notifier.hook;

import dev.policywatch.notifier.delivery.AlertFormat;
import java.nio.charset.StandardCharsets;

/**
 * Page text made inert in the markdown dialects of WeCom, DingTalk, Feishu (lark_md) and Teams (Adaptive
 * Card TextBlock). Their escaping rules differ and are partly undocumented (a backslash is not honoured
 * everywhere), so every character that can start markup, a mention or a link is replaced by a look-alike
 * that is only text: {@code < >} (HTML-like tags such as {@code <at id=all>}, {@code <@userid>},
 * {@code <font>}), {@code [ ] ( )} (links, images), {@code * _ ~ `} (emphasis, code), {@code #} and
 * {@code >} at a line start (headings, quotes), {@code |} (tables), {@code @} (mentions such as
 * {@code @all} and {@code @所有人}), {@code &} (entities), and {@code ://} is broken so that no client
 * turns a crawled URL into a link. Line breaks are folded to spaces: structure is ours. Pure.
 */
public final class Markdown {

    private Markdown() {
    }

    /** {@code s} (page text) as inert markdown text, on one line. */
    public static String inert(String s) {
        if (s == null) {
            return "";
        }
        String flat = AlertFormat.stripBidi(s).replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ");
        StringBuilder sb = new StringBuilder(flat.length() + 8);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            switch (c) {
                case '<' -> sb.append('‹');
                case '>' -> sb.append('›');
                case '[' -> sb.append('［');
                case ']' -> sb.append('］');
                case '(' -> sb.append('（');
                case ')' -> sb.append('）');
                case '*' -> sb.append('∗');
                case '_' -> sb.append('＿');
                case '~' -> sb.append('∼');
                case '`' -> sb.append('ˋ');
                case '#' -> sb.append('＃');
                case '|' -> sb.append('｜');
                case '@' -> sb.append('＠');
                case '&' -> sb.append('＆');
                case '\\' -> sb.append('＼');
                case '{', '}' -> sb.append(c == '{' ? '｛' : '｝');
                case '!' -> sb.append(i + 1 < flat.length() && flat.charAt(i + 1) == '[' ? '！' : '!');
                default -> sb.append(c);
            }
        }
        // a bare URL is auto-linked by most clients: break the scheme separator so it reads but does not link
        return sb.toString().replace("://", "∶//").replace("www.", "www․");
    }

    /** UTF-8 length of {@code s}: the unit of WeCom's and DingTalk's limits. */
    public static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code s} within {@code maxBytes} UTF-8 bytes, never splitting a character or a surrogate pair. */
    public static String clipBytes(String s, int maxBytes) {
        if (bytes(s) <= maxBytes) {
            return s;
        }
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + n > maxBytes) {
                break;
            }
            used += n;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }
}
