package dev.policywatch.diff.history;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.Significance;
import dev.policywatch.support.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Turns the query parameters of {@code /api/changes} and the feed into a {@link ChangeQuery}, or a 400 problem naming the parameter. */
final class ChangeQueryParser {

    private static final int MAX_Q = 200;
    /** The instants a query may name: years 1 to 9999 (PostgreSQL and java.sql.Timestamp both hold them). */
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private ChangeQueryParser() {
    }

    static ChangeQuery parse(String since, String until, String source, String jurisdiction, String kind, String type,
            String q, String limit, String cursor) {
        return parse(since, until, source, jurisdiction, kind, type, q, limit, cursor, null, null);
    }

    static ChangeQuery parse(String since, String until, String source, String jurisdiction, String kind, String type,
            String q, String limit, String cursor, String significance, String fact) {
        Instant from = instant("since", since);
        Instant to = instant("until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problem.badRequest("since must be before until");
        }
        String text = blankToNull(q);
        if (text != null && text.length() > MAX_Q) {
            throw Problem.badRequest("q must be at most " + MAX_Q + " characters");
        }
        ChangeQuery.Cursor position = null;
        if (blankToNull(cursor) != null) {
            try {
                position = Cursors.decode(cursor.trim());
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest(e.getMessage());
            }
        }
        return new ChangeQuery(from, to, blankToNull(source), blankToNull(jurisdiction),
                enums("kind", kind, ChangeKind.class), enums("type", type, ChangeType.class), text, limit(limit),
                position, significance(significance), enums("fact", fact, FactKind.class));
    }

    private static Significance significance(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Significance.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("significance must be SUBSTANTIVE (leaves out editorial-only changes) or EDITORIAL"
                    + " (only those), was " + clip(v));
        }
    }

    private static int limit(String value) {
        if (blankToNull(value) == null) {
            return ChangeQuery.DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= ChangeQuery.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw Problem.badRequest("limit must be a whole number from 1 to " + ChangeQuery.MAX_LIMIT + ", was " + value);
    }

    /** An ISO-8601 instant (2026-11-29T08:00:00Z) or a date (2026-11-29, midnight UTC). */
    private static Instant instant(String name, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        Instant at;
        try {
            at = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(name + " must be an ISO-8601 instant (2026-11-29T08:00:00Z) or date (2026-11-29), was "
                    + clip(v));
        }
        if (!storable(at)) {
            throw Problem.badRequest(name + " must be between the years 1 and 9999, was " + clip(v));
        }
        return at;
    }

    /** Whether the instant is one the history can be asked about (years 1 to 9999). */
    static boolean storable(Instant at) {
        return !at.isBefore(FIRST) && !at.isAfter(LAST);
    }

    private static <E extends Enum<E>> Set<E> enums(String name, String value, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        if (blankToNull(value) == null) {
            return out;
        }
        for (String part : value.split(",")) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            try {
                out.add(Enum.valueOf(type, p));
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest(name + " must be one or more (comma-separated) of "
                        + EnumSet.allOf(type) + ", was " + clip(part.trim()));
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
