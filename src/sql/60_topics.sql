-- ---------------------------------------------------------------------
-- Topics: type topics (a weighted topic vector); to_topics(), topic_weights(),
-- top_topics(); operators; cast to entities; GIN operator class;
-- aggregate topic_frequencies()
-- ---------------------------------------------------------------------

-- topics --------------------------------------------------------------------
CREATE TYPE diplomat.topics;
CREATE FUNCTION diplomat.topics_in(cstring) RETURNS diplomat.topics
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.topics_out(diplomat.topics) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.topics_recv(internal) RETURNS diplomat.topics
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.topics_send(diplomat.topics) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE diplomat.topics (
    INPUT = diplomat.topics_in, OUTPUT = diplomat.topics_out,
    RECEIVE = diplomat.topics_recv, SEND = diplomat.topics_send,
    INTERNALLENGTH = VARIABLE, STORAGE = extended, ALIGNMENT = int4
);
COMMENT ON TYPE diplomat.topics IS
'a weighted topic vector: distinct topic keys with weights from 0 to 1 in thousandths (text form cross_strait:0.631, korean_peninsula:0.545)';
COMMENT ON FUNCTION diplomat.topics_in(cstring) IS 'input function of type topics';
COMMENT ON FUNCTION diplomat.topics_out(diplomat.topics) IS 'output function of type topics';
COMMENT ON FUNCTION diplomat.topics_recv(internal) IS 'binary input function of type topics';
COMMENT ON FUNCTION diplomat.topics_send(diplomat.topics) IS 'binary output function of type topics';

-- topics of a document --------------------------------------------------------
CREATE FUNCTION diplomat.to_topics(doc text) RETURNS diplomat.topics
    AS 'MODULE_PATHNAME', 'dip_topics'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION diplomat.to_topics(text) IS
'the topics of a document with their weights (every topic of the taxonomy with weight > 0); IMMUTABLE like to_tsvector(regconfig, text): see the README on dictionary changes';

CREATE FUNCTION diplomat.topic_weights(diplomat.topics,
    OUT topic text, OUT weight real, OUT label text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'topic_weights'
LANGUAGE C STABLE STRICT PARALLEL SAFE
ROWS 10;
COMMENT ON FUNCTION diplomat.topic_weights(diplomat.topics) IS
'the topics of a value as rows by descending weight, with their label in the current taxonomy (NULL for an unknown key)';

CREATE FUNCTION diplomat.top_topics(doc text, n integer DEFAULT 5,
    OUT topic text, OUT weight real, OUT label text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'top_topics'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 1000
ROWS 5;
COMMENT ON FUNCTION diplomat.top_topics(text, integer) IS
'the n heaviest topics of a document (default 5), by descending weight, with their labels';

-- operators -----------------------------------------------------------------
-- planner support: topics ? 'key' is planned as topics @> 'key' (the same
-- rows), which postgres_fdw can send to a shard (doc/scale-out.md)
CREATE FUNCTION diplomat.topics_exists_support(internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.topics_exists_support(internal) IS
'planner support of topics ? text: a constant key is planned as topics @> topics, which postgres_fdw can send to another server';
CREATE FUNCTION diplomat.topics_exists(diplomat.topics, text) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    SUPPORT diplomat.topics_exists_support;
CREATE FUNCTION diplomat.topics_weight(diplomat.topics, text) RETURNS real
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.topics_contains(diplomat.topics, diplomat.topics) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.topics_contained(diplomat.topics, diplomat.topics) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.topics_overlap(diplomat.topics, diplomat.topics) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.topics_eq(diplomat.topics, diplomat.topics) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.topics_ne(diplomat.topics, diplomat.topics) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.topics_exists(diplomat.topics, text) IS 'implementation of topics ? text';
COMMENT ON FUNCTION diplomat.topics_weight(diplomat.topics, text) IS 'implementation of topics -> text';
COMMENT ON FUNCTION diplomat.topics_contains(diplomat.topics, diplomat.topics) IS 'implementation of topics @> topics';
COMMENT ON FUNCTION diplomat.topics_contained(diplomat.topics, diplomat.topics) IS 'implementation of topics <@ topics';
COMMENT ON FUNCTION diplomat.topics_overlap(diplomat.topics, diplomat.topics) IS 'implementation of topics && topics';
COMMENT ON FUNCTION diplomat.topics_eq(diplomat.topics, diplomat.topics) IS 'implementation of = for topics (same keys and weights)';
COMMENT ON FUNCTION diplomat.topics_ne(diplomat.topics, diplomat.topics) IS 'implementation of <> for topics';

CREATE OPERATOR diplomat.? (
    LEFTARG = diplomat.topics, RIGHTARG = text, FUNCTION = diplomat.topics_exists,
    RESTRICT = pg_catalog.matchingsel, JOIN = pg_catalog.matchingjoinsel);
CREATE OPERATOR diplomat.-> (
    LEFTARG = diplomat.topics, RIGHTARG = text, FUNCTION = diplomat.topics_weight);
CREATE OPERATOR diplomat.@> (
    LEFTARG = diplomat.topics, RIGHTARG = diplomat.topics, FUNCTION = diplomat.topics_contains,
    COMMUTATOR = OPERATOR(diplomat.<@), RESTRICT = pg_catalog.matchingsel, JOIN = pg_catalog.matchingjoinsel);
CREATE OPERATOR diplomat.<@ (
    LEFTARG = diplomat.topics, RIGHTARG = diplomat.topics, FUNCTION = diplomat.topics_contained,
    COMMUTATOR = OPERATOR(diplomat.@>), RESTRICT = pg_catalog.matchingsel, JOIN = pg_catalog.matchingjoinsel);
CREATE OPERATOR diplomat.&& (
    LEFTARG = diplomat.topics, RIGHTARG = diplomat.topics, FUNCTION = diplomat.topics_overlap,
    COMMUTATOR = OPERATOR(diplomat.&&), RESTRICT = pg_catalog.matchingsel, JOIN = pg_catalog.matchingjoinsel);
CREATE OPERATOR diplomat.= (
    LEFTARG = diplomat.topics, RIGHTARG = diplomat.topics, FUNCTION = diplomat.topics_eq,
    COMMUTATOR = OPERATOR(diplomat.=), NEGATOR = OPERATOR(diplomat.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel);
CREATE OPERATOR diplomat.<> (
    LEFTARG = diplomat.topics, RIGHTARG = diplomat.topics, FUNCTION = diplomat.topics_ne,
    COMMUTATOR = OPERATOR(diplomat.<>), NEGATOR = OPERATOR(diplomat.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR diplomat.? (diplomat.topics, text) IS 'has the topic key (whatever its weight)';
COMMENT ON OPERATOR diplomat.-> (diplomat.topics, text) IS 'weight of the topic key, NULL if absent';
COMMENT ON OPERATOR diplomat.@> (diplomat.topics, diplomat.topics) IS 'contains every topic key of the right operand';
COMMENT ON OPERATOR diplomat.<@ (diplomat.topics, diplomat.topics) IS 'every topic key is in the right operand';
COMMENT ON OPERATOR diplomat.&& (diplomat.topics, diplomat.topics) IS 'has a topic key in common';
COMMENT ON OPERATOR diplomat.= (diplomat.topics, diplomat.topics) IS 'same topic keys with the same weights';
COMMENT ON OPERATOR diplomat.<> (diplomat.topics, diplomat.topics) IS 'different keys or weights';

-- cast to entities ------------------------------------------------------------
CREATE FUNCTION diplomat.topics_to_entities(diplomat.topics) RETURNS diplomat.entities
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.topics_to_entities(diplomat.topics) IS
'the topics as entities of kind topic, the weight in thousandths as count, for to_entities(doc) || to_topics(doc)::entities';
CREATE CAST (diplomat.topics AS diplomat.entities)
    WITH FUNCTION diplomat.topics_to_entities(diplomat.topics);
COMMENT ON CAST (diplomat.topics AS diplomat.entities) IS
'explicit cast: each topic becomes an entity topic:key whose count is the weight in thousandths';

-- cast to jsonb ---------------------------------------------------------------
CREATE FUNCTION diplomat.topics_to_jsonb(diplomat.topics) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.topics_to_jsonb(diplomat.topics) IS
'the topics as a JSON object from key to weight (the cast to jsonb)';
CREATE CAST (diplomat.topics AS jsonb) WITH FUNCTION diplomat.topics_to_jsonb(diplomat.topics);
COMMENT ON CAST (diplomat.topics AS jsonb) IS
'explicit cast: {"cross_strait": 0.631, "korean_peninsula": 0.545}';

-- GIN -------------------------------------------------------------------------
CREATE FUNCTION diplomat.gin_extract_topics(diplomat.topics, internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.gin_extract_topics_query(diplomat.topics, internal, smallint, internal, internal, internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.gin_topics_consistent(internal, smallint, diplomat.topics, integer, internal, internal, internal, internal) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.gin_topics_triconsistent(internal, smallint, diplomat.topics, integer, internal, internal, internal) RETURNS "char"
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.gin_extract_topics(diplomat.topics, internal) IS 'GIN support: keys of a topics value';
COMMENT ON FUNCTION diplomat.gin_extract_topics_query(diplomat.topics, internal, smallint, internal, internal, internal, internal) IS 'GIN support: keys of a query on topics';
COMMENT ON FUNCTION diplomat.gin_topics_consistent(internal, smallint, diplomat.topics, integer, internal, internal, internal, internal) IS 'GIN support: consistent function for topics';
COMMENT ON FUNCTION diplomat.gin_topics_triconsistent(internal, smallint, diplomat.topics, integer, internal, internal, internal) IS 'GIN support: ternary consistent function for topics';

CREATE OPERATOR CLASS diplomat.topics_ops DEFAULT FOR TYPE diplomat.topics USING gin AS
    OPERATOR 2 diplomat.? (diplomat.topics, text),
    OPERATOR 3 diplomat.@> (diplomat.topics, diplomat.topics),
    OPERATOR 4 diplomat.&& (diplomat.topics, diplomat.topics),
    FUNCTION 1 diplomat.gin_cmp_entity_key(text, text),
    FUNCTION 2 diplomat.gin_extract_topics(diplomat.topics, internal),
    FUNCTION 3 diplomat.gin_extract_topics_query(diplomat.topics, internal, smallint, internal, internal, internal, internal),
    FUNCTION 4 diplomat.gin_topics_consistent(internal, smallint, diplomat.topics, integer, internal, internal, internal, internal),
    FUNCTION 6 diplomat.gin_topics_triconsistent(internal, smallint, diplomat.topics, integer, internal, internal, internal),
    STORAGE text;
COMMENT ON OPERATOR CLASS diplomat.topics_ops USING gin IS
'GIN index on the keys of topics for ?, @> and &&';
COMMENT ON OPERATOR FAMILY diplomat.topics_ops USING gin IS
'GIN operator family of topics_ops';

-- aggregate -------------------------------------------------------------------
CREATE TYPE diplomat.topic_frequency AS (
    topic       text,
    documents   bigint,
    share       double precision,
    mean_weight double precision
);
COMMENT ON TYPE diplomat.topic_frequency IS
'one topic in the result of topic_frequencies(): documents carrying it, their share of the documents, their mean weight';

CREATE FUNCTION diplomat.topic_frequencies_transfn(internal, diplomat.topics) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION diplomat.topic_frequencies_combinefn(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION diplomat.topic_frequencies_serialfn(internal) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.topic_frequencies_deserialfn(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.topic_frequencies_finalfn(internal) RETURNS diplomat.topic_frequency[]
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.topic_frequencies_transfn(internal, diplomat.topics) IS 'transition function of topic_frequencies()';
COMMENT ON FUNCTION diplomat.topic_frequencies_combinefn(internal, internal) IS 'combine function of topic_frequencies()';
COMMENT ON FUNCTION diplomat.topic_frequencies_serialfn(internal) IS 'serialisation function of topic_frequencies()';
COMMENT ON FUNCTION diplomat.topic_frequencies_deserialfn(bytea, internal) IS 'deserialisation function of topic_frequencies()';
COMMENT ON FUNCTION diplomat.topic_frequencies_finalfn(internal) IS 'final function of topic_frequencies()';

CREATE AGGREGATE diplomat.topic_frequencies(diplomat.topics) (
    SFUNC = diplomat.topic_frequencies_transfn,
    STYPE = internal,
    FINALFUNC = diplomat.topic_frequencies_finalfn,
    COMBINEFUNC = diplomat.topic_frequencies_combinefn,
    SERIALFUNC = diplomat.topic_frequencies_serialfn,
    DESERIALFUNC = diplomat.topic_frequencies_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE diplomat.topic_frequencies(diplomat.topics) IS
'per topic over a set of documents: how many carry it, their share of the non-NULL documents and their mean weight, by descending count';

-- evidence ------------------------------------------------------------------
CREATE FUNCTION diplomat.topic_evidence(doc text,
    OUT topic text, OUT weight real, OUT evidence text, OUT kind text,
    OUT occurrences integer, OUT score real, OUT rule text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'topic_evidence'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 1000
ROWS 20;
COMMENT ON FUNCTION diplomat.topic_evidence(text) IS
'the evidence behind each topic of a document: its terms, gazetteer entities and sub-topics, what each adds, and the rule that set evidence aside';
