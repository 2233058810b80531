package dev.policywatch.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The text of one document as the crawler saw it at {@code fetchedAt} (CONTRACT §2). Written to
 * {@link Topics#SNAPSHOTS} keyed by {@code documentId} only when the {@code contentHash} differs from the
 * last one published for that document (or when the document is {@link DocumentStatus#GONE}).
 * Raw bytes never travel: the blocks are the extracted, normalised text.
 *
 * <p>{@code parentDocumentId} is set on an attachment (a {@code .docx}, {@code .ofd}, {@code .pdf}…
 * linked from a page): the documentId of the page it is attached to; null for every other document
 * (and in snapshots written before the field existed).
 */
public record PageSnapshot(
        int schemaVersion,
        String documentId,
        String sourceId,
        String sourceName,
        String publisher,
        String jurisdiction,
        String url,
        Instant fetchedAt,
        String contentType,
        String title,
        String language,
        Origin origin,
        DocumentStatus status,
        List<Block> blocks,
        String contentHash,
        String parentDocumentId) {

    public static final int SCHEMA_VERSION = 1;

    public PageSnapshot {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        Ids.requireDocumentId(documentId);
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        origin = origin == null ? Origin.CONFIGURED : origin;
        status = status == null ? DocumentStatus.PRESENT : status;
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        if (status == DocumentStatus.GONE && !blocks.isEmpty()) {
            throw new IllegalArgumentException("a GONE snapshot carries no blocks (documentId " + documentId + ")");
        }
        if (contentHash == null) {
            contentHash = ContentHash.of(blocks);
        }
        if (parentDocumentId != null) {
            Ids.requireDocumentId(parentDocumentId);
        }
    }

    /** A snapshot of a document that is no attachment (the form before {@code parentDocumentId} existed). */
    public PageSnapshot(int schemaVersion, String documentId, String sourceId, String sourceName, String publisher,
            String jurisdiction, String url, Instant fetchedAt, String contentType, String title, String language,
            Origin origin, DocumentStatus status, List<Block> blocks, String contentHash) {
        this(schemaVersion, documentId, sourceId, sourceName, publisher, jurisdiction, url, fetchedAt, contentType,
                title, language, origin, status, blocks, contentHash, null);
    }

    /** This snapshot as an attachment of the given document. */
    public PageSnapshot withParent(String parent) {
        return new PageSnapshot(schemaVersion, documentId, sourceId, sourceName, publisher, jurisdiction, url,
                fetchedAt, contentType, title, language, origin, status, blocks, contentHash, parent);
    }

    /** A snapshot of a present document; the content hash is computed from the blocks. */
    public static PageSnapshot present(String documentId, String sourceId, String sourceName, String publisher,
            String jurisdiction, String url, Instant fetchedAt, String contentType, String title, String language,
            Origin origin, List<Block> blocks) {
        return new PageSnapshot(SCHEMA_VERSION, documentId, sourceId, sourceName, publisher, jurisdiction, url,
                fetchedAt, contentType, title, language, origin, DocumentStatus.PRESENT, blocks, null);
    }

    /** A snapshot saying the document is gone: no blocks. */
    public static PageSnapshot gone(String documentId, String sourceId, String sourceName, String publisher,
            String jurisdiction, String url, Instant fetchedAt, String title, Origin origin) {
        return new PageSnapshot(SCHEMA_VERSION, documentId, sourceId, sourceName, publisher, jurisdiction, url,
                fetchedAt, null, title, null, origin, DocumentStatus.GONE, List.of(), null);
    }
}
