package dev.policywatch.web.page;

import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.Fact;
import dev.policywatch.events.FactText;
import dev.policywatch.events.Language;
import dev.policywatch.support.LanguageBundle;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The interface text of one page in the reader's language, for templates (model attribute {@code t})
 * and for the Java that builds view models: messages by key, counts with the right plural, dates and
 * times in the reader's convention ({@code 14 May 2024, 11:45 UTC} / {@code 2024年5月14日 11:45 UTC}),
 * durations, numbers, and the links of the language switch. Static interface text in templates goes
 * through {@code #{key}}; this is for what is computed. Immutable; one per request.
 *
 * <p>Times are shown in UTC and say so: the reader's time zone is not known to a server-rendered page.
 */
public final class PageText {

    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Language.EN.locale()).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ZH_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm 'UTC'",
            Language.ZH_CN.locale()).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Language.EN.locale())
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Language.ZH_CN.locale())
            .withZone(ZoneOffset.UTC);

    private final LanguageBundle bundle;
    private final Language language;
    private final String here;

    /**
     * @param here the page's own path and query, where the language switch comes back to
     */
    public PageText(LanguageBundle bundle, Language language, String here) {
        this.bundle = bundle;
        this.language = language;
        this.here = here;
    }

    public Language language() {
        return language;
    }

    /** {@code <html lang>}: {@code en} or {@code zh-CN}. */
    public String tag() {
        return language.tag();
    }

    public boolean zh() {
        return language.isChinese();
    }

    /** Whether the bundle has {@code key} (for words of other services' vocabularies that may grow). */
    public boolean has(String key) {
        return bundle.raw(Language.EN, key) != null;
    }

    /** The message {@code key} with {@code {0}}, {@code {1}}… replaced by the arguments. */
    public String text(String key, Object... args) {
        return bundle.text(language, key, args);
    }

    /**
     * A count with its noun: the key's {@code .one} form for 1, {@code .other} for the rest, with the
     * number written the reader's way ({@code 1,234}); {@code {0}} in the message is the number.
     */
    public String count(String key, long n) {
        return bundle.text(language, key + (n == 1 ? ".one" : ".other"), number(n));
    }

    /** A whole number the reader's way. */
    public String number(long n) {
        return NumberFormat.getIntegerInstance(language.locale()).format(n);
    }

    /** Date and time, minutes, UTC: {@code 14 May 2024, 11:45 UTC} / {@code 2024年5月14日 11:45 UTC}; "" for null. */
    public String time(Instant instant) {
        return instant == null ? "" : (zh() ? ZH_TIME : EN_TIME).format(instant);
    }

    /** The date alone (UTC): {@code 14 May 2024} / {@code 2024年5月14日}; "" for null. */
    public String date(Instant instant) {
        return instant == null ? "" : (zh() ? ZH_DATE : EN_DATE).format(instant);
    }

    /** The machine-readable form for {@code <time datetime>}, or null. */
    public String iso(Instant instant) {
        return Formats.iso(instant);
    }

    /**
     * An ISO-8601 interval for people: {@code PT30S} → "30 s" / "30 秒", {@code PT1H30M} → "1 h 30 min" /
     * "1 小时 30 分钟", {@code P1D} → "1 day" / "1 天"; unparsable text is returned as given, null as null.
     */
    public String duration(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        Duration d;
        try {
            d = Duration.parse(iso.strip());
        } catch (DateTimeParseException e) {
            return iso;
        }
        if (d.isZero() || d.isNegative()) {
            return iso;
        }
        List<String> parts = new ArrayList<>();
        if (d.toDays() > 0) {
            parts.add(count("unit.days", d.toDays()));
        }
        if (d.toHoursPart() > 0) {
            parts.add(text("unit.hours", d.toHoursPart()));
        }
        if (d.toMinutesPart() > 0) {
            parts.add(text("unit.minutes", d.toMinutesPart()));
        }
        if (d.toSecondsPart() > 0) {
            parts.add(text("unit.seconds", d.toSecondsPart()));
        }
        if (parts.isEmpty()) {
            parts.add(text("unit.millis", d.toMillis()));
        }
        return String.join(" ", parts);
    }

    /**
     * "2 modified, 1 added" / "修改 2 条，新增 1 条": the non-zero counts by type, most significant first;
     * "no provision changes" when there are none.
     */
    public String summary(ChangeSummary s) {
        List<String> parts = new ArrayList<>();
        addCount(parts, "summary.modified", s.modified());
        addCount(parts, "summary.added", s.added());
        addCount(parts, "summary.removed", s.removed());
        addCount(parts, "summary.renumbered", s.renumbered());
        return parts.isEmpty() ? text("summary.none") : String.join(text("list.separator"), parts);
    }

    /** Words joined the reader's way ("a, b" / "a、b"). */
    public String join(List<String> words) {
        return String.join(text("list.separator"), words);
    }

    /** A changed fact as a chip in the reader's language ({@code fine 5,000–30,000 → …} / {@code 罚款 5千–3万 → …}). */
    public String chip(Fact fact) {
        return FactText.chip(fact, zh());
    }

    private void addCount(List<String> parts, String key, int n) {
        if (n > 0) {
            parts.add(count(key, n));
        }
    }

    /** The language switch: one link per language, the current one marked. */
    public List<Switch> switches() {
        List<Switch> links = new ArrayList<>();
        for (Language l : Language.values()) {
            links.add(new Switch(l.tag(), bundle.text(l, "language.name"), LanguageSwitch.href(l, here), l == language));
        }
        return links;
    }

    /**
     * One link of the language switch.
     *
     * @param name the language's name in itself ("English", "中文")
     */
    public record Switch(String tag, String name, String href, boolean current) {
    }
}
