package dev.policywatch.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Deterministic identifiers (CONTRACT §2). The same inputs always give the same id, so a replay of
 * the snapshots topic gives the same versionIds and changeIds, while a page that flips A→B→A→B gives
 * four distinct changes (each version carries the fetchedAt of the snapshot that introduced it).
 */
public final class Ids {

    /** What a documentId matches (CONTRACT §2): URL-safe, 1 to 200 characters. */
    public static final String DOCUMENT_ID_PATTERN = "[A-Za-z0-9._~-]{1,200}";
    private static final Pattern DOCUMENT_ID = Pattern.compile(DOCUMENT_ID_PATTERN);

    private Ids() {
    }

    /** {@code v-} and 16 hex digits of SHA-256 over documentId, contentHash and fetchedAt. */
    public static String versionId(String documentId, String contentHash, Instant fetchedAt) {
        return "v-" + sha256Hex(documentId + '\n' + contentHash + '\n' + fetchedAt.toString()).substring(0, 16);
    }

    /** {@code c-} and 20 hex digits of SHA-256 over documentId and the two version ids (from may be null). */
    public static String changeId(String documentId, String fromVersionId, String toVersionId) {
        return "c-" + sha256Hex(documentId + '\n' + (fromVersionId == null ? "-" : fromVersionId) + '\n'
                + toVersionId).substring(0, 20);
    }

    /**
     * The changeId of an administrator's correction of change {@code supersededChangeId}: {@code c-} and
     * 20 hex digits of SHA-256 over it and the predecessor's version id (null when the link is cleared),
     * so the same correction asked twice is one change.
     */
    public static String correctionId(String supersededChangeId, String predecessorVersionId) {
        return "c-" + sha256Hex("correction\n" + supersededChangeId + '\n'
                + (predecessorVersionId == null ? "-" : predecessorVersionId)).substring(0, 20);
    }

    /** The documentId of a document found on a listing: {@code <sourceId>.<12 hex of SHA-256 of the canonical URL>}. */
    public static String discoveredDocumentId(String sourceId, URI canonicalUrl) {
        return sourceId + "." + sha256Hex(canonicalUrl.toString()).substring(0, 12);
    }

    /** Whether the id is URL-safe as CONTRACT §2 requires. */
    public static boolean isValidDocumentId(String id) {
        return id != null && DOCUMENT_ID.matcher(id).matches();
    }

    static void requireDocumentId(String id) {
        if (!isValidDocumentId(id)) {
            throw new IllegalArgumentException("documentId must match " + DOCUMENT_ID_PATTERN + ", was " + id);
        }
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
