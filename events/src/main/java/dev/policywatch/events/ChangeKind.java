package dev.policywatch.events;

/** What a {@link DocumentChange} is about (CONTRACT §2). */
public enum ChangeKind {
    /** The first version of a configured or backfilled document: recorded, never alerted. */
    BASELINE,
    /** The first version of a document discovered on a listing: alerted as a new publication. */
    NEW_DOCUMENT,
    /** A new version of a known document: the provision changes say what changed. */
    UPDATED,
    /** The document is gone (N consecutive 404/410). */
    REMOVED
}
