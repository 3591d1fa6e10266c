-- newsquery names find what the user means: any case, aliases the
-- dictionaries know, a person's surname; a name they do not know raises a
-- NOTICE.  The value itself does not change (its text form round-trips
-- without the dictionaries); resolution happens when @@ runs, the same way
-- for a sequential scan and the GIN index.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;
SET client_min_messages = notice;
SET search_path = public, diplomat;

CREATE TEMP TABLE doc AS
SELECT to_entities('Tony Blair met officials of the Soviet Union and the United States in London.'::text) AS ents;
SELECT ents FROM doc;

SELECT q, doc.ents @@ q::newsquery AS matches
  FROM doc, (VALUES ('PER:"Tony Blair"'), ('PER:"tony blair"'), ('PER:"TONY BLAIR"'),
                    ('PER:Blair'), ('GPE:USSR'), ('GPE:"U.S.S.R."'), ('GPE:"U.S."'),
                    ('gpe:"united states"'), ('GPE:"United States" & !GPE:ussr'),
                    ('GPE:London & PER:blair')) v(q);

-- unknown names: a NOTICE each, once per statement, and no match
SELECT doc.ents @@ 'PER:"Tony Blaire"' AS misspelt, doc.ents @@ 'ORG:USSR' AS wrong_kind,
       doc.ents @@ 'PER:"Tony Blaire" | PER:"Tony Blaire"' AS twice
  FROM doc;
-- a name the dictionaries lack matches as written, and with each word
-- capitalised as news copy writes it, after its NOTICE
SELECT 'PER:"Zorblax Quimby"'::entities @@ 'PER:"Zorblax Quimby"' AS as_written,
       'PER:"Zorblax Quimby"'::entities @@ 'PER:"zorblax QUIMBY"' AS capitalised,
       'PER:"Zorblax Quimby"'::entities @@ 'PER:"Zorblax Quimb"' AS prefix;

-- the value keeps what the user wrote; output does not consult the dictionaries
SELECT 'PER:"tony blair" & GPE:USSR'::newsquery AS q,
       'PER:"tony blair" & GPE:USSR'::newsquery::text::newsquery = 'PER:"tony blair" & GPE:USSR' AS round_trip;

-- the index finds the same rows as a sequential scan, for every query
CREATE TEMP TABLE articles (id serial, ents entities);
INSERT INTO articles (ents)
SELECT to_entities(t) FROM (VALUES
    ('Tony Blair met officials of the Soviet Union in Moscow.'),
    ('The U.S. and the UK talked in London.'),
    ('Kishida and Yoon met Biden at Camp David.'),
    ('Former Prime Minister Blair spoke in Washington.')) v(t), generate_series(1, 50);
CREATE INDEX ON articles USING gin (ents);
ANALYZE articles;
CREATE TEMP TABLE queries (q newsquery);
INSERT INTO queries VALUES ('PER:"tony blair"'), ('PER:blair & GPE:ussr'), ('GPE:"U.S." | GPE:"UK"'),
    ('GPE:"united states" & !PER:biden'), ('PER:kishida & PER:yoon'), ('NORP:* | PER:blair');
CREATE TEMP TABLE seq AS SELECT q::text, count(*) FILTER (WHERE a.ents @@ q) AS n FROM queries, articles a GROUP BY q::text;
SET enable_seqscan = off;
SELECT s.q, s.n AS seqscan, (SELECT count(*) FROM articles a WHERE a.ents @@ s.q::newsquery) AS index_scan
  FROM seq s ORDER BY s.q;
EXPLAIN (COSTS OFF) SELECT count(*) FROM articles WHERE ents @@ 'PER:"tony blair"';
RESET enable_seqscan;

-- text @@ newsquery resolves the same way
SELECT 'Tony Blair flew to the U.S.' @@ 'PER:"tony blair" & GPE:"united states"'::newsquery AS on_the_fly;

-- a dictionary edit changes what a query finds, not the stored values
SELECT doc.ents @@ 'PER:"the member for sedgefield"' AS before_alias FROM doc;
UPDATE diplomat.gazetteer SET aliases = aliases || '{"The Member for Sedgefield"}'
 WHERE kind = 'PER' AND name = 'Tony Blair' AND NOT ('The Member for Sedgefield' = ANY (aliases));
SELECT doc.ents @@ 'PER:"the member for sedgefield"' AS new_alias FROM doc;

-- volatility: IMMUTABLE like @@ on tsvector, so postgres_fdw can ship it
SELECT p.oid::regprocedure AS function, p.provolatile
  FROM pg_proc p
 WHERE p.oid IN ('diplomat.entities_match_newsquery(diplomat.entities, diplomat.newsquery)'::regprocedure,
                 'diplomat.newsquery_match_entities(diplomat.newsquery, diplomat.entities)'::regprocedure,
                 'diplomat.text_match_newsquery(text, diplomat.newsquery)'::regprocedure)
 ORDER BY 1::text;

UPDATE diplomat.gazetteer SET aliases = array_remove(aliases, 'The Member for Sedgefield')
 WHERE kind = 'PER' AND name = 'Tony Blair';
