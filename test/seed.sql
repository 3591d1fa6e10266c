-- Assertions on the reference article, given as the psql variable :doc.
-- Prints FAIL lines for every unmet expectation, then a summary.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP DATABASE IF EXISTS diplomat_seed;
CREATE DATABASE diplomat_seed;
\c diplomat_seed
SET client_min_messages = warning;
CREATE EXTENSION diplomat;
SET search_path = public, diplomat;
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
    WHERE m.kind <> 'DATE' AND m.text ~* '^(friday|scroll|top|in|the|according|furthering|highlighting|both|another|they|he|engages|talks|officials|issues|key|international issues)$'
       OR m.sentence = (SELECT sentence FROM s WHERE kind = 'boilerplate');
INSERT INTO fails SELECT 'mention does not map back: ' || m.text FROM m, doc
    WHERE substr(doc.body, m.start, m.len) <> m.text;
INSERT INTO fails SELECT 'Blinken not resolved in-document (' || m.text || ')' FROM m
    WHERE m.text = 'Blinken' AND m.name <> 'Antony Blinken';
INSERT INTO fails SELECT 'Liu not resolved in-document' FROM m
    WHERE m.text = 'Liu' AND m.name <> 'Liu Jianchao';
INSERT INTO fails SELECT 'actor of Blinken on 2024-01-13 is ' || coalesce(m.actor, 'NULL') FROM m
    WHERE m.name = 'Antony Blinken' AND m.actor IS DISTINCT FROM 'USAGOV';

INSERT INTO fails SELECT 'Friday not resolved to 2024-01-12' WHERE NOT EXISTS
    (SELECT 1 FROM m WHERE m.kind = 'DATE' AND m.text = 'Friday' AND m.name = '2024-01-12');

-- events
CREATE TEMP TABLE e AS SELECT x.* FROM doc, diplomat.events(doc.body, doc.published) x;
INSERT INTO fails SELECT 'no Blinken-Liu meeting (04x, Washington, 2024-01-12)' WHERE NOT EXISTS
    (SELECT 1 FROM e WHERE source_name = 'Antony Blinken' AND target_name = 'Liu Jianchao'
        AND source::text LIKE 'USA%' AND target::text LIKE 'CHN%' AND code <@ '04'
        AND location = 'Washington' AND event_date = '2024-01-12');
INSERT INTO fails SELECT 'no Blinken-Kamikawa meeting (04x, 2024-01-12)' WHERE NOT EXISTS
    (SELECT 1 FROM e WHERE source_name = 'Antony Blinken' AND target_name = 'Yoko Kamikawa'
        AND target::text LIKE 'JPN%' AND code <@ '04' AND event_date = '2024-01-12');
INSERT INTO fails SELECT 'no Biden-Xi summit (04x, California, November 2023)' WHERE NOT EXISTS
    (SELECT 1 FROM e WHERE source_name = 'Joe Biden' AND target_name = 'Xi Jinping' AND code <@ '04'
        AND location = 'California' AND date_trunc('month', event_date) = '2023-11-01');
INSERT INTO fails SELECT 'no Houthi attack (18x/19x, YEM)' WHERE NOT EXISTS
    (SELECT 1 FROM e WHERE source::text LIKE 'YEM%' AND (code <@ '18' OR code <@ '19'));
INSERT INTO fails SELECT 'event from scroll to top' FROM e
    WHERE e.sentence = (SELECT sentence FROM s WHERE kind = 'boilerplate');

-- topics: the article's eight themes rank in its top 12 (the maritime theme
-- as maritime_security or red_sea_shipping), and the top 12 hold nothing the
-- text does not support (it never names NATO, Iran's nuclear programme,
-- peace talks or China-Japan relations)
CREATE TEMP TABLE t AS SELECT x.*, row_number() OVER (ORDER BY weight DESC, topic) AS rank
    FROM doc, diplomat.topic_weights(diplomat.to_topics(doc.body)) x;
INSERT INTO fails SELECT 'theme not among the top 12: ' || w.alts
    FROM (VALUES ('cross_strait'), ('korean_peninsula'), ('russia_ukraine_war'), ('middle_east'),
                 ('maritime_security|red_sea_shipping'), ('counter_narcotics'),
                 ('military_to_military'), ('us_japan_alliance')) AS w(alts)
    WHERE NOT EXISTS (SELECT 1 FROM t WHERE t.rank <= 12
                        AND t.topic = ANY (string_to_array(w.alts, '|')));
INSERT INTO fails SELECT 'topic the text does not support in the top 12: ' || t.topic || ' (' || t.rank || ')'
    FROM t WHERE t.rank <= 12 AND t.topic NOT IN ('politics', 'conflict_war_peace',
        'crime_law_justice', 'diplomacy_summits', 'us_china_relations', 'cross_strait',
        'korean_peninsula', 'russia_ukraine_war', 'middle_east', 'maritime_security',
        'red_sea_shipping', 'yemen_conflict', 'south_china_sea', 'counter_narcotics',
        'military_to_military', 'us_japan_alliance', 'alliances', 'indo_pacific', 'elections');
INSERT INTO fails SELECT 'unsupported topic: ' || t.topic FROM t
    WHERE t.topic IN ('nato', 'iran_nuclear', 'peace_talks', 'china_japan_relations', 'sport',
                      'arts_culture_entertainment_media', 'football', 'tennis', 'cricket',
                      'olympics', 'film', 'music', 'television', 'gaming', 'basketball', 'baseball');
-- the evidence behind the themes: explicit terms, none set aside wrongly
INSERT INTO fails SELECT 'no counted term for ' || w FROM unnest(ARRAY['counter_narcotics',
    'us_japan_alliance', 'military_to_military']) w
    WHERE NOT EXISTS (SELECT 1 FROM doc, diplomat.topic_evidence(doc.body) e
                       WHERE e.topic = w AND e.kind = 'term' AND e.score > 0);

SELECT 'FAIL: ' || what FROM fails;
SELECT 'checks passed' WHERE NOT EXISTS (SELECT 1 FROM fails);
\c postgres
DROP DATABASE diplomat_seed;
