package dev.policywatch.notifier.subscription;

import dev.policywatch.notifier.delivery.AlertText;
import dev.policywatch.support.LanguageBundle;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The notifier's one bundle ({@link AlertText#BUNDLE}: its pages, the reasons its API gives people and
 * its alerts) as a Micronaut MessageSource bean, so that Thymeleaf's {@code #{key}} reads it:
 * {@code i18n/notifier_en.properties} and {@code i18n/notifier_zh_CN.properties}. Keys start with
 * {@code notifier.} (the web UI's bundle shares the standalone's context).
 */
@Factory
final class PageMessages {

    @Singleton
    @Named(PageRenderer.BUNDLE)
    LanguageBundle notifierMessages() {
        return AlertText.BUNDLE;
    }
}
