package dev.policywatch.web.page;

import dev.policywatch.support.Access;
import dev.policywatch.support.Problem;
import dev.policywatch.web.api.ApiException;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
 */
@Singleton
public final class Pages {

    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
    /** text/html; charset=utf-8. */
    public static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    private final ThymeleafViewsRenderer<Map<String, Object>> renderer;
    private final Access access;

    public Pages(ThymeleafViewsRenderer<Map<String, Object>> renderer, Access access) {
        this.renderer = renderer;
        this.access = access;
    }

    /**
     * Serves a page: checks the read token (when one is set), then builds the response; failures become
     * error pages.
     *
     * @param what what the page shows, for messages ("change", "document")
     */
    public HttpResponse<String> serve(HttpRequest<?> request, String what, Supplier<HttpResponse<String>> page) {
        try {
            access.requireRead(request);
            return page.get();
        } catch (PageException e) {
            return error(request, e.status(), e.heading(), e.getMessage());
        } catch (Problem e) {
            return error(request, e.status(), e.title(), e.detail());
        } catch (ApiException e) {
            return apiError(request, what, e);
        } catch (IllegalArgumentException e) {
            return error(request, HttpStatus.BAD_REQUEST, "That request is not valid", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("The {} page {} failed", what, request.getPath(), e);
            return error(request, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                    "This page could not be shown. The error has been logged.");
        }
    }

    /** A 200 page. */
    public HttpResponse<String> ok(HttpRequest<?> request, String view, Map<String, Object> model) {
        return render(request, HttpStatus.OK, view, model);
    }

    /** A page with the given status. */
    public HttpResponse<String> render(HttpRequest<?> request, HttpStatus status, String view, Map<String, Object> model) {
        Writable writable = renderer.render(view, model, request);
        StringWriter out = new StringWriter(8192);
        try {
            writable.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + view, e);
        }
        return HttpResponse.<String>status(status).contentType(HTML).body(out.toString());
    }

    /** The error page. */
    public HttpResponse<String> error(HttpRequest<?> request, HttpStatus status, String heading, String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.getCode());
        model.put("heading", heading);
        model.put("message", message);
        model.put("nav", "");
        return render(request, status, "web/error", model);
    }

    private HttpResponse<String> apiError(HttpRequest<?> request, String what, ApiException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> error(request, HttpStatus.NOT_FOUND, "Not found",
                    "No such " + what + " is known. It may have been mistyped, or it may not have been recorded yet.");
            case REJECTED -> error(request, e.status() == 401 ? HttpStatus.BAD_GATEWAY : HttpStatus.valueOf(e.status()),
                    e.status() == 401 ? "The API refused this server" : "That request was not accepted",
                    e.status() == 401 ? "The " + e.service() + " API asked for a token this server does not have "
                            + "(check policywatch.read-token)." : e.detail());
            case UNAVAILABLE -> error(request, HttpStatus.BAD_GATEWAY, "Temporarily unavailable",
                    "The " + e.service() + " service did not answer as expected, so this page cannot be shown "
                            + "right now. Please try again in a moment.");
        };
    }
}
