package dev.policywatch.diff.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the history tables hold one generation: when a higher generation starts, they are emptied
 * (in one transaction, together with recording the generation), so the projection fills them again
 * from the new generation's changes. Starting the same generation again changes nothing; an older
 * generation than the stored one is refused, because it would mix two histories.
 */
public final class HistoryGenerations {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryGenerations.class);
    private static final String[] TABLES = {"history_changes", "history_versions", "history_contents"};

    private HistoryGenerations() {
    }

    /** Brings the tables (already migrated) to {@code generation}; true when they were emptied. */
    public static boolean ensure(DataSource dataSource, Generation generation) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("LOCK TABLE history_generation IN EXCLUSIVE MODE");
                Integer stored = null;
                try (ResultSet rs = st.executeQuery("SELECT generation FROM history_generation")) {
                    if (rs.next()) {
                        stored = rs.getInt(1);
                    }
                }
                boolean emptied = false;
                if (stored != null && stored > generation.number()) {
                    throw new IllegalStateException("the history holds generation " + stored
                            + ", newer than policywatch.diff.generation=" + generation.number());
                }
                if (stored != null && stored < generation.number()) {
                    st.execute("TRUNCATE " + String.join(", ", TABLES));
                    emptied = true;
                    LOG.info("History emptied for replay generation {} (was {})", generation.number(), stored);
                }
                if (stored == null || emptied) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO history_generation (generation) "
                            + "VALUES (?) ON CONFLICT (singleton) DO UPDATE SET generation = EXCLUDED.generation, "
                            + "started_at = now()")) {
                        ps.setInt(1, generation.number());
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return emptied;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the history generation: " + e.getMessage(), e);
        }
    }
}
