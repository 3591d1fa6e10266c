-- Logistic regression topic models: train_topics(model, query, method, ...)
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;

-- the synthetic corpus of train.sql: 15 sentences for each of 3 labels,
-- and 3 rows with a NULL text or label, which training skips
CREATE TEMP TABLE lr_train AS
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
INSERT INTO lr_train VALUES (16, 'sport', NULL), (17, NULL, 'Shares rose.'), (18, NULL, NULL);

-- held-out sentences, with words the training set does not have
CREATE TEMP TABLE lr_test (expected text, doc text);
INSERT INTO lr_test VALUES
  ('sport', 'Celtic won the league final after their striker scored late'),
  ('sport', 'Benfica beat Juventus 2-0 in the cup'),
  ('weather', 'Snow and freezing winds are forecast for Helsinki on Sunday'),
  ('weather', 'Storms with heavy rain hit Lisbon; temperatures fell to 3 degrees'),
  ('markets', 'Investors sold shares of Nokia as yields rose on Wall Street'),
  ('markets', 'Bond yields rose 2 percent and stock in Renault fell');

-- training by method reports rows, skipped rows and labels
SELECT rows, skipped, labels, seconds >= 0 AS timed
  FROM diplomat.train_topics('test_lr', 'SELECT doc, label FROM lr_train', 'logistic regression');

-- 45 rows hold out too few to calibrate: the default penalty, T = 1; the
-- parameters are in format 2 (weights), the label counts are kept
SELECT model, method, labels, label_docs, label_tokens, buckets, alpha,
       trained_rows, skipped_rows, temperature, length_exponent, holdout_rows,
       holdout_accuracy, holdout_log_loss, owner = current_user::regrole AS own,
       substr(params, 1, 12) AS header
  FROM diplomat.topic_models WHERE model = 'test_lr';

-- the top label of every held-out sentence is right, the probabilities sum
-- to 1 and come in decreasing order
SELECT t.expected, diplomat.classify_label(t.doc, 'test_lr') AS got,
       (SELECT round(sum(c.probability)::numeric, 12)
          FROM diplomat.classify(t.doc, 'test_lr') c) AS total,
       (SELECT bool_and(c.probability <= c.prev)
          FROM (SELECT probability, lag(probability, 1, 1.0) OVER (ORDER BY n) AS prev
                  FROM diplomat.classify(t.doc, 'test_lr') WITH ORDINALITY AS x(label, probability, n)) c) AS ordered,
       (SELECT max(probability) > 0.5 FROM diplomat.classify(t.doc, 'test_lr')) AS confident
  FROM lr_test t;

-- a text without known features gets the softmax of the biases: every
-- label, summing to 1; NULL in, nothing out
SELECT count(*) AS labels, round(sum(probability)::numeric, 12) AS total
  FROM diplomat.classify('', 'test_lr');
SELECT count(*) FROM diplomat.classify(NULL, 'test_lr');

-- the model does not depend on the order of the rows
SELECT rows FROM diplomat.train_topics('test_lr_shuffled',
  'SELECT doc, label FROM lr_train ORDER BY md5(doc) DESC', 'logistic regression');
SELECT a.params = b.params AS same_params, a.labels = b.labels AS same_labels
  FROM diplomat.topic_models a, diplomat.topic_models b
 WHERE a.model = 'test_lr' AND b.model = 'test_lr_shuffled';

-- nor on the order of equal texts with different labels
SELECT rows FROM diplomat.train_topics('test_lr_dup1',
  'SELECT doc, label FROM (SELECT doc, label FROM lr_train UNION ALL SELECT doc, ''other'' FROM lr_train WHERE label = ''sport'') t ORDER BY label, doc',
  'logistic regression');
SELECT rows FROM diplomat.train_topics('test_lr_dup2',
  'SELECT doc, label FROM (SELECT doc, label FROM lr_train UNION ALL SELECT doc, ''other'' FROM lr_train WHERE label = ''sport'') t ORDER BY label DESC, doc DESC',
  'logistic regression');
SELECT a.params = b.params AS same_params, a.labels
  FROM diplomat.topic_models a, diplomat.topic_models b
 WHERE a.model = 'test_lr_dup1' AND b.model = 'test_lr_dup2';

-- 'naive bayes' is the method of the other forms; a literal third argument
-- is a method, an integer one the number of buckets
SELECT rows FROM diplomat.train_topics('test_lr_nb', 'SELECT doc, label FROM lr_train', 'naive bayes');
SELECT rows FROM diplomat.train_topics('test_lr_nb2', 'SELECT doc, label FROM lr_train');
SELECT rows FROM diplomat.train_topics('test_lr_nb3', 'SELECT doc, label FROM lr_train', 4096);
SELECT rows FROM diplomat.train_topics('test_lr_named', 'SELECT doc, label FROM lr_train',
                                       method => 'logistic regression', buckets => 4096, alpha => 0.001);
SELECT model, method, buckets, alpha FROM diplomat.topic_models
 WHERE model IN ('test_lr_nb', 'test_lr_nb2', 'test_lr_nb3', 'test_lr_named') ORDER BY model;
SELECT a.params = b.params AS nb_same_params
  FROM diplomat.topic_models a, diplomat.topic_models b
 WHERE a.model = 'test_lr_nb' AND b.model = 'test_lr_nb2';
SELECT diplomat.classify_label(doc, 'test_lr_named') = expected AS right, count(*)
  FROM lr_test GROUP BY 1;

-- bad arguments fail with their SQLSTATE, and store nothing
CREATE FUNCTION pg_temp.lr_error(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE q;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT a AS arguments,
       pg_temp.lr_error(format('SELECT diplomat.train_topics(%L, %L, %s)', 'test_bad',
                               'SELECT doc, label FROM lr_train', a)) AS error
  FROM (VALUES ($$'svm'$$), ($$'Logistic Regression'$$), ($$NULL::text$$),
               ($$'logistic regression', NULL::integer$$),
               ($$'logistic regression', 100$$),
               ($$'logistic regression', 4096, -1$$),
               ($$'logistic regression', 4096, 'Infinity'$$),
               ($$'logistic regression', 4096, 'NaN'$$)) v(a);
SELECT pg_temp.lr_error($$SELECT diplomat.train_topics('test_bad', 'SELECT doc FROM lr_train', 'logistic regression')$$) AS error;
SELECT pg_temp.lr_error($$SELECT diplomat.train_topics('test_bad', 'SELECT doc, label FROM lr_train WHERE false', 'logistic regression')$$) AS error;
SELECT count(*) FROM diplomat.topic_models WHERE model = 'test_bad';

-- a damaged model is reported (XX001), not trusted
BEGIN;
UPDATE diplomat.topic_models SET params = '\x000000020000'::bytea WHERE model = 'test_lr';
SELECT diplomat.classify_label('Heavy snow', 'test_lr');
ROLLBACK;
BEGIN;
UPDATE diplomat.topic_models SET params = overlay(params placing '\x7fc00000'::bytea from 17 for 4)
 WHERE model = 'test_lr';
SELECT diplomat.classify_label('Heavy snow', 'test_lr');
ROLLBACK;
BEGIN;
UPDATE diplomat.topic_models SET params = params || '\x00'::bytea WHERE model = 'test_lr';
SELECT diplomat.classify_label('Heavy snow', 'test_lr');
ROLLBACK;
BEGIN;
UPDATE diplomat.topic_models SET method = 'multinomial naive bayes' WHERE model = 'test_lr';
SELECT diplomat.classify_label('Heavy snow', 'test_lr');
ROLLBACK;
SELECT diplomat.classify_label('Heavy snow', 'test_lr');

-- calibration on a noisy corpus (the one of train.sql, without the
-- repeated words): 900 training rows, about 90 held out, 300 test rows
SELECT setseed(0.42);
CREATE TEMP TABLE lr_noisy AS
SELECT i, (ARRAY['red', 'green', 'blue'])[1 + i % 3] AS label,
       (SELECT string_agg(CASE WHEN random() < 0.3
                               THEN (ARRAY['red', 'green', 'blue'])[1 + i % 3] || 'word' || (1 + floor(random() * 8))::int
                               ELSE 'common' || (1 + floor(random() * 40))::int END
                          || left(w::text, 0), ' ')
          FROM generate_series(1, 4 + i % 7) w) AS doc,
       i > 900 AS test
  FROM generate_series(1, 1200) i;
SELECT rows, labels FROM diplomat.train_topics('test_lr_calibrated',
  'SELECT doc, label FROM lr_noisy WHERE NOT test', 'logistic regression');
-- the penalty was chosen from the grid, the temperature fitted on the
-- held-out rows, with no length exponent
SELECT alpha IN (1e-6, 1e-5, 1e-4) AS alpha_from_grid,
       holdout_rows BETWEEN 60 AND 120 AS held_out_tenth,
       temperature <> 1 AS calibrated, length_exponent = 0 AS no_exponent,
       holdout_accuracy BETWEEN 0.5 AND 1 AS accuracy_reported,
       holdout_log_loss BETWEEN 0 AND ln(3) AS better_than_uniform
  FROM diplomat.topic_models WHERE model = 'test_lr_calibrated';
-- on the test rows the calibrated model has a lower log loss than the same
-- weights with T = 1, and it learned the labels
CREATE TEMP TABLE lr_calib (calibrated bool, log_loss float8, accuracy float8);
INSERT INTO lr_calib
SELECT true, avg(-ln(p.p_true)), avg((p.top = t.label)::int)
  FROM lr_noisy t,
       LATERAL (SELECT max(c.probability) FILTER (WHERE c.label = t.label) AS p_true,
                       diplomat.classify_label(t.doc, 'test_lr_calibrated') AS top
                  FROM diplomat.classify(t.doc, 'test_lr_calibrated') c) p
 WHERE t.test;
CREATE TEMP TABLE lr_copy AS
SELECT * FROM diplomat.topic_models WHERE model = 'test_lr_calibrated';
UPDATE lr_copy SET model = 'test_lr_uncalibrated', temperature = 1;
INSERT INTO diplomat.topic_models SELECT * FROM lr_copy;
INSERT INTO lr_calib
SELECT false, avg(-ln(p.p_true)), avg((p.top = t.label)::int)
  FROM lr_noisy t,
       LATERAL (SELECT max(c.probability) FILTER (WHERE c.label = t.label) AS p_true,
                       diplomat.classify_label(t.doc, 'test_lr_uncalibrated') AS top
                  FROM diplomat.classify(t.doc, 'test_lr_uncalibrated') c) p
 WHERE t.test;
SELECT c.log_loss < u.log_loss AS lower_log_loss, c.accuracy = u.accuracy AS same_ranking,
       c.accuracy > 0.6 AS learned
  FROM lr_calib c, lr_calib u WHERE c.calibrated AND NOT u.calibrated;
DROP TABLE lr_noisy, lr_calib, lr_copy;

-- progress is reported every 10000 rows, as for naive Bayes
SET client_min_messages = notice;
SELECT rows, skipped, labels
  FROM diplomat.train_topics('test_lr_big',
    'SELECT t.doc || '' '' || g, t.label FROM lr_train t, generate_series(1, 230) g',
    'logistic regression', 4096);
SET client_min_messages = warning;

-- privileges are those of every model: another role cannot see or use it
DROP ROLE IF EXISTS regress_lr_carol;
CREATE ROLE regress_lr_carol;
GRANT USAGE ON SCHEMA diplomat TO regress_lr_carol;
SET ROLE regress_lr_carol;
SELECT count(*) AS visible FROM diplomat.topic_models WHERE model = 'test_lr';
SELECT diplomat.classify_label('Heavy snow', 'test_lr');
RESET ROLE;
UPDATE diplomat.topic_models SET readers = ARRAY['regress_lr_carol'::regrole] WHERE model = 'test_lr';
SET ROLE regress_lr_carol;
SELECT diplomat.classify_label('Heavy snow', 'test_lr');
RESET ROLE;

DELETE FROM diplomat.topic_models WHERE model LIKE 'test\_%';
REVOKE USAGE ON SCHEMA diplomat FROM regress_lr_carol;
DROP ROLE regress_lr_carol;
DROP TABLE lr_train, lr_test;
