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

-- dictionary_info() gains a checksum column: see the coverage section below

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

-- the evidence behind each topic of a document (new in 0.2)
CREATE FUNCTION diplomat.topic_evidence(doc text,
    OUT topic text, OUT weight real, OUT evidence text, OUT kind text,
    OUT occurrences integer, OUT score real, OUT rule text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'topic_evidence'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 1000
ROWS 20;
COMMENT ON FUNCTION diplomat.topic_evidence(text) IS
'the evidence behind each topic of a document: its terms, gazetteer entities and sub-topics, what each adds, and the rule that set evidence aside';

CREATE FUNCTION diplomat.event_to_jsonb(diplomat.event) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT pg_catalog.to_jsonb($1) $$;
COMMENT ON FUNCTION diplomat.event_to_jsonb(diplomat.event) IS
'an event as a JSON object, one key per column (codes as text, the date as YYYY-MM-DD); the cast to jsonb';
CREATE CAST (diplomat.event AS jsonb) WITH FUNCTION diplomat.event_to_jsonb(diplomat.event);
COMMENT ON CAST (diplomat.event AS jsonb) IS
'explicit cast: {"source": "USAGOV", "code": "040", "target": "CHNGOV", ...}';

-- ---------------------------------------------------------------------
-- Topic models: calibration columns, an owner, readers, row-level
-- security.  Models trained under 0.1 become the updating role's (usually
-- a superuser's) and private; their calibration stays the identity, so
-- they answer exactly as before.  Share them with
--   UPDATE diplomat.topic_models SET readers = '{-}' WHERE ...;
-- or give them to their real owners with UPDATE ... SET owner = ....
-- ---------------------------------------------------------------------
ALTER TABLE diplomat.topic_models
    ADD COLUMN temperature   double precision NOT NULL DEFAULT 1 CHECK (temperature > 0 AND temperature < 'Infinity'),
    ADD COLUMN length_exponent double precision NOT NULL DEFAULT 0 CHECK (length_exponent >= 0 AND length_exponent <= 2),
    ADD COLUMN holdout_rows  bigint NOT NULL DEFAULT 0,
    ADD COLUMN holdout_accuracy double precision,
    ADD COLUMN holdout_log_loss double precision,
    ADD COLUMN owner         regrole NOT NULL DEFAULT (pg_catalog.quote_ident(CURRENT_USER)::pg_catalog.regrole),
    ADD COLUMN readers       regrole[] NOT NULL DEFAULT '{}';
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

GRANT INSERT, UPDATE, DELETE ON diplomat.topic_models TO PUBLIC;

COMMENT ON FUNCTION diplomat.train_topics(name, text) IS
'trains a naive Bayes topic classifier (262144 buckets) in one pass over the (text, label) rows of a query, chooses alpha and calibrates the probabilities on a held-out tenth of the rows, and stores it in diplomat.topic_models, replacing a model of that name the caller owns';

DROP FUNCTION diplomat.train_topics(name, text, integer, double precision);
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

COMMENT ON COLUMN diplomat.topic_models.method IS
'learning method: multinomial naive bayes or logistic regression';
COMMENT ON COLUMN diplomat.topic_models.alpha IS
'naive Bayes: additive (Lidstone) smoothing constant, 1 is Laplace smoothing; logistic regression: L2 penalty';
COMMENT ON COLUMN diplomat.topic_models.params IS
'non-zero counts (naive Bayes) or weights (logistic regression) per bucket and label, in a portable binary format (see doc/train.md)';


-- ---------------------------------------------------------------------
-- Named rules: mentions() and events() say which rule made each mention
-- and event; the word lists the rules use are lexicon classes, some with
-- a value (the number of a month, the CAMEO role of an organisation word).
-- ---------------------------------------------------------------------
ALTER TABLE diplomat.lexicon ADD COLUMN value text;
ALTER TABLE diplomat.lexicon DROP CONSTRAINT lexicon_class_check;
ALTER TABLE diplomat.lexicon ADD CONSTRAINT lexicon_class_check
    CHECK (class IN (@LEXICON_CLASSES@));
COMMENT ON TABLE diplomat.lexicon IS
'word classes used by the recogniser, the event coder and the date reader: common words, given names, surnames, name cues and the words their rules look for';
COMMENT ON COLUMN diplomat.lexicon.value IS
'the value some classes give a word: the number of a month (DATE_MONTH) or weekday (DATE_WEEKDAY), the CAMEO role of an organisation word (ORG_ROLE)';

DROP FUNCTION diplomat.mentions(text, date);
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

ALTER TYPE diplomat.event ADD ATTRIBUTE rule text;
COMMENT ON TYPE diplomat.event IS
'one CAMEO-coded event: source and target actors, event code, names, place, date, sentence and character span, Goldstein score, QuadClass, the pattern that fired and the rules that coded it';
-- What the dictionaries cover: a country -> UN M49 region table, the
-- coverage per region, and dictionary_info() with the years and regions
-- (new OUT columns: the function is dropped and created again)
-- ---------------------------------------------------------------------
-- Reference data, not a dictionary: the UN M49 region of every country
-- code the dictionaries accept (data/cameo/regions.tsv), for reports of
-- what the dictionaries cover.  Each version of the extension installs its
-- rows; they are not dumped, and only the extension's owner may change them.
CREATE TABLE diplomat.country_regions (
    code        text PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
    m49         text CHECK (m49 ~ '^[0-9]{3}$'),
    name        text NOT NULL,
    region      text,
    subregion   text,
    intermediate_region text,
    status      text NOT NULL CHECK (status IN ('current', 'former', 'cameo')),
    note        text
);
COMMENT ON TABLE diplomat.country_regions IS
'UN M49 region, sub-region and intermediate region of every ISO 3166-1 code, former state (ISO 3166-3) and CAMEO country code (reference data)';
GRANT SELECT ON diplomat.country_regions TO PUBLIC;

-- What the dictionary tables cover, per M49 region and sub-region.
CREATE FUNCTION diplomat.dictionary_coverage(OUT region text, OUT subregion text,
    OUT countries integer, OUT with_offices integer, OUT with_people integer,
    OUT with_organisations integer, OUT offices integer, OUT people integer,
    OUT organisations integer, OUT offices_from date, OUT offices_to date)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT r.region, r.subregion,
       pg_catalog.count(*) FILTER (WHERE r.status OPERATOR(pg_catalog.<>) 'cameo')::integer,
       pg_catalog.count(o.n)::integer, pg_catalog.count(g.people)::integer,
       pg_catalog.count(g.organisations)::integer,
       COALESCE(pg_catalog.sum(o.n), 0)::integer,
       COALESCE(pg_catalog.sum(g.people), 0)::integer,
       COALESCE(pg_catalog.sum(g.organisations), 0)::integer,
       pg_catalog.min(o.first), pg_catalog.max(o.last)
  FROM diplomat.country_regions r
  LEFT JOIN (SELECT x.country, pg_catalog.count(*) AS n, pg_catalog.min(x.start_date) AS first,
                    pg_catalog.max(GREATEST(x.start_date, x.end_date)) AS last
               FROM diplomat.offices x GROUP BY x.country) o
    ON o.country OPERATOR(pg_catalog.=) r.code
  LEFT JOIN (SELECT x.country,
                    NULLIF(pg_catalog.count(*) FILTER (WHERE x.kind OPERATOR(pg_catalog.=) 'PER'), 0) AS people,
                    NULLIF(pg_catalog.count(*) FILTER (WHERE x.kind OPERATOR(pg_catalog.=) 'ORG'), 0) AS organisations
               FROM diplomat.gazetteer x GROUP BY x.country) g
    ON g.country OPERATOR(pg_catalog.=) r.code
 WHERE r.region IS NOT NULL
 GROUP BY r.region, r.subregion
 ORDER BY r.region, r.subregion
$$;
COMMENT ON FUNCTION diplomat.dictionary_coverage() IS
'what the dictionary tables cover per UN M49 region and sub-region: countries, those with office holders, people and organisations, their numbers, and the dates of the offices';

DROP FUNCTION diplomat.dictionary_info();
CREATE FUNCTION diplomat.dictionary_info(OUT entities integer, OUT offices integer,
    OUT roles integer, OUT patterns integer, OUT topics integer, OUT words integer,
    OUT trie_nodes integer, OUT image_bytes integer, OUT source text, OUT checksum text,
    OUT offices_from date, OUT offices_to date, OUT valid_from date, OUT valid_to date,
    OUT regions jsonb)
RETURNS record
AS 'MODULE_PATHNAME', 'dip_dictionary_info'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.dictionary_info() IS
'size of the dictionaries this session uses, whether they came from the stored image or were compiled from the tables, and a checksum of the compiled image (equal on servers with the same dictionaries); the years (office dates, validity dates) and, per UN M49 region, the countries the tables cover';

-- ---------------------------------------------------------------------
-- Actor codes split as GDELT does; the CAMEO to PLOVER map
-- ---------------------------------------------------------------------
-- GDELT's split of an actor code into country, known group, religions and
-- types (Actor1CountryCode, Actor1KnownGroupCode, ...).  The code lists are
-- CAMEO's (data/cameo/roles.tsv, and the religion codes of its actor
-- dictionaries).
CREATE FUNCTION diplomat.actor_parts(code diplomat.actor,
    OUT country text, OUT known_group text, OUT religion1 text, OUT religion2 text,
    OUT type1 text, OUT type2 text, OUT type3 text)
RETURNS record
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    s text := code::text;
    c text;
    religions text[] := '{}';
    types text[] := '{}';
BEGIN
    FOR i IN 0 .. pg_catalog.length(s) / 3 - 1 LOOP
        c := pg_catalog.substr(s, 3 * i + 1, 3);
        IF i = 0 AND diplomat.actor_country(code) IS NOT NULL THEN
            country := c;
        ELSIF country IS NULL AND c = ANY ('{AFR,ASA,BLK,CAS,CAU,CEU,CFR,CRB,EAF,EEU,EIN,EUR,LAM,MDT,MEA,NAF,NMR,PGS,SAF,SAM,SAS,SCN,SEA,WAF,WST}'::text[]) THEN
            -- a region stands for the country (GDELT codes the EU's bodies EUR)
            country := c;
        ELSIF c = ANY ('{ALE,ATH,BAH,BUD,CHR,CON,CPT,CTH,DOX,DRZ,HIN,ITR,JAN,JEW,LDS,MOS,ORT,PRO,REL,SFI,SHI,SHN,SIK,SUN,TAO,ZRO}'::text[]) THEN
            religions := religions || c;
        ELSIF c = ANY ('{COP,GOV,INS,JUD,MIL,OPP,PTY,REB,SEP,SPY,UAF,AGR,BUS,CRM,CVL,DEV,EDU,ELI,ENV,HLH,HRI,LAB,LEG,MED,REF,MOD,RAD,IGO,IMG,INT,MNC,NGM,NGO,UIS,PKO}'::text[]) THEN
            types := types || c;
        ELSIF known_group IS NULL THEN
            -- any other code names an organisation (UNO, EEC, NATO's NAT...)
            known_group := c;
        END IF;
    END LOOP;
    religion1 := religions[1];
    religion2 := religions[2];
    type1 := types[1];
    type2 := types[2];
    type3 := types[3];
END
$$;

COMMENT ON FUNCTION diplomat.actor_parts(diplomat.actor) IS
'an actor code split as GDELT does: country (or region), known group, religions and up to three type (role) codes (''USAGOV'' -> USA, GOV; ''IGOUNO'' -> known group UNO, type IGO)';

-- PLOVER, the successor of CAMEO's event ontology: reference data
-- (data/cameo/plover.tsv), installed by each version, not dumped.
CREATE TABLE diplomat.cameo_plover (
    code        text PRIMARY KEY CHECK (code ~ '^[0-9]{2,4}$'),
    event       text NOT NULL,
    mode        text,
    context     text
);
COMMENT ON TABLE diplomat.cameo_plover IS
'the CAMEO to PLOVER map: PLOVER event type, mode and context of a CAMEO code (reference data)';
GRANT SELECT ON diplomat.cameo_plover TO PUBLIC;

CREATE FUNCTION diplomat.plover(code diplomat.cameo)
RETURNS text
AS 'MODULE_PATHNAME', 'cameo_plover'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.plover(diplomat.cameo) IS
'the PLOVER event type of a CAMEO code, or of its nearest ancestor in the map; NULL for the codes PLOVER leaves out (01, 02)';

-- ---------------------------------------------------------------------
-- GDELT 2.0 export: the event table and the mentions table of a table of
-- articles, in GDELT's columns (named as GDELT names them, in lower case).
-- ---------------------------------------------------------------------

-- A stable event id: the same (date, source, target, code) gives the same
-- id in every database, run and table (63 bits of a SHA-256 of the key).
CREATE FUNCTION diplomat.gdelt_event_id(event_date date, source diplomat.actor,
    target diplomat.actor, code diplomat.cameo)
RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT ('x' || pg_catalog.encode(pg_catalog.substr(pg_catalog.sha256((
            COALESCE((event_date - '2000-01-01'::date)::text, '') || '|' ||
            COALESCE(source::text, '') || '|' ||
            COALESCE(target::text, '') || '|' ||
            COALESCE(code::text, ''))::bytea), 1, 8), 'hex'))::bit(64)::bigint
       & 9223372036854775807
$$;
COMMENT ON FUNCTION diplomat.gdelt_event_id(date, diplomat.actor, diplomat.actor, diplomat.cameo) IS
'the GlobalEventID of gdelt_events(): a positive bigint derived from the date, source, target and code only, the same in every run and database';

-- The events of every article of a table, with what the export needs of
-- the article: one row per event and sentence (internal).
CREATE FUNCTION diplomat.gdelt_article_events(articles regclass, id_column name,
    body_column name, published_column name, url_column name, source_column name)
RETURNS TABLE (article text, published timestamp, url text, outlet text,
    doc_len integer, lead_end integer, ev diplomat.event)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    col name;
BEGIN
    IF articles IS NULL OR id_column IS NULL OR body_column IS NULL THEN
        RAISE EXCEPTION 'the table of articles, its id column and its body column must not be NULL'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    FOREACH col IN ARRAY ARRAY[id_column, body_column, published_column, url_column, source_column] LOOP
        IF col IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                                            WHERE a.attrelid = articles AND a.attname = col
                                              AND a.attnum > 0 AND NOT a.attisdropped) THEN
            RAISE EXCEPTION 'column "%" of relation % does not exist', col, articles
                USING ERRCODE = 'undefined_column';
        END IF;
    END LOOP;
    -- lead_end: the last sentence of the lead, the paragraph of the first
    -- sentence of text (GDELT's IsRootEvent: reported in the lead)
    RETURN QUERY EXECUTE pg_catalog.format(
        'SELECT t.%1$I::text, %3$s, %4$s, %5$s, pg_catalog.length(t.%2$I)::integer, l.lead_end, e '
        '  FROM %6$s t '
        ' CROSS JOIN LATERAL (SELECT pg_catalog.max(x.sentence) FILTER (WHERE x.paragraph = x.lead) AS lead_end '
        '                       FROM (SELECT s.sentence, s.paragraph, '
        '                                    pg_catalog.min(s.paragraph) FILTER (WHERE s.kind = ''text'') OVER () AS lead '
        '                               FROM diplomat.sentences(t.%2$I) s) x) l '
        ' CROSS JOIN LATERAL diplomat.events(t.%2$I, %7$s) e',
        id_column, body_column,
        CASE WHEN published_column IS NULL THEN 'NULL::timestamp'
             ELSE pg_catalog.format('t.%I::timestamp', published_column) END,
        CASE WHEN url_column IS NULL THEN 'NULL::text'
             ELSE pg_catalog.format('t.%I::text', url_column) END,
        CASE WHEN source_column IS NULL THEN 'NULL::text'
             ELSE pg_catalog.format('t.%I::text', source_column) END,
        articles,
        CASE WHEN published_column IS NULL THEN 'NULL::date'
             ELSE pg_catalog.format('t.%I::date', published_column) END);
END
$$;
COMMENT ON FUNCTION diplomat.gdelt_article_events(regclass, name, name, name, name, name) IS
'the events of every article of a table, with the article''s id, date, URL, source, length and lead, for gdelt_events() and gdelt_mentions() (internal)';

CREATE FUNCTION diplomat.gdelt_events(articles regclass, id_column name DEFAULT 'id',
    body_column name DEFAULT 'body', published_column name DEFAULT 'published',
    url_column name DEFAULT NULL, source_column name DEFAULT NULL)
RETURNS TABLE (globaleventid bigint, day integer, monthyear integer, year integer,
    fractiondate double precision,
    actor1code diplomat.actor, actor1name text, actor1countrycode text,
    actor1knowngroupcode text, actor1ethniccode text, actor1religion1code text,
    actor1religion2code text, actor1type1code text, actor1type2code text, actor1type3code text,
    actor2code diplomat.actor, actor2name text, actor2countrycode text,
    actor2knowngroupcode text, actor2ethniccode text, actor2religion1code text,
    actor2religion2code text, actor2type1code text, actor2type2code text, actor2type3code text,
    isrootevent integer, eventcode diplomat.cameo, eventbasecode diplomat.cameo,
    eventrootcode diplomat.cameo, quadclass integer, goldsteinscale double precision,
    nummentions integer, numsources integer, numarticles integer, avgtone double precision,
    actor1geo_type integer, actor1geo_fullname text, actor1geo_countrycode text,
    actor1geo_adm1code text, actor1geo_adm2code text, actor1geo_lat double precision,
    actor1geo_long double precision, actor1geo_featureid text,
    actor2geo_type integer, actor2geo_fullname text, actor2geo_countrycode text,
    actor2geo_adm1code text, actor2geo_adm2code text, actor2geo_lat double precision,
    actor2geo_long double precision, actor2geo_featureid text,
    actiongeo_type integer, actiongeo_fullname text, actiongeo_countrycode text,
    actiongeo_adm1code text, actiongeo_adm2code text, actiongeo_lat double precision,
    actiongeo_long double precision, actiongeo_featureid text,
    dateadded bigint, sourceurl text)
LANGUAGE sql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
WITH m AS (
    SELECT r.article, r.published, r.url, r.outlet, r.lead_end, (r.ev).*
      FROM diplomat.gdelt_article_events($1, $2, $3, $4, $5, $6) r
), g AS (
    -- one event per date, source, target and code; its names and place
    -- from the first report that gives them
    SELECT m.event_date, m.source, m.target, m.code,
           pg_catalog.count(*) AS mentions,
           pg_catalog.count(DISTINCT m.outlet) AS sources,
           pg_catalog.count(DISTINCT m.article) AS articles,
           pg_catalog.bool_or(m.sentence <= m.lead_end) AS root,
           (pg_catalog.array_agg(m.source_name ORDER BY m.published, m.article, m.sentence)
                FILTER (WHERE m.source_name IS NOT NULL))[1] AS source_name,
           (pg_catalog.array_agg(m.target_name ORDER BY m.published, m.article, m.sentence)
                FILTER (WHERE m.target_name IS NOT NULL))[1] AS target_name,
           (pg_catalog.array_agg(m.location ORDER BY m.published, m.article, m.sentence)
                FILTER (WHERE m.location IS NOT NULL))[1] AS location,
           (pg_catalog.array_agg(m.location_country ORDER BY m.published, m.article, m.sentence)
                FILTER (WHERE m.location IS NOT NULL))[1] AS location_country,
           (pg_catalog.array_agg(m.url ORDER BY m.published, m.article, m.sentence)
                FILTER (WHERE m.url IS NOT NULL))[1] AS url,
           pg_catalog.min(m.published) AS first_published
      FROM m
     GROUP BY m.event_date, m.source, m.target, m.code
)
SELECT diplomat.gdelt_event_id(g.event_date, g.source, g.target, g.code),
       (EXTRACT(year FROM g.event_date) * 10000 + EXTRACT(month FROM g.event_date) * 100
        + EXTRACT(day FROM g.event_date))::integer,
       (EXTRACT(year FROM g.event_date) * 100 + EXTRACT(month FROM g.event_date))::integer,
       EXTRACT(year FROM g.event_date)::integer,
       pg_catalog.round(EXTRACT(year FROM g.event_date)
             + (EXTRACT(doy FROM g.event_date) - 1)
               / EXTRACT(doy FROM pg_catalog.make_date(EXTRACT(year FROM g.event_date)::integer, 12, 31)),
             4)::double precision,
       g.source, g.source_name, s.country, s.known_group, NULL::text, s.religion1, s.religion2,
       s.type1, s.type2, s.type3,
       g.target, g.target_name, t.country, t.known_group, NULL::text, t.religion1, t.religion2,
       t.type1, t.type2, t.type3,
       CASE WHEN g.root THEN 1 ELSE 0 END,
       g.code,
       CASE WHEN diplomat.cameo_depth(g.code) = 4 THEN pg_catalog.left(g.code::text, 3)::diplomat.cameo ELSE g.code END,
       diplomat.cameo_root(g.code), diplomat.quad_class(g.code), diplomat.goldstein(g.code),
       g.mentions::integer, CASE WHEN $6 IS NULL THEN NULL ELSE g.sources::integer END,
       g.articles::integer, NULL::double precision,
       NULL::integer, NULL::text, NULL::text, NULL::text, NULL::text, NULL::double precision, NULL::double precision, NULL::text,
       NULL::integer, NULL::text, NULL::text, NULL::text, NULL::text, NULL::double precision, NULL::double precision, NULL::text,
       NULL::integer, g.location, g.location_country, NULL::text, NULL::text, NULL::double precision, NULL::double precision, NULL::text,
       pg_catalog.to_char(g.first_published, 'YYYYMMDDHH24MISS')::bigint,
       g.url
  FROM g
  LEFT JOIN LATERAL diplomat.actor_parts(g.source) s ON true
  LEFT JOIN LATERAL diplomat.actor_parts(g.target) t ON true
 ORDER BY g.event_date, g.source, g.target, g.code
$$;
COMMENT ON FUNCTION diplomat.gdelt_events(regclass, name, name, name, name, name) IS
'the events of a table of articles in the columns of GDELT 2.0''s event table, one row per date, source, target and code with its numbers of mentions and articles';

CREATE FUNCTION diplomat.gdelt_mentions(articles regclass, id_column name DEFAULT 'id',
    body_column name DEFAULT 'body', published_column name DEFAULT 'published',
    url_column name DEFAULT NULL, source_column name DEFAULT NULL)
RETURNS TABLE (globaleventid bigint, eventtimedate bigint, mentiontimedate bigint,
    mentiontype integer, mentionsourcename text, mentionidentifier text, sentenceid integer,
    actor1charoffset integer, actor2charoffset integer, actioncharoffset integer,
    inrawtext integer, confidence integer, mentiondoclen integer, mentiondoctone double precision,
    mentiondoctranslationinfo text, extras text)
LANGUAGE sql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
SELECT diplomat.gdelt_event_id((r.ev).event_date, (r.ev).source, (r.ev).target, (r.ev).code),
       pg_catalog.to_char(pg_catalog.min(r.published) OVER (PARTITION BY (r.ev).event_date, (r.ev).source,
                                                             (r.ev).target, (r.ev).code),
                          'YYYYMMDDHH24MISS')::bigint,
       pg_catalog.to_char(r.published, 'YYYYMMDDHH24MISS')::bigint,
       CASE WHEN r.url IS NULL THEN 2 ELSE 1 END,
       r.outlet, COALESCE(r.url, r.article), (r.ev).sentence,
       -1, -1, (r.ev).start - 1, 1, pg_catalog.round((r.ev).confidence * 100)::integer, r.doc_len,
       NULL::double precision, NULL::text, NULL::text
  FROM diplomat.gdelt_article_events($1, $2, $3, $4, $5, $6) r
 ORDER BY 1, r.published, r.article, (r.ev).sentence
$$;
COMMENT ON FUNCTION diplomat.gdelt_mentions(regclass, name, name, name, name, name) IS
'the mentions of gdelt_events() in the columns of GDELT 2.0''s mentions table: one row per event reported in a sentence of an article, with the article''s URL or id';

-- ---------------------------------------------------------------------
-- Events: no-event patterns (code ---, TABARI's null code), which win
-- their overlap and code nothing.
-- ---------------------------------------------------------------------
ALTER TABLE diplomat.patterns DROP CONSTRAINT patterns_code_check;
ALTER TABLE diplomat.patterns ADD CONSTRAINT patterns_code_check
    CHECK (code ~ '^([0-9]{2,4}|---)$');
COMMENT ON TABLE diplomat.patterns IS
'CAMEO event patterns: code (or --- for a pattern that codes nothing) and a pattern of words, {verb} forms, * gaps, $ source and + target';

-- Events: a confidence and a PLOVER type on every event; events() can
-- leave out bare statements and the events below a confidence (a new
-- form with two more arguments; events(doc, published) stays as it was).
ALTER TYPE diplomat.event ADD ATTRIBUTE confidence double precision;
ALTER TYPE diplomat.event ADD ATTRIBUTE plover text;
COMMENT ON TYPE diplomat.event IS
'one CAMEO-coded event: source and target actors, event code, names, place, date, sentence and character span, Goldstein score, QuadClass, the pattern that fired, the rules that coded it, its confidence and PLOVER event type';
CREATE FUNCTION diplomat.events(doc text, published date, statements boolean,
    min_confidence double precision DEFAULT 0)
RETURNS SETOF diplomat.event
AS 'MODULE_PATHNAME', 'dip_events'
LANGUAGE C IMMUTABLE PARALLEL SAFE
ROWS 10;
COMMENT ON FUNCTION diplomat.events(text, date, boolean, double precision) IS
'the CAMEO-coded events of a document, as events(doc, published); statements => false leaves out bare statements, min_confidence the events less certain';
