-- ---------------------------------------------------------------------
-- Dictionaries: plain tables, filled with builtin rows at CREATE
-- EXTENSION, editable with INSERT/UPDATE/DELETE, kept by pg_dump (user
-- rows and removals of builtin rows), compiled into one automaton image.
-- The lists @LIKE_THIS@ are filled in at build time from the engine's
-- definitions (src/engine/dip_dict.h, tools/sql-lists.c).
-- ---------------------------------------------------------------------

CREATE TABLE diplomat.gazetteer (
    kind        text NOT NULL CHECK (kind IN (@GAZETTEER_KINDS@)),
    name        text NOT NULL CHECK (name <> '' AND length(name) <= 200),
    country     text CHECK (country ~ '^[A-Z]{3}$'),
    actor       text CHECK (actor ~ '^([A-Z]{3}){1,6}$'),
    aliases     text[] NOT NULL DEFAULT '{}',
    valid_from  date,
    valid_to    date,
    note        text,
    builtin     boolean NOT NULL DEFAULT false,
    UNIQUE (kind, name, builtin)
);
COMMENT ON TABLE diplomat.gazetteer IS
'entities the recogniser knows: kind, canonical name, ISO country, CAMEO actor code and aliases';

CREATE TABLE diplomat.offices (
    person      text NOT NULL,
    office      text NOT NULL CHECK (office IN (@OFFICES@)),
    title       text,
    country     text CHECK (country ~ '^[A-Z]{3}$'),
    actor       text CHECK (actor ~ '^([A-Z]{3}){1,6}$'),
    start_date  date,
    end_date    date,
    note        text,
    builtin     boolean NOT NULL DEFAULT false,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    UNIQUE (person, office, country, start_date, builtin)
);
COMMENT ON TABLE diplomat.offices IS
'offices held by gazetteer people, with dates: the actor code of a person at a publication date';

CREATE TABLE diplomat.roles (
    term        text NOT NULL CHECK (term <> ''),
    role        text CHECK (role ~ '^[A-Z]{3}$'),
    use         text NOT NULL CHECK (use IN ('title', 'agent', 'both')),
    office      text,
    country     text CHECK (country ~ '^[A-Z]{3}$'),
    note        text,
    builtin     boolean NOT NULL DEFAULT false,
    UNIQUE (term, builtin)
);
COMMENT ON TABLE diplomat.roles IS
'titles ("foreign minister") and agents ("troops") with their CAMEO role code';

CREATE TABLE diplomat.lexicon (
    word        text NOT NULL CHECK (word <> ''),
    class       text NOT NULL CHECK (class IN (@LEXICON_CLASSES@)),
    builtin     boolean NOT NULL DEFAULT false,
    value       text,
    UNIQUE (word, class, builtin)
);
COMMENT ON TABLE diplomat.lexicon IS
'word classes used by the recogniser, the event coder and the date reader: common words, given names, surnames, name cues and the words their rules look for';
COMMENT ON COLUMN diplomat.lexicon.value IS
'the value some classes give a word: the number of a month (DATE_MONTH) or weekday (DATE_WEEKDAY), the CAMEO role of an organisation word (ORG_ROLE)';

CREATE TABLE diplomat.verbs (
    lemma           text NOT NULL,
    third_person    text NOT NULL,
    past            text NOT NULL,
    past_participle text NOT NULL,
    gerund          text NOT NULL,
    builtin         boolean NOT NULL DEFAULT false,
    UNIQUE (lemma, builtin)
);
COMMENT ON TABLE diplomat.verbs IS
'verb forms used by {lemma} elements of event patterns';

CREATE TABLE diplomat.patterns (
    code        text NOT NULL CHECK (code ~ '^([0-9]{2,4}|---)$'),
    pattern     text NOT NULL CHECK (pattern <> ''),
    note        text,
    builtin     boolean NOT NULL DEFAULT false,
    UNIQUE (pattern, builtin)
);
COMMENT ON TABLE diplomat.patterns IS
'CAMEO event patterns: code (or --- for a pattern that codes nothing) and a pattern of words, {verb} forms, * gaps, $ source and + target';

CREATE TABLE diplomat.topic_defs (
    key         text NOT NULL CHECK (key ~ '^[a-z0-9_]{1,63}$'),
    label       text NOT NULL,
    parent      text,
    iptc        text,
    description text,
    builtin     boolean NOT NULL DEFAULT false,
    UNIQUE (key, builtin)
);
COMMENT ON TABLE diplomat.topic_defs IS
'the topic taxonomy: key, label, parent topic, IPTC Media Topic code';

CREATE TABLE diplomat.topic_terms (
    topic       text NOT NULL,
    term        text NOT NULL CHECK (term <> ''),
    weight      real NOT NULL CHECK (weight > 0 AND weight <= 100),
    builtin     boolean NOT NULL DEFAULT false,
    UNIQUE (topic, term, builtin)
);
COMMENT ON TABLE diplomat.topic_terms IS
'weighted topic evidence: words and phrases, or entity keys such as GPE:Taiwan';

CREATE TABLE diplomat.dictionary_removed (
    tbl         text NOT NULL,
    key         text NOT NULL,
    PRIMARY KEY (tbl, key)
);
COMMENT ON TABLE diplomat.dictionary_removed IS
'builtin dictionary rows the user deleted or changed, so that a dump and restore keeps the change';

CREATE TABLE diplomat.dictionary_image (
    id          integer PRIMARY KEY CHECK (id = 1),
    built_at    timestamptz NOT NULL,
    format      integer NOT NULL,
    image       bytea NOT NULL
);
ALTER TABLE diplomat.dictionary_image ALTER COLUMN image SET STORAGE EXTERNAL;
COMMENT ON TABLE diplomat.dictionary_image IS
'the dictionaries compiled into one automaton image, rebuilt after every change (internal)';

-- Anyone may read the dictionaries (extraction compiles from them when the
-- stored image was written by another version); writing them is for the
-- extension's owner, who may grant INSERT, UPDATE, DELETE and TRUNCATE on
-- the dictionary tables to editors.  dictionary_removed and
-- dictionary_image are written only by the triggers below.
GRANT SELECT ON diplomat.gazetteer, diplomat.offices, diplomat.roles, diplomat.lexicon,
    diplomat.verbs, diplomat.patterns, diplomat.topic_defs, diplomat.topic_terms,
    diplomat.dictionary_removed, diplomat.dictionary_image TO PUBLIC;

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

-- The key identifying a dictionary row across builtin and user versions.
CREATE FUNCTION diplomat.dictionary_key(tbl text, r jsonb)
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
COMMENT ON FUNCTION diplomat.dictionary_key(text, jsonb) IS
'the key identifying a dictionary row across builtin and user versions (internal)';

-- Rows that users insert or change are theirs: pg_dump keeps them.
CREATE FUNCTION diplomat.dictionary_row_trigger()
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

-- Statement triggers: serialise editors, record changed and deleted builtin
-- rows in dictionary_removed, delete builtin rows that a user row or a
-- removal replaces, recompile the image and tell every session to reload.
-- SECURITY DEFINER: an editor granted INSERT on a dictionary table needs no
-- privilege on dictionary_removed or dictionary_image.
CREATE FUNCTION diplomat.dictionary_changed()
RETURNS trigger
AS 'MODULE_PATHNAME', 'dip_dictionary_changed'
LANGUAGE C
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp;
REVOKE EXECUTE ON FUNCTION diplomat.dictionary_changed() FROM PUBLIC;
COMMENT ON FUNCTION diplomat.dictionary_changed() IS
'keeps the dictionary tables and the compiled image in step after a change and tells every session to reload it (internal)';

-- Changes applied by logical replication (a subscriber's apply worker runs
-- with session_replication_role = replica) fire no statement trigger: this
-- trigger, enabled for replica sessions only, deletes the builtin rows that
-- replicated removals name and recompiles the image once per transaction.
CREATE FUNCTION diplomat.dictionary_replicated()
RETURNS trigger
AS 'MODULE_PATHNAME', 'dip_dictionary_replicated'
LANGUAGE C
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp;
REVOKE EXECUTE ON FUNCTION diplomat.dictionary_replicated() FROM PUBLIC;
COMMENT ON FUNCTION diplomat.dictionary_replicated() IS
'recompiles the image, once per transaction, after dictionary changes applied by logical replication (internal)';

CREATE FUNCTION diplomat.dictionary_rebuild(OUT entities integer, OUT aliases integer,
    OUT offices integer, OUT patterns integer, OUT topics integer, OUT terms integer,
    OUT words integer, OUT image_bytes integer, OUT rejected integer)
RETURNS record
AS 'MODULE_PATHNAME', 'dip_dictionary_rebuild'
LANGUAGE C VOLATILE PARALLEL UNSAFE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp;
REVOKE EXECUTE ON FUNCTION diplomat.dictionary_rebuild() FROM PUBLIC;
COMMENT ON FUNCTION diplomat.dictionary_rebuild() IS
'recompiles the dictionaries from their tables into the stored image and reports their size (the extension owner''s, or granted)';

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

-- Stored values reflect the dictionaries of their time (as a stored
-- tsvector reflects its text search configuration): after a dictionary
-- change, ALTER EXTENSION diplomat UPDATE or a pg_restore, this recomputes
-- them.
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
