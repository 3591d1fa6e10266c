-- make demo, first part: helpers for a 120-column terminal, then one line
-- per article (sentences counted by kind).  tools/demo-article.sql then
-- prints each article's entities, topics and events.
\set ON_ERROR_STOP on
\pset footer off
\pset null '-'
SET datestyle = 'ISO, YMD';
SET client_min_messages = warning;

-- clip(s, n): s in at most n characters, cut after a whole word when one
-- ends in the second half, with an ellipsis
CREATE FUNCTION pg_temp.clip(s text, n integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
    WHEN length(s) <= n THEN s
    WHEN length(substring(left(s, n) FROM '^(.*\S)\s')) >= n / 2
        THEN rtrim(substring(left(s, n) FROM '^(.*\S)\s'), ',;:') || '…'
    ELSE left(s, n - 1) || '…'
END $$;

-- wrap(items, width, indent, max_lines): the items joined by ", " in lines
-- of at most width characters, continuation lines indented; past max_lines
-- lines, the last one says how many items are left out
CREATE FUNCTION pg_temp.wrap(items text[], width integer, indent text, max_lines integer)
RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    lines text[] := '{}';
    line text := '';
    item text;
    room integer;
    n integer := coalesce(array_length(items, 1), 0);
    i integer;
BEGIN
    FOR i IN 1 .. n LOOP
        item := pg_temp.clip(items[i], width / 2);
        -- the last line keeps room for ", ... and N more"
        room := width - CASE WHEN coalesce(array_length(lines, 1), 0) = max_lines - 1
                             THEN 20 ELSE 1 END;
        IF line <> '' AND length(line) + 2 + length(item) > room THEN
            IF coalesce(array_length(lines, 1), 0) = max_lines - 1 THEN
                lines := lines || (line || ', … and ' || (n - i + 1) || ' more');
                RETURN array_to_string(lines, E'\n' || indent);
            END IF;
            lines := lines || (line || ',');
            line := '';
        END IF;
        line := CASE WHEN line = '' THEN item ELSE line || ', ' || item END;
    END LOOP;
    IF line <> '' THEN
        lines := lines || line;
    END IF;
    RETURN array_to_string(lines, E'\n' || indent);
END $$;

-- fit(widths, budget, keep): the widths cut down, the widest first, until
-- their sum is at most budget, so that a table fits the terminal clipping
-- as little as possible; columns are cut below their keep width (and down
-- to 8) only when the others are already there
CREATE FUNCTION pg_temp.fit(widths integer[], budget integer, keep integer[])
RETURNS integer[] LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    w integer[] := widths;
    floor integer[] := keep;
    widest integer;
    i integer;
BEGIN
    WHILE (SELECT sum(x) FROM unnest(w) x) > budget LOOP
        widest := 0;
        FOR i IN 1 .. array_length(w, 1) LOOP
            IF w[i] > floor[i] AND (widest = 0 OR w[i] > w[widest]) THEN
                widest := i;
            END IF;
        END LOOP;
        IF widest = 0 THEN
            EXIT WHEN floor = array_fill(8, ARRAY[array_length(w, 1)]);
            floor := array_fill(8, ARRAY[array_length(w, 1)]);
            CONTINUE;
        END IF;
        w[widest] := w[widest] - 1;
    END LOOP;
    RETURN w;
END $$;

-- who(name, actor, n): "name (ACTOR)" in at most n characters, the name
-- clipped so that the actor code stays
CREATE FUNCTION pg_temp.who(name text, actor text, n integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
    WHEN name IS NULL AND actor IS NULL THEN NULL
    WHEN actor IS NULL THEN pg_temp.clip(name, n)
    WHEN name IS NULL THEN actor
    ELSE pg_temp.clip(name, n - length(actor) - 3) || ' (' || actor || ')'
END $$;

-- day(d, precision): an event date written to its precision
CREATE FUNCTION pg_temp.day(d date, prec text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
SELECT CASE prec WHEN 'year' THEN to_char(d, 'YYYY')
                 WHEN 'month' THEN to_char(d, 'YYYY-MM')
                 ELSE to_char(d, 'YYYY-MM-DD') END $$;

\echo '== Articles: sentences by kind, tokens, distinct entities, events'
SELECT a.id, pg_temp.clip(a.file, 30) AS file, a.published, s.n AS sentences,
       s.kinds AS "sentence kinds",
       (SELECT count(*) FROM diplomat.tokens(a.body)) AS tokens,
       diplomat.length(a.ents) AS entities,
       (SELECT count(*) FROM diplomat.events(a.body, a.published)) AS events
  FROM articles a,
       LATERAL (SELECT sum(k.n) AS n,
                       string_agg(CASE WHEN k.n = 1 AND k.kind <> 'text' THEN k.kind
                                       ELSE k.n || ' ' || k.kind END, ', ' ORDER BY k.first) AS kinds
                  FROM (SELECT x.kind, count(*) AS n, min(x.sentence) AS first
                          FROM diplomat.sentences(a.body) x GROUP BY x.kind) k) s
 ORDER BY a.id;
