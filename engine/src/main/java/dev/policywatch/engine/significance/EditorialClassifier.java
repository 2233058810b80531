package dev.policywatch.engine.significance;

import dev.policywatch.engine.align.CanonicalText;
import dev.policywatch.events.EditorialKind;
import dev.policywatch.events.Significance;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether the difference between two texts of a provision is editorial (CONTRACT §2).
 *
 * <p>Both texts are cut into tokens (a Latin word, one CJK character, a mark, a run of white space, a
 * symbol). Each editorial kind is a normalisation of those tokens: {@code PUNCTUATION} drops marks,
 * {@code WHITESPACE} drops white space, {@code WIDTH} folds full-width letters and digits,
 * {@code VARIANT} maps variant characters and spellings to one form (帐→账, 其它→其他, colour→color,
 * e-mail→email, capitalisation) and {@code CROSS_REFERENCE} masks the numbers of references. The change
 * is editorial only when the token sequences are then equal <em>and</em> every reference that changed
 * now cites what the cited provision became in this very alignment. The kinds reported are those
 * without which the texts would differ.
 *
 * <p>What keeps it safe: a word is a token, so white space never joins or splits words ("a part" is
 * not "apart"); a mark between two digits is part of the number (1.5 is not 15); symbols that carry
 * meaning (% § / & #) are never dropped; an all-capital word keeps its case (US is not us); the variant
 * tables hold only pairs with one meaning. Anything else is {@link Significance#SUBSTANTIVE}.
 */
final class EditorialClassifier {

    /** The verdict on one pair of texts. */
    record Verdict(Significance significance, List<EditorialKind> kinds) {
        static final Verdict SUBSTANTIVE = new Verdict(Significance.SUBSTANTIVE, List.of());
    }

    private static final List<EditorialKind> TEXT_KINDS = List.of(
            EditorialKind.PUNCTUATION, EditorialKind.WHITESPACE, EditorialKind.WIDTH, EditorialKind.VARIANT);

    /** Variant characters and words of Chinese legal text, each mapped to the standard form (异形词整理表). */
    private static final String[][] CN_VARIANTS = {
            {"其它", "其他"}, {"帐", "账"}, {"惟一", "唯一"}, {"身分", "身份"}, {"部份", "部分"}, {"成份", "成分"},
            {"凭藉", "凭借"}, {"藉口", "借口"}, {"重迭", "重叠"}, {"〇", "零"}, {"做为", "作为"}, {"週", "周"},
    };

    /** UK → US spellings and other same-meaning variants of whole English words (lower case). */
    private static final Map<String, String> EN_WORDS = Map.ofEntries(
            Map.entry("centre", "center"), Map.entry("centres", "centers"), Map.entry("metre", "meter"),
            Map.entry("metres", "meters"), Map.entry("litre", "liter"), Map.entry("litres", "liters"),
            Map.entry("fibre", "fiber"), Map.entry("fibres", "fibers"), Map.entry("theatre", "theater"),
            Map.entry("defence", "defense"), Map.entry("defences", "defenses"), Map.entry("offence", "offense"),
            Map.entry("offences", "offenses"), Map.entry("licence", "license"), Map.entry("licences", "licenses"),
            Map.entry("pretence", "pretense"), Map.entry("judgement", "judgment"), Map.entry("judgements", "judgments"),
            Map.entry("acknowledgement", "acknowledgment"), Map.entry("acknowledgements", "acknowledgments"),
            Map.entry("ageing", "aging"), Map.entry("programme", "program"), Map.entry("programmes", "programs"),
            Map.entry("catalogue", "catalog"), Map.entry("catalogues", "catalogs"), Map.entry("analogue", "analog"),
            Map.entry("dialogue", "dialog"), Map.entry("grey", "gray"), Map.entry("aluminium", "aluminum"),
            Map.entry("sceptical", "skeptical"), Map.entry("towards", "toward"), Map.entry("amongst", "among"),
            Map.entry("whilst", "while"), Map.entry("afterwards", "afterward"), Map.entry("analyse", "analyze"),
            Map.entry("analysed", "analyzed"), Map.entry("analysing", "analyzing"), Map.entry("cancelled", "canceled"),
            Map.entry("cancelling", "canceling"), Map.entry("labelled", "labeled"), Map.entry("labelling", "labeling"),
            Map.entry("modelled", "modeled"), Map.entry("modelling", "modeling"), Map.entry("travelled", "traveled"),
            Map.entry("travelling", "traveling"), Map.entry("fuelled", "fueled"), Map.entry("signalled", "signaled"),
            Map.entry("counselling", "counseling"), Map.entry("counsellor", "counselor"),
            Map.entry("enrolment", "enrollment"), Map.entry("enrol", "enroll"), Map.entry("enrols", "enrolls"),
            Map.entry("fulfil", "fulfill"), Map.entry("fulfils", "fulfills"), Map.entry("fulfilment", "fulfillment"),
            Map.entry("instalment", "installment"), Map.entry("instalments", "installments"),
            Map.entry("skilful", "skillful"), Map.entry("wilful", "willful"), Map.entry("wilfully", "willfully"));

    /** Stems spelt -our in British English (colour, favourable, labourer → color, favorable, laborer). */
    private static final List<String> OUR_STEMS = List.of("colour", "honour", "labour", "favour", "rumour", "vigour",
            "armour", "humour", "odour", "valour", "harbour", "behaviour", "neighbour", "endeavour", "savour",
            "flavour", "parlour", "clamour", "splendour", "saviour", "candour", "rancour", "ardour", "fervour",
            "tumour", "demeanour");
    private static final Pattern ISE = Pattern.compile("(\\p{L}{3,})is(e|ed|es|ing|ation|ations|er|ers)$");

    /** The numbers of a cross-reference, as {@link CanonicalText} finds them (第十条, Article 10, Section 3.2, § 1.2). */
    private static final Pattern REFERENCE = Pattern.compile(
            "第([零〇一二两三四五六七八九十百千万0-9０-９]+)条(之[一二三四五六七八九十]+)?"
                    + "|(?i:\\b(?:article|section|sec\\.|art\\.))\\s*\\d+[a-z]?(?:\\.\\d+)*"
                    + "|§{1,2}\\s*\\d+[a-z]?(?:\\.\\d+)*");
    private static final char REF_MASK = '\uE000';
    /** The Han characters a masked reference may take away ({@link #REFERENCE}). */
    private static final String REFERENCE_HAN = "第条之零一二两三四五六七八九十百千万";
    private static final char WORD_TOKEN = 'w';
    private static final char SPACE_TOKEN = 's';
    private static final char NUMBER_MARK_TOKEN = 'n';
    private static final char MARK_TOKEN = 'p';
    private static final char CHAR_TOKEN = 'c';
    private static final char HYPHEN_TOKEN = 'h';
    /** Ends a token of variable length (a word or a run of white space, which never contain it). */
    private static final char END = '\u0001';

    private EditorialClassifier() {
    }

    /**
     * The verdict on a provision whose text went from {@code oldText} to {@code newText}, given what each
     * old provision label became in this alignment ({@code labelMap}; a label absent from it is taken to
     * be unchanged, a removed provision maps to null).
     */
    static Verdict classify(String oldText, String newText, Map<String, String> labelMap) {
        String a = oldText == null ? "" : oldText;
        String b = newText == null ? "" : newText;
        if (a.equals(b)) {
            return new Verdict(Significance.EDITORIAL, List.of());
        }
        List<String> refsA = CanonicalText.references(a);
        List<String> refsB = CanonicalText.references(b);
        boolean refsChanged = !refsA.equals(refsB);
        if (refsChanged && !referencesFollow(refsA, refsB, labelMap)) {
            return Verdict.SUBSTANTIVE;
        }
        if (hanOutsideReferences(a) != hanOutsideReferences(b)) {
            return Verdict.SUBSTANTIVE; // a Chinese word was added or removed: no normalisation evens that out
        }
        Set<EditorialKind> all = EnumSet.of(EditorialKind.PUNCTUATION, EditorialKind.WHITESPACE, EditorialKind.WIDTH,
                EditorialKind.VARIANT, EditorialKind.CROSS_REFERENCE);
        if (!equalUnder(a, b, all)) {
            return Verdict.SUBSTANTIVE;
        }
        List<EditorialKind> kinds = new ArrayList<>();
        for (EditorialKind k : TEXT_KINDS) {
            Set<EditorialKind> without = EnumSet.copyOf(all);
            without.remove(k);
            if (!equalUnder(a, b, without)) {
                kinds.add(k);
            }
        }
        if (refsChanged) {
            kinds.add(EditorialKind.CROSS_REFERENCE);
        }
        if (kinds.isEmpty()) {
            // each difference is covered by two normalisations at once: name every kind that touches the texts
            for (EditorialKind k : TEXT_KINDS) {
                Set<EditorialKind> only = EnumSet.of(k);
                if (!keyOf(a, only, true).equals(keyOf(a, EnumSet.noneOf(EditorialKind.class), true))
                        || !keyOf(b, only, true).equals(keyOf(b, EnumSet.noneOf(EditorialKind.class), true))) {
                    kinds.add(k);
                }
            }
            if (kinds.isEmpty()) {
                return Verdict.SUBSTANTIVE;
            }
        }
        return new Verdict(Significance.EDITORIAL, List.copyOf(kinds));
    }

    /**
     * The number of Han characters that no normalisation removes: all but those a masked reference
     * can consist of (第, 条, 之 and the numerals). Each variant replaces Han characters one for one, so
     * two texts equal under every normalisation have the same count; a different count is a
     * substantive change, found without tokenising either text.
     */
    static int hanOutsideReferences(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u4E00' && c <= '\u9FFF' && REFERENCE_HAN.indexOf(c) < 0) {
                count++;
            }
        }
        return count;
    }

    /** True when every cited provision in the new text is the old one or what the old one became. */
    static boolean referencesFollow(List<String> a, List<String> b, Map<String, String> labelMap) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            String from = a.get(k);
            String to = b.get(k);
            if (to.equals(from)) {
                continue;
            }
            if (!labelMap.containsKey(from) || !to.equals(labelMap.get(from))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalUnder(String a, String b, Set<EditorialKind> on) {
        String pa = prepared(a, on);
        String pb = prepared(b, on);
        // hyphenation: e-mail = email (join) and decision-making = decision making (split)
        return key(pa, on, true).equals(key(pb, on, true)) || key(pa, on, false).equals(key(pb, on, false));
    }

    /** {@link #key} of the text itself. */
    static String keyOf(String text, Set<EditorialKind> on, boolean joinHyphens) {
        return key(prepared(text, on), on, joinHyphens);
    }

    /** The text with the character-level normalisations of {@code on}: width, variants, reference numbers. */
    private static String prepared(String text, Set<EditorialKind> on) {
        String s = text;
        if (on.contains(EditorialKind.WIDTH)) {
            s = foldWidth(s);
        }
        if (on.contains(EditorialKind.VARIANT)) {
            for (String[] v : CN_VARIANTS) {
                s = s.replace(v[0], v[1]);
            }
        }
        // a reference needs 条, § or a Latin word (Article, Section, Sec., Art.): skip the scan without them
        if (on.contains(EditorialKind.CROSS_REFERENCE) && (s.indexOf('条') >= 0 || s.indexOf('§') >= 0 || hasAsciiLetter(s))) {
            s = REFERENCE.matcher(s).replaceAll(Matcher.quoteReplacement(String.valueOf(REF_MASK)));
        }
        return s;
    }

    private static boolean hasAsciiLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                return true;
            }
        }
        return false;
    }

    /**
     * The token sequence of {@code s} (a text {@link #prepared} for {@code on}) with the normalisations
     * of {@code on} applied, written as one string: two texts have the same tokens exactly when their keys are equal. Each token is a tag
     * then its text: a word ({@code w}) and a run of white space ({@code s}) end with U+0001, which
     * neither holds; a number mark ({@code n}), a punctuation mark ({@code p}) and any other character
     * ({@code c}) are the tag and that one character; a hyphen inside a word is the tag {@code h}
     * alone. (A prefix-free code, so comparing keys compares the token lists without building them.)
     * Tokens: a Latin word, a run of white space, a mark between two digits (part of the number), a
     * hyphen between two Latin letters, another punctuation mark, any other character.
     */
    private static String key(String s, Set<EditorialKind> on, boolean joinHyphens) {
        boolean variant = on.contains(EditorialKind.VARIANT);
        boolean dropSpace = on.contains(EditorialKind.WHITESPACE);
        boolean dropMarks = on.contains(EditorialKind.PUNCTUATION);
        StringBuilder out = new StringBuilder(s.length() * 2 + 16);
        int lastWord = -1; // where the last token written starts, when it is a word; else -1
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                int j = i;
                while (j < n && isSpace(s.charAt(j))) {
                    j++;
                }
                if (!dropSpace) {
                    out.append(SPACE_TOKEN).append(s, i, j).append(END);
                    lastWord = -1;
                }
                i = j;
            } else if (isLatinWordChar(c)) {
                int j = i;
                while (j < n && isLatinWordChar(s.charAt(j))) {
                    j++;
                }
                lastWord = out.length();
                out.append(WORD_TOKEN).append(variant ? word(s.substring(i, j)) : s.substring(i, j)).append(END);
                i = j;
            } else if (isMark(c)) {
                char prev = i > 0 ? s.charAt(i - 1) : ' ';
                char next = i + 1 < n ? s.charAt(i + 1) : ' ';
                if (isDigitLike(prev) && isDigitLike(next)) {
                    out.append(NUMBER_MARK_TOKEN).append(c); // part of a number: 1.5, 1,000, 1-5
                    lastWord = -1;
                    i++;
                } else if (isDash(c) && isLatinLetter(prev) && isLatinLetter(next)) {
                    if (!variant) {
                        out.append(HYPHEN_TOKEN);
                        lastWord = -1;
                        i++;
                    } else if (joinHyphens && lastWord >= 0) {
                        // e-mail → email: the word before (already in its variant-free form) joins the word after
                        int j = i + 1;
                        while (j < n && isLatinWordChar(s.charAt(j))) {
                            j++;
                        }
                        String before = out.substring(lastWord + 1, out.length() - 1);
                        out.setLength(lastWord);
                        out.append(WORD_TOKEN).append(word(before + s.substring(i + 1, j))).append(END);
                        i = j;
                    } else {
                        i++; // decision-making = decision making
                    }
                } else {
                    if (!dropMarks) {
                        out.append(MARK_TOKEN).append(c);
                        lastWord = -1;
                    }
                    i++;
                }
            } else {
                out.append(CHAR_TOKEN).append(c);
                lastWord = -1;
                i++;
            }
        }
        return out.toString();
    }

    /** One English word in its variant-free form: lower case (acronyms kept), US spelling. */
    private static String word(String w) {
        boolean acronym = w.length() >= 2 && w.equals(w.toUpperCase(Locale.ROOT)) && !w.equals(w.toLowerCase(Locale.ROOT));
        String s = acronym ? w : w.toLowerCase(Locale.ROOT);
        if (!acronym) {
            s = EN_WORDS.getOrDefault(s, s);
            for (String stem : OUR_STEMS) {
                if (s.startsWith(stem)) {
                    s = stem.substring(0, stem.length() - 2) + "r" + s.substring(stem.length());
                    break;
                }
            }
            Matcher m = ISE.matcher(s);
            if (m.matches()) {
                s = m.group(1) + "iz" + m.group(2);
            }
        }
        return s;
    }

    private static String foldWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean wideAlnum = (c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ');
            sb.append(wideAlnum ? (char) (c - 0xFEE0) : c);
        }
        return sb.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    private static boolean isLatinLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '\u00C0' && c <= '\u024F' && Character.isLetter(c));
    }

    private static boolean isLatinWordChar(char c) {
        return isLatinLetter(c) || (c >= '0' && c <= '9') || (c >= '０' && c <= '９')
                || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ');
    }

    private static boolean isDigitLike(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９') || "零〇一二两三四五六七八九十百千万亿".indexOf(c) >= 0;
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    /** A punctuation mark that can be dropped: not the symbols that carry meaning. */
    private static boolean isMark(char c) {
        if ("%％‰‱§¶&＆#＃@＠/／\\*＊†‡".indexOf(c) >= 0) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }
}
