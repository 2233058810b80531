package dev.policywatch.notifier.delivery;

import dev.policywatch.events.Language;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of alerts in one language: the message bundle {@code i18n/alerts} ({@code alerts.properties}
 * in English, {@code alerts_zh_CN.properties} in Chinese), read with {@link MessageFormat}, and dates in
 * that language's convention ("14 May 2024 11:45", "2024年5月14日 11:45"). No renderer holds a word of
 * its own. Immutable and thread-safe; one instance per language.
 */
public final class AlertText {

    private static final Map<Language, AlertText> ALL = new EnumMap<>(Language.class);

    static {
        for (Language l : Language.values()) {
            ALL.put(l, new AlertText(l));
        }
    }

    private final Language locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter day;
    private final DateTimeFormatter time;

    private AlertText(Language locale) {
        this.locale = locale;
        // no fallback to the JVM's default locale: English is the base bundle, whatever the machine's language
        this.bundle = ResourceBundle.getBundle("i18n.alerts", locale.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.day = DateTimeFormatter.ofPattern(bundle.getString("date.day"), locale.locale());
        this.time = DateTimeFormatter.ofPattern(bundle.getString("date.time"), locale.locale());
    }

    /** The words of {@code locale}. */
    public static AlertText of(Language locale) {
        return ALL.get(locale == null ? Language.EN : locale);
    }

    public Language locale() {
        return locale;
    }

    /** The message {@code key} with {@code args} filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no alert text " + key + " in " + locale.tag(), e);
        }
        if (args.length == 0 && !pattern.contains("''")) {
            return pattern;
        }
        Object[] values = args.clone();
        // counts read "40000", not "40,000"
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] instanceof Number n ? String.valueOf(n) : values[i];
        }
        return new MessageFormat(pattern, locale.locale()).format(values);
    }

    /**
     * A count: the message {@code key + ".one"} when {@code n} is 1 and the language has one (English:
     * "1 article renumbered"), else {@code key}; {@code n} is the first argument.
     */
    public String count(String key, int n, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = n;
        System.arraycopy(more, 0, args, 1, more.length);
        return get(n == 1 && bundle.containsKey(key + ".one") ? key + ".one" : key, args);
    }

    /** A day: "2024-05-14", "2024年5月14日". */
    public String day(Instant at, ZoneId zone) {
        return day.format(at.atZone(zone));
    }

    /** A time: "14 May 2024 11:45", "2024年5月14日 11:45". */
    public String time(Instant at, ZoneId zone) {
        return time.format(at.atZone(zone));
    }
}
