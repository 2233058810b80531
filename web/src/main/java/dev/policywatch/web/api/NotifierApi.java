package dev.policywatch.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;

/** The notifier's API: {@code POST /api/subscriptions}. */
@Singleton
public final class NotifierApi {

    private final ApiClient api;

    NotifierApi(ApiClient api) {
        this.api = api;
    }

    /**
     * Creates a subscription.
     *
     * @param visitor the page visitor's address, forwarded so that the notifier's per-address signup
     *                limit can apply to visitors rather than to this server
     * @throws ApiException {@link ApiException.Kind#REJECTED} with the notifier's detail for invalid input
     */
    public SubscriptionCreated subscribe(SubscriptionRequest request, String visitor) {
        JsonNode answer = api.post(ApiClient.Service.NOTIFIER, "/api/subscriptions", request, visitor);
        return new SubscriptionCreated(text(answer, "id"), text(answer, "status"), text(answer, "manageToken"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
