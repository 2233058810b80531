package dev.policywatch.notifier.match;

import dev.policywatch.api.subscriptions.Filters;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.Significance;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Decides whether a {@link DocumentChange} concerns a subscription's {@link Filters}.
 * <ul>
 *   <li>BASELINE changes never match (they are recorded, not alerted);</li>
 *   <li>sources match the change's sourceId, jurisdictions its jurisdiction (case-insensitive);</li>
 *   <li>keywords: any keyword appears in the title or in a changed provision's old or new text
 *       (structure changes included), compared case-insensitively after NFKC normalisation, so full-width
 *       and half-width forms match;</li>
 *   <li>change types: any provision change of one of the types; a NEW_DOCUMENT counts as ADDED and a
 *       REMOVED document as REMOVED, as their provisions are not listed one by one;</li>
 *   <li>significance SUBSTANTIVE: not an UPDATED change that is editorial only (every provision change
 *       EDITORIAL, no structure change); a change whose meaning is unknown (written before schema 2)
 *       counts as substantive, so nothing is hidden by mistake;</li>
 *   <li>facts: any provision change carrying one of the fact kinds, on either side.</li>
 * </ul>
 * Pure and thread-safe.
 */
public final class SubscriptionMatcher {

    private SubscriptionMatcher() {
    }

    public static boolean matches(Filters filters, DocumentChange change) {
        if (!change.alertable()) {
            return false;
        }
        if (!filters.sources().isEmpty() && !filters.sources().contains(change.sourceId())) {
            return false;
        }
        if (!filters.jurisdictions().isEmpty() && (change.jurisdiction() == null
                || filters.jurisdictions().stream().noneMatch(j -> j.equalsIgnoreCase(change.jurisdiction())))) {
            return false;
        }
        if (!filters.changeTypes().isEmpty() && filters.changeTypes().stream().noneMatch(t -> hasType(change, t))) {
            return false;
        }
        if (filters.significance() == Significance.SUBSTANTIVE && change.editorialOnly()) {
            return false;
        }
        if (!filters.facts().isEmpty() && filters.facts().stream().noneMatch(change.factKinds()::contains)) {
            return false;
        }
        if (!filters.keywords().isEmpty()) {
            return filters.keywords().stream().anyMatch(k -> mentions(change, normalise(k)));
        }
        return true;
    }

    private static boolean hasType(DocumentChange change, ChangeType type) {
        if (change.kind() == ChangeKind.NEW_DOCUMENT && type == ChangeType.ADDED) {
            return true;
        }
        if (change.kind() == ChangeKind.REMOVED && type == ChangeType.REMOVED) {
            return true;
        }
        return change.changes().stream().anyMatch(c -> c.type() == type);
    }

    private static boolean mentions(DocumentChange change, String keyword) {
        if (keyword.isEmpty()) {
            return false;
        }
        if (contains(change.title(), keyword)) {
            return true;
        }
        for (ProvisionChange c : change.changes()) {
            if (contains(c.oldText(), keyword) || contains(c.newText(), keyword)) {
                return true;
            }
        }
        for (ProvisionChange c : change.structureChanges()) {
            if (contains(c.oldText(), keyword) || contains(c.newText(), keyword)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String text, String normalisedKeyword) {
        return text != null && normalise(text).contains(normalisedKeyword);
    }

    static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }
}
