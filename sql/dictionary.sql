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

\c :regdb
DROP DATABASE diplomat_dictionary;
