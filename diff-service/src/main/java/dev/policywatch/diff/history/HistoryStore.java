package dev.policywatch.diff.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.policywatch.diff.DiffSettings;
import dev.policywatch.diff.replay.Generation;
import dev.policywatch.diff.replay.HistoryGenerations;
import dev.policywatch.engine.Engine;
import dev.policywatch.engine.lineage.Identifiers;
import dev.policywatch.engine.lineage.PredecessorMatcher;
import dev.policywatch.engine.segment.Segmentation;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.Significance;
import dev.policywatch.events.VersionRef;
import dev.policywatch.support.db.SchemaMigrations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history in PostgreSQL (tables {@code history_*}, migrations {@code db/history}): writes are
 * idempotent (by changeId, versionId, and documentId + content hash), so a record delivered twice
 * or a replay into the same tables changes nothing. Plain JDBC on the application's DataSource.
 * Thread-safe.
 */
@Singleton
public final class HistoryStore {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);
    private static final TypeReference<List<Block>> BLOCKS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final Generation generation;
    private final Engine engine = new Engine();
    private volatile boolean migrated;
    /** The schema of pg_trgm when it is installed (its operators are qualified with it), else null. */
    private volatile String trigramSchema;

    @Inject
    public HistoryStore(DataSource dataSource, DiffSettings settings) {
        this(dataSource, settings.generation());
    }

    public HistoryStore(DataSource dataSource, Generation generation) {
        this.dataSource = dataSource;
        this.generation = generation;
    }

    /** Migrates the schema once, brings it to the configured replay generation, then tries to add a trigram index for {@code q} (plain ILIKE works without it). */
    public void ensureSchema() {
        if (migrated) {
            return;
        }
        synchronized (this) {
            if (migrated) {
                return;
            }
            SchemaMigrations.migrate(dataSource, "history");
            addTrigramIndex();
            indexLineageKeys();
            HistoryGenerations.ensure(dataSource, generation);
            migrated = true;
        }
    }

    Connection connection() throws SQLException {
        ensureSchema();
        return dataSource.getConnection();
    }

    private void addTrigramIndex() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            String schema = null;
            try (ResultSet rs = st.executeQuery("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                    + "ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'")) {
                if (rs.next()) {
                    schema = rs.getString(1);
                }
            }
            if (schema != null) {
                String quoted = "\"" + schema.replace("\"", "") + "\"";
                st.execute("CREATE INDEX IF NOT EXISTS history_changes_search_trgm ON history_changes "
                        + "USING gin (search_text " + quoted + ".gin_trgm_ops)");
                // lineage: the nearest title keys, by a KNN scan of this index (HistoryPredecessorIndex)
                st.execute("CREATE INDEX IF NOT EXISTS history_contents_title_gram ON history_contents "
                        + "USING gist (title_gram " + quoted + ".gist_trgm_ops)");
                trigramSchema = quoted;
            }
        } catch (SQLException e) {
            LOG.info("No trigram index for change search (q works, by a scan) nor for near titles (lineage "
                    + "finds predecessors by the same title key and identifiers only): {}", e.getMessage());
        }
    }

    /** The quoted schema of pg_trgm's operators, or null when pg_trgm is not installed. */
    String trigramSchema() {
        ensureSchema();
        return trigramSchema;
    }

    /** Computes the lineage columns (migration V5) of texts stored before they existed, 500 at a time. */
    private void indexLineageKeys() {
        int done = 0;
        try (Connection c = dataSource.getConnection()) {
            while (true) {
                List<String[]> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT document_id, content_hash, title, blocks "
                        + "FROM history_contents WHERE title_key IS NULL LIMIT 500");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
                if (rows.isEmpty()) {
                    break;
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE history_contents SET title_key = ?, "
                        + "title_gram = ?, identifiers = ? WHERE document_id = ? AND content_hash = ?")) {
                    for (String[] r : rows) {
                        bindLineageKeys(c, ps, 1, r[2], readBlocks(r[3]));
                        ps.setString(4, r[0]);
                        ps.setString(5, r[1]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                done += rows.size();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot index the stored titles for lineage: " + e.getMessage(), e);
        }
        if (done > 0) {
            LOG.info("Indexed the titles and identifiers of {} stored texts for lineage", done);
        }
    }

    /** Binds title_key, title_gram and identifiers of a text from {@code first} on. */
    private static void bindLineageKeys(Connection c, PreparedStatement ps, int first, String title, List<Block> blocks)
            throws SQLException {
        String key = PredecessorMatcher.titleKey(title);
        ps.setString(first, key);
        ps.setString(first + 1, titleGram(key));
        ps.setArray(first + 2, c.createArrayOf("text", Identifiers.of(title, blocks).toArray()));
    }

    private static final String GRAM_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    /**
     * A title key as pg_trgm reads it whatever the database's locale: ASCII letters and digits stay,
     * every other character (CJK, accented) becomes one of them by a hash. pg_trgm counts only
     * alphanumerics of the locale (none beyond ASCII under "C"), so a Chinese key would otherwise have
     * no trigrams. Collisions only make more keys look near; the matcher decides on the real titles.
     */
    static String titleGram(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        key.codePoints().forEach(cp -> sb.append((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ? (char) cp
                : GRAM_ALPHABET.charAt(Math.floorMod(cp * 0x9E3779B1, GRAM_ALPHABET.length()))));
        return sb.toString();
    }

    // ---- writes (the projection) ----

    /** Records a change and the version it introduces; false when the changeId was already there. */
    boolean writeChange(Connection c, DocumentChange change, String payload) throws SQLException {
        VersionRef to = change.toVersion();
        String supersedes = change.correction() == null ? null : change.correction().supersedes();
        int inserted;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO history_changes (change_id, document_id, source_id, "
                + "jurisdiction, kind, detected_at, from_version_id, to_version_id, to_fetched_at, added, removed, "
                + "modified, renumbered, search_text, payload, editorial_only, fact_kinds, supersedes) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (change_id) DO NOTHING")) {
            ps.setString(1, change.changeId());
            ps.setString(2, change.documentId());
            ps.setString(3, change.sourceId());
            ps.setString(4, change.jurisdiction());
            ps.setString(5, change.kind().name());
            ps.setTimestamp(6, Timestamp.from(change.detectedAt()));
            ps.setString(7, change.fromVersion() == null ? null : change.fromVersion().versionId());
            ps.setString(8, to.versionId());
            ps.setTimestamp(9, Timestamp.from(to.fetchedAt()));
            ps.setInt(10, change.summary().added());
            ps.setInt(11, change.summary().removed());
            ps.setInt(12, change.summary().modified());
            ps.setInt(13, change.summary().renumbered());
            ps.setString(14, searchText(change));
            ps.setString(15, payload);
            ps.setBoolean(16, change.editorialOnly());
            ps.setString(17, factKinds(change));
            ps.setString(18, supersedes);
            inserted = ps.executeUpdate();
        }
        // a correction takes over the version it recomputes; the superseded change keeps its row
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO history_versions (version_id, document_id, "
                + "fetched_at, content_hash, change_id, kind) VALUES (?,?,?,?,?,?) ON CONFLICT (version_id) "
                + "DO UPDATE SET change_id = EXCLUDED.change_id WHERE history_versions.change_id = ?")) {
            ps.setString(1, to.versionId());
            ps.setString(2, change.documentId());
            ps.setTimestamp(3, Timestamp.from(to.fetchedAt()));
            ps.setString(4, to.contentHash());
            ps.setString(5, change.changeId());
            ps.setString(6, change.kind().name());
            ps.setString(7, supersedes);
            ps.executeUpdate();
        }
        if (inserted > 0) {
            markSuperseded(c, change.changeId(), supersedes);
        }
        return inserted > 0;
    }

    /**
     * Notes {@code supersededBy} in the payload of the change a correction supersedes, whichever of the
     * two was written first (a replay may bring the correction before the change it corrects).
     */
    private static void markSuperseded(Connection c, String changeId, String supersedes) throws SQLException {
        String mark = "UPDATE history_changes SET payload = jsonb_set(payload::jsonb, '{supersededBy}', "
                + "to_jsonb(?::text))::text WHERE change_id = ?";
        if (supersedes != null) {
            try (PreparedStatement ps = c.prepareStatement(mark)) {
                ps.setString(1, changeId);
                ps.setString(2, supersedes);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT change_id FROM history_changes WHERE supersedes = ? ORDER BY detected_at LIMIT 1")) {
            ps.setString(1, changeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    try (PreparedStatement up = c.prepareStatement(mark)) {
                        up.setString(1, rs.getString(1));
                        up.setString(2, changeId);
                        up.executeUpdate();
                    }
                }
            }
        }
    }

    /** Keeps the text of a snapshot once per distinct content of its document; false when already kept. */
    boolean writeContent(Connection c, PageSnapshot snapshot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM history_contents WHERE document_id = ? AND content_hash = ?")) {
            ps.setString(1, snapshot.documentId());
            ps.setString(2, snapshot.contentHash());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        Segmentation segmentation = engine.segment(snapshot.blocks());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO history_contents (document_id, content_hash, title, "
                + "language, blocks, segmentation, title_key, title_gram, identifiers) VALUES (?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT DO NOTHING")) {
            ps.setString(1, snapshot.documentId());
            ps.setString(2, snapshot.contentHash());
            ps.setString(3, snapshot.title());
            ps.setString(4, snapshot.language());
            ps.setString(5, EventJson.writeString(snapshot.blocks()));
            ps.setString(6, EventJson.writeString(segmentation));
            bindLineageKeys(c, ps, 7, snapshot.title(), snapshot.blocks());
            return ps.executeUpdate() > 0;
        }
    }

    /** The change's fact kinds as ",FINE,OBLIGATION," (empty when none): what {@code fact} matches. */
    static String factKinds(DocumentChange change) {
        StringBuilder sb = new StringBuilder();
        for (FactKind k : change.factKinds()) {
            sb.append(sb.length() == 0 ? "," : "").append(k.name()).append(',');
        }
        return sb.toString();
    }

    /**
     * What {@code q} matches, lower-cased: the labels of every provision and structure change, and the
     * texts of those whose text changed (a RENUMBERED provision's text is the same before and after, so
     * it is not searched: see {@link dev.policywatch.events.SearchMatch}). Migration V2 applies the same
     * rule to rows written before.
     */
    static String searchText(DocumentChange change) {
        StringBuilder sb = new StringBuilder();
        for (List<ProvisionChange> list : List.of(change.changes(), change.structureChanges())) {
            for (ProvisionChange p : list) {
                boolean textChanged = p.type() != ChangeType.RENUMBERED;
                for (String s : new String[] {p.oldLabel(), p.newLabel(), textChanged ? p.oldText() : null,
                        textChanged ? p.newText() : null}) {
                    if (s != null) {
                        sb.append(s).append('\n');
                    }
                }
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    // ---- reads (the API) ----

    /** One page of changes, newest first, and the cursor of the next page (null at the end). */
    public Page changes(ChangeQuery query) {
        StringBuilder sql = new StringBuilder("SELECT change_id, detected_at, payload FROM history_changes WHERE true");
        List<Object> args = new ArrayList<>();
        if (query.since() != null) {
            sql.append(" AND detected_at >= ?");
            args.add(Timestamp.from(query.since()));
        }
        if (query.until() != null) {
            sql.append(" AND detected_at < ?");
            args.add(Timestamp.from(query.until()));
        }
        if (query.source() != null) {
            sql.append(" AND source_id = ?");
            args.add(query.source());
        }
        if (query.jurisdiction() != null) {
            sql.append(" AND upper(jurisdiction) = upper(?)");
            args.add(query.jurisdiction());
        }
        if (query.kinds().isEmpty()) {
            sql.append(" AND kind <> 'BASELINE'");
        } else {
            sql.append(" AND kind IN (").append(placeholders(query.kinds().size())).append(")");
            query.kinds().stream().map(ChangeKind::name).sorted().forEach(args::add);
        }
        if (!query.types().isEmpty()) {
            sql.append(" AND (").append(query.types().stream().sorted().map(t -> switch (t) {
                case ADDED -> "added > 0";
                case REMOVED -> "removed > 0";
                case MODIFIED -> "modified > 0";
                case RENUMBERED -> "renumbered > 0";
            }).collect(Collectors.joining(" OR "))).append(")");
        }
        if (query.significance() != null) {
            sql.append(query.significance() == Significance.EDITORIAL ? " AND editorial_only" : " AND NOT editorial_only");
        }
        if (!query.facts().isEmpty()) {
            sql.append(" AND (").append(query.facts().stream().sorted().map(f -> "fact_kinds LIKE ?")
                    .collect(Collectors.joining(" OR "))).append(")");
            query.facts().stream().sorted().forEach(f -> args.add("%," + f.name() + ",%"));
        }
        if (query.q() != null) {
            sql.append(" AND search_text LIKE ? ESCAPE '\\'");
            args.add("%" + escapeLike(query.q().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.cursor() != null) {
            sql.append(" AND (detected_at, change_id) < (?, ?)");
            args.add(Timestamp.from(query.cursor().detectedAt()));
            args.add(query.cursor().changeId());
        }
        sql.append(" ORDER BY detected_at DESC, change_id DESC LIMIT ?");
        args.add(query.limit() + 1);
        List<String> payloads = new ArrayList<>();
        ChangeQuery.Cursor last = null;
        String next = null;
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (payloads.size() == query.limit()) {
                        next = Cursors.encode(last);
                        break;
                    }
                    payloads.add(rs.getString("payload"));
                    last = new ChangeQuery.Cursor(rs.getTimestamp("detected_at").toInstant(), rs.getString("change_id"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read changes: " + e.getMessage(), e);
        }
        return new Page(payloads, next);
    }

    /** A page of changes as their JSON payloads. */
    public record Page(List<String> payloads, String nextCursor) {
    }

    public Optional<String> change(String changeId) {
        return queryOne("SELECT payload FROM history_changes WHERE change_id = ?", rs -> rs.getString(1), changeId);
    }

    /** Every document with its latest version (by fetchedAt) and its number of changes (baselines excluded). */
    public List<DocumentRow> documents() {
        String sql = "SELECT DISTINCT ON (c.document_id) c.document_id, c.payload, "
                + "(SELECT count(*) FROM history_changes x WHERE x.document_id = c.document_id AND x.kind <> 'BASELINE') AS n "
                + "FROM history_changes c ORDER BY c.document_id, c.to_fetched_at DESC, c.detected_at DESC";
        List<DocumentRow> rows = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new DocumentRow(EventJson.read(rs.getString("payload"), DocumentChange.class), rs.getLong("n")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read documents: " + e.getMessage(), e);
        }
        return rows;
    }

    /** One document's latest change and change count (baselines excluded); empty when unknown. */
    public Optional<DocumentRow> document(String documentId) {
        return queryOne("SELECT c.payload, (SELECT count(*) FROM history_changes x WHERE x.document_id = c.document_id "
                + "AND x.kind <> 'BASELINE') AS n FROM history_changes c WHERE c.document_id = ? "
                + "ORDER BY c.to_fetched_at DESC, c.detected_at DESC LIMIT 1",
                rs -> new DocumentRow(EventJson.read(rs.getString(1), DocumentChange.class), rs.getLong(2)), documentId);
    }

    /** Rows of history_changes ({@code c}) that no correction supersedes. */
    private static final String NOT_SUPERSEDED =
            " AND NOT EXISTS (SELECT 1 FROM history_changes s WHERE s.supersedes = c.change_id)";

    /**
     * A document's first change (BASELINE or NEW_DOCUMENT), which carries its predecessor if any: the
     * latest correction of it when an administrator corrected the link (superseded changes are skipped).
     */
    public Optional<DocumentChange> firstChange(String documentId) {
        return queryOne("SELECT payload FROM history_changes c WHERE document_id = ? AND kind IN ('BASELINE', "
                + "'NEW_DOCUMENT')" + NOT_SUPERSEDED + " ORDER BY to_fetched_at, detected_at DESC LIMIT 1",
                rs -> EventJson.read(rs.getString(1), DocumentChange.class), documentId);
    }

    /**
     * The first changes of the documents whose predecessor is {@code documentId}, oldest first (the
     * payload's {@code predecessor.documentId}, superseded changes skipped; a scan of first changes, fine
     * for histories of some hundred thousand changes).
     */
    public List<DocumentChange> successors(String documentId) {
        List<DocumentChange> out = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement("SELECT payload FROM history_changes c "
                + "WHERE kind IN ('BASELINE', 'NEW_DOCUMENT') AND payload::jsonb -> 'predecessor' ->> 'documentId' = ?"
                + NOT_SUPERSEDED + " ORDER BY to_fetched_at, change_id")) {
            ps.setString(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(EventJson.read(rs.getString(1), DocumentChange.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read successors of " + documentId + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** A document's latest change (which names its latest version) and its change count. */
    public record DocumentRow(DocumentChange latest, long changeCount) {
    }

    /** The versions of a document, newest first; empty when the document is unknown. */
    public List<VersionRow> versions(String documentId) {
        List<VersionRow> rows = new ArrayList<>();
        // with the summary of the change that introduced each version (what the document page lists)
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement("SELECT v.version_id, "
                + "v.fetched_at, v.content_hash, v.change_id, v.kind, (h.payload::jsonb -> 'summary')::text AS summary "
                + "FROM history_versions v LEFT JOIN history_changes h ON h.change_id = v.change_id "
                + "WHERE v.document_id = ? ORDER BY v.fetched_at DESC, v.version_id")) {
            ps.setString(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String summary = rs.getString("summary");
                    VersionRow row = versionRow(rs);
                    rows.add(summary == null || summary.equals("null") ? row : new VersionRow(row.version(),
                            row.changeId(), row.kind(), EventJson.read(summary, ChangeSummary.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read versions of " + documentId + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /**
     * One version of a document and the change that introduced it, with that change's summary where it
     * was read ({@link #versions}), else null.
     */
    public record VersionRow(VersionRef version, String changeId, ChangeKind kind, ChangeSummary summary) {
    }

    public Optional<VersionRow> version(String documentId, String versionId) {
        return queryOne("SELECT version_id, fetched_at, content_hash, change_id, kind FROM history_versions "
                + "WHERE document_id = ? AND version_id = ?", HistoryStore::versionRow, documentId, versionId);
    }

    /** The kept text of a version: empty while its snapshot has not been projected yet. */
    public Optional<Content> content(String documentId, String contentHash) {
        return queryOne("SELECT title, language, blocks, segmentation FROM history_contents "
                + "WHERE document_id = ? AND content_hash = ?", rs -> new Content(rs.getString("title"),
                rs.getString("language"), readBlocks(rs.getString("blocks")),
                EventJson.read(rs.getString("segmentation"), Segmentation.class)), documentId, contentHash);
    }

    /** The text of one version: blocks as extracted, and the engine's segmentation of them. */
    public record Content(String title, String language, List<Block> blocks, Segmentation segmentation) {
    }

    private static VersionRow versionRow(ResultSet rs) throws SQLException {
        return new VersionRow(new VersionRef(rs.getString("version_id"), rs.getTimestamp("fetched_at").toInstant(),
                rs.getString("content_hash")), rs.getString("change_id"), ChangeKind.valueOf(rs.getString("kind")), null);
    }

    private static List<Block> readBlocks(String json) {
        try {
            return EventJson.mapper().readValue(json, BLOCKS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored blocks are not readable: " + e.getOriginalMessage(), e);
        }
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> queryOne(String sql, RowReader<T> reader, Object... args) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, List.of(args));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("history query failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
