package dev.policywatch.notifier.subscription;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed tokens for the links in emails: {@code base64url(purpose:subscriptionId:expiry).base64url(HMAC-SHA256)}.
 * Confirmation tokens expire; unsubscribe tokens do not (an old alert's link must still work, and it can
 * only unsubscribe). No state is kept, so links survive restarts as long as the key does. Pure: the
 * time is passed in. Thread-safe.
 */
public final class LinkTokens {

    /** What a token allows. */
    public enum Purpose { CONFIRM, UNSUBSCRIBE }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;

    public LinkTokens(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < 16) {
            throw new IllegalArgumentException("the signing key must have at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** A token for {@code subscriptionId}; {@code ttl} null means it never expires. */
    public String issue(Purpose purpose, String subscriptionId, Instant now, Duration ttl) {
        long expiry = ttl == null ? 0 : now.plus(ttl).getEpochSecond();
        String payload = purpose.name() + ":" + subscriptionId + ":" + expiry;
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The subscription id of a valid, unexpired token of that purpose; empty otherwise. */
    public Optional<String> verify(Purpose purpose, String token, Instant now) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split(":", -1);
        if (parts.length != 3 || !parts[0].equals(purpose.name())) {
            return Optional.empty();
        }
        long expiry;
        try {
            expiry = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (expiry != 0 && now.getEpochSecond() > expiry) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
        }
    }
}
