-- Topics: type topics, to_topics(), topic_weights(), top_topics(), operators,
-- the cast to entities, the GIN operator class, topic_frequencies()
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;
-- operators are used unqualified below
SET search_path = public, diplomat;

-- ---------------------------------------------------------------------
-- text I/O
-- ---------------------------------------------------------------------

-- sorted by key; a repeated key keeps its largest weight; no weight means 1
SELECT 'korean_peninsula:0.545, cross_strait:0.631'::topics;
SELECT 'sport:0.2, film, sport:0.7,sport : 0.5'::topics;
-- weights are rounded to thousandths and printed without trailing zeros
SELECT 'a:0.5, b:0.25, c:0.1234, d:0.0005, e:0.0004, f:1e-1, g:0, h:1, i:1.000, j:.75'::topics;
SELECT ''::topics AS empty, '  '::topics AS blank, length(''::topics::text) AS len;

-- every weight from 0 to 1 in thousandths round-trips through text, and
-- -> gives the same real as the decimal
SELECT count(*) AS weights,
       bool_and(v::text::topics = v AND v::text = v::text::topics::text) AS round_trip,
       bool_and(v -> 'k' = (i / 1000.0)::real) AS exact_weight
  FROM generate_series(0, 1000) AS i,
       LATERAL (SELECT ('k:' || (i / 1000.0)::text)::topics AS v) AS s;

-- malformed values: SQLSTATE 22P02
\set VERBOSITY sqlstate
SELECT 'Cross_Strait:0.5'::topics;
\set VERBOSITY default
SELECT 'Cross_Strait:0.5'::topics;
SELECT 'cross-strait:0.5'::topics;
SELECT 'a234567890123456789012345678901234567890123456789012345678901234:0.5'::topics;
SELECT 'sport:1.5'::topics;
SELECT 'sport:-0.1'::topics;
SELECT 'sport:NaN'::topics;
SELECT 'sport:Infinity'::topics;
SELECT 'sport:-inf'::topics;
SELECT 'sport:0x1'::topics;
SELECT 'sport:'::topics;
SELECT 'sport:1e'::topics;
SELECT 'sport 0.5'::topics;
SELECT 'sport:0.5,'::topics;
SELECT ',sport'::topics;
SELECT 'sport:0.5 film:0.5'::topics;

-- ---------------------------------------------------------------------
-- binary I/O: int32 count, then key length, key, float4 weight; no OIDs
-- ---------------------------------------------------------------------

SELECT topics_send('sport:0.5, film:1');

CREATE TEMP TABLE tv (id integer, t topics);
INSERT INTO tv VALUES (1, 'cross_strait:0.631, korean_peninsula:0.545'), (2, ''), (3, NULL),
    (4, 'a:0, b:0.001, c:0.999, d:1');
INSERT INTO tv SELECT 100 + i, ('k' || i || ':' || (i / 1000.0)::text)::topics
  FROM generate_series(0, 1000) AS i;
\copy tv TO 'build/regress/topics.bin' WITH (FORMAT binary)
CREATE TEMP TABLE tv_copy (LIKE tv);
\copy tv_copy FROM 'build/regress/topics.bin' WITH (FORMAT binary)
SELECT count(*) AS rows,
       count(*) FILTER (WHERE a.t = b.t AND a.t::text = b.t::text) AS equal,
       count(*) FILTER (WHERE a.t IS NULL AND b.t IS NULL) AS nulls
  FROM tv a JOIN tv_copy b USING (id);

-- receive validates every field (SQLSTATE 22P03); bytea values written in
-- binary are read back as topics
CREATE TEMP TABLE one (t topics);
-- 1 topic "abc", weight NaN
\copy (SELECT '\x00000001000000036162637fc00000'::bytea) TO 'build/regress/topics.bin' WITH (FORMAT binary)
\set VERBOSITY sqlstate
\copy one FROM 'build/regress/topics.bin' WITH (FORMAT binary)
\set VERBOSITY default
\copy one FROM 'build/regress/topics.bin' WITH (FORMAT binary)
-- weight -1
\copy (SELECT '\x0000000100000003616263bf800000'::bytea) TO 'build/regress/topics.bin' WITH (FORMAT binary)
\copy one FROM 'build/regress/topics.bin' WITH (FORMAT binary)
-- weight just above 1
\copy (SELECT '\x00000001000000036162633f800001'::bytea) TO 'build/regress/topics.bin' WITH (FORMAT binary)
\copy one FROM 'build/regress/topics.bin' WITH (FORMAT binary)
-- weight +infinity
\copy (SELECT '\x00000001000000036162637f800000'::bytea) TO 'build/regress/topics.bin' WITH (FORMAT binary)
\copy one FROM 'build/regress/topics.bin' WITH (FORMAT binary)
-- upper-case key
\copy (SELECT '\x00000001000000034142433f000000'::bytea) TO 'build/regress/topics.bin' WITH (FORMAT binary)
\copy one FROM 'build/regress/topics.bin' WITH (FORMAT binary)
-- key length 0, 64, negative
\copy (SELECT '\x00000001000000003f00000000'::bytea) TO 'build/regress/topics.bin' WITH (FORMAT binary)
\copy one FROM 'build/regress/topics.bin' WITH (FORMAT binary)
\copy (SELECT '\x00000001000000406162633f000000'::bytea) TO 'build/regress/topics.bin' WITH (FORMAT binary)
\copy one FROM 'build/regress/topics.bin' WITH (FORMAT binary)
\copy (SELECT '\x00000001ffffffff6162633f000000'::bytea) TO 'build/regress/topics.bin' WITH (FORMAT binary)
\copy one FROM 'build/regress/topics.bin' WITH (FORMAT binary)
-- a count larger than the data, a negative count, a truncated weight
\copy (SELECT '\x7fffffff000000036162633f000000'::bytea) TO 'build/regress/topics.bin' WITH (FORMAT binary)
\copy one FROM 'build/regress/topics.bin' WITH (FORMAT binary)
\copy (SELECT '\xffffffff'::bytea) TO 'build/regress/topics.bin' WITH (FORMAT binary)
\copy one FROM 'build/regress/topics.bin' WITH (FORMAT binary)
\copy (SELECT '\x00000001000000036162633f00'::bytea) TO 'build/regress/topics.bin' WITH (FORMAT binary)
\copy one FROM 'build/regress/topics.bin' WITH (FORMAT binary)
-- trailing bytes
\copy (SELECT '\x00000001000000036162633f00000000'::bytea) TO 'build/regress/topics.bin' WITH (FORMAT binary)
\copy one FROM 'build/regress/topics.bin' WITH (FORMAT binary)
-- valid: unsorted and repeated keys are sorted and merged like text input
-- (b:0, a:0, b:0.5, weights rounded to thousandths: c:0.12345678)
\copy (SELECT '\x0000000400000001620000000000000001610000000000000001623f00000000000001633dfcd6e9'::bytea) TO 'build/regress/topics.bin' WITH (FORMAT binary)
\copy one FROM 'build/regress/topics.bin' WITH (FORMAT binary)
SELECT t FROM one;

-- ---------------------------------------------------------------------
-- operators
-- ---------------------------------------------------------------------

SELECT t ? 'cross_strait' AS has, t ? 'sport' AS has_not, t ? 'Cross_Strait' AS case_matters,
       t -> 'cross_strait' AS weight, t -> 'sport' AS absent,
       t @> 'cross_strait' AS contains1, t @> 'cross_strait:0.1, korean_peninsula' AS contains2,
       t @> 'cross_strait, sport' AS contains3, t @> '' AS contains_empty,
       'korean_peninsula' <@ t AS within,
       t && 'sport, korean_peninsula' AS overlap, t && 'sport, film' AS no_overlap, t && '' AS overlap_empty,
       t = 'korean_peninsula:0.545, cross_strait:0.631' AS eq,
       t = 'korean_peninsula:0.545, cross_strait:0.63' AS eq_weight,
       t <> 'cross_strait:0.631' AS ne
  FROM (SELECT 'cross_strait:0.631, korean_peninsula:0.545'::topics AS t) AS s;
SELECT 'a:0'::topics ? 'a' AS zero_weight_is_present, 'a:0'::topics -> 'a' AS zero;
SELECT NULL::topics ? 'a' AS n1, 'a'::topics -> NULL AS n2, NULL::topics @> 'a' AS n3;

-- ---------------------------------------------------------------------
-- topics of documents (sentences written for this test)
-- ---------------------------------------------------------------------

CREATE TEMP TABLE docs (id integer PRIMARY KEY, body text);
INSERT INTO docs VALUES
 (1, 'Chinese warships sailed through the Taiwan Strait as Beijing warned Taiwan against any move toward independence.'),
 (2, 'The striker scored twice in the second half as the home side won the league match 3-1 in front of a sold-out stadium.'),
 (3, 'North Korea fired a ballistic missile into the sea off its east coast, and South Korea and Japan condemned the launch.'),
 (4, 'The central bank raised interest rates by a quarter point to curb inflation, and bond yields rose.'),
 (5, 'Negotiators from Iran and the IAEA met in Vienna to discuss uranium enrichment and the inspection of nuclear sites.'),
 (6, 'The new film premiered at the festival to warm reviews from critics.'),
 (7, 'Nothing much happened on a quiet afternoon.');

SELECT id, to_topics(body) FROM docs WHERE id IN (1, 2, 7) ORDER BY id;

-- the heaviest topic of each document
SELECT d.id, t.topic, t.label
  FROM docs d, LATERAL top_topics(d.body, 1) t ORDER BY d.id;

SELECT * FROM top_topics((SELECT body FROM docs WHERE id = 1));
SELECT * FROM top_topics((SELECT body FROM docs WHERE id = 1), 2);
SELECT * FROM top_topics((SELECT body FROM docs WHERE id = 1), 0);
SELECT * FROM top_topics((SELECT body FROM docs WHERE id = 1), -1);

-- topic_weights: descending weight, ties in key order; keys unknown to the
-- taxonomy have no label
SELECT * FROM topic_weights(to_topics((SELECT body FROM docs WHERE id = 3)));
SELECT * FROM topic_weights('zz_custom:0.5, sport:0.5, cross_strait:0.9, aa_custom:0.5');
SELECT count(*) FROM topic_weights('');

-- to_topics() agrees with the topic operands of text @@ newsquery
SELECT id, (to_topics(body) ? 'cross_strait') = (body @@ 'topic:cross_strait'::newsquery) AS agree_cs,
       (to_topics(body) ? 'sport') = (body @@ 'topic:sport'::newsquery) AS agree_sport
  FROM docs ORDER BY id;

-- every weight is in (0, 1]; every key is in the taxonomy
SELECT bool_and(t.weight > 0 AND t.weight <= 1) AS weights_ok, bool_and(t.label IS NOT NULL) AS known
  FROM docs d, LATERAL topic_weights(to_topics(d.body)) t;

-- named like to_tsvector: a literal needs no cast, while typename('literal')
-- is a cast to the type topics
SELECT to_topics('The home side won the league match after the striker scored twice.') ? 'sport' AS sport;
SELECT diplomat.topics('The home side won the league match.');

-- NULL in, NULL out; empty and blank documents have no topics
SELECT to_topics(NULL) IS NULL AS null_doc, to_topics(''::text)::text AS empty_doc,
       to_topics(E' \n\t '::text)::text AS blank_doc,
       (SELECT count(*) FROM top_topics(NULL)) AS top_null,
       (SELECT count(*) FROM top_topics('x'::text, NULL)) AS top_null_n,
       (SELECT count(*) FROM topic_weights(NULL)) AS weights_null;

-- ---------------------------------------------------------------------
-- cast to entities: one @@ query mixes entities and topics
-- ---------------------------------------------------------------------

SELECT 'cross_strait:0.631, sport:0'::topics::entities;
SELECT id, to_entities(body) || to_topics(body)::entities AS all_keys
  FROM docs WHERE id = 1;
SELECT id,
       (to_entities(body) || to_topics(body)::entities) @@ 'topic:cross_strait & GPE:Taiwan' AS mixed,
       (to_entities(body) || to_topics(body)::entities) @@ 'topic:cross_strait & !GPE:Taiwan' AS negated,
       body @@ 'topic:cross_strait & GPE:Taiwan'::newsquery AS on_text
  FROM docs ORDER BY id;

-- ---------------------------------------------------------------------
-- GIN index on topics: ?, @> and && use it and need no recheck
-- ---------------------------------------------------------------------

CREATE TEMP TABLE corpus AS
SELECT g * 10 + d.id AS id, to_topics(d.body) AS t FROM docs d, generate_series(1, 300) AS g;
INSERT INTO corpus VALUES (-1, NULL), (-2, ''), (-3, 'custom_key:0.2, sport:0.1');
CREATE INDEX corpus_t_idx ON corpus USING gin (t);
ANALYZE corpus;

SET enable_seqscan = off;
-- a constant key is planned as @> (the same rows; postgres_fdw can send @>
-- to a shard, not ? with its text operand), anything else stays ?
EXPLAIN (COSTS OFF) SELECT count(*) FROM corpus WHERE t ? 'cross_strait';
EXPLAIN (COSTS OFF) SELECT count(*) FROM corpus WHERE t ? 'Cross_Strait';
CREATE FUNCTION pg_temp.exists_both(k text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    planned bigint;
    kept bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM corpus WHERE t ? %L', k) INTO planned;
    EXECUTE format('SELECT count(*) FROM corpus WHERE t ? (SELECT %L::text)', k) INTO kept;
    RETURN CASE WHEN planned = kept THEN 'same: ' || planned ELSE 'differ' END;
END $$;
SELECT k, pg_temp.exists_both(k)
  FROM (VALUES ('cross_strait'), ('custom_key'), ('sport'), ('unknown'), ('Cross_Strait'), (''), (repeat('a', 64))) v(k);
SELECT 'a:0'::topics ? 'a' AS zero_weight, 'a:0'::topics ? NULL AS null_key;
EXPLAIN (COSTS OFF) SELECT count(*) FROM corpus WHERE t @> 'politics, conflict_war_peace';
EXPLAIN (COSTS OFF) SELECT count(*) FROM corpus WHERE t && 'sport, film';
CREATE TEMP TABLE with_index AS
SELECT q, (SELECT count(*) FROM corpus WHERE t ? 'cross_strait') AS has,
       (SELECT count(*) FROM corpus WHERE t ? 'custom_key') AS has_custom,
       (SELECT count(*) FROM corpus WHERE t ? 'unknown') AS has_unknown,
       (SELECT count(*) FROM corpus WHERE t @> 'politics, conflict_war_peace') AS contains,
       (SELECT count(*) FROM corpus WHERE t @> '') AS contains_empty,
       (SELECT count(*) FROM corpus WHERE t && 'sport, film') AS overlap,
       (SELECT count(*) FROM corpus WHERE t && '') AS overlap_empty
  FROM (VALUES ('index')) AS v(q);
RESET enable_seqscan;
SET enable_bitmapscan = off;
SET enable_indexscan = off;
CREATE TEMP TABLE without_index AS
SELECT q, (SELECT count(*) FROM corpus WHERE t ? 'cross_strait') AS has,
       (SELECT count(*) FROM corpus WHERE t ? 'custom_key') AS has_custom,
       (SELECT count(*) FROM corpus WHERE t ? 'unknown') AS has_unknown,
       (SELECT count(*) FROM corpus WHERE t @> 'politics, conflict_war_peace') AS contains,
       (SELECT count(*) FROM corpus WHERE t @> '') AS contains_empty,
       (SELECT count(*) FROM corpus WHERE t && 'sport, film') AS overlap,
       (SELECT count(*) FROM corpus WHERE t && '') AS overlap_empty
  FROM (VALUES ('seqscan')) AS v(q);
RESET enable_bitmapscan;
RESET enable_indexscan;
SELECT * FROM with_index UNION ALL SELECT * FROM without_index;

-- ---------------------------------------------------------------------
-- aggregate topic_frequencies(): documents per topic, share, mean weight
-- ---------------------------------------------------------------------

SELECT f.* FROM unnest((SELECT topic_frequencies(to_topics(body)) FROM docs)) AS f;

-- per group, with the array unnested
SELECT s.grp, f.topic, f.documents, f.share, f.mean_weight
  FROM (SELECT id % 2 AS grp, topic_frequencies(to_topics(body)) AS tf FROM docs GROUP BY 1) AS s,
       unnest(s.tf) AS f
 WHERE f.documents > 1 OR f.topic = 'politics'
 ORDER BY s.grp, f.documents DESC, f.topic;

-- NULL documents are not counted; no rows or only NULLs give NULL; documents
-- without topics give an empty array
SELECT topic_frequencies(t) FROM (VALUES ('a:0.5'::topics), (NULL), ('a:0.25, b:1')) AS v(t);
SELECT topic_frequencies(t) IS NULL AS no_rows FROM corpus WHERE false;
SELECT topic_frequencies(t) IS NULL AS only_nulls FROM corpus WHERE t IS NULL;
SELECT topic_frequencies(t) AS no_topics FROM corpus WHERE id = -2;

-- a parallel plan gives the same result as a serial one (the state is
-- combined, serialised and deserialised; sums are exact)
CREATE TABLE topics_regress_corpus AS SELECT * FROM corpus;
ANALYZE topics_regress_corpus;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT topic_frequencies(t) FROM topics_regress_corpus;
CREATE TEMP TABLE parallel_result AS SELECT topic_frequencies(t) AS tf FROM topics_regress_corpus;
SET parallel_leader_participation = off;
CREATE TEMP TABLE workers_result AS SELECT topic_frequencies(t) AS tf FROM topics_regress_corpus;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT topic_frequencies(t) FROM topics_regress_corpus;
CREATE TEMP TABLE serial_result AS SELECT topic_frequencies(t) AS tf FROM topics_regress_corpus;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;
SELECT (SELECT tf FROM parallel_result) = (SELECT tf FROM serial_result) AS parallel_same,
       (SELECT tf FROM workers_result) = (SELECT tf FROM serial_result) AS workers_same;
SELECT f.* FROM serial_result, unnest(tf) AS f ORDER BY f.documents DESC, f.topic LIMIT 5;
DROP TABLE topics_regress_corpus;

-- ---------------------------------------------------------------------
-- topic_evidence(): the evidence behind each topic and the rules that set
-- evidence aside (team-written sentences)
-- ---------------------------------------------------------------------
-- a word inside a company name is no evidence; the same word outside is
SELECT topic, evidence, kind, occurrences, rule FROM topic_evidence(
  'Shares of Travelers Corp rose after its net income rose. General Cinema Corp raised its quarterly dividend.')
 WHERE topic IN ('film', 'lifestyle_leisure') ORDER BY topic, evidence;
SELECT topic, weight > 0 AS present FROM topic_evidence(
  'The film premiered at the cinema and the director thanked the actors.')
 WHERE topic = 'film' AND kind = 'term' LIMIT 1;
-- an acronym the document defines for another name
SELECT topic, evidence, rule FROM topic_evidence(
  'Canada Development Corp (CDC) sold its stake in a mining company. CDC said the sale closed.')
 WHERE topic = 'pandemic_public_health';
-- a term inside a longer term, a name inside a counted term
SELECT topic, evidence, kind, occurrences, score, rule FROM topic_evidence(
  'The two sides reaffirmed their counter-narcotics cooperation and discussed the war in Ukraine.')
 WHERE topic IN ('counter_narcotics', 'russia_ukraine_war') ORDER BY topic, score DESC, evidence;
-- a lone word is not a topic; a lone strong phrase is
SELECT count(*) FILTER (WHERE topic = 'corporate_earnings' AND weight > 0) AS earnings,
       count(*) FILTER (WHERE topic = 'corporate_earnings' AND rule = 'lone_term') AS lone
  FROM topic_evidence('The strike is not expected to affect earnings, the company said.');
-- a lone word for a sub-topic whose broader subject has no other evidence
-- is absent (unrest in a wage story); with a sibling sub-topic present it
-- stays, as a secondary topic (unrest beside a ceasefire)
SELECT topic, evidence, rule, weight > 0 AS present FROM topic_evidence(
  'Workers at the car plant voted to accept the new wage offer on Monday, ending weeks of unrest over pay. '
  'The union said the agreement raises wages by four percent this year and protects jobs at the plant until the end of next year. '
  'Management said production would return to normal this week after the vote.')
 WHERE topic IN ('protests', 'conflict_war_peace') ORDER BY topic, evidence;
SELECT topic, evidence, rule, weight > 0 AS present FROM topic_evidence(
  'The ceasefire between the army and the rebels held for a third day on Monday, and aid convoys reached the northern towns. '
  'Both sides said they would keep talking in the capital next week. There was unrest in two provincial towns, '
  'where residents complained that food had not arrived, local officials said.')
 WHERE topic = 'protests' ORDER BY topic, evidence;
-- a lone word is the subject of a thin business item that has no other:
-- it stays
SELECT topic, evidence, rule, weight > 0 AS present FROM topic_evidence(
  'Harbour Tools Inc said it has acquired the assets of a small maker of garden equipment in Ohio for an undisclosed sum. '
  'The company said the plant will keep its name and its managers. It said the step fits its plan to widen its range of '
  'products for home owners, and that it expects to make no other changes to the business this year.')
 WHERE topic = 'mergers_acquisitions';
-- a lone word far below the document's first topic is absent
SELECT topic, evidence, rule, weight > 0 AS present FROM topic_evidence(
  'Police arrested four former managers of a savings scheme on fraud charges on Tuesday, prosecutors said. '
  'The police said the suspects took deposits from thousands of clients, many of them pensioners, and promised returns '
  'that were never paid. Prosecutors said the investigation began after clients went to the police last year, '
  'and lawyers for the clients said they would sue to recover the money.')
 WHERE rule IN ('lone_term', 'lone_term_minor') ORDER BY topic, evidence;
SELECT to_topics('Police arrested four former managers of a savings scheme on fraud charges on Tuesday, prosecutors said. '
  'The police said the suspects took deposits from thousands of clients, many of them pensioners, and promised returns '
  'that were never paid. Prosecutors said the investigation began after clients went to the police last year, '
  'and lawyers for the clients said they would sue to recover the money.') ? 'society' AS society;
-- a defence procurement contract is defence spending, not war
SELECT topic FROM top_topics(
  'General Dynamics received a 45 mln dlr Navy contract for submarine propulsion systems, the Pentagon said.', 3)
 ORDER BY topic;
-- every topic of to_topics() has its evidence, with the same weight
SELECT bool_and(t.weight = e.weight) AS same_weights, count(*) > 0 AS some
  FROM topic_weights(to_topics((SELECT body FROM docs WHERE id = 3))) t
  JOIN (SELECT DISTINCT topic, weight FROM topic_evidence((SELECT body FROM docs WHERE id = 3))) e
    USING (topic);
SELECT count(*) AS absent_with_weight FROM topic_evidence((SELECT body FROM docs WHERE id = 3)) e
 WHERE e.weight > 0 AND NOT (to_topics((SELECT body FROM docs WHERE id = 3)) ? e.topic);
SELECT * FROM topic_evidence('') ;
SELECT * FROM topic_evidence(NULL);
