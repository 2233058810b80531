package dev.policywatch.web.subscribe;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.ChannelAvailability;
import dev.policywatch.web.page.PageText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One channel as the subscribe form offers it: its name in the reader's language, what its target
 * looks like, whether this server can send there (and why not, in the notifier's plain words), and
 * whether it is ticked: the one the visitor chose, else the first available one.
 *
 * @param hint what to type as the target ("an email address", "https://hooks.slack.com/services/…")
 */
public record ChannelChoice(String value, String label, String hint, boolean available, String reason,
        boolean checked) {

    /**
     * The choices of the form. {@code offered}: the notifier's list ({@code GET /api/channels}); null when
     * it did not answer, then every channel is offered and the notifier decides when the form is sent.
     */
    static List<ChannelChoice> of(List<ChannelAvailability> offered, String chosen, PageText t) {
        List<ChannelAvailability> channels = offered != null ? offered : Arrays.stream(Channel.values())
                .filter(c -> c != Channel.CONSOLE).map(c -> new ChannelAvailability(c, true, null)).toList();
        String tick = channels.stream().filter(c -> c.available() && c.channel().wire().equals(chosen)).findFirst()
                .or(() -> channels.stream().filter(ChannelAvailability::available).findFirst())
                .map(c -> c.channel().wire()).orElse(null);
        List<ChannelChoice> choices = new ArrayList<>();
        for (ChannelAvailability c : channels) {
            String name = c.channel().wire();
            choices.add(new ChannelChoice(name, t.text("channel." + name), t.text("channel." + name + ".hint"),
                    c.available(), c.available() ? null : reason(c, t), name.equals(tick)));
        }
        return choices;
    }

    private static String reason(ChannelAvailability c, PageText t) {
        return c.reason() == null || c.reason().isBlank() ? t.text("subscribe.channel.unavailable") : c.reason();
    }
}
