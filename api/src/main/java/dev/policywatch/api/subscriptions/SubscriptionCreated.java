package dev.policywatch.api.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of {@code POST /api/subscriptions}.
 *
 * @param id          the subscription's id
 * @param status      {@code pending_confirmation} for email until the address confirms, {@code active} otherwise
 * @param manageToken the token to read, change or delete it ({@code X-Manage-Token}); shown only once
 * @param locale      the language of the alerts
 * @param secret      the Standard Webhooks secret generated for a {@code webhook} subscription that gave
 *                    none; shown only once (absent otherwise)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "SubscriptionCreated")
public record SubscriptionCreated(String id, SubscriptionStatus status, String manageToken,
        @Schema(allowableValues = {"zh-CN", "en"}) String locale, @Nullable String secret) {
}
