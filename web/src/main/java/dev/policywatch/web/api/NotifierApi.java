package dev.policywatch.web.api;

import dev.policywatch.api.subscriptions.SubscriptionCreated;
import dev.policywatch.api.subscriptions.SubscriptionRequest;
import jakarta.inject.Singleton;

/** The notifier's API as the pages use it: {@code POST /api/subscriptions}. */
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
    public SubscriptionCreated subscribe(SubscriptionRequest request, String visitor) {
        return ApiCalls.call("notifier", "POST /api/subscriptions", () -> client.subscribe(request, visitor));
    }
}
