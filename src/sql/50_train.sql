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
    params        bytea NOT NULL
);

COMMENT ON TABLE diplomat.topic_models IS
'topic classifiers trained by diplomat.train_topics(), one row per model; dumped by pg_dump';
COMMENT ON COLUMN diplomat.topic_models.model IS
'name of the model, as given to train_topics() and classify()';
COMMENT ON COLUMN diplomat.topic_models.method IS
'learning method: multinomial naive bayes';
COMMENT ON COLUMN diplomat.topic_models.labels IS
'the distinct labels of the training rows, in byte order';
COMMENT ON COLUMN diplomat.topic_models.label_docs IS
'number of training documents per label, in the order of labels';
COMMENT ON COLUMN diplomat.topic_models.label_tokens IS
'number of unigram and bigram occurrences per label, in the order of labels';
COMMENT ON COLUMN diplomat.topic_models.buckets IS
'number of hash buckets the unigrams and bigrams are counted in';
COMMENT ON COLUMN diplomat.topic_models.alpha IS
'additive (Lidstone) smoothing constant; 1 is Laplace smoothing';
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
'non-zero counts per bucket and label, in a portable binary format (see doc/train.md)';

SELECT pg_catalog.pg_extension_config_dump('diplomat.topic_models', '');

-- classify() runs as its caller and must read the models
GRANT SELECT ON diplomat.topic_models TO PUBLIC;

CREATE FUNCTION diplomat.train_topics(model name, query text,
    OUT rows bigint, OUT skipped bigint, OUT labels integer,
    OUT seconds double precision)
RETURNS record
AS 'MODULE_PATHNAME', 'dip_train_topics'
LANGUAGE C VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE;

COMMENT ON FUNCTION diplomat.train_topics(name, text) IS
'trains a naive Bayes topic classifier (262144 buckets, alpha 1) in one pass over the (text, label) rows of a query and stores it in diplomat.topic_models, replacing any model of that name';

-- the same with the number of hash buckets and the smoothing constant
CREATE FUNCTION diplomat.train_topics(model name, query text,
    buckets integer, alpha double precision DEFAULT 1.0,
    OUT rows bigint, OUT skipped bigint, OUT labels integer,
    OUT seconds double precision)
RETURNS record
AS 'MODULE_PATHNAME', 'dip_train_topics'
LANGUAGE C VOLATILE CALLED ON NULL INPUT PARALLEL UNSAFE;

COMMENT ON FUNCTION diplomat.train_topics(name, text, integer, double precision) IS
'trains a naive Bayes topic classifier with the given number of hash buckets and smoothing constant alpha (default 1) and stores it in diplomat.topic_models, replacing any model of that name';

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
