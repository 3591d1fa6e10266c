-- The development sentences the coder misses, for a round of fixes
-- (eval/dev-misses.sh runs it after make eval).  Reads the tables
-- eval/events_dev.sql left in the evaluation database: the sentence text
-- comes from the shared development data loaded there, never from the
-- repository, and is printed to the terminal only.
--
-- Part 1: sentences where no event has a root in the gold class, with
-- the events coded (code, source > target, pattern).
-- Part 2: annotated sentences whose coded sources share no word with the
-- gold source span, with the gold span and the coded sources.
\set QUIET on
\pset format unaligned
\pset fieldsep ' | '
\pset tuples_only on
SELECT 'class miss', r.class, g.sentence,
       coalesce((SELECT string_agg(p.code || ' ' || coalesce(p.source_name, '-') || ' > ' ||
                                   coalesce(p.target_name, '-') || ' [' || p.pattern || ']', '; ')
                   FROM dev_pred p WHERE p.id = r.id), '(no event)')
  FROM dev_result r JOIN dev_gold g USING (id)
 WHERE NOT r.hit
 ORDER BY r.class, r.id;
SELECT 'source miss', r.class, g.source_spans, g.sentence,
       coalesce((SELECT string_agg(DISTINCT coalesce(p.source_name, '-'), '; ')
                   FROM dev_pred p WHERE p.id = r.id), '(no event)')
  FROM dev_result r JOIN dev_gold g USING (id)
 WHERE r.has_src AND NOT r.src_ok
 ORDER BY r.class, r.id;
