package dev.policywatch.notifier.subscription;

import dev.policywatch.support.PolicywatchSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** The links alerts carry: to a change ({@code /changes/{id}}), to confirm and to unsubscribe. Thread-safe. */
public final class Links {

    private final PolicywatchSettings settings;
    private final LinkTokens tokens;
    private final Duration confirmTtl;
    private final Clock clock;

    public Links(PolicywatchSettings settings, LinkTokens tokens, Duration confirmTtl, Clock clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.confirmTtl = confirmTtl;
        this.clock = clock;
    }

    public String change(String changeId) {
        return settings.link("/changes/" + URLEncoder.encode(changeId, StandardCharsets.UTF_8));
    }

    public String confirm(String subscriptionId) {
        return settings.link("/subscriptions/confirm?token=" + tokens.issue(LinkTokens.Purpose.CONFIRM, subscriptionId,
                clock.instant(), confirmTtl));
    }

    public String unsubscribe(String subscriptionId) {
        return settings.link("/unsubscribe?token=" + tokens.issue(LinkTokens.Purpose.UNSUBSCRIBE, subscriptionId,
                clock.instant(), null));
    }
}
