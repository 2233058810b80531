package dev.policywatch.web.page;

import dev.policywatch.support.Access;
import dev.policywatch.support.LanguageBundle;
import dev.policywatch.support.PageLanguage;
import dev.policywatch.support.Problem;
import dev.policywatch.web.api.ApiException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpHeaders;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders views under {@code views/web/} into HTML responses and turns every failure of a page into an
 * error page: an unknown change or document gives 404, invalid input 400 with its reason, an API that
 * is down 502, anything else 500, always without a stack trace. Rendering happens here rather than in
 * Micronaut's views filter so that the guard filter and error paths render the same way.
 *
 * <p>Every page is rendered in the reader's language ({@link PageLanguage}: the switch's cookie, else
 * {@code Accept-Language}, else English): Thymeleaf's {@code #{key}} reads the web bundle
 * ({@code i18n/web_*.properties}) in that language, and the model gets {@code t}, the {@link PageText}
 * for what the page computes (counts, dates, the language switch). Answers vary by language, so they say
 * {@code Vary: Accept-Language, Cookie}.
 */
@Singleton
public final class Pages {

    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
    /** text/html; charset=utf-8. */
    public static final MediaType HTML = MediaType.of("text/html;charset=utf-8");
    /** Pages vary by the reader's language: the browser's and the switch's. */
    static final String VARY = "Accept-Language, Cookie";

    private final ThymeleafViewsRenderer<Map<String, Object>> renderer;
    private final Access access;
    private final LanguageBundle bundle;

    public Pages(ThymeleafViewsRenderer<Map<String, Object>> renderer, Access access,
            @Named(WebMessages.NAME) LanguageBundle bundle) {
        this.renderer = renderer;
        this.access = access;
        this.bundle = bundle;
    }

    /** The interface text of this request's page, in the reader's language. */
    public PageText text(HttpRequest<?> request) {
        // a form post comes back to its form, not to the address it was posted to
        String here = request.getMethod() == HttpMethod.GET ? request.getUri().getRawPath()
                + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery())
                : request.getUri().getRawPath();
        return new PageText(bundle, PageLanguage.of(request), here);
    }

    /**
     * Serves a page: checks the read token (when one is set), then builds the response; failures become
     * error pages.
     *
     * @param what the message key of what the page shows, named in a "not found" message ({@code what.change})
     */
    public HttpResponse<String> serve(HttpRequest<?> request, String what, Supplier<HttpResponse<String>> page) {
        try {
            access.requireRead(request);
            return page.get();
        } catch (PageException e) {
            return error(request, e.status(), e.headingKey(), e.messageKey(), e.args());
        } catch (Problem e) {
            // only the read-token check throws one here: its status says what happened
            return error(request, e.status(), e.status() == HttpStatus.UNAUTHORIZED ? "error.unauthorized"
                    : "error.forbidden", e.status() == HttpStatus.UNAUTHORIZED ? "error.unauthorized.detail"
                    : "error.forbidden.detail");
        } catch (ApiException e) {
            return apiError(request, what, e);
        } catch (IllegalArgumentException e) {
            // what the page was asked is not valid; the reason is for the log (not in the reader's language)
            LOG.debug("The {} page {} was asked something invalid: {}", what, request.getPath(), e.getMessage());
            return error(request, HttpStatus.BAD_REQUEST, "error.badRequest", "error.badRequest.detail");
        } catch (RuntimeException e) {
            LOG.error("The {} page {} failed", what, request.getPath(), e);
            return error(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.internal", "error.internal.detail");
        }
    }

    /** A 200 page. */
    public HttpResponse<String> ok(HttpRequest<?> request, String view, Map<String, Object> model) {
        return render(request, HttpStatus.OK, view, model);
    }

    /**
     * A page with the given status, in the reader's language; the model gets {@code t} (a {@link PageText})
     * unless the caller put one in already.
     */
    public HttpResponse<String> render(HttpRequest<?> request, HttpStatus status, String view, Map<String, Object> model) {
        PageText text = (PageText) model.computeIfAbsent("t", k -> text(request));
        StringWriter out = new StringWriter(8192);
        renderer.render(view, new WebContext(request, text.language().locale(), model), out);
        return HttpResponse.<String>status(status).contentType(HTML)
                .header(HttpHeaders.VARY, VARY)
                .body(out.toString());
    }

    /** The error page: heading and message are keys of the web bundle, the message with its arguments. */
    public HttpResponse<String> error(HttpRequest<?> request, HttpStatus status, String headingKey, String messageKey,
            Object... args) {
        PageText text = text(request);
        Map<String, Object> model = new HashMap<>();
        model.put("t", text);
        model.put("status", status.getCode());
        model.put("heading", text.text(headingKey));
        model.put("message", text.text(messageKey, args));
        model.put("nav", "");
        return render(request, status, "web/error", model);
    }

    /**
     * An API's failure as an error page; {@code what} is the message key of what the page shows
     * ("what.change"), named in the "not found" message.
     */
    private HttpResponse<String> apiError(HttpRequest<?> request, String what, ApiException e) {
        String service = "service." + e.service();
        PageText text = text(request);
        return switch (e.kind()) {
            case NOT_FOUND -> error(request, HttpStatus.NOT_FOUND, "error.notFound", "error.api.notFound",
                    text.text(what));
            case REJECTED -> e.status() == 401
                    ? error(request, HttpStatus.BAD_GATEWAY, "error.api.refused", "error.api.refused.detail",
                            text.text(service))
                    : error(request, HttpStatus.valueOf(e.status()), "error.api.rejected", "error.api.rejected.detail",
                            e.detail());
            case UNAVAILABLE -> error(request, HttpStatus.BAD_GATEWAY, "error.api.unavailable",
                    "error.api.unavailable.detail", text.text(service));
        };
    }
}
