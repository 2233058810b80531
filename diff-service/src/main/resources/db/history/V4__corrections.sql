-- Administrators' corrections of a document's predecessor (docs/lineage.md "Correcting a link"): a
-- corrected change names the change it supersedes; that change stays, its payload marked supersededBy.
ALTER TABLE history_changes ADD COLUMN supersedes text;
CREATE INDEX history_changes_supersedes ON history_changes (supersedes) WHERE supersedes IS NOT NULL;
