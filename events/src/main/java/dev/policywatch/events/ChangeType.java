package dev.policywatch.events;

/** How one provision changed between two versions. */
public enum ChangeType {
    ADDED, REMOVED, MODIFIED, RENUMBERED
}
