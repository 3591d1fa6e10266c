-- bench/throughput.sql: extraction throughput on one core.
--
-- Every available contender is run over every row of news, once per
-- round, in an order rotated from round to round; no parallel workers, so
-- the time is one backend's, i.e. one core's.  The report divides the
-- corpus bytes and tokens by the median time.
SET client_min_messages = notice;

CREATE FUNCTION bench.throughput(rounds integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    names text[];
    c text;
    q text;
BEGIN
    PERFORM bench.set('max_parallel_workers_per_gather', '0');
    SELECT array_agg(name ORDER BY ord) INTO names
      FROM bench.contenders WHERE expr IS NOT NULL;

    -- warm-up: table pages in cache, dictionaries and snowball stemmer loaded
    PERFORM bench.ms('SELECT sum(length(body)) FROM news');
    FOREACH c IN ARRAY names LOOP
        PERFORM bench.ms(bench.extract_query(c, '(SELECT * FROM news LIMIT 500)'));
    END LOOP;

    FOR r IN 1..rounds LOOP
        RAISE NOTICE 'bench: throughput round %/%', r, rounds;
        FOR c IN SELECT * FROM bench.rotate(names, r) LOOP
            q := bench.extract_query(c, 'news');
            PERFORM bench.record('throughput', 'ms', c, 0, r, bench.ms(q));
        END LOOP;
    END LOOP;
END $$;

SELECT bench.throughput(:rounds);
