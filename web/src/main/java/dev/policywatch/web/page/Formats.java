package dev.policywatch.web.page;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Formatting for view models that does not depend on the reader's language: machine-readable times,
 * language tags, links out ({@link PageText} has the rest). Pure and thread-safe.
 */
public final class Formats {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");

    private Formats() {
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

}
