package dev.policywatch.web.page;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/** Formatting for view models: times, language tags, links out. Pure and thread-safe. */
public final class Formats {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");

    private Formats() {
    }

    /** {@code 2024-05-01 10:00 UTC}, or an empty string for null. */
    public static String time(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant);
    }

    /** The machine-readable form for {@code <time datetime>}, or null. */
    public static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /**
     * The document's language as a {@code lang} attribute value ({@code zh}, {@code en-GB}), or null
     * when unknown or not a plausible language tag (then the attribute is left out).
     */
    public static String lang(String language) {
        if (language == null) {
            return null;
        }
        String tag = language.strip().replace('_', '-');
        return LANGUAGE_TAG.matcher(tag).matches() ? tag : null;
    }

    /** The URL when it is an absolute http(s) URL that may be linked to; null otherwise (shown as text). */
    public static String safeHref(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** "1 change" / "3 changes". */
    /**
     * An ISO-8601 interval for people: {@code PT30S} → "30 s", {@code PT6H} → "6 h", {@code PT1H30M} →
     * "1 h 30 min", {@code P1D} → "1 day"; anything unparsable is returned as given.
     */
    public static String duration(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        java.time.Duration d;
        try {
            d = java.time.Duration.parse(iso.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
        if (d.isZero() || d.isNegative()) {
            return iso;
        }
        StringBuilder sb = new StringBuilder();
        long days = d.toDays();
        if (days > 0) {
            sb.append(days).append(days == 1 ? " day" : " days");
        }
        part(sb, d.toHoursPart(), "h");
        part(sb, d.toMinutesPart(), "min");
        part(sb, d.toSecondsPart(), "s");
        if (sb.length() == 0) {
            sb.append(d.toMillis()).append(" ms");
        }
        return sb.toString();
    }

    private static void part(StringBuilder sb, int n, String unit) {
        if (n > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(n).append(' ').append(unit);
        }
    }

    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
