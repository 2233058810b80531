package dev.policywatch.notifier.delivery;

import dev.policywatch.api.subscriptions.Mode;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.notifier.subscription.Subscription;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The delivery outbox in PostgreSQL ({@code notifier_delivery}, with each change once in
 * {@code notifier_change}). A delivery is unique per subscription and change, so recording a change
 * twice (a redelivered Kafka record) adds nothing. Claiming takes due rows with
 * {@code FOR UPDATE SKIP LOCKED} and leases them ({@code status = 'sending'}, {@code lease_until}), so
 * several workers (or notifier instances) never take the same row, and the row of a sender that died
 * is taken again when its lease expires: that, a send that succeeded but was not marked, is the one
 * window where an alert can be sent twice. A live worker renews the lease of what it is about to send
 * ({@link #renew}, only where its claim still holds it), so a slow batch never lets a second worker send
 * the same delivery. Thread-safe.
 */
public final class Outbox {

    private final DataSource dataSource;
    private final LocalTime defaultDigestTime;
    private final ZoneId defaultDigestZone;

    public Outbox(DataSource dataSource, LocalTime defaultDigestTime, ZoneId defaultDigestZone) {
        this.dataSource = dataSource;
        this.defaultDigestTime = defaultDigestTime;
        this.defaultDigestZone = defaultDigestZone;
    }

    /**
     * A claimed delivery. {@code reclaimed}: its previous lease expired (it may have been sent already).
     * {@code owner}: the claim that holds its lease (see {@link #renew}).
     */
    public record Claimed(long id, String subscriptionId, String kind, String changeId, String batchKey, int attempts,
            boolean reclaimed, String owner) {
    }

    /**
     * Records a delivery of {@code change} for each subscription, in one transaction. Immediate ones are
     * due now; daily ones at their digest time, grouped by the digest's date.
     *
     * @return the number of new deliveries (0 when the change was already recorded)
     */
    public int record(DocumentChange change, List<Subscription> subscriptions, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int inserted = 0;
                if (!subscriptions.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO notifier_change (change_id, body, "
                            + "received_at) VALUES (?, ?, ?) ON CONFLICT (change_id) DO NOTHING")) {
                        ps.setString(1, change.changeId());
                        ps.setString(2, EventJson.writeString(change));
                        ps.setTimestamp(3, Timestamp.from(now));
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO notifier_delivery (subscription_id, "
                            + "kind, change_id, batch_key, status, next_attempt_at, created_at) "
                            + "VALUES (?, 'alert', ?, ?, 'pending', ?, ?) ON CONFLICT ON CONSTRAINT notifier_delivery_once "
                            + "DO NOTHING")) {
                        for (Subscription s : subscriptions) {
                            Instant due = now;
                            String batch = null;
                            if (s.mode() == Mode.DAILY) {
                                ZonedDateTime at = DigestSchedule.next(now,
                                        s.digestTime() == null ? defaultDigestTime : s.digestTime(),
                                        s.digestZone() == null ? defaultDigestZone : s.digestZone());
                                due = at.toInstant();
                                batch = DigestSchedule.batchKey(at);
                            }
                            ps.setString(1, s.id());
                            ps.setString(2, change.changeId());
                            ps.setString(3, batch);
                            ps.setTimestamp(4, Timestamp.from(due));
                            ps.setTimestamp(5, Timestamp.from(now));
                            ps.addBatch();
                        }
                        for (int n : ps.executeBatch()) {
                            inserted += Math.max(n, 0);
                        }
                    }
                }
                c.commit();
                return inserted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record deliveries of change " + change.changeId() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Claims up to {@code limit} due deliveries (pending and due, or leased with an expired lease), and
     * for each digest among them every other pending delivery of the same digest, leasing them until
     * {@code now + lease}.
     */
    public List<Claimed> claim(int limit, Instant now, Duration lease) {
        Timestamp until = Timestamp.from(now.plus(lease));
        Timestamp at = Timestamp.from(now);
        String owner = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<Long, Claimed> claimed = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement("UPDATE notifier_delivery d SET status = 'sending', "
                        + "lease_until = ?, lease_owner = ? FROM (SELECT id, status AS prev FROM notifier_delivery "
                        + "WHERE (status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND lease_until < ?) "
                        + "ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED) c WHERE d.id = c.id "
                        + "RETURNING d.id, d.subscription_id, d.kind, d.change_id, d.batch_key, d.attempts, c.prev")) {
                    ps.setTimestamp(1, until);
                    ps.setString(2, owner);
                    ps.setTimestamp(3, at);
                    ps.setTimestamp(4, at);
                    ps.setInt(5, limit);
                    readClaimed(ps, claimed, owner);
                }
                List<Claimed> digests = claimed.values().stream().filter(d -> d.batchKey() != null).toList();
                for (Claimed d : digests) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE notifier_delivery d SET status = 'sending', "
                            + "lease_until = ?, lease_owner = ? FROM (SELECT id, status AS prev FROM notifier_delivery "
                            + "WHERE subscription_id = ? AND batch_key = ? AND status = 'pending' "
                            + "FOR UPDATE SKIP LOCKED) c WHERE d.id = c.id "
                            + "RETURNING d.id, d.subscription_id, d.kind, d.change_id, d.batch_key, d.attempts, c.prev")) {
                        ps.setTimestamp(1, until);
                        ps.setString(2, owner);
                        ps.setString(3, d.subscriptionId());
                        ps.setString(4, d.batchKey());
                        readClaimed(ps, claimed, owner);
                    }
                }
                c.commit();
                return new ArrayList<>(claimed.values());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim deliveries: " + e.getMessage(), e);
        }
    }

    private static void readClaimed(PreparedStatement ps, Map<Long, Claimed> into, String owner) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                into.putIfAbsent(id, new Claimed(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), "sending".equals(rs.getString(7)), owner));
            }
        }
    }

    /**
     * Extends the lease of claimed deliveries to {@code now + lease}, only where this claim still holds
     * it; answers the ids it holds. A worker calls it right before sending and sends only those: one
     * whose lease expired while it worked through its batch and that another worker claimed is not
     * sent twice.
     */
    public List<Long> renew(List<Claimed> deliveries, Instant now, Duration lease) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE notifier_delivery SET lease_until = ? WHERE id = ANY (?) AND status = 'sending' "
                        + "AND lease_owner = ? RETURNING id")) {
            ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
            ps.setArray(2, c.createArrayOf("bigint", deliveries.stream().map(Claimed::id).toArray()));
            ps.setString(3, deliveries.get(0).owner());
            List<Long> held = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getLong(1));
                }
            }
            return held;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot renew the lease of deliveries: " + e.getMessage(), e);
        }
    }

    /** Marks leased deliveries sent. */
    public void markSent(List<Long> ids, Instant now) {
        update("UPDATE notifier_delivery SET status = 'sent', sent_at = ?, lease_until = NULL WHERE id = ANY (?) "
                + "AND status = 'sending'", ids, Timestamp.from(now));
    }

    /** Puts leased deliveries back for a later try; {@code failed} counts it as a failed attempt. */
    public void reschedule(List<Long> ids, Instant next, String error, boolean failed) {
        update("UPDATE notifier_delivery SET status = 'pending', next_attempt_at = ?, lease_until = NULL, "
                + "last_error = ?, attempts = attempts + " + (failed ? 1 : 0) + " WHERE id = ANY (?) AND status = 'sending'",
                ids, Timestamp.from(next), clip(error));
    }

    /** Gives up on leased deliveries. */
    public void markDead(List<Long> ids, String error) {
        update("UPDATE notifier_delivery SET status = 'dead', lease_until = NULL, last_error = ?, attempts = attempts + 1 "
                + "WHERE id = ANY (?) AND status = 'sending'", ids, clip(error));
    }

    /** Cancels leased deliveries that no longer have anyone to go to. */
    public void cancel(List<Long> ids, String reason) {
        update("UPDATE notifier_delivery SET status = 'cancelled', lease_until = NULL, last_error = ? "
                + "WHERE id = ANY (?) AND status = 'sending'", ids, clip(reason));
    }

    /** The stored change. */
    public Optional<DocumentChange> change(String changeId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT body FROM notifier_change WHERE change_id = ?")) {
            ps.setString(1, changeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(EventJson.read(rs.getString(1), DocumentChange.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read change " + changeId, e);
        }
    }

    private void update(String sql, List<Long> ids, Object... before) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object o : before) {
                ps.setObject(i++, o);
            }
            Array array = c.createArrayOf("bigint", ids.toArray());
            ps.setArray(i, array);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update deliveries " + ids + ": " + e.getMessage(), e);
        }
    }

    private static String clip(String s) {
        if (s == null) {
            return null;
        }
        return s.length() > 1000 ? s.substring(0, 1000) + "…" : s;
    }
}
