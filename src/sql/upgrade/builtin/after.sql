
-- The tables say what the dictionaries do: a builtin row whose key the user
-- removed, or that a user row with the same key replaces, is deleted (the
-- latter recorded as removed, as the triggers do).
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY '{gazetteer,offices,roles,lexicon,verbs,patterns,topic_defs,topic_terms}'::text[]
    LOOP
        EXECUTE pg_catalog.format(
            'DELETE FROM diplomat.%I b WHERE b.builtin '
            'AND diplomat.dictionary_key(%L, pg_catalog.to_jsonb(b)) OPERATOR(pg_catalog.=) ANY '
            '(SELECT r.key FROM diplomat.dictionary_removed r WHERE r.tbl OPERATOR(pg_catalog.=) %L)',
            t, t, t);
        EXECUTE pg_catalog.format(
            'WITH u AS (SELECT diplomat.dictionary_key(%L, pg_catalog.to_jsonb(x)) AS key '
            '             FROM diplomat.%I x WHERE NOT x.builtin), '
            '     gone AS (DELETE FROM diplomat.%I b USING u WHERE b.builtin '
            '              AND diplomat.dictionary_key(%L, pg_catalog.to_jsonb(b)) OPERATOR(pg_catalog.=) u.key '
            '              RETURNING b.*) '
            'INSERT INTO diplomat.dictionary_removed (tbl, key) '
            'SELECT %L, diplomat.dictionary_key(%L, pg_catalog.to_jsonb(g)) FROM gone g '
            'ON CONFLICT DO NOTHING',
            t, t, t, t, t, t);
    END LOOP;
END
$$;

