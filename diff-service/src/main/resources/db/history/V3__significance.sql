-- What a change means (docs/significance.md), for the filters significance= and fact= of
-- /api/changes and the feed. Rows written before have no meaning: not editorial only, no facts.
ALTER TABLE history_changes ADD COLUMN editorial_only boolean NOT NULL DEFAULT false;
-- the fact kinds carried by the change's provisions, as ",FINE,OBLIGATION," ('' when none)
ALTER TABLE history_changes ADD COLUMN fact_kinds text NOT NULL DEFAULT '';
