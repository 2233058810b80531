package dev.policywatch.notifier.subscription;

import dev.policywatch.api.subscriptions.Channel;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What a webhook target and a signing secret must look like for each channel, checked when subscribing
 * ({@link TargetValidator}) so that a URL pasted into the wrong channel is a clear 400, not a string of
 * failed deliveries. The
 * allow-list (and the SSRF rules) are checked separately, by the controller and again at each send.
 */
public final class HookTargets {

    /** The prefix of a Standard Webhooks secret. */
    public static final String WHSEC = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private HookTargets() {
    }

    /** What is wrong with {@code target} as a hook URL of {@code channel}, or null when nothing is. */
    static String shapeProblem(Channel channel, String target) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return "target: not a valid URL: " + e.getReason();
        }
        String query = uri.getRawQuery() == null ? "" : "&" + uri.getRawQuery();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        switch (channel) {
            case WECOM -> {
                if (!query.contains("&key=")) {
                    return "target: a WeCom group robot URL carries its key "
                            + "(https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…)";
                }
            }
            case DINGTALK -> {
                if (!query.contains("&access_token=")) {
                    return "target: a DingTalk robot URL carries its access_token "
                            + "(https://oapi.dingtalk.com/robot/send?access_token=…)";
                }
                if (query.contains("&sign=") || query.contains("&timestamp=")) {
                    return "target: paste the robot URL without timestamp and sign; give the SEC… "
                            + "secret as \"secret\" and each message is signed when sent";
                }
            }
            case FEISHU -> {
                if (!path.contains("/bot/v2/hook/")) {
                    return "target: a Feishu/Lark custom bot URL looks like "
                            + "https://open.feishu.cn/open-apis/bot/v2/hook/…";
                }
            }
            default -> {
                // Slack, Teams and generic webhooks: any allowed URL
            }
        }
        return null;
    }

    /** What is wrong with {@code secret} for {@code channel} (one that does not sign, a malformed whsec_), or null. */
    static String secretProblem(Channel channel, String secret) {
        if (!channel.signs()) {
            return "secret: " + channel.wire() + " messages are not signed (only dingtalk, feishu and webhook take "
                    + "a secret)";
        }
        if (channel == Channel.WEBHOOK) {
            try {
                standardWebhooksKey(secret);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return null;
    }

    /**
     * The HMAC key of a Standard Webhooks secret ({@code whsec_} and base64 of 24 to 64 random bytes).
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static byte[] standardWebhooksKey(String secret) {
        if (!secret.startsWith(WHSEC)) {
            throw new IllegalArgumentException("secret: a Standard Webhooks secret starts with whsec_ followed by "
                    + "base64 (leave it out and one is generated)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(WHSEC.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret: the part after whsec_ must be base64");
        }
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("secret: the key must be 24 to 64 bytes (it is " + key.length + ")");
        }
        return key;
    }

    /** A new Standard Webhooks secret: {@code whsec_} and 32 random bytes in base64. */
    public static String newStandardWebhooksSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return WHSEC + Base64.getEncoder().encodeToString(key);
    }
}
