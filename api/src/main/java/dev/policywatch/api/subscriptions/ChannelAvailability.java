package dev.policywatch.api.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One channel of {@code GET /api/channels}: whether this server can send alerts there now, and if not,
 * why, in plain words in the reader's language (never a configuration key).
 *
 * @param channel   the channel's wire name ({@code email}, {@code slack}, …)
 * @param available whether a subscription to it can be created here
 * @param reason    why not, for people (null when available)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ChannelAvailability")
public record ChannelAvailability(Channel channel, boolean available, @Nullable String reason) {
}
