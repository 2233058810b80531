package dev.policywatch.web.api;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.Significance;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The timeline's filters, as {@code GET /api/changes} takes them: source id, jurisdiction, document
 * change kind, provision change type, a text search, significance (SUBSTANTIVE: leave out editorial-only
 * changes; EDITORIAL: only those) and a fact kind. Blank means "any". Validated: an unknown kind
 * or type, or a value over 200 characters, is an {@link IllegalArgumentException} naming the field.
 */
public record ChangeFilter(String source, String jurisdiction, ChangeKind kind, ChangeType type, String q,
        Significance significance, FactKind fact) {

    private static final int MAX_LENGTH = 200;

    /** No filter: every change but baselines. */
    public static final ChangeFilter NONE = new ChangeFilter(null, null, null, null, null);

    /** Filters without significance or fact. */
    public ChangeFilter(String source, String jurisdiction, ChangeKind kind, ChangeType type, String q) {
        this(source, jurisdiction, kind, type, q, null, null);
    }

    public ChangeFilter {
        source = clean("source", source);
        jurisdiction = clean("jurisdiction", jurisdiction);
        q = clean("q", q);
    }

    /** Parses the filters of a page's query string. */
    public static ChangeFilter parse(String source, String jurisdiction, String kind, String type, String q) {
        return parse(source, jurisdiction, kind, type, q, null, null);
    }

    /** Parses the filters of a page's query string, significance (SUBSTANTIVE, EDITORIAL) and fact included. */
    public static ChangeFilter parse(String source, String jurisdiction, String kind, String type, String q,
            String significance, String fact) {
        return new ChangeFilter(source, jurisdiction, parseEnum(ChangeKind.class, "kind", kind),
                parseEnum(ChangeType.class, "type", type), q, parseEnum(Significance.class, "significance", significance),
                parseEnum(FactKind.class, "fact", fact));
    }

    /** Whether any filter is set. */
    public boolean any() {
        return source != null || jurisdiction != null || kind != null || type != null || q != null
                || significance != null || fact != null;
    }

    /** The filters as query parameters (unset ones left out), in a stable order. */
    public Map<String, String> toQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "source", source);
        put(query, "jurisdiction", jurisdiction);
        put(query, "kind", kind == null ? null : kind.name());
        put(query, "type", type == null ? null : type.name());
        put(query, "q", q);
        put(query, "significance", significance == null ? null : significance.name());
        put(query, "fact", fact == null ? null : fact.name());
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
