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
    value       text,
    builtin     boolean NOT NULL DEFAULT false,
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
    code        text NOT NULL CHECK (code ~ '^[0-9]{2,4}$'),
    pattern     text NOT NULL CHECK (pattern <> ''),
    note        text,
    builtin     boolean NOT NULL DEFAULT false,
    UNIQUE (pattern, builtin)
);
COMMENT ON TABLE diplomat.patterns IS
'CAMEO event patterns: code and a pattern of words, {verb} forms, * gaps, $ source and + target';

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

-- The rows the compiler reads: user rows, and builtin rows that neither a
-- user row with the same key nor a removal overrides.
CREATE FUNCTION diplomat.dictionary_key(tbl text, r jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT CASE tbl
    WHEN 'gazetteer' THEN (r OPERATOR(pg_catalog.->>) 'kind') OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) (r OPERATOR(pg_catalog.->>) 'name')
    WHEN 'offices' THEN (r OPERATOR(pg_catalog.->>) 'person') OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) (r OPERATOR(pg_catalog.->>) 'office') OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) coalesce(r OPERATOR(pg_catalog.->>) 'country', '') OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) coalesce(r OPERATOR(pg_catalog.->>) 'start_date', '')
    WHEN 'roles' THEN r OPERATOR(pg_catalog.->>) 'term'
    WHEN 'lexicon' THEN (r OPERATOR(pg_catalog.->>) 'word') OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) (r OPERATOR(pg_catalog.->>) 'class')
    WHEN 'verbs' THEN r OPERATOR(pg_catalog.->>) 'lemma'
    WHEN 'patterns' THEN r OPERATOR(pg_catalog.->>) 'pattern'
    WHEN 'topic_defs' THEN r OPERATOR(pg_catalog.->>) 'key'
    WHEN 'topic_terms' THEN (r OPERATOR(pg_catalog.->>) 'topic') OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) (r OPERATOR(pg_catalog.->>) 'term')
END
$$;
COMMENT ON FUNCTION diplomat.dictionary_key(text, jsonb) IS
'the key identifying a dictionary row across builtin and user versions (internal)';

-- Builtin rows that the user changed or deleted are remembered, and
-- changed rows become user rows, so pg_dump (which dumps only user rows
-- and removals) and a restore give the same dictionaries.
CREATE FUNCTION diplomat.dictionary_row_trigger()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.builtin := false;
        RETURN NEW;
    END IF;
    IF OLD.builtin THEN
        INSERT INTO diplomat.dictionary_removed (tbl, key)
        VALUES (TG_TABLE_NAME, diplomat.dictionary_key(TG_TABLE_NAME, to_jsonb(OLD)))
        ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        NEW.builtin := false;
        RETURN NEW;
    END IF;
    RETURN OLD;
END
$$;
COMMENT ON FUNCTION diplomat.dictionary_row_trigger() IS
'keeps builtin dictionary rows intact across dump and restore when users change them (internal)';

CREATE FUNCTION diplomat.dictionary_changed()
RETURNS trigger
AS 'MODULE_PATHNAME', 'dip_dictionary_changed'
LANGUAGE C;
COMMENT ON FUNCTION diplomat.dictionary_changed() IS
'recompiles the dictionary image after a change and tells every session to reload it (internal)';

CREATE FUNCTION diplomat.dictionary_rebuild(OUT entities integer, OUT aliases integer,
    OUT offices integer, OUT patterns integer, OUT topics integer, OUT terms integer,
    OUT words integer, OUT image_bytes integer, OUT rejected integer)
RETURNS record
AS 'MODULE_PATHNAME', 'dip_dictionary_rebuild'
LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION diplomat.dictionary_rebuild() IS
'recompiles the dictionaries from their tables into the stored image and reports their size';

CREATE FUNCTION diplomat.dictionary_info(OUT entities integer, OUT offices integer,
    OUT roles integer, OUT patterns integer, OUT topics integer, OUT words integer,
    OUT trie_nodes integer, OUT image_bytes integer, OUT source text)
RETURNS record
AS 'MODULE_PATHNAME', 'dip_dictionary_info'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.dictionary_info() IS
'size of the dictionaries this session uses, and whether they came from the stored image or were compiled from the tables';
