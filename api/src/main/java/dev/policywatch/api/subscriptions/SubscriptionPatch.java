package dev.policywatch.api.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The body of {@code PATCH /api/subscriptions/{id}}: the fields given replace the subscription's, the
 * absent ones keep their value. {@code null} is refused (leave the field out to keep it): the notifier
 * reads it as a change ({@code RequestBodies#readChange}).
 *
 * @param filters    what to hear about ({@code {}}: everything)
 * @param mode       one alert per change, or one daily digest
 * @param digestTime local time of the daily digest (HH:mm)
 * @param digestZone time zone of the daily digest (IANA id)
 * @param locale     the language of the alerts
 */
@Introspected
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SubscriptionPatch")
public record SubscriptionPatch(
        @Nullable @Valid Filters filters,
        @Nullable Mode mode,
        @Nullable @Schema(type = "string", format = "partial-time", example = "08:00")
        LocalTime digestTime,
        @Nullable @Schema(type = "string", example = "Asia/Shanghai")
        ZoneId digestZone,
        @Nullable @Pattern(regexp = SubscriptionRequest.LOCALE, message = "must be \"zh-CN\" or \"en\"")
        @Schema(type = "string", allowableValues = {"zh-CN", "en"}) String locale) {
}
