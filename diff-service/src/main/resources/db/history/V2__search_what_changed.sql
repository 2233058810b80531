-- q searches what changed (CONTRACT §4): the text of a RENUMBERED provision did not change, so it no
-- longer matches (its labels still do). Recomputes search_text of the rows written before, exactly as
-- HistoryStore.searchText does for new ones.
UPDATE history_changes h SET search_text = lower(coalesce((
    SELECT string_agg(concat_ws(E'\n', p->>'oldLabel', p->>'newLabel',
               CASE WHEN p->>'type' = 'RENUMBERED' THEN NULL ELSE p->>'oldText' END,
               CASE WHEN p->>'type' = 'RENUMBERED' THEN NULL ELSE p->>'newText' END), E'\n')
    FROM jsonb_array_elements(coalesce(h.payload::jsonb -> 'changes', '[]'::jsonb)
                              || coalesce(h.payload::jsonb -> 'structureChanges', '[]'::jsonb)) AS p
), ''));
