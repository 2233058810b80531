package dev.policywatch.web.api;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The timeline's filters, as {@code GET /api/changes} takes them: source id, jurisdiction, document
 * change kind, provision change type and a text search. Blank means "any". Validated: an unknown kind
 * or type, or a value over 200 characters, is an {@link IllegalArgumentException} naming the field.
 */
public record ChangeFilter(String source, String jurisdiction, ChangeKind kind, ChangeType type, String q) {

    private static final int MAX_LENGTH = 200;

    /** No filter: every change but baselines. */
    public static final ChangeFilter NONE = new ChangeFilter(null, null, null, null, null);

    public ChangeFilter {
        source = clean("source", source);
        jurisdiction = clean("jurisdiction", jurisdiction);
        q = clean("q", q);
    }

    /** Parses the filters of a page's query string. */
    public static ChangeFilter parse(String source, String jurisdiction, String kind, String type, String q) {
        return new ChangeFilter(source, jurisdiction, parseEnum(ChangeKind.class, "kind", kind),
                parseEnum(ChangeType.class, "type", type), q);
    }

    /** Whether any filter is set. */
    public boolean any() {
        return source != null || jurisdiction != null || kind != null || type != null || q != null;
    }

    /** The filters as query parameters (unset ones left out), in a stable order. */
    public Map<String, String> toQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "source", source);
        put(query, "jurisdiction", jurisdiction);
        put(query, "kind", kind == null ? null : kind.name());
        put(query, "type", type == null ? null : type.name());
        put(query, "q", q);
        return query;
    }

    private static void put(Map<String, String> query, String name, String value) {
        if (value != null) {
            query.put(name, value);
        }
    }

    private static String clean(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_LENGTH + " characters");
        }
        return v;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", was \"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"");
        }
    }
}
