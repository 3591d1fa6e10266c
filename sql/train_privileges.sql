-- Trained topic models are private: only their owner (and its members,
-- and superusers) can read, use, retrain or delete them; the owner can let
-- other roles (or PUBLIC) use a model.  Two ordinary roles, cleaned up at
-- the end.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;
DROP ROLE IF EXISTS regress_model_alice;
DROP ROLE IF EXISTS regress_model_bob;
DROP ROLE IF EXISTS regress_model_team;
CREATE ROLE regress_model_alice;
CREATE ROLE regress_model_bob;
CREATE ROLE regress_model_team;
GRANT regress_model_team TO regress_model_alice;
GRANT USAGE ON SCHEMA diplomat TO regress_model_alice, regress_model_bob, regress_model_team;

-- alice's training data, which bob may not read
CREATE TABLE regress_alice_news (doc text, label text);
INSERT INTO regress_alice_news
SELECT format('%s %s %s', w, w, g), l
  FROM (VALUES ('secret', 'spy'), ('agent', 'spy'), ('harvest', 'farm'), ('tractor', 'farm')) v(w, l),
       generate_series(1, 5) g;
GRANT SELECT ON regress_alice_news TO regress_model_alice;

-- an ordinary role trains and uses its own model
SET ROLE regress_model_alice;
SELECT rows, labels FROM diplomat.train_topics('regress_alice_model',
  'SELECT doc, label FROM regress_alice_news');
SELECT diplomat.classify_label('the secret agent', 'regress_alice_model');
SELECT model, owner, readers, labels, query FROM diplomat.topic_models;

-- bob sees nothing of it: not its row, its labels, its query, nor its use
SET ROLE regress_model_bob;
SELECT count(*) AS visible FROM diplomat.topic_models;
SELECT diplomat.classify_label('the secret agent', 'regress_alice_model');
SELECT * FROM diplomat.classify('the secret agent', 'regress_alice_model');
-- nor can he change, delete or overwrite it
UPDATE diplomat.topic_models SET labels = '{x,y}' WHERE model = 'regress_alice_model';
DELETE FROM diplomat.topic_models WHERE model = 'regress_alice_model';
\set VERBOSITY terse
SELECT rows FROM diplomat.train_topics('regress_alice_model',
  'SELECT ''stolen'' || g, ''x'' || g % 2 FROM generate_series(1, 10) g');
-- a row in alice's name cannot be planted either
INSERT INTO diplomat.topic_models (model, method, labels, label_docs, label_tokens,
       buckets, alpha, trained_rows, skipped_rows, trained_at, train_seconds,
       query, params, owner)
VALUES ('regress_forged', 'multinomial naive bayes', '{a}', '{1}', '{0}', 1024, 1,
        1, 0, now(), 0, 'x', '\x00000001000000010000040000000000', 'regress_model_alice');
-- the training query runs with bob's privileges
SELECT rows FROM diplomat.train_topics('regress_bob_model', 'SELECT doc, label FROM regress_alice_news');
\set VERBOSITY default
-- he trains his own model; alice cannot see it
SELECT rows FROM diplomat.train_topics('regress_bob_model',
  'SELECT w || '' '' || g, w FROM (VALUES (''rain''), (''snow'')) v(w), generate_series(1, 5) g');
SELECT model, owner FROM diplomat.topic_models;
SET ROLE regress_model_alice;
SELECT model FROM diplomat.topic_models ORDER BY model;

-- alice's model is still hers, unchanged
SELECT labels, trained_rows FROM diplomat.topic_models WHERE model = 'regress_alice_model';

-- alice lets bob use her model: he reads and uses it, but cannot change,
-- retrain or delete it
UPDATE diplomat.topic_models SET readers = readers || 'regress_model_bob'::regrole
 WHERE model = 'regress_alice_model';
SET ROLE regress_model_bob;
SELECT diplomat.classify_label('the secret agent', 'regress_alice_model');
SELECT model, owner, readers FROM diplomat.topic_models ORDER BY model;
UPDATE diplomat.topic_models SET readers = '{}' WHERE model = 'regress_alice_model';
DELETE FROM diplomat.topic_models WHERE model = 'regress_alice_model';
\set VERBOSITY terse
SELECT rows FROM diplomat.train_topics('regress_alice_model',
  'SELECT ''stolen'' || g, ''x'' || g % 2 FROM generate_series(1, 10) g');
\set VERBOSITY default
SELECT diplomat.classify_label('harvest', 'regress_alice_model');

-- alice withdraws it; the model bob's session has cached is refused too
SET ROLE regress_model_alice;
UPDATE diplomat.topic_models SET readers = pg_catalog.array_remove(readers, 'regress_model_bob'::regrole)
 WHERE model = 'regress_alice_model';
SET ROLE regress_model_bob;
SELECT diplomat.classify_label('harvest', 'regress_alice_model');

-- '-' (PUBLIC) as a reader lets every role use a model
SET ROLE regress_model_alice;
UPDATE diplomat.topic_models SET readers = '{-}' WHERE model = 'regress_alice_model';
SET ROLE regress_model_bob;
SELECT diplomat.classify_label('harvest', 'regress_alice_model');
SET ROLE regress_model_alice;
UPDATE diplomat.topic_models SET readers = '{}' WHERE model = 'regress_alice_model';

-- a model owned by a group role is its members' model
SET ROLE regress_model_team;
SELECT rows FROM diplomat.train_topics('regress_team_model',
  'SELECT w || '' '' || g, w FROM (VALUES (''gold''), (''oil'')) v(w), generate_series(1, 5) g');
SET ROLE regress_model_alice;
SELECT diplomat.classify_label('gold', 'regress_team_model');
SELECT rows FROM diplomat.train_topics('regress_team_model',
  'SELECT w || '' '' || g, upper(w) FROM (VALUES (''gold''), (''oil'')) v(w), generate_series(1, 5) g');
SELECT model, owner, labels FROM diplomat.topic_models WHERE model = 'regress_team_model';
SET ROLE regress_model_bob;
SELECT diplomat.classify_label('gold', 'regress_team_model');

-- the owner deletes a model
SET ROLE regress_model_alice;
DELETE FROM diplomat.topic_models WHERE model = 'regress_alice_model';
SELECT diplomat.classify_label('harvest', 'regress_alice_model');

-- superusers see every model
RESET ROLE;
SELECT model, owner FROM diplomat.topic_models WHERE model LIKE 'regress\_%' ORDER BY model;

DELETE FROM diplomat.topic_models WHERE model LIKE 'regress\_%';
DROP TABLE regress_alice_news;
REVOKE USAGE ON SCHEMA diplomat FROM regress_model_alice, regress_model_bob, regress_model_team;
DROP ROLE regress_model_alice;
DROP ROLE regress_model_bob;
DROP ROLE regress_model_team;
