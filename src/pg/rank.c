/*-------------------------------------------------------------------------
 *
 * rank.c
 *	  news_rank(): how well a document matches a newsquery, for ordering
 *	  results, the way ts_rank orders text search results.
 *
 * Every operand gets a mass from the document: the mentions of the
 * entities it names (its names resolved as @@ resolves them), or for a
 * topic operand the topic's weight.  news_rank(entities, newsquery) counts
 * mentions; news_rank(text, newsquery) also weighs each mention by its
 * position, a mention in the first sentence (the headline or lead) counting
 * 1, in sentence s 1 / (1 + (s - 1) / 4).  A mass m scores m / (m + 1): one
 * mention 0.5, three 0.75, more ever closer to 1.  The scores combine
 * through the query as fuzzy logic: a & b multiplies, a | b is
 * a + b - ab, !a is 1 - a.  So the rank is in [0, 1], is 0 when a required
 * entity is absent, and grows with how often and how early the document
 * mentions what the query asks for.
 *
 *-------------------------------------------------------------------------
 */
#include "diplomat.h"
#include "entities.h"
#include "nlp.h"

#include <math.h>

#include "dip_calendar.h"
#include "dip_analyze.h"

PG_FUNCTION_INFO_V1(news_rank_entities);
PG_FUNCTION_INFO_V1(news_rank_text);

/* Mentions per unit of mass in a value built by news_rank(text, ...). */
#define POSITION_SCALE	1000

typedef struct RankArg
{
	const NQResolved *res;
	const Entities *es;
	double		scale;			/* counts per mention (topics: per weight 1) */
} RankArg;

/* Mass of entry i: its mentions, or a topic's weight. */
static double
entry_mass(const RankArg *ra, int i)
{
	const EntityEntry *e = &ra->es->entries[i];

	return e->count / (e->kind == EK_TOPIC ? (double) POSITION_SCALE : ra->scale);
}

/* Score of an operand: the mass of what it names, saturated. */
static void
rank_leaf(void *arg, const NewsQuery *q, const NQItem *val, void *out)
{
	RankArg    *ra = arg;
	int			item = val - q->items;
	double		m = 0.0;

	if (val->flags & NQ_WILDCARD)
	{
		for (int i = 0; i < ra->es->nentries; i++)
			if (ra->es->entries[i].kind == val->kind)
				m += entry_mass(ra, i);
	}
	else
		for (int k = 0; k < ra->res->count[item]; k++)
		{
			const SSetItem *n = &ra->res->names[ra->res->first[item] + k];
			int			i = entities_find(ra->es, n->kind, n->name, n->len);

			if (i >= 0)
				m += entry_mass(ra, i);
		}
	*(double *) out = m / (m + 1.0);
}

/* The rank of a document's entities (counts per mention: scale). */
static float4
rank_entities(FunctionCallInfo fcinfo, const Entities *es, const NewsQuery *q, double scale)
{
	RankArg		ra = {nq_resolve_cached(fcinfo->flinfo, q), es, scale};
	double		r = 0.0;

	if (q->nitems > 0)
		nq_fold(q, sizeof(double), rank_leaf, nq_fuzzy_oper, &ra, &r);
	return (float4) r;
}

/* diplomat.news_rank(entities, newsquery): by mention counts. */
Datum
news_rank_entities(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(rank_entities(fcinfo, PG_GETARG_ENTITIES_P(0),
								   PG_GETARG_NEWSQUERY_P(1), 1.0));
}

/*
 * diplomat.news_rank(doc text, newsquery, published date DEFAULT NULL): by
 * mentions weighted by position, and topic weights.
 */
Datum
news_rank_text(PG_FUNCTION_ARGS)
{
	NewsQuery  *q = PG_GETARG_NEWSQUERY_P(1);
	bool		topics = nq_has_topics(q);
	DipgAnalysis ga;
	Entities   *es;
	float4		r;
	double	   *mass;

	dipg_analysis_begin(&ga, PG_GETARG_TEXT_PP(0), dipg_published_arg(fcinfo, 2),
						DIP_WANT_MENTIONS | (topics ? DIP_WANT_TOPICS : 0));
	mass = palloc0(Max(ga.an.nents, 1) * sizeof(double));
	for (uint32 i = 0; i < ga.an.nm; i++)
	{
		const DipMention *m = &ga.an.m[i];

		if (!m->dropped && m->entity >= 0)
			mass[m->entity] += 1.0 / (1.0 + (m->sentence - 1) / 4.0);
	}
	/* the document's entities, counts replaced by weighted mentions */
	es = dipg_analysis_entities(&ga, topics);
	for (int i = 0; i < es->nentries; i++)
	{
		EntityEntry *e = &es->entries[i];

		if (e->kind != EK_TOPIC)
			e->count = 0;
	}
	for (uint32 i = 0; i < ga.an.nents; i++)
	{
		const DipEnt *de = &ga.an.ents[i];
		int			k = entities_find(es, de->kind, de->name,
									  Min((int) de->namelen, ENTITY_MAX_NAME));

		if (k >= 0 && mass[i] > 0)
			es->entries[k].count += (uint32) lround(mass[i] * POSITION_SCALE);
	}
	r = rank_entities(fcinfo, es, q, POSITION_SCALE);
	dipg_analysis_end(&ga);
	PG_RETURN_FLOAT4(r);
}
