package dev.policywatch.notifier.subscription;

import dev.policywatch.events.Language;
import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.SubscriptionCreated;
import dev.policywatch.api.subscriptions.SubscriptionPatch;
import dev.policywatch.api.subscriptions.SubscriptionRequest;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import dev.policywatch.api.subscriptions.SubscriptionView;
import dev.policywatch.notifier.NotifierSettings;
import dev.policywatch.notifier.ssrf.WebhookPolicy;
import dev.policywatch.notifier.ssrf.WebhookRejected;
import dev.policywatch.events.Language;
import dev.policywatch.support.Access;
import dev.policywatch.support.PageLanguage;
import dev.policywatch.support.Problem;
import dev.policywatch.support.RequestBodies;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions API (CONTRACT §4). Creating is open to anyone (rate-limited per client address,
 * except with the admin token); reading, changing and deleting one take its manage token
 * ({@code X-Manage-Token}) or the admin token; listing all takes the admin token. The answer to an
 * email signup is the same whether the address is new or already subscribed.
 */
@Controller
@Requires(property = "policywatch.notifier.enabled", notEquals = "false")
@Tag(name = "subscriptions")
public final class SubscriptionController {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionController.class);
    static final String MANAGE_TOKEN = "X-Manage-Token";

    private final SubscriptionStore store;
    private final WebhookPolicy webhooks;
    private final SignupLimiter limiter;
    private final Access access;
    private final ChannelCatalog channels;
    private final RequestBodies bodies;
    private final Clock clock = Clock.systemUTC();

    public SubscriptionController(SubscriptionStore store, WebhookPolicy webhooks, NotifierSettings settings,
            Access access, ChannelCatalog channels, RequestBodies bodies) {
        this.store = store;
        this.webhooks = webhooks;
        this.limiter = new SignupLimiter(settings.signupsPerHour());
        this.access = access;
        this.channels = channels;
        this.bodies = bodies;
    }

    /**
     * Subscribes an email address or a webhook (Slack, WeCom, DingTalk, Feishu/Lark, Teams, or a generic
     * Standard Webhooks receiver) to changes, with alerts in the request's {@code locale} (else the
     * language of its Accept-Language, else English). Open to anyone who may read the changes
     * (everyone, unless {@code policywatch.read-token} is set: then it needs that token or the admin
     * token), rate-limited per client address (an IPv6 client per /64), except with the admin token; an email subscription stays {@code pending_confirmation} until
     * its address follows the confirmation link, and the answer is the same whether or not the address was
     * already subscribed.
     *
     * @param request the request (admin token optional)
     * @param body    the subscription, as JSON
     * @return the id, status and manage token
     */
    @Post("/api/subscriptions")
    @Operation(operationId = "createSubscription", requestBody = @RequestBody(required = true,
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = SubscriptionRequest.class))))
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = SubscriptionCreated.class)))
    @ApiResponse(responseCode = "400", description = "Invalid body, address or webhook target (the detail names the field)")
    @ApiResponse(responseCode = "401", description = "A console subscription without the admin token, or no read "
            + "token while policywatch.read-token is set")
    @ApiResponse(responseCode = "429", description = "Too many signups from this address in the last hour")
    @ApiResponse(responseCode = "503", description = "The channel is not set up on this server (the detail says so in "
            + "plain words, in the language of Accept-Language; see GET /api/channels)")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    public HttpResponse<SubscriptionCreated> create(HttpRequest<?> request, @Nullable @Body String body) {
        // a subscription receives every change in full: when reads are closed, so is subscribing
        access.requireRead(request);
        boolean admin = access.isAdmin(request);
        SubscriptionRequest req = bodies.read(body, SubscriptionRequest.class);
        if (req.channel() == Channel.CONSOLE && !admin) {
            throw Problem.unauthorized("console subscriptions are created by configuration or with the admin token");
        }
        Language language = PageLanguage.of(request);
        java.util.Optional<String> unavailable = channels.unavailable(req.channel(), language);
        if (unavailable.isPresent()) {
            // the visitor gets plain words; the operator's log names the setting
            LOG.info("A {} subscription was refused: the channel is not configured on this server{}", req.channel().wire(),
                    req.channel() == Channel.EMAIL ? " (policywatch.notifier.email.from is not set)" : "");
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, channels.title(language), unavailable.get());
        }
        if (req.channel().webhook()) {
            try {
                webhooks.check(req.target());
            } catch (WebhookRejected e) {
                throw Problem.badRequest("target: " + e.getMessage());
            }
        }
        Instant now = clock.instant();
        if (!admin && !limiter.tryAcquire(ClientAddress.of(request), now)) {
            throw Problem.tooManyRequests("too many signups from this address; try again within an hour");
        }
        String token = ManageTokens.newToken();
        SubscriptionStatus status = req.channel() == Channel.EMAIL
                ? SubscriptionStatus.PENDING_CONFIRMATION : SubscriptionStatus.ACTIVE;
        String target = req.channel() == Channel.CONSOLE ? "stdout" : req.target();
        // a Standard Webhooks receiver always gets signed messages: without a secret, one is made and answered once
        String generatedSecret = req.channel() == Channel.WEBHOOK && req.secret() == null
                ? HookTargets.newStandardWebhooksSecret() : null;
        Language locale = Language.fromTag(req.locale())
                .or(() -> Language.fromAcceptLanguage(request.getHeaders().get("Accept-Language")))
                .orElse(Language.DEFAULT);
        Subscription s = new Subscription("s-" + UUID.randomUUID(), req.channel(), target, req.filters(),
                req.mode(), req.digestTime(), req.digestZone(), status, null, now,
                status == SubscriptionStatus.ACTIVE ? now : null,
                generatedSecret != null ? generatedSecret : req.secret(), locale);
        store.insert(s, ManageTokens.hash(token));
        LOG.info("Subscription {} created: {} {} ({}, {})", s.id(), s.channel().wire(), s.redactedTarget(), status.wire(),
                locale.tag());
        return HttpResponse.created(new SubscriptionCreated(s.id(), status, token, locale.tag(), generatedSecret));
    }

    /**
     * Every subscription (admin), with its delivery counts.
     *
     * @param request the request (for the admin token)
     * @return the subscriptions
     */
    @Get("/api/subscriptions")
    @Operation(operationId = "listSubscriptions", security = @SecurityRequirement(name = "bearerAuth"))
    @ApiResponse(responseCode = "200", description = "The subscriptions")
    @ApiResponse(responseCode = "401", description = "No admin token, or admin endpoints are disabled")
    public List<SubscriptionView> list(HttpRequest<?> request) {
        access.requireAdmin(request);
        return store.all().stream().map(this::view).toList();
    }

    /**
     * One subscription with its delivery counts; takes its manage token or the admin token. A webhook
     * URL is shown as its origin only.
     *
     * @param request the request (for the tokens)
     * @param id      the subscription's id
     * @return the subscription
     */
    @Get("/api/subscriptions/{id}")
    @Operation(operationId = "getSubscription",
            security = {@SecurityRequirement(name = "manageToken"), @SecurityRequirement(name = "bearerAuth")})
    @ApiResponse(responseCode = "200", description = "The subscription")
    @ApiResponse(responseCode = "401", description = "Neither a matching manage token nor the admin token")
    @ApiResponse(responseCode = "404", description = "No such subscription")
    public SubscriptionView get(HttpRequest<?> request, @PathVariable String id) {
        return view(authorized(request, id));
    }

    /**
     * Changes a subscription's filters, mode or digest schedule; takes its manage token or the admin
     * token. Absent fields keep their value.
     *
     * @param request the request (for the tokens)
     * @param id      the subscription's id
     * @param body    the fields to change, as JSON
     * @return the subscription as changed
     */
    @Patch("/api/subscriptions/{id}")
    @Operation(operationId = "updateSubscription", requestBody = @RequestBody(required = true,
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = SubscriptionPatch.class))),
            security = {@SecurityRequirement(name = "manageToken"), @SecurityRequirement(name = "bearerAuth")})
    @ApiResponse(responseCode = "200", description = "The subscription as changed")
    @ApiResponse(responseCode = "400", description = "Invalid body (the detail names the field)")
    @ApiResponse(responseCode = "401", description = "Neither a matching manage token nor the admin token")
    @ApiResponse(responseCode = "404", description = "No such subscription")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    public SubscriptionView patch(HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
        Subscription s = authorized(request, id);
        SubscriptionPatch change = bodies.readChange(body, SubscriptionPatch.class);
        store.update(id, change.filters() == null ? s.filters() : change.filters(),
                change.mode() == null ? s.mode() : change.mode(),
                change.digestTime() == null ? s.digestTime() : change.digestTime(),
                change.digestZone() == null ? s.digestZone() : change.digestZone(),
                Language.fromTag(change.locale()).orElse(s.locale()), clock.instant());
        return get(request, id);
    }

    /**
     * Deletes a subscription; takes its manage token or the admin token.
     *
     * @param request the request (for the tokens)
     * @param id      the subscription's id
     * @return 204
     */
    @Delete("/api/subscriptions/{id}")
    @Operation(operationId = "deleteSubscription",
            security = {@SecurityRequirement(name = "manageToken"), @SecurityRequirement(name = "bearerAuth")})
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "401", description = "Neither a matching manage token nor the admin token")
    @ApiResponse(responseCode = "404", description = "No such subscription")
    public HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable String id) {
        authorized(request, id);
        store.delete(id);
        LOG.info("Subscription {} deleted", id);
        return HttpResponse.noContent();
    }

    private Subscription authorized(HttpRequest<?> request, String id) {
        boolean admin = access.isAdmin(request);
        String presented = request.getHeaders().get(MANAGE_TOKEN);
        if (!admin && (presented == null || presented.isBlank())) {
            throw Problem.unauthorized("this needs the subscription's manage token (" + MANAGE_TOKEN
                    + ") or Authorization: Bearer <admin token>");
        }
        if (!admin) {
            String hash = store.manageTokenHash(id).orElseThrow(() -> Problem.notFound("no subscription " + id));
            if (!ManageTokens.matches(presented.trim(), hash)) {
                throw Problem.unauthorized("the manage token does not match subscription " + id);
            }
        }
        return store.find(id).orElseThrow(() -> Problem.notFound("no subscription " + id));
    }

    /** A subscription as the API shows it: a webhook URL as its origin only, never its secret. */
    private SubscriptionView view(Subscription s) {
        String target = s.channel().webhook() ? s.redactedTarget() : s.target();
        return new SubscriptionView(s.id(), s.channel(), target, s.filters(), s.mode(),
                s.digestTime() == null ? null : s.digestTime().toString(),
                s.digestZone() == null ? null : s.digestZone().getId(), s.status(), s.statusReason(),
                s.createdAt(), s.confirmedAt(), store.deliveryStats(s.id()), s.locale().tag(), s.secret() != null);
    }
}
