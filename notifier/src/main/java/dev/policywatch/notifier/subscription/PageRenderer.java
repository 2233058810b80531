package dev.policywatch.notifier.subscription;

import dev.policywatch.events.Language;
import dev.policywatch.notifier.delivery.AlertText;
import dev.policywatch.support.LanguageBundle;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import io.micronaut.views.thymeleaf.WebContext;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the notifier's pages ({@code views/notifier/*.html}, Thymeleaf like the web UI) in a reader's
 * language: {@code #{key}} reads the notifier bundle ({@code i18n/notifier_en.properties},
 * {@code notifier_zh_CN.properties}); the model gets {@code lang} (the page's {@code <html lang>}).
 * Answers are {@code no-store} (they follow one-time links) and vary by language.
 */
@Singleton
final class PageRenderer {

    /** The bundle bean's name (the web UI has a bundle of its own in the standalone's context). */
    static final String BUNDLE = "notifier";
    static final String BASE = AlertText.BASE;

    private final ThymeleafViewsRenderer<Map<String, Object>> renderer;
    private final LanguageBundle bundle;

    PageRenderer(ThymeleafViewsRenderer<Map<String, Object>> renderer, @Named(BUNDLE) LanguageBundle bundle) {
        this.renderer = renderer;
        this.bundle = bundle;
    }

    /** The page {@code view} with {@code model}, in {@code language}. */
    HttpResponse<String> render(HttpRequest<?> request, HttpStatus status, Language language, String view,
            Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("lang", language.tag());
        StringWriter out = new StringWriter(2048);
        renderer.render("notifier/" + view, new WebContext(request, language.locale(), all), out);
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8")
                .header("Cache-Control", "no-store")
                .header(HttpHeaders.VARY, "Accept-Language, Cookie")
                .body(out.toString());
    }

    /** A message of the notifier bundle, for what Java says (the API's reasons). */
    String text(Language language, String key, Object... args) {
        return bundle.text(language, key, args);
    }
}
