package dev.policywatch.diff.history;

import dev.policywatch.diff.stream.PredecessorIndex;
import dev.policywatch.engine.lineage.Identifiers;
import dev.policywatch.engine.lineage.PredecessorMatcher;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import jakarta.inject.Singleton;
import java.sql.Array;
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
 * every partition. Candidates come from indexes of the stored texts ({@code history_contents}, migration
 * V5), never from a scan of the jurisdiction: documents with the same title key, with the
 * {@value #PER_BRANCH} nearest title keys (pg_trgm's KNN over a GiST index, when pg_trgm is installed),
 * and with a shared strong identifier, at most {@value #PER_BRANCH} of each. Of each such document its
 * latest version fetched before the new one ({@code history_changes}) is kept when it is of the same
 * jurisdiction, not gone, and plausible by its stored title and identifiers; only then is its text read.
 * At most {@value #MAX_CANDIDATES} candidates, the most recent first. The rows read per new document are
 * bounded whatever the size of the history. Thread-safe.
 */
@Singleton
public final class HistoryPredecessorIndex implements PredecessorIndex {

    /** The most candidates whose text is read for one new document. */
    public static final int MAX_CANDIDATES = 50;

    /** The most documents each index (same key, near key, identifiers) proposes for one new document. */
    public static final int PER_BRANCH = 50;

    private final HistoryStore store;

    public HistoryPredecessorIndex(HistoryStore store) {
        this.store = store;
    }

    /** What one lookup read: rows of candidate documents, and stored texts. */
    static final class Reads {
        int rows;
        int texts;
    }

    @Override
    public List<Candidate> candidates(String jurisdiction, String documentId, String title, Set<String> identifiers,
            Instant before) {
        return candidates(jurisdiction, documentId, title, identifiers, before, new Reads());
    }

    List<Candidate> candidates(String jurisdiction, String documentId, String title, Set<String> identifiers,
            Instant before, Reads reads) {
        String key = PredecessorMatcher.titleKey(title);
        boolean byTitle = key.length() >= PredecessorMatcher.MIN_TITLE_KEY;
        String trgm = store.trigramSchema();
        List<String> branches = new ArrayList<>();
        if (byTitle) {
            branches.add("(SELECT document_id FROM history_contents WHERE title_key = ? AND document_id <> ? LIMIT "
                    + PER_BRANCH + ")");
            if (trgm != null) {
                branches.add("(SELECT document_id FROM history_contents WHERE title_gram OPERATOR(" + trgm + ".%) ? "
                        + "AND document_id <> ? ORDER BY title_gram OPERATOR(" + trgm + ".<->) ? LIMIT " + PER_BRANCH + ")");
            }
        }
        if (!identifiers.isEmpty()) {
            branches.add("(SELECT document_id FROM history_contents WHERE identifiers && ? AND document_id <> ? LIMIT "
                    + PER_BRANCH + ")");
        }
        if (branches.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT l.kind, l.payload, l.jurisdiction, hc.document_id AS stored, hc.title, hc.identifiers "
                + "FROM (SELECT DISTINCT document_id FROM (" + String.join(" UNION ALL ", branches) + ") b) m "
                + "CROSS JOIN LATERAL (SELECT c.document_id, c.kind, c.payload, c.jurisdiction, c.to_fetched_at, "
                + "v.content_hash FROM history_changes c JOIN history_versions v ON v.version_id = c.to_version_id "
                + "WHERE c.document_id = m.document_id AND c.to_fetched_at < ? "
                + "ORDER BY c.to_fetched_at DESC, c.detected_at DESC LIMIT 1) l "
                + "LEFT JOIN history_contents hc ON hc.document_id = l.document_id AND hc.content_hash = l.content_hash "
                + "WHERE coalesce(upper(l.jurisdiction), '') = ? ORDER BY l.to_fetched_at DESC";
        List<Candidate> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (byTitle) {
                ps.setString(i++, key);
                ps.setString(i++, documentId);
                if (trgm != null) {
                    String gram = HistoryStore.titleGram(key);
                    ps.setString(i++, gram);
                    ps.setString(i++, documentId);
                    ps.setString(i++, gram);
                }
            }
            if (!identifiers.isEmpty()) {
                ps.setArray(i++, c.createArrayOf("text", identifiers.toArray()));
                ps.setString(i++, documentId);
            }
            ps.setTimestamp(i++, Timestamp.from(before));
            ps.setString(i, jurisdiction == null ? "" : jurisdiction.strip().toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < MAX_CANDIDATES) {
                    reads.rows++;
                    if (ChangeKind.REMOVED.name().equals(rs.getString("kind")) || rs.getString("stored") == null) {
                        continue; // gone, or the projection has not stored this version's text (yet)
                    }
                    String storedTitle = rs.getString("title");
                    Array ids = rs.getArray("identifiers");
                    Set<String> storedIds = ids == null ? Set.of() : Set.of((String[]) ids.getArray());
                    // decide on the stored title and identifiers before any text is read
                    if (storedTitle != null && !PredecessorMatcher.plausible(jurisdiction, title, identifiers,
                            rs.getString("jurisdiction"), storedTitle, storedIds)) {
                        continue;
                    }
                    DocumentChange latest = EventJson.read(rs.getString("payload"), DocumentChange.class);
                    reads.texts++;
                    HistoryStore.Content content = store.content(latest.documentId(), latest.toVersion().contentHash())
                            .orElse(null);
                    if (content == null || content.blocks().isEmpty()) {
                        continue;
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
