-- diplomat: upgrade from 0.1 to 0.2 (ALTER EXTENSION diplomat UPDATE).
--
-- The Makefile builds the installed diplomat--0.1--0.2.sql from this file,
-- then builtin/before.sql, the builtin dictionary rows of the current data
-- files (tools/gen-data-sql.sh), builtin/after.sql and src/sql/post/*.sql
-- (triggers, pg_dump configuration, first image): an upgrade to the
-- current version always ends with the builtin rows a fresh install has.
--
-- How to add a change (test/upgrade.sh fails until both are done):
--   1. make it in src/sql/*.sql, for fresh installs;
--   2. make the same change here, for databases upgraded from 0.1: ALTER
--      or CREATE OR REPLACE what exists in 0.1, CREATE what is new, with
--      the same COMMENT and GRANT/REVOKE as the install script.
-- test/upgrade.sh installs 0.1 (test/upgrade/diplomat--0.1.sql), updates
-- it and compares the catalog (every object, signature, attribute,
-- comment and privilege) and every stored value and query result with a
-- fresh install.  When 0.3 comes, this file is frozen (the Makefile then
-- copies it unchanged) and diplomat--0.2--0.3.sql starts.
--
-- Every reference is schema-qualified: this script runs with the search
-- path 0.1 recorded for the extension (diplomat, pg_temp).

\echo Use "ALTER EXTENSION diplomat UPDATE TO '0.2'" to load this file. \quit

-- ---------------------------------------------------------------------
-- The schema belongs to the extension (0.1 let CREATE EXTENSION create it,
-- or used one that already existed, whoever owned it).  0.2's control file
-- names pg_catalog as the extension's schema and the install script
-- creates diplomat as a member; give an upgraded database the same catalog
-- state.  pg_extension and pg_depend are changed directly because ALTER
-- EXTENSION cannot move a non-relocatable extension.
-- ---------------------------------------------------------------------
DO $$
BEGIN
    IF (SELECT n.nspowner FROM pg_catalog.pg_namespace n
         WHERE n.nspname OPERATOR(pg_catalog.=) 'diplomat')
       OPERATOR(pg_catalog.<>)
       (SELECT e.extowner FROM pg_catalog.pg_extension e
         WHERE e.extname OPERATOR(pg_catalog.=) 'diplomat') THEN
        RAISE EXCEPTION 'schema diplomat is not owned by the owner of extension diplomat'
            USING HINT = 'Whoever owns the schema could have changed the extension''s objects: '
                         'reinstall the extension (DROP EXTENSION diplomat CASCADE; DROP SCHEMA diplomat; CREATE EXTENSION diplomat).';
    END IF;
END
$$;
DELETE FROM pg_catalog.pg_depend d
 WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
   AND d.objid OPERATOR(pg_catalog.=) (SELECT e.oid FROM pg_catalog.pg_extension e
                                        WHERE e.extname OPERATOR(pg_catalog.=) 'diplomat')
   AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_namespace'::pg_catalog.regclass
   AND d.refobjid OPERATOR(pg_catalog.=) 'diplomat'::pg_catalog.regnamespace;
UPDATE pg_catalog.pg_extension e
   SET extnamespace = 'pg_catalog'::pg_catalog.regnamespace
 WHERE e.extname OPERATOR(pg_catalog.=) 'diplomat';
ALTER EXTENSION diplomat ADD SCHEMA diplomat;
COMMENT ON SCHEMA diplomat IS
'entities, topics and CAMEO-coded diplomatic events from news text (extension diplomat)';

-- ---------------------------------------------------------------------
-- Privileges: anyone may extract, query and read the dictionaries; only
-- the owner (or roles it grants) edits them or rebuilds the image.
-- ---------------------------------------------------------------------
GRANT USAGE ON SCHEMA diplomat TO PUBLIC;
GRANT SELECT ON diplomat.gazetteer, diplomat.offices, diplomat.roles, diplomat.lexicon,
    diplomat.verbs, diplomat.patterns, diplomat.topic_defs, diplomat.topic_terms,
    diplomat.dictionary_removed, diplomat.dictionary_image TO PUBLIC;

-- ---------------------------------------------------------------------
-- Dictionary functions: pinned search_path; the triggers run as the
-- extension's owner so that granted editors need nothing more.
-- ---------------------------------------------------------------------
CREATE OR REPLACE FUNCTION diplomat.dictionary_key(tbl text, r jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT CASE
    WHEN tbl OPERATOR(pg_catalog.=) 'gazetteer' THEN (r OPERATOR(pg_catalog.->>) 'kind') OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) (r OPERATOR(pg_catalog.->>) 'name')
    WHEN tbl OPERATOR(pg_catalog.=) 'offices' THEN (r OPERATOR(pg_catalog.->>) 'person') OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) (r OPERATOR(pg_catalog.->>) 'office') OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) coalesce(r OPERATOR(pg_catalog.->>) 'country', '') OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) coalesce(r OPERATOR(pg_catalog.->>) 'start_date', '')
    WHEN tbl OPERATOR(pg_catalog.=) 'roles' THEN r OPERATOR(pg_catalog.->>) 'term'
    WHEN tbl OPERATOR(pg_catalog.=) 'lexicon' THEN (r OPERATOR(pg_catalog.->>) 'word') OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) (r OPERATOR(pg_catalog.->>) 'class')
    WHEN tbl OPERATOR(pg_catalog.=) 'verbs' THEN r OPERATOR(pg_catalog.->>) 'lemma'
    WHEN tbl OPERATOR(pg_catalog.=) 'patterns' THEN r OPERATOR(pg_catalog.->>) 'pattern'
    WHEN tbl OPERATOR(pg_catalog.=) 'topic_defs' THEN r OPERATOR(pg_catalog.->>) 'key'
    WHEN tbl OPERATOR(pg_catalog.=) 'topic_terms' THEN (r OPERATOR(pg_catalog.->>) 'topic') OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) (r OPERATOR(pg_catalog.->>) 'term')
END
$$;

CREATE OR REPLACE FUNCTION diplomat.dictionary_row_trigger()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_TABLE_NAME OPERATOR(pg_catalog.=) 'dictionary_removed' THEN
        -- a removal recorded twice (a restore loads the removals and the
        -- user rows that replaced builtin rows, in any order) is one removal
        IF EXISTS (SELECT 1 FROM diplomat.dictionary_removed r
                    WHERE r.tbl OPERATOR(pg_catalog.=) NEW.tbl
                      AND r.key OPERATOR(pg_catalog.=) NEW.key) THEN
            RETURN NULL;
        END IF;
        RETURN NEW;
    END IF;
    NEW.builtin := false;
    RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION diplomat.dictionary_row_trigger() FROM PUBLIC;
COMMENT ON FUNCTION diplomat.dictionary_row_trigger() IS
'marks inserted and changed dictionary rows as user rows, and skips removals already recorded (internal)';

ALTER FUNCTION diplomat.dictionary_changed() SECURITY DEFINER;
ALTER FUNCTION diplomat.dictionary_changed() SET search_path = pg_catalog, pg_temp;
REVOKE EXECUTE ON FUNCTION diplomat.dictionary_changed() FROM PUBLIC;
COMMENT ON FUNCTION diplomat.dictionary_changed() IS
'keeps the dictionary tables and the compiled image in step after a change and tells every session to reload it (internal)';

ALTER FUNCTION diplomat.dictionary_rebuild() SECURITY DEFINER;
ALTER FUNCTION diplomat.dictionary_rebuild() SET search_path = pg_catalog, pg_temp;
REVOKE EXECUTE ON FUNCTION diplomat.dictionary_rebuild() FROM PUBLIC;
COMMENT ON FUNCTION diplomat.dictionary_rebuild() IS
'recompiles the dictionaries from their tables into the stored image and reports their size (the extension owner''s, or granted)';

ALTER FUNCTION diplomat.one_a_day(diplomat.event[]) SET search_path = pg_catalog, pg_temp;

-- ---------------------------------------------------------------------
-- Scale-out (doc/scale-out.md): dictionaries replicated to subscribers,
-- a checksum to compare servers, event summaries combined across shards.
-- (The triggers and the replica identity are in src/sql/post/.)
-- ---------------------------------------------------------------------
CREATE FUNCTION diplomat.dictionary_replicated()
RETURNS trigger
AS 'MODULE_PATHNAME', 'dip_dictionary_replicated'
LANGUAGE C
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp;
REVOKE EXECUTE ON FUNCTION diplomat.dictionary_replicated() FROM PUBLIC;
COMMENT ON FUNCTION diplomat.dictionary_replicated() IS
'recompiles the image, once per transaction, after dictionary changes applied by logical replication (internal)';

CREATE FUNCTION diplomat.topics_exists_support(internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.topics_exists_support(internal) IS
'planner support of topics ? text: a constant key is planned as topics @> topics, which postgres_fdw can send to another server';
ALTER FUNCTION diplomat.topics_exists(diplomat.topics, text) SUPPORT diplomat.topics_exists_support;

DROP FUNCTION diplomat.dictionary_info();
CREATE FUNCTION diplomat.dictionary_info(OUT entities integer, OUT offices integer,
    OUT roles integer, OUT patterns integer, OUT topics integer, OUT words integer,
    OUT trie_nodes integer, OUT image_bytes integer, OUT source text, OUT checksum text)
RETURNS record
AS 'MODULE_PATHNAME', 'dip_dictionary_info'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.dictionary_info() IS
'size of the dictionaries this session uses, whether they came from the stored image or were compiled from the tables, and a checksum of the compiled image (equal on servers with the same dictionaries)';

-- adding up summaries of disjoint sets of events (made on several servers,
-- or per partition) into the summary of all of them
CREATE FUNCTION diplomat.event_summary_combine_transfn(internal, diplomat.event_stats) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.event_summary_combine_transfn(internal, diplomat.event_stats) IS 'event_summary_combine aggregate: transition function';

CREATE AGGREGATE diplomat.event_summary_combine(diplomat.event_stats) (
    SFUNC = diplomat.event_summary_combine_transfn,
    STYPE = internal,
    FINALFUNC = diplomat.event_summary_finalfn,
    COMBINEFUNC = diplomat.event_summary_combinefn,
    SERIALFUNC = diplomat.event_summary_serialfn,
    DESERIALFUNC = diplomat.event_summary_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE diplomat.event_summary_combine(diplomat.event_stats) IS
'the event_summary of the union of disjoint sets of events, from their event_summary results (per shard, then combined at the coordinator)';

-- ---------------------------------------------------------------------
-- Extraction functions named like to_tsvector (a function named after its
-- result type is read as a cast on a string literal).  RENAME keeps the
-- function, so generated columns and indexes that call it keep working.
-- ---------------------------------------------------------------------
ALTER FUNCTION diplomat.entities(text, date) RENAME TO to_entities;
ALTER FUNCTION diplomat.topics(text) RENAME TO to_topics;
COMMENT ON FUNCTION diplomat.topics_to_entities(diplomat.topics) IS
'the topics as entities of kind topic, the weight in thousandths as count, for to_entities(doc) || to_topics(doc)::entities';

-- ---------------------------------------------------------------------
-- New in 0.2
-- ---------------------------------------------------------------------
CREATE FUNCTION diplomat.recompute(tbl regclass DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    caller name := current_user;
    r record;
    n bigint;
    total bigint := 0;
BEGIN
    -- stored generated columns whose expression calls one of the
    -- extension's functions, operators or casts: an UPDATE of the columns
    -- they are computed from recomputes them.  The UPDATE runs as the
    -- table's owner, so that its triggers and the functions of its
    -- generated columns never run with the caller's (a superuser's after
    -- a restore) privileges.
    FOR r IN
        WITH calls AS (
            SELECT d.classid, d.objid
              FROM pg_catalog.pg_depend d
              JOIN pg_catalog.pg_depend x
                ON x.classid OPERATOR(pg_catalog.=) d.refclassid
               AND x.objid OPERATOR(pg_catalog.=) d.refobjid
               AND x.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
               AND x.deptype OPERATOR(pg_catalog.=) 'e'
              JOIN pg_catalog.pg_extension e
                ON e.oid OPERATOR(pg_catalog.=) x.refobjid
               AND e.extname OPERATOR(pg_catalog.=) 'diplomat'
             WHERE d.refclassid OPERATOR(pg_catalog.=) ANY
                   ('{pg_catalog.pg_proc,pg_catalog.pg_operator,pg_catalog.pg_cast}'::pg_catalog.regclass[]))
        SELECT ad.adrelid::pg_catalog.regclass AS rel, pg_catalog.min(t.relowner::pg_catalog.regrole::pg_catalog.text) AS owner,
               pg_catalog.string_agg(DISTINCT pg_catalog.quote_ident(b.attname), ', ') AS cols
          FROM pg_catalog.pg_attrdef ad
          JOIN calls c
            ON c.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_attrdef'::pg_catalog.regclass
           AND c.objid OPERATOR(pg_catalog.=) ad.oid
          JOIN pg_catalog.pg_depend bd
            ON bd.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_attrdef'::pg_catalog.regclass
           AND bd.objid OPERATOR(pg_catalog.=) ad.oid
           AND bd.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
           AND bd.refobjid OPERATOR(pg_catalog.=) ad.adrelid
           AND bd.refobjsubid OPERATOR(pg_catalog.>) 0
          JOIN pg_catalog.pg_attribute b
            ON b.attrelid OPERATOR(pg_catalog.=) ad.adrelid
           AND b.attnum OPERATOR(pg_catalog.=) bd.refobjsubid
           AND b.attgenerated OPERATOR(pg_catalog.=) ''
          JOIN pg_catalog.pg_class t ON t.oid OPERATOR(pg_catalog.=) ad.adrelid
         WHERE ad.adrelid OPERATOR(pg_catalog.=) tbl
            OR (tbl IS NULL AND NOT t.relispartition
                AND pg_catalog.pg_has_role(t.relowner, 'USAGE'))
         GROUP BY ad.adrelid
         ORDER BY 1
    LOOP
        EXECUTE pg_catalog.format('SET LOCAL ROLE %s', r.owner);
        EXECUTE pg_catalog.format('UPDATE %s SET (%s) = ROW(%s)', r.rel, r.cols, r.cols);
        GET DIAGNOSTICS n = ROW_COUNT;
        EXECUTE pg_catalog.format('SET LOCAL ROLE %I', caller);
        total := total OPERATOR(pg_catalog.+) n;
    END LOOP;
    -- indexes whose expressions or predicates call them (REINDEX evaluates
    -- them as the table's owner)
    FOR r IN
        SELECT DISTINCT i.indexrelid::pg_catalog.regclass AS idx
          FROM pg_catalog.pg_index i
          JOIN pg_catalog.pg_depend d
            ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
           AND d.objid OPERATOR(pg_catalog.=) i.indexrelid
           AND d.refclassid OPERATOR(pg_catalog.=) ANY
               ('{pg_catalog.pg_proc,pg_catalog.pg_operator,pg_catalog.pg_cast}'::pg_catalog.regclass[])
          JOIN pg_catalog.pg_depend x
            ON x.classid OPERATOR(pg_catalog.=) d.refclassid
           AND x.objid OPERATOR(pg_catalog.=) d.refobjid
           AND x.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
           AND x.deptype OPERATOR(pg_catalog.=) 'e'
          JOIN pg_catalog.pg_extension e
            ON e.oid OPERATOR(pg_catalog.=) x.refobjid
           AND e.extname OPERATOR(pg_catalog.=) 'diplomat'
          JOIN pg_catalog.pg_class t ON t.oid OPERATOR(pg_catalog.=) i.indrelid
         WHERE i.indrelid OPERATOR(pg_catalog.=) tbl
            OR (tbl IS NULL AND NOT t.relispartition
                AND pg_catalog.pg_has_role(t.relowner, 'USAGE'))
         ORDER BY 1
    LOOP
        EXECUTE pg_catalog.format('REINDEX INDEX %s', r.idx);
    END LOOP;
    RETURN total;
END
$$;
COMMENT ON FUNCTION diplomat.recompute(regclass) IS
'recomputes, as the table''s owner, the stored generated columns of a table (NULL: of every table the caller owns) that call the extension''s functions, and rebuilds its indexes whose expressions call them; returns the rows updated';

-- ---------------------------------------------------------------------
-- A COMMENT on every operator, operator class and family
-- ---------------------------------------------------------------------
COMMENT ON OPERATOR FAMILY diplomat.cameo_ops USING btree IS
'btree operator family of cameo_ops';
COMMENT ON OPERATOR FAMILY diplomat.cameo_ops USING hash IS
'hash operator family of cameo_ops';
COMMENT ON OPERATOR FAMILY diplomat.actor_ops USING btree IS
'btree operator family of actor_ops';
COMMENT ON OPERATOR FAMILY diplomat.actor_ops USING hash IS
'hash operator family of actor_ops';
COMMENT ON OPERATOR diplomat.= (diplomat.entity, diplomat.entity) IS 'same kind and canonical name (the country is not compared)';
COMMENT ON OPERATOR diplomat.<> (diplomat.entity, diplomat.entity) IS 'different kind or canonical name';
COMMENT ON OPERATOR diplomat.< (diplomat.entity, diplomat.entity) IS 'less than, by kind then name bytewise';
COMMENT ON OPERATOR diplomat.<= (diplomat.entity, diplomat.entity) IS 'less than or equal, by kind then name bytewise';
COMMENT ON OPERATOR diplomat.> (diplomat.entity, diplomat.entity) IS 'greater than, by kind then name bytewise';
COMMENT ON OPERATOR diplomat.>= (diplomat.entity, diplomat.entity) IS 'greater than or equal, by kind then name bytewise';
COMMENT ON OPERATOR CLASS diplomat.entity_ops USING btree IS 'btree order of entities: kind, then canonical name bytewise';
COMMENT ON OPERATOR FAMILY diplomat.entity_ops USING btree IS 'btree operator family of entity_ops';
COMMENT ON OPERATOR CLASS diplomat.entity_hash_ops USING hash IS 'hash of an entity''s kind and canonical name';
COMMENT ON OPERATOR FAMILY diplomat.entity_hash_ops USING hash IS 'hash operator family of entity_hash_ops';
COMMENT ON OPERATOR diplomat.= (diplomat.newsquery, diplomat.newsquery) IS 'the same query, operand for operand';
COMMENT ON OPERATOR diplomat.&& (diplomat.newsquery, diplomat.newsquery) IS 'AND of two queries';
COMMENT ON OPERATOR diplomat.|| (diplomat.newsquery, diplomat.newsquery) IS 'OR of two queries';
COMMENT ON OPERATOR diplomat.!! (NONE, diplomat.newsquery) IS 'negation of a query';
COMMENT ON FUNCTION diplomat.entities_match_newsquery(diplomat.entities, diplomat.newsquery) IS 'implementation of entities @@ newsquery: names resolved against the current dictionaries (case, aliases, surnames)';
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
COMMENT ON OPERATOR FAMILY diplomat.entities_ops USING gin IS 'GIN operator family of entities_ops';

-- ---------------------------------------------------------------------
-- The analyst's tools: highlight, rank, casts to jsonb
-- ---------------------------------------------------------------------
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

CREATE FUNCTION diplomat.topics_to_jsonb(diplomat.topics) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.topics_to_jsonb(diplomat.topics) IS
'the topics as a JSON object from key to weight (the cast to jsonb)';
CREATE CAST (diplomat.topics AS jsonb) WITH FUNCTION diplomat.topics_to_jsonb(diplomat.topics);
COMMENT ON CAST (diplomat.topics AS jsonb) IS
'explicit cast: {"cross_strait": 0.631, "korean_peninsula": 0.545}';

CREATE FUNCTION diplomat.event_to_jsonb(diplomat.event) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT pg_catalog.to_jsonb($1) $$;
COMMENT ON FUNCTION diplomat.event_to_jsonb(diplomat.event) IS
'an event as a JSON object, one key per column (codes as text, the date as YYYY-MM-DD); the cast to jsonb';
CREATE CAST (diplomat.event AS jsonb) WITH FUNCTION diplomat.event_to_jsonb(diplomat.event);
COMMENT ON CAST (diplomat.event AS jsonb) IS
'explicit cast: {"source": "USAGOV", "code": "040", "target": "CHNGOV", ...}';
