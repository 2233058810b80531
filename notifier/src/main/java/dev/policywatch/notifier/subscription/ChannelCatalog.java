package dev.policywatch.notifier.subscription;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.ChannelAvailability;
import dev.policywatch.events.Language;
import dev.policywatch.notifier.email.EmailSettings;
import dev.policywatch.support.Access;
import dev.policywatch.support.PageLanguage;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which channels this server can send alerts to ({@code GET /api/channels}), and the one rule for it:
 * the subscribe form offers the available ones, and creating a subscription to an unavailable one is
 * refused with the same reason in plain words ({@link #unavailable(Channel, Language)}). Email needs a
 * sender address configured; the webhook channels need nothing (their targets are checked against the
 * allow-list when subscribing). {@code console} is for operators and is not listed.
 */
@Controller
@Requires(property = "policywatch.notifier.enabled", notEquals = "false")
@Tag(name = "subscriptions")
public final class ChannelCatalog {

    private final EmailSettings email;
    private final PageRenderer text;
    private final Access access;

    ChannelCatalog(EmailSettings email, PageRenderer text, Access access) {
        this.email = email;
        this.text = text;
        this.access = access;
    }

    /**
     * The channels a visitor may subscribe to, each with whether this server can send there now and, if
     * not, why (in the language of {@code Accept-Language}: English or Chinese). Open to whoever may
     * subscribe.
     *
     * @param request the request (for the reader's language and, when reads are closed, the read token)
     * @return every public channel, in the order a form should offer them
     */
    @Get("/api/channels")
    @Operation(operationId = "listChannels")
    @ApiResponse(responseCode = "200", description = "The channels and whether each is available here")
    public List<ChannelAvailability> channels(HttpRequest<?> request) {
        access.requireRead(request);
        Language language = PageLanguage.of(request);
        return Arrays.stream(Channel.values()).filter(c -> c != Channel.CONSOLE)
                .map(c -> new ChannelAvailability(c, unavailable(c, language).isEmpty(),
                        unavailable(c, language).orElse(null)))
                .toList();
    }

    /** The title of the refusal ("Channel not available"), in {@code language}. */
    String title(Language language) {
        return text.text(language, "notifier.channel.unavailable.title");
    }

    /** Why {@code channel} cannot be subscribed to on this server, in plain words; empty when it can. */
    public Optional<String> unavailable(Channel channel, Language language) {
        if (channel == Channel.EMAIL && email.from().isEmpty()) {
            return Optional.of(text.text(language, "notifier.channel.unavailable.email"));
        }
        return Optional.empty();
    }
}
