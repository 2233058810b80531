package dev.policywatch.crawler.publish;

import dev.policywatch.events.PageSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Protects against a site redesign read as "every article removed". A document's new text is
 * <em>suspicious</em> when the source's {@code content} selector matched nothing, or when its text shrank
 * by more than {@code shrink} (default 60 %) at once. A suspicious text is held back, not published,
 * until the same text has been seen {@code confirmations} times in a row (then it is real: a repeal, a
 * rewrite) or an admin accepts it. Pure logic with in-memory state; thread-safe.
 */
public final class DriftGuard {

    private final double shrink;
    private final int confirmations;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** What made a text suspicious, as a code (the status API's {@code brokenReasonKind}). */
    public enum Suspicion {
        /** The source's content selector matched no element. */
        SELECTOR_MATCHED_NOTHING,
        /** The text shrank by more than the allowed share at once. */
        TEXT_SHRANK,
        /** A listing's links selector matched no document link. */
        NO_DOCUMENT_LINKS
    }

    /** A held-back snapshot, how many consecutive fetches gave it, and why (in words and as a code). */
    public record Pending(PageSnapshot snapshot, int seen, String reason, Suspicion suspicion) {
    }

    /** Whether to publish, and the warning (in words and as a code) when the text was suspicious. */
    public record Verdict(boolean publish, String warning, Suspicion suspicion) {
    }

    public DriftGuard(double shrink, int confirmations) {
        this.shrink = shrink;
        this.confirmations = confirmations;
    }

    /**
     * @param snapshot        the new snapshot of a present document
     * @param selectorMatched whether the content selector (if any) matched an element
     * @param previousLength  text length of the last published version, or -1 when none
     */
    public Verdict assess(PageSnapshot snapshot, boolean selectorMatched, int previousLength) {
        int length = PublishedState.textLength(snapshot.blocks());
        String suspicion = null;
        Suspicion kind = null;
        if (!selectorMatched) {
            suspicion = "content selector matched nothing";
            kind = Suspicion.SELECTOR_MATCHED_NOTHING;
        } else if (previousLength > 0 && length < previousLength * (1 - shrink)) {
            suspicion = "text shrank from " + previousLength + " to " + length + " characters (more than "
                    + Math.round(shrink * 100) + " % at once)";
            kind = Suspicion.TEXT_SHRANK;
        }
        String id = snapshot.documentId();
        if (suspicion == null) {
            pending.remove(id);
            return new Verdict(true, null, null);
        }
        String reason = suspicion;
        Suspicion why = kind;
        Pending p = pending.compute(id, (k, old) -> old != null
                && old.snapshot().contentHash().equals(snapshot.contentHash())
                ? new Pending(snapshot, old.seen() + 1, reason, why) : new Pending(snapshot, 1, reason, why));
        if (p.seen() >= confirmations) {
            pending.remove(id);
            return new Verdict(true, reason + "; the same text was seen " + p.seen() + " times in a row, publishing it",
                    why);
        }
        return new Verdict(false, reason + "; held back (seen " + p.seen() + " of " + confirmations + " times)", why);
    }

    /** Removes and returns the held-back snapshots of a source (an admin accepted them). */
    public List<PageSnapshot> accept(String sourceId) {
        List<PageSnapshot> out = new ArrayList<>();
        pending.entrySet().removeIf(e -> {
            if (e.getValue().snapshot().sourceId().equals(sourceId)) {
                out.add(e.getValue().snapshot());
                return true;
            }
            return false;
        });
        return out;
    }

    /** The held-back documents of a source. */
    public List<Pending> pendingOf(String sourceId) {
        return pending.values().stream().filter(p -> p.snapshot().sourceId().equals(sourceId)).toList();
    }

    /** Forgets a document (it was gone, or fetched unsuspiciously). */
    public void forget(String documentId) {
        pending.remove(documentId);
    }
}
