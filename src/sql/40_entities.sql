-- ---------------------------------------------------------------------
-- Entities: types entity, entities, newsquery; extraction; operators;
-- GIN operator class
-- ---------------------------------------------------------------------

-- entity ------------------------------------------------------------------
CREATE TYPE diplomat.entity;
CREATE FUNCTION diplomat.entity_in(cstring) RETURNS diplomat.entity
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entity_out(diplomat.entity) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entity_recv(internal) RETURNS diplomat.entity
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entity_send(diplomat.entity) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE diplomat.entity (
    INPUT = diplomat.entity_in, OUTPUT = diplomat.entity_out,
    RECEIVE = diplomat.entity_recv, SEND = diplomat.entity_send,
    INTERNALLENGTH = VARIABLE, STORAGE = extended, ALIGNMENT = int4
);
COMMENT ON TYPE diplomat.entity IS
'one resolved entity: kind, canonical name and, where known, ISO country (text form PER:Antony Blinken@USA)';
COMMENT ON FUNCTION diplomat.entity_in(cstring) IS 'input function of type entity';
COMMENT ON FUNCTION diplomat.entity_out(diplomat.entity) IS 'output function of type entity';
COMMENT ON FUNCTION diplomat.entity_recv(internal) IS 'binary input function of type entity';
COMMENT ON FUNCTION diplomat.entity_send(diplomat.entity) IS 'binary output function of type entity';

CREATE FUNCTION diplomat.entity(kind text, name text, country text DEFAULT NULL)
RETURNS diplomat.entity
AS 'MODULE_PATHNAME', 'entity_construct'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.entity(text, text, text) IS
'builds an entity from its kind, canonical name and optional ISO country code';

CREATE FUNCTION diplomat.kind(diplomat.entity) RETURNS text
    AS 'MODULE_PATHNAME', 'entity_kind' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.kind(diplomat.entity) IS 'the kind of an entity: PER, ORG, GPE, LOC, NORP, DATE or topic';
CREATE FUNCTION diplomat.name(diplomat.entity) RETURNS text
    AS 'MODULE_PATHNAME', 'entity_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.name(diplomat.entity) IS 'the canonical name of an entity';
CREATE FUNCTION diplomat.country(diplomat.entity) RETURNS text
    AS 'MODULE_PATHNAME', 'entity_country' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.country(diplomat.entity) IS 'the ISO 3166-1 alpha-3 country of an entity, or NULL';

CREATE FUNCTION diplomat.entity_eq(diplomat.entity, diplomat.entity) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entity_ne(diplomat.entity, diplomat.entity) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entity_lt(diplomat.entity, diplomat.entity) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entity_le(diplomat.entity, diplomat.entity) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entity_gt(diplomat.entity, diplomat.entity) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entity_ge(diplomat.entity, diplomat.entity) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entity_cmp(diplomat.entity, diplomat.entity) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entity_hash(diplomat.entity) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.entity_eq(diplomat.entity, diplomat.entity) IS 'implementation of = for entity (kind and name)';
COMMENT ON FUNCTION diplomat.entity_ne(diplomat.entity, diplomat.entity) IS 'implementation of <> for entity';
COMMENT ON FUNCTION diplomat.entity_lt(diplomat.entity, diplomat.entity) IS 'implementation of < for entity';
COMMENT ON FUNCTION diplomat.entity_le(diplomat.entity, diplomat.entity) IS 'implementation of <= for entity';
COMMENT ON FUNCTION diplomat.entity_gt(diplomat.entity, diplomat.entity) IS 'implementation of > for entity';
COMMENT ON FUNCTION diplomat.entity_ge(diplomat.entity, diplomat.entity) IS 'implementation of >= for entity';
COMMENT ON FUNCTION diplomat.entity_cmp(diplomat.entity, diplomat.entity) IS 'btree comparison of entities: kind, then name';
COMMENT ON FUNCTION diplomat.entity_hash(diplomat.entity) IS 'hash of an entity (kind and name)';

CREATE OPERATOR diplomat.= (
    LEFTARG = diplomat.entity, RIGHTARG = diplomat.entity, FUNCTION = diplomat.entity_eq,
    COMMUTATOR = OPERATOR(diplomat.=), NEGATOR = OPERATOR(diplomat.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
CREATE OPERATOR diplomat.<> (
    LEFTARG = diplomat.entity, RIGHTARG = diplomat.entity, FUNCTION = diplomat.entity_ne,
    COMMUTATOR = OPERATOR(diplomat.<>), NEGATOR = OPERATOR(diplomat.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR diplomat.< (
    LEFTARG = diplomat.entity, RIGHTARG = diplomat.entity, FUNCTION = diplomat.entity_lt,
    COMMUTATOR = OPERATOR(diplomat.>), NEGATOR = OPERATOR(diplomat.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR diplomat.<= (
    LEFTARG = diplomat.entity, RIGHTARG = diplomat.entity, FUNCTION = diplomat.entity_le,
    COMMUTATOR = OPERATOR(diplomat.>=), NEGATOR = OPERATOR(diplomat.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR diplomat.> (
    LEFTARG = diplomat.entity, RIGHTARG = diplomat.entity, FUNCTION = diplomat.entity_gt,
    COMMUTATOR = OPERATOR(diplomat.<), NEGATOR = OPERATOR(diplomat.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR diplomat.>= (
    LEFTARG = diplomat.entity, RIGHTARG = diplomat.entity, FUNCTION = diplomat.entity_ge,
    COMMUTATOR = OPERATOR(diplomat.<=), NEGATOR = OPERATOR(diplomat.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR diplomat.= (diplomat.entity, diplomat.entity) IS 'same kind and canonical name (the country is not compared)';
COMMENT ON OPERATOR diplomat.<> (diplomat.entity, diplomat.entity) IS 'different kind or canonical name';
COMMENT ON OPERATOR diplomat.< (diplomat.entity, diplomat.entity) IS 'less than, by kind then name bytewise';
COMMENT ON OPERATOR diplomat.<= (diplomat.entity, diplomat.entity) IS 'less than or equal, by kind then name bytewise';
COMMENT ON OPERATOR diplomat.> (diplomat.entity, diplomat.entity) IS 'greater than, by kind then name bytewise';
COMMENT ON OPERATOR diplomat.>= (diplomat.entity, diplomat.entity) IS 'greater than or equal, by kind then name bytewise';

CREATE OPERATOR CLASS diplomat.entity_ops DEFAULT FOR TYPE diplomat.entity USING btree AS
    OPERATOR 1 diplomat.<, OPERATOR 2 diplomat.<=, OPERATOR 3 diplomat.=,
    OPERATOR 4 diplomat.>=, OPERATOR 5 diplomat.>,
    FUNCTION 1 diplomat.entity_cmp(diplomat.entity, diplomat.entity);
CREATE OPERATOR CLASS diplomat.entity_hash_ops DEFAULT FOR TYPE diplomat.entity USING hash AS
    OPERATOR 1 diplomat.=,
    FUNCTION 1 diplomat.entity_hash(diplomat.entity);
COMMENT ON OPERATOR CLASS diplomat.entity_ops USING btree IS 'btree order of entities: kind, then canonical name bytewise';
COMMENT ON OPERATOR FAMILY diplomat.entity_ops USING btree IS 'btree operator family of entity_ops';
COMMENT ON OPERATOR CLASS diplomat.entity_hash_ops USING hash IS 'hash of an entity''s kind and canonical name';
COMMENT ON OPERATOR FAMILY diplomat.entity_hash_ops USING hash IS 'hash operator family of entity_hash_ops';

-- entities ----------------------------------------------------------------
CREATE TYPE diplomat.entities;
CREATE FUNCTION diplomat.entities_in(cstring) RETURNS diplomat.entities
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entities_out(diplomat.entities) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entities_recv(internal) RETURNS diplomat.entities
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entities_send(diplomat.entities) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- STORAGE main: a value stays inline and uncompressed while the row's
-- larger columns (the article, its tsvector) are compressed or moved out
-- of line first, so that the GIN recheck of each candidate row reads it
-- without decompressing.
CREATE TYPE diplomat.entities (
    INPUT = diplomat.entities_in, OUTPUT = diplomat.entities_out,
    RECEIVE = diplomat.entities_recv, SEND = diplomat.entities_send,
    INTERNALLENGTH = VARIABLE, STORAGE = main, ALIGNMENT = int4
);
COMMENT ON TYPE diplomat.entities IS
'a document''s distinct entities with mention counts, sorted and deduplicated (like tsvector)';
COMMENT ON FUNCTION diplomat.entities_in(cstring) IS 'input function of type entities';
COMMENT ON FUNCTION diplomat.entities_out(diplomat.entities) IS 'output function of type entities';
COMMENT ON FUNCTION diplomat.entities_recv(internal) IS 'binary input function of type entities';
COMMENT ON FUNCTION diplomat.entities_send(diplomat.entities) IS 'binary output function of type entities';

-- newsquery ---------------------------------------------------------------
CREATE TYPE diplomat.newsquery;
CREATE FUNCTION diplomat.newsquery_in(cstring) RETURNS diplomat.newsquery
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.newsquery_out(diplomat.newsquery) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.newsquery_recv(internal) RETURNS diplomat.newsquery
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.newsquery_send(diplomat.newsquery) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE diplomat.newsquery (
    INPUT = diplomat.newsquery_in, OUTPUT = diplomat.newsquery_out,
    RECEIVE = diplomat.newsquery_recv, SEND = diplomat.newsquery_send,
    INTERNALLENGTH = VARIABLE, STORAGE = extended, ALIGNMENT = int4
);
COMMENT ON TYPE diplomat.newsquery IS
'a boolean query over entity and topic keys, such as PER:"Antony Blinken" & (GPE:Taiwan | topic:cross_strait) & !ORG:NATO';
COMMENT ON FUNCTION diplomat.newsquery_in(cstring) IS 'input function of type newsquery';
COMMENT ON FUNCTION diplomat.newsquery_out(diplomat.newsquery) IS 'output function of type newsquery';
COMMENT ON FUNCTION diplomat.newsquery_recv(internal) IS 'binary input function of type newsquery';
COMMENT ON FUNCTION diplomat.newsquery_send(diplomat.newsquery) IS 'binary output function of type newsquery';

CREATE FUNCTION diplomat.newsquery_eq(diplomat.newsquery, diplomat.newsquery) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.newsquery_eq(diplomat.newsquery, diplomat.newsquery) IS 'implementation of = for newsquery (same structure)';
CREATE OPERATOR diplomat.= (
    LEFTARG = diplomat.newsquery, RIGHTARG = diplomat.newsquery, FUNCTION = diplomat.newsquery_eq,
    COMMUTATOR = OPERATOR(diplomat.=), RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel);
COMMENT ON OPERATOR diplomat.= (diplomat.newsquery, diplomat.newsquery) IS 'the same query, operand for operand';

CREATE FUNCTION diplomat.newsquery_and(diplomat.newsquery, diplomat.newsquery) RETURNS diplomat.newsquery
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.newsquery_or(diplomat.newsquery, diplomat.newsquery) RETURNS diplomat.newsquery
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.newsquery_not(diplomat.newsquery) RETURNS diplomat.newsquery
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.newsquery_and(diplomat.newsquery, diplomat.newsquery) IS 'AND of two news queries';
COMMENT ON FUNCTION diplomat.newsquery_or(diplomat.newsquery, diplomat.newsquery) IS 'OR of two news queries';
COMMENT ON FUNCTION diplomat.newsquery_not(diplomat.newsquery) IS 'negation of a news query';
CREATE OPERATOR diplomat.&& (LEFTARG = diplomat.newsquery, RIGHTARG = diplomat.newsquery,
    FUNCTION = diplomat.newsquery_and);
CREATE OPERATOR diplomat.|| (LEFTARG = diplomat.newsquery, RIGHTARG = diplomat.newsquery,
    FUNCTION = diplomat.newsquery_or);
CREATE OPERATOR diplomat.!! (RIGHTARG = diplomat.newsquery, FUNCTION = diplomat.newsquery_not);
COMMENT ON OPERATOR diplomat.&& (diplomat.newsquery, diplomat.newsquery) IS 'AND of two queries';
COMMENT ON OPERATOR diplomat.|| (diplomat.newsquery, diplomat.newsquery) IS 'OR of two queries';
COMMENT ON OPERATOR diplomat.!! (NONE, diplomat.newsquery) IS 'negation of a query';

-- extraction --------------------------------------------------------------
CREATE FUNCTION diplomat.mentions(doc text, published date DEFAULT NULL,
    OUT mention integer, OUT sentence integer, OUT start integer, OUT len integer,
    OUT kind text, OUT name text, OUT country text, OUT actor text, OUT role text,
    OUT text text, OUT how text, OUT entity diplomat.entity, OUT rule text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'dip_mentions'
LANGUAGE C IMMUTABLE PARALLEL SAFE
ROWS 50;
COMMENT ON FUNCTION diplomat.mentions(text, date) IS
'every entity mention in a document: kind, canonical name, country, CAMEO actor at the publication date, sentence and 1-based character span, and the rule that made it';

-- named like to_tsvector: a function named after its result type would be
-- read as a cast when called on a string literal
CREATE FUNCTION diplomat.to_entities(doc text, published date DEFAULT NULL)
RETURNS diplomat.entities
AS 'MODULE_PATHNAME', 'dip_entities'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.to_entities(text, date) IS
'the distinct entities of a document with mention counts; IMMUTABLE like to_tsvector(regconfig, text): see the README on dictionary changes';

-- operators on entities -----------------------------------------------------
-- @@ resolves the query's names against the dictionaries (case, aliases,
-- surnames: see resolve.c).  Like to_tsvector(regconfig, text), which
-- depends on text search dictionaries, it is declared IMMUTABLE: results
-- change only when the dictionaries are edited, and postgres_fdw ships
-- only immutable operators to the servers that hold the rows.
CREATE FUNCTION diplomat.entities_match_newsquery(diplomat.entities, diplomat.newsquery) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.newsquery_match_entities(diplomat.newsquery, diplomat.entities) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.text_match_newsquery(text, diplomat.newsquery) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
CREATE FUNCTION diplomat.entities_contains_entity(diplomat.entities, diplomat.entity) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entities_contains(diplomat.entities, diplomat.entities) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entities_contained(diplomat.entities, diplomat.entities) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entities_overlap(diplomat.entities, diplomat.entities) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entities_concat(diplomat.entities, diplomat.entities) RETURNS diplomat.entities
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entities_eq(diplomat.entities, diplomat.entities) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.entities_ne(diplomat.entities, diplomat.entities) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.entities_match_newsquery(diplomat.entities, diplomat.newsquery) IS 'implementation of entities @@ newsquery: names resolved against the current dictionaries (case, aliases, surnames)';
COMMENT ON FUNCTION diplomat.newsquery_match_entities(diplomat.newsquery, diplomat.entities) IS 'implementation of newsquery @@ entities';
COMMENT ON FUNCTION diplomat.text_match_newsquery(text, diplomat.newsquery) IS 'implementation of text @@ newsquery: extracts entities (and topics) on the fly';
COMMENT ON FUNCTION diplomat.entities_contains_entity(diplomat.entities, diplomat.entity) IS 'implementation of entities ? entity';
COMMENT ON FUNCTION diplomat.entities_contains(diplomat.entities, diplomat.entities) IS 'implementation of entities @> entities';
COMMENT ON FUNCTION diplomat.entities_contained(diplomat.entities, diplomat.entities) IS 'implementation of entities <@ entities';
COMMENT ON FUNCTION diplomat.entities_overlap(diplomat.entities, diplomat.entities) IS 'implementation of entities && entities';
COMMENT ON FUNCTION diplomat.entities_concat(diplomat.entities, diplomat.entities) IS 'implementation of entities || entities: union, counts added';
COMMENT ON FUNCTION diplomat.entities_eq(diplomat.entities, diplomat.entities) IS 'implementation of = for entities (same entities and counts)';
COMMENT ON FUNCTION diplomat.entities_ne(diplomat.entities, diplomat.entities) IS 'implementation of <> for entities';

CREATE FUNCTION diplomat.entities_matchsel(internal, oid, internal, integer) RETURNS float8
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.entities_matchsel(internal, oid, internal, integer) IS
'selectivity of @@, ?, @> and && on entities, from the column''s most common entities';

CREATE OPERATOR diplomat.@@ (
    LEFTARG = diplomat.entities, RIGHTARG = diplomat.newsquery,
    FUNCTION = diplomat.entities_match_newsquery,
    COMMUTATOR = OPERATOR(diplomat.@@), RESTRICT = diplomat.entities_matchsel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR diplomat.@@ (
    LEFTARG = diplomat.newsquery, RIGHTARG = diplomat.entities,
    FUNCTION = diplomat.newsquery_match_entities,
    COMMUTATOR = OPERATOR(diplomat.@@), RESTRICT = diplomat.entities_matchsel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR diplomat.@@ (
    LEFTARG = text, RIGHTARG = diplomat.newsquery,
    FUNCTION = diplomat.text_match_newsquery,
    RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR diplomat.? (
    LEFTARG = diplomat.entities, RIGHTARG = diplomat.entity,
    FUNCTION = diplomat.entities_contains_entity,
    RESTRICT = diplomat.entities_matchsel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR diplomat.@> (
    LEFTARG = diplomat.entities, RIGHTARG = diplomat.entities,
    FUNCTION = diplomat.entities_contains,
    COMMUTATOR = OPERATOR(diplomat.<@), RESTRICT = diplomat.entities_matchsel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR diplomat.<@ (
    LEFTARG = diplomat.entities, RIGHTARG = diplomat.entities,
    FUNCTION = diplomat.entities_contained,
    COMMUTATOR = OPERATOR(diplomat.@>), RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR diplomat.&& (
    LEFTARG = diplomat.entities, RIGHTARG = diplomat.entities,
    FUNCTION = diplomat.entities_overlap,
    COMMUTATOR = OPERATOR(diplomat.&&), RESTRICT = diplomat.entities_matchsel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR diplomat.|| (
    LEFTARG = diplomat.entities, RIGHTARG = diplomat.entities,
    FUNCTION = diplomat.entities_concat);
CREATE OPERATOR diplomat.= (
    LEFTARG = diplomat.entities, RIGHTARG = diplomat.entities, FUNCTION = diplomat.entities_eq,
    COMMUTATOR = OPERATOR(diplomat.=), NEGATOR = OPERATOR(diplomat.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel);
CREATE OPERATOR diplomat.<> (
    LEFTARG = diplomat.entities, RIGHTARG = diplomat.entities, FUNCTION = diplomat.entities_ne,
    COMMUTATOR = OPERATOR(diplomat.<>), NEGATOR = OPERATOR(diplomat.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);

COMMENT ON OPERATOR diplomat.@@ (diplomat.entities, diplomat.newsquery) IS 'the entities match the query (index: entities_ops)';
COMMENT ON OPERATOR diplomat.@@ (diplomat.newsquery, diplomat.entities) IS 'the entities match the query (commutator)';
COMMENT ON OPERATOR diplomat.@@ (text, diplomat.newsquery) IS 'the document''s entities (and topics) match the query, extracted on the fly';
COMMENT ON OPERATOR diplomat.? (diplomat.entities, diplomat.entity) IS 'has the entity (kind and canonical name)';
COMMENT ON OPERATOR diplomat.@> (diplomat.entities, diplomat.entities) IS 'contains every entity of the right operand';
COMMENT ON OPERATOR diplomat.<@ (diplomat.entities, diplomat.entities) IS 'every entity is in the right operand';
COMMENT ON OPERATOR diplomat.&& (diplomat.entities, diplomat.entities) IS 'have an entity in common';
COMMENT ON OPERATOR diplomat.|| (diplomat.entities, diplomat.entities) IS 'union, mention counts added';
COMMENT ON OPERATOR diplomat.= (diplomat.entities, diplomat.entities) IS 'the same entities with the same mention counts';
COMMENT ON OPERATOR diplomat.<> (diplomat.entities, diplomat.entities) IS 'different entities or mention counts';
-- functions on entities -----------------------------------------------------
CREATE FUNCTION diplomat.length(diplomat.entities) RETURNS integer
    AS 'MODULE_PATHNAME', 'entities_length' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.length(diplomat.entities) IS 'number of distinct entities in the set';
CREATE FUNCTION diplomat.mention_count(diplomat.entities, diplomat.entity) RETURNS integer
    AS 'MODULE_PATHNAME', 'entities_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.mention_count(diplomat.entities, diplomat.entity) IS 'how often the document mentions the entity (0 if never)';
CREATE FUNCTION diplomat.filter(diplomat.entities, kind text) RETURNS diplomat.entities
    AS 'MODULE_PATHNAME', 'entities_filter_kind' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.filter(diplomat.entities, text) IS 'the entities of one kind';

CREATE FUNCTION diplomat.unnest(diplomat.entities,
    OUT entity diplomat.entity, OUT kind text, OUT name text, OUT country text, OUT mentions integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'entities_unnest'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.unnest(diplomat.entities) IS
'the entities of a set as rows: entity, kind, name, country and mention count';

-- the analyst's tools: highlight, rank, JSON ----------------------------------
CREATE FUNCTION diplomat.highlight(doc text, query diplomat.newsquery, options text DEFAULT '')
RETURNS text
AS 'MODULE_PATHNAME', 'dip_highlight'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION diplomat.highlight(text, diplomat.newsquery, text) IS
'the mentions of a document that match a query, marked in context, like ts_headline (options StartSel, StopSel, MaxWords, MaxFragments, FragmentDelimiter, HighlightAll)';

CREATE FUNCTION diplomat.news_rank(ents diplomat.entities, query diplomat.newsquery)
RETURNS real
AS 'MODULE_PATHNAME', 'news_rank_entities'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.news_rank(diplomat.entities, diplomat.newsquery) IS
'how well stored entities match a query, from 0 to 1, by mention counts (like ts_rank), for ordering results';

CREATE FUNCTION diplomat.news_rank(doc text, query diplomat.newsquery, published date DEFAULT NULL)
RETURNS real
AS 'MODULE_PATHNAME', 'news_rank_text'
LANGUAGE C STABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION diplomat.news_rank(text, diplomat.newsquery, date) IS
'how well a document matches a query, from 0 to 1, by mentions weighted by their position (the lead counts most) and topic weights';

CREATE FUNCTION diplomat.entities_to_jsonb(diplomat.entities) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.entities_to_jsonb(diplomat.entities) IS
'the entities as a JSON array of {kind, name, country, mentions} objects (the cast to jsonb)';
CREATE CAST (diplomat.entities AS jsonb) WITH FUNCTION diplomat.entities_to_jsonb(diplomat.entities);
COMMENT ON CAST (diplomat.entities AS jsonb) IS
'explicit cast: [{"kind": "PER", "name": "Antony Blinken", "country": "USA", "mentions": 3}, ...]';

-- GIN ---------------------------------------------------------------------
CREATE FUNCTION diplomat.gin_cmp_entity_key(text, text) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.gin_extract_entities(diplomat.entities, internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.gin_extract_entities_query(diplomat.entities, internal, smallint, internal, internal, internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.gin_entities_consistent(internal, smallint, diplomat.entities, integer, internal, internal, internal, internal) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.gin_entities_options(internal) RETURNS void
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.gin_entities_options(internal) IS 'GIN support: parameters of entities_ops (buckets)';
CREATE FUNCTION diplomat.gin_entities_triconsistent(internal, smallint, diplomat.entities, integer, internal, internal, internal) RETURNS "char"
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.gin_cmp_entity_key(text, text) IS 'GIN support: bytewise comparison of entity keys';
COMMENT ON FUNCTION diplomat.gin_extract_entities(diplomat.entities, internal) IS 'GIN support: keys of an entities value';
COMMENT ON FUNCTION diplomat.gin_extract_entities_query(diplomat.entities, internal, smallint, internal, internal, internal, internal) IS 'GIN support: keys of a query';
COMMENT ON FUNCTION diplomat.gin_entities_consistent(internal, smallint, diplomat.entities, integer, internal, internal, internal, internal) IS 'GIN support: consistent function';
COMMENT ON FUNCTION diplomat.gin_entities_triconsistent(internal, smallint, diplomat.entities, integer, internal, internal, internal) IS 'GIN support: ternary consistent function';

CREATE OPERATOR CLASS diplomat.entities_ops DEFAULT FOR TYPE diplomat.entities USING gin AS
    OPERATOR 1 diplomat.@@ (diplomat.entities, diplomat.newsquery),
    OPERATOR 2 diplomat.? (diplomat.entities, diplomat.entity),
    OPERATOR 3 diplomat.@> (diplomat.entities, diplomat.entities),
    OPERATOR 4 diplomat.&& (diplomat.entities, diplomat.entities),
    FUNCTION 1 pg_catalog.byteacmp(bytea, bytea),
    FUNCTION 2 diplomat.gin_extract_entities(diplomat.entities, internal),
    FUNCTION 3 diplomat.gin_extract_entities_query(diplomat.entities, internal, smallint, internal, internal, internal, internal),
    FUNCTION 4 diplomat.gin_entities_consistent(internal, smallint, diplomat.entities, integer, internal, internal, internal, internal),
    FUNCTION 6 diplomat.gin_entities_triconsistent(internal, smallint, diplomat.entities, integer, internal, internal, internal),
    FUNCTION 7 diplomat.gin_entities_options(internal),
    STORAGE bytea;
COMMENT ON OPERATOR CLASS diplomat.entities_ops USING gin IS
'GIN index on entities for @@ newsquery, ? entity, @> and && (exact keys for countries and nationalities, other names folded into hash buckets and rechecked; parameter buckets, default 32768)';
COMMENT ON OPERATOR FAMILY diplomat.entities_ops USING gin IS 'GIN operator family of entities_ops';

CREATE FUNCTION diplomat.entities_typanalyze(internal) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.entities_typanalyze(internal) IS
'ANALYZE support for entities: collects the most common entities of a column';
ALTER TYPE diplomat.entities SET (ANALYZE = diplomat.entities_typanalyze);
