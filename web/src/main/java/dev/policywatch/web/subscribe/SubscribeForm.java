package dev.policywatch.web.subscribe;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.Filters;
import dev.policywatch.api.subscriptions.Mode;
import dev.policywatch.api.subscriptions.SubscriptionRequest;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.Language;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the subscribe form holds: the values as typed (to show the form again after an error) and the
 * request for the notifier. Lists are typed one per line or separated by commas; the notifier does the
 * thorough validation and its detail is shown to the user.
 */
public record SubscribeForm(String channel, String target, List<String> sources, String jurisdictions,
        String keywords, List<String> changeTypes, String mode, String secret, String locale) {

    private static final int MAX_VALUES = 50;

    public SubscribeForm {
        sources = List.copyOf(sources);
        changeTypes = List.copyOf(changeTypes);
    }

    /** The empty form: no channel chosen yet (the page ticks the first available one), immediate, everything. */
    public static SubscribeForm empty() {
        return new SubscribeForm("", "", List.of(), "", "", List.of(), "immediate", "", "");
    }

    static SubscribeForm of(Map<String, List<String>> fields) {
        return new SubscribeForm(one(fields, "channel", ""), one(fields, "target", ""), values(fields, "sources"),
                one(fields, "jurisdictions", ""), one(fields, "keywords", ""), values(fields, "changeTypes"),
                one(fields, "mode", "immediate"), one(fields, "secret", ""), one(fields, "locale", ""));
    }

    /**
     * A field is missing or invalid: what to tell the user, as a message key of the web bundle and its
     * arguments (the message names the field).
     */
    static final class Invalid extends IllegalArgumentException {

        private final String key;
        private final transient Object[] args;

        Invalid(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args.clone();
        }

        String key() {
            return key;
        }

        Object[] args() {
            return args.clone();
        }
    }

    /**
     * The notifier request: the alerts in the language chosen on the form, else {@code language} (the
     * page's); the signing secret only for a channel that signs.
     *
     * @throws Invalid with the message for the user when a field is missing or invalid
     */
    SubscriptionRequest toRequest(Language language) {
        Channel ch = Channel.fromWire(channel.strip().toLowerCase(Locale.ROOT));
        if (ch == null || ch == Channel.CONSOLE) {
            throw new Invalid("subscribe.invalid.channel");
        }
        String t = target.strip();
        if (t.isEmpty()) {
            throw new Invalid(ch == Channel.EMAIL ? "subscribe.invalid.target.email" : "subscribe.invalid.target.webhook");
        }
        String m = mode.strip().toLowerCase(Locale.ROOT);
        if (!m.equals("immediate") && !m.equals("daily")) {
            throw new Invalid("subscribe.invalid.mode");
        }
        Set<ChangeType> types = new LinkedHashSet<>();
        for (String type : changeTypes) {
            try {
                types.add(ChangeType.valueOf(type.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new Invalid("subscribe.invalid.type", clip(type));
            }
        }
        return new SubscriptionRequest(ch, t, new Filters(
                distinct("sources", sources.stream().flatMap(v -> split(v).stream()).toList()),
                distinct("jurisdictions", split(jurisdictions)), distinct("keywords", split(keywords)),
                List.copyOf(types)), Mode.fromWire(m), null, null, ch.signs() && !secret.isBlank() ? secret.strip() : null,
                Language.fromTag(locale).orElse(language == null ? Language.DEFAULT : language).tag());
    }

    /** The language of the alerts as chosen on the form, else the page's. */
    public String localeOr(String pageLanguage) {
        return Language.fromTag(locale).map(Language::tag).orElse(pageLanguage);
    }

    /** Whether a checkbox of the form is ticked (for showing the form again). */
    public boolean hasSource(String id) {
        return sources.contains(id);
    }

    /** The sources as one line, for the text field shown when the source list is not available. */
    public String sourcesText() {
        return String.join(", ", sources);
    }

    public boolean hasType(String type) {
        return changeTypes.contains(type);
    }

    private static List<String> split(String text) {
        List<String> values = new ArrayList<>();
        for (String part : text.split("[,\\n\\r]+")) {
            if (!part.isBlank()) {
                values.add(part.strip());
            }
        }
        return values;
    }

    private static List<String> distinct(String field, List<String> values) {
        Set<String> set = new LinkedHashSet<>();
        for (String v : values) {
            if (!v.isBlank()) {
                set.add(v.strip());
            }
        }
        if (set.size() > MAX_VALUES) {
            throw new Invalid("subscribe.invalid.tooMany." + field, MAX_VALUES);
        }
        return List.copyOf(set);
    }

    private static String one(Map<String, List<String>> fields, String name, String fallback) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private static List<String> values(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null ? List.of() : values;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
