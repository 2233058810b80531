package dev.policywatch.engine.lineage;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The draft status a document title carries, and the title without it.
 * <ul>
 *   <li>Chinese: 征求意见稿, 草案 (修订草案, 修正草案…), 送审稿, 草稿, 试行, 讨论稿 — inside brackets
 *       （…）, (…), 【…】, 〔…〕 anywhere, or at the very end of the title. So "…条例（草案）" and
 *       "…办法征求意见稿" are drafts, while "关于草案起草工作的说明", whose 草案 is part of the words, is not.</li>
 *   <li>English, whole words, any case: "draft" (not "drafting", "drafted"), "exposure draft",
 *       "proposed rule", "notice of proposed rulemaking", "proposed", "for comment", "for public
 *       comment", "request for comments".</li>
 * </ul>
 * {@link #key} is what titles are compared by: the title without markers, NFKC, lower case, without
 * spaces and punctuation. Stateless and thread-safe.
 */
public final class DraftMarkers {

    private static final String CN = "(?:征求意见稿|修订草案|修正草案|草案|送审稿|草稿|讨论稿|试行)";
    /** A Chinese marker alone (with optional extra words such as 二次审议稿) in brackets. */
    private static final Pattern CN_BRACKETED = Pattern.compile(
            "[（(【〔\\[]\\s*(?:[^（）()【】〔〕\\[\\]]{0,8}?)" + CN + "(?:[^（）()【】〔〕\\[\\]]{0,6}?)\\s*[）)】〕\\]]");
    private static final Pattern CN_TRAILING = Pattern.compile(CN + "\\s*$");
    private static final Pattern EN = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(?:notice\\s+of\\s+proposed\\s+rulemaking"
            + "|exposure\\s+draft|public\\s+review\\s+draft|proposed\\s+rule|request\\s+for\\s+(?:public\\s+)?comments?"
            + "|for\\s+(?:public\\s+)?comments?|draft|proposed|nprm)(?![\\p{L}\\p{N}])");
    private static final Pattern EN_BRACKETS = Pattern.compile("[(\\[]\\s*[)\\]]");
    private static final Pattern NOT_KEY = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s]+");

    private DraftMarkers() {
    }

    /** The draft marker {@code title} carries as printed ("征求意见稿", "Proposed rule"), if any. */
    public static Optional<String> marker(String title) {
        if (title == null || title.isBlank()) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(title, Normalizer.Form.NFKC).strip();
        Matcher m = CN_BRACKETED.matcher(t);
        if (m.find()) {
            Matcher inner = Pattern.compile(CN).matcher(m.group());
            inner.find();
            return Optional.of(inner.group());
        }
        m = CN_TRAILING.matcher(t);
        if (m.find()) {
            return Optional.of(m.group().strip());
        }
        m = EN.matcher(t);
        if (m.find()) {
            return Optional.of(m.group().replaceAll("\\s+", " "));
        }
        return Optional.empty();
    }

    /** Whether the title says the document is a draft (or a trial version). */
    public static boolean isDraft(String title) {
        return marker(title).isPresent();
    }

    /** The title without its draft markers (and the brackets that held them), white space collapsed. */
    public static String strip(String title) {
        if (title == null) {
            return "";
        }
        String t = Normalizer.normalize(title, Normalizer.Form.NFKC);
        t = CN_BRACKETED.matcher(t).replaceAll("");
        t = CN_TRAILING.matcher(t.strip()).replaceAll("");
        t = EN.matcher(t).replaceAll(" ");
        t = EN_BRACKETS.matcher(t).replaceAll(" ");
        t = t.replaceAll("^[\\s:;,.\\-–—]+|[\\s:;,\\-–—]+$", "");
        return t.replaceAll("\\s+", " ").strip();
    }

    /** What titles are compared by: {@link #strip}, lower case, without spaces, punctuation or symbols. */
    public static String key(String title) {
        return NOT_KEY.matcher(strip(title).toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** Whether the text is mostly Chinese or Japanese (decides the language of a headline when unknown). */
    public static boolean cjk(String text) {
        if (text == null) {
            return false;
        }
        int han = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                    han++;
                }
            }
        }
        return letters > 0 && han * 2 >= letters;
    }
}
