-- Privileges.  Any role may extract entities, events and topics, query and
-- index them, and read the dictionaries (as anyone may call to_tsvector);
-- only the extension's owner, or roles it grants, edits the dictionaries
-- or rebuilds the image.  Runs in its own database so that its edits do
-- not reach the other tests.
\set regdb :DBNAME
\set superuser :USER
SET client_min_messages = warning;
DROP DATABASE IF EXISTS diplomat_privileges;
DROP ROLE IF EXISTS regress_diplomat_reader;
DROP ROLE IF EXISTS regress_diplomat_editor;
CREATE ROLE regress_diplomat_reader LOGIN;
CREATE ROLE regress_diplomat_editor LOGIN;
CREATE DATABASE diplomat_privileges TEMPLATE template0 ENCODING 'UTF8';
\c diplomat_privileges
SET client_min_messages = warning;
SET datestyle = 'ISO, YMD';
CREATE EXTENSION diplomat;
GRANT CREATE ON SCHEMA public TO regress_diplomat_reader;

-- an ordinary role in a new session: extraction, queries, its own table
-- with generated columns and indexes, the dictionaries
\c - regress_diplomat_reader
SET datestyle = 'ISO, YMD';
SET search_path = public, diplomat;
SELECT to_entities('Antony Blinken met Wang Yi in Beijing.', '2023-06-19');
SELECT kind, name, actor FROM mentions('Antony Blinken met Wang Yi in Beijing.', '2023-06-19') ORDER BY mention;
SELECT source, code, target FROM events('Antony Blinken met Wang Yi in Beijing.', '2023-06-19');
SELECT to_topics('The striker scored twice as the home side won the league match.') ? 'sport' AS sport;
SELECT count(*) > 0 AS sentences FROM sentences('One. Two.');
SELECT 'Antony Blinken met Wang Yi.' @@ 'PER:"Wang Yi"'::newsquery AS on_the_fly;
SELECT cameo_name('043'), 'USAGOV'::actor <@ 'USA'::actor AS within;
SELECT source FROM dictionary_info();
SELECT count(*) > 10000 AS gazetteer, (SELECT count(*) FROM diplomat.dictionary_image) AS image,
       (SELECT count(*) FROM diplomat.dictionary_removed) AS removed
  FROM diplomat.gazetteer;
CREATE TABLE reader_articles (id int PRIMARY KEY, published date, body text,
    ents entities GENERATED ALWAYS AS (to_entities(body, published)) STORED,
    tops topics GENERATED ALWAYS AS (to_topics(body)) STORED);
INSERT INTO reader_articles (id, published, body) VALUES
 (1, '2023-06-19', 'Antony Blinken met Wang Yi in Beijing.'),
 (2, '2024-05-10', 'The striker scored twice as the home side won the league match.');
CREATE INDEX ON reader_articles USING gin (ents);
CREATE INDEX ON reader_articles USING gin (tops);
SELECT id FROM reader_articles WHERE ents @@ 'PER:"Wang Yi" & GPE:Beijing';
SELECT recompute('reader_articles') AS recomputed, recompute() AS all_its_tables;
-- its table's triggers record who runs them
CREATE TABLE reader_log (who name);
CREATE FUNCTION reader_log_user() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN INSERT INTO public.reader_log VALUES (current_user); RETURN NULL; END $$;
CREATE TRIGGER log_user AFTER UPDATE ON reader_articles FOR EACH STATEMENT EXECUTE FUNCTION reader_log_user();

-- but it cannot change the dictionaries, their removals or the image, nor
-- rebuild it, nor reuse the extension's trigger functions
INSERT INTO diplomat.gazetteer (kind, name, country) VALUES ('GPE', 'Quarnia', 'NZL');
UPDATE diplomat.gazetteer SET country = 'NZL' WHERE name = 'Fiji';
DELETE FROM diplomat.topic_terms WHERE topic = 'sport';
TRUNCATE diplomat.lexicon;
INSERT INTO diplomat.dictionary_removed VALUES ('gazetteer', 'GPE:Fiji');
UPDATE diplomat.dictionary_image SET format = 0;
SELECT * FROM dictionary_rebuild();
CREATE TRIGGER t AFTER INSERT ON reader_articles FOR EACH STATEMENT EXECUTE FUNCTION diplomat.dictionary_changed();
CREATE TRIGGER t BEFORE INSERT ON reader_articles FOR EACH ROW EXECUTE FUNCTION diplomat.dictionary_row_trigger();
SELECT to_entities('Officials from Quarnia met envoys in Fiji.');

-- the owner grants an editor the dictionary tables: the triggers (which run
-- as the owner) record removals and rebuild the image, which every session
-- then uses; rebuilding by hand needs its own grant
\c - :superuser
GRANT INSERT, UPDATE, DELETE ON diplomat.gazetteer TO regress_diplomat_editor;
\c - regress_diplomat_editor
SET search_path = public, diplomat;
INSERT INTO diplomat.gazetteer (kind, name, country, actor) VALUES ('GPE', 'Quarnia', 'NZL', 'NZL');
DELETE FROM diplomat.gazetteer WHERE kind = 'GPE' AND name = 'Fiji';
SELECT * FROM diplomat.dictionary_removed;
SELECT to_entities('Officials from Quarnia met envoys in Fiji.');
INSERT INTO diplomat.offices (person, office, country) VALUES ('Nobody', 'other', 'NZL');
INSERT INTO diplomat.dictionary_removed VALUES ('gazetteer', 'GPE:Samoa');
SELECT rejected FROM dictionary_rebuild();
\c - :superuser
GRANT EXECUTE ON FUNCTION diplomat.dictionary_rebuild() TO regress_diplomat_editor;
\c - regress_diplomat_editor
SELECT rejected FROM diplomat.dictionary_rebuild();
\c - regress_diplomat_reader
SELECT diplomat.to_entities('Officials from Quarnia met envoys in Fiji.');

-- the superuser's recompute() (after a restore, say) updates the role's
-- table as the role: the table's triggers never run as the superuser
\c - :superuser
SELECT diplomat.recompute() AS recomputed, current_user = :'superuser' AS still_superuser;
SELECT who = 'regress_diplomat_reader' AS as_owner, count(*) FROM public.reader_log GROUP BY who;

-- an image written by another version of the engine (after a new .so):
-- an ordinary role compiles the dictionaries from the tables
\c - :superuser
UPDATE diplomat.dictionary_image SET format = 0;
\c - regress_diplomat_reader
SELECT diplomat.to_entities('Officials from Quarnia met envoys in Fiji.');
SELECT source FROM diplomat.dictionary_info();
SELECT source, code, target FROM diplomat.events('Antony Blinken met Wang Yi in Beijing.', '2023-06-19');

\c :regdb :superuser
DROP DATABASE diplomat_privileges;
DROP ROLE regress_diplomat_reader;
DROP ROLE regress_diplomat_editor;
