-- CAMEO event codes (type cameo) and actor codes (type actor)
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;
-- operators are used unqualified below; tables go to pg_temp
SET search_path = public, diplomat;

-- ---------------------------------------------------------------------
-- cameo: input, output, codebook
-- ---------------------------------------------------------------------

SELECT '04'::cameo AS root, '043'::cameo AS code, '0211'::cameo AS leaf;

-- the codebook: 316 codes, 20 roots, every code round-trips through text
SELECT count(*) AS codes,
       count(*) FILTER (WHERE cameo_depth(code) = 2) AS roots,
       count(*) FILTER (WHERE cameo_depth(code) = 3) AS three_digit,
       count(*) FILTER (WHERE cameo_depth(code) = 4) AS four_digit,
       bool_and(code::text::cameo = code AND code::text = code::text::cameo::text) AS round_trip
  FROM cameo_codes();

SELECT code, name, goldstein, quad_class
  FROM cameo_codes() WHERE cameo_depth(code) = 2 ORDER BY code;

SELECT quad_class, count(*) FROM cameo_codes() GROUP BY quad_class ORDER BY quad_class;

-- name, Goldstein score and QuadClass agree with cameo_codes()
SELECT count(*) AS mismatches
  FROM cameo_codes() c
 WHERE cameo_name(c.code) IS DISTINCT FROM c.name
    OR goldstein(c.code) IS DISTINCT FROM c.goldstein
    OR quad_class(c.code) IS DISTINCT FROM c.quad_class;

SELECT c AS code, cameo_name(c), goldstein(c), quad_class(c), cameo_root(c), cameo_depth(c)
  FROM unnest('{043,190,04,0211,057,1041,20,204,2042}'::cameo[]) AS c;

-- codes without a score in the codebook carry their parent's score
SELECT c AS code, cameo_name(c), goldstein(c), goldstein(cameo_root(c)) AS root_score
  FROM unnest('{155,176,1834,1951,1952}'::cameo[]) AS c;

-- scores are the decimal values, not float4 approximations
SELECT goldstein('043') = 2.8 AS exact, goldstein('013') = 0.4 AS exact2;

-- NULL in, NULL out
SELECT cameo_name(NULL), goldstein(NULL), quad_class(NULL), cameo_root(NULL), cameo_depth(NULL);

-- unknown and malformed codes
SELECT '099'::cameo;
SELECT '21'::cameo;
SELECT '0431'::cameo;
SELECT 'abc'::cameo;
SELECT '1'::cameo;
SELECT '12345'::cameo;
SELECT ''::cameo;
SELECT ' 04'::cameo;
SELECT '04 '::cameo;
SELECT '-04'::cameo;

-- ---------------------------------------------------------------------
-- cameo: hierarchy and order
-- ---------------------------------------------------------------------

SELECT a, b, a <@ b AS within, a @> b AS contains
  FROM (VALUES ('043'::cameo, '04'::cameo), ('04', '043'), ('04', '04'),
               ('0211', '02'), ('0211', '021'), ('0211', '022'),
               ('05', '04'), ('040', '04'), ('140', '14'), ('14', '140')) AS t(a, b);

-- over all pairs of codes, <@ is "starts with" and @> its commutator
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE (a.code <@ b.code) <> starts_with(a.code::text, b.code::text)) AS wrong_within,
       count(*) FILTER (WHERE (b.code @> a.code) <> (a.code <@ b.code)) AS wrong_contains
  FROM cameo_codes() a, cameo_codes() b;

-- the order is the codes' lexical order, so descendants are contiguous
SELECT code, cameo_name(code) FROM cameo_codes() WHERE code <@ '03' ORDER BY code;

WITH ranked AS (SELECT code, row_number() OVER (ORDER BY code) AS rn FROM cameo_codes())
SELECT bool_and(r.code::text COLLATE "C" > p.code::text COLLATE "C") AS lexical,
       (SELECT count(*) FROM cameo_codes() b
         WHERE (SELECT max(rn) - min(rn) + 1 FROM ranked WHERE ranked.code <@ b.code)
            <> (SELECT count(*) FROM ranked WHERE ranked.code <@ b.code)) AS gaps
  FROM ranked r JOIN ranked p ON p.rn = r.rn - 1;

SELECT '04'::cameo < '040', '040'::cameo < '041', '046'::cameo < '05',
       '0211'::cameo < '022', '20'::cameo > '1952', '04'::cameo <> '040',
       '043'::cameo <= '043', '043'::cameo >= '0214';

SELECT cameo_cmp('04', '040'), cameo_cmp('043', '043'), cameo_cmp('05', '0214');

-- ---------------------------------------------------------------------
-- cameo: indexes
-- ---------------------------------------------------------------------

CREATE TEMP TABLE cameo_events AS
SELECT row_number() OVER () AS id, c.code
  FROM cameo_codes() c, generate_series(1, 20) g;
CREATE INDEX cameo_events_code ON cameo_events (code);
VACUUM ANALYZE cameo_events;
SET enable_seqscan = off;
SET enable_bitmapscan = off;

-- code <@ '04' is the exact range [04, 05)
EXPLAIN (COSTS OFF) SELECT count(*) FROM cameo_events WHERE code <@ '04';
SELECT count(*) FROM cameo_events WHERE code <@ '04';
EXPLAIN (COSTS OFF) SELECT count(*) FROM cameo_events WHERE '04' @> code;
EXPLAIN (COSTS OFF) SELECT count(*) FROM cameo_events WHERE cameo_within(code, '04');
-- successor of the last child, of the last root and of a leaf
EXPLAIN (COSTS OFF) SELECT count(*) FROM cameo_events WHERE code <@ '039';
EXPLAIN (COSTS OFF) SELECT count(*) FROM cameo_events WHERE code <@ '20';
EXPLAIN (COSTS OFF) SELECT count(*) FROM cameo_events WHERE code <@ '0214';
-- ancestors of a code: a range between its root and it, rechecked
EXPLAIN (COSTS OFF) SELECT DISTINCT code FROM cameo_events WHERE code @> '0214';
SELECT DISTINCT code FROM cameo_events WHERE code @> '0214' ORDER BY code;

-- the index answers like a sequential scan, for every code
CREATE TEMP TABLE cameo_index_counts AS
SELECT c.code, (SELECT count(*) FROM cameo_events e WHERE e.code <@ c.code) AS n
  FROM cameo_codes() c;
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_indexscan = off;
SET enable_indexonlyscan = off;
SET enable_bitmapscan = off;
SELECT count(*) AS codes,
       count(*) FILTER (WHERE n <> (SELECT count(*) FROM cameo_events e WHERE e.code <@ i.code)) AS differ,
       sum(n) FILTER (WHERE cameo_depth(code) = 2) AS events
  FROM cameo_index_counts i;
RESET enable_indexscan;
RESET enable_indexonlyscan;
RESET enable_bitmapscan;

-- a non-constant operand gets no range
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM cameo_events e WHERE code <@ cameo_root(code);
RESET enable_seqscan;

-- hash index, hash join, hash aggregation
DROP INDEX cameo_events_code;
CREATE INDEX cameo_events_hash ON cameo_events USING hash (code);
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM cameo_events WHERE code = '043' AND id > 0;
SELECT count(*) FROM cameo_events WHERE code = '043' AND id > 0;
RESET enable_seqscan;
RESET enable_bitmapscan;
DROP INDEX cameo_events_hash;

SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF)
SELECT count(*) FROM cameo_events e JOIN cameo_codes() c ON c.code = e.code;
SELECT count(*) FROM cameo_events e JOIN cameo_codes() c ON c.code = e.code;
RESET enable_mergejoin;
RESET enable_nestloop;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT DISTINCT cameo_root(code) FROM cameo_events;
SELECT (SELECT count(*) FROM (SELECT DISTINCT cameo_root(code) FROM cameo_events) d) AS roots,
       (SELECT count(*) FROM (SELECT DISTINCT code FROM cameo_events) d) AS codes;
RESET enable_sort;

-- equal values hash alike; the extended hash depends on its seed
SELECT cameo_hash('043') = cameo_hash('043'::text::cameo) AS same,
       cameo_hash_extended('043', 0) = cameo_hash_extended('043', 1) AS seeded;

-- ---------------------------------------------------------------------
-- actor
-- ---------------------------------------------------------------------

SELECT 'USA'::actor, 'USAGOV'::actor, 'CHNGOVMIL'::actor, 'IGOUNO'::actor,
       'GOV'::actor, 'SHN'::actor, 'PSE'::actor, 'RUSGOVMILREBOPPCOP'::actor;

-- malformed and unknown codes
SELECT 'XYZGOV'::actor;
SELECT 'usagov'::actor;
SELECT 'USAGO'::actor;
SELECT ''::actor;
SELECT 'US'::actor;
SELECT 'USA GOV'::actor;
SELECT 'USA-GOV'::actor;
SELECT 'RUSGOVMILREBOPPCOPJUD'::actor;
SELECT 'ÜSA'::actor;

SELECT a, actor_country(a), actor_roles(a), cardinality(actor_roles(a)) AS nroles
  FROM unnest('{USA,USAGOV,CHNGOVMIL,IGOUNO,IGOUNOHRI,NGO,EUR,GOVMIL,SHN,RUSGOVMILREBOPPCOP}'::actor[]) AS a;

SELECT actor_country(NULL), actor_roles(NULL);

SELECT a, b, a <@ b AS within, a @> b AS contains
  FROM (VALUES ('USAGOV'::actor, 'USA'::actor), ('USA', 'USAGOV'), ('USA', 'USA'),
               ('USAGOVMIL', 'USAGOV'), ('USAMIL', 'USAGOV'), ('USAGOV', 'GOV'),
               ('IGOUNO', 'IGO'), ('UZBGOV', 'USA')) AS t(a, b);

-- byte order: a code comes right before its descendants
SELECT a FROM unnest('{USAMIL,UZB,USAGOVMIL,USA,USAGOV,UGA,ZWEGOV,AFG,USAGOVMILREB,USAAGR}'::actor[]) AS a
 ORDER BY a;
SELECT a FROM unnest('{USAMIL,UZB,USAGOVMIL,USA,USAGOV,UGA,ZWEGOV,AFG,USAGOVMILREB,USAAGR}'::actor[]) AS a
 ORDER BY a DESC;

CREATE TEMP TABLE actor_events AS
SELECT row_number() OVER () AS id, a AS source
  FROM unnest('{USA,USAGOV,USAGOVMIL,USAMIL,USACOP,UZB,UGA,UGAGOV,CHN,CHNGOV,CHNGOVMIL,IGO,IGOUNO,
                BLZ,BLZGOV,BOL,BOLGOV,ZWE,ZWEGOV,ZWEMIL,RUS,RUSGOV,RUSMIL,RUSREB}'::actor[]) AS a,
       generate_series(1, 200) g;
CREATE INDEX actor_events_source ON actor_events (source);
VACUUM ANALYZE actor_events;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM actor_events WHERE source <@ 'USA';
SELECT count(*) FROM actor_events WHERE source <@ 'USA';
EXPLAIN (COSTS OFF) SELECT count(*) FROM actor_events WHERE 'USAGOV' @> source;
SELECT count(*) FROM actor_events WHERE 'USAGOV' @> source;
-- the successor of a code ending in Z
EXPLAIN (COSTS OFF) SELECT count(*) FROM actor_events WHERE source <@ 'BLZ';
SELECT count(*) FROM actor_events WHERE source <@ 'BLZ';
EXPLAIN (COSTS OFF) SELECT count(*) FROM actor_events WHERE source @> 'CHNGOVMIL';
SELECT DISTINCT source FROM actor_events WHERE source @> 'CHNGOVMIL' ORDER BY source;
RESET enable_seqscan;
RESET enable_bitmapscan;

-- the index answers like a sequential scan
CREATE TEMP TABLE actor_prefixes AS
SELECT DISTINCT source AS prefix FROM actor_events
UNION SELECT p::actor FROM unnest('{BOLGOVMIL,ZWEMILREB,SHN,NGO}'::text[]) p;
CREATE TEMP TABLE actor_index_counts AS
SELECT prefix,
       (SELECT count(*) FROM actor_events e WHERE e.source <@ p.prefix) AS within,
       (SELECT count(*) FROM actor_events e WHERE e.source @> p.prefix) AS contains
  FROM actor_prefixes p;
SET enable_indexscan = off;
SET enable_indexonlyscan = off;
SET enable_bitmapscan = off;
SELECT count(*) AS prefixes,
       count(*) FILTER (WHERE within <> (SELECT count(*) FROM actor_events e WHERE e.source <@ i.prefix)
                           OR contains <> (SELECT count(*) FROM actor_events e WHERE e.source @> i.prefix)) AS differ
  FROM actor_index_counts i;
RESET enable_indexscan;
RESET enable_indexonlyscan;
RESET enable_bitmapscan;

-- hash index, hash join and hash aggregation on actor
DROP INDEX actor_events_source;
CREATE INDEX actor_events_hash ON actor_events USING hash (source);
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM actor_events WHERE source = 'CHNGOV' AND id > 0;
SELECT count(*) FROM actor_events WHERE source = 'CHNGOV' AND id > 0;
RESET enable_seqscan;
RESET enable_bitmapscan;
DROP INDEX actor_events_hash;
SET enable_mergejoin = off;
SET enable_nestloop = off;
SET enable_sort = off;
EXPLAIN (COSTS OFF)
SELECT p.prefix, count(*) FROM actor_events e JOIN actor_prefixes p ON p.prefix = e.source GROUP BY p.prefix;
SELECT count(*) AS groups, sum(n) AS events
  FROM (SELECT p.prefix, count(*) AS n FROM actor_events e JOIN actor_prefixes p ON p.prefix = e.source
         GROUP BY p.prefix) g;
RESET enable_mergejoin;
RESET enable_nestloop;
RESET enable_sort;
SELECT actor_hash('USAGOV') = actor_hash(('USA' || 'GOV')::actor) AS same,
       actor_hash_extended('USAGOV', 0) = actor_hash_extended('USAGOV', 1) AS seeded;

-- ---------------------------------------------------------------------
-- binary format: the digits or letters, no OIDs; COPY round trip
-- ---------------------------------------------------------------------

SELECT cameo_send('043'), cameo_send('0211'), actor_send('USAGOV');

CREATE TEMP TABLE coded (id bigint, code cameo, source actor, target actor);
INSERT INTO coded
SELECT e.id, e.code, a.source, CASE WHEN e.id % 7 <> 0 THEN a.source END
  FROM cameo_events e JOIN actor_events a USING (id);
\copy coded TO 'build/regress/cameo.bin' WITH (FORMAT binary)
CREATE TEMP TABLE coded_copy (LIKE coded);
\copy coded_copy FROM 'build/regress/cameo.bin' WITH (FORMAT binary)
SELECT (SELECT count(*) FROM coded) AS rows,
       (SELECT count(*) FROM coded_copy) AS copied,
       (SELECT count(*) FROM (SELECT * FROM coded EXCEPT ALL SELECT * FROM coded_copy) d) AS missing,
       (SELECT count(*) FROM (SELECT * FROM coded_copy EXCEPT ALL SELECT * FROM coded) d) AS extra;

-- receive validates: text values written in binary, read back as cameo and actor
CREATE TEMP TABLE one_code (code cameo);
CREATE TEMP TABLE one_actor (source actor);
\copy (SELECT '043'::text) TO 'build/regress/cameo.bin' WITH (FORMAT binary)
\copy one_code FROM 'build/regress/cameo.bin' WITH (FORMAT binary)
\copy (SELECT '099'::text) TO 'build/regress/cameo.bin' WITH (FORMAT binary)
\copy one_code FROM 'build/regress/cameo.bin' WITH (FORMAT binary)
\copy (SELECT '04x'::text) TO 'build/regress/cameo.bin' WITH (FORMAT binary)
\copy one_code FROM 'build/regress/cameo.bin' WITH (FORMAT binary)
\copy (SELECT 'IGOUNO'::text) TO 'build/regress/cameo.bin' WITH (FORMAT binary)
\copy one_actor FROM 'build/regress/cameo.bin' WITH (FORMAT binary)
\copy (SELECT 'XYZ'::text) TO 'build/regress/cameo.bin' WITH (FORMAT binary)
\copy one_actor FROM 'build/regress/cameo.bin' WITH (FORMAT binary)
\copy (SELECT 'usa'::text) TO 'build/regress/cameo.bin' WITH (FORMAT binary)
\copy one_actor FROM 'build/regress/cameo.bin' WITH (FORMAT binary)
SELECT * FROM one_code, one_actor;

-- text COPY round trip
\copy coded TO 'build/regress/cameo.txt'
CREATE TEMP TABLE coded_text (LIKE coded);
\copy coded_text FROM 'build/regress/cameo.txt'
SELECT (SELECT count(*) FROM coded_text) AS copied,
       (SELECT count(*) FROM (SELECT * FROM coded EXCEPT ALL SELECT * FROM coded_text) d) AS missing,
       (SELECT count(*) FROM (SELECT * FROM coded_text EXCEPT ALL SELECT * FROM coded) d) AS extra;

RESET search_path;
