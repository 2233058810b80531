package dev.policywatch.crawler.publish;

import dev.policywatch.events.Block;
import dev.policywatch.events.ContentHash;
import dev.policywatch.events.DocumentStatus;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was last published per documentId: the content hash and title (to publish only changes), the text
 * length (for the drift guard), the status and origin. Rebuilt at start by reading the snapshots topic,
 * so a restart does not republish every document. Thread-safe.
 */
public final class PublishedState {

    /** The last snapshot published for one document, in brief. */
    public record Entry(String sourceId, String contentHash, int textLength, DocumentStatus status, Origin origin,
            String url, String title) {

        /** Whether {@code snapshot} says the same as this entry: same text and same title (a title is a change). */
        public boolean sameAs(PageSnapshot snapshot) {
            return status == DocumentStatus.PRESENT && snapshot.status() == DocumentStatus.PRESENT
                    && contentHash.equals(snapshot.contentHash())
                    && ContentHash.normalise(title == null ? "" : title)
                            .equals(ContentHash.normalise(snapshot.title() == null ? "" : snapshot.title()));
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public Optional<Entry> get(String documentId) {
        return Optional.ofNullable(entries.get(documentId));
    }

    /** Records a snapshot as published. */
    public void record(PageSnapshot s) {
        entries.put(s.documentId(), new Entry(s.sourceId(), s.contentHash(), textLength(s.blocks()), s.status(),
                s.origin(), s.url(), s.title()));
    }

    /** Whether any document of the source was ever published (a listing crawled before). */
    public boolean anyOfSource(String sourceId) {
        for (Entry e : entries.values()) {
            if (sourceId.equals(e.sourceId())) {
                return true;
            }
        }
        return false;
    }

    /** How many documents of the source are known. */
    public long countOfSource(String sourceId) {
        return entries.values().stream().filter(e -> sourceId.equals(e.sourceId())).count();
    }

    public int size() {
        return entries.size();
    }

    Collection<Entry> entries() {
        return entries.values();
    }

    /** The number of characters of text in the blocks. */
    public static int textLength(List<Block> blocks) {
        int n = 0;
        for (Block b : blocks) {
            n += b.text().length();
        }
        return n;
    }
}
