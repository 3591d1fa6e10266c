/*-------------------------------------------------------------------------
 *
 * dip_topics.c
 *	  Topics: evidence per topic from the terms and entities of a document,
 *	  and the topic weights computed from it.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_topics.h"

#include <math.h>

/* Sets up the topic evidence of an analysis that wants topics. */
void
dip_topics_init(DipAnalysis *an)
{
	if ((an->want & DIP_WANT_TOPICS) && an->dict->hdr->ntopics > 0)
		an->topic_raw = dip_arena_alloc0(&an->arena, an->dict->hdr->ntopics * sizeof(double));
}

/* Adds the topic evidence of a term group. */
static inline void
add_term_group(DipAnalysis *an, uint32_t group)
{
	const DipTermGroup *g = &an->dict->groups[group];

	for (uint32_t k = 0; k < g->count; k++)
	{
		const DipTermRef *r = &an->dict->termrefs[g->first + k];

		an->topic_raw[r->topic] += r->weight;
	}
}

/* Adds the evidence of the topic terms the match stage found. */
void
dip_topics_sentence(DipSentCtx *sc)
{
	for (uint32_t k = 0; k < sc->nterms; k++)
		add_term_group(sc->an, sc->terms[k]);
}

/*
 * Adds the evidence of the document's gazetteer entities: repeated mentions
 * add with diminishing returns.
 */
void
dip_topics_entities(DipAnalysis *an)
{
	if (an->topic_raw == NULL)
		return;
	for (uint32_t e = 0; e < an->nents; e++)
	{
		const DipEnt *de = &an->ents[e];
		const DipEntity *ge;

		if (de->dict < 0 || de->count == 0 || de->alias_of >= 0)
			continue;
		ge = &an->dict->entities[de->dict];
		for (uint32_t k = 0; k < ge->topic_count; k++)
		{
			const DipTermRef *r = &an->dict->termrefs[ge->topic_first + k];

			/* repeated mentions add with diminishing returns */
			an->topic_raw[r->topic] += r->weight * (1.0 + log((double) de->count));
		}
	}
}

/*
 * Topic weights: evidence per topic, children adding half their evidence to
 * their parents, normalised by document length so that a long article does
 * not score higher for being long, then squashed to (0, 1).  Topics below
 * a minimum of evidence get 0.
 */
uint32_t
dip_topic_weights(const DipAnalysis *an, float *weights)
{
	const DipDict *d = an->dict;
	uint32_t	nt = d->hdr->ntopics;
	uint32_t	count = 0;
	double		lenfactor;
	double	   *acc;
	DipArena	tmp;

	if (an->topic_raw == NULL || nt == 0)
		return 0;
	dip_arena_init(&tmp, &an->arena.mem, 4096);
	acc = dip_arena_alloc0(&tmp, nt * sizeof(double));
	for (uint32_t i = 0; i < nt; i++)
	{
		double		v = an->topic_raw[i];
		int32_t		p = d->topics[i].parent;
		double		share = 0.5;
		uint32_t	depth = 0;

		acc[i] += v;
		while (p >= 0 && depth++ < nt)
		{
			acc[p] += v * share;
			share *= 0.5;
			p = d->topics[p].parent;
		}
	}
	/* longer documents accumulate more evidence: damp by sqrt of length */
	lenfactor = sqrt((double) (an->ntokens > 100 ? an->ntokens : 100) / 100.0);
	for (uint32_t i = 0; i < nt; i++)
	{
		double		s = acc[i] / lenfactor;

		if (acc[i] < 2.0)
			weights[i] = 0;
		else
		{
			weights[i] = (float) (s / (s + 4.0));
			if (weights[i] < 0.001f)
				weights[i] = 0.001f;
			count++;
		}
	}
	dip_arena_free(&tmp);
	return count;
}
