package dev.policywatch.notifier.subscription;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The key that signs confirmation and unsubscribe links: {@code policywatch.notifier.signing-key} when
 * set, else a random key generated once and kept in {@code notifier_secret}, so links survive restarts.
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    public static byte[] load(Optional<String> configured, DataSource dataSource) {
        if (configured.isPresent()) {
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO notifier_secret (name, value) VALUES ('link-signing-key', ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, Base64.getEncoder().encodeToString(fresh));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT value FROM notifier_secret WHERE name = 'link-signing-key'");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Base64.getDecoder().decode(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the link-signing key: " + e.getMessage(), e);
        }
    }
}
