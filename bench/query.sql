-- bench/query.sql: query latency on each GIN index, for a selective and a
-- common query.
--
--   tsvector  selective  tsv @@ to_tsquery('english', 'iraq')
--             common     tsv @@ to_tsquery('english', 'said')
--   entities  selective  ents @@ 'GPE:Iraq'
--             common     ents @@ 'GPE:"United States"'
--   topics    selective  the topic whose match count is nearest the
--                        tsvector selective query's; common: the topic
--                        matched by the most rows (when topics are indexed)
--
-- Each statement is SELECT count(*) FROM news WHERE <predicate>, with
-- enable_seqscan = off so that every query uses its GIN index (a bitmap
-- scan: the planner would choose a sequential scan for the common ones),
-- and without parallel workers.  The plan is checked and recorded.  After
-- one warm-up run, every query runs once per round in rotated order and
-- the report takes the median.  The shared buffers each query touches
-- (EXPLAIN (ANALYZE, BUFFERS)) are recorded too.
SET client_min_messages = notice;

CREATE TABLE bench.queries (
    name  text PRIMARY KEY,
    col   text NOT NULL,
    kind  text NOT NULL,
    label text NOT NULL,
    pred  text NOT NULL
);
INSERT INTO bench.queries VALUES
    ('tsv_selective', 'tsv', 'selective', '''iraq''',
     'tsv @@ to_tsquery(''english'', ''iraq'')'),
    ('tsv_common', 'tsv', 'common', '''said''',
     'tsv @@ to_tsquery(''english'', ''said'')'),
    ('ents_selective', 'ents', 'selective', 'GPE:Iraq',
     'ents OPERATOR(diplomat.@@) ''GPE:Iraq''::diplomat.newsquery'),
    ('ents_common', 'ents', 'common', 'GPE:"United States"',
     'ents OPERATOR(diplomat.@@) ''GPE:"United States"''::diplomat.newsquery');
DELETE FROM bench.queries q
 WHERE NOT q.col = ANY (bench.gin_columns('news'));

-- Chooses the two topic queries from the topics actually found in news.
CREATE FUNCTION bench.topic_queries() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    t regtype;
    op record;
    operand text;
    target bigint;
    sel text;
    com text;
BEGIN
    IF NOT 'tops' = ANY (bench.gin_columns('news')) THEN
        RETURN;
    END IF;
    SELECT atttypid::regtype INTO t FROM pg_attribute
     WHERE attrelid = 'news'::regclass AND attname = 'tops';
    SELECT o.oprname, o.oprnamespace::regnamespace::text AS nsp, o.oprright::regtype AS rt INTO op
      FROM pg_opclass oc
      JOIN pg_am am ON am.oid = oc.opcmethod
      JOIN pg_amop ao ON ao.amopfamily = oc.opcfamily
      JOIN pg_operator o ON o.oid = ao.amopopr
     WHERE am.amname = 'gin' AND oc.opcdefault AND oc.opcintype = t AND o.oprleft = t
       AND o.oprright IN ('diplomat.newsquery'::regtype, 'text'::regtype)
     ORDER BY o.oprright = 'diplomat.newsquery'::regtype DESC
     LIMIT 1;
    IF NOT FOUND THEN
        PERFORM bench.fact('query.tops', 'no GIN operator on topics taking a newsquery or a text');
        RETURN;
    END IF;
    operand := CASE WHEN op.rt = 'diplomat.newsquery'::regtype
                    THEN '(''topic:'' || k.key)::diplomat.newsquery' ELSE 'k.key' END;
    CREATE TEMP TABLE topic_counts (key text, n bigint);
    EXECUTE format('INSERT INTO topic_counts SELECT k.key, count(n.id) FROM diplomat.topic_defs k '
                   'LEFT JOIN news n ON n.tops OPERATOR(%s.%s) %s GROUP BY k.key',
                   op.nsp, op.oprname, operand);
    EXECUTE format('SELECT count(*) FROM news WHERE %s', (SELECT pred FROM bench.queries WHERE name = 'tsv_selective'))
       INTO target;
    SELECT key INTO sel FROM topic_counts WHERE n > 0 ORDER BY abs(n - target), key LIMIT 1;
    SELECT key INTO com FROM topic_counts ORDER BY n DESC, key LIMIT 1;
    IF sel IS NULL THEN
        PERFORM bench.fact('query.tops', 'no topic matches any row');
        RETURN;
    END IF;
    INSERT INTO bench.queries
    SELECT 'tops_' || kind, 'tops', kind,
           CASE WHEN op.rt = 'diplomat.newsquery'::regtype THEN 'topic:' || key ELSE key END,
           format('tops OPERATOR(%s.%s) %s', op.nsp, op.oprname,
                  CASE WHEN op.rt = 'diplomat.newsquery'::regtype
                       THEN quote_literal('topic:' || key) || '::diplomat.newsquery'
                       ELSE quote_literal(key) END)
      FROM (VALUES ('selective', sel), ('common', com)) v(kind, key);
    PERFORM bench.fact('query.tops', 'yes');
END $$;

-- Times every query of bench.queries on table tbl (whose indexes are named
-- <tbl>_<column>_gin), runs times each.
CREATE FUNCTION bench.query_latency(tbl text, section text, size integer, runs integer,
                                    only_kind text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    names text[];
    nm text;
    q text;
    p jsonb;
    n bigint;
BEGIN
    PERFORM bench.set('enable_seqscan', 'off');
    PERFORM bench.set('max_parallel_workers_per_gather', '0');
    SELECT array_agg(name ORDER BY col, kind DESC) INTO names
      FROM bench.queries
     WHERE (only_kind IS NULL OR kind = only_kind)
       AND col = ANY (bench.gin_columns(tbl::regclass));
    FOREACH nm IN ARRAY names LOOP
        SELECT format('SELECT count(*) FROM %I WHERE %s', tbl, pred) INTO q
          FROM bench.queries WHERE name = nm;
        p := bench.plan(q);
        PERFORM bench.fact(format('plan.%s.%s', tbl, nm),
                           CASE WHEN p::text LIKE format('%%"Index Name": "%s_%s_gin"%%', tbl,
                                                         (SELECT col FROM bench.queries WHERE name = nm))
                                THEN 'gin' ELSE 'NO INDEX: ' || p::text END);
        EXECUTE q INTO n;       -- warm-up, and the number of matching rows
        PERFORM bench.fact(format('match.%s.%s', tbl, nm), n::text);
        p := bench.plan(q, true) -> 0 -> 'Plan';
        PERFORM bench.fact(format('buffers.%s.%s', tbl, nm),
                           ((p ->> 'Shared Hit Blocks')::bigint + (p ->> 'Shared Read Blocks')::bigint)::text);
        PERFORM bench.fact(format('query.%s', nm), (SELECT pred FROM bench.queries WHERE name = nm));
    END LOOP;
    FOR r IN 1..runs LOOP
        FOR nm IN SELECT * FROM bench.rotate(names, r) LOOP
            SELECT format('SELECT count(*) FROM %I WHERE %s', tbl, pred) INTO q
              FROM bench.queries WHERE name = nm;
            PERFORM bench.record(section, 'ms', nm, size, r, bench.ms(q));
        END LOOP;
    END LOOP;
    PERFORM bench.set('enable_seqscan', 'on');
END $$;

SELECT bench.topic_queries();
SELECT bench.query_latency('news', 'query', 0, :runs);
