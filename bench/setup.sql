-- bench/setup.sql: the benchmark database's helpers (schema bench).
--
-- Run once on a new database by bench/run.sh.  Everything the benchmark
-- measures is timed inside the server with clock_timestamp() around an
-- EXECUTE, so client round trips and result transfer are not counted.
SET client_min_messages = warning;
CREATE EXTENSION diplomat;

-- Point the extension's C functions at bench/run.sh's snapshot of the
-- library (variable lib), so that a reinstall during the run cannot mix
-- two builds.  This is a throwaway database.
UPDATE pg_proc SET probin = :'lib'
 WHERE probin = '$libdir/diplomat'
   AND oid IN (SELECT objid FROM pg_depend
                WHERE classid = 'pg_proc'::regclass AND deptype = 'e'
                  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'diplomat'));
CREATE SCHEMA bench;

-- One row per measurement: a section, a metric, the contender measured,
-- the corpus multiple (scale section) and the round it came from.
CREATE TABLE bench.runs (
    section   text NOT NULL,
    metric    text NOT NULL,
    contender text NOT NULL,
    size      integer NOT NULL DEFAULT 0,
    round     integer NOT NULL DEFAULT 0,
    value     float8,
    at        timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Facts about the run: row counts, bytes, chosen queries, plans checked.
CREATE TABLE bench.facts (key text PRIMARY KEY, value text);

-- The raw corpora, one JSON line each (filled by bench/run.sh with \copy).
CREATE TABLE bench.raw (corpus text, line text);

-- Milliseconds taken by one statement, run to completion with EXECUTE.
CREATE FUNCTION bench.ms(q text) RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz;
BEGIN
    t0 := clock_timestamp();
    EXECUTE q;
    RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;

-- The EXPLAIN output of a statement as jsonb (with ANALYZE and BUFFERS
-- when asked).
CREATE FUNCTION bench.plan(q text, do_analyze boolean DEFAULT false) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    j json;
BEGIN
    EXECUTE format('EXPLAIN (FORMAT JSON, ANALYZE %s, BUFFERS %s, TIMING OFF) %s',
                   do_analyze::text, do_analyze::text, q) INTO j;
    RETURN j::jsonb;
END $$;

-- Records one measurement.
CREATE FUNCTION bench.record(p_section text, p_metric text, p_contender text,
                             p_size integer, p_round integer, p_value float8)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO bench.runs (section, metric, contender, size, round, value)
    VALUES (p_section, p_metric, p_contender, p_size, p_round, p_value);
$$;

-- Records (or replaces) one fact.
CREATE FUNCTION bench.fact(p_key text, p_value text) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO bench.facts VALUES (p_key, p_value)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;
$$;

-- Sets a configuration parameter for the rest of the session.
CREATE FUNCTION bench.set(name text, value text) RETURNS void
LANGUAGE sql AS $$ SELECT set_config(name, value, false); $$;

-- The contenders rotated so that round r starts with the r-th one: each
-- contender runs first, second, ... equally often across rounds.
CREATE FUNCTION bench.rotate(items text[], r integer) RETURNS SETOF text
LANGUAGE sql AS $$
    SELECT items[1 + (i - 1 + r - 1) % cardinality(items)]
      FROM generate_series(1, cardinality(items)) i;
$$;

-- How to call diplomat.<fname> on a row of news (n.body and, when the
-- function takes a date second, n.published), or NULL when the extension
-- does not have it (yet): the function is looked up in the catalogue, so
-- a build without to_topics() or events() is reported as n/a.
CREATE FUNCTION bench.call_expr(fname text, OUT expr text, OUT retset boolean,
                                OUT rettype regtype, OUT immutable boolean)
LANGUAGE plpgsql AS $$
DECLARE
    p record;
    supplied integer;
BEGIN
    SELECT pr.oid, pr.pronargs, pr.pronargdefaults, pr.proargtypes, pr.proretset,
           pr.prorettype, pr.provolatile
      INTO p
      FROM pg_proc pr
     WHERE pr.pronamespace = to_regnamespace('diplomat')
       AND pr.proname = fname
       AND pr.pronargs >= 1
       AND pr.proargtypes[0] = 'text'::regtype
     ORDER BY (pr.pronargs >= 2 AND pr.proargtypes[1] = 'date'::regtype) DESC, pr.pronargs
     LIMIT 1;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF p.pronargs >= 2 AND p.proargtypes[1] = 'date'::regtype THEN
        expr := format('diplomat.%I(n.body, n.published)', fname);
        supplied := 2;
    ELSE
        expr := format('diplomat.%I(n.body)', fname);
        supplied := 1;
    END IF;
    IF p.pronargs - p.pronargdefaults > supplied THEN
        expr := NULL;           -- needs arguments the benchmark cannot supply
        RETURN;
    END IF;
    retset := p.proretset;
    rettype := p.prorettype::regtype;
    immutable := p.provolatile = 'i';
END $$;

-- The extraction contenders: the two baselines, then diplomat's functions.
CREATE TABLE bench.contenders (
    ord       integer NOT NULL,
    name      text PRIMARY KEY,
    label     text NOT NULL,
    expr      text,             -- NULL: not available in this build
    retset    boolean NOT NULL DEFAULT false,
    rettype   regtype
);
INSERT INTO bench.contenders VALUES
    (1, 'tsv_english', 'to_tsvector(''english'')', 'to_tsvector(''english'', n.body)', false, 'tsvector'),
    (2, 'tsv_simple', 'to_tsvector(''simple'')', 'to_tsvector(''simple'', n.body)', false, 'tsvector');
-- (contender names stay entities and topics: the functions are to_entities
-- and to_topics since 0.2)
INSERT INTO bench.contenders
SELECT 2 + ord, f, fn || '()', c.expr, coalesce(c.retset, false), c.rettype
  FROM unnest(ARRAY['entities', 'mentions', 'topics', 'events'],
              ARRAY['to_entities', 'mentions', 'to_topics', 'events']) WITH ORDINALITY AS u(f, fn, ord),
       bench.call_expr(fn) c;
SELECT bench.fact('immutable.' || f, (bench.call_expr(fn)).immutable::text)
  FROM unnest(ARRAY['entities', 'topics'], ARRAY['to_entities', 'to_topics']) AS u(f, fn);

-- The statement that runs one contender over every row of a table: the
-- function's result is counted, so it is computed for every row and never
-- optimised away; a set-returning function is called LATERAL and its rows
-- counted.
CREATE FUNCTION bench.extract_query(p_name text, tbl text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN retset
                THEN format('SELECT count(*) FROM %s AS n, LATERAL %s AS f', tbl, expr)
                ELSE format('SELECT count(%s) FROM %s AS n', expr, tbl)
           END
      FROM bench.contenders WHERE name = p_name AND expr IS NOT NULL;
$$;

-- Median of a set of values.
CREATE FUNCTION bench.median(p_section text, p_metric text, p_contender text,
                             p_size integer DEFAULT 0) RETURNS float8
LANGUAGE sql STABLE AS $$
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY value)
      FROM bench.runs
     WHERE section = p_section AND metric = p_metric
       AND contender = p_contender AND size = p_size AND value IS NOT NULL;
$$;
