package dev.policywatch.notifier.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.EventJson;
import dev.policywatch.notifier.NotifierSettings;
import dev.policywatch.notifier.email.EmailSettings;
import dev.policywatch.notifier.ssrf.WebhookPolicy;
import dev.policywatch.notifier.ssrf.WebhookRejected;
import dev.policywatch.support.Access;
import dev.policywatch.support.Problem;
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
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
public final class SubscriptionController {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionController.class);
    static final String MANAGE_TOKEN = "X-Manage-Token";

    private final SubscriptionStore store;
    private final WebhookPolicy webhooks;
    private final SignupLimiter limiter;
    private final Access access;
    private final EmailSettings email;
    private final Clock clock = Clock.systemUTC();

    public SubscriptionController(SubscriptionStore store, WebhookPolicy webhooks, NotifierSettings settings,
            Access access, EmailSettings email) {
        this.store = store;
        this.webhooks = webhooks;
        this.limiter = new SignupLimiter(settings.signupsPerHour());
        this.access = access;
        this.email = email;
    }

    @Post("/api/subscriptions")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    public HttpResponse<Map<String, Object>> create(HttpRequest<?> request, @Nullable @Body String body) {
        boolean admin = access.isAdmin(request);
        SubscriptionRequest req = SubscriptionRequest.create(parse(body));
        if (req.channel() == Channel.CONSOLE && !admin) {
            throw Problem.unauthorized("console subscriptions are created by configuration or with the admin token");
        }
        if (req.channel() == Channel.EMAIL && email.from().isEmpty()) {
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "Email is not configured",
                    "email alerts are off until policywatch.notifier.email.from is set");
        }
        if (req.channel() == Channel.SLACK) {
            try {
                webhooks.check(req.target());
            } catch (WebhookRejected e) {
                throw Problem.badRequest("target: " + e.getMessage());
            }
        }
        Instant now = clock.instant();
        if (!admin && !limiter.tryAcquire(clientOf(request), now)) {
            throw Problem.tooManyRequests("too many signups from this address; try again within an hour");
        }
        String token = ManageTokens.newToken();
        SubscriptionStatus status = req.channel() == Channel.EMAIL
                ? SubscriptionStatus.PENDING_CONFIRMATION : SubscriptionStatus.ACTIVE;
        Subscription s = new Subscription("s-" + UUID.randomUUID(), req.channel(), req.target(), req.filters(),
                req.mode(), req.digestTime(), req.digestZone(), status, null, now,
                status == SubscriptionStatus.ACTIVE ? now : null);
        store.insert(s, ManageTokens.hash(token));
        LOG.info("Subscription {} created: {} {} ({})", s.id(), s.channel().wire(), s.redactedTarget(), status.wire());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", s.id());
        answer.put("status", status.wire());
        answer.put("manageToken", token);
        return HttpResponse.created(answer);
    }

    @Get("/api/subscriptions")
    public List<SubscriptionView> list(HttpRequest<?> request) {
        access.requireAdmin(request);
        return store.all().stream().map(s -> SubscriptionView.of(s, store.deliveryStats(s.id()))).toList();
    }

    @Get("/api/subscriptions/{id}")
    public SubscriptionView get(HttpRequest<?> request, @PathVariable String id) {
        Subscription s = authorized(request, id);
        return SubscriptionView.of(s, store.deliveryStats(id));
    }

    @Patch("/api/subscriptions/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    public SubscriptionView patch(HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
        Subscription s = authorized(request, id);
        SubscriptionRequest req = SubscriptionRequest.patch(parse(body), s);
        store.update(id, req.filters(), req.mode(), req.digestTime(), req.digestZone(), clock.instant());
        return get(request, id);
    }

    @Delete("/api/subscriptions/{id}")
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

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw Problem.badRequest("the body must be a JSON object");
        }
        try {
            return EventJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String clientOf(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress() == null ? request.getRemoteAddress().getHostString()
                : request.getRemoteAddress().getAddress().getHostAddress();
    }
}
