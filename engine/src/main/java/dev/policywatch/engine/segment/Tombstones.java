package dev.policywatch.engine.segment;

import java.util.Locale;
import java.util.regex.Pattern;

/** Stubs that only say a provision is gone: "第X条（删除）", "(Retired) … Superseded by …". */
final class Tombstones {

    private static final Pattern CN_TOMBSTONE = Pattern.compile("^[（(【\\[]?\\s*(删除|刪除|已删除|已刪除|废止|廢止|删去|刪去)\\s*[)）】\\]]?[。.]?$");
    private static final Pattern EN_TOMBSTONE = Pattern.compile(
            "(?i)^[\\[(]?\\s*(retired|withdrawn|repealed|reserved|deleted|removed|rescinded|revoked|omitted)\\s*[)\\]]?\\.?$");
    private static final Pattern TITLE_TOMBSTONE = Pattern.compile(
            "(?i)[\\[(]\\s*(retired|withdrawn|repealed|deleted|removed|rescinded|revoked|reserved)\\s*[)\\]]");
    private static final Pattern SUPERSEDED = Pattern.compile("(?i)\\b(superseded|replaced)\\s+by\\b|\\b(retired|withdrawn)\\b");

    private Tombstones() {
    }

    static boolean isTombstone(String label, String title, String text) {
        String t = text.strip();
        if (label.startsWith("第") && CN_TOMBSTONE.matcher(t).matches()) {
            return true;
        }
        if (TITLE_TOMBSTONE.matcher(title).find()) {
            return true;
        }
        if (EN_TOMBSTONE.matcher(t).matches() && title.isEmpty()) {
            return true;
        }
        if (EN_TOMBSTONE.matcher(title.strip()).matches() && t.length() < 300) {
            return true;
        }
        // "This KSI ID was retired ... Superseded by KSI-AFR-05": short, says both
        return t.length() < 300 && t.toLowerCase(Locale.ROOT).contains("superseded by")
                && SUPERSEDED.matcher(t).results().count() >= 2;
    }
}
