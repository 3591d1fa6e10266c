/*-------------------------------------------------------------------------
 *
 * nlp.c
 *	  SQL functions that run the analysis engine over a document:
 *	  mentions(), to_entities(), and text @@ newsquery.
 *
 *-------------------------------------------------------------------------
 */
#include "diplomat.h"
#include "dictionary.h"
#include "entities.h"
#include "nlp.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/tuplestore.h"

#include <math.h>

PG_FUNCTION_INFO_V1(dip_mentions);
PG_FUNCTION_INFO_V1(dip_entities);
PG_FUNCTION_INFO_V1(text_match_newsquery);

/*
 * Runs the engine over doc in a private memory context (the caller deletes
 * it with dipg_analysis_end), in windows of window bytes, calling fn (may
 * be NULL) after each (see dip_analyze_windows).
 */
static void
analysis_run(DipgAnalysis *ga, text *doc, int32 published, int want, size_t window,
			 DipWindowFn fn, void *arg)
{
	MemoryContext old;

	dipg_check_encoding();
	ga->dict = dipg_dictionary();
	ga->cxt = AllocSetContextCreate(CurrentMemoryContext, "diplomat analysis",
									ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(ga->cxt);
	dipg_mem_init(&ga->mem, ga->cxt);
	ga->text = VARDATA_ANY(doc);
	ga->len = VARSIZE_ANY_EXHDR(doc);
	dip_analysis_init(&ga->an, &ga->mem, ga->dict, published, want);
	dip_analyze_windows(&ga->an, ga->text, ga->len, window, fn, arg);
	MemoryContextSwitchTo(old);
}

/*
 * Runs the engine over doc, keeping every mention and event of the
 * document in ga->an (memory grows with them).  published may be
 * DIP_DATE_NONE.
 */
void
dipg_analysis_begin(DipgAnalysis *ga, text *doc, int32 published, int want)
{
	analysis_run(ga, doc, published, want, SIZE_MAX, NULL, NULL);
}

/*
 * Runs the engine over doc window by window (DIP_WINDOW bytes): fn, if not
 * NULL, sees each window's mentions and events, which are then forgotten,
 * so that memory does not grow with the document.  At the end ga->an has
 * the document's entities and topics.
 */
void
dipg_analysis_stream(DipgAnalysis *ga, text *doc, int32 published, int want,
					 DipWindowFn fn, void *arg)
{
	analysis_run(ga, doc, published, want, DIP_WINDOW, fn, arg);
}

void
dipg_analysis_end(DipgAnalysis *ga)
{
	MemoryContextDelete(ga->cxt);
}

int32
dipg_published_arg(FunctionCallInfo fcinfo, int argno)
{
	DateADT		d;

	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return DIP_DATE_NONE;
	d = PG_GETARG_DATEADT(argno);
	if (DATE_NOT_FINITE(d))
		return DIP_DATE_NONE;
	return (int32) d;
}

/* The document's entities as an entities value (palloc'd by the caller's
 * context).  With topics, topic keys with a weight are added too. */
Entities *
dipg_analysis_entities(DipgAnalysis *ga, bool with_topics)
{
	DipAnalysis *an = &ga->an;
	int			n = 0;
	EntityItem *items;
	float	   *w = NULL;
	uint32		nt = ga->dict->hdr->ntopics;

	items = palloc(Max(an->nents + (with_topics ? nt : 0), 1) * sizeof(EntityItem));
	for (uint32 e = 0; e < an->nents; e++)
	{
		DipEnt	   *de = &an->ents[e];

		if (de->count == 0 || de->kind == DIP_KIND_DATE)
			continue;
		items[n].kind = de->kind;
		items[n].name = de->name;
		items[n].len = Min((int) de->namelen, ENTITY_MAX_NAME);
		memcpy(items[n].country, de->country, 3);
		items[n].value = de->count;
		n++;
	}
	if (with_topics && an->topics != NULL)
	{
		w = palloc(Max(nt, 1) * sizeof(float));
		dip_topic_weights(an, w);
		for (uint32 t = 0; t < nt; t++)
		{
			const char *key;

			if (w[t] <= 0)
				continue;
			key = dip_str(ga->dict, ga->dict->topics[t].key);
			items[n].kind = EK_TOPIC;
			items[n].name = key;
			items[n].len = strlen(key);
			memset(items[n].country, 0, 3);
			items[n].value = (uint32) lroundf(w[t] * 1000);
			n++;
		}
	}
	return make_entities(items, n);
}

/* What mentions() needs to turn a window's mentions into rows. */
typedef struct MentionRows
{
	ReturnSetInfo *rsinfo;
	const char *text;
	int32		published;
	MemoryContext rows;			/* the datums of one row */
	int32		next;			/* number of the next mention */
} MentionRows;

/* Puts the mentions of a window of the document into the tuplestore. */
static void
mention_rows(const DipAnalysis *an, void *arg)
{
	MentionRows *mr = arg;
	MemoryContext old = MemoryContextSwitchTo(mr->rows);

	for (uint32 i = 0; i < an->nm; i++)
	{
		const DipMention *m = &an->m[i];
		const DipEnt *e = &an->ents[m->entity];
		char		actor[24];
		Datum		values[13];
		bool		nulls[13] = {0};
		const char *role = m->role[0] ? m->role : e->role;

		dip_ent_actor_at(an, e, mr->published, actor);
		values[0] = Int32GetDatum(++mr->next);
		values[1] = Int32GetDatum((int32) m->sentence);
		values[2] = Int32GetDatum((int32) m->cstart + 1);
		values[3] = Int32GetDatum((int32) m->clen);
		values[4] = CStringGetTextDatum(dip_kind_name(m->kind));
		values[5] = PointerGetDatum(cstring_to_text_with_len(e->name, e->namelen));
		if (e->country[0])
			values[6] = PointerGetDatum(cstring_to_text_with_len(e->country, 3));
		else
			nulls[6] = true;
		if (actor[0])
			values[7] = CStringGetTextDatum(actor);
		else
			nulls[7] = true;
		if (role[0])
			values[8] = CStringGetTextDatum(role);
		else
			nulls[8] = true;
		values[9] = PointerGetDatum(cstring_to_text_with_len(mr->text + m->start, m->len));
		values[10] = CStringGetTextDatum(dip_how_name(m->how));
		values[11] = PointerGetDatum(make_entity(m->kind, e->name,
												 Min((int) e->namelen, ENTITY_MAX_NAME),
												 e->country));
		if (m->rule)
			values[12] = CStringGetTextDatum(m->rule->name);
		else
			nulls[12] = true;
		tuplestore_putvalues(mr->rsinfo->setResult, mr->rsinfo->setDesc, values, nulls);
		MemoryContextReset(mr->rows);
		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	MemoryContextSwitchTo(old);
}

/*
 * diplomat.mentions(doc text, published date DEFAULT NULL): one row per
 * entity mention, put into the tuplestore window by window.
 */
Datum
dip_mentions(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	DipgAnalysis ga;
	MentionRows mr;
	text	   *doc;

	InitMaterializedSRF(fcinfo, 0);
	/* not STRICT (published may be NULL): a NULL document has no rows */
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	doc = PG_GETARG_TEXT_PP(0);
	mr.rsinfo = rsinfo;
	mr.text = VARDATA_ANY(doc);
	mr.published = dipg_published_arg(fcinfo, 1);
	mr.rows = AllocSetContextCreate(CurrentMemoryContext, "diplomat mention row",
									ALLOCSET_SMALL_SIZES);
	mr.next = 0;
	dipg_analysis_stream(&ga, doc, mr.published, DIP_WANT_MENTIONS, mention_rows, &mr);
	dipg_analysis_end(&ga);
	MemoryContextDelete(mr.rows);
	return (Datum) 0;
}

/* diplomat.to_entities(doc text, published date DEFAULT NULL) */
Datum
dip_entities(PG_FUNCTION_ARGS)
{
	DipgAnalysis ga;
	Entities   *es;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	dipg_analysis_stream(&ga, PG_GETARG_TEXT_PP(0), dipg_published_arg(fcinfo, 1),
						 DIP_WANT_MENTIONS, NULL, NULL);
	es = dipg_analysis_entities(&ga, false);
	dipg_analysis_end(&ga);
	PG_RETURN_POINTER(es);
}

/* text @@ newsquery: extracts on the fly (topics too when asked for). */
Datum
text_match_newsquery(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	NewsQuery  *q = PG_GETARG_NEWSQUERY_P(1);
	bool		topics = nq_has_topics(q);
	DipgAnalysis ga;
	Entities   *es;
	bool		res;

	dipg_analysis_stream(&ga, doc, DIP_DATE_NONE,
						 DIP_WANT_MENTIONS | (topics ? DIP_WANT_TOPICS : 0), NULL, NULL);
	es = dipg_analysis_entities(&ga, topics);
	dipg_analysis_end(&ga);
	res = nq_match_resolved(q, nq_resolve_cached(fcinfo->flinfo, q), es);
	pfree(es);
	PG_RETURN_BOOL(res);
}
