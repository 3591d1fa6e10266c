-- bench/firstcall.sql: first call in a new session, and the backend's
-- memory after it.  bench/run.sh runs this file in a fresh connection for
-- every measurement, with these variables:
--
--   kind   the contender recorded (entities, tsv_english, dictionary, idle)
--   call   the expression called, e.g. diplomat.to_entities('x'::text)
--   pre    optional: an expression called first (to load the library
--          before the call measured, so that only the dictionary counts)
--   round  the round number
--
-- The time is taken inside the server, from statement_timestamp() (when
-- the statement arrived) to clock_timestamp() after the call: parse, plan
-- (the constant call is folded there) and execution, without the
-- connection set-up.  Memory is the sum of pg_backend_memory_contexts and,
-- from /proc/self/status, the backend's anonymous resident memory
-- (RssAnon: also counts malloc, e.g. ICU's, which the contexts do not).
\set QUIET on
\if :{?pre}
SELECT (:pre) IS NOT NULL AS pre_ok \gset
\endif
SELECT (:call) IS NOT NULL AS ok,
       extract(epoch FROM clock_timestamp() - statement_timestamp()) * 1000 AS first_ms \gset
SELECT (:call) IS NOT NULL AS ok,
       extract(epoch FROM clock_timestamp() - statement_timestamp()) * 1000 AS warm_ms \gset
SELECT sum(total_bytes) AS mem_bytes,
       coalesce(sum(total_bytes) FILTER (WHERE name LIKE 'diplomat%'), 0) AS dict_bytes
  FROM pg_backend_memory_contexts \gset
SELECT coalesce(substring(pg_read_file('/proc/self/status') FROM 'RssAnon:\s+([0-9]+) kB')::bigint * 1024, 0)
       AS rss_anon \gset
INSERT INTO bench.runs (section, metric, contender, round, value)
VALUES ('firstcall', 'first_ms', :'kind', :round, :first_ms),
       ('firstcall', 'warm_ms', :'kind', :round, :warm_ms),
       ('firstcall', 'mem_bytes', :'kind', :round, :mem_bytes),
       ('firstcall', 'dict_bytes', :'kind', :round, :dict_bytes),
       ('firstcall', 'rss_anon_bytes', :'kind', :round, :rss_anon);
