package dev.policywatch.notifier.subscription;

import dev.policywatch.api.subscriptions.SubscriptionStatus;
import dev.policywatch.notifier.Html;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages behind the links in emails. {@code GET /subscriptions/confirm} confirms (idempotently);
 * {@code GET /unsubscribe} only shows a page with a button (mail scanners follow links, so a GET must
 * change nothing); {@code POST /unsubscribe} unsubscribes (RFC 8058 one-click: idempotent, no cookies,
 * any body). Everything shown is escaped.
 */
@Controller
@Requires(property = "policywatch.notifier.enabled", notEquals = "false")
@Tag(name = "subscription pages")
public final class SubscriptionPages {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionPages.class);

    private final SubscriptionStore store;
    private final LinkTokens tokens;
    private final Clock clock = Clock.systemUTC();

    public SubscriptionPages(SubscriptionStore store, LinkTokens tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    /**
     * Confirms an email subscription (idempotently) and shows a page; the link comes in the confirmation
     * email.
     *
     * @param token the signed token of the link
     * @return an HTML page (400 when the link is not valid or expired, 404 when the subscription is gone)
     */
    @Get("/subscriptions/confirm")
    @Operation(operationId = "confirmSubscription")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> confirm(@Nullable @QueryValue String token) {
        Optional<String> id = tokens.verify(LinkTokens.Purpose.CONFIRM, token, clock.instant());
        if (id.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, "Link not valid", "<h1>This confirmation link is not valid</h1>"
                    + "<p>It may have expired. Subscribe again to get a new link.</p>");
        }
        Optional<Subscription> s = store.find(id.get());
        if (s.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "Subscription not found", "<h1>This subscription no longer exists</h1>");
        }
        if (s.get().status() != SubscriptionStatus.PENDING_CONFIRMATION && s.get().status() != SubscriptionStatus.ACTIVE) {
            return page(HttpStatus.OK, "Subscription not active", "<h1>This subscription is "
                    + Html.escape(s.get().status().wire().replace('_', ' ')) + "</h1><p>Subscribe again to get alerts.</p>");
        }
        boolean wasPending = s.get().status() == SubscriptionStatus.PENDING_CONFIRMATION;
        store.confirm(id.get(), clock.instant());
        if (wasPending) {
            LOG.info("Subscription {} confirmed", id.get());
        }
        return page(HttpStatus.OK, "Subscription confirmed", "<h1>Subscription confirmed</h1><p>Alerts for "
                + Html.escape(s.get().target()) + " start with the next matching change.</p>");
    }

    /**
     * Shows a page with a button that unsubscribes; changes nothing (mail scanners follow links).
     *
     * @param token the signed token of the link in an alert email
     * @return an HTML page (400 when the link is not valid)
     */
    @Get("/unsubscribe")
    @Operation(operationId = "unsubscribePage")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> unsubscribePage(@Nullable @QueryValue String token) {
        Optional<String> id = tokens.verify(LinkTokens.Purpose.UNSUBSCRIBE, token, clock.instant());
        if (id.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, "Link not valid", "<h1>This unsubscribe link is not valid</h1>");
        }
        String action = "/unsubscribe?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return page(HttpStatus.OK, "Unsubscribe", "<h1>Unsubscribe from policywatch alerts?</h1>"
                + "<form method=\"post\" action=\"" + Html.escape(action) + "\">"
                + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\">Unsubscribe</button></form>");
    }

    /**
     * Unsubscribes (RFC 8058 one-click): idempotent, no cookies, any body.
     *
     * @param token the signed token of the link in an alert email
     * @return an HTML page (400 when the link is not valid)
     */
    @Post("/unsubscribe")
    @Operation(operationId = "unsubscribe")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.ALL})
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> unsubscribe(@Nullable @QueryValue String token) {
        Optional<String> id = tokens.verify(LinkTokens.Purpose.UNSUBSCRIBE, token, clock.instant());
        if (id.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, "Link not valid", "<h1>This unsubscribe link is not valid</h1>");
        }
        Optional<Subscription> s = store.find(id.get());
        if (s.isPresent() && s.get().status() != SubscriptionStatus.UNSUBSCRIBED) {
            store.setStatus(id.get(), SubscriptionStatus.UNSUBSCRIBED, "unsubscribed by its link", clock.instant());
            LOG.info("Subscription {} unsubscribed", id.get());
        }
        return page(HttpStatus.OK, "Unsubscribed", "<h1>You are unsubscribed</h1><p>No more alerts will be sent "
                + "for this subscription.</p>");
    }

    private static HttpResponse<String> page(HttpStatus status, String title, String body) {
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Cache-Control", "no-store")
                .body(Html.page(title, body));
    }
}
