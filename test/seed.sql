-- Assertions on the reference article, given as the psql variable :doc.
-- Prints FAIL lines for every unmet expectation, then a summary.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP DATABASE IF EXISTS diplomat_seed;
CREATE DATABASE diplomat_seed;
\c diplomat_seed
SET client_min_messages = warning;
CREATE EXTENSION diplomat;
CREATE TEMP TABLE doc AS SELECT :'doc'::text AS body, date '2024-01-13' AS published;
CREATE TEMP TABLE fails (what text);

-- sentences: headline, dateline, 12 text sentences, boilerplate at the end
CREATE TEMP TABLE s AS SELECT x.* FROM doc, diplomat.sentences(doc.body) x;
INSERT INTO fails SELECT 'sentence count ' || count(*) FROM s HAVING count(*) <> 15;
INSERT INTO fails SELECT 'first sentence is not the headline' WHERE NOT EXISTS
    (SELECT 1 FROM s WHERE sentence = 1 AND kind = 'headline' AND text LIKE 'Blinken Engages%Issues');
INSERT INTO fails SELECT 'dateline not marked' WHERE NOT EXISTS
    (SELECT 1 FROM s WHERE kind = 'dateline' AND text = 'WASHINGTON -');
INSERT INTO fails SELECT 'scroll to top not marked as boilerplate' WHERE NOT EXISTS
    (SELECT 1 FROM s WHERE kind = 'boilerplate' AND text = 'scroll to top');
INSERT INTO fails SELECT 'sentence ' || sentence || ' does not map back' FROM s, doc
    WHERE substr(doc.body, s.start, s.len) <> s.text;
INSERT INTO fails SELECT 'split inside U.S. Secretary of State' WHERE NOT EXISTS
    (SELECT 1 FROM s WHERE text LIKE 'In a significant diplomatic engagement, U.S. Secretary of State Antony Blinken met%Friday.');
INSERT INTO fails SELECT 'text sentences ' || count(*) FROM s WHERE kind = 'text' HAVING count(*) <> 12;

-- entities
CREATE TEMP TABLE m AS SELECT x.* FROM doc, diplomat.mentions(doc.body, doc.published) x;
CREATE TEMP TABLE want (kind text, name text, country text);
INSERT INTO want VALUES
    ('PER', 'Antony Blinken', 'USA'), ('PER', 'Liu Jianchao', 'CHN'),
    ('PER', 'Matthew Miller', 'USA'), ('PER', 'Joe Biden', 'USA'),
    ('PER', 'Xi Jinping', 'CHN'), ('PER', 'Yoko Kamikawa', 'JPN'),
    ('ORG', 'State Department', 'USA'), ('ORG', 'Yonhap News Agency', 'KOR'),
    ('ORG', 'International Liaison Department', 'CHN'),
    ('ORG', 'Chinese Communist Party', 'CHN'), ('ORG', 'Houthis', 'YEM'),
    ('GPE', 'United States', 'USA'), ('GPE', 'Washington', 'USA'), ('GPE', 'China', 'CHN'),
    ('GPE', 'Japan', 'JPN'), ('GPE', 'Taiwan', 'TWN'), ('GPE', 'North Korea', 'PRK'),
    ('GPE', 'Russia', 'RUS'), ('GPE', 'Ukraine', 'UKR'), ('GPE', 'Iran', 'IRN'),
    ('GPE', 'California', 'USA'), ('LOC', 'Middle East', NULL), ('LOC', 'Red Sea', NULL),
    ('LOC', 'South China Sea', NULL), ('LOC', 'Taiwan Strait', NULL), ('LOC', 'Indo-Pacific', NULL);
INSERT INTO fails SELECT 'missing entity ' || w.kind || ':' || w.name || coalesce('@' || w.country, '')
    FROM want w WHERE NOT EXISTS (SELECT 1 FROM m WHERE m.kind = w.kind AND m.name = w.name
        AND m.country IS NOT DISTINCT FROM w.country);
-- no junk: days, boilerplate, sentence-initial words, headline words
INSERT INTO fails SELECT 'junk entity ' || m.kind || ':' || m.name FROM m
    WHERE m.text ~* '^(friday|scroll|top|in|the|according|furthering|highlighting|both|another|they|he|engages|talks|officials|issues|key|international issues)$'
       OR m.sentence = (SELECT sentence FROM s WHERE kind = 'boilerplate');
INSERT INTO fails SELECT 'mention does not map back: ' || m.text FROM m, doc
    WHERE substr(doc.body, m.start, m.len) <> m.text;
INSERT INTO fails SELECT 'Blinken not resolved in-document (' || m.text || ')' FROM m
    WHERE m.text = 'Blinken' AND m.name <> 'Antony Blinken';
INSERT INTO fails SELECT 'Liu not resolved in-document' FROM m
    WHERE m.text = 'Liu' AND m.name <> 'Liu Jianchao';
INSERT INTO fails SELECT 'actor of Blinken on 2024-01-13 is ' || coalesce(m.actor, 'NULL') FROM m
    WHERE m.name = 'Antony Blinken' AND m.actor IS DISTINCT FROM 'USAGOV';

SELECT 'FAIL: ' || what FROM fails;
SELECT 'checks passed' WHERE NOT EXISTS (SELECT 1 FROM fails);
\c postgres
DROP DATABASE diplomat_seed;
