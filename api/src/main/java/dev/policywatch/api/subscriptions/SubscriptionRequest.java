package dev.policywatch.api.subscriptions;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The body of {@code POST /api/subscriptions} (CONTRACT §4).
 *
 * @param channel    where alerts go ({@code console}: admin token only)
 * @param target     the email address, or the webhook URL (must match
 *                   {@code policywatch.notifier.webhook.allowed-hosts}); not taken by console
 * @param filters    what to hear about; absent means everything
 * @param mode       one alert per change, or one daily digest (default immediate)
 * @param digestTime local time of the daily digest (HH:mm); absent: the configured one
 * @param digestZone time zone of the daily digest (IANA id); absent: the configured one
 * @param secret     the signing secret: DingTalk's SEC… secret, Feishu's signature secret, or a Standard
 *                   Webhooks whsec_ secret ({@code webhook}; generated and answered once when absent);
 *                   only for channels that sign; never shown back
 * @param locale     the language of the alerts; absent: the request's Accept-Language, else en
 */
@Introspected
@ValidTarget
@Schema(name = "SubscriptionCreate")
public record SubscriptionRequest(
        @NotNull(message = "is required") Channel channel,
        @Nullable @Size(max = 2000, message = "must be at most 2000 characters")
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "must not contain line breaks or control characters")
        String target,
        @Nullable @Valid Filters filters,
        @Nullable @Schema(defaultValue = "immediate") Mode mode,
        @Nullable @Schema(type = "string", format = "partial-time", example = "08:00") LocalTime digestTime,
        @Nullable @Schema(type = "string", example = "Asia/Shanghai") ZoneId digestZone,
        @Nullable @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = "[^\\p{Cntrl}\\s]*", message = "must not contain spaces or control characters")
        @Schema(writeOnly = true) String secret,
        @Nullable @Pattern(regexp = LOCALE, message = "must be \"zh-CN\" or \"en\"")
        @Schema(type = "string", allowableValues = {"zh-CN", "en"}) String locale) {

    /** The tags a {@code locale} may be: Chinese ({@code zh-CN}, {@code zh}, {@code zh-Hans}…) or English. */
    public static final String LOCALE = "(?i)(zh|en)([-_][A-Za-z0-9]{1,8}){0,2}";

    public SubscriptionRequest {
        target = target == null || target.isBlank() ? null : target.strip();
        filters = filters == null ? Filters.ALL : filters;
        mode = mode == null ? Mode.IMMEDIATE : mode;
        secret = secret == null || secret.isBlank() ? null : secret.strip();
    }
}
