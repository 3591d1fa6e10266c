-- search_path hijack.  Exact-type overloads of the catalog functions and
-- operators that SQL in the extension could use, and a copy of every
-- function of the extension, are planted in the schema public; the
-- superuser then runs CREATE EXTENSION and every documented dictionary
-- edit, rebuild, extraction, query, training and recompute with
-- search_path = public, pg_catalog, diplomat (public before pg_catalog, so
-- that an unqualified name anywhere in the extension's SQL, triggers or
-- SPI queries would reach a planted object).  None of them may run.  The
-- statements written here qualify their own operators, so that only the
-- extension's internals could call a planted object.
\set regdb :DBNAME
SET client_min_messages = warning;
DROP DATABASE IF EXISTS diplomat_search_path;
CREATE DATABASE diplomat_search_path TEMPLATE template0 ENCODING 'UTF8';
\c diplomat_search_path
SET client_min_messages = warning;
SET datestyle = 'ISO, YMD';
CREATE TABLE public.hijack_log (what text, by_role text DEFAULT current_user);
GRANT INSERT ON public.hijack_log TO PUBLIC;
CREATE FUNCTION public.hijack_note(what text) RETURNS void
LANGUAGE sql SET search_path = pg_catalog
AS $$ INSERT INTO public.hijack_log (what) VALUES (what) $$;
SET search_path = pg_catalog;

-- plants public.<fname>(<args>) returning <result>, logging its calls
CREATE FUNCTION public.plant(fname text, args text, result text, label text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
    ret text := CASE WHEN result ~ '^(SETOF |TABLE\()' OR result = 'void' OR args ~* '\mOUT\M'
                     THEN 'RETURN;' ELSE 'RETURN NULL;' END;
BEGIN
    EXECUTE format('CREATE FUNCTION public.%I(%s) RETURNS %s LANGUAGE plpgsql SET search_path = pg_catalog AS %L',
                   fname, args, result,
                   format('BEGIN PERFORM public.hijack_note(%L); %s END',
                          coalesce(label, fname || '(' || args || ')'), ret));
END $$;
-- plants the operator public.<op>(<l>, <r>)
CREATE FUNCTION public.plant_op(op text, l text, r text, result text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
    f text := 'hijack_op_' || md5(op || l || r);
BEGIN
    PERFORM public.plant(f, l || ', ' || r, result, format('operator %s(%s, %s)', op, l, r));
    EXECUTE format('CREATE OPERATOR public.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = public.%I)', op, l, r, f);
END $$;

-- catalog functions
SELECT public.plant(f, a, r) FROM (VALUES
    ('array_to_string', 'text[], text', 'text'), ('array_to_string', 'anyarray, text', 'text'),
    ('string_to_array', 'text, text', 'text[]'), ('unnest', 'text[]', 'SETOF text'),
    ('unnest', 'anyarray', 'SETOF anyelement'), ('to_jsonb', 'anyelement', 'jsonb'),
    ('row_to_json', 'record', 'json'), ('now', '', 'timestamptz'),
    ('format', 'text, text', 'text'), ('format', 'text, text, text', 'text'),
    ('quote_ident', 'text', 'text'), ('quote_literal', 'text', 'text'),
    ('lower', 'text', 'text'), ('upper', 'text', 'text'), ('length', 'text', 'integer'),
    ('btrim', 'text', 'text'), ('substr', 'text, integer, integer', 'text'),
    ('left', 'text, integer', 'text'), ('replace', 'text, text, text', 'text'),
    ('textcat', 'text, text', 'text'), ('texteq', 'text, text', 'boolean'),
    ('int4eq', 'integer, integer', 'boolean'), ('md5', 'text', 'text'), ('md5', 'bytea', 'text'),
    ('encode', 'bytea, text', 'text'), ('set_config', 'text, text, boolean', 'text'),
    ('current_setting', 'text', 'text'), ('pg_trigger_depth', '', 'integer'),
    ('array_remove', 'anyarray, anyelement', 'anyarray'), ('array_append', 'anyarray, anyelement', 'anyarray'),
    ('pg_extension_config_dump', 'regclass, text', 'void'), ('nextval', 'regclass', 'bigint'),
    ('dictionary_key', 'name, jsonb', 'text')
) v(f, a, r);
-- catalog operators on the types the extension's SQL handles
SELECT public.plant_op(o, t, t, 'boolean')
  FROM unnest('{=,<>,<,>,<=,>=}'::text[]) o,
       unnest('{text,name,integer,bigint,smallint,boolean,date,jsonb,text[],bytea,oid,regclass,"\"char\"",timestamptz,real,"double precision",numeric}'::text[]) t;
SELECT public.plant_op(o, l, r, res) FROM (VALUES
    ('~', 'text', 'text', 'boolean'), ('~~', 'text', 'text', 'boolean'), ('!~', 'text', 'text', 'boolean'),
    ('||', 'text', 'text', 'text'), ('||', 'text[]', 'text[]', 'text[]'), ('||', 'text[]', 'text', 'text[]'),
    ('->>', 'jsonb', 'text', 'text'), ('->>', 'jsonb', 'integer', 'text'), ('->', 'jsonb', 'text', 'jsonb'),
    ('@>', 'text[]', 'text[]', 'boolean'), ('<@', 'text[]', 'text[]', 'boolean'), ('&&', 'text[]', 'text[]', 'boolean'),
    ('@>', 'jsonb', 'jsonb', 'boolean'), ('+', 'integer', 'integer', 'integer'), ('+', 'bigint', 'bigint', 'bigint'),
    ('-', 'integer', 'integer', 'integer'), ('-', 'bigint', 'bigint', 'bigint')
) v(o, l, r, res);

-- the planted objects work: unqualified names under this search_path reach them
SET search_path = public, pg_catalog, diplomat;
SELECT array_to_string(ARRAY['a', 'b'], ',') IS NULL AS planted_function,
       ('a'::text = 'a'::text) IS NULL AS planted_operator;
SELECT what FROM public.hijack_log ORDER BY what;
TRUNCATE public.hijack_log;

-- the install script
CREATE EXTENSION diplomat;

-- a copy of every function of the extension, and operators on its types
SET search_path = pg_catalog;
CREATE TEMP TABLE copied AS
SELECT p.proname, pg_get_function_arguments(p.oid) AS args, pg_get_function_result(p.oid) AS result
  FROM pg_proc p
 WHERE p.pronamespace = 'diplomat'::regnamespace AND p.prokind = 'f'
   AND NOT EXISTS (SELECT 1 FROM unnest(p.proargtypes::oid[] || p.prorettype) t
                    WHERE t IN ('internal'::regtype, 'cstring'::regtype));
SELECT count(public.plant(proname, args, result)) FROM copied \gset
SELECT (SELECT count(*) FROM copied) > 100 AS many_functions,
       (SELECT count(*) FROM copied c
         WHERE NOT EXISTS (SELECT 1 FROM pg_proc p
                            WHERE p.pronamespace = 'public'::regnamespace AND p.proname = c.proname
                              AND pg_get_function_arguments(p.oid) = c.args)) AS not_planted;
SELECT public.plant_op(o, t, t, 'boolean')
  FROM unnest('{=,<>,<,>,<=,>=,@>,<@}'::text[]) o,
       unnest('{diplomat.cameo,diplomat.actor,diplomat.entity,diplomat.entities,diplomat.topics,diplomat.event}'::text[]) t;
SELECT public.plant_op('@@', 'diplomat.entities', 'diplomat.newsquery', 'boolean'),
       public.plant_op('@@', 'text', 'diplomat.newsquery', 'boolean');
SET search_path = public, pg_catalog, diplomat;

-- dictionary edits (doc/dictionaries.md) fire the row and statement triggers
INSERT INTO diplomat.gazetteer (kind, name, country, actor, aliases, valid_from)
VALUES ('PER', 'Zorblax Quimby', 'FJI', 'FJIGOV', '{"Z. Quimby"}', '2020-01-01');
INSERT INTO diplomat.offices (person, office, title, country, actor, start_date, end_date)
VALUES ('Zorblax Quimby', 'foreign_minister', 'Foreign Minister', 'FJI', 'FJIGOV', '2026-01-01', '2027-01-01');
INSERT INTO diplomat.roles (term, role, use) VALUES ('chief quibbler', 'GOV', 'title');
INSERT INTO diplomat.lexicon (word, class) VALUES ('zorblax', 'GIVEN');
INSERT INTO diplomat.verbs VALUES ('rebuke', 'rebukes', 'rebuked', 'rebuked', 'rebuking');
INSERT INTO diplomat.patterns (code, pattern, note) VALUES ('111', '{rebuke} +', 'X rebuked Y');
INSERT INTO diplomat.topic_defs (key, label, parent) VALUES ('deep_sea_mining', 'Deep-sea mining', 'environment');
TRUNCATE diplomat.topic_terms;
INSERT INTO diplomat.topic_terms (topic, term, weight)
VALUES ('deep_sea_mining', 'seabed mining', 3), ('deep_sea_mining', 'polymetallic nodules', 3),
       ('sport', 'striker', 3), ('sport', 'league', 3);
UPDATE diplomat.gazetteer SET country = 'TON', actor = 'TON'
 WHERE kind OPERATOR(pg_catalog.=) 'GPE' AND name OPERATOR(pg_catalog.=) 'Samoa';
DELETE FROM diplomat.gazetteer WHERE kind OPERATOR(pg_catalog.=) 'GPE' AND name OPERATOR(pg_catalog.=) 'Fiji';
INSERT INTO diplomat.gazetteer (kind, name, country, actor) VALUES ('GPE', 'Tonga', 'NZL', 'NZL');
INSERT INTO diplomat.dictionary_removed VALUES ('gazetteer', 'GPE:Vanuatu');
UPDATE diplomat.offices SET end_date = '2027-06-30' WHERE person OPERATOR(pg_catalog.=) 'Zorblax Quimby';
-- as logical replication applies them: the replica trigger deletes the
-- removed builtin rows and recompiles at commit
SET session_replication_role = replica;
BEGIN;
INSERT INTO diplomat.gazetteer (kind, name, country, actor) VALUES ('GPE', 'Quarnia', 'FJI', 'FJI');
INSERT INTO diplomat.dictionary_removed VALUES ('gazetteer', 'GPE:Nauru');
COMMIT;
RESET session_replication_role;
SELECT count(*) AS nauru FROM diplomat.gazetteer WHERE name OPERATOR(pg_catalog.=) 'Nauru';
SELECT rejected FROM diplomat.dictionary_rebuild();
SELECT source FROM diplomat.dictionary_info();

-- extraction, stored values, indexes and queries
CREATE TABLE public.articles (id integer PRIMARY KEY, published date, body text,
    ents diplomat.entities GENERATED ALWAYS AS (diplomat.to_entities(body, published)) STORED,
    tops diplomat.topics GENERATED ALWAYS AS (diplomat.to_topics(body)) STORED);
INSERT INTO public.articles (id, published, body) VALUES
 (1, '2023-06-19', E'Blinken Meets Xi in Beijing\n\nBEIJING - U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing on Sunday. Blinken later met President Xi Jinping.'),
 (2, '2026-03-01', 'Foreign Minister Zorblax Quimby rebuked Samoa and Tonga over seabed mining and polymetallic nodules.'),
 (3, '2024-05-10', 'The striker scored twice as the home side won the league match.');
CREATE INDEX articles_ents ON public.articles USING gin (ents);
CREATE INDEX articles_tops ON public.articles USING gin (tops);
CREATE INDEX articles_expr ON public.articles USING gin (diplomat.to_entities(body, published));
SELECT id, ents OPERATOR(diplomat.?) 'PER:Zorblax Quimby'::diplomat.entity AS quimby,
       tops OPERATOR(diplomat.?) 'deep_sea_mining' AS mining
  FROM public.articles ORDER BY id;
SET enable_seqscan = off;
SELECT id FROM public.articles WHERE ents OPERATOR(diplomat.@@) 'PER:"Antony Blinken" & GPE:Beijing' ORDER BY id;
SELECT id FROM public.articles WHERE tops OPERATOR(diplomat.?) 'deep_sea_mining' ORDER BY id;
RESET enable_seqscan;
SELECT id, body OPERATOR(diplomat.@@) 'PER:"Zorblax Quimby"'::diplomat.newsquery AS on_the_fly
  FROM public.articles ORDER BY id;
-- names resolved against the dictionaries (any case, aliases), the
-- analyst's tools and the casts to jsonb
SELECT id FROM public.articles
 WHERE ents OPERATOR(diplomat.@@) 'PER:"zorblax quimby" & GPE:Samoa'::diplomat.newsquery ORDER BY id;
SELECT diplomat.highlight(body, 'PER:"Zorblax Quimby"') IS NOT NULL AS highlighted,
       diplomat.news_rank(ents, 'PER:"Zorblax Quimby"') OPERATOR(pg_catalog.>) 0 AS ranked,
       diplomat.news_rank(body, 'PER:"Zorblax Quimby"', published) OPERATOR(pg_catalog.>) 0 AS ranked_text,
       pg_catalog.jsonb_typeof(ents::jsonb) AS ents_json, pg_catalog.jsonb_typeof(tops::jsonb) AS tops_json,
       (SELECT pg_catalog.jsonb_typeof(e::jsonb) FROM diplomat.events(body, published) e LIMIT 1) AS event_json
  FROM public.articles WHERE id OPERATOR(pg_catalog.=) 2;
SELECT a.id, m.name, m.actor FROM public.articles a, diplomat.mentions(a.body, a.published) m
 WHERE a.id OPERATOR(pg_catalog.=) 2 ORDER BY m.mention;
SELECT a.id, e.source, e.code, e.target, e.pattern FROM public.articles a, diplomat.events(a.body, a.published) e
 WHERE a.id OPERATOR(pg_catalog.=) 2 ORDER BY e.start;
SELECT count(*) OPERATOR(pg_catalog.>) 0 AS one_a_day
  FROM diplomat.one_a_day(ARRAY(SELECT e FROM public.articles a, diplomat.events(a.body, a.published) e));
SELECT (diplomat.event_summary(e.code)).events OPERATOR(pg_catalog.>) 0 AS summary
  FROM public.articles a, diplomat.events(a.body, a.published) e;
-- the GDELT export, PLOVER types, actor codes split, what the dictionaries cover
SELECT count(*) OPERATOR(pg_catalog.>) 0 AS gdelt_events,
       pg_catalog.bool_and(nummentions OPERATOR(pg_catalog.>) 0) AS mentioned
  FROM diplomat.gdelt_events('public.articles');
SELECT count(*) OPERATOR(pg_catalog.>) 0 AS gdelt_mentions
  FROM diplomat.gdelt_mentions('public.articles', 'id', 'body', 'published', 'body', 'body');
SELECT diplomat.plover('043') AS plover, (diplomat.actor_parts('IGOUNO')).type1 AS type1,
       diplomat.gdelt_event_id('2024-01-01', 'USAGOV', NULL, '040') OPERATOR(pg_catalog.>) 0 AS event_id;
SELECT count(*) OPERATOR(pg_catalog.>) 0 AS coverage FROM diplomat.dictionary_coverage();
SELECT pg_catalog.jsonb_typeof(regions) AS regions, offices_from IS NOT NULL AS years FROM diplomat.dictionary_info();
SELECT count(*) OPERATOR(pg_catalog.>) 0 AS topic_rows FROM public.articles a, diplomat.top_topics(a.body, 3) t;
SELECT count(*) OPERATOR(pg_catalog.>) 0 AS weight_rows FROM public.articles a, diplomat.topic_weights(a.tops) t;
SELECT count(*) OPERATOR(pg_catalog.>) 0 AS frequencies
  FROM pg_catalog.unnest((SELECT diplomat.topic_frequencies(tops) FROM public.articles));
SELECT (SELECT count(*) FROM diplomat.sentences(body)) OPERATOR(pg_catalog.>) 0 AS sentences,
       (SELECT count(*) FROM diplomat.tokens(body)) OPERATOR(pg_catalog.>) 0 AS tokens,
       diplomat.normalize(body) IS NOT NULL AS normalized
  FROM public.articles WHERE id OPERATOR(pg_catalog.=) 2;

-- training and classifying (src/pg/train.c)
CREATE TABLE public.train_docs (body text, label text);
INSERT INTO public.train_docs VALUES
 ('The striker scored twice in the league final.', 'sport'), ('The home side won the cup match.', 'sport'),
 ('Heavy rain and strong winds are forecast for Oslo.', 'weather'), ('Snow is forecast for Dublin on Monday.', 'weather');
SELECT rows, labels FROM diplomat.train_topics('hijack_model', 'SELECT body, label FROM public.train_docs');
SELECT diplomat.classify_label('The striker scored in the final.', 'hijack_model') AS label,
       (SELECT count(*) FROM diplomat.classify('Rain is forecast.', 'hijack_model')) AS labels;

-- recompute after a dictionary change
SELECT diplomat.recompute('public.articles') AS recomputed, diplomat.recompute() AS recomputed_all;

-- a new session loads the stored image; with an image of another format it
-- compiles from the tables
\c
SET search_path = public, pg_catalog, diplomat;
SELECT diplomat.to_entities('Zorblax Quimby met envoys in Tonga.', '2026-06-01');
SELECT source FROM diplomat.dictionary_info();
UPDATE diplomat.dictionary_image SET format = 0;
\c
SET search_path = public, pg_catalog, diplomat;
SELECT diplomat.to_entities('Zorblax Quimby met envoys in Tonga.', '2026-06-01');
SELECT source FROM diplomat.dictionary_info();
SELECT rejected FROM diplomat.dictionary_rebuild();

-- none of the planted objects ran
RESET search_path;
SELECT what, count(*) FROM public.hijack_log GROUP BY what ORDER BY what;
\c :regdb
DROP DATABASE diplomat_search_path;
