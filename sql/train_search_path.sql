-- Nothing that train_topics(), classify() and classify_label() run may
-- resolve through the caller's search_path (the training query itself runs
-- as written: it is the caller's query).  Exact-type overloads of the
-- functions and operators they and the row-level security policies of
-- diplomat.topic_models use are planted in public, ahead of pg_catalog;
-- training, retraining and classifying as superuser and as an ordinary
-- role must not call any of them.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;
DROP ROLE IF EXISTS regress_model_carol;
CREATE ROLE regress_model_carol;
GRANT USAGE ON SCHEMA diplomat TO regress_model_carol;

CREATE TABLE public.hijack_log (what text);
GRANT INSERT ON public.hijack_log TO PUBLIC;
CREATE TABLE public.hijack_news (doc text, label text);
INSERT INTO public.hijack_news
SELECT w || ' ' || g, l
  FROM (VALUES ('goal', 'sport'), ('match', 'sport'), ('shares', 'markets'), ('bonds', 'markets')) v(w, l),
       generate_series(1, 40) g;
GRANT SELECT ON public.hijack_news TO regress_model_carol;

CREATE FUNCTION public.hijack_name_eq(name, name) RETURNS boolean LANGUAGE plpgsql AS
$$ BEGIN INSERT INTO public.hijack_log VALUES ('=(name,name)'); RETURN $1::text OPERATOR(pg_catalog.=) $2::text; END $$;
CREATE OPERATOR public.= (LEFTARG = name, RIGHTARG = name, FUNCTION = public.hijack_name_eq);
CREATE FUNCTION public.hijack_oid_eq(oid, oid) RETURNS boolean LANGUAGE plpgsql AS
$$ BEGIN INSERT INTO public.hijack_log VALUES ('=(oid,oid)'); RETURN $1 OPERATOR(pg_catalog.=) $2; END $$;
CREATE OPERATOR public.= (LEFTARG = oid, RIGHTARG = oid, FUNCTION = public.hijack_oid_eq);
CREATE FUNCTION public.hijack_oid_ne(oid, oid) RETURNS boolean LANGUAGE plpgsql AS
$$ BEGIN INSERT INTO public.hijack_log VALUES ('<>(oid,oid)'); RETURN $1 OPERATOR(pg_catalog.<>) $2; END $$;
CREATE OPERATOR public.<> (LEFTARG = oid, RIGHTARG = oid, FUNCTION = public.hijack_oid_ne);
CREATE FUNCTION public.pg_has_role(oid, text) RETURNS boolean LANGUAGE plpgsql AS
$$ BEGIN INSERT INTO public.hijack_log VALUES ('pg_has_role(oid,text)'); RETURN true; END $$;
CREATE FUNCTION public.pg_has_role(regrole, text) RETURNS boolean LANGUAGE plpgsql AS
$$ BEGIN INSERT INTO public.hijack_log VALUES ('pg_has_role(regrole,text)'); RETURN true; END $$;
CREATE FUNCTION public.unnest(oid[]) RETURNS SETOF oid LANGUAGE plpgsql AS
$$ BEGIN INSERT INTO public.hijack_log VALUES ('unnest(oid[])'); RETURN; END $$;
CREATE FUNCTION public.quote_ident(name) RETURNS text LANGUAGE plpgsql AS
$$ BEGIN INSERT INTO public.hijack_log VALUES ('quote_ident(name)'); RETURN 'postgres'; END $$;
CREATE FUNCTION public.now() RETURNS timestamptz LANGUAGE plpgsql AS
$$ BEGIN INSERT INTO public.hijack_log VALUES ('now()'); RETURN 'epoch'; END $$;

-- the planted objects do run when a query resolves through search_path
SET search_path = public, pg_catalog;
SELECT 'a'::name = 'a'::name AS planted_works;
SELECT count(*) AS planted_calls FROM public.hijack_log;
TRUNCATE public.hijack_log;

-- as superuser: train, retrain (the update path), classify
SELECT rows, labels FROM diplomat.train_topics('hijack_model', 'SELECT doc, label FROM hijack_news');
SELECT rows, labels FROM diplomat.train_topics('hijack_model', 'SELECT doc, label FROM hijack_news', 4096);
SELECT diplomat.classify_label('shares and bonds', 'hijack_model');
SELECT label FROM diplomat.classify('a late goal', 'hijack_model') LIMIT 1;

-- as an ordinary role, under the row-level security policies
SET ROLE regress_model_carol;
SET search_path = public, pg_catalog;
SELECT rows FROM diplomat.train_topics('hijack_carol', 'SELECT doc, label FROM hijack_news');
SELECT rows FROM diplomat.train_topics('hijack_carol', 'SELECT doc, label FROM hijack_news', 2048);
SELECT diplomat.classify_label('shares and bonds', 'hijack_carol');
SELECT diplomat.classify_label('shares and bonds', 'hijack_model');
RESET ROLE;

-- none of the planted functions or operators ran
RESET search_path;
SELECT what, count(*) FROM public.hijack_log GROUP BY what ORDER BY what;
SELECT count(*) AS hijacked FROM public.hijack_log;

DELETE FROM diplomat.topic_models WHERE model IN ('hijack_model', 'hijack_carol');
DROP OPERATOR public.= (name, name);
DROP OPERATOR public.= (oid, oid);
DROP OPERATOR public.<> (oid, oid);
DROP FUNCTION public.hijack_name_eq(name, name), public.hijack_oid_eq(oid, oid),
  public.hijack_oid_ne(oid, oid), public.pg_has_role(oid, text),
  public.pg_has_role(regrole, text), public.unnest(oid[]), public.quote_ident(name),
  public.now();
DROP TABLE public.hijack_log, public.hijack_news;
REVOKE USAGE ON SCHEMA diplomat FROM regress_model_carol;
DROP ROLE regress_model_carol;
