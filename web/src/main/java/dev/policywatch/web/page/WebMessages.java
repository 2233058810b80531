package dev.policywatch.web.page;

import dev.policywatch.support.LanguageBundle;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The web UI's interface text: {@code i18n/web_en.properties} and {@code i18n/web_zh_CN.properties}.
 * A bean, so that micronaut-views' Thymeleaf resolves {@code #{key}} in templates from it; keys start
 * with the page or part they belong to ({@code timeline.}, {@code change.}, {@code layout.}…).
 */
@Factory
final class WebMessages {

    /** The bean's name (the notifier has a bundle of its own in the same context). */
    static final String NAME = "web";
    /** The bundle's resource path, without language and suffix. */
    static final String BASE = "i18n/web";

    @Singleton
    @Named(NAME)
    LanguageBundle webMessages() {
        return new LanguageBundle(BASE);
    }
}
