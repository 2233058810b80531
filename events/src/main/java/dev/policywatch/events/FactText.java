package dev.policywatch.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How facts read for people, in Chinese or English: values ({@code 5千–3万元}, {@code 违法所得1–10倍},
 * {@code $5,000–$30,000}, {@code 30日}, {@code 2025-01-01}) and chips ({@code 罚款 5千–3万 → 1万–10万元}).
 * One declaration shared by the engine's notes, the web pages and the alerts. Pure.
 */
public final class FactText {

    private FactText() {
    }

    /** What a fact is called: 罚款 / fine, 期限 / deadline, 施行日期 / effective date, 义务 / obligation. */
    public static String label(FactKind kind, boolean zh) {
        return switch (kind) {
            case FINE -> zh ? "罚款" : "fine";
            case DEADLINE -> zh ? "期限" : "deadline";
            case EFFECTIVE_DATE -> zh ? "施行日期" : "effective date";
            case OBLIGATION -> zh ? "义务" : "obligation";
        };
    }

    /**
     * A fact in a few words: "罚款 5千–3万 → 1万–10万元" (the unit said once when both sides share it),
     * "罚款 新增 1万元以下", "fine up to $10,000 → up to $50,000", "deadline 30 days".
     */
    public static String chip(Fact f, boolean zh) {
        String label = label(f.kind(), zh);
        if (f.before() != null && f.after() != null) {
            String before = value(f.kind(), f.before(), zh);
            String after = value(f.kind(), f.after(), zh);
            if (!f.changed()) {
                return label + " " + after;
            }
            if (zh && before.endsWith("元") && after.endsWith("元")) {
                before = before.substring(0, before.length() - 1);
            }
            return label + " " + before + " → " + after;
        }
        if (f.after() != null) {
            return label + (zh ? " 新增 " : " new: ") + value(f.kind(), f.after(), zh);
        }
        return label + (zh ? " 删除 " : " removed: ") + value(f.kind(), f.before(), zh);
    }

    /** A fact value as people read it: 5千–3万元, 违法所得1–10倍, $5,000–$30,000, 30日, 2025-01-01. */
    public static String value(FactKind kind, FactValue v, boolean zh) {
        return switch (kind) {
            case FINE -> v.isMultiple() ? multiple(v, zh) : amount(v, zh);
            case DEADLINE -> deadline(v, zh);
            case EFFECTIVE_DATE -> v.date();
            case OBLIGATION -> String.join(zh ? "、" : ", ", v.modals());
        };
    }

    private static String amount(FactValue v, boolean zh) {
        if (zh && (v.currency() == null || v.currency().equals("CNY"))) {
            if (v.min() != null && v.max() != null) {
                return v.min().compareTo(v.max()) == 0 ? cn(v.min()) + "元" : cn(v.min()) + "–" + cn(v.max()) + "元";
            }
            return v.max() != null ? cn(v.max()) + "元以下" : cn(v.min()) + "元以上";
        }
        if (v.min() != null && v.max() != null) {
            return v.min().compareTo(v.max()) == 0 ? money(v.min(), v.currency())
                    : money(v.min(), v.currency()) + "–" + money(v.max(), v.currency());
        }
        return v.max() != null ? (zh ? money(v.max(), v.currency()) + "以下" : "up to " + money(v.max(), v.currency()))
                : (zh ? money(v.min(), v.currency()) + "以上" : "at least " + money(v.min(), v.currency()));
    }

    private static String multiple(FactValue v, boolean zh) {
        String of = switch (v.of()) {
            case "ILLEGAL_GAINS" -> zh ? "违法所得" : "illegal gains";
            case "ILLEGAL_TURNOVER" -> zh ? "违法经营额" : "illegal turnover";
            case "PRIOR_YEAR_SALES" -> zh ? "上一年度销售额" : "prior-year sales";
            default -> zh ? "计罚基数" : "the base amount";
        };
        boolean percent = (v.maxMultiple() != null && v.maxMultiple().compareTo(BigDecimal.ONE) < 0)
                || (v.maxMultiple() == null && v.minMultiple().compareTo(BigDecimal.ONE) < 0);
        String lo = v.minMultiple() == null ? null : times(v.minMultiple(), percent);
        String hi = v.maxMultiple() == null ? null : times(v.maxMultiple(), percent);
        String unit = percent ? "" : (zh ? "倍" : "×");
        String range = lo != null && hi != null ? lo + "–" + hi + unit
                : hi != null ? (zh ? hi + unit + "以下" : "up to " + hi + unit)
                : (zh ? lo + unit + "以上" : "at least " + lo + unit);
        return zh ? of + range : range + " " + of;
    }

    private static String times(BigDecimal m, boolean percent) {
        return percent ? plain(m.movePointRight(2)) + "%" : plain(m);
    }

    private static String deadline(FactValue v, boolean zh) {
        String n = plain(v.value());
        boolean one = v.value().compareTo(BigDecimal.ONE) == 0;
        return switch (v.unit()) {
            case "WORKING_DAY" -> zh ? n + "个工作日" : n + (one ? " business day" : " business days");
            case "MONTH" -> zh ? n + "个月" : n + (one ? " month" : " months");
            case "YEAR" -> zh ? n + "年" : n + (one ? " year" : " years");
            default -> zh ? n + "日" : n + (one ? " day" : " days");
        };
    }

    /** 5000 → 5千, 30000 → 3万, 15000 → 1.5万, 1000000 → 100万, 200000000 → 2亿, 800 → 800. */
    static String cn(BigDecimal v) {
        BigDecimal yi = BigDecimal.valueOf(100_000_000L);
        BigDecimal wan = BigDecimal.valueOf(10_000);
        if (v.compareTo(yi) >= 0) {
            return plain(v.divide(yi, 4, RoundingMode.HALF_UP)) + "亿";
        }
        if (v.compareTo(wan) >= 0) {
            return plain(v.divide(wan, 4, RoundingMode.HALF_UP)) + "万";
        }
        if (v.compareTo(BigDecimal.valueOf(1000)) >= 0 && v.remainder(BigDecimal.valueOf(1000)).signum() == 0) {
            return plain(v.divide(BigDecimal.valueOf(1000))) + "千";
        }
        return plain(v);
    }

    private static String money(BigDecimal v, String currency) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String n = f.format(v);
        if (currency == null) {
            return n;
        }
        return switch (currency) {
            case "USD" -> "$" + n;
            case "EUR" -> "€" + n;
            case "GBP" -> "£" + n;
            default -> currency + " " + n;
        };
    }

    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

}
