package dev.policywatch.web.subscribe;

import dev.policywatch.api.sources.SourceStatus;
import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.ChannelAvailability;
import dev.policywatch.api.subscriptions.SubscriptionCreated;
import dev.policywatch.api.subscriptions.SubscriptionRequest;
import dev.policywatch.events.ChangeType;
import dev.policywatch.web.api.ApiException;
import dev.policywatch.web.api.CrawlerApi;
import dev.policywatch.web.api.NotifierApi;
import dev.policywatch.web.page.PageText;
import dev.policywatch.web.page.Pages;
import io.micronaut.core.annotation.Nullable;
import dev.policywatch.web.WebSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /subscribe} shows the form; {@code POST /subscribe} creates the subscription with
 * {@code POST /api/subscriptions} and shows the result. For email the answer is the same whatever the
 * address (new, already subscribed, or someone else's): "check your inbox to confirm". Invalid input
 * shows the form again, filled in, with the notifier's reason.
 */
@Controller
@Requires(property = WebSettings.ENABLED, notEquals = "false")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SubscribeController {

    private static final Logger LOG = LoggerFactory.getLogger(SubscribeController.class);

    private final NotifierApi notifier;
    private final CrawlerApi crawler;
    private final Pages pages;

    SubscribeController(NotifierApi notifier, CrawlerApi crawler, Pages pages) {
        this.notifier = notifier;
        this.crawler = crawler;
        this.pages = pages;
    }

    @Get(uri = "/subscribe", produces = "text/html")
    HttpResponse<String> form(HttpRequest<?> request) {
        return pages.serve(request, "what.page", () -> form(request, HttpStatus.OK, SubscribeForm.empty(), null));
    }

    @Post(uri = "/subscribe", produces = "text/html")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> submit(HttpRequest<?> request, @Nullable @Body String body) {
        return pages.serve(request, "what.page", () -> {
            PageText t = pages.text(request);
            SubscribeForm form;
            try {
                form = SubscribeForm.of(FormBody.parse(body));
            } catch (SubscribeForm.Invalid e) {
                return form(request, HttpStatus.BAD_REQUEST, SubscribeForm.empty(), t.text(e.key(), e.args()));
            }
            SubscriptionRequest subscription;
            try {
                subscription = form.toRequest(t.language());
            } catch (SubscribeForm.Invalid e) {
                return form(request, HttpStatus.BAD_REQUEST, form, t.text(e.key(), e.args()));
            }
            SubscriptionCreated created;
            try {
                created = notifier.subscribe(subscription, visitor(request), t.language());
            } catch (ApiException e) {
                boolean email = subscription.channel() == Channel.EMAIL;
                // An address that is already subscribed must look exactly like a new one.
                if (email && e.kind() == ApiException.Kind.REJECTED && e.status() == 409) {
                    return done(request, subscription, null);
                }
                if (e.kind() == ApiException.Kind.REJECTED && e.status() != 401) {
                    return form(request, HttpStatus.valueOf(e.status()), form, refusal(e, subscription.channel(), t));
                }
                throw e;
            }
            LOG.info("Subscription {} created through the web form ({})", created.id(), subscription.channel().wire());
            return done(request, subscription, created);
        });
    }

    private HttpResponse<String> done(HttpRequest<?> request, SubscriptionRequest subscription,
            SubscriptionCreated created) {
        Map<String, Object> model = new HashMap<>();
        model.put("nav", "subscribe");
        boolean email = subscription.channel() == Channel.EMAIL;
        model.put("email", email);
        // The manage token is a secret of the webhook's owner, who just proved to hold the webhook URL;
        // for email it is never shown (anyone can type anyone's address).
        model.put("manageToken", email || created == null ? null : created.manageToken());
        model.put("subscriptionId", email || created == null ? null : created.id());
        // a generated Standard Webhooks secret: the receiver needs it to verify, and it is answered only once
        model.put("secret", email || created == null ? null : created.secret());
        model.put("mode", subscription.mode().wire());
        model.put("channelName", pages.text(request).text("channel." + subscription.channel().wire()));
        return pages.ok(request, "web/subscribed", model);
    }

    private HttpResponse<String> form(HttpRequest<?> request, HttpStatus status, SubscribeForm form, String error) {
        PageText t = pages.text(request);
        Map<String, Object> model = new HashMap<>();
        model.put("t", t);
        model.put("nav", "subscribe");
        model.put("form", form);
        model.put("error", error);
        List<ChannelChoice> channels = ChannelChoice.of(channelsOrNull(t), form.channel(), t);
        model.put("channels", channels);
        model.put("noChannel", channels.stream().noneMatch(ChannelChoice::available));
        model.put("sources", sourcesOrNull());
        model.put("types", Arrays.stream(ChangeType.values()).map(Enum::name).toList());
        return pages.render(request, status, "web/subscribe", model);
    }

    /**
     * The notifier's refusal in the reader's words: a bad target or too many signups have their own
     * message (the notifier's words for them are English and may name a setting); a channel that is not
     * set up comes already in plain words in the reader's language (503); anything else is the
     * notifier's detail, which names the field.
     */
    static String refusal(ApiException e, Channel channel, PageText t) {
        if (e.status() == 429) {
            return t.text("subscribe.refused.tooMany");
        }
        if (e.status() == 400 && e.detail() != null && e.detail().startsWith("target")) {
            return t.text(channel == Channel.EMAIL ? "subscribe.refused.email" : "subscribe.refused.webhook");
        }
        return e.detail();
    }

    /** The notifier's channels, or null when it does not answer (the form then offers every channel). */
    private List<ChannelAvailability> channelsOrNull(PageText t) {
        try {
            return notifier.channels(t.language());
        } catch (ApiException e) {
            return null;
        }
    }

    private List<SourceStatus> sourcesOrNull() {
        try {
            return crawler.sources();
        } catch (ApiException e) {
            return null; // the form takes source ids as text instead
        }
    }

    private static String visitor(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
