package dev.policywatch.notifier.subscription;

import dev.policywatch.api.subscriptions.SubscriptionStatus;
import dev.policywatch.events.Language;
import dev.policywatch.support.PageLanguage;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages behind the links in emails. {@code GET /subscriptions/confirm} confirms (idempotently);
 * {@code GET /unsubscribe} only shows a page with a button (mail scanners follow links, so a GET must
 * change nothing); {@code POST /unsubscribe} unsubscribes (RFC 8058 one-click: idempotent, no cookies,
 * any body). Everything shown is escaped. Thymeleaf templates {@code views/notifier/*.html}, in the
 * reader's language ({@link PageLanguage}: the web UI's language cookie on the same origin, else the
 * subscription's {@code locale} — the language its emails are in — else {@code Accept-Language}, else
 * English).
 */
@Controller
@Requires(property = "policywatch.notifier.enabled", notEquals = "false")
@Tag(name = "subscription pages")
public final class SubscriptionPages {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionPages.class);

    private final SubscriptionStore store;
    private final LinkTokens tokens;
    private final PageRenderer pages;
    private final Clock clock = Clock.systemUTC();

    SubscriptionPages(SubscriptionStore store, LinkTokens tokens, PageRenderer pages) {
        this.store = store;
        this.tokens = tokens;
        this.pages = pages;
    }

    /**
     * Confirms an email subscription (idempotently) and shows a page; the link comes in the confirmation
     * email.
     *
     * @param request the request (for the reader's language)
     * @param token   the signed token of the link
     * @return an HTML page (400 when the link is not valid or expired, 404 when the subscription is gone)
     */
    @Get("/subscriptions/confirm")
    @Operation(operationId = "confirmSubscription")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> confirm(HttpRequest<?> request, @Nullable @QueryValue String token) {
        Language language = PageLanguage.of(request);
        Optional<String> id = tokens.verify(LinkTokens.Purpose.CONFIRM, token, clock.instant());
        if (id.isEmpty()) {
            return pages.render(request, HttpStatus.BAD_REQUEST, language, "link-invalid", Map.of("confirm", true));
        }
        Optional<Subscription> s = store.find(id.get());
        if (s.isEmpty()) {
            return pages.render(request, HttpStatus.NOT_FOUND, language, "gone", Map.of());
        }
        language = PageLanguage.of(request, s.get().locale());
        if (s.get().status() != SubscriptionStatus.PENDING_CONFIRMATION && s.get().status() != SubscriptionStatus.ACTIVE) {
            return pages.render(request, HttpStatus.OK, language, "inactive", Map.of("status", s.get().status().wire()));
        }
        boolean wasPending = s.get().status() == SubscriptionStatus.PENDING_CONFIRMATION;
        store.confirm(id.get(), clock.instant());
        if (wasPending) {
            LOG.info("Subscription {} confirmed", id.get());
        }
        return pages.render(request, HttpStatus.OK, language, "confirmed", Map.of("target", s.get().target()));
    }

    /**
     * Shows a page with a button that unsubscribes; changes nothing (mail scanners follow links).
     *
     * @param request the request (for the reader's language)
     * @param token   the signed token of the link in an alert email
     * @return an HTML page (400 when the link is not valid)
     */
    @Get("/unsubscribe")
    @Operation(operationId = "unsubscribePage")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> unsubscribePage(HttpRequest<?> request, @Nullable @QueryValue String token) {
        Language language = PageLanguage.of(request);
        Optional<String> id = tokens.verify(LinkTokens.Purpose.UNSUBSCRIBE, token, clock.instant());
        if (id.isEmpty()) {
            return pages.render(request, HttpStatus.BAD_REQUEST, language, "link-invalid", Map.of("confirm", false));
        }
        String action = "/unsubscribe?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        Optional<Subscription> s = store.find(id.get());
        return pages.render(request, HttpStatus.OK, s.map(sub -> PageLanguage.of(request, sub.locale())).orElse(language),
                "unsubscribe", Map.of("action", action));
    }

    /**
     * Unsubscribes (RFC 8058 one-click): idempotent, no cookies, any body.
     *
     * @param request the request (for the reader's language)
     * @param token   the signed token of the link in an alert email
     * @return an HTML page (400 when the link is not valid)
     */
    @Post("/unsubscribe")
    @Operation(operationId = "unsubscribe")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.ALL})
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> unsubscribe(HttpRequest<?> request, @Nullable @QueryValue String token) {
        Language language = PageLanguage.of(request);
        Optional<String> id = tokens.verify(LinkTokens.Purpose.UNSUBSCRIBE, token, clock.instant());
        if (id.isEmpty()) {
            return pages.render(request, HttpStatus.BAD_REQUEST, language, "link-invalid", Map.of("confirm", false));
        }
        Optional<Subscription> s = store.find(id.get());
        if (s.isPresent() && s.get().status() != SubscriptionStatus.UNSUBSCRIBED) {
            store.setStatus(id.get(), SubscriptionStatus.UNSUBSCRIBED, "unsubscribed by its link", clock.instant());
            LOG.info("Subscription {} unsubscribed", id.get());
        }
        return pages.render(request, HttpStatus.OK, s.map(sub -> PageLanguage.of(request, sub.locale())).orElse(language),
                "unsubscribed", Map.of());
    }
}
