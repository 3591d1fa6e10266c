-- Values a user derives from the extraction functions into plain columns
-- and tables; after a dictionary change or an update the user runs this
-- again (doc/dictionaries.md, "Dictionaries and stored values").
UPDATE public.articles a SET
    first = (SELECT m.entity FROM diplomat.mentions(a.body, a.published) m ORDER BY m.mention LIMIT 1),
    query = ('GPE:' || coalesce((SELECT m.name FROM diplomat.mentions(a.body, a.published) m
                                  WHERE m.kind = 'GPE' ORDER BY m.mention LIMIT 1), 'Nowhere'))::diplomat.newsquery,
    codes = ARRAY(SELECT e.code FROM diplomat.events(a.body, a.published) e ORDER BY e.start),
    actors = ARRAY(SELECT e.source FROM diplomat.events(a.body, a.published) e WHERE e.source IS NOT NULL ORDER BY e.start),
    evs = ARRAY(SELECT e FROM diplomat.events(a.body, a.published) e ORDER BY e.start);
TRUNCATE public.coded;
INSERT INTO public.coded
SELECT a.id, e.code, e.source FROM public.articles a, diplomat.events(a.body, a.published) e;
