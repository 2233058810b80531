package dev.policywatch.notifier.delivery;

import dev.policywatch.events.Language;
import dev.policywatch.support.LanguageBundle;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

/**
 * The words of alerts in one language, and dates in that language's convention ("14 May 2024 11:45",
 * "2024年5月14日 11:45"). They are the {@code notifier.alert.*} keys of the notifier's one message bundle
 * {@link #BUNDLE} ({@code i18n/notifier_en.properties}, {@code notifier_zh_CN.properties}), which also
 * holds the words of its pages and API (the same {@link LanguageBundle} is the module's MessageSource
 * bean). No renderer holds a word of its own. Immutable and thread-safe; one instance per language.
 */
public final class AlertText {

    /** The resource path of the notifier's bundle, without language and suffix. */
    public static final String BASE = "i18n/notifier";
    /** The notifier's one bundle: pages, the API's reasons and every alert. */
    public static final LanguageBundle BUNDLE = new LanguageBundle(BASE);
    /** The prefix of the alerts' keys in {@link #BUNDLE}. */
    static final String PREFIX = "notifier.alert.";

    private static final Map<Language, AlertText> ALL = new EnumMap<>(Language.class);

    static {
        for (Language l : Language.values()) {
            ALL.put(l, new AlertText(l));
        }
    }

    private final Language locale;
    private final DateTimeFormatter day;
    private final DateTimeFormatter time;

    private AlertText(Language locale) {
        this.locale = locale;
        this.day = DateTimeFormatter.ofPattern(pattern("date.day"), locale.locale());
        this.time = DateTimeFormatter.ofPattern(pattern("date.time"), locale.locale());
    }

    /** The words of {@code locale}. */
    public static AlertText of(Language locale) {
        return ALL.get(locale == null ? Language.EN : locale);
    }

    public Language locale() {
        return locale;
    }

    /** The message {@code key} with {@code args} filled in ({@code {0}}, {@code {1}}…; counts read "40000"). */
    public String get(String key, Object... args) {
        pattern(key);
        return BUNDLE.text(locale, PREFIX + key, args);
    }

    /**
     * A count: the message {@code key + ".one"} when {@code n} is 1 and this language has one (English:
     * "1 article renumbered"), else {@code key}; {@code n} is the first argument.
     */
    public String count(String key, int n, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = n;
        System.arraycopy(more, 0, args, 1, more.length);
        return get(n == 1 && BUNDLE.raw(locale, PREFIX + key + ".one") != null ? key + ".one" : key, args);
    }

    /** A day: "2024-05-14", "2024年5月14日". */
    public String day(Instant at, ZoneId zone) {
        return day.format(at.atZone(zone));
    }

    /** A time: "14 May 2024 11:45", "2024年5月14日 11:45". */
    public String time(Instant at, ZoneId zone) {
        return time.format(at.atZone(zone));
    }

    /** The raw text of {@code key} in this language; a key missing in it is a bug, said loudly. */
    private String pattern(String key) {
        String pattern = BUNDLE.raw(locale, PREFIX + key);
        if (pattern == null) {
            throw new IllegalArgumentException("no alert text " + key + " in " + locale.tag());
        }
        return pattern;
    }
}
