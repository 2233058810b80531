package dev.policywatch.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash of a document's normalised text: {@code sha256:<hex>}. Blocks are compared by kind and text
 * after NFKC (full-width to half-width) and white-space collapsing, so a page re-served with other
 * spacing or markup has the same hash and publishes nothing.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(List<Block> blocks) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
        for (Block block : blocks) {
            String text = normalise(block.text());
            if (text.isEmpty()) {
                continue;
            }
            digest.update((block.type().name().charAt(0) + String.valueOf(block.level()) + ' ')
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** NFKC, then every run of white space (including NBSP and U+3000) as one space, trimmed. */
    public static String normalise(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(nfkc.length());
        boolean space = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
