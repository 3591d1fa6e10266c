-- bench/gin.sql: GIN index build time and size on the same rows:
-- tsvector versus entities versus topics.
--
-- The values are stored columns (GENERATED ... STORED, computed once), so
-- the build time is the index's alone, without extraction.  Each round
-- drops and rebuilds every index, in rotated order, with
-- maintenance_work_mem = 256MB (GIN builds are not parallel in
-- PostgreSQL 15).  The indexes of the last round stay for bench/query.sql.
SET client_min_messages = notice;

-- Adds the stored columns tsv, ents and, when to_topics() can be stored and
-- indexed, tops.
CREATE FUNCTION bench.add_columns() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    ent text;
    top record;
    cols text;
    t0 timestamptz;
BEGIN
    SELECT regexp_replace(expr, '\mn\.', '', 'g') INTO ent
      FROM bench.contenders WHERE name = 'entities';
    cols := 'ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector(''english'', body)) STORED';
    IF ent IS NOT NULL THEN
        cols := cols || format(', ADD COLUMN ents diplomat.entities GENERATED ALWAYS AS (%s) STORED', ent);
    END IF;

    SELECT regexp_replace(c.expr, '\mn\.', '', 'g') AS expr, c.retset, c.rettype,
           (SELECT value FROM bench.facts WHERE key = 'immutable.topics') AS immutable,
           EXISTS (SELECT 1 FROM pg_opclass oc JOIN pg_am am ON am.oid = oc.opcmethod
                    WHERE am.amname = 'gin' AND oc.opcdefault AND oc.opcintype = c.rettype) AS gin
      INTO top
      FROM bench.contenders c WHERE c.name = 'topics';
    IF top.expr IS NULL THEN
        PERFORM bench.fact('gin.tops', 'to_topics() not available');
    ELSIF top.retset THEN
        PERFORM bench.fact('gin.tops', 'to_topics() returns a set');
    ELSIF top.immutable IS DISTINCT FROM 'true' THEN
        PERFORM bench.fact('gin.tops', 'to_topics() is not IMMUTABLE');
    ELSIF NOT top.gin THEN
        PERFORM bench.fact('gin.tops', format('type %s has no default GIN operator class', top.rettype));
    ELSE
        cols := cols || format(', ADD COLUMN tops %s GENERATED ALWAYS AS (%s) STORED',
                               top.rettype, top.expr);
        PERFORM bench.fact('gin.tops', 'yes');
    END IF;

    PERFORM bench.set('max_parallel_workers_per_gather', '0');
    t0 := clock_timestamp();
    EXECUTE 'ALTER TABLE news ' || cols;
    PERFORM bench.fact('columns.ms', (extract(epoch FROM clock_timestamp() - t0) * 1000)::text);
    PERFORM bench.fact('columns.sql', 'ALTER TABLE news ' || cols);
END $$;

-- The indexable columns a table has, in the order tsv, ents, tops.
CREATE FUNCTION bench.gin_columns(tbl regclass) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT array_agg(attname::text ORDER BY array_position(ARRAY['tsv', 'ents', 'tops'], attname::text))
      FROM pg_attribute
     WHERE attrelid = tbl AND attname IN ('tsv', 'ents', 'tops') AND NOT attisdropped;
$$;

-- Builds a GIN index on each column, rounds times, and records build time
-- and size.
CREATE FUNCTION bench.gin_build(tbl text, section text, size integer, rounds integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    col text;
    idx text;
BEGIN
    PERFORM bench.set('maintenance_work_mem', '256MB');
    PERFORM bench.set('max_parallel_maintenance_workers', '0');
    FOR r IN 1..rounds LOOP
        RAISE NOTICE 'bench: % GIN build round %/%', tbl, r, rounds;
        FOR col IN SELECT * FROM bench.rotate(bench.gin_columns(tbl::regclass), r) LOOP
            idx := tbl || '_' || col || '_gin';
            IF to_regclass(idx) IS NOT NULL THEN
                EXECUTE format('DROP INDEX %I', idx);
            END IF;
            PERFORM bench.record(section, 'build_ms', col, size, r,
                                 bench.ms(format('CREATE INDEX %I ON %I USING gin (%I)', idx, tbl, col)));
            PERFORM bench.record(section, 'size_bytes', col, size, r, pg_relation_size(idx::regclass));
        END LOOP;
    END LOOP;
END $$;

SELECT bench.add_columns();
VACUUM ANALYZE news;
DO $$
DECLARE
    col text;
    v float8;
BEGIN
    FOREACH col IN ARRAY bench.gin_columns('news') LOOP
        EXECUTE format('SELECT avg(pg_column_size(%I)) FROM news', col) INTO v;
        PERFORM bench.fact('colbytes.' || col, v::text);
    END LOOP;
END $$;
SELECT bench.gin_build('news', 'gin', 0, :rounds);
