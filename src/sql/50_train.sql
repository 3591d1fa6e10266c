-- ---------------------------------------------------------------------
-- Topic classifiers trained in the database: train_topics(), classify()
-- ---------------------------------------------------------------------

CREATE TABLE diplomat.topic_models (
    model         name PRIMARY KEY,
    method        text NOT NULL,
    labels        text[] NOT NULL,
    label_docs    bigint[] NOT NULL,
    label_tokens  bigint[] NOT NULL,
    buckets       integer NOT NULL,
    alpha         double precision NOT NULL,
    trained_rows  bigint NOT NULL,
    skipped_rows  bigint NOT NULL,
    trained_at    timestamp with time zone NOT NULL,
    train_seconds double precision NOT NULL,
    query         text NOT NULL,
    params        bytea NOT NULL,
    temperature   double precision NOT NULL DEFAULT 1
                  CHECK (temperature > 0 AND temperature < 'Infinity'),
    length_exponent double precision NOT NULL DEFAULT 0
                  CHECK (length_exponent >= 0 AND length_exponent <= 2),
    holdout_rows  bigint NOT NULL DEFAULT 0,
    holdout_accuracy double precision,
    holdout_log_loss double precision,
    owner         regrole NOT NULL
                  DEFAULT (pg_catalog.quote_ident(CURRENT_USER)::pg_catalog.regrole),
    readers       regrole[] NOT NULL DEFAULT '{}'
);

COMMENT ON TABLE diplomat.topic_models IS
'topic classifiers trained by diplomat.train_topics(), one row per model; dumped by pg_dump';
COMMENT ON COLUMN diplomat.topic_models.model IS
'name of the model, as given to train_topics() and classify()';
COMMENT ON COLUMN diplomat.topic_models.method IS
'learning method: multinomial naive bayes or logistic regression';
COMMENT ON COLUMN diplomat.topic_models.temperature IS
'calibration: the log-likelihoods are divided by temperature * max(k, 1) ^ length_exponent, k the known feature occurrences of the document';
COMMENT ON COLUMN diplomat.topic_models.length_exponent IS
'calibration: exponent of the number of known feature occurrences in the divisor of the log-likelihoods (0 and temperature 1: uncalibrated)';
COMMENT ON COLUMN diplomat.topic_models.holdout_rows IS
'training rows held out (about one in ten, chosen by a hash of the text) to choose alpha and fit the calibration, then added to the model';
COMMENT ON COLUMN diplomat.topic_models.holdout_accuracy IS
'share of the held-out rows whose top label was right, with the model trained without them (null without a held-out slice)';
COMMENT ON COLUMN diplomat.topic_models.holdout_log_loss IS
'mean negative log of the calibrated probability of the right label on the held-out rows (null without a held-out slice)';
COMMENT ON COLUMN diplomat.topic_models.owner IS
'role that owns the model: it and its members (and superusers) may read, use, retrain and delete it';
COMMENT ON COLUMN diplomat.topic_models.readers IS
'roles the owner lets use (read) the model, besides itself; ''-'' (role 0) stands for PUBLIC';
COMMENT ON COLUMN diplomat.topic_models.labels IS
'the distinct labels of the training rows, in byte order';
COMMENT ON COLUMN diplomat.topic_models.label_docs IS
'number of training documents per label, in the order of labels';
COMMENT ON COLUMN diplomat.topic_models.label_tokens IS
'number of unigram and bigram occurrences per label, in the order of labels';
COMMENT ON COLUMN diplomat.topic_models.buckets IS
'number of hash buckets the unigrams and bigrams are counted in';
COMMENT ON COLUMN diplomat.topic_models.alpha IS
'naive Bayes: additive (Lidstone) smoothing constant, 1 is Laplace smoothing; logistic regression: L2 penalty';
COMMENT ON COLUMN diplomat.topic_models.trained_rows IS
'number of rows the model was trained on';
COMMENT ON COLUMN diplomat.topic_models.skipped_rows IS
'number of rows of the training query skipped because their text or label was null';
COMMENT ON COLUMN diplomat.topic_models.trained_at IS
'time training finished';
COMMENT ON COLUMN diplomat.topic_models.train_seconds IS
'training time in seconds, the training query included';
COMMENT ON COLUMN diplomat.topic_models.query IS
'the training query';
COMMENT ON COLUMN diplomat.topic_models.params IS
'non-zero counts (naive Bayes) or weights (logistic regression) per bucket and label, in a portable binary format (see doc/train.md)';

SELECT pg_catalog.pg_extension_config_dump('diplomat.topic_models', '');

-- Models are private: a role sees, uses, retrains and deletes only the
-- models of roles whose privileges it has (pg_has_role USAGE: itself and
-- the roles it inherits from) and those it was made a reader of.
-- classify() and train_topics() run as their caller, so these policies
-- decide.  FORCE makes them bind the table's owner too; superusers and
-- roles with BYPASSRLS are not bound by policies.
ALTER TABLE diplomat.topic_models ENABLE ROW LEVEL SECURITY;
ALTER TABLE diplomat.topic_models FORCE ROW LEVEL SECURITY;

CREATE POLICY topic_models_read ON diplomat.topic_models FOR SELECT
    USING (pg_catalog.pg_has_role(owner::pg_catalog.oid, 'USAGE')
           OR 0::pg_catalog.oid OPERATOR(pg_catalog.=) ANY (readers::pg_catalog.oid[])
           OR EXISTS (SELECT FROM pg_catalog.unnest(readers::pg_catalog.oid[]) AS r(role)
                       WHERE r.role OPERATOR(pg_catalog.<>) 0::pg_catalog.oid
                         AND pg_catalog.pg_has_role(r.role, 'USAGE')));
CREATE POLICY topic_models_insert ON diplomat.topic_models FOR INSERT
    WITH CHECK (pg_catalog.pg_has_role(owner::pg_catalog.oid, 'USAGE'));
CREATE POLICY topic_models_update ON diplomat.topic_models FOR UPDATE
    USING (pg_catalog.pg_has_role(owner::pg_catalog.oid, 'USAGE'))
    WITH CHECK (pg_catalog.pg_has_role(owner::pg_catalog.oid, 'USAGE'));
CREATE POLICY topic_models_delete ON diplomat.topic_models FOR DELETE
    USING (pg_catalog.pg_has_role(owner::pg_catalog.oid, 'USAGE'));

GRANT SELECT, INSERT, UPDATE, DELETE ON diplomat.topic_models TO PUBLIC;

CREATE FUNCTION diplomat.train_topics(model name, query text,
    OUT rows bigint, OUT skipped bigint, OUT labels integer,
    OUT seconds double precision)
RETURNS record
AS 'MODULE_PATHNAME', 'dip_train_topics'
LANGUAGE C VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE;

COMMENT ON FUNCTION diplomat.train_topics(name, text) IS
'trains a naive Bayes topic classifier (262144 buckets) in one pass over the (text, label) rows of a query, chooses alpha and calibrates the probabilities on a held-out tenth of the rows, and stores it in diplomat.topic_models, replacing a model of that name the caller owns';

-- the same with the number of hash buckets and the smoothing constant
-- (null, the default: the best of 0.01, 0.03, 0.1, 0.3 and 1 on the
-- held-out rows)
CREATE FUNCTION diplomat.train_topics(model name, query text,
    buckets integer, alpha double precision DEFAULT NULL,
    OUT rows bigint, OUT skipped bigint, OUT labels integer,
    OUT seconds double precision)
RETURNS record
AS 'MODULE_PATHNAME', 'dip_train_topics'
LANGUAGE C VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE;

COMMENT ON FUNCTION diplomat.train_topics(name, text, integer, double precision) IS
'trains a naive Bayes topic classifier with the given number of hash buckets and smoothing constant alpha (null: chosen on the held-out rows), calibrates it and stores it in diplomat.topic_models, replacing a model of that name the caller owns';

-- the same with a method: 'naive bayes' (the forms above) or 'logistic
-- regression'; alpha is then the L2 penalty (null, the default: the best of
-- 1e-6, 1e-5 and 1e-4 on the held-out rows)
CREATE FUNCTION diplomat.train_topics(model name, query text, method text,
    buckets integer DEFAULT 262144, alpha double precision DEFAULT NULL,
    OUT rows bigint, OUT skipped bigint, OUT labels integer,
    OUT seconds double precision)
RETURNS record
AS 'MODULE_PATHNAME', 'dip_train_topics'
LANGUAGE C VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE;

COMMENT ON FUNCTION diplomat.train_topics(name, text, text, integer, double precision) IS
'trains a topic classifier by the given method (''naive bayes'' or ''logistic regression''), number of hash buckets and alpha (smoothing constant or L2 penalty; null: chosen on the held-out rows), calibrates it and stores it in diplomat.topic_models, replacing a model of that name the caller owns';

CREATE FUNCTION diplomat.classify(doc text, model name,
    OUT label text, OUT probability double precision)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'dip_classify'
LANGUAGE C STABLE STRICT PARALLEL SAFE
ROWS 5;

COMMENT ON FUNCTION diplomat.classify(text, name) IS
'every label of a topic model with its probability for the document, most probable first';

CREATE FUNCTION diplomat.classify_label(doc text, model name)
RETURNS text
AS 'MODULE_PATHNAME', 'dip_classify_label'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.classify_label(text, name) IS
'the most probable label of a topic model for the document';
