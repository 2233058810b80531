package dev.policywatch.events;

/** How the crawler came to know a document (CONTRACT §2). */
public enum Origin {
    /** The source's own configured page. */
    CONFIGURED,
    /** Found on a listing, feed or JSON index after that listing was first crawled: a new publication. */
    DISCOVERED,
    /** Found on a listing's first crawl: it existed before we watched, so it is a baseline, not news. */
    BACKFILL
}
