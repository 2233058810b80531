package dev.policywatch.engine.extract;

import java.util.ArrayList;
import java.util.List;

/** Line splitting and clipping shared by the text formats. */
final class Lines {

    private Lines() {
    }

    /** Splits on \n, \r\n and \r without regular expressions (bounded on 20 MB input). */
    static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
