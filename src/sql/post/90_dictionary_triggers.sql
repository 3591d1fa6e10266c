-- ---------------------------------------------------------------------
-- After the builtin rows: triggers, pg_dump configuration, first image
-- ---------------------------------------------------------------------

CREATE TRIGGER dictionary_row BEFORE INSERT OR UPDATE OR DELETE ON diplomat.gazetteer
    FOR EACH ROW EXECUTE FUNCTION diplomat.dictionary_row_trigger();
CREATE TRIGGER dictionary_row BEFORE INSERT OR UPDATE OR DELETE ON diplomat.offices
    FOR EACH ROW EXECUTE FUNCTION diplomat.dictionary_row_trigger();
CREATE TRIGGER dictionary_row BEFORE INSERT OR UPDATE OR DELETE ON diplomat.roles
    FOR EACH ROW EXECUTE FUNCTION diplomat.dictionary_row_trigger();
CREATE TRIGGER dictionary_row BEFORE INSERT OR UPDATE OR DELETE ON diplomat.lexicon
    FOR EACH ROW EXECUTE FUNCTION diplomat.dictionary_row_trigger();
CREATE TRIGGER dictionary_row BEFORE INSERT OR UPDATE OR DELETE ON diplomat.verbs
    FOR EACH ROW EXECUTE FUNCTION diplomat.dictionary_row_trigger();
CREATE TRIGGER dictionary_row BEFORE INSERT OR UPDATE OR DELETE ON diplomat.patterns
    FOR EACH ROW EXECUTE FUNCTION diplomat.dictionary_row_trigger();
CREATE TRIGGER dictionary_row BEFORE INSERT OR UPDATE OR DELETE ON diplomat.topic_defs
    FOR EACH ROW EXECUTE FUNCTION diplomat.dictionary_row_trigger();
CREATE TRIGGER dictionary_row BEFORE INSERT OR UPDATE OR DELETE ON diplomat.topic_terms
    FOR EACH ROW EXECUTE FUNCTION diplomat.dictionary_row_trigger();

CREATE TRIGGER dictionary_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON diplomat.gazetteer
    FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed();
CREATE TRIGGER dictionary_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON diplomat.offices
    FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed();
CREATE TRIGGER dictionary_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON diplomat.roles
    FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed();
CREATE TRIGGER dictionary_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON diplomat.lexicon
    FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed();
CREATE TRIGGER dictionary_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON diplomat.verbs
    FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed();
CREATE TRIGGER dictionary_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON diplomat.patterns
    FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed();
CREATE TRIGGER dictionary_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON diplomat.topic_defs
    FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed();
CREATE TRIGGER dictionary_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON diplomat.topic_terms
    FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed();
CREATE TRIGGER dictionary_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON diplomat.dictionary_removed
    FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed();

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
