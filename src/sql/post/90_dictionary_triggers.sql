-- ---------------------------------------------------------------------
-- After the builtin rows: triggers, pg_dump configuration, first image
-- ---------------------------------------------------------------------

-- On every dictionary table: a row trigger that makes inserted and changed
-- rows user rows; a statement trigger that takes the editors' lock before
-- the statement (and records the builtin rows a TRUNCATE removes); and,
-- after the statement, one per kind of change (transition tables cannot
-- serve several) that maintains the tables and recompiles.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY '{gazetteer,offices,roles,lexicon,verbs,patterns,topic_defs,topic_terms}'::text[]
    LOOP
        EXECUTE pg_catalog.format('CREATE TRIGGER dictionary_row BEFORE INSERT OR UPDATE ON diplomat.%I '
            'FOR EACH ROW EXECUTE FUNCTION diplomat.dictionary_row_trigger()', t);
        EXECUTE pg_catalog.format('CREATE TRIGGER dictionary_lock BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE '
            'ON diplomat.%I FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed()', t);
        EXECUTE pg_catalog.format('CREATE TRIGGER dictionary_inserted AFTER INSERT ON diplomat.%I '
            'REFERENCING NEW TABLE AS new_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed()', t);
        EXECUTE pg_catalog.format('CREATE TRIGGER dictionary_updated AFTER UPDATE ON diplomat.%I '
            'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed()', t);
        EXECUTE pg_catalog.format('CREATE TRIGGER dictionary_deleted AFTER DELETE ON diplomat.%I '
            'REFERENCING OLD TABLE AS old_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed()', t);
        EXECUTE pg_catalog.format('CREATE TRIGGER dictionary_truncated AFTER TRUNCATE ON diplomat.%I '
            'FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed()', t);
    END LOOP;
END
$$;

-- A removal (inserted by hand or by pg_restore) deletes the builtin rows
-- it names, and is recorded once; deleting a removal changes nothing
-- (insert the row again).
CREATE TRIGGER dictionary_row BEFORE INSERT ON diplomat.dictionary_removed
    FOR EACH ROW EXECUTE FUNCTION diplomat.dictionary_row_trigger();
CREATE TRIGGER dictionary_lock BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON diplomat.dictionary_removed
    FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed();
CREATE TRIGGER dictionary_inserted AFTER INSERT ON diplomat.dictionary_removed
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed();
CREATE TRIGGER dictionary_updated AFTER UPDATE ON diplomat.dictionary_removed
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed();

-- Logical replication of the dictionaries (doc/scale-out.md): a
-- publication filtered on NOT builtin sends the user rows and the removals,
-- and replicates UPDATE and DELETE by the whole old row (the tables have no
-- primary key).  On a subscriber, whose apply worker fires no statement
-- trigger, a row trigger enabled for replica sessions, deferred to commit,
-- and a TRUNCATE trigger recompile the image.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY '{gazetteer,offices,roles,lexicon,verbs,patterns,topic_defs,topic_terms,dictionary_removed}'::text[]
    LOOP
        IF t OPERATOR(pg_catalog.<>) 'dictionary_removed' THEN
            EXECUTE pg_catalog.format('ALTER TABLE diplomat.%I REPLICA IDENTITY FULL', t);
        END IF;
        EXECUTE pg_catalog.format('CREATE CONSTRAINT TRIGGER dictionary_replicated '
            'AFTER INSERT OR UPDATE OR DELETE ON diplomat.%I DEFERRABLE INITIALLY DEFERRED '
            'FOR EACH ROW EXECUTE FUNCTION diplomat.dictionary_replicated()', t);
        EXECUTE pg_catalog.format('CREATE TRIGGER dictionary_replicated_truncate AFTER TRUNCATE '
            'ON diplomat.%I FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_replicated()', t);
        EXECUTE pg_catalog.format('ALTER TABLE diplomat.%I ENABLE REPLICA TRIGGER dictionary_replicated', t);
        EXECUTE pg_catalog.format('ALTER TABLE diplomat.%I ENABLE REPLICA TRIGGER dictionary_replicated_truncate', t);
    END LOOP;
END
$$;

-- pg_dump keeps user rows and removals of builtin rows; builtin rows come
-- from CREATE EXTENSION.
SELECT pg_catalog.pg_extension_config_dump('diplomat.gazetteer', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplomat.offices', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplomat.roles', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplomat.lexicon', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplomat.verbs', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplomat.patterns', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplomat.topic_defs', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplomat.topic_terms', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('diplomat.dictionary_removed', '');

-- compile the builtin dictionaries once
SELECT rejected FROM diplomat.dictionary_rebuild() WHERE rejected > 0;
