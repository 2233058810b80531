package dev.policywatch.web.api;

import dev.policywatch.api.subscriptions.ChannelAvailability;
import dev.policywatch.api.subscriptions.SubscriptionCreated;
import dev.policywatch.events.Language;
import dev.policywatch.api.subscriptions.SubscriptionRequest;
import jakarta.inject.Singleton;
import java.util.List;

/** The notifier's API as the pages use it: {@code POST /api/subscriptions}, {@code GET /api/channels}. */
@Singleton
public final class NotifierApi {

    private final NotifierClient client;

    NotifierApi(NotifierClient client) {
        this.client = client;
    }

    /**
     * Creates a subscription.
     *
     * @param visitor the page visitor's address, forwarded so that the notifier's per-address signup
     *                limit can apply to visitors rather than to this server
     * @throws ApiException {@link ApiException.Kind#REJECTED} with the notifier's detail for invalid input
     */
    public SubscriptionCreated subscribe(SubscriptionRequest request, String visitor, Language language) {
        return ApiCalls.call("notifier", "POST /api/subscriptions",
                () -> client.subscribe(request, visitor, language.tag()));
    }

    /**
     * The channels a visitor may subscribe to, each with whether this server can send there and, if not,
     * why in {@code language}.
     *
     * @throws ApiException when the notifier does not answer (or is older than the list)
     */
    public List<ChannelAvailability> channels(Language language) {
        return ApiCalls.call("notifier", "GET /api/channels", () -> client.channels(language.tag()));
    }
}
