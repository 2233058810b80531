package dev.policywatch.diff.history;

import dev.policywatch.diff.stream.PredecessorIndex;
import dev.policywatch.engine.lineage.Identifiers;
import dev.policywatch.engine.lineage.PredecessorMatcher;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@link PredecessorIndex} of production: the history in PostgreSQL, which holds every document of
 * every partition. The latest version of each document of the jurisdiction fetched before the new one
 * (from {@code history_changes}), filtered by title and identifiers before any text is read, then the
 * text of the few plausible ones ({@code history_contents}). At most {@value #MAX_CANDIDATES}
 * candidates, the most recent first. Thread-safe.
 */
@Singleton
public final class HistoryPredecessorIndex implements PredecessorIndex {

    /** The most candidates whose text is read for one new document. */
    public static final int MAX_CANDIDATES = 50;

    /** The most stored versions whose text is read for one new document. */
    public static final int MAX_READ = 500;

    private final HistoryStore store;

    public HistoryPredecessorIndex(HistoryStore store) {
        this.store = store;
    }

    @Override
    public List<Candidate> candidates(String jurisdiction, String documentId, String title, Set<String> identifiers,
            Instant before) {
        store.ensureSchema();
        List<Candidate> out = new ArrayList<>();
        int read = 0;
        String sql = "SELECT * FROM (SELECT DISTINCT ON (c.document_id) c.document_id, c.kind, c.payload, c.to_fetched_at "
                + "FROM history_changes c WHERE coalesce(upper(c.jurisdiction), '') = ? AND c.document_id <> ? "
                + "AND c.to_fetched_at < ? ORDER BY c.document_id, c.to_fetched_at DESC, c.detected_at DESC) latest "
                + "ORDER BY to_fetched_at DESC";
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, jurisdiction == null ? "" : jurisdiction.strip().toUpperCase(Locale.ROOT));
            ps.setString(2, documentId);
            ps.setTimestamp(3, Timestamp.from(before));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < MAX_CANDIDATES) {
                    if (ChangeKind.REMOVED.name().equals(rs.getString("kind"))) {
                        continue;
                    }
                    DocumentChange latest = EventJson.read(rs.getString("payload"), DocumentChange.class);
                    // without identifiers only the title can make it plausible: decide before reading any text
                    if (identifiers.isEmpty() && !PredecessorMatcher.plausible(jurisdiction, title, identifiers,
                            latest.jurisdiction(), latest.title(), Set.of())) {
                        continue;
                    }
                    if (++read > MAX_READ) {
                        break;
                    }
                    HistoryStore.Content content = store.content(latest.documentId(), latest.toVersion().contentHash())
                            .orElse(null);
                    if (content == null || content.blocks().isEmpty()) {
                        continue; // the projection has not stored this version's text (yet)
                    }
                    String candidateTitle = content.title() != null ? content.title() : latest.title();
                    List<Block> blocks = content.blocks();
                    if (!PredecessorMatcher.plausible(jurisdiction, title, identifiers, latest.jurisdiction(),
                            candidateTitle, Identifiers.of(candidateTitle, blocks))) {
                        continue;
                    }
                    out.add(new Candidate(new PredecessorMatcher.Document(latest.documentId(),
                            latest.toVersion().versionId(), latest.jurisdiction(), candidateTitle, blocks), latest.url(),
                            latest.toVersion().fetchedAt()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read candidate predecessors: " + e.getMessage(), e);
        }
        return out;
    }
}
