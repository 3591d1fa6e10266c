-- bench/report.sql: the summary table (medians and ratios against the
-- PostgreSQL full-text search baseline), as an aligned table, Markdown or
-- JSON.  bench/run.sh runs it three times:
--
--   -v build=1 -v table=1   builds bench.summary and prints the table
--   -v md=1                 prints bench/results/<run>.md
--   -v json=1               prints bench/results/<run>.json
--
-- The machine is described by variables set by bench/run.sh: cpu, nproc,
-- ram, kernel, run_date, load_start, load_end, git, so_md5, elapsed, mode,
-- rounds, sizes, sessions, runs.
SET client_min_messages = warning;
\pset footer off
\pset null '-'

\if :{?build}
SELECT bench.fact('nproc', :'nproc') AS ignored \gset

-- A number with three significant digits or so; n/a when missing.
CREATE FUNCTION bench.fmt(v float8) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL THEN 'n/a'
                WHEN abs(v) >= 100 THEN round(v::numeric)::text
                WHEN abs(v) >= 10 THEN round(v::numeric, 1)::text
                WHEN abs(v) >= 1 THEN round(v::numeric, 2)::text
                ELSE round(v::numeric, 3)::text END;
$$;

-- A fact as a number.
CREATE FUNCTION bench.f(p_key text) RETURNS float8
LANGUAGE sql STABLE AS $$ SELECT value::float8 FROM bench.facts WHERE key = p_key; $$;

CREATE TABLE bench.summary (
    ord      serial,
    section  text NOT NULL,
    metric   text NOT NULL,
    diplomat float8,
    baseline float8,
    ratio    float8,
    target   text NOT NULL,
    met      text NOT NULL,
    ref      boolean NOT NULL      -- a reference row: no diplomat value expected
);

-- Adds one row.  The target applies to the ratio (on = 'ratio') or to
-- diplomat's own value (on = 'value'); op is '>=' or '<='.
CREATE FUNCTION bench.add(p_section text, p_metric text, d float8, b float8,
                          op text DEFAULT NULL, lim float8 DEFAULT NULL,
                          p_on text DEFAULT 'ratio', unit text DEFAULT '',
                          p_ref boolean DEFAULT false)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    r float8;
    subject float8;
BEGIN
    IF d IS NOT NULL AND b IS NOT NULL AND b <> 0 THEN
        r := d / b;
    END IF;
    subject := CASE WHEN p_on = 'ratio' THEN r ELSE d END;
    INSERT INTO bench.summary (section, metric, diplomat, baseline, ratio, target, met, ref)
    VALUES (p_section, p_metric, d, b, r,
            CASE WHEN op IS NULL THEN '-'
                 WHEN p_on = 'ratio' THEN op || ' ' || bench.fmt(lim) || 'x'
                 ELSE op || ' ' || bench.fmt(lim) || unit END,
            CASE WHEN op IS NULL THEN '-'
                 WHEN subject IS NULL THEN 'n/a'
                 WHEN (op = '>=' AND subject >= lim) OR (op = '<=' AND subject <= lim) THEN 'yes'
                 ELSE 'no' END,
            p_ref);
END $$;

DO $$
DECLARE
    mb float8 := bench.f('bytes') / 1e6;
    tok float8 := bench.f('tokens');
    nproc integer := bench.f('nproc');
    base float8;
    ms float8;
    c record;
    q record;
    sec text;
    sizes integer[];
    s integer;
    lo integer;
    hi integer;
    e0 float8; e2 float8; t0 float8; t2 float8;
BEGIN
    -- throughput
    sec := 'Throughput, 1 core';
    base := bench.median('throughput', 'ms', 'tsv_english');
    FOR c IN SELECT * FROM (VALUES ('entities', 'to_entities()', 2.0), ('mentions', 'mentions()', NULL),
                                   ('topics', 'to_topics()', 2.0), ('events', 'events()', 1.0)) v(name, label, lim)
    LOOP
        ms := bench.median('throughput', 'ms', c.name);
        PERFORM bench.add(sec, c.label || ' MB/s vs to_tsvector(''english'')',
                          mb / (ms / 1000), mb / (base / 1000),
                          CASE WHEN c.lim IS NOT NULL THEN '>=' END, c.lim);
        PERFORM bench.add(sec, c.label || ' k tokens/s', tok / ms, tok / base);
    END LOOP;
    PERFORM bench.add(sec, 'reference: to_tsvector(''simple'') MB/s', NULL,
                      mb / (bench.median('throughput', 'ms', 'tsv_simple') / 1000), p_ref => true);

    -- GIN
    sec := 'GIN index, same rows';
    PERFORM bench.add(sec, 'entities index build s vs tsvector',
                      bench.median('gin', 'build_ms', 'ents') / 1000,
                      bench.median('gin', 'build_ms', 'tsv') / 1000, '<=', 0.25);
    PERFORM bench.add(sec, 'entities index size MB vs tsvector',
                      bench.median('gin', 'size_bytes', 'ents') / 1e6,
                      bench.median('gin', 'size_bytes', 'tsv') / 1e6, '<=', 0.25);
    PERFORM bench.add(sec, 'topics index build s vs tsvector',
                      bench.median('gin', 'build_ms', 'tops') / 1000,
                      bench.median('gin', 'build_ms', 'tsv') / 1000);
    PERFORM bench.add(sec, 'topics index size MB vs tsvector',
                      bench.median('gin', 'size_bytes', 'tops') / 1e6,
                      bench.median('gin', 'size_bytes', 'tsv') / 1e6);
    PERFORM bench.add(sec, 'stored entities bytes/row vs tsvector',
                      bench.f('colbytes.ents'), bench.f('colbytes.tsv'));

    -- queries
    sec := 'Query latency (GIN), ms';
    FOR q IN SELECT w.col, w.kind, d.name AS dname, d.label AS dl, t.label AS tl,
                    bench.f(format('match.news.%s', d.name)) AS dn,
                    bench.f(format('match.news.%s', t.name)) AS tn,
                    bench.median('query', 'ms', d.name) AS dms,
                    bench.median('query', 'ms', t.name) AS tms
               FROM (VALUES ('ents', 'selective', 1), ('ents', 'common', 2),
                            ('tops', 'selective', 3), ('tops', 'common', 4)) w(col, kind, o)
               LEFT JOIN bench.queries d ON d.col = w.col AND d.kind = w.kind
               LEFT JOIN bench.queries t ON t.col = 'tsv' AND t.kind = w.kind
              ORDER BY w.o
    LOOP
        CONTINUE WHEN q.dname IS NULL AND q.col = 'tops';
        PERFORM bench.add(sec, format('%s %s: %s (%s rows) vs %s (%s rows)',
                                      CASE q.col WHEN 'ents' THEN 'entities' ELSE 'topics' END,
                                      q.kind, coalesce(q.dl, 'n/a'), q.dn, q.tl, q.tn),
                          q.dms, q.tms,
                          CASE WHEN q.col = 'ents' AND q.kind = 'selective' THEN '<=' END, 1.5);
    END LOOP;
    IF NOT EXISTS (SELECT 1 FROM bench.queries WHERE col = 'tops') THEN
        PERFORM bench.add(sec, 'topics selective and common', NULL, NULL);
    END IF;

    -- first call
    sec := 'First call in a new session';
    PERFORM bench.add(sec, 'to_entities(''x'') first call ms vs to_tsvector(''english'', ''x'')',
                      bench.median('firstcall', 'first_ms', 'entities'),
                      bench.median('firstcall', 'first_ms', 'tsv_english'), '<=', 20, 'value', ' ms');
    PERFORM bench.add(sec, 'of which dictionary load (library already loaded) ms',
                      bench.median('firstcall', 'first_ms', 'dictionary'), NULL);
    PERFORM bench.add(sec, 'second call ms',
                      bench.median('firstcall', 'warm_ms', 'entities'),
                      bench.median('firstcall', 'warm_ms', 'tsv_english'));
    PERFORM bench.add(sec, 'backend memory after it MB (pg_backend_memory_contexts)',
                      bench.median('firstcall', 'mem_bytes', 'entities') / 1e6,
                      bench.median('firstcall', 'mem_bytes', 'tsv_english') / 1e6, '<=', 16, 'value', ' MB');
    PERFORM bench.add(sec, 'of which ''diplomat dictionaries'' context MB',
                      bench.median('firstcall', 'dict_bytes', 'entities') / 1e6, NULL);
    PERFORM bench.add(sec, 'growth over an idle backend MB',
                      (bench.median('firstcall', 'mem_bytes', 'entities')
                       - bench.median('firstcall', 'mem_bytes', 'idle')) / 1e6,
                      (bench.median('firstcall', 'mem_bytes', 'tsv_english')
                       - bench.median('firstcall', 'mem_bytes', 'idle')) / 1e6);
    PERFORM bench.add(sec, 'backend anonymous RSS after it MB (RssAnon)',
                      bench.median('firstcall', 'rss_anon_bytes', 'entities') / 1e6,
                      bench.median('firstcall', 'rss_anon_bytes', 'tsv_english') / 1e6);

    -- parallel
    sec := format('Parallel seq scan (%s cores)', nproc);
    e0 := bench.median('parallel', 'ms_workers_0', 'entities');
    e2 := bench.median('parallel', 'ms_workers_2', 'entities');
    t0 := bench.median('parallel', 'ms_workers_0', 'tsv_english');
    t2 := bench.median('parallel', 'ms_workers_2', 'tsv_english');
    PERFORM bench.add(sec, 'to_entities() no workers s vs to_tsvector(''english'')', e0 / 1000, t0 / 1000);
    PERFORM bench.add(sec, 'to_entities() 2 workers s', e2 / 1000, t2 / 1000);
    PERFORM bench.add(sec, 'speed-up with 2 workers', e0 / e2, t0 / t2,
                      '>=', 0.8 * least(3, nproc), 'value', 'x (80% of ideal)');

    -- scale
    SELECT array_agg(DISTINCT size ORDER BY size) INTO sizes FROM bench.runs WHERE section = 'scale';
    IF sizes IS NOT NULL THEN
        lo := sizes[1];
        hi := sizes[cardinality(sizes)];
        sec := 'Scale, Reuters copies, cost per MB';
        FOREACH s IN ARRAY sizes LOOP
            mb := bench.f('scale.bytes.' || s) / 1e6;
            PERFORM bench.add(sec, format('x%s (%s MB): extraction ms/MB, to_entities() vs to_tsvector', s, bench.fmt(mb)),
                              bench.median('scale', 'extract_ms', 'entities', s) / mb,
                              bench.median('scale', 'extract_ms', 'tsv_english', s) / mb);
            PERFORM bench.add(sec, format('x%s: GIN build ms/MB, entities vs tsvector', s),
                              bench.median('scale', 'build_ms', 'ents', s) / mb,
                              bench.median('scale', 'build_ms', 'tsv', s) / mb);
        END LOOP;
        FOR c IN SELECT * FROM (VALUES
                    ('extraction', 'scale', 'extract_ms', 'entities', 'tsv_english'),
                    ('GIN build time', 'scale', 'build_ms', 'ents', 'tsv'),
                    ('GIN size', 'scale', 'size_bytes', 'ents', 'tsv'),
                    ('selective query', 'scale_query', 'ms', 'ents_selective', 'tsv_selective')) v(label, section, metric, d, b)
        LOOP
            PERFORM bench.add(sec, format('growth x%s/x%s of %s per MB', hi, lo, c.label),
                              (bench.median(c.section, c.metric, c.d, hi) / bench.f('scale.bytes.' || hi))
                              / (bench.median(c.section, c.metric, c.d, lo) / bench.f('scale.bytes.' || lo)),
                              (bench.median(c.section, c.metric, c.b, hi) / bench.f('scale.bytes.' || hi))
                              / (bench.median(c.section, c.metric, c.b, lo) / bench.f('scale.bytes.' || lo)),
                              '<=', 1.2);
        END LOOP;
    END IF;
END $$;
\endif

\if :{?table}
\pset title 'diplomat benchmark (medians; baseline = PostgreSQL full-text search)'
SELECT section, metric,
       CASE WHEN ref THEN '-' ELSE bench.fmt(diplomat) END AS diplomat,
       CASE WHEN baseline IS NULL AND diplomat IS NOT NULL THEN '-' ELSE bench.fmt(baseline) END AS baseline,
       CASE WHEN ratio IS NULL THEN '-' ELSE bench.fmt(ratio) || 'x' END AS ratio,
       target, met AS "met?"
  FROM bench.summary ORDER BY ord;
\pset title
\endif

\if :{?md}
\pset format unaligned
\pset tuples_only on
SELECT concat_ws(E'\n',
    '# diplomat benchmark: ' || :'mode' || ' run',
    '',
    'Written by `make bench` (`bench/run.sh`); how it measures and how to read it: `bench/README.md`.',
    '',
    '## Machine',
    '',
    '- date: ' || :'run_date',
    '- CPU: ' || :'cpu' || ', ' || :'nproc' || ' cores (`nproc`)',
    '- RAM: ' || :'ram',
    '- kernel: ' || :'kernel',
    '- PostgreSQL: ' || version(),
    '- extension: diplomat ' || (SELECT extversion FROM pg_extension WHERE extname = 'diplomat')
        || ', checkout ' || :'git' || ', diplomat.so md5 ' || :'so_md5',
    '- load average at start / end: ' || :'load_start' || ' / ' || :'load_end',
    '- run time: ' || :'elapsed' || ' s',
    '',
    '## Corpus and settings',
    '',
    format('- news: %s rows, %s MB of body text, %s tokens (word and number tokens of diplomat.tokens()); %s',
           (SELECT value FROM bench.facts WHERE key = 'rows'),
           round((bench.f('bytes') / 1e6)::numeric, 1),
           (SELECT value FROM bench.facts WHERE key = 'tokens'),
           (SELECT string_agg(format('%s %s rows %s MB', substr(key, 6), value,
                                     round((bench.f('bytes.' || substr(key, 6)) / 1e6)::numeric, 1)), ', ' ORDER BY key)
              FROM bench.facts WHERE key LIKE 'rows.%')),
    format('- copies of the corpora: %s; sample: 1 article in %s', (SELECT value FROM bench.facts WHERE key = 'copies'),
           (SELECT value FROM bench.facts WHERE key = 'sample')),
    format('- rounds: %s (throughput, parallel, GIN, scale); query runs: %s; fresh sessions: %s; scale multiples: %s',
           :'rounds', :'runs', :'sessions', :'sizes'),
    '- one core = one backend with max_parallel_workers_per_gather = 0; jit = off; shared_buffers = 256MB; '
        || 'maintenance_work_mem = 256MB for index builds',
    '',
    '## Results',
    '',
    '| section | metric | diplomat | baseline | ratio | target | met? |',
    '|---|---|---:|---:|---:|---|---|',
    (SELECT string_agg(format('| %s | %s | %s | %s | %s | %s | %s |', section,
                              replace(metric, '|', '\|'),
                              CASE WHEN ref THEN '-' ELSE bench.fmt(diplomat) END,
                              CASE WHEN baseline IS NULL AND diplomat IS NOT NULL THEN '-' ELSE bench.fmt(baseline) END,
                              CASE WHEN ratio IS NULL THEN '-' ELSE bench.fmt(ratio) || 'x' END,
                              target, met), E'\n' ORDER BY ord)
       FROM bench.summary),
    '',
    '## Notes',
    '',
    (SELECT string_agg('- ' || line, E'\n' ORDER BY o) FROM (
        SELECT 1 AS o, 'contenders not available in this build: '
                       || coalesce(string_agg(label, ', ' ORDER BY ord), 'none') AS line
          FROM bench.contenders WHERE expr IS NULL
        UNION ALL
        SELECT 2, 'topics GIN index: ' || value FROM bench.facts WHERE key = 'gin.tops'
        UNION ALL
        SELECT 3, 'topic queries: ' || value FROM bench.facts WHERE key = 'query.tops'
        UNION ALL
        SELECT 4, 'queries timed: ' || string_agg(format('`%s`', value), ', ' ORDER BY key)
          FROM bench.facts WHERE key LIKE 'query.%\_%' AND key NOT LIKE 'query.tops'
        UNION ALL
        SELECT 5, 'every query used its GIN index (bitmap scan): '
                  || CASE WHEN bool_and(value = 'gin') THEN 'yes'
                          ELSE 'NO: ' || string_agg(key, ', ') FILTER (WHERE value <> 'gin') END
          FROM bench.facts WHERE key LIKE 'plan.%'
        UNION ALL
        SELECT 5, 'shared buffers touched per query (EXPLAIN (ANALYZE, BUFFERS)): '
                  || string_agg(format('%s %s', substr(key, 14), value), ', ' ORDER BY key)
          FROM bench.facts WHERE key LIKE 'buffers.news.%'
        UNION ALL
        SELECT 6, 'parallel workers launched (EXPLAIN ANALYZE): '
                  || string_agg(substr(key, 27) || ' ' || value, ', ' ORDER BY key)
          FROM bench.facts WHERE key LIKE 'parallel.workers_launched.%'
        UNION ALL
        SELECT 7, format('computing the stored columns (%s) took %s s on one core',
                         (SELECT array_to_string(bench.gin_columns('news'), ', ')),
                         round((bench.f('columns.ms') / 1000)::numeric, 1))
        ) notes),
    '');
\endif

\if :{?json}
\pset format unaligned
\pset tuples_only on
-- pretty-printed, except the measurements: one compact line each
SELECT '{' || E'\n' || string_agg(format('"%s": %s', k, v), E',\n' ORDER BY o) || E'\n}'
  FROM (
    SELECT 1 AS o, 'machine' AS k, jsonb_pretty(jsonb_build_object(
        'date', :'run_date', 'cpu', :'cpu', 'nproc', (:'nproc')::int, 'ram', :'ram',
        'kernel', :'kernel', 'postgresql', version(),
        'extension_version', (SELECT extversion FROM pg_extension WHERE extname = 'diplomat'),
        'checkout', :'git', 'diplomat_so_md5', :'so_md5',
        'load_average_start', :'load_start', 'load_average_end', :'load_end',
        'run_seconds', (:'elapsed')::int)) AS v
    UNION ALL
    SELECT 2, 'settings', jsonb_pretty(jsonb_build_object(
        'mode', :'mode', 'rounds', (:'rounds')::int, 'query_runs', (:'runs')::int,
        'sessions', (:'sessions')::int, 'scale_sizes', :'sizes'))
    UNION ALL
    SELECT 3, 'facts', jsonb_pretty((SELECT jsonb_object_agg(key, value) FROM bench.facts))
    UNION ALL
    SELECT 4, 'summary', E'[\n' || string_agg(jsonb_build_object(
                    'section', section, 'metric', metric, 'diplomat', CASE WHEN ref THEN NULL ELSE diplomat END,
                    'baseline', baseline, 'ratio', ratio, 'target', target, 'met', met)::text,
                    E',\n' ORDER BY ord) || E'\n]'
      FROM bench.summary
    UNION ALL
    SELECT 5, 'medians', E'[\n' || string_agg(jsonb_build_object(
                    'section', section, 'metric', metric, 'contender', contender, 'size', size,
                    'median', m, 'min', lo, 'max', hi, 'n', n)::text,
                    E',\n' ORDER BY section, metric, contender, size) || E'\n]'
      FROM (SELECT section, metric, contender, size, count(*) AS n, min(value) AS lo, max(value) AS hi,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS m
              FROM bench.runs GROUP BY 1, 2, 3, 4) x
    UNION ALL
    SELECT 6, 'runs', E'[\n' || string_agg(jsonb_build_array(section, metric, contender, size, round, value)::text,
                                          E',\n' ORDER BY at) || E'\n]'
      FROM bench.runs
  ) parts;
\endif
