package dev.policywatch.notifier.hook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 in base64, the signature of DingTalk, Feishu and Standard Webhooks. Pure. */
public final class Hmac {

    private Hmac() {
    }

    /** base64(HMAC-SHA256(key, data)). */
    public static String sha256Base64(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** base64(HMAC-SHA256(key, data)), both UTF-8 strings. */
    public static String sha256Base64(String key, String data) {
        return sha256Base64(key.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8));
    }
}
