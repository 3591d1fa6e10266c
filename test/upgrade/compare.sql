-- What must be equal between two databases (run by test/upgrade.sh and
-- test/restore.sh on each, then compared): the extension's catalog state,
-- the dictionary tables and compiled image, the models, every stored value
-- and the results of queries that use the indexes.
SET datestyle = 'ISO, YMD';
SET extra_float_digits = 0;
SET search_path = public, diplomat;
SET client_min_messages = warning;
\pset format unaligned
\pset tuples_only on
\echo == extension
SELECT e.extname, e.extversion, e.extnamespace::regnamespace, e.extrelocatable,
       e.extowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) AS owned_by_installer
  FROM pg_extension e WHERE e.extname = 'diplomat';
SELECT c.relid::regclass, c.cond
  FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS c(relid, cond)
 WHERE e.extname = 'diplomat' ORDER BY 1::text;
\echo == members
SELECT pg_describe_object(d.classid, d.objid, d.objsubid)
  FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND e.extname = 'diplomat'
 ORDER BY 1;
\echo == initial privileges
SELECT pg_describe_object(p.classoid, p.objoid, p.objsubid), p.privtype, p.initprivs::text
  FROM pg_init_privs p JOIN pg_depend d ON d.classid = p.classoid AND d.objid = p.objoid
  JOIN pg_extension e ON e.oid = d.refobjid
 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND e.extname = 'diplomat'
 ORDER BY 1, 2;
\echo == dictionaries
SELECT 'gazetteer', t::text FROM diplomat.gazetteer t ORDER BY 2;
SELECT 'offices', t::text FROM diplomat.offices t ORDER BY 2;
SELECT 'roles', t::text FROM diplomat.roles t ORDER BY 2;
SELECT 'lexicon', t::text FROM diplomat.lexicon t ORDER BY 2;
SELECT 'verbs', t::text FROM diplomat.verbs t ORDER BY 2;
SELECT 'patterns', t::text FROM diplomat.patterns t ORDER BY 2;
SELECT 'topic_defs', t::text FROM diplomat.topic_defs t ORDER BY 2;
SELECT 'topic_terms', t::text FROM diplomat.topic_terms t ORDER BY 2;
SELECT 'dictionary_removed', t::text FROM diplomat.dictionary_removed t ORDER BY 2;
SELECT 'image', format, md5(image) FROM diplomat.dictionary_image;
SELECT 'dictionary_info', entities, offices, roles, patterns, topics, words, trie_nodes, image_bytes, source, checksum,
       offices_from, offices_to, valid_from, valid_to, regions
  FROM diplomat.dictionary_info();
SELECT 'dictionary_coverage', c::text FROM diplomat.dictionary_coverage() c;
SELECT 'country_regions', t::text FROM diplomat.country_regions t ORDER BY 2;
SELECT 'cameo_plover', t::text FROM diplomat.cameo_plover t ORDER BY 2;
\echo == models
SELECT to_jsonb(m) - 'trained_at' - 'train_seconds' FROM diplomat.topic_models m ORDER BY m.model;
\echo == stored values
SELECT a::text FROM public.articles a ORDER BY a.id;
SELECT c::text FROM public.coded c ORDER BY c::text;
\echo == queries through the indexes
SET enable_seqscan = off;
SELECT 'ents', id FROM public.articles WHERE ents @@ 'PER:"Antony Blinken" & GPE:Beijing' ORDER BY id;
SELECT 'ents', id FROM public.articles WHERE ents @@ 'GPE:Quarnia | GPE:Tonga | GPE:Fiji | GPE:Vanuatu' ORDER BY id;
SELECT 'tops', id FROM public.articles WHERE tops ? 'deep_sea_mining' ORDER BY id;
SELECT 'expr', id FROM public.articles WHERE diplomat.to_entities(body, published) @@ 'PER:"Zorblax Quimby"' ORDER BY id;
SELECT 'first', id FROM public.articles WHERE first = 'PER:Zorblax Quimby' ORDER BY id;
SELECT 'code', id, code FROM public.coded WHERE code <@ '11' OR code <@ '04' ORDER BY id, code;
RESET enable_seqscan;
\echo == extraction now
SELECT a.id, m.mention, m.kind, m.name, m.country, m.actor, m.role, m.how
  FROM public.articles a, diplomat.mentions(a.body, a.published) m ORDER BY 1, 2;
SELECT a.id, e.source, e.code, e.target, e.location, e.event_date, e.pattern
  FROM public.articles a, diplomat.events(a.body, a.published) e ORDER BY 1, e.start;
SELECT a.id, diplomat.to_topics(a.body), diplomat.classify_label(a.body, 'upgrade_model')
  FROM public.articles a ORDER BY 1;
SELECT g::text FROM diplomat.gdelt_events('public.articles') g;
SELECT m::text FROM diplomat.gdelt_mentions('public.articles') m;
