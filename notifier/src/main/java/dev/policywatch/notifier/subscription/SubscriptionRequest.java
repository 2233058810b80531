package dev.policywatch.notifier.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.Significance;
import dev.policywatch.notifier.match.Filters;
import dev.policywatch.support.Problem;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A validated subscription request (the body of {@code POST /api/subscriptions}), or of a PATCH when
 * {@code channel} and {@code target} are absent. Parsing fails with a {@link Problem#badRequest} whose
 * detail names the field. The webhook allow-list is checked by the caller.
 */
public record SubscriptionRequest(Channel channel, String target, Filters filters, Mode mode, LocalTime digestTime,
        ZoneId digestZone) {

    private static final Set<String> FIELDS = Set.of("channel", "target", "filters", "mode", "digestTime", "digestZone");
    private static final Set<String> FILTER_FIELDS = Set.of("sources", "jurisdictions", "keywords", "changeTypes",
            "significance", "facts");
    private static final int MAX_VALUES = 50;
    private static final int MAX_VALUE_LENGTH = 200;

    /** Parses a create request. */
    public static SubscriptionRequest create(JsonNode body) {
        requireObject(body);
        knownFields(body, FIELDS, "");
        Channel channel = Channel.fromWire(text(body, "channel", true));
        if (channel == null) {
            throw Problem.badRequest("channel must be \"email\", \"slack\" or \"console\"");
        }
        String target = text(body, "target", channel != Channel.CONSOLE);
        if (channel == Channel.EMAIL) {
            target = emailAddress(target);
        } else if (channel == Channel.CONSOLE) {
            target = "stdout";
        } else if (target.length() > 2000) {
            throw Problem.badRequest("target: a webhook URL must be at most 2000 characters");
        }
        return new SubscriptionRequest(channel, target, filters(body.get("filters")), mode(body), digestTime(body),
                digestZone(body));
    }

    /** Parses a PATCH: filters and mode (and the digest schedule); absent fields keep the current value. */
    public static SubscriptionRequest patch(JsonNode body, Subscription current) {
        requireObject(body);
        knownFields(body, Set.of("filters", "mode", "digestTime", "digestZone"), "");
        Filters filters = body.has("filters") ? filters(body.get("filters")) : current.filters();
        if (body.has("mode") && body.get("mode").isNull()) {
            // null is not a mode: it used to reset a daily subscription to immediate without a word
            throw Problem.badRequest("mode must be \"immediate\" or \"daily\" (leave it out to keep the current one)");
        }
        Mode mode = body.has("mode") ? mode(body) : current.mode();
        LocalTime time = body.has("digestTime") ? digestTime(body) : current.digestTime();
        ZoneId zone = body.has("digestZone") ? digestZone(body) : current.digestZone();
        return new SubscriptionRequest(current.channel(), current.target(), filters, mode, time, zone);
    }

    /** An RFC 5322 address (no display name, no CR/LF or other control characters). */
    public static String emailAddress(String raw) {
        if (raw.length() > 254) {
            throw Problem.badRequest("target: an email address must be at most 254 characters");
        }
        if (raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw Problem.badRequest("target: an email address must not contain line breaks or control characters");
        }
        try {
            InternetAddress address = new InternetAddress(raw, true);
            address.validate();
            int at = raw.lastIndexOf('@');
            if (address.getPersonal() != null || !raw.equals(address.getAddress()) || at <= 0
                    || at == raw.length() - 1 || raw.contains(",") || raw.contains(" ")) {
                throw new AddressException("not a single plain address");
            }
        } catch (AddressException e) {
            throw Problem.badRequest("target: \"" + clip(raw) + "\" is not a valid email address (RFC 5322 addr-spec, "
                    + "like name@example.org)");
        }
        return raw;
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("the body must be a JSON object");
        }
    }

    private static void knownFields(JsonNode node, Set<String> allowed, String prefix) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw Problem.badRequest("unknown field " + prefix + name + " (expected one of " + allowed + ")");
            }
        }
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw Problem.badRequest(field + " is required");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw Problem.badRequest(field + " must be a non-empty string");
        }
        if (v.asText().chars().anyMatch(c -> c < 0x20 && c != '\r' && c != '\n' && c != '\t' || c == 0x7f)) {
            // a NUL would reach PostgreSQL, which refuses it with an error of its own (line breaks are
            // refused below with a message of their own)
            throw Problem.badRequest(field + " must not contain control characters");
        }
        return v.asText().strip();
    }

    private static Mode mode(JsonNode body) {
        String m = text(body, "mode", false);
        if (m == null) {
            return Mode.IMMEDIATE;
        }
        Mode mode = Mode.fromWire(m.toLowerCase(Locale.ROOT));
        if (mode == null) {
            throw Problem.badRequest("mode must be \"immediate\" or \"daily\"");
        }
        return mode;
    }

    private static LocalTime digestTime(JsonNode body) {
        String t = text(body, "digestTime", false);
        try {
            return t == null ? null : LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("digestTime must be a time of day like \"08:00\"");
        }
    }

    private static ZoneId digestZone(JsonNode body) {
        String z = text(body, "digestZone", false);
        try {
            return z == null ? null : ZoneId.of(z);
        } catch (DateTimeException e) {
            throw Problem.badRequest("digestZone must be a time zone id like \"Asia/Shanghai\" or \"UTC\"");
        }
    }

    private static Filters filters(JsonNode node) {
        if (node == null || node.isNull()) {
            return Filters.ALL;
        }
        if (!node.isObject()) {
            throw Problem.badRequest("filters must be an object");
        }
        knownFields(node, FILTER_FIELDS, "filters.");
        List<ChangeType> types = new ArrayList<>();
        for (String t : strings(node, "changeTypes")) {
            try {
                types.add(ChangeType.valueOf(t.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest("filters.changeTypes: \"" + clip(t)
                        + "\" is not one of ADDED, REMOVED, MODIFIED, RENUMBERED");
            }
        }
        List<FactKind> facts = new ArrayList<>();
        for (String f : strings(node, "facts")) {
            try {
                facts.add(FactKind.valueOf(f.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest("filters.facts: \"" + clip(f)
                        + "\" is not one of FINE, DEADLINE, EFFECTIVE_DATE, OBLIGATION");
            }
        }
        return new Filters(strings(node, "sources"), strings(node, "jurisdictions"), strings(node, "keywords"), types,
                significance(node.get("significance")), facts);
    }

    /** {@code "SUBSTANTIVE"} (editorial-only changes are not sent) or null/absent (any). */
    private static Significance significance(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || !v.asText().strip().equalsIgnoreCase("SUBSTANTIVE")) {
            throw Problem.badRequest("filters.significance must be \"SUBSTANTIVE\" or null (editorial-only changes are"
                    + " then not sent), was " + clip(v.toString()));
        }
        return Significance.SUBSTANTIVE;
    }

    private static List<String> strings(JsonNode filters, String field) {
        JsonNode v = filters.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw Problem.badRequest("filters." + field + " must be an array of strings");
        }
        if (v.size() > MAX_VALUES) {
            throw Problem.badRequest("filters." + field + " takes at most " + MAX_VALUES + " values");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw Problem.badRequest("filters." + field + " must be an array of strings");
            }
            String s = item.asText().strip();
            if (s.length() > MAX_VALUE_LENGTH || s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw Problem.badRequest("filters." + field + ": values must be at most " + MAX_VALUE_LENGTH
                        + " characters without control characters");
            }
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String clip(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
    }
}
