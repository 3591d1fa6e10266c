-- In-database topic classifiers: train_topics(), classify(), classify_label()
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;

-- a small synthetic corpus: 15 sentences for each of 3 labels, and 3 rows
-- with a NULL text or label, which training skips
CREATE TEMP TABLE topic_train AS
SELECT i, 'sport' AS label,
       format('%s beat %s %s-%s in the %s final as their striker scored twice',
              (ARRAY['Arsenal', 'Chelsea', 'Ajax', 'Porto', 'Celtic'])[1 + i % 5],
              (ARRAY['Leeds', 'Everton', 'Benfica', 'Lyon', 'Rangers'])[1 + (i * 3) % 5],
              i % 4 + 1, i % 3, (ARRAY['cup', 'league', 'playoff'])[1 + i % 3]) AS doc
  FROM generate_series(1, 15) i
UNION ALL
SELECT i, 'weather',
       format('Heavy %s and strong winds are forecast for %s on %s, with temperatures near %s degrees',
              (ARRAY['rain', 'snow', 'storms'])[1 + i % 3],
              (ARRAY['Oslo', 'Dublin', 'Boston', 'Lima', 'Perth'])[1 + i % 5],
              (ARRAY['Monday', 'Tuesday', 'Friday'])[1 + i % 3], i)
  FROM generate_series(1, 15) i
UNION ALL
SELECT i, 'markets',
       format('Shares in %s fell %s percent as investors sold stock and bond yields rose on %s',
              (ARRAY['Siemens', 'Toyota', 'Nestle', 'Shell', 'Unilever'])[1 + i % 5],
              i % 7 + 1, (ARRAY['Wall Street', 'the Nikkei', 'the FTSE'])[1 + i % 3])
  FROM generate_series(1, 15) i;
INSERT INTO topic_train VALUES (16, 'sport', NULL), (17, NULL, 'Shares rose.'), (18, NULL, NULL);

-- held-out sentences, with words the training set does not have
CREATE TEMP TABLE topic_test (expected text, doc text);
INSERT INTO topic_test VALUES
  ('sport', 'Celtic won the league final after their striker scored late'),
  ('sport', 'Benfica beat Juventus 2-0 in the cup'),
  ('weather', 'Snow and freezing winds are forecast for Helsinki on Sunday'),
  ('weather', 'Storms with heavy rain hit Lisbon; temperatures fell to 3 degrees'),
  ('markets', 'Investors sold shares of Nokia as yields rose on Wall Street'),
  ('markets', 'Bond yields rose 2 percent and stock in Renault fell');

-- training reports the rows used, the rows skipped and the labels
SELECT rows, skipped, labels, seconds >= 0 AS timed
  FROM diplomat.train_topics('test_topics', 'SELECT doc, label FROM topic_train');

SELECT model, method, labels, label_docs, label_tokens, buckets, alpha,
       trained_rows, skipped_rows, train_seconds >= 0 AS timed, query,
       trained_at <= pg_catalog.now() AS dated
  FROM diplomat.topic_models WHERE model = 'test_topics';

-- every label with its probability, most probable first
SELECT label, round(probability::numeric, 3) AS probability
  FROM diplomat.classify('Porto beat Lyon in the final', 'test_topics');

-- the top label of every held-out sentence is right, the probabilities of
-- each sum to 1 and come in decreasing order
SELECT t.expected, diplomat.classify_label(t.doc, 'test_topics') AS got,
       (SELECT round(sum(c.probability)::numeric, 12)
          FROM diplomat.classify(t.doc, 'test_topics') c) AS total,
       (SELECT bool_and(c.probability <= c.prev)
          FROM (SELECT probability, lag(probability, 1, 1.0) OVER (ORDER BY n) AS prev
                  FROM diplomat.classify(t.doc, 'test_topics') WITH ORDINALITY AS x(label, probability, n)) c) AS ordered,
       (SELECT label FROM diplomat.classify(t.doc, 'test_topics') LIMIT 1) AS first
  FROM topic_test t;

-- a text without features gets the label priors; NULL in, nothing out
SELECT label, round(probability::numeric, 6) AS probability
  FROM diplomat.classify('', 'test_topics');
SELECT label, round(probability::numeric, 6) AS probability
  FROM diplomat.classify('!!! ...', 'test_topics');
SELECT count(*) FROM diplomat.classify(NULL, 'test_topics');
SELECT diplomat.classify_label(NULL, 'test_topics') IS NULL AS is_null;
SELECT count(*) FROM diplomat.classify('text', NULL);

-- the model does not depend on the order of the rows
SELECT rows FROM diplomat.train_topics('test_topics_shuffled',
  'SELECT doc, label FROM topic_train ORDER BY md5(doc) DESC');
SELECT a.params = b.params AS same_params, a.labels = b.labels AS same_labels
  FROM diplomat.topic_models a, diplomat.topic_models b
 WHERE a.model = 'test_topics' AND b.model = 'test_topics_shuffled';

-- labels of other types are read as text; varchar text works too
SELECT rows, skipped, labels
  FROM diplomat.train_topics('test_topics_int', 'SELECT doc::varchar, i % 2 FROM topic_train', 1024, 0.5);
SELECT labels, label_docs, buckets, alpha FROM diplomat.topic_models WHERE model = 'test_topics_int';
SELECT label FROM diplomat.classify('Shares fell', 'test_topics_int') ORDER BY label;

-- bad training queries and arguments fail cleanly
SELECT diplomat.train_topics('test_bad', 'SELECT doc FROM topic_train');
SELECT diplomat.train_topics('test_bad', 'SELECT doc, label, i FROM topic_train');
SELECT diplomat.train_topics('test_bad', 'SELECT i, label FROM topic_train');
SELECT diplomat.train_topics('test_bad', 'SELECT doc, label FROM topic_train; SELECT ''a'', ''b''');
SELECT diplomat.train_topics('test_bad', 'CREATE TABLE topic_nothing ()');
SELECT diplomat.train_topics('test_bad', 'SELEC doc, label FROM topic_train');
SELECT diplomat.train_topics('test_bad', 'SELECT doc, label FROM topic_missing');
SELECT diplomat.train_topics('test_bad', 'SELECT doc, label FROM topic_train WHERE false');
SELECT diplomat.train_topics('test_bad', 'SELECT doc, label FROM topic_train WHERE doc IS NULL OR label IS NULL');
SELECT diplomat.train_topics('test_bad', 'SELECT doc, 1 / (i - 10) FROM topic_train');
SELECT diplomat.train_topics('test_bad', 'SELECT ''x'', i FROM generate_series(1, 1001) i', 1024);
SELECT diplomat.train_topics(NULL, 'SELECT doc, label FROM topic_train');
SELECT diplomat.train_topics('test_bad', NULL);
SELECT diplomat.train_topics('', 'SELECT doc, label FROM topic_train');
SELECT diplomat.train_topics('test_bad', 'SELECT doc, label FROM topic_train', 100);
SELECT diplomat.train_topics('test_bad', 'SELECT doc, label FROM topic_train', 262144, 0);
SELECT diplomat.train_topics('test_bad', 'SELECT doc, label FROM topic_train', 262144, 'NaN');
SELECT count(*) FROM diplomat.topic_models WHERE model = 'test_bad';

-- unknown model
SELECT * FROM diplomat.classify('text', 'test_no_such_model');
SELECT diplomat.classify_label('text', 'test_no_such_model');

-- retraining replaces the model, and this session sees the new one at once
SELECT diplomat.classify_label('Heavy snow in Oslo', 'test_topics');
SELECT rows, labels
  FROM diplomat.train_topics('test_topics', 'SELECT doc, upper(label) FROM topic_train');
SELECT diplomat.classify_label('Heavy snow in Oslo', 'test_topics');
SELECT count(*), min(labels::text) FROM diplomat.topic_models WHERE model = 'test_topics';

-- retraining is transactional: after a rollback the previous model is back
BEGIN;
SELECT rows, labels
  FROM diplomat.train_topics('test_topics', 'SELECT doc, ''only'' FROM topic_train');
SELECT * FROM diplomat.classify('Heavy snow in Oslo', 'test_topics');
ROLLBACK;
SELECT diplomat.classify_label('Heavy snow in Oslo', 'test_topics');

-- a damaged model is reported, not trusted
BEGIN;
UPDATE diplomat.topic_models SET params = '\x000000010000'::bytea WHERE model = 'test_topics';
SELECT diplomat.classify_label('Heavy snow', 'test_topics');
ROLLBACK;
BEGIN;
UPDATE diplomat.topic_models SET label_tokens[1] = label_tokens[1] + 1 WHERE model = 'test_topics';
SELECT diplomat.classify_label('Heavy snow', 'test_topics');
ROLLBACK;
BEGIN;
UPDATE diplomat.topic_models SET labels = ARRAY['A', 'B'] WHERE model = 'test_topics';
SELECT diplomat.classify_label('Heavy snow', 'test_topics');
ROLLBACK;
SELECT diplomat.classify_label('Heavy snow', 'test_topics');

-- progress is reported every 10000 rows
SET client_min_messages = notice;
SELECT rows, skipped, labels
  FROM diplomat.train_topics('test_topics_big',
    'SELECT t.doc || '' '' || g, t.label FROM topic_train t, generate_series(1, 500) g', 4096);
SET client_min_messages = warning;

-- the models are dumped by pg_dump
SELECT 'diplomat.topic_models'::regclass = ANY (extconfig) AS dumped
  FROM pg_extension WHERE extname = 'diplomat';

DELETE FROM diplomat.topic_models WHERE model LIKE 'test\_%';
DROP TABLE topic_train, topic_test;
