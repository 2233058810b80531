package dev.policywatch.engine.extract;

import dev.policywatch.events.Block;
import java.util.List;

/** Guesses the language of extracted text from its scripts: {@code zh}, {@code ja}, {@code en}, or null. */
final class Languages {

    private static final int SAMPLE = 20_000;

    private Languages() {
    }

    static String guess(List<Block> blocks) {
        int han = 0;
        int kana = 0;
        int latin = 0;
        int seen = 0;
        outer:
        for (Block block : blocks) {
            String t = block.text();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (isHan(c)) {
                    han++;
                } else if (c >= '\u3040' && c <= '\u30FF') {
                    kana++;
                } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                    latin++;
                }
                if (++seen > SAMPLE) {
                    break outer;
                }
            }
        }
        int letters = han + kana + latin;
        if (letters < 20) {
            return null;
        }
        if (kana > letters / 20 && han + kana > latin) {
            return "ja";
        }
        if (han > latin / 3) {
            return "zh";
        }
        return latin > letters * 9 / 10 ? "en" : null;
    }

    private static boolean isHan(char c) {
        if (c >= '\u4E00' && c <= '\u9FFC') {
            return true; // the common case (assigned in Unicode 13), without the script table's search
        }
        return c >= '\u2E80' && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
