package dev.policywatch.engine.significance;

import dev.policywatch.events.FactKind;
import dev.policywatch.events.FactValue;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the facts of one provision text (CONTRACT §2): fines, deadlines, effective dates and the
 * binding modal verbs, in Chinese and English. The grammar is deliberately narrow: a number is read
 * only where the words around it say exactly what it is (a fine ends in 罚款, or in Traditional Chinese
 * 罰鍰/罰款 with 新臺幣 amounts in TWD, or follows fine/penalty;
 * a deadline ends in 内/以内 or follows "within"), so a fact is left out rather than misread.
 * docs/significance.md lists the forms and their limits. Stateless.
 */
final class FactReader {

    /** One fact read from a text, where it stands and what precedes it (to pair old and new). */
    record Found(FactKind kind, FactValue value, int start, String context) {
    }

    // ---- Chinese fines ------------------------------------------------------------------------
    private static final String CN_NUM = "[零〇一二两三四五六七八九十百千万亿]+";
    private static final String AR_NUM = "[0-9０-９]+(?:[.,．][0-9０-９]+)*[十百千万亿]*";
    private static final String NUM = "(?:" + AR_NUM + "|" + CN_NUM + ")";
    private static final String PCT = "(?:[百千]分之(?:" + CN_NUM + "(?:点[零〇一二三四五六七八九]+)?|[0-9]+(?:\\.[0-9]+)?)"
            + "|[0-9０-９]+(?:\\.[0-9]+)?\\s*[%％])";
    /** A quantity: an amount (元), a multiple (倍) or a percentage; the unit of a range's lower bound may be left out. */
    private static final String Q = "(?:" + PCT + "|" + NUM + "(?:元|倍)?)";
    private static final String QU = "(?:" + PCT + "|" + NUM + "(?:元|倍))";
    private static final Pattern CN_FINE = Pattern.compile(
            "(?:(?<lo>" + Q + ")(?<sep>以上|至|到|[-－—–~～])(?:[\\u4e00-\\u9fa5]{0,8}?)(?<hi>" + QU + ")(?:以下)?"
                    + "|(?:不超过|最高|最多)(?<cap>" + QU + ")(?:以下)?"
                    + "|(?<max>" + QU + ")(?:以下|以内)"
                    + "|(?<min>" + QU + ")以上"
                    + "|(?<fixed>" + NUM + "元))"
                    + "(?:的)?(?:行政)?罚款");

    // ---- English fines ------------------------------------------------------------------------
    private static final String MONEY = "(?:(?<cur>US\\$|\\$|€|£|¥|USD|EUR|GBP|CNY|RMB)\\s?(?<n>\\d[\\d,]*(?:\\.\\d+)?)"
            + "(?:\\s?(?<sc>million|billion|thousand|mn|bn|m|k)\\b)?"
            + "|(?<n2>\\d[\\d,]*(?:\\.\\d+)?)(?:\\s?(?<sc2>million|billion|thousand)\\b)?\\s?(?<cur2>dollars|euros|pounds|yuan|renminbi|USD|EUR|GBP|CNY|RMB)\\b)";
    private static final Pattern EN_MONEY = Pattern.compile(MONEY, Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_FINE_WORD = Pattern.compile(
            "\\b(?:fines?|fined|penalt(?:y|ies)|forfeit(?:ure)?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_MAX = Pattern.compile(
            "(?:not\\s+more\\s+than|no\\s+more\\s+than|not\\s+exceeding|not\\s+to\\s+exceed|up\\s+to|a\\s+maximum\\s+of|maximum\\s+of|at\\s+most|of\\s+up\\s+to)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_MIN = Pattern.compile(
            "(?:not\\s+less\\s+than|no\\s+less\\s+than|at\\s+least|a\\s+minimum\\s+of|minimum\\s+of)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_BETWEEN = Pattern.compile("(?:between|from)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_JOIN = Pattern.compile(
            "^\\s*(?:and|to|-|–|—|through)\\s*(?:(?:not\\s+)?(?:more\\s+than|exceeding)\\s*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_JOIN_MAX = Pattern.compile(
            "^\\s*,?\\s*(?:and|nor|but)\\s+(?:not\\s+)?(?:more\\s+than|exceeding|to\\s+exceed)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_PCT_FINE = Pattern.compile(
            "(?<bound>up\\s+to|not\\s+more\\s+than|not\\s+exceeding|not\\s+to\\s+exceed|a\\s+maximum\\s+of)?\\s*(?<n>\\d+(?:\\.\\d+)?)\\s?(?:%|percent|per\\s+cent)\\s+of\\s+(?:the\\s+|its\\s+|their\\s+)?(?<base>[a-z ,-]{0,80}?(?:turnover|revenue|sales|gains?|profits?|proceeds))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_TIMES_FINE = Pattern.compile(
            "(?<bound>up\\s+to|not\\s+more\\s+than|not\\s+exceeding)?\\s*(?<n>\\w+)\\s+times\\s+the\\s+(?:amount\\s+of\\s+(?:the\\s+)?)?(?<base>[a-z -]{0,40}?(?:gains?|profits?|proceeds|turnover|revenue|sales|benefit))",
            Pattern.CASE_INSENSITIVE);

    // ---- deadlines ----------------------------------------------------------------------------
    private static final Pattern CN_DEADLINE = Pattern.compile(
            "(?<n>" + NUM + ")(?<unit>个工作日|工作日|个月|日|天|年)(?:内|以内|之内)");
    private static final Pattern EN_DEADLINE = Pattern.compile(
            "\\b(?:within|no\\s+later\\s+than|not\\s+later\\s+than|no\\s+more\\s+than|not\\s+more\\s+than|within\\s+a\\s+period\\s+of|in\\s+no\\s+more\\s+than)\\s+"
                    + "(?<n>\\d[\\d,]*|[a-z]+(?:-[a-z]+)?)\\s+(?:\\((?<paren>\\d+)\\)\\s+)?(?<kind>calendar\\s+|business\\s+|working\\s+)?(?<unit>days?|months?|years?)\\b",
            Pattern.CASE_INSENSITIVE);

    // ---- effective dates ----------------------------------------------------------------------
    private static final String CN_YEAR = "(?<y>[0-9０-９]{4}|[〇零一二三四五六七八九]{4})";
    private static final String CN_MD = "(?<m>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?<d>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日";
    private static final Pattern CN_EFFECTIVE = Pattern.compile(
            "(?:自|从|于)?" + CN_YEAR + "年" + CN_MD + "(?:起)?(?:施行|实施|生效|起施行|起实施|起生效)");
    private static final String EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
    private static final Pattern EN_EFFECTIVE = Pattern.compile(
            "\\b(?:effective|takes?\\s+effect|shall\\s+take\\s+effect|comes?\\s+into\\s+force|enters?\\s+into\\s+force|shall\\s+become\\s+effective|becomes?\\s+effective|effective\\s+date(?:\\s+of\\s+[^.;]{0,60}?)?\\s+(?:is|shall\\s+be))"
                    + "\\s+(?:on\\s+|as\\s+of\\s+|from\\s+|beginning\\s+)?"
                    + "(?:(?<mon>" + EN_MONTHS + ")\\s+(?<day>\\d{1,2}),?\\s+(?<year>\\d{4})"
                    + "|(?<day2>\\d{1,2})\\s+(?<mon2>" + EN_MONTHS + ")\\s+(?<year2>\\d{4})"
                    + "|(?<iso>\\d{4}-\\d{2}-\\d{2}))");

    // ---- obligations --------------------------------------------------------------------------
    /** The binding modal verbs, in the order notes and facts list them. */
    static final List<String> CN_MODALS = List.of("应当", "必须", "不得", "禁止", "可以");
    static final List<String> EN_MODALS = List.of("shall", "shall not", "must", "must not", "may", "may not", "should");
    private static final Pattern EN_MODAL = Pattern.compile(
            "\\b(shall|must|may|should)(\\s+not)?\\b(?!\\s+\\d)", Pattern.CASE_INSENSITIVE);

    private FactReader() {
    }

    /** Every fact of {@code text}, in order of position (obligations last). */
    static List<Found> read(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Found> out = new ArrayList<>();
        // every English form needs an ASCII letter (the patterns are not Unicode-case-insensitive):
        // a text without one, as most Chinese provisions are, skips those scans
        boolean latin = hasAsciiLetter(text);
        // each English expression needs a word of its own (times, percent, within, effect, …): the
        // lower-cased text is searched for it first. The expressions fold ASCII case only, and
        // lower-casing keeps every ASCII occurrence, so a skipped scan could not have matched
        String lower = latin ? text.toLowerCase(Locale.ROOT) : null;
        chineseFines(text, out);
        if (latin) {
            englishFines(text, lower, out);
        }
        deadlines(text, out, lower);
        effectiveDates(text, out, lower);
        out.sort(Comparator.comparingInt(Found::start));
        FactValue modals = modals(text, latin);
        if (modals != null) {
            out.add(new Found(FactKind.OBLIGATION, modals, text.length(), ""));
        }
        return out;
    }

    // ------------------------------------------------------------------------------ fines, zh

    private static void chineseFines(String original, List<Found> out) {
        // Traditional forms read as their Simplified ones, character for character (positions stay):
        // Taiwan's 處新臺幣三千元以上一萬五千元以下罰鍰 is the same range as 三千元以上一万五千元以下罚款
        String text = simplifiedFineWords(original);
        // Every match ends in 罚款, and every character of a match is a Han character, a digit, a
        // number or range mark or white space (see finePart): a match lies inside one run of such
        // characters that holds 罚款. Only those runs are scanned, in order, each as a region of its
        // own: the same matches as a scan of the whole text, without trying the regex at every
        // position of the many clauses that cannot hold a fine.
        Matcher m = CN_FINE.matcher(text);
        int from = 0;
        int at = text.indexOf("罚款");
        while (at >= 0) {
            int runStart = at;
            while (runStart > from && finePart(text.charAt(runStart - 1))) {
                runStart--;
            }
            int runEnd = at + 2;
            while (runEnd < text.length() && finePart(text.charAt(runEnd))) {
                runEnd++;
            }
            int next = Math.max(runStart, from);
            while (next < runEnd) {
                m.region(next, runEnd);
                if (!m.find()) {
                    break;
                }
                FactValue v = chineseFine(text, m);
                if (v != null) {
                    out.add(new Found(FactKind.FINE, v, m.start(), context(text, m.start())));
                    next = m.end();
                } else {
                    next = m.start() + 1; // 统一五千元: the numeral took a character too many; try again after it
                }
            }
            from = Math.max(next, runEnd);
            at = text.indexOf("罚款", from);
        }
    }

    /** 罰鍰/罰款 → 罚款, 萬/億/兩 → 万/亿/两; the same length, so every position of the text holds. */
    static String simplifiedFineWords(String text) {
        if (text.indexOf('罰') < 0) {
            return text;
        }
        return text.replace("罰鍰", "罚款").replace("罰款", "罚款").replace('萬', '万').replace('億', '亿').replace('兩', '两');
    }

    /** New Taiwan dollars where the amount follows 新臺幣 (新台幣, 新台币), else yuan. */
    private static String currency(String text, int start) {
        String before = text.substring(Math.max(0, start - 3), start);
        return before.endsWith("臺幣") || before.endsWith("台幣") || before.endsWith("台币") ? "TWD" : "CNY";
    }

    /** Whether {@code c} can be part of a Chinese fine expression (CN_FINE matches nothing else). */
    private static boolean finePart(char c) {
        return (c >= '\u4e00' && c <= '\u9fa5') || c == '〇' || (c >= '0' && c <= '9') || (c >= '０' && c <= '９')
                || ".,．-－—–~～%％".indexOf(c) >= 0 || c == ' ' || c == '\t' || c == '\n' || c == '\u000B'
                || c == '\f' || c == '\r';
    }

    private static FactValue chineseFine(String text, Matcher m) {
        if (m.group("lo") != null) {
            String lo = m.group("lo");
            String hi = m.group("hi");
            Qty h = qty(hi);
            Qty l = qty(lo);
            if (h == null || l == null) {
                return null;
            }
            if (l.unit == null) {
                l = new Qty(l.value, h.unit); // 一万至十万元: the lower bound takes the upper bound's unit
            }
            if (!l.unit.equals(h.unit)) {
                return null; // 一万元以上违法所得二倍以下: two different things, not one range
            }
            return h.unit.equals("元")
                    ? FactValue.amount(l.value, h.value, currency(text, m.start()))
                    : FactValue.multiple(l.value, h.value, base(text, m.start()));
        }
        String one = firstNonNull(m.group("cap"), m.group("max"));
        boolean isMax = one != null;
        if (one == null) {
            one = m.group("min");
        }
        if (one != null) {
            Qty q = qty(one);
            if (q == null || q.unit == null) {
                return null;
            }
            BigDecimal lo = isMax ? null : q.value;
            BigDecimal hi = isMax ? q.value : null;
            return q.unit.equals("元") ? FactValue.amount(lo, hi, currency(text, m.start()))
                    : FactValue.multiple(lo, hi, base(text, m.start()));
        }
        Qty fixed = qty(m.group("fixed"));
        return fixed == null ? null : FactValue.amount(fixed.value, fixed.value, currency(text, m.start()));
    }

    /** A quantity with its unit: 元 (amount), 倍 or % (multiple, a percentage as a fraction), or null (no unit). */
    private record Qty(BigDecimal value, String unit) {
    }

    private static Qty qty(String s) {
        String t = Numbers.fold(s).trim();
        if (t.startsWith("百分之") || t.startsWith("千分之") || t.endsWith("%")) {
            BigDecimal p = Numbers.percent(t);
            return p == null ? null : new Qty(p, "倍");
        }
        String unit = null;
        if (t.endsWith("元") || t.endsWith("倍")) {
            unit = t.substring(t.length() - 1);
            t = t.substring(0, t.length() - 1);
        }
        BigDecimal v = Numbers.parse(t);
        return v == null ? null : new Qty(v, unit);
    }

    /** What a multiple is of, from the words just before it (违法所得一倍以上 → ILLEGAL_GAINS). */
    private static String base(String text, int at) {
        int from = at;
        while (from > 0 && at - from < 14 && isHan(text.charAt(from - 1))) {
            from--;
        }
        String before = text.substring(from, at);
        if (before.contains("所得")) {
            return "ILLEGAL_GAINS";
        }
        if ((before.contains("违法") || before.contains("非法"))
                && (before.contains("经营额") || before.contains("营业额") || before.contains("销售额") || before.contains("收入"))) {
            return "ILLEGAL_TURNOVER";
        }
        if (before.contains("年度") && (before.contains("销售额") || before.contains("营业额") || before.contains("营业收入"))) {
            return "PRIOR_YEAR_SALES";
        }
        return "OTHER";
    }

    // ------------------------------------------------------------------------------ fines, en

    private static void englishFines(String text, String lower, List<Found> out) {
        if (!(lower.contains("fine") || lower.contains("penalt") || lower.contains("forfeit"))
                || !EN_FINE_WORD.matcher(text).find()) {
            return;
        }
        Set<Integer> used = new java.util.HashSet<>();
        Starts m = new Starts(EN_MONEY, text, "0123456789$\u20AC\u00A3\u00A5uegcr", false); // US$ $ € £ ¥ USD EUR GBP CNY RMB, digits
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.matcher.start(), m.matcher.end()});
        }
        for (int k = 0; k < spans.size(); k++) {
            if (used.contains(k)) {
                continue;
            }
            int start = spans.get(k)[0];
            int end = spans.get(k)[1];
            if (!fineClauseBefore(text, start)) {
                continue;
            }
            BigDecimal amount = money(text, start, end);
            String currency = currency(text, start, end);
            if (amount == null) {
                continue;
            }
            String lead = text.substring(Math.max(0, start - 40), start);
            BigDecimal lo = amount;
            BigDecimal hi = amount;
            int factStart = start;
            if (k + 1 < spans.size() && EN_BETWEEN.matcher(lead).find()) {
                String join = text.substring(end, spans.get(k + 1)[0]);
                if (EN_JOIN.matcher(join).matches() || join.matches("\\s*(?:and|to|-|–|—)\\s*")) {
                    hi = money(text, spans.get(k + 1)[0], spans.get(k + 1)[1]);
                    used.add(k + 1);
                }
            } else if (EN_MIN.matcher(lead).find()) {
                hi = null;
                if (k + 1 < spans.size()) {
                    String join = text.substring(end, spans.get(k + 1)[0]);
                    if (EN_JOIN_MAX.matcher(join).matches()) {
                        hi = money(text, spans.get(k + 1)[0], spans.get(k + 1)[1]);
                        used.add(k + 1);
                    }
                }
            } else if (EN_MAX.matcher(lead).find()) {
                lo = null;
            } else if (k + 1 < spans.size()
                    && text.substring(end, spans.get(k + 1)[0]).matches("\\s*(?:to|-|–|—)\\s*")) {
                hi = money(text, spans.get(k + 1)[0], spans.get(k + 1)[1]);
                used.add(k + 1);
            }
            if (lo == null && hi == null) {
                continue;
            }
            out.add(new Found(FactKind.FINE, FactValue.amount(lo, hi, currency), factStart, context(text, factStart)));
        }
        Matcher p = EN_PCT_FINE.matcher(text);
        boolean percent = lower.indexOf('%') >= 0 || lower.contains("cent"); // %, percent, per cent
        while (percent && p.find()) {
            if (!fineClauseBefore(text, p.start("n"))) {
                continue;
            }
            BigDecimal v = new BigDecimal(p.group("n")).divide(BigDecimal.valueOf(100));
            out.add(new Found(FactKind.FINE, FactValue.multiple(null, v, englishBase(p.group("base"))),
                    p.start("n"), context(text, p.start("n"))));
        }
        Matcher t = EN_TIMES_FINE.matcher(text);
        boolean times = lower.contains("times");
        while (times && t.find()) {
            BigDecimal n = "twice".equalsIgnoreCase(t.group("n")) ? BigDecimal.valueOf(2) : Numbers.english(t.group("n"));
            if (n == null || !fineClauseBefore(text, t.start("n"))) {
                continue;
            }
            out.add(new Found(FactKind.FINE, FactValue.multiple(null, n, englishBase(t.group("base"))),
                    t.start("n"), context(text, t.start("n"))));
        }
    }

    /** Whether a fine word stands before {@code at} in the same clause (not across ; or a sentence end). */
    private static boolean fineClauseBefore(String text, int at) {
        int from = at;
        while (from > 0 && at - from < 160) {
            char c = text.charAt(from - 1);
            if (c == ';' || c == '\n' || (c == '.' && from >= 2 && !Character.isDigit(text.charAt(from - 2))
                    && (from >= text.length() || text.charAt(from) == ' '))) {
                break;
            }
            from--;
        }
        return EN_FINE_WORD.matcher(text.substring(from, at)).find();
    }

    private static BigDecimal money(String text, int start, int end) {
        Matcher m = EN_MONEY.matcher(text);
        m.region(start, end);
        if (!m.matches()) {
            return null;
        }
        String n = m.group("n") != null ? m.group("n") : m.group("n2");
        String sc = m.group("sc") != null ? m.group("sc") : m.group("sc2");
        BigDecimal v = Numbers.english(n);
        return v == null ? null : v.multiply(Numbers.englishScale(sc));
    }

    private static String currency(String text, int start, int end) {
        Matcher m = EN_MONEY.matcher(text);
        m.region(start, end);
        if (!m.matches()) {
            return null;
        }
        String c = (m.group("cur") != null ? m.group("cur") : m.group("cur2")).toUpperCase(Locale.ROOT);
        return switch (c) {
            case "$", "US$", "USD", "DOLLARS" -> "USD";
            case "€", "EUR", "EUROS" -> "EUR";
            case "£", "GBP", "POUNDS" -> "GBP";
            case "¥", "CNY", "RMB", "YUAN", "RENMINBI" -> "CNY";
            default -> null;
        };
    }

    private static String englishBase(String base) {
        String b = base.toLowerCase(Locale.ROOT);
        if (b.contains("gain") || b.contains("profit") || b.contains("proceeds") || b.contains("benefit")) {
            return "ILLEGAL_GAINS";
        }
        if ((b.contains("turnover") || b.contains("revenue") || b.contains("sales"))
                && (b.contains("annual") || b.contains("year"))) {
            return "PRIOR_YEAR_SALES";
        }
        return "OTHER";
    }

    // ------------------------------------------------------------------------------ deadlines

    private static void deadlines(String text, List<Found> out, String lower) {
        Matcher m = CN_DEADLINE.matcher(text);
        boolean mayHave = text.indexOf('内') >= 0; // every Chinese deadline ends in 内: skip the rest
        while (mayHave && m.find()) {
            BigDecimal n = Numbers.parse(m.group("n"));
            if (n == null || n.signum() <= 0) {
                continue;
            }
            String unit = switch (m.group("unit")) {
                case "个工作日", "工作日" -> "WORKING_DAY";
                case "个月" -> "MONTH";
                case "年" -> "YEAR";
                default -> "DAY";
            };
            out.add(new Found(FactKind.DEADLINE, FactValue.deadline(n, unit), m.start(), context(text, m.start())));
        }
        // within …, no/not later than, no/not more than, in no more than
        boolean english = lower != null && (lower.contains("within") || lower.contains("than"));
        Starts starts = new Starts(EN_DEADLINE, text, "wni", true);
        Matcher e = starts.matcher;
        while (english && starts.find()) {
            BigDecimal n = e.group("paren") != null ? new BigDecimal(e.group("paren")) : Numbers.english(e.group("n"));
            if (n == null || n.signum() <= 0) {
                continue;
            }
            String u = e.group("unit").toLowerCase(Locale.ROOT);
            String kind = e.group("kind") == null ? "" : e.group("kind").trim().toLowerCase(Locale.ROOT);
            String unit = u.startsWith("month") ? "MONTH" : u.startsWith("year") ? "YEAR"
                    : (kind.equals("business") || kind.equals("working")) ? "WORKING_DAY" : "DAY";
            out.add(new Found(FactKind.DEADLINE, FactValue.deadline(n, unit), e.start(), context(text, e.start())));
        }
    }

    // ------------------------------------------------------------------------------ effective dates

    private static void effectiveDates(String text, List<Found> out, String lower) {
        Matcher m = CN_EFFECTIVE.matcher(text);
        boolean mayHave = text.indexOf('年') >= 0 && text.indexOf('月') >= 0; // every Chinese date has both
        while (mayHave && m.find()) {
            LocalDate d = date(year(m.group("y")), Numbers.parse(m.group("m")), Numbers.parse(m.group("d")));
            if (d != null) {
                out.add(new Found(FactKind.EFFECTIVE_DATE, FactValue.effective(d), m.start(), ""));
            }
        }
        boolean english = lower != null && (lower.contains("effect") || lower.contains("force"));
        Starts starts = new Starts(EN_EFFECTIVE, text, "etscb", true); // effective, take(s), shall, come(s), enter(s), become(s)
        Matcher e = starts.matcher;
        while (english && starts.find()) {
            LocalDate d;
            if (e.group("iso") != null) {
                try {
                    d = LocalDate.parse(e.group("iso"));
                } catch (DateTimeException ex) {
                    d = null;
                }
            } else {
                String mon = e.group("mon") != null ? e.group("mon") : e.group("mon2");
                String day = e.group("day") != null ? e.group("day") : e.group("day2");
                String year = e.group("year") != null ? e.group("year") : e.group("year2");
                int month = List.of(EN_MONTHS.split("\\|")).indexOf(mon) + 1;
                d = date(new BigDecimal(year), BigDecimal.valueOf(month), new BigDecimal(day));
            }
            if (d != null) {
                out.add(new Found(FactKind.EFFECTIVE_DATE, FactValue.effective(d), e.start(), ""));
            }
        }
    }

    /** 二〇二五 → 2025 (digit by digit), 2025 → 2025. */
    private static BigDecimal year(String y) {
        StringBuilder sb = new StringBuilder();
        for (char c : Numbers.fold(y).toCharArray()) {
            int d = Numbers.digitOf(c);
            if (d < 0) {
                return null;
            }
            sb.append(d);
        }
        return new BigDecimal(sb.toString());
    }

    private static LocalDate date(BigDecimal y, BigDecimal m, BigDecimal d) {
        if (y == null || m == null || d == null) {
            return null;
        }
        try {
            return LocalDate.of(y.intValueExact(), m.intValueExact(), d.intValueExact());
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------ obligations

    /** The binding modal verbs the text uses, in a fixed order; null when none. */
    static FactValue modals(String text) {
        return modals(text, hasAsciiLetter(text));
    }

    private static FactValue modals(String text, boolean latin) {
        Set<String> found = new LinkedHashSet<>();
        for (String modal : CN_MODALS) {
            if (text.contains(modal)) {
                found.add(modal);
            }
        }
        Set<String> en = new java.util.HashSet<>();
        Starts starts = new Starts(EN_MODAL, text, "sm", true);
        Matcher m = starts.matcher;
        while (latin && starts.find()) {
            String verb = m.group(1);
            if (verb.equals("May") && m.group(2) == null) {
                continue; // the month, or a sentence starting with "May" (rare in rules)
            }
            en.add(verb.toLowerCase(Locale.ROOT) + (m.group(2) != null && !verb.equalsIgnoreCase("should") ? " not" : ""));
        }
        for (String modal : EN_MODALS) {
            if (en.contains(modal)) {
                found.add(modal);
            }
        }
        return found.isEmpty() ? null : FactValue.modals(List.copyOf(found));
    }

    // ------------------------------------------------------------------------------ helpers

    /** Up to 24 characters before a fact, back to the last clause break: who is fined, for what. */
    private static String context(String text, int at) {
        int from = at;
        while (from > 0 && at - from < 24) {
            char c = text.charAt(from - 1);
            if (c == '；' || c == '。' || c == ';' || c == '\n') {
                break;
            }
            from--;
        }
        return text.substring(from, at);
    }

    /**
     * {@link Matcher#find()} for an expression whose every match starts with one of {@code firsts}
     * (lower-case; an ASCII letter there matches either case, as the case-insensitive expressions
     * do) and, when {@code wordStart}, where {@code \\b} holds before a letter: the expression is
     * tried only at such positions ({@link Matcher#lookingAt} with transparent bounds, so {@code \\b}
     * and look-arounds see the whole text) instead of at every character. The same matches, in the
     * same order: scanning long English provisions position by position was a fifth of the time of
     * the largest CFR pair.
     */
    private static final class Starts {
        final Matcher matcher;
        private final String text;
        private final String firsts;
        private final boolean wordStart;
        private int from;

        Starts(Pattern pattern, String text, String firsts, boolean wordStart) {
            this.matcher = pattern.matcher(text).useTransparentBounds(true);
            this.text = text;
            this.firsts = firsts;
            this.wordStart = wordStart;
        }

        boolean find() {
            int n = text.length();
            for (int i = from; i < n; i++) {
                char c = text.charAt(i);
                char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                if (firsts.indexOf(lower) < 0 || (wordStart && i > 0 && isWordChar(text.charAt(i - 1)))) {
                    continue;
                }
                matcher.region(i, n);
                if (matcher.lookingAt()) {
                    from = Math.max(matcher.end(), i + 1);
                    return true;
                }
            }
            from = n;
            return false;
        }

        /** {@link Pattern}'s word characters: after one, {@code \\b} cannot precede a letter. */
        private static boolean isWordChar(char c) {
            return c == '_' || Character.isLetterOrDigit(c);
        }
    }

    private static boolean hasAsciiLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                return true;
            }
        }
        return false;
    }

    static boolean isHan(char c) {
        return c >= '\u4E00' && c <= '\u9FFF';
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
