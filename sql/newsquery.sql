-- newsquery: one size limit (100,000 items: operands and operators) for
-- text input, output, binary send and receive and the combining operators;
-- no nesting limit.  Values at the limit round-trip through text, COPY
-- and COPY BINARY; values past it are refused by every path with the
-- documented SQLSTATE.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;
SET search_path = public, diplomat;
\getenv abs_builddir PG_ABS_BUILDDIR
\set txtfile :abs_builddir '/newsquery_regress.txt'
\set binfile :abs_builddir '/newsquery_regress.bin'
-- \copy takes no variables: the client-side programs read these
\setenv NQ_TXT :txtfile
\setenv NQ_BIN :binfile

CREATE FUNCTION pg_temp.try_query(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text;
BEGIN
    PERFORM q::diplomat.newsquery;
    RETURN 'accepted';
EXCEPTION WHEN others THEN
    GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
    RETURN SQLSTATE || ' ' || d;
END $$;

-- items: n operands joined by & are 2n - 1 items; a leading ! adds one
CREATE TEMP TABLE q (label text, q newsquery);
INSERT INTO q VALUES
    ('flat at the limit', ('!' || repeat('PER:a & ', 49999) || 'PER:b')::newsquery),
    ('right-deep, 30000 levels', (repeat('GPE:a | (', 29999) || 'GPE:b' || repeat(')', 29999))::newsquery),
    ('30000 parentheses', (repeat('(', 30000) || 'ORG:"x \"y\""' || repeat(')', 30000))::newsquery),
    ('99999 negations', (repeat('!', 99999) || 'LOC:z')::newsquery),
    ('small', 'PER:"Antony Blinken" & (GPE:Taiwan | !ORG:*)');
SELECT label, length(q::text) AS text_length, q::text::newsquery = q AS text_round_trip
  FROM q ORDER BY label;

-- one item past the limit, by every way of making a value
SELECT pg_temp.try_query('!!' || repeat('PER:a & ', 49999) || 'PER:b') AS input_past_limit,
       pg_temp.try_query(repeat('!', 100000) || 'LOC:z') AS negations_past_limit,
       pg_temp.try_query(repeat('(', 200000) || 'PER:a' || repeat(')', 200000)) AS parentheses_need_no_items;
SELECT !! q FROM q WHERE label = 'flat at the limit';
SELECT q && 'PER:c' FROM q WHERE label = 'flat at the limit';

-- text COPY and binary COPY round trips of every value
\copy q TO PROGRAM 'cat > "$NQ_TXT"'
CREATE TEMP TABLE q_text (LIKE q);
\copy q_text FROM PROGRAM 'cat "$NQ_TXT"'
\copy q TO PROGRAM 'cat > "$NQ_BIN"' WITH (FORMAT binary)
CREATE TEMP TABLE q_bin (LIKE q);
\copy q_bin FROM PROGRAM 'cat "$NQ_BIN"' WITH (FORMAT binary)
SELECT q.label, t.q = q.q AS text_copy, b.q = q.q AS binary_copy
  FROM q JOIN q_text t USING (label) JOIN q_bin b USING (label) ORDER BY label;

-- binary values are checked like text: a value one item past the limit
-- (the limit value under one more !), a bad tree, a short value: 22P03
-- (\copy leaves LAST_ERROR_SQLSTATE alone: show the SQLSTATE itself)
CREATE TEMP TABLE one (q newsquery);
\set VERBOSITY sqlstate
\copy (SELECT int4send(100001) || '\x0203000000'::bytea || substr(newsquery_send(q), 5) FROM q WHERE label = 'flat at the limit') TO PROGRAM 'cat > "$NQ_BIN"' WITH (FORMAT binary)
\copy one FROM PROGRAM 'cat "$NQ_BIN"' WITH (FORMAT binary)
-- AND whose left operand offset points past the value
\copy (SELECT int4send(3) || '\x0201'::bytea || int4send(5) || '\x010100'::bytea || int4send(1) || 'a'::bytea || '\x010100'::bytea || int4send(1) || 'b'::bytea) TO PROGRAM 'cat > "$NQ_BIN"' WITH (FORMAT binary)
\copy one FROM PROGRAM 'cat "$NQ_BIN"' WITH (FORMAT binary)
-- NOT with a left offset
\copy (SELECT int4send(2) || '\x0203'::bytea || int4send(1) || '\x010100'::bytea || int4send(1) || 'a'::bytea) TO PROGRAM 'cat > "$NQ_BIN"' WITH (FORMAT binary)
\copy one FROM PROGRAM 'cat "$NQ_BIN"' WITH (FORMAT binary)
-- a name with a control character, which text input refuses too
\copy (SELECT int4send(1) || '\x010100'::bytea || int4send(2) || '\x0a61'::bytea) TO PROGRAM 'cat > "$NQ_BIN"' WITH (FORMAT binary)
\copy one FROM PROGRAM 'cat "$NQ_BIN"' WITH (FORMAT binary)
\set VERBOSITY default
SELECT ('PER:"a' || chr(10) || '"')::newsquery;
\set VERBOSITY sqlstate
-- a value cut short
\copy (SELECT '\x000000010101'::bytea) TO PROGRAM 'cat > "$NQ_BIN"' WITH (FORMAT binary)
\copy one FROM PROGRAM 'cat "$NQ_BIN"' WITH (FORMAT binary)
-- well-formed: the same as the text form
\copy (SELECT int4send(3) || '\x0201'::bytea || int4send(2) || '\x010100'::bytea || int4send(1) || 'b'::bytea || '\x010200'::bytea || int4send(1) || 'a'::bytea) TO PROGRAM 'cat > "$NQ_BIN"' WITH (FORMAT binary)
\copy one FROM PROGRAM 'cat "$NQ_BIN"' WITH (FORMAT binary)
SELECT q, q = 'ORG:a & PER:b' AS same_as_text FROM one;
\set VERBOSITY terse

-- evaluation and GIN need no stack either
SELECT to_entities('Antony Blinken met Wang Yi in Beijing.'::text) @@ q AS match, label
  FROM q ORDER BY label;
CREATE TEMP TABLE docs AS SELECT to_entities('Antony Blinken met Wang Yi in Beijing.'::text) AS ents
    UNION ALL SELECT 'GPE:b, PER:x'::entities;
CREATE INDEX ON docs USING gin (ents);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM docs WHERE ents @@ (SELECT q FROM q WHERE label = 'right-deep, 30000 levels');
SELECT count(*) FROM docs WHERE ents @@ (SELECT q FROM q WHERE label = 'right-deep, 30000 levels');
RESET enable_seqscan;
SELECT count(*) FROM docs WHERE ents @@ (SELECT q FROM q WHERE label = 'right-deep, 30000 levels');
