package dev.policywatch.api.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A subscription as the API shows it ({@code GET /api/subscriptions/{id}}). A webhook URL is a secret:
 * only its origin is shown. Null and empty fields are left out.
 *
 * @param id           the subscription's id
 * @param channel      where alerts go
 * @param target       the email address, or the webhook's origin
 * @param filters      what it hears about (empty lists left out)
 * @param mode         one alert per change, or one daily digest
 * @param digestTime   local time of its daily digest (HH:mm), when it has its own
 * @param digestZone   time zone of its daily digest, when it has its own
 * @param status       its state
 * @param statusReason why it is suppressed or broken
 * @param createdAt    when it was created
 * @param confirmedAt  when its address confirmed (or it became active)
 * @param deliveries   its alerts: pending, sent, given up on, and the last error
 * @param locale       the language of its alerts
 * @param signed       whether its messages are signed with a secret (the secret itself is never shown)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "SubscriptionView")
public record SubscriptionView(String id, Channel channel, String target, Filters filters, Mode mode,
        @Nullable @Schema(example = "08:00") String digestTime, @Nullable @Schema(example = "Asia/Shanghai") String digestZone,
        SubscriptionStatus status, @Nullable String statusReason, Instant createdAt, @Nullable Instant confirmedAt,
        Deliveries deliveries, @Schema(allowableValues = {"zh-CN", "en"}) String locale,
        boolean signed) {

    /**
     * What the API shows of a subscription's deliveries.
     *
     * @param pending   alerts waiting or being sent
     * @param sent      alerts sent
     * @param failed    alerts given up on (dead-lettered)
     * @param lastError the last delivery error, if any
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Deliveries(int pending, int sent, int failed, @Nullable String lastError) {
    }
}
