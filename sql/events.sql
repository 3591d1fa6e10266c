-- Events: cameo coding of sentences written for this test, aggregates
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;
SET search_path = public, diplomat;

CREATE TEMP TABLE s (id int, published date, body text);
INSERT INTO s VALUES
 (1, '2023-10-28', 'WASHINGTON - Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Washington on Friday.'),
 (2, '2022-03-02', 'Russian forces shelled Kharkiv on Tuesday, killing several civilians.'),
 (3, '2024-05-10', 'Japan and South Korea will hold talks next week.'),
 (4, '2024-05-10', 'Blinken did not meet Lavrov at the conference.'),
 (5, '2023-02-21', 'Kyiv was visited by U.S. President Joe Biden on Monday.'),
 (6, '2024-01-12', 'The United States and Britain launched strikes on Houthi targets in Yemen.'),
 (7, '2024-03-01', 'The weather in Geneva was mild and the markets were calm.'),
 (8, '2024-01-13', 'President Joe Biden and Chinese President Xi Jinping met in California last November.');
SELECT id, source, target, code, source_name, target_name, location, event_date, date_precision, intent,
       goldstein, quad_class, pattern
  FROM s, events(s.body, s.published) ORDER BY id, sentence, start;
-- the rules that coded each event (doc/architecture.md lists the rules)
SELECT id, code, source, target, rule FROM s, events(s.body, s.published) ORDER BY id, sentence, start;
SELECT id, bool_and(substr(body, e.start, e.len) = e.text) AS spans_exact
  FROM s, events(s.body, s.published) e GROUP BY id ORDER BY id;
SELECT count(*) AS without_date FROM s, events(s.body) e WHERE e.event_date IS NOT NULL;
-- a NULL document has no events, with or without a date
SELECT (SELECT count(*) FROM events(NULL)) AS null_events,
       (SELECT count(*) FROM events(NULL, '2024-01-01')) AS null_events_dated;

-- hierarchy queries on coded events
SELECT id, code, source, target FROM s, events(s.body, s.published) e
 WHERE e.code <@ '04' AND e.source <@ 'USA' ORDER BY id;

-- one-a-day: the same event reported twice counts once
SELECT count(*) AS all_events, (SELECT count(*) FROM one_a_day(array_agg(e))) AS one_a_day
  FROM s, events(s.body || ' ' || s.body, s.published) e;

-- event_summary per dyad, and the same in a parallel plan
CREATE TABLE ev_corpus AS
SELECT (g % 8) + 1 AS id, e.*
  FROM generate_series(1, 400) g, s, events(s.body, s.published) e WHERE s.id = (g % 8) + 1;
SELECT source, target, (event_summary(code)).* FROM ev_corpus GROUP BY source, target ORDER BY source, target;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT event_summary(code) FROM ev_corpus;
SELECT (event_summary(code)).* FROM ev_corpus;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather; RESET parallel_leader_participation;
SELECT (event_summary(code)).* FROM ev_corpus;
-- summaries of disjoint parts (as on shards) combine into the summary of
-- the whole, the mean Goldstein score included, bit for bit
SELECT count(*) AS dyads, count(*) FILTER (WHERE c = w) AS equal
  FROM (SELECT source, target, event_summary_combine(part) AS c
          FROM (SELECT id % 3, source, target, event_summary(code) AS part
                  FROM ev_corpus GROUP BY 1, 2, 3) p GROUP BY 1, 2) c
  JOIN (SELECT source, target, event_summary(code) AS w FROM ev_corpus GROUP BY 1, 2) w
 USING (source, target);
SELECT (event_summary_combine(s)).* FROM (VALUES (NULL::event_stats), ((0, NULL, 0, 0, 0, 0, NULL)::event_stats)) v(s);
SELECT event_summary_combine(('1', 'Infinity', 1, 0, 0, 0, 1)::event_stats);
DROP TABLE ev_corpus;

-- CAMEO distinctions that were once coded wrong (sentences written for this test)
CREATE TEMP TABLE fixed (id int, body text);
INSERT INTO fixed VALUES
 (1, 'A man assaulted Danish Prime Minister Mette Frederiksen in Copenhagen on Friday.'),
 (2, 'Slovak Prime Minister Robert Fico was shot on Wednesday in an assassination attempt.'),
 (3, 'Former Japanese Prime Minister Shinzo Abe was shot dead on Friday in Nara.'),
 (4, 'A group of Somali pirates hijacked a bulk carrier in the Arabian Sea.'),
 (5, 'A roadside bomb hit a military patrol in northwestern Pakistan.'),
 (6, 'Iran denied on Tuesday that it had attacked Israel.'),
 (7, 'President Joe Biden said on Friday that the summit was not about China.'),
 (8, 'The European Commission said on Saturday it would triple its aid to Ukraine.'),
 (9, 'A magnitude 7.5 earthquake struck Japan on New Year''s Day.'),
 (10, 'A U.S. drone strike killed Iranian General Qassem Soleimani in Baghdad.'),
 (11, 'Antony Blinken holds talks with a senior Chinese party official, then meets Japan''s Yoko Kamikawa.'),
 (12, 'The Houthis have attacked ships since November. They seized the car carrier Galaxy Leader on Nov. 19.'),
 (13, 'Joe Biden and Xi Jinping met in Woodside, California, where the leaders agreed to restore military contacts.');
SELECT id, code, source, target, pattern FROM fixed, events(fixed.body, '2024-01-13') ORDER BY id, start;

-- a day past the end of its month is the month's last day (documented in
-- doc/events.md), in events() and in the DATE mention alike
SELECT to_char(e.event_date, 'YYYY-MM-DD') AS event_date, e.date_precision, m.name AS date_mention
  FROM events('Blinken met Wang Yi in Geneva on Feb 30, 2023.', '2023-03-05') e,
       mentions('Blinken met Wang Yi in Geneva on Feb 30, 2023.', '2023-03-05') m
 WHERE m.kind = 'DATE';
SELECT m.name FROM mentions('They met on April 31, 2021 and on Feb 29, 2024.', '2024-03-05') m
 WHERE m.kind = 'DATE' ORDER BY m.mention;

-- statements: a political speaker, about or to another political actor;
-- "..., X said" is X's; company news is no event (doc/events.md)
SELECT id, code, source, target, rule
  FROM (VALUES (1, 'Acme Corp said its first-quarter profit rose 12 percent.'),
               (2, 'Taiwan will never accept rule from Beijing, Taiwanese President Lai Ching-te said on Monday.'),
               (3, 'The European Commission said on Saturday it would triple its aid to Ukraine.'),
               (4, 'The company said it will cut 300 jobs to reduce costs.'),
               (5, 'President Joe Biden told reporters on Tuesday that he was ready.'),
               (6, 'The airline is cracking down on costs after a weak quarter.')) v(id, body),
       events(v.body, '2024-03-05')
 ORDER BY id;

-- negation, conditions, obligations, appeals and questions (doc/events.md)
SELECT id, code, source, target, rule
  FROM (VALUES (1, 'Israel must end its attacks on Gaza, Turkish President Recep Tayyip Erdogan said on Monday.'),
               (2, 'The United Nations urged Israel to end its attacks on Gaza.'),
               (3, 'The European Union called for talks between Russia and Ukraine.'),
               (4, 'The two sides failed to reach an agreement on Friday.'),
               (5, 'The minister could meet his Chinese counterpart next month.'),
               (6, 'If Iran attacks Israel, the United States will respond.'),
               (7, 'Will China invade Taiwan?'),
               (8, 'China will not invade Taiwan, the minister said.')) v(id, body),
       events(v.body, '2024-03-05')
 ORDER BY id, code, target;

-- event dates (doc/events.md): a date attached to a noun or a term is no
-- event date; a statement's date is next to its verb, else publication;
-- a future event's weekday is the coming one
SELECT id, code, source, target, to_char(event_date, 'YYYY-MM-DD') AS event_date, date_precision
  FROM (VALUES (1, 'Japan and China signed an agreement on Tuesday on bonds due April 21, 1992.'),
               (2, 'China criticised Japan over its February exports.'),
               (3, 'Blinken will meet Wang Yi on Friday.'),
               (4, 'Putin said on Monday that Russia was ready to negotiate with Ukraine in May.'),
               (5, 'Putin said that Russia was ready to negotiate with Ukraine in May.'),
               (6, 'China condemned Japan''s 1986 trade surplus.')) v(id, body),
       events(v.body, '2024-03-06')
 ORDER BY id, code;

-- confidence in [0, 1] and the PLOVER type of each event; the map the
-- events use is the one of plover() and of the table cameo_plover
SELECT id, code, confidence, plover, plover IS NOT DISTINCT FROM plover(code) AS same_as_plover
  FROM s, events(s.body, s.published) ORDER BY id, sentence, start;
SELECT count(*) AS codes, count(*) FILTER (WHERE plover(c.code) IS DISTINCT FROM
         (SELECT p.event FROM cameo_plover p
           WHERE p.code IN (c.code::text, left(c.code::text, 3), left(c.code::text, 2))
           ORDER BY length(p.code) DESC LIMIT 1)) AS disagree_with_table
  FROM cameo_codes() c;
-- statements => false leaves out bare statements; min_confidence the
-- events below it; a confidence outside [0, 1] is an error
SELECT (SELECT count(*) FROM events(d, '2024-03-05')) AS all_events,
       (SELECT count(*) FROM events(d, '2024-03-05', statements => false)) AS without_statements,
       (SELECT string_agg(code::text, ',' ORDER BY start) FROM events(d, '2024-03-05', statements => false)) AS codes,
       (SELECT bool_and(confidence >= 0.75) FROM events(d, '2024-03-05', statements => true, min_confidence => 0.75)) AS above,
       (SELECT count(*) FROM events(d, '2024-03-05', true, min_confidence => 1)) AS certain
  FROM (VALUES ('Taiwan will never accept rule from Beijing, Taiwanese President Lai Ching-te said on Monday. Antony Blinken held talks with Wang Yi in Beijing on Sunday. Officials said they would meet Iran.')) v(d);
SELECT count(*) FROM events('Blinken met Wang Yi.', NULL, true, 1.5);

-- a date in a relative clause dates the noun, not the meeting; a perfect
-- infinitive after "the only" is background, no event
SELECT code, source, target, event_date, rule
  FROM events('In a separate meeting, Blinken received Japanese Foreign Minister Yoko Kamikawa, '
              'who took up her post in September. Until now, Egypt and Jordan were the only Arab states '
              'to have signed peace treaties with Israel.', '2024-01-13');
