package dev.policywatch.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages policywatch speaks to people in (CONTRACT §4 {@code locale}): its pages, emails and
 * alerts. Crawled text is never translated; this is only the language of the interface around it.
 *
 * <p>{@link #fromAcceptLanguage(String)} picks the reader's language from an {@code Accept-Language}
 * header (RFC 9110 §12.5.4: weights respected, the first supported range wins, any Chinese range
 * counts as {@code zh-CN}); {@link #fromTag(String)} reads a stored or chosen tag ({@code zh-CN},
 * {@code zh_cn}, {@code en-GB}, …). Pure and thread-safe.
 */
public enum Language {

    /** English: the default whenever nothing better is known. */
    EN("en", Locale.ENGLISH),
    /** Simplified Chinese as written in mainland China. */
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE);

    /** The cookie that holds a reader's choice of language on every page of one server. */
    public static final String COOKIE = "pw_lang";
    /** The language used when none is asked for. */
    public static final Language DEFAULT = EN;
    /** Longer headers are not parsed (a browser sends a few dozen characters). */
    private static final int MAX_HEADER = 1024;

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The BCP 47 tag, as stored and as written in {@code <html lang>}: {@code en}, {@code zh-CN}. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** Whether this is Chinese (the alerts' and fact chips' {@code zh} flag). */
    public boolean isChinese() {
        return this == ZH_CN;
    }

    /**
     * The language a tag names: {@code zh}, {@code zh-CN}, {@code zh-Hans}, {@code zh_TW}… are
     * Chinese, {@code en}, {@code en-GB}… English; empty for anything else, blank or null.
     */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        String primary = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        int dash = primary.indexOf('-');
        primary = dash < 0 ? primary : primary.substring(0, dash);
        return switch (primary) {
            case "zh", "cmn" -> Optional.of(ZH_CN);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    /** The language of a locale, or {@link #DEFAULT} for one policywatch does not speak. */
    public static Language of(Locale locale) {
        return locale == null ? DEFAULT : fromTag(locale.toLanguageTag()).orElse(DEFAULT);
    }

    /**
     * The reader's language from an {@code Accept-Language} header: the supported language of the
     * highest-weighted range (earlier wins a tie; {@code q=0} means "not this one"); empty when the
     * header is absent, unreadable or names no supported language. {@code *} alone names none.
     */
    public static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > MAX_HEADER) {
            return Optional.empty();
        }
        List<Weighted> ranges = new ArrayList<>();
        String[] parts = header.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] fields = parts[i].split(";");
            if (fields.length == 0) {
                continue; // ";;;": nothing named
            }
            double q = 1.0;
            for (int f = 1; f < fields.length; f++) {
                String p = fields[f].strip();
                if (p.length() > 2 && (p.startsWith("q=") || p.startsWith("Q="))) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0; // an unreadable weight: ignore the range rather than guess
                    }
                }
            }
            Optional<Language> language = fromTag(fields[0].strip());
            if (language.isPresent() && q > 0 && q <= 1) {
                ranges.add(new Weighted(language.get(), q, i));
            }
        }
        return ranges.stream()
                .sorted((a, b) -> a.q != b.q ? Double.compare(b.q, a.q) : Integer.compare(a.order, b.order))
                .map(Weighted::language).findFirst();
    }

    /**
     * The language to speak: the reader's explicit choice (the {@link #COOKIE} value), else the best
     * of {@code Accept-Language}, else {@link #DEFAULT}.
     */
    public static Language choose(String chosen, String acceptLanguage) {
        return fromTag(chosen).or(() -> fromAcceptLanguage(acceptLanguage)).orElse(DEFAULT);
    }

    private record Weighted(Language language, double q, int order) {
    }
}
