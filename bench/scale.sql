-- bench/scale.sql: how each cost grows with the corpus.
--
-- For every multiple N in :sizes, table news_xN holds N copies of the
-- Reuters articles (copy k > 1 has '#k' appended to its ids) with their
-- stored tsv, ents and tops values copied, not recomputed.  On each table:
-- extraction time of to_entities() and to_tsvector('english') (one core,
-- rotated, :rounds rounds), GIN build time of each column (:rounds
-- rounds) and the selective queries' latency (:runs runs).  The report
-- divides every cost by the table's megabytes of body text: linear growth
-- means a constant cost per MB.  Copies are identical text, so the GIN
-- posting lists grow exactly N times; the dictionary of keys does not.
SET client_min_messages = notice;

-- Creates news_x<size>.
CREATE FUNCTION bench.scale_prepare(size integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE NOTICE 'bench: scale x%', size;
    IF to_regclass('news_x' || size) IS NOT NULL THEN
        EXECUTE format('DROP TABLE news_x%s', size);
    END IF;
    EXECUTE format('CREATE TABLE news_x%s AS SELECT %s FROM news n, generate_series(1, %s) g '
                   'WHERE n.corpus = ''reuters'' AND n.id NOT LIKE ''%%#%%'' ORDER BY g, n.id',
                   size,
                   'CASE WHEN g = 1 THEN n.id ELSE n.id || ''#'' || g END AS id, n.corpus, n.title, '
                   'n.body, n.published, '
                   || (SELECT string_agg('n.' || quote_ident(c), ', ') FROM unnest(bench.gin_columns('news')) c),
                   size);
END $$;

-- Measures extraction, GIN builds and selective queries on news_x<size>.
CREATE FUNCTION bench.scale_measure(size integer, rounds integer, runs integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    tbl text := 'news_x' || size;
    names text[];
    c text;
    b bigint;
BEGIN
    EXECUTE format('SELECT sum(octet_length(body)) FROM %I', tbl) INTO b;
    PERFORM bench.fact('scale.bytes.' || size, b::text);
    PERFORM bench.set('max_parallel_workers_per_gather', '0');
    SELECT array_agg(name ORDER BY ord) INTO names
      FROM bench.contenders WHERE name IN ('tsv_english', 'entities') AND expr IS NOT NULL;
    PERFORM bench.ms(format('SELECT sum(length(body)) FROM %I', tbl));
    FOR r IN 1..rounds LOOP
        RAISE NOTICE 'bench: scale x% extraction round %/%', size, r, rounds;
        FOR c IN SELECT * FROM bench.rotate(names, r) LOOP
            PERFORM bench.record('scale', 'extract_ms', c, size, r,
                                 bench.ms(bench.extract_query(c, quote_ident(tbl))));
        END LOOP;
    END LOOP;
    PERFORM bench.gin_build(tbl, 'scale', size, rounds);
END $$;

-- Selective query latency on news_x<size>, after VACUUM ANALYZE.
CREATE FUNCTION bench.scale_query(size integer, runs integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bench.query_latency('news_x' || size, 'scale_query', size, runs, 'selective');
END $$;

SELECT format('SELECT bench.scale_prepare(%s)', s),
       format('SELECT bench.scale_measure(%s, %s, %s)', s, :rounds, :runs),
       format('VACUUM ANALYZE news_x%s', s),
       format('SELECT bench.scale_query(%s, %s)', s, :runs),
       format('DROP TABLE news_x%s', s)
  FROM unnest(:'sizes'::integer[]) s
\gexec
