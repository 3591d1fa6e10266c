
-- ---------------------------------------------------------------------
-- Builtin dictionary rows (appended by the Makefile to the upgrade to the
-- current version): drop the dictionary triggers (the post part creates
-- them again), delete the builtin rows and insert the current ones.
-- ---------------------------------------------------------------------
DO $$
DECLARE
    t text;
    g text;
BEGIN
    FOREACH t IN ARRAY '{gazetteer,offices,roles,lexicon,verbs,patterns,topic_defs,topic_terms,dictionary_removed}'::text[]
    LOOP
        FOREACH g IN ARRAY '{dictionary_row,dictionary_changed,dictionary_lock,dictionary_inserted,dictionary_updated,dictionary_deleted,dictionary_truncated,dictionary_replicated,dictionary_replicated_truncate}'::text[]
        LOOP
            EXECUTE pg_catalog.format('DROP TRIGGER IF EXISTS %I ON diplomat.%I', g, t);
        END LOOP;
        IF t OPERATOR(pg_catalog.<>) 'dictionary_removed' THEN
            EXECUTE pg_catalog.format('DELETE FROM diplomat.%I WHERE builtin', t);
        END IF;
    END LOOP;
END
$$;

-- reference tables: each version installs its own rows
DELETE FROM diplomat.country_regions;
DELETE FROM diplomat.cameo_plover;
