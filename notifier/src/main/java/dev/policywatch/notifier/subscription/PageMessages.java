package dev.policywatch.notifier.subscription;

import dev.policywatch.support.LanguageBundle;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The notifier's interface text (its pages and the reasons its API gives people) as a Micronaut
 * MessageSource bean, so that Thymeleaf's {@code #{key}} reads it: {@code i18n/notifier_en.properties}
 * and {@code i18n/notifier_zh_CN.properties}. Keys start with {@code notifier.} (the web UI's bundle
 * shares the standalone's context).
 */
@Factory
final class PageMessages {

    @Singleton
    @Named(PageRenderer.BUNDLE)
    LanguageBundle notifierMessages() {
        return new LanguageBundle(PageRenderer.BASE);
    }
}
