-- Dictionary tables: dates are read as dates whatever the DateStyle, the
-- tables say what the dictionaries do, and rows that name a missing topic
-- or verb wait for it.  Runs in its own database.
\set regdb :DBNAME
SET client_min_messages = warning;
DROP DATABASE IF EXISTS diplomat_dictionary;
CREATE DATABASE diplomat_dictionary TEMPLATE template0 ENCODING 'UTF8';
\c diplomat_dictionary
SET client_min_messages = warning;
CREATE EXTENSION diplomat;
SET search_path = public, diplomat;

-- a person with an office held from 2019-03-01 to 2021-02-28
INSERT INTO gazetteer (kind, name, country) VALUES ('PER', 'Zorblax Quimby', 'FJI');
INSERT INTO offices (person, office, title, country, actor, start_date, end_date)
VALUES ('Zorblax Quimby', 'foreign_minister', 'Foreign Minister', 'FJI', 'FJIGOV', '2019-03-01', '2021-02-28');

-- compiled under four DateStyles: the same image, and the tenure holds
CREATE TEMP TABLE compiled (datestyle text, image text, before text, during text, after text);
CREATE FUNCTION pg_temp.compile() RETURNS void LANGUAGE sql AS $$
    SELECT diplomat.dictionary_rebuild();
    INSERT INTO compiled
    SELECT pg_catalog.current_setting('datestyle'), md5(i.image),
           (SELECT m.actor FROM diplomat.mentions('Foreign Minister Zorblax Quimby spoke.', '2018-06-01') m),
           (SELECT m.actor FROM diplomat.mentions('Foreign Minister Zorblax Quimby spoke.', '2020-06-01') m),
           (SELECT m.actor FROM diplomat.mentions('Foreign Minister Zorblax Quimby spoke.', '2022-06-01') m)
      FROM diplomat.dictionary_image i;
$$;
SET datestyle = 'ISO, YMD';
SELECT pg_temp.compile();
SET datestyle = 'German';
SELECT pg_temp.compile();
SET datestyle = 'SQL, DMY';
SELECT pg_temp.compile();
SET datestyle = 'Postgres, MDY';
SELECT pg_temp.compile();
SELECT datestyle, image = first_value(image) OVER () AS same_image, before, during, after FROM compiled;

-- the key of a removed builtin row does not depend on the DateStyle either:
-- with the triggers off, the compiler alone must leave out the builtin
-- office that a removal (keyed like to_jsonb, in ISO) names
SET session_replication_role = replica;
INSERT INTO offices (person, office, title, country, actor, start_date, builtin)
VALUES ('Zorblax Quimby', 'head_of_state', 'President', 'FJI', 'FJIGOV', '2023-01-01', true);
SET datestyle = 'German';
SELECT rejected FROM dictionary_rebuild();
SELECT actor FROM mentions('President Zorblax Quimby spoke.', '2024-01-01');
INSERT INTO dictionary_removed VALUES ('offices', 'Zorblax Quimby:head_of_state:FJI:2023-01-01');
SELECT rejected FROM dictionary_rebuild();
SELECT actor FROM mentions('President Zorblax Quimby spoke.', '2024-01-01');
SET session_replication_role = origin;
SET datestyle = 'ISO, YMD';

-- the tables say what the dictionaries do: a user row with the key of a
-- builtin row replaces it, a removal deletes the builtin rows it names,
-- TRUNCATE records every builtin row as removed, and deleting a removal
-- does not bring a row back
SELECT kind, name, country, builtin FROM gazetteer WHERE name IN ('Tonga', 'Vanuatu') ORDER BY name, builtin;
INSERT INTO gazetteer (kind, name, country, actor) VALUES ('GPE', 'Tonga', 'NZL', 'NZL');
INSERT INTO dictionary_removed VALUES ('gazetteer', 'GPE:Vanuatu');
SELECT kind, name, country, builtin FROM gazetteer WHERE name IN ('Tonga', 'Vanuatu') ORDER BY name, builtin;
SELECT * FROM dictionary_removed ORDER BY tbl, key;
SELECT to_entities('Envoys from Tonga and Vanuatu met.');
SELECT count(*) AS builtin_terms FROM topic_terms WHERE builtin \gset
TRUNCATE topic_terms;
SELECT (SELECT count(*) FROM dictionary_removed WHERE tbl = 'topic_terms') = :builtin_terms AS truncate_recorded;
DELETE FROM dictionary_removed WHERE tbl = 'gazetteer' AND key = 'GPE:Vanuatu';
SELECT count(*) AS vanuatu FROM gazetteer WHERE name = 'Vanuatu';

-- a term whose topic, or a pattern whose verb, no row defines is kept and
-- ignored with a warning until the topic or verb exists (in either order,
-- as a parallel pg_restore may load them)
SET client_min_messages = warning;
INSERT INTO topic_terms (topic, term, weight) VALUES ('deep_sea_mining', 'seabed mining', 5);
INSERT INTO patterns (code, pattern) VALUES ('111', '{upbraid} +');
SELECT rejected FROM dictionary_rebuild();
SELECT to_topics('Seabed mining was discussed.') AS before_topic;
INSERT INTO topic_defs (key, label) VALUES ('deep_sea_mining', 'Deep-sea mining');
INSERT INTO verbs VALUES ('upbraid', 'upbraids', 'upbraided', 'upbraided', 'upbraiding');
SELECT rejected FROM dictionary_rebuild();
SELECT to_topics('Seabed mining was discussed.') AS after_topic;
SELECT source, code, target FROM events('Antony Blinken upbraided Wang Yi.', '2023-06-19');
-- a no-event pattern (code ---) wins its overlap and codes nothing
INSERT INTO patterns (code, pattern) VALUES ('---', '{upbraid} * sharply');
SELECT rejected FROM dictionary_rebuild();
SELECT (SELECT count(*) FROM events('Antony Blinken upbraided Wang Yi.', '2023-06-19')) AS plain,
       (SELECT count(*) FROM events('Antony Blinken upbraided Wang Yi sharply.', '2023-06-19')) AS shadowed;
INSERT INTO patterns (code, pattern) VALUES ('--', '{upbraid} * gently');
-- a row the compiler cannot use at all is refused
INSERT INTO patterns (code, pattern) VALUES ('999', '{upbraid} * sharply +');
INSERT INTO patterns (code, pattern) VALUES ('111', '+ {upbraid}');

-- changes applied by logical replication: a subscriber's apply worker runs
-- with session_replication_role = replica, where no statement trigger
-- fires; the replica trigger recompiles at commit (deferred, once), and
-- deletes the builtin rows that replicated removals name
SELECT checksum AS checksum_before FROM dictionary_info() \gset
-- (counting the writes of the image, with a trigger that fires everywhere)
CREATE TABLE image_writes (at timestamptz);
CREATE FUNCTION count_image_write() RETURNS trigger LANGUAGE plpgsql
    AS $$ BEGIN INSERT INTO public.image_writes VALUES (clock_timestamp()); RETURN NULL; END $$;
CREATE TRIGGER count_image_write AFTER INSERT OR UPDATE ON diplomat.dictionary_image
    FOR EACH ROW EXECUTE FUNCTION count_image_write();
ALTER TABLE diplomat.dictionary_image ENABLE ALWAYS TRIGGER count_image_write;
SET session_replication_role = replica;
BEGIN;
INSERT INTO gazetteer (kind, name, country, actor) VALUES ('GPE', 'Quarnia', 'FJI', 'FJI');
INSERT INTO gazetteer (kind, name, country, actor) VALUES ('GPE', 'Upper Quarnia', 'FJI', 'FJI');
INSERT INTO dictionary_removed VALUES ('gazetteer', 'GPE:Fiji');
SELECT to_entities('Envoys from Quarnia met in Fiji.') AS before_commit;
COMMIT;
SELECT count(*) AS compiled_once FROM image_writes;
SELECT to_entities('Envoys from Quarnia met in Fiji.') AS after_commit;
SELECT count(*) AS fiji_rows FROM gazetteer WHERE name = 'Fiji';
SELECT checksum <> :'checksum_before' AS checksum_changed FROM dictionary_info();
-- a TRUNCATE fires its statement trigger
SELECT to_topics('Seabed mining was discussed.') AS before_truncate;
TRUNCATE topic_terms;
SELECT to_topics('Seabed mining was discussed.') AS after_truncate;
RESET session_replication_role;
SELECT count(*) AS writes_with_truncate FROM image_writes;
DROP TRIGGER count_image_write ON diplomat.dictionary_image;
-- the same rows compile into the same image: a rebuild keeps the checksum
SELECT checksum AS checksum_replica FROM dictionary_info() \gset
SELECT rejected FROM dictionary_rebuild();
SELECT checksum = :'checksum_replica' AS same_checksum, length(checksum) FROM dictionary_info();
-- the trigger refuses to run other than as it is installed
CREATE TABLE not_a_dictionary (x int);
CREATE TRIGGER t BEFORE INSERT ON not_a_dictionary FOR EACH ROW EXECUTE FUNCTION diplomat.dictionary_replicated();
INSERT INTO not_a_dictionary VALUES (1);
DROP TRIGGER t ON not_a_dictionary;
CREATE TRIGGER t AFTER INSERT ON not_a_dictionary FOR EACH ROW EXECUTE FUNCTION diplomat.dictionary_replicated();
INSERT INTO not_a_dictionary VALUES (1);
CREATE TRIGGER t2 AFTER INSERT ON patterns FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_replicated();
INSERT INTO patterns (code, pattern) VALUES ('111', '{upbraid} + sharply');

\c :regdb
DROP DATABASE diplomat_dictionary;
