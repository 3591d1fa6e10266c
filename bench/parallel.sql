-- bench/parallel.sql: a parallel sequential scan with extraction, two
-- workers versus none, for to_entities() and, as the baseline,
-- to_tsvector('english').
--
-- Parallelism is forced (parallel_setup_cost = parallel_tuple_cost = 0,
-- min_parallel_table_scan_size = 0) so that the planner's cost estimates do
-- not decide; the leader takes part as usual.  The number of workers
-- actually launched is checked once with EXPLAIN ANALYZE and recorded.
SET client_min_messages = notice;

CREATE FUNCTION bench.parallel(rounds integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    configs text[];
    cfg text;
    c text;
    w text;
BEGIN
    PERFORM bench.set('parallel_setup_cost', '0');
    PERFORM bench.set('parallel_tuple_cost', '0');
    PERFORM bench.set('min_parallel_table_scan_size', '0');
    SELECT array_agg(name || '/' || nw ORDER BY ord, nw) INTO configs
      FROM bench.contenders, unnest(ARRAY['0', '2']) nw
     WHERE name IN ('tsv_english', 'entities') AND expr IS NOT NULL;

    -- warm-up, and the check that two workers are really launched
    FOREACH c IN ARRAY ARRAY['tsv_english', 'entities'] LOOP
        CONTINUE WHEN bench.extract_query(c, 'news') IS NULL;
        PERFORM bench.set('max_parallel_workers_per_gather', '2');
        PERFORM bench.fact('parallel.workers_launched.' || c,
                           coalesce(jsonb_path_query_first(
                               bench.plan(bench.extract_query(c, 'news'), true),
                               '$.**."Workers Launched"')::text, '0'));
    END LOOP;

    FOR r IN 1..rounds LOOP
        RAISE NOTICE 'bench: parallel round %/%', r, rounds;
        FOR cfg IN SELECT * FROM bench.rotate(configs, r) LOOP
            c := split_part(cfg, '/', 1);
            w := split_part(cfg, '/', 2);
            PERFORM bench.set('max_parallel_workers_per_gather', w);
            PERFORM bench.record('parallel', 'ms_workers_' || w, c, 0, r,
                                 bench.ms(bench.extract_query(c, 'news')));
        END LOOP;
    END LOOP;
    PERFORM bench.set('max_parallel_workers_per_gather', '0');
END $$;

SELECT bench.parallel(:rounds);
