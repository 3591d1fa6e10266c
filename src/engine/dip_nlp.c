/*-------------------------------------------------------------------------
 *
 * dip_nlp.c
 *	  Document analysis driver: one pass over the text, sentence by
 *	  sentence, matching every dictionary with one trie walk per token and
 *	  feeding recognition, topic scoring and event coding.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_nlp.h"
#include "dip_date.h"
#include "dip_dates.h"

#include <math.h>
#include <string.h>

const char *
dip_how_name(int how)
{
	switch (how)
	{
		case DIP_HOW_DICT:
			return "dictionary";
		case DIP_HOW_TITLE:
			return "title";
		case DIP_HOW_RULE:
			return "rule";
		case DIP_HOW_GUESS:
			return "guess";
		case DIP_HOW_ALIAS:
			return "alias";
		default:
			return "";
	}
}

void
dip_analysis_init(DipAnalysis *an, const DipMem *mem, const DipDict *dict,
				  int32_t published, int want)
{
	memset(an, 0, sizeof(*an));
	dip_arena_init(&an->arena, mem, 32 * 1024);
	an->dict = dict;
	an->published = published;
	an->want = want;
	an->lead_date = DIP_DATE_NONE;
	an->dateline_place = -1;
	if ((want & DIP_WANT_TOPICS) && dict->hdr->ntopics > 0)
		an->topic_raw = dip_arena_alloc0(&an->arena, dict->hdr->ntopics * sizeof(double));
}

void
dip_analysis_free(DipAnalysis *an)
{
	dip_arena_free(&an->arena);
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

/* True if token t satisfies the case constraints of alias token i. */
static inline bool
case_ok(const DipItem *it, int i, const DipToken *t, bool caseless)
{
	uint32_t	bit = 1u << i;

	if ((it->allcapsmask & bit) && !(t->flags & DIP_TF_ALLCAPS))
		return false;
	if ((it->capmask & bit) && !(t->flags & DIP_TF_UPPER) && !caseless)
		return false;
	if ((it->capmask & bit) && caseless && !(t->flags & DIP_TF_UPPER))
		return false;
	return true;
}

/*
 * Walks the trie from every token of the sentence and records, per
 * starting token, the longest entity alias and role that match, the
 * pattern anchors, and topic term evidence.
 */
static void
match_dictionaries(DipSentCtx *sc)
{
	const DipDict *d = sc->an->dict;
	DipToken   *t = sc->t;
	uint32_t	n = sc->n;
	bool		topics = sc->an->topic_raw != NULL;
	uint32_t	acap = 0;

	for (uint32_t i = 0; i < n; i++)
	{
		uint32_t	node = 0;
		uint32_t	wid = t[i].wid;

		if (wid == 0 || !d->words[wid].root_edges)
			continue;
		for (uint32_t j = i; j < n && j - i < 24; j++)
		{
			const DipNode *nd;

			wid = t[j].wid;
			if (wid == 0)
				break;
			node = dip_trie_child(d, node, wid);
			if (node == 0)
				break;
			nd = &d->nodes[node];
			for (uint32_t k = 0; k < nd->item_count; k++)
			{
				const DipItem *it = &d->items[nd->item_first + k];
				uint16_t	len = (uint16_t) (j - i + 1);

				switch (it->type)
				{
					case DIP_ITEM_ENTITY:
						/* in all-caps lines, "IS" and "US" are words */
						if (sc->caseless && len == 1 && (t[i].flags & DIP_TF_ALLCAPS) &&
							t[i].nlen <= 3 && (d->words[t[i].wid].lex & LX_FUNCTION))
							break;
						if (len > sc->ent_len[i])
						{
							bool		ok = true;

							for (uint32_t q = i; q <= j && ok; q++)
								ok = case_ok(it, (int) (q - i), &t[q], sc->caseless);
							if (ok)
							{
								sc->ent_len[i] = len;
								sc->ent_ref[i] = (int32_t) it->ref;
							}
						}
						break;
					case DIP_ITEM_ROLE:
						if (len > sc->role_len[i])
						{
							sc->role_len[i] = len;
							sc->role_ref[i] = (int32_t) it->ref;
						}
						break;
					case DIP_ITEM_PATTERN:
						if (sc->an->want & DIP_WANT_EVENTS)
						{
							sc->anchors = dip_array_reserve(&sc->doc->chunk_arena, sc->anchors, &acap,
															sc->nanchors + 1, 2 * sizeof(uint32_t), 16);
							sc->anchors[sc->nanchors * 2] = i;
							sc->anchors[sc->nanchors * 2 + 1] = it->ref;
							sc->nanchors++;
						}
						break;
					case DIP_ITEM_TERM:
						if (topics)
							add_term_group(sc->an, it->ref);
						break;
				}
			}
		}
	}
}

/* A sentence is caseless when capitals say nothing: headlines, all caps. */
static bool
sentence_caseless(const DipSentence *s, const DipToken *t, uint32_t n)
{
	uint32_t	words = 0,
				caps = 0;

	if (s->kind == DIP_SENT_HEADLINE)
		return true;
	for (uint32_t i = 0; i < n; i++)
	{
		if (t[i].type != DIP_TOK_WORD || t[i].nlen < 2)
			continue;
		words++;
		if (t[i].flags & DIP_TF_ALLCAPS)
			caps++;
	}
	return words >= 3 && caps * 10 >= words * 7;
}

/* The sentence's date expressions (past reading), computed once. */
int
dip_sentence_dates(DipSentCtx *sc)
{
	if (sc->ndates < 0)
	{
		sc->dates = dip_arena_alloc(&sc->doc->chunk_arena, 8 * sizeof(DipDateExpr));
		sc->ndates = sc->an->published != DIP_DATE_NONE ?
			dip_find_dates(sc->t, sc->n, sc->an->published, false, sc->dates, 8) : 0;
	}
	return sc->ndates;
}

/*
 * The dateline's place and the lead's date: events of later sentences
 * without their own place or date happened there and then.
 */
static void
note_lead(DipSentCtx *sc)
{
	DipAnalysis *an = sc->an;

	if (sc->sent->kind == DIP_SENT_DATELINE && an->dateline_place < 0)
	{
		for (uint32_t m = sc->first_mention; m < an->nm; m++)
			if (an->m[m].kind == DIP_KIND_GPE)
			{
				an->dateline_place = an->m[m].entity;
				break;
			}
	}
	if ((sc->sent->kind == DIP_SENT_DATELINE || sc->sent->kind == DIP_SENT_TEXT) &&
		an->lead_date == DIP_DATE_NONE && an->published != DIP_DATE_NONE &&
		sc->sent->para <= 3 && an->nsentences <= 6)
	{
		if (dip_sentence_dates(sc) > 0)
		{
			an->lead_date = sc->dates[0].date;
			an->lead_date_prec = (uint8_t) sc->dates[0].prec;
		}
	}
}

void
dip_analyze(DipAnalysis *an, const char *text, size_t len)
{
	DipDoc		doc;

	dip_doc_init(&doc, &an->arena.mem, an->dict, text, len);
	while (dip_doc_next_chunk(&doc))
	{
		for (uint32_t s = 0; s < doc.nsents; s++)
		{
			DipSentence *st = &doc.sents[s];
			DipSentCtx	sc;
			uint32_t	n = st->ntok;

			an->nsentences++;
			an->ntokens += n;
			if (st->kind == DIP_SENT_BOILERPLATE)
				continue;
			memset(&sc, 0, sizeof(sc));
			sc.an = an;
			sc.doc = &doc;
			sc.sent = st;
			sc.t = &doc.toks[st->first];
			sc.n = n;
			sc.caseless = sentence_caseless(st, sc.t, n);
			sc.ndates = -1;
			sc.ent_len = dip_arena_alloc0(&doc.chunk_arena, n * sizeof(uint16_t));
			sc.ent_ref = dip_arena_alloc(&doc.chunk_arena, n * sizeof(int32_t));
			sc.role_len = dip_arena_alloc0(&doc.chunk_arena, n * sizeof(uint16_t));
			sc.role_ref = dip_arena_alloc(&doc.chunk_arena, n * sizeof(int32_t));
			sc.tok_mention = dip_arena_alloc(&doc.chunk_arena, n * sizeof(int32_t));
			for (uint32_t i = 0; i < n; i++)
				sc.tok_mention[i] = -1;
			match_dictionaries(&sc);
			if (an->want & (DIP_WANT_MENTIONS | DIP_WANT_EVENTS | DIP_WANT_TOPICS))
				dip_ner_sentence(&sc);
			note_lead(&sc);
			if (an->want & DIP_WANT_EVENTS)
				dip_events_sentence(&sc);
		}
	}
	dip_doc_free(&doc);
	dip_ner_finish(an, text);
	if (an->want & DIP_WANT_EVENTS)
		dip_events_finish(an);
	/* entity evidence for topics */
	if (an->topic_raw)
	{
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
