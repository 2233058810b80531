package dev.policywatch.events;

/**
 * Whether a provision change can alter legal meaning (CONTRACT §2 "What a change means").
 * {@link #EDITORIAL} only when the difference consists of the {@link EditorialKind}s listed with it;
 * anything else, and anything unsure, is {@link #SUBSTANTIVE}.
 */
public enum Significance {
    SUBSTANTIVE, EDITORIAL
}
