-- Entities: types entity, entities, newsquery; mentions(), to_entities();
-- operators, GIN index, statistics; dictionary edits
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;
SET search_path = public, diplomat;

-- entity: text I/O round trip, accessors, comparison
SELECT 'PER:Antony Blinken@USA'::entity AS e,
       'PER:"Antony Blinken"'::entity = 'PER:Antony Blinken@USA'::entity AS same_identity,
       kind('GPE:Taiwan@TWN'::entity), name('GPE:Taiwan@TWN'::entity),
       country('GPE:Taiwan@TWN'::entity), country('ORG:NATO'::entity) IS NULL AS no_country;
SELECT e::text::entity = e AS round_trip
  FROM (VALUES ('PER:Xi Jinping@CHN'::entity), ('ORG:"Quote\"d"'), ('LOC:Red Sea'), ('topic:cross_strait')) v(e);
SELECT entity('per', 'Yoko Kamikawa', 'JPN'), entity('ORG', 'Houthis');
SELECT e FROM (VALUES ('PER:b'::entity), ('GPE:a'), ('PER:a'), ('ORG:z')) v(e) ORDER BY e;
SELECT count(DISTINCT e) FROM (VALUES ('PER:a'::entity), ('PER:a@USA'), ('PER:b')) v(e);

-- malformed literals: 22P02 with the position
\set VERBOSITY default
SELECT 'PER:'::entity;
SELECT 'XYZ:foo'::entity;
SELECT 'Antony Blinken'::entity;
SELECT entity('ALIEN', 'x');
SELECT entity('PER', 'x', 'usa');

-- entities: canonical (sorted, deduplicated, counts added)
SELECT 'GPE:"China"@CHN:2, PER:"Antony Blinken"@USA:3, GPE:China:1, ORG:NATO'::entities;
SELECT ''::entities AS empty, length(''::entities);
SELECT 'PER:"A":x'::entities;
SELECT 'PER:"A" GPE:B'::entities;
SELECT 'PER:"unterminated'::entities;
SELECT 'PER:A,'::entities;

CREATE TEMP TABLE es AS SELECT 'PER:"Antony Blinken"@USA:3, GPE:China@CHN:2, GPE:Taiwan@TWN:1'::entities AS v;
SELECT v ? 'PER:Antony Blinken'::entity AS has_blinken, v ? 'PER:Wang Yi'::entity AS has_wang,
       v @> 'GPE:China, GPE:Taiwan'::entities AS contains, v @> 'GPE:China, GPE:Japan'::entities AS not_contains,
       'GPE:China'::entities <@ v AS contained, v && 'GPE:Japan, GPE:Taiwan'::entities AS overlap,
       v && 'GPE:Japan'::entities AS no_overlap,
       mention_count(v, 'PER:Antony Blinken'), mention_count(v, 'GPE:Japan')
  FROM es;
SELECT v || 'GPE:China:5, ORG:NATO'::entities AS union_counts FROM es;
SELECT filter(v, 'GPE') FROM es;
SELECT * FROM unnest((SELECT v FROM es));

-- newsquery: canonical output, precedence, errors
SELECT 'PER:"Antony Blinken" & (GPE:Taiwan | topic:cross_strait) & !ORG:NATO'::newsquery;
SELECT 'a:b'::newsquery;
SELECT 'PER:x | GPE:y & ORG:z'::newsquery, '(PER:x | GPE:y) & ORG:z'::newsquery, '!!PER:x'::newsquery;
SELECT 'PER:*'::newsquery, 'gpe:Taiwan'::newsquery;
SELECT 'PER:"a" &'::newsquery;
SELECT '(PER:a'::newsquery;
SELECT 'PER:a GPE:b'::newsquery;
SELECT ''::newsquery;
SELECT 'PER:a'::newsquery && 'GPE:b'::newsquery AS q_and, 'PER:a'::newsquery || 'GPE:b'::newsquery AS q_or,
       !! 'PER:a'::newsquery AS q_not;
-- sizes and nesting: see newsquery.sql

SELECT v @@ 'PER:"Antony Blinken" & GPE:Taiwan'::newsquery AS m1,
       v @@ 'PER:"Antony Blinken" & !GPE:Taiwan'::newsquery AS m2,
       v @@ 'ORG:* | GPE:Japan'::newsquery AS m3,
       v @@ 'PER:* & GPE:*'::newsquery AS m4,
       'PER:"Antony Blinken"'::newsquery @@ v AS commuted
  FROM es;

-- extraction from a paragraph written for this test
CREATE TEMP TABLE art (id int, published date, body text);
INSERT INTO art VALUES
 (1, '2023-06-20', E'Blinken Holds Talks in Beijing\n\nBEIJING - U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing on Sunday. Blinken later met President Xi Jinping. A State Department spokesperson said the talks were candid.'),
 (2, '2022-03-01', E'Russian troops advanced on Kyiv as Ukrainian President Volodymyr Zelensky called on NATO to close the skies. The Kremlin said its operation was going to plan.'),
 (3, '2024-05-10', E'Officials from the European Union and Japan met in Brussels to discuss trade.');
SELECT id, kind, name, country, actor, text, how FROM art, mentions(art.body, art.published) ORDER BY id, mention;
-- the rule that made each mention (doc/architecture.md lists the rules)
SELECT id, text, how, rule FROM art, mentions(art.body, art.published) ORDER BY id, mention;
SELECT text, kind, how, rule
  FROM mentions(E'Mr. Jonathan Quarles of Fairfax County met Derby County fans and Xerox Corp staff in Northern Iraq. Quarles said U.S.-led talks in Lake Wobegon were candid. Quarles met the Tolland Cardinals.', '2024-01-12')
 ORDER BY mention;
SELECT count(*) FILTER (WHERE rule IS NULL) AS without_rule FROM art, mentions(art.body, art.published);
SELECT id, to_entities(body, published) FROM art ORDER BY id;
SELECT id, bool_and(substr(body, m.start, m.len) = m.text) AS spans_exact FROM art, mentions(art.body) m GROUP BY id ORDER BY id;
-- a NULL document has no mentions (with or without a date) and no entities
SELECT (SELECT count(*) FROM mentions(NULL)) AS null_mentions,
       (SELECT count(*) FROM mentions(NULL, '2024-01-01')) AS null_mentions_dated,
       to_entities(NULL) IS NULL AS null_entities, length(to_entities(''::text)) AS empty;
-- named like to_tsvector, so that a literal needs no cast; the type name
-- itself is a cast (the 0.1 function name entities() is gone)
SELECT to_entities('Antony Blinken met Wang Yi.');
SELECT diplomat.entities('Antony Blinken met Wang Yi.');
SELECT count(*) AS old_names FROM pg_proc
 WHERE pronamespace = 'diplomat'::regnamespace AND proname IN ('entities', 'topics');
SELECT 'Antony Blinken met Wang Yi in Beijing.' @@ 'PER:"Wang Yi" & GPE:Beijing'::newsquery AS on_the_fly,
       'Antony Blinken met Wang Yi in Beijing.' @@ 'ORG:*'::newsquery AS no_org;

-- a generated column, a GIN index, and queries that use it
CREATE TABLE articles (id serial PRIMARY KEY, published date, body text,
    ents entities GENERATED ALWAYS AS (to_entities(body, published)) STORED);
INSERT INTO articles (published, body) SELECT published, body FROM art;
INSERT INTO articles (published, body)
    SELECT '2024-01-01', format('Officials in Canberra met delegates from Fiji on day %s.', g) FROM generate_series(1, 3000) g;
CREATE INDEX articles_ents ON articles USING gin (ents);
ANALYZE articles;
SELECT count(*) > 0 AS has_mcelem FROM pg_stats WHERE tablename = 'articles' AND attname = 'ents' AND most_common_elems IS NOT NULL;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM articles WHERE ents @@ 'PER:"Antony Blinken" & GPE:Beijing';
EXPLAIN (COSTS OFF) SELECT id FROM articles WHERE ents ? 'GPE:Kyiv'::entity;
EXPLAIN (COSTS OFF) SELECT id FROM articles WHERE ents @> 'GPE:Kyiv, ORG:NATO'::entities;
EXPLAIN (COSTS OFF) SELECT id FROM articles WHERE ents && 'GPE:Kyiv, GPE:Japan'::entities;
SELECT id FROM articles WHERE ents @@ 'PER:"Antony Blinken" & GPE:Beijing' ORDER BY id;
SELECT id FROM articles WHERE ents @@ 'PER:* & !GPE:Beijing' ORDER BY id;
SELECT id FROM articles WHERE ents ? 'GPE:Kyiv'::entity ORDER BY id;
SELECT id FROM articles WHERE ents @> 'GPE:Kyiv, ORG:NATO'::entities ORDER BY id;
SELECT id FROM articles WHERE ents && 'GPE:Kyiv, GPE:Japan'::entities ORDER BY id;
SELECT count(*) FROM articles WHERE ents @@ '!PER:*';
-- folded keys: with one bucket (or three) for every name the index only
-- narrows by kind, and the recheck must still give exactly the answers of
-- a sequential scan, negations included
CREATE TEMP TABLE combos (es entities);
INSERT INTO combos
    SELECT format('PER:"Person %s", ORG:"Org %s", %s', g % 7, g % 5,
                  CASE WHEN g % 3 = 0 THEN 'GPE:Kyiv' WHEN g % 3 = 1 THEN 'LOC:Crimea' ELSE 'NORP:Ukrainian' END)::entities
      FROM generate_series(1, 420) g;
INSERT INTO combos SELECT 'ORG:"Org 1"' FROM generate_series(1, 10);
CREATE TEMP TABLE lossy (q newsquery, one bigint, three bigint, seq bigint);
INSERT INTO lossy (q) VALUES ('PER:"Person 1"'), ('PER:"Person 1" & ORG:"Org 2"'),
    ('PER:"Person 1" & !ORG:"Org 2"'), ('!PER:"Person 3"'), ('PER:* & !GPE:Kyiv'),
    ('!PER:*'), ('ORG:"Org 4" | LOC:Crimea'), ('PER:"Person 6" & !(ORG:"Org 0" | NORP:Ukrainian)'),
    ('PER:"Person 9"'), ('ORG:"Org 1" & !PER:*'), ('GPE:Kyiv'), ('GPE:Kyiv & !NORP:Ukrainian'),
    ('NORP:Ukrainian | GPE:Kyiv'), ('!GPE:Kyiv & PER:"Person 2"'), ('GPE:Lviv');
SET enable_seqscan = off;
CREATE INDEX combos_one ON combos USING gin (es entities_ops (buckets = 1));
EXPLAIN (COSTS OFF) UPDATE lossy SET one = (SELECT count(*) FROM combos WHERE es @@ q);
UPDATE lossy SET one = (SELECT count(*) FROM combos WHERE es @@ q);
DROP INDEX combos_one;
CREATE INDEX combos_three ON combos USING gin (es entities_ops (buckets = 3));
UPDATE lossy SET three = (SELECT count(*) FROM combos WHERE es @@ q);
DROP INDEX combos_three;
RESET enable_seqscan;
UPDATE lossy SET seq = (SELECT count(*) FROM combos WHERE es @@ q);
SELECT q, seq, one = seq AND three = seq AS index_agrees FROM lossy ORDER BY q::text;
CREATE INDEX combos_bad ON combos USING gin (es entities_ops (buckets = 0));
-- the planner prefers the index for a rare entity, not for a common one
EXPLAIN (COSTS OFF) SELECT id FROM articles WHERE ents ? 'GPE:Kyiv'::entity;
EXPLAIN (COSTS OFF) SELECT id FROM articles WHERE ents ? 'GPE:Fiji'::entity;

-- binary COPY round trip
CREATE TEMP TABLE bin (e entity, es entities, q newsquery);
INSERT INTO bin SELECT 'PER:Antony Blinken@USA', ents, 'PER:"Antony Blinken" & (GPE:Taiwan | !ORG:*)' FROM articles WHERE id <= 3;
\copy bin TO 'build/regress/entities.bin' WITH (FORMAT binary)
CREATE TEMP TABLE bin2 (LIKE bin);
\copy bin2 FROM 'build/regress/entities.bin' WITH (FORMAT binary)
SELECT count(*) AS rows, bool_and(b.e = b2.e AND b.es = b2.es AND b.q = b2.q) AS identical
  FROM (SELECT *, row_number() OVER () r FROM bin) b JOIN (SELECT *, row_number() OVER () r FROM bin2) b2 USING (r);

-- binary input errors are 22P03, a value cut short too (not 08P01), and
-- a name that text input refuses is refused here as well
\getenv abs_builddir PG_ABS_BUILDDIR
\set binfile :abs_builddir '/entities_regress.bin'
\setenv ENT_BIN :binfile
CREATE TEMP TABLE one_e (e entity);
CREATE TEMP TABLE one_es (es entities);
\set VERBOSITY sqlstate
\copy (SELECT '\x01555341'::bytea) TO PROGRAM 'cat > "$ENT_BIN"' WITH (FORMAT binary)
\copy one_e FROM PROGRAM 'cat "$ENT_BIN"' WITH (FORMAT binary)
\copy (SELECT '\x0155534100000002410a'::bytea) TO PROGRAM 'cat > "$ENT_BIN"' WITH (FORMAT binary)
\copy one_e FROM PROGRAM 'cat "$ENT_BIN"' WITH (FORMAT binary)
\copy (SELECT '\x00000002015553410000000100000001'::bytea) TO PROGRAM 'cat > "$ENT_BIN"' WITH (FORMAT binary)
\copy one_es FROM PROGRAM 'cat "$ENT_BIN"' WITH (FORMAT binary)
\copy (SELECT '\x000000'::bytea) TO PROGRAM 'cat > "$ENT_BIN"' WITH (FORMAT binary)
\copy one_es FROM PROGRAM 'cat "$ENT_BIN"' WITH (FORMAT binary)
\copy (SELECT entity_send('PER:Antony Blinken@USA')) TO PROGRAM 'cat > "$ENT_BIN"' WITH (FORMAT binary)
\copy one_e FROM PROGRAM 'cat "$ENT_BIN"' WITH (FORMAT binary)
\set VERBOSITY terse
SELECT e FROM one_e;

-- dictionaries: edits take effect at once and are validated
SELECT to_entities('Minister Zorblax Quimby met envoys in Vexilia.'::text);
INSERT INTO diplomat.gazetteer (kind, name, country, actor, aliases)
    VALUES ('PER', 'Zorblax Quimby', 'FJI', 'FJIGOV', '{"Z. Quimby"}'),
           ('GPE', 'Vexilia', 'FJI', 'FJI', '{}');
SELECT to_entities('Minister Zorblax Quimby met envoys in Vexilia.'::text);
UPDATE diplomat.gazetteer SET country = 'TON', actor = 'TONGOV' WHERE name = 'Zorblax Quimby';
SELECT * FROM unnest(to_entities('Z. Quimby spoke.'::text));
DELETE FROM diplomat.gazetteer WHERE kind = 'GPE' AND name = 'Vexilia';
SELECT to_entities('Envoys went to Vexilia.'::text);
-- removing a builtin row is remembered for pg_dump
DELETE FROM diplomat.gazetteer WHERE kind = 'GPE' AND name = 'Fiji' AND builtin;
SELECT * FROM diplomat.dictionary_removed ORDER BY 1, 2;
SELECT to_entities('Envoys went to Fiji.'::text);
-- invalid rows are refused
INSERT INTO diplomat.gazetteer (kind, name) VALUES ('XXX', 'Nobody');
INSERT INTO diplomat.gazetteer (kind, name, actor) VALUES ('ORG', 'Bad Actor Org', 'QQQGOV');
INSERT INTO diplomat.patterns (code, pattern) VALUES ('999', '{meet} +');
INSERT INTO diplomat.patterns (code, pattern) VALUES ('040', '+ {meet}');
SELECT entities > 5000 AS many_entities, patterns > 1000 AS many_patterns, topics > 50 AS many_topics, source
  FROM diplomat.dictionary_info();
-- alias rules in brackets: context, nocaseless; unknown rules are refused
INSERT INTO diplomat.gazetteer (kind, name, country, actor, aliases)
    VALUES ('ORG', 'Tongan Unity Party', 'TON', 'TONGOV', '{"TUP [context]", "UNITY [nocaseless]"}');
SELECT name, text, rule FROM mentions('The TUP won the vote.'::text);
SELECT name, text, rule FROM mentions('The TUP won the vote in Tonga.'::text);
SELECT name, text, rule FROM mentions('UNITY WINS VOTE IN TONGA'::text);
SELECT name, text, rule FROM mentions('Voters in Tonga backed UNITY.'::text);
INSERT INTO diplomat.gazetteer (kind, name, aliases) VALUES ('ORG', 'Bad Rule Org', '{"BRO [sometimes]"}');
INSERT INTO diplomat.gazetteer (kind, name, aliases) VALUES ('ORG', 'Open Rule Org', '{"ORO [context"}');
-- organisations by date: none before its founding; of two with an alias, the one of the date
SELECT d, name, text FROM (VALUES (date '1987-06-01'), (date '2025-06-01')) v(d),
       mentions('GE and the EC agreed.', d) ORDER BY d, start;
-- tickers are no mentions; company names win over surnames
SELECT name, kind, text FROM mentions('E.F. Hutton Group Inc <EFH> rose. Hutton said it would sell.'::text, '1987-04-01');
-- a title with its country names the office holder at the date; places
-- report the country of the date (Moscow in 1987: the Soviet Union)
SELECT name, country, actor, text, rule
  FROM mentions('The Japanese prime minister met the former Soviet foreign minister.'::text, '2023-06-19');
SELECT published, name, country, actor
  FROM (VALUES (date '1987-03-01'), (date '2020-03-01')) v(published),
       mentions('Moscow said troops left Kyiv.', published) ORDER BY 1, start;
-- put the builtin row back
DELETE FROM diplomat.dictionary_removed;
INSERT INTO diplomat.gazetteer (kind, name, country, actor) VALUES ('GPE', 'Fiji', 'FJI', 'FJI');
DELETE FROM diplomat.gazetteer WHERE NOT builtin;
DELETE FROM diplomat.dictionary_removed;
DROP TABLE articles;
