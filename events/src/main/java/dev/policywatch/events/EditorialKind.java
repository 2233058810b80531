package dev.policywatch.events;

/** The kinds of difference an {@link Significance#EDITORIAL} change may consist of (CONTRACT §2). */
public enum EditorialKind {
    /** Marks added, removed or swapped, full- or half-width. */
    PUNCTUATION,
    /** Spaces and line breaks. */
    WHITESPACE,
    /** Full- vs half-width letters and digits. */
    WIDTH,
    /** Variant characters or spellings with the same meaning: 帐→账, 其它→其他, US/UK spelling, hyphenation, capitalisation. */
    VARIANT,
    /** Numbers inside references updated only because the referenced provisions were renumbered. */
    CROSS_REFERENCE
}
