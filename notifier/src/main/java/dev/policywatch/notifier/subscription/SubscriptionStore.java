package dev.policywatch.notifier.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.policywatch.events.Language;
import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.Filters;
import dev.policywatch.api.subscriptions.Mode;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import dev.policywatch.api.subscriptions.SubscriptionView;
import dev.policywatch.events.EventJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Subscriptions in PostgreSQL ({@code notifier_subscription}). Manage tokens are stored as SHA-256
 * hashes only. Every method is one short transaction; thread-safe.
 */
public final class SubscriptionStore {

    private static final String COLUMNS = "id, channel, target, filters, mode, digest_time, digest_zone, status, "
            + "status_reason, created_at, confirmed_at, secret, locale";

    private final DataSource dataSource;

    public SubscriptionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores a new subscription; one still pending confirmation gets its confirmation email queued in
     * the outbox in the same transaction, so there is never one without the other.
     */
    public void insert(Subscription s, String manageTokenHash) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO notifier_subscription (" + COLUMNS + ", manage_token_hash, updated_at) "
                                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    ps.setString(1, s.id());
                    ps.setString(2, s.channel().wire());
                    ps.setString(3, s.target());
                    ps.setString(4, writeFilters(s.filters()));
                    ps.setString(5, s.mode().wire());
                    ps.setString(6, s.digestTime() == null ? null : s.digestTime().toString());
                    ps.setString(7, s.digestZone() == null ? null : s.digestZone().getId());
                    ps.setString(8, s.status().wire());
                    ps.setString(9, s.statusReason());
                    ps.setTimestamp(10, Timestamp.from(s.createdAt()));
                    ps.setTimestamp(11, s.confirmedAt() == null ? null : Timestamp.from(s.confirmedAt()));
                    ps.setString(12, s.secret());
                    ps.setString(13, s.locale().tag());
                    ps.setString(14, manageTokenHash);
                    ps.setTimestamp(15, Timestamp.from(s.createdAt()));
                    ps.executeUpdate();
                }
                if (s.status() == SubscriptionStatus.PENDING_CONFIRMATION) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO notifier_delivery (subscription_id, "
                            + "kind, status, next_attempt_at, created_at) VALUES (?, 'confirmation', 'pending', ?, ?)")) {
                        ps.setString(1, s.id());
                        ps.setTimestamp(2, Timestamp.from(s.createdAt()));
                        ps.setTimestamp(3, Timestamp.from(s.createdAt()));
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store subscription " + s.id(), e);
        }
    }

    /** Delivery counts by status and the last delivery error of a subscription. */
    public SubscriptionView.Deliveries deliveryStats(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FILTER (WHERE status IN ('pending', 'sending')), count(*) FILTER (WHERE status = 'sent'), "
                        + "count(*) FILTER (WHERE status = 'dead'), "
                        + "(SELECT last_error FROM notifier_delivery d2 WHERE d2.subscription_id = ? "
                        + "AND d2.last_error IS NOT NULL ORDER BY d2.id DESC LIMIT 1) "
                        + "FROM notifier_delivery WHERE subscription_id = ?")) {
            ps.setString(1, id);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new SubscriptionView.Deliveries(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read deliveries of " + id, e);
        }
    }

    public Optional<Subscription> find(String id) {
        List<Subscription> found = query("SELECT " + COLUMNS + " FROM notifier_subscription WHERE id = ?", id);
        return found.stream().findFirst();
    }

    public List<Subscription> all() {
        return query("SELECT " + COLUMNS + " FROM notifier_subscription ORDER BY created_at, id");
    }

    /** The subscriptions that get alerts. */
    public List<Subscription> active() {
        return query("SELECT " + COLUMNS + " FROM notifier_subscription WHERE status = 'active'");
    }

    /** Subscriptions of a channel (any status). */
    public List<Subscription> byChannel(Channel channel) {
        return query("SELECT " + COLUMNS + " FROM notifier_subscription WHERE channel = ?", channel.wire());
    }

    /** The stored manage-token hash of subscription {@code id}, if it exists. */
    public Optional<String> manageTokenHash(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT manage_token_hash FROM notifier_subscription WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read subscription " + id, e);
        }
    }

    public void update(String id, Filters filters, Mode mode, LocalTime digestTime, ZoneId digestZone,
            Language locale, Instant now) {
        execute("UPDATE notifier_subscription SET filters = ?, mode = ?, digest_time = ?, digest_zone = ?, "
                        + "locale = ?, updated_at = ? WHERE id = ?",
                writeFilters(filters), mode.wire(), digestTime == null ? null : digestTime.toString(),
                digestZone == null ? null : digestZone.getId(), locale.tag(), Timestamp.from(now), id);
    }

    /** Confirms a pending subscription; true when it is (now or already) active. */
    public boolean confirm(String id, Instant now) {
        execute("UPDATE notifier_subscription SET status = 'active', confirmed_at = ?, updated_at = ? "
                + "WHERE id = ? AND status = 'pending_confirmation'", Timestamp.from(now), Timestamp.from(now), id);
        return find(id).map(s -> s.status() == SubscriptionStatus.ACTIVE).orElse(false);
    }

    /** Sets the status (and the reason shown in the API); answers the number of rows changed. */
    public int setStatus(String id, SubscriptionStatus status, String reason, Instant now) {
        return execute("UPDATE notifier_subscription SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?",
                status.wire(), reason, Timestamp.from(now), id);
    }

    public boolean delete(String id) {
        return execute("DELETE FROM notifier_subscription WHERE id = ?", id) > 0;
    }

    private int execute(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("subscription update failed: " + e.getMessage(), e);
        }
    }

    private List<Subscription> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Subscription> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read subscriptions: " + e.getMessage(), e);
        }
    }

    /** Reads the {@link #COLUMNS} of the current row. */
    static Subscription read(ResultSet rs) throws SQLException {
        String digestTime = rs.getString("digest_time");
        String digestZone = rs.getString("digest_zone");
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        return new Subscription(rs.getString("id"), Channel.fromWire(rs.getString("channel")), rs.getString("target"),
                readFilters(rs.getString("filters")), Mode.fromWire(rs.getString("mode")),
                digestTime == null ? null : LocalTime.parse(digestTime),
                digestZone == null ? null : ZoneId.of(digestZone),
                SubscriptionStatus.fromWire(rs.getString("status")), rs.getString("status_reason"),
                rs.getTimestamp("created_at").toInstant(), confirmed == null ? null : confirmed.toInstant(),
                rs.getString("secret"), Language.fromTag(rs.getString("locale")).orElse(null));
    }

    static String writeFilters(Filters f) {
        try {
            return EventJson.mapper().writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write filters", e);
        }
    }

    static Filters readFilters(String json) {
        try {
            return EventJson.mapper().readValue(json, Filters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored filters are not readable: " + e.getOriginalMessage(), e);
        }
    }
}
