-- Lineage candidates by index, not by a scan (docs/lineage.md): per stored text its title key
-- (PredecessorMatcher.titleKey: the title, or the document it wraps, without draft markers), the key
-- as a trigram string (HistoryStore.titleGram; its GiST trigram index is added at start when pg_trgm
-- is available, like the index of q) and its strong identifiers (Identifiers.of: RIN, docket,
-- standard number). NULL until computed: HistoryStore fills rows written before at start.
ALTER TABLE history_contents ADD COLUMN title_key text;
ALTER TABLE history_contents ADD COLUMN title_gram text;
ALTER TABLE history_contents ADD COLUMN identifiers text[];
CREATE INDEX history_contents_title_key ON history_contents (title_key);
CREATE INDEX history_contents_identifiers ON history_contents USING gin (identifiers);
CREATE INDEX history_contents_unindexed ON history_contents (document_id) WHERE title_key IS NULL;
