package dev.policywatch.events;

/** Whether a document is still published. {@code GONE} only after N consecutive 404/410 answers. */
public enum DocumentStatus {
    PRESENT, GONE
}
