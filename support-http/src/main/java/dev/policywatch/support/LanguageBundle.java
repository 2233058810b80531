package dev.policywatch.support;

import dev.policywatch.events.Language;
import io.micronaut.context.AbstractMessageSource;
import io.micronaut.core.annotation.NonNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A Micronaut {@link io.micronaut.context.MessageSource} over one properties file per {@link Language}:
 * {@code <base>_en.properties} and {@code <base>_zh_CN.properties} on the classpath, read as UTF-8.
 * Thymeleaf's {@code #{key(arg)}} reads it (micronaut-views registers every MessageSource bean), and
 * so does Java code through {@link #text(Language, String, Object...)}.
 *
 * <p>Unlike {@code ResourceBundle}, a missing key never falls back to the JVM's default locale (a
 * server started in Chinese would otherwise answer an English reader in Chinese): a key missing in a
 * language falls back to English, then to nothing, and a test of each bundle checks both languages
 * have every key. Placeholders are Micronaut's: {@code {0}}, {@code {1}}… or {@code {name}}; an
 * apostrophe quotes, so the bundles write ’ (U+2019) instead of {@code '}. Immutable, thread-safe.
 */
public final class LanguageBundle extends AbstractMessageSource {

    private final String baseName;
    private final Map<Language, Map<String, String>> texts = new EnumMap<>(Language.class);

    /** @param baseName the resource path without language and suffix, e.g. {@code i18n/web} */
    public LanguageBundle(String baseName) {
        this.baseName = baseName;
        for (Language language : Language.values()) {
            texts.put(language, load(resource(baseName, language)));
        }
        if (texts.get(Language.EN).isEmpty()) {
            throw new IllegalStateException("no messages in " + resource(baseName, Language.EN));
        }
    }

    /** The classpath resource of one language, e.g. {@code i18n/web_zh_CN.properties}. */
    public static String resource(String baseName, Language language) {
        return baseName + "_" + language.locale().toString() + ".properties";
    }

    @Override
    @NonNull
    public Optional<String> getRawMessage(@NonNull String code, @NonNull MessageContext context) {
        Language language = Language.of(context.getLocale());
        String text = texts.get(language).get(code);
        return Optional.ofNullable(text != null ? text : texts.get(Language.EN).get(code));
    }

    /**
     * The message {@code key} in {@code language} with {@code {0}}, {@code {1}}… replaced by the
     * arguments; the key itself when unknown (visible, and caught by the bundle tests).
     */
    public String text(Language language, String key, Object... args) {
        Map<String, Object> variables = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            variables.put(String.valueOf(i), args[i]);
        }
        MessageContext context = MessageContext.of(language.locale(), variables);
        return getRawMessage(key, context).map(raw -> interpolate(raw, context)).orElse(key);
    }

    /** The keys of one language (for the tests that compare the languages). */
    public Set<String> keys(Language language) {
        return texts.get(language).keySet();
    }

    /** The raw text of a key in exactly this language, without fallback; null when absent. */
    public String raw(Language language, String key) {
        return texts.get(language).get(key);
    }

    public String baseName() {
        return baseName;
    }

    private static Map<String, String> load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = LanguageBundle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        Map<String, String> map = new java.util.HashMap<>();
        properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return Map.copyOf(map);
    }
}
