-- diff-service's history (docs/diff-service.md). Every table is prefixed history_ so that the
-- notifier's tables can live in the same database.

-- one row per DocumentChange, written from policywatch.changes, idempotent by change_id
CREATE TABLE history_changes (
    change_id        text PRIMARY KEY,
    document_id      text        NOT NULL,
    source_id        text        NOT NULL,
    jurisdiction     text,
    kind             text        NOT NULL,
    detected_at      timestamptz NOT NULL,
    from_version_id  text,
    to_version_id    text        NOT NULL,
    to_fetched_at    timestamptz NOT NULL,
    added            integer     NOT NULL,
    removed          integer     NOT NULL,
    modified         integer     NOT NULL,
    renumbered       integer     NOT NULL,
    -- labels and old/new text of the changed provisions, for q (substring, CJK included)
    search_text      text        NOT NULL,
    -- the DocumentChange as it was on the topic
    payload          text        NOT NULL
);
CREATE INDEX history_changes_newest ON history_changes (detected_at DESC, change_id DESC);
CREATE INDEX history_changes_document ON history_changes (document_id, to_fetched_at DESC);

-- one row per version (the toVersion of a change), idempotent by version_id
CREATE TABLE history_versions (
    version_id    text PRIMARY KEY,
    document_id   text        NOT NULL,
    fetched_at    timestamptz NOT NULL,
    content_hash  text        NOT NULL,
    change_id     text        NOT NULL,
    kind          text        NOT NULL
);
CREATE INDEX history_versions_document ON history_versions (document_id, fetched_at DESC);

-- the text of each distinct content of a document, written from policywatch.snapshots: the blocks
-- (what the engine compares) and the engine's segmentation (the provisions shown per version)
CREATE TABLE history_contents (
    document_id    text NOT NULL,
    content_hash   text NOT NULL,
    title          text,
    language       text,
    blocks         text NOT NULL,
    segmentation   text NOT NULL,
    PRIMARY KEY (document_id, content_hash)
);

-- which replay generation the tables hold (docs/diff-service.md, "Replay"): a start with a higher
-- policywatch.diff.generation empties the history tables once and records the new generation
CREATE TABLE history_generation (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    generation  integer     NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now()
);
