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

-- 45 rows hold out too few (fewer than 50) to calibrate: alpha 1, no
-- calibration; the model belongs to the role that trained it
SELECT model, method, labels, label_docs, label_tokens, buckets, alpha,
       trained_rows, skipped_rows, train_seconds >= 0 AS timed, query,
       trained_at <= pg_catalog.now() AS dated, temperature, length_exponent,
       holdout_rows, holdout_accuracy, holdout_log_loss,
       owner = current_user::regrole AS own, readers
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

-- calibration: a noisy corpus of 3 labels whose documents share most of
-- their words; 900 training rows (about 90 held out) and 300 test rows.
-- Every word is written three times, so that naive Bayes, which takes the
-- repetitions for independent evidence, is over-confident.
SELECT setseed(0.42);
CREATE TEMP TABLE topic_noisy AS
SELECT i, (ARRAY['red', 'green', 'blue'])[1 + i % 3] AS label,
       (SELECT string_agg(CASE WHEN random() < 0.3
                               THEN (ARRAY['red', 'green', 'blue'])[1 + i % 3] || 'word' || (1 + floor(random() * 8))::int
                               ELSE 'common' || (1 + floor(random() * 40))::int END
                          || left(w::text, 0), ' ')
          FROM generate_series(1, 4 + i % 7) w) AS doc,
       i > 900 AS test
  FROM generate_series(1, 1200) i;
UPDATE topic_noisy SET doc = regexp_replace(doc, '(\w+)', '\1 \1 \1', 'g');
SELECT rows, labels FROM diplomat.train_topics('test_calibrated',
  'SELECT doc, label FROM topic_noisy WHERE NOT test');
-- alpha was chosen from the grid, the calibration fitted on the held-out rows
SELECT alpha IN (0.01, 0.03, 0.1, 0.3, 1) AS alpha_from_grid,
       holdout_rows BETWEEN 60 AND 120 AS held_out_tenth,
       temperature <> 1 OR length_exponent <> 0 AS calibrated,
       holdout_accuracy BETWEEN 0.5 AND 1 AS accuracy_reported,
       holdout_log_loss BETWEEN 0 AND ln(3) AS better_than_uniform
  FROM diplomat.topic_models WHERE model = 'test_calibrated';
-- on the test rows, the calibrated probabilities have a lower log loss than
-- the same model uncalibrated, and they are not all close to 0 or 1
CREATE TEMP TABLE topic_calib (calibrated bool, log_loss float8, mean_top float8, accuracy float8);
INSERT INTO topic_calib
SELECT true, avg(-ln(p.p_true)), avg(p.p_top), avg((p.top = t.label)::int)
  FROM topic_noisy t,
       LATERAL (SELECT max(c.probability) FILTER (WHERE c.label = t.label) AS p_true,
                       max(c.probability) AS p_top,
                       diplomat.classify_label(t.doc, 'test_calibrated') AS top
                  FROM diplomat.classify(t.doc, 'test_calibrated') c) p
 WHERE t.test;
CREATE TEMP TABLE topic_copy AS
SELECT * FROM diplomat.topic_models WHERE model = 'test_calibrated';
UPDATE topic_copy SET model = 'test_uncalibrated', temperature = 1, length_exponent = 0;
INSERT INTO diplomat.topic_models SELECT * FROM topic_copy;
INSERT INTO topic_calib
SELECT false, avg(-ln(p.p_true)), avg(p.p_top), avg((p.top = t.label)::int)
  FROM topic_noisy t,
       LATERAL (SELECT max(c.probability) FILTER (WHERE c.label = t.label) AS p_true,
                       max(c.probability) AS p_top,
                       diplomat.classify_label(t.doc, 'test_uncalibrated') AS top
                  FROM diplomat.classify(t.doc, 'test_uncalibrated') c) p
 WHERE t.test;
SELECT c.log_loss < u.log_loss AS lower_log_loss,
       c.mean_top < u.mean_top AS less_confident,
       abs(c.mean_top - c.accuracy) < abs(u.mean_top - u.accuracy) AS confidence_nearer_accuracy,
       c.accuracy > 0.6 AS learned
  FROM topic_calib c, topic_calib u WHERE c.calibrated AND NOT u.calibrated;
-- an explicit alpha is kept, and calibrated all the same
SELECT rows FROM diplomat.train_topics('test_calibrated_a',
  'SELECT doc, label FROM topic_noisy WHERE NOT test', 65536, 0.5);
SELECT alpha, holdout_rows > 0 AS held_out, temperature <> 1 AS calibrated
  FROM diplomat.topic_models WHERE model = 'test_calibrated_a';
-- held-out rows are training rows too: every row is counted in the model
SELECT a.label_docs = b.label_docs AS same_docs, a.label_tokens = b.label_tokens AS same_tokens
  FROM diplomat.topic_models a, diplomat.topic_models b
 WHERE a.model = 'test_calibrated' AND b.model = 'test_calibrated_a';
-- an out-of-range calibration cannot be stored
\set VERBOSITY terse
UPDATE diplomat.topic_models SET length_exponent = 3 WHERE model = 'test_calibrated';
UPDATE diplomat.topic_models SET temperature = 0 WHERE model = 'test_calibrated';
\set VERBOSITY default
DROP TABLE topic_noisy, topic_calib, topic_copy;

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
