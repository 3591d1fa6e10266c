/*-------------------------------------------------------------------------
 *
 * dip_events.c
 *	  CAMEO event coding: who did what to whom, where and when.
 *
 * Per sentence, after recognition:
 *	1. actors: entity mentions (people, organisations, places with a
 *	   government, nationalities), nationality + agent noun ("Chinese
 *	   officials" -> CHNGOV), agents alone ("rebels" -> REB), pronouns
 *	   resolved to the last fitting actor; actors joined by "and" form a
 *	   compound;
 *	2. patterns: every pattern anchored by the dictionary walk is checked
 *	   against the words that follow (word lists, verb forms, gaps, $ and
 *	   + slots bound to actors); overlapping matches keep the longest;
 *	3. source and target: the slots, else the clause subject (the nearest
 *	   actor before the verb, skipping appositions and places after "in")
 *	   and the first actor after the pattern; passive voice ("was visited
 *	   by") swaps them; compound actors give one event per pair;
 *	4. negation ("did not meet") drops the event; modality ("will meet",
 *	   "plans to visit") turns it into the intent code CAMEO prescribes;
 *	5. location ("in Washington", else the dateline) and date (the
 *	   sentence's date expression, else the lead's, else the publication
 *	   date).
 *
 *-------------------------------------------------------------------------
 */
#include "dip_events.h"
#include "dip_cameo.h"
#include "dip_resolve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ACTORS	64
#define MAX_MATCHES 64

typedef struct Actor
{
	uint32_t	a;				/* token span */
	uint32_t	b;
	int32_t		ent;			/* DipEnt or -1 */
	char		code[20];
	const char *name;
	uint32_t	namelen;
	int			group;			/* compound group */
	uint8_t		kind;
	bool		pronoun;
} Actor;

typedef struct Match
{
	uint32_t	a;				/* token span of the pattern */
	uint32_t	b;
	uint32_t	anchor_b;		/* end of the anchor words */
	int32_t		pattern;
	int			src_group;		/* bound slots, -1 if none */
	int			tgt_group;
	bool		src_single;
	bool		tgt_single;
	int			specificity;	/* fixed words matched */
	bool		dropped;
} Match;

/* Document state kept between sentences */
typedef struct EvState
{
	Actor		last_per;
	Actor		last_org;
	Actor		last_group[4];
	int			last_group_n;
	Actor		they[4];		/* what "they" means: the last subject that
								 * was a group or an organisation */
	int			they_n;
	bool		have_per;
	bool		have_org;
} EvState;

static EvState *
evstate(DipAnalysis *an)
{
	if (an->evstate == NULL)
		an->evstate = dip_arena_alloc0(&an->arena, sizeof(EvState));
	return an->evstate;
}

/* ------------------------------------------------------------------------
 * Actors
 * ------------------------------------------------------------------------
 */
static const DipRole *
agent_at(const DipSentCtx *sc, uint32_t i)
{
	const DipDict *d = sc->an->dict;

	if (i < sc->n && sc->role_len[i] > 0 && (d->roles[sc->role_ref[i]].use & DIP_ROLE_AGENT))
		return &d->roles[sc->role_ref[i]];
	return NULL;
}

static void
actor_code(char *dst, const char *country, const char *role)
{
	snprintf(dst, 20, "%s%s", country ? country : "", role ? role : "");
}

/*
 * "both sides", "the two leaders", "the leaders": the pair named last.
 * Returns the number of words, 0 if none.
 */
static int
pair_words(const DipSentCtx *sc, uint32_t i)
{
	static const char *const heads[] = {
		"sides", "leaders", "countries", "governments", "officials", "ministers",
		"presidents", "nations", "delegations", "men", NULL
	};
	uint32_t	j = i;

	if (DIP_TOK_IS(&sc->t[j], "both"))
		j++;
	else if (DIP_TOK_IS(&sc->t[j], "the"))
	{
		j++;
		if (j < sc->n && DIP_TOK_IS(&sc->t[j], "two"))
			j++;
		else if (!(j < sc->n && (DIP_TOK_IS(&sc->t[j], "leaders") || DIP_TOK_IS(&sc->t[j], "sides"))))
			return 0;
	}
	else
		return 0;
	if (j >= sc->n)
		return 0;
	for (int k = 0; heads[k]; k++)
		if (sc->t[j].nlen == strlen(heads[k]) && memcmp(sc->t[j].norm, heads[k], sc->t[j].nlen) == 0)
			return (int) (j + 1 - i);
	return 0;
}

static bool governed(const DipSentCtx *sc, const Actor *x);

/* "it was worth ...", "it is important to ...": "it" refers to nothing */
static bool
expletive_it(const DipSentCtx *sc, uint32_t i)
{
	uint32_t	j = i + 1;

	if (!DIP_TOK_IS(&sc->t[i], "it") || j >= sc->n)
		return false;
	if (DIP_TOK_IS(&sc->t[j], "is") || DIP_TOK_IS(&sc->t[j], "was") ||
		DIP_TOK_IS(&sc->t[j], "'s") || DIP_TOK_IS(&sc->t[j], "would"))
		j++;
	else
		return false;
	if (j < sc->n && DIP_TOK_IS(&sc->t[j], "be"))
		j++;
	if (j >= sc->n)
		return false;
	return DIP_TOK_IS(&sc->t[j], "worth") || DIP_TOK_IS(&sc->t[j], "time") ||
		((dip_lexof(sc, j) & LX_ADJ) && !(dip_lexof(sc, j) & LX_VERB));
}

/* The first of the last two actors joined by "and" so far, or -1. */
static int
pair_before(const DipSentCtx *sc, const Actor *ac, int n)
{
	for (int k = n - 1; k > 0; k--)
	{
		uint32_t	j = ac[k - 1].b;

		if (ac[k].pronoun || ac[k - 1].pronoun || !ac[k].code[0] || !ac[k - 1].code[0])
			continue;
		if (j < ac[k].a && DIP_TOK_IS(&sc->t[j], "and") && j + 1 == ac[k].a)
			return k - 1;
	}
	return -1;
}

/* A lower-case adjective, adverb or noun inside a noun phrase. */
static bool
modifier_word(const DipSentCtx *sc, uint32_t i)
{
	uint32_t	lx = dip_lexof(sc, i);

	return sc->t[i].type == DIP_TOK_WORD && (sc->t[i].flags & DIP_TF_LOWER) &&
		sc->tok_mention[i] < 0 && sc->role_len[i] == 0 &&
		(lx & (LX_ADJ | LX_ADV | LX_NOUN)) && !(lx & (LX_FUNCTION | LX_VERB | LX_NUM));
}

/* Collects the sentence's actors in token order. */
static int
collect_actors(DipSentCtx *sc, Actor *ac)
{
	DipAnalysis *an = sc->an;
	EvState    *es = evstate(an);
	int			n = 0;
	uint32_t	i = 0;

	while (i < sc->n && n < MAX_ACTORS)
	{
		int32_t		mi = sc->tok_mention[i];
		const DipRole *r;
		Actor	   *x = &ac[n];

		memset(x, 0, sizeof(*x));
		x->ent = -1;
		x->group = n;
		if (mi >= 0 && an->m[mi].kind != DIP_KIND_LOC && an->m[mi].kind != DIP_KIND_DATE)
		{
			const DipMention *m = &an->m[mi];
			const DipEnt *e = &an->ents[m->entity];
			uint32_t	j = i;

			while (j < sc->n && sc->tok_mention[j] == mi)
				j++;
			x->a = i;
			x->b = j;
			x->ent = m->entity;
			x->kind = m->kind;
			x->name = e->name;
			x->namelen = e->namelen;
			dip_ent_actor_at(an, e, an->published, x->code);
			/* "Chinese officials", "Israeli troops", "China's military";
			 * "Japan's Kamikawa" is Kamikawa */
			if (j < sc->n && sc->t[j].type == DIP_TOK_CLITIC &&
				(agent_at(sc, j + 1) ||
				 (j + 1 < sc->n && sc->tok_mention[j + 1] >= 0 &&
				  an->m[sc->tok_mention[j + 1]].kind == DIP_KIND_PER &&
				  (m->kind == DIP_KIND_GPE || m->kind == DIP_KIND_NORP))))
				j++;
			r = agent_at(sc, j);
			/* "Chinese party official", "Israeli military spokesman" */
			if (r == NULL && (m->kind == DIP_KIND_NORP || m->kind == DIP_KIND_GPE))
				for (uint32_t k = j; k < j + 2 && k + 1 < sc->n && modifier_word(sc, k); k++)
					if (agent_at(sc, k + 1) != NULL && agent_at(sc, k + 1)->role[0])
					{
						j = k + 1;
						r = agent_at(sc, j);
						break;
					}
			/* "Chinese official Liu Jianchao": the role is a title, the
			 * actor is the person, whose span starts at the nationality */
			if ((m->kind == DIP_KIND_NORP || m->kind == DIP_KIND_GPE) &&
				(j < sc->n && sc->tok_mention[j + (r ? sc->role_len[j] : 0) < sc->n ?
												j + (r ? sc->role_len[j] : 0) : j] >= 0 &&
				 an->m[sc->tok_mention[j + (r ? sc->role_len[j] : 0) < sc->n ?
									   j + (r ? sc->role_len[j] : 0) : j]].kind == DIP_KIND_PER))
			{
				int32_t		pm = sc->tok_mention[r ? (j + sc->role_len[j] < sc->n ?
													 j + sc->role_len[j] : j) : j];
				const DipEnt *pe = &an->ents[an->m[pm].entity];
				uint32_t	pb = j;

				while (pb < sc->n && (sc->tok_mention[pb] == pm ||
									  (r && pb < j + sc->role_len[j])))
					pb++;
				x->b = pb;
				x->ent = an->m[pm].entity;
				x->kind = DIP_KIND_PER;
				x->name = pe->name;
				x->namelen = pe->namelen;
				dip_ent_actor_at(an, pe, an->published, x->code);
				n++;
				i = pb;
				continue;
			}
			if (r && (m->kind == DIP_KIND_NORP || m->kind == DIP_KIND_GPE) && e->country[0])
			{
				actor_code(x->code, e->country, r->role);
				x->b = j + sc->role_len[j];
				x->name = NULL; /* named after the words */
				/* "senior Chinese party official" */
				while (x->a > 0 && x->a + 3 > i && modifier_word(sc, x->a - 1) &&
					   (n == 0 || ac[n - 1].b < x->a))
					x->a--;
			}
			else if (r && m->kind == DIP_KIND_ORG)
				x->b = j + sc->role_len[j];	/* "Houthi rebels" */
			if (m->kind == DIP_KIND_NORP && x->name != NULL && !r)
			{
				/* a bare nationality adjective before a noun is not an actor */
				if (j < sc->n && sc->t[j].type == DIP_TOK_WORD &&
					!(sc->t[j].flags & DIP_TF_UPPER))
				{
					i = j;
					continue;
				}
			}
			if (x->name == NULL)
			{
				x->name = sc->doc->text + sc->t[x->a].start;
				x->namelen = sc->t[x->b - 1].start + sc->t[x->b - 1].len - sc->t[x->a].start;
			}
			n++;
			i = x->b;
			continue;
		}
		if ((r = agent_at(sc, i)) != NULL && r->role[0])
		{
			x->a = i;
			/* "senior officials", "heavily armed gunmen": the noun phrase,
			 * so that a preposition before it is seen */
			while (x->a > 0 && x->a + 3 > i && modifier_word(sc, x->a - 1) &&
				   (n == 0 || ac[n - 1].b < x->a))
				x->a--;
			x->b = i + sc->role_len[i];
			actor_code(x->code, r->country[0] ? r->country : NULL, r->role);
			x->name = sc->doc->text + sc->t[i].start;
			x->namelen = sc->t[x->b - 1].start + sc->t[x->b - 1].len - sc->t[i].start;
			n++;
			i = x->b;
			continue;
		}
		/* pronouns and "both sides" */
		if (sc->t[i].type == DIP_TOK_WORD)
		{
			const DipToken *t = &sc->t[i];

			if ((DIP_TOK_IS(t, "he") || DIP_TOK_IS(t, "she")) && es->have_per)
			{
				*x = es->last_per;
				x->a = i;
				x->b = i + 1;
				x->pronoun = true;
				x->group = n;
				n++;
			}
			else if ((DIP_TOK_IS(t, "it") || DIP_TOK_IS(t, "its")) && es->have_org &&
					 !expletive_it(sc, i))
			{
				*x = es->last_org;
				x->a = i;
				x->b = i + 1;
				x->pronoun = true;
				x->group = n;
				n++;
			}
			else if ((DIP_TOK_IS(t, "they") || pair_words(sc, i) > 0) &&
					 (es->last_group_n >= 2 || pair_before(sc, ac, n) >= 0 ||
					  (DIP_TOK_IS(t, "they") && es->they_n > 0)))
			{
				int			g = n;
				uint32_t	end = DIP_TOK_IS(t, "they") ? i + 1 : i + pair_words(sc, i);
				int			p = pair_before(sc, ac, n);
				Actor		pair[2];
				const Actor *src = es->last_group;
				int			nsrc = es->last_group_n;

				if (DIP_TOK_IS(t, "they") && es->they_n > 0)
				{
					src = es->they;
					nsrc = es->they_n;
				}

				/* "Biden and Xi met ..., when the leaders agreed" */
				if (p >= 0)
				{
					pair[0] = ac[p];
					pair[1] = ac[p + 1];
					src = pair;
					nsrc = 2;
				}
				for (int k = 0; k < nsrc && n < MAX_ACTORS; k++)
				{
					ac[n] = src[k];
					ac[n].a = i;
					ac[n].b = end;
					ac[n].pronoun = true;
					ac[n].group = g;
					n++;
				}
				i = end;
				continue;
			}
		}
		i++;
	}
	/* compound groups: "X and Y", and lists "X, Y and Z" */
	for (int k = 1; k < n; k++)
	{
		uint32_t	j = ac[k - 1].b;
		bool		joined = false;

		if (ac[k].pronoun || ac[k - 1].pronoun)
			continue;
		while (j < ac[k].a && (DIP_TOK_IS(&sc->t[j], ",") || DIP_TOK_IS(&sc->t[j], "the")))
			j++;
		if (j < ac[k].a && DIP_TOK_IS(&sc->t[j], "and"))
		{
			j++;
			while (j < ac[k].a && DIP_TOK_IS(&sc->t[j], "the"))
				j++;
			joined = (j == ac[k].a);
		}
		if (joined && ac[k].code[0] && ac[k - 1].code[0])
		{
			int			old = ac[k].group;

			for (int q = k; q < n && ac[q].group == old; q++)
				ac[q].group = ac[k - 1].group;
		}
	}
	/* "X, Y and Z": a comma before a member of a group joins the list */
	for (int k = n - 2; k >= 0; k--)
	{
		uint32_t	j = ac[k].b;

		if (ac[k].pronoun || ac[k + 1].pronoun || !ac[k].code[0] ||
			ac[k + 1].group == ac[k].group)
			continue;
		if (k + 2 >= n || ac[k + 2].group != ac[k + 1].group)
			continue;
		/* "According to the State Department, Blinken and Liu agreed" */
		if (governed(sc, &ac[k]) && !governed(sc, &ac[k + 1]))
			continue;
		if (j < ac[k + 1].a && DIP_TOK_IS(&sc->t[j], ",") && j + 1 == ac[k + 1].a)
		{
			int			old = ac[k + 1].group;

			for (int q = k + 1; q < n && ac[q].group == old; q++)
				ac[q].group = ac[k].group;
		}
	}
	return n;
}

/* Remembers actors for pronouns in later sentences. */
static void
remember_actors(DipSentCtx *sc, Actor *ac, int n)
{
	DipAnalysis *an = sc->an;
	EvState    *es = evstate(an);

	for (int k = 0; k < n; k++)
	{
		if (ac[k].pronoun)
			continue;
		if (ac[k].kind == DIP_KIND_PER)
		{
			es->last_per = ac[k];
			es->have_per = true;
		}
		else if (ac[k].kind == DIP_KIND_ORG || ac[k].kind == DIP_KIND_GPE)
		{
			es->last_org = ac[k];
			es->have_org = true;
		}
	}
	/* the last compound of two or more */
	for (int k = n - 1; k > 0; k--)
	{
		if (ac[k].pronoun || ac[k].group != ac[k - 1].group)
			continue;
		{
			int			g = ac[k].group;
			int			first = k;

			while (first > 0 && ac[first - 1].group == g)
				first--;
			es->last_group_n = 0;
			for (int q = first; q <= k && es->last_group_n < 4; q++)
				es->last_group[es->last_group_n++] = ac[q];
			break;
		}
	}
	/* the subject: the first actor not after a preposition */
	for (int k = 0; k < n; k++)
	{
		if (ac[k].pronoun || !ac[k].code[0] || governed(sc, &ac[k]))
			continue;
		if ((k + 1 < n && ac[k + 1].group == ac[k].group) ||
			ac[k].kind == DIP_KIND_ORG || ac[k].ent < 0)
		{
			es->they_n = 0;
			for (int q = k; q < n && ac[q].group == ac[k].group && es->they_n < 4; q++)
				es->they[es->they_n++] = ac[q];
		}
		break;
	}
}

/* Index of the actor starting at token i (after "the", "a"), or -1. */
static int
actor_at(const DipSentCtx *sc, Actor *ac, int n, uint32_t i)
{
	while (i < sc->n && (DIP_TOK_IS(&sc->t[i], "the") || DIP_TOK_IS(&sc->t[i], "a") ||
						 DIP_TOK_IS(&sc->t[i], "an")))
		i++;
	for (int k = 0; k < n; k++)
		if (ac[k].a == i)
			return k;
	return -1;
}

/* End token of the compound group that starts with actor k. */
static uint32_t
group_end(Actor *ac, int n, int k)
{
	uint32_t	b = ac[k].b;

	for (int q = k + 1; q < n && ac[q].group == ac[k].group; q++)
		b = ac[q].b;
	return b;
}

/* ------------------------------------------------------------------------
 * Pattern matching
 * ------------------------------------------------------------------------
 */
typedef struct PMatch
{
	uint32_t	end;
	int			src;
	int			tgt;
	int			fixed;
	bool		src_single;		/* the slot took one actor of a compound */
	bool		tgt_single;
} PMatch;

static bool
elem_match(const DipSentCtx *sc, const DipPElem *e, uint32_t j)
{
	const DipDict *d = sc->an->dict;
	uint32_t	wid;

	if (j >= sc->n)
		return false;
	wid = sc->t[j].wid;
	if (wid == 0)
		return false;
	switch (e->kind)
	{
		case DIP_PE_WORD:
			return wid == e->a;
		case DIP_PE_WORDSET:
			for (uint32_t k = 0; k < e->b; k++)
				if (d->pwids[e->a + k] == wid)
					return true;
			return false;
		case DIP_PE_LEMMA:
			return d->words[wid].lemma == e->a + 1;
	}
	return false;
}

/* Matches elements [k, nel) from token j; backtracks over gaps. */
static bool
match_rest(const DipSentCtx *sc, Actor *ac, int nac, const DipPElem *el, int k,
		   int nel, uint32_t j, PMatch *pm)
{
	if (k == nel)
	{
		pm->end = j;
		return true;
	}
	switch (el[k].kind)
	{
		case DIP_PE_GAP:
			{
				uint32_t	words = 0;

				/* up to three words; a hyphenated word ("full-scale") is one */
				for (uint32_t skip = 0; words <= 3 && j + skip <= sc->n; skip++)
				{
					if (skip > 0)
					{
						const DipToken *prev = &sc->t[j + skip - 1];

						/* a gap does not cross a clause boundary */
						if (DIP_TOK_IS(prev, ",") || DIP_TOK_IS(prev, ";"))
							break;
						if (!(prev->flags & DIP_TF_JOIN))
							words++;
						if (words > 3)
							break;
					}
					if (j + skip < sc->n && (sc->t[j + skip].flags & DIP_TF_JOIN))
						continue;
					if (match_rest(sc, ac, nac, el, k + 1, nel, j + skip, pm))
						return true;
				}
				return false;
			}
		case DIP_PE_SOURCE:
		case DIP_PE_TARGET:
			{
				int			a = actor_at(sc, ac, nac, j);

				/* a final target may be a thing, not an actor: "attacks on
				 * commercial vessels" */
				if (a < 0 && el[k].kind == DIP_PE_TARGET && k == nel - 1 && k > 0 &&
					el[k - 1].kind != DIP_PE_LEMMA && el[k - 1].kind != DIP_PE_GAP)
				{
					pm->end = j;
					return true;
				}
				if (a < 0)
					return false;
				if (el[k].kind == DIP_PE_SOURCE)
					pm->src = a;
				else
					pm->tgt = a;
				/* the whole compound ("with X and Y"), else one actor
				 * ("between X and Y") */
				if (match_rest(sc, ac, nac, el, k + 1, nel, group_end(ac, nac, a), pm))
					return true;
				if (group_end(ac, nac, a) != ac[a].b &&
					match_rest(sc, ac, nac, el, k + 1, nel, ac[a].b, pm))
				{
					if (el[k].kind == DIP_PE_SOURCE)
						pm->src_single = true;
					else
						pm->tgt_single = true;
					return true;
				}
				if (el[k].kind == DIP_PE_SOURCE)
					pm->src = -1;
				else
					pm->tgt = -1;
				return false;
			}
		default:
			if (!elem_match(sc, &el[k], j))
				return false;
			pm->fixed++;
			if (match_rest(sc, ac, nac, el, k + 1, nel, j + 1, pm))
				return true;
			pm->fixed--;
			return false;
	}
}

/* ------------------------------------------------------------------------
 * Source, target, negation, modality
 * ------------------------------------------------------------------------
 */
static bool
is_be(const DipToken *t)
{
	return DIP_TOK_IS(t, "was") || DIP_TOK_IS(t, "were") || DIP_TOK_IS(t, "been") || DIP_TOK_IS(t, "is") ||
		DIP_TOK_IS(t, "are") || DIP_TOK_IS(t, "being") || DIP_TOK_IS(t, "be") || DIP_TOK_IS(t, "got");
}

/* nouns of number or group before "of": "a group of", "dozens of" */
static bool
is_quantity(const DipToken *t)
{
	static const char *const w[] = {
		"group", "groups", "band", "gang", "gangs", "dozens", "hundreds", "thousands",
		"scores", "number", "crowd", "crowds", "unit", "units", "squad", "contingent",
		"mob", "cell", NULL
	};

	for (int i = 0; w[i]; i++)
		if (t->nlen == strlen(w[i]) && memcmp(t->norm, w[i], t->nlen) == 0)
			return true;
	return false;
}

/* Locative or other preposition governing the actor: not a subject. */
static bool
governed(const DipSentCtx *sc, const Actor *x)
{
	uint32_t	p = x->a;

	while (p > 0 && (DIP_TOK_IS(&sc->t[p - 1], "the") || DIP_TOK_IS(&sc->t[p - 1], "a")))
		p--;
	if (p == 0)
		return false;
	/* "a group of pirates", "dozens of protesters": the head is the actor */
	if (DIP_TOK_IS(&sc->t[p - 1], "of") && p > 1 && is_quantity(&sc->t[p - 2]))
		return false;
	return (dip_lexof(sc, p - 1) & LX_PREP) != 0 && !DIP_TOK_IS(&sc->t[p - 1], "like");
}

/*
 * The subject of the verb at token v: the nearest actor before it in the
 * clause, skipping actors governed by a preposition and appositions
 * (", the minister of X,").
 */
static int
find_subject(const DipSentCtx *sc, Actor *ac, int n, uint32_t v)
{
	int			best = -1;
	uint32_t	limit = 0;

	/* the clause starts after the last ";" or ":" before the verb */
	for (uint32_t i = v; i > 0; i--)
		if (DIP_TOK_IS(&sc->t[i - 1], ";") || DIP_TOK_IS(&sc->t[i - 1], ":"))
		{
			limit = i;
			break;
		}
	for (int k = n - 1; k >= 0; k--)
	{
		if (ac[k].b > v || ac[k].a < limit)
			continue;
		if (governed(sc, &ac[k]) && !ac[k].pronoun)
			continue;
		/* "the leader of X": not X; but "a group of X" is X */
		if (ac[k].a > 0 && DIP_TOK_IS(&sc->t[ac[k].a - 1], "of") &&
			!(ac[k].a > 1 && is_quantity(&sc->t[ac[k].a - 2])))
			continue;
		best = k;
		break;
	}
	if (best < 0)
		return -1;
	/* the first member of a compound subject */
	while (best > 0 && ac[best - 1].group == ac[best].group)
		best--;
	/* an apposition follows a subject: prefer the actor before ", the" */
	for (int k = best - 1; k >= 0; k--)
	{
		uint32_t	j = ac[k].b;

		if (ac[k].b > ac[best].a || ac[k].a < limit)
			continue;
		if (j < sc->n && DIP_TOK_IS(&sc->t[j], ",") && j + 1 < sc->n &&
			(DIP_TOK_IS(&sc->t[j + 1], "the") || DIP_TOK_IS(&sc->t[j + 1], "a") ||
			 DIP_TOK_IS(&sc->t[j + 1], "who") || DIP_TOK_IS(&sc->t[j + 1], "which")) &&
			!governed(sc, &ac[k]))
		{
			/* X, the ... Y ..., VERB: the subject is X if a comma closes it */
			for (uint32_t q = ac[best].b; q < v; q++)
				if (DIP_TOK_IS(&sc->t[q], ","))
					return k;
		}
		break;
	}
	return best;
}

/*
 * The first actor after token j within the clause.  An actor right after
 * the pattern's last word ("arrived in Israel", "talks with Y") is its
 * object whatever the preposition; further on, actors after locative
 * prepositions ("in Washington") are places, not targets.
 */
static int
find_object(const DipSentCtx *sc, Actor *ac, int n, uint32_t j, uint32_t maxdist)
{
	for (int k = 0; k < n; k++)
	{
		uint32_t	p;

		if (ac[k].a < j || ac[k].pronoun)
			continue;
		if (ac[k].a - j > maxdist)
			return -1;
		for (uint32_t q = j; q < ac[k].a; q++)
			if (DIP_TOK_IS(&sc->t[q], ",") || DIP_TOK_IS(&sc->t[q], ";") || DIP_TOK_IS(&sc->t[q], "that") ||
				DIP_TOK_IS(&sc->t[q], "which") || DIP_TOK_IS(&sc->t[q], "who") ||
				DIP_TOK_IS(&sc->t[q], "and") || DIP_TOK_IS(&sc->t[q], "but"))
				return -1;
		p = ac[k].a;
		while (p > j && (DIP_TOK_IS(&sc->t[p - 1], "the") || DIP_TOK_IS(&sc->t[p - 1], "a")))
			p--;
		if (p == j)
			return k;
		if (governed(sc, &ac[k]) && (DIP_TOK_IS(&sc->t[p - 1], "in") || DIP_TOK_IS(&sc->t[p - 1], "at") ||
									 DIP_TOK_IS(&sc->t[p - 1], "near") || DIP_TOK_IS(&sc->t[p - 1], "by") ||
									 DIP_TOK_IS(&sc->t[p - 1], "during") || DIP_TOK_IS(&sc->t[p - 1], "since") ||
									 DIP_TOK_IS(&sc->t[p - 1], "after") || DIP_TOK_IS(&sc->t[p - 1], "before")))
			continue;
		return k;
	}
	return -1;
}

/* Negation shortly before the verb: not, n't, never, no longer. */
static bool
negated(const DipSentCtx *sc, uint32_t v)
{
	for (uint32_t i = v > 4 ? v - 4 : 0; i < v; i++)
	{
		const DipToken *t = &sc->t[i];

		if (DIP_TOK_IS(t, "not") || DIP_TOK_IS(t, "never") || DIP_TOK_IS(t, "n't") ||
			(t->nlen > 3 && memcmp(t->norm + t->nlen - 3, "n't", 3) == 0) ||
			DIP_TOK_IS(t, "cannot") || DIP_TOK_IS(t, "neither") || DIP_TOK_IS(t, "nor"))
			return true;
		if (DIP_TOK_IS(t, ",") || DIP_TOK_IS(t, ";"))
			return false;
	}
	return false;
}

/* Future or intention before the verb: will, plans to, is set to ... */
static bool
modal_future(const DipSentCtx *sc, uint32_t v)
{
	for (uint32_t i = v > 5 ? v - 5 : 0; i < v; i++)
	{
		const DipToken *t = &sc->t[i];

		if (DIP_TOK_IS(t, "will") || DIP_TOK_IS(t, "would") || DIP_TOK_IS(t, "'ll") ||
			DIP_TOK_IS(t, "shall") || DIP_TOK_IS(t, "plans") || DIP_TOK_IS(t, "planned") ||
			DIP_TOK_IS(t, "plan") || DIP_TOK_IS(t, "intends") || DIP_TOK_IS(t, "intend") ||
			DIP_TOK_IS(t, "expected") || DIP_TOK_IS(t, "scheduled") || DIP_TOK_IS(t, "due") ||
			DIP_TOK_IS(t, "set") || DIP_TOK_IS(t, "hopes") || DIP_TOK_IS(t, "wants") ||
			DIP_TOK_IS(t, "aims") || DIP_TOK_IS(t, "seeks") || DIP_TOK_IS(t, "going") ||
			DIP_TOK_IS(t, "ready") || DIP_TOK_IS(t, "willing") || DIP_TOK_IS(t, "agreed") ||
			DIP_TOK_IS(t, "agree") || DIP_TOK_IS(t, "offered") || DIP_TOK_IS(t, "promised") ||
			DIP_TOK_IS(t, "pledged") || DIP_TOK_IS(t, "vowed"))
			return true;
		if (DIP_TOK_IS(t, ",") || DIP_TOK_IS(t, ";"))
			return false;
	}
	return false;
}

/* Intent code for a future or planned action (CAMEO 03x, 13x). */
static int
intent_code(int code)
{
	char		c[8];
	int			root;

	dip_cameo_unpack(code, c);
	root = (c[0] - '0') * 10 + (c[1] - '0');
	switch (root)
	{
		case 4:
			return dip_cameo_pack("036", 3);
		case 5:
			return dip_cameo_pack("032", 3);
		case 6:
			if (strncmp(c, "061", 3) == 0)
				return dip_cameo_pack("0311", 4);
			if (strncmp(c, "062", 3) == 0)
				return dip_cameo_pack("0312", 4);
			return dip_cameo_pack("031", 3);
		case 7:
			if (strncmp(c, "071", 3) == 0)
				return dip_cameo_pack("0331", 4);
			if (strncmp(c, "072", 3) == 0)
				return dip_cameo_pack("0332", 4);
			if (strncmp(c, "073", 3) == 0)
				return dip_cameo_pack("0333", 4);
			return dip_cameo_pack("033", 3);
		case 8:
			return dip_cameo_pack("035", 3);
		case 16:
			if (strncmp(c, "163", 3) == 0)
				return dip_cameo_pack("1312", 4);
			return dip_cameo_pack("131", 3);
		case 17:
			return dip_cameo_pack("137", 3);
		case 18:
		case 19:
		case 20:
			return dip_cameo_pack("138", 3);
		default:
			return code;
	}
}

/* ------------------------------------------------------------------------
 * Emitting events
 * ------------------------------------------------------------------------
 */
static int32_t
add_actor_ref(DipAnalysis *an, const Actor *x)
{
	DipActorRef *r;

	DIP_ARRAY_PUSH(&an->arena, an->actors, an->nactors, an->actorcap, 32);
	r = &an->actors[an->nactors];
	r->entity = x->ent;
	memcpy(r->code, x->code, sizeof(r->code));
	r->name = dip_arena_strndup(&an->arena, x->name, x->namelen);
	r->namelen = x->namelen;
	return (int32_t) an->nactors++;
}

/*
 * Is the subject before verb v a person the text does not name ("A man",
 * "Unidentified gunmen")?  Not an earthquake or a storm.
 */
static bool
human_subject(const DipSentCtx *sc, uint32_t v)
{
	static const char *const w[] = {
		"man", "men", "woman", "women", "gunman", "gunmen", "assailant", "assailants",
		"attacker", "attackers", "suspect", "suspects", "bomber", "bombers", "militant",
		"militants", "mob", "individual", "person", "someone", "youths", "teenager",
		"teenagers", "unidentified", "unknown", "masked", "armed", "intruder", "sniper",
		"snipers", "rioters", "assassin", "assassins", "kidnappers", "hijackers", NULL
	};
	uint32_t	start = v > 8 ? v - 8 : 0;

	for (uint32_t i = v; i > start; i--)
		if (DIP_TOK_IS(&sc->t[i - 1], ",") || DIP_TOK_IS(&sc->t[i - 1], ";"))
		{
			start = i;
			break;
		}
	for (uint32_t i = start; i < v; i++)
		for (int k = 0; w[k]; k++)
			if (sc->t[i].nlen == strlen(w[k]) && memcmp(sc->t[i].norm, w[k], sc->t[i].nlen) == 0)
				return true;
	return false;
}

/*
 * "X said it would ...", "said he was ready to ...": a statement of what
 * the speaker will do, which CAMEO codes as intent (03) when nothing more
 * specific matched.
 */
static bool
said_intent(const DipSentCtx *sc, uint32_t j)
{
	uint32_t	end = j + 8 < sc->n ? j + 8 : sc->n;

	for (uint32_t i = j; i < end; i++)
	{
		const DipToken *t = &sc->t[i];

		if (DIP_TOK_IS(t, ",") || DIP_TOK_IS(t, ";") || DIP_TOK_IS(t, "not") || DIP_TOK_IS(t, "n't") ||
			DIP_TOK_IS(t, "never"))
			return false;
		if (DIP_TOK_IS(t, "would") || DIP_TOK_IS(t, "will") || DIP_TOK_IS(t, "'ll"))
			return i + 1 < sc->n && !DIP_TOK_IS(&sc->t[i + 1], "not") && !DIP_TOK_IS(&sc->t[i + 1], "n't");
		if (i + 1 < sc->n && DIP_TOK_IS(&sc->t[i + 1], "to") &&
			(DIP_TOK_IS(t, "ready") || DIP_TOK_IS(t, "willing") || DIP_TOK_IS(t, "prepared") ||
			 DIP_TOK_IS(t, "plans") || DIP_TOK_IS(t, "intends") || DIP_TOK_IS(t, "planned") ||
			 DIP_TOK_IS(t, "intended")))
			return true;
	}
	return false;
}

static bool
has_role(const Actor *x, const char *role)
{
	return x != NULL && strstr(x->code, role) != NULL;
}

/*
 * CAMEO keeps military force (19) apart from unconventional violence (18):
 * shooting or attacking one named person is an assault (182), or, when
 * the person holds public office, an attempt to assassinate (185); killing
 * them is a killing by assault (1823) or an assassination (186).  Civilians
 * attacking (settlers, a mob) assault (182) rather than use force (190).
 */
static int
violence_code(const DipSentCtx *sc, const Match *mt, int code, const Actor *src,
			  const Actor *tgt)
{
	bool		fatal = false,
				attempt = false;
	uint32_t	end = mt->b + 4 < sc->n ? mt->b + 4 : sc->n;

	if (dip_cameo_root(code) != dip_cameo_pack("19", 2))
		return code;
	for (uint32_t i = 0; i < sc->n; i++)
	{
		const DipToken *t = &sc->t[i];

		if (DIP_TOK_IS(t, "assassination") || DIP_TOK_IS(t, "assassinate"))
			attempt = true;
		if (i >= mt->a && i < end &&
			(DIP_TOK_IS(t, "dead") || DIP_TOK_IS(t, "killed") || DIP_TOK_IS(t, "kill") ||
			 DIP_TOK_IS(t, "kills") || DIP_TOK_IS(t, "killing") || DIP_TOK_IS(t, "death")))
			fatal = true;
	}
	if (tgt != NULL && tgt->ent >= 0 && tgt->kind == DIP_KIND_PER &&
		!has_role(tgt, "MIL") && !has_role(src, "MIL"))
	{
		bool		official = has_role(tgt, "GOV") || has_role(tgt, "ELI") ||
			has_role(tgt, "OPP") || has_role(tgt, "LEG") || has_role(tgt, "JUD") ||
			has_role(tgt, "PTY") || attempt;

		if (official)
			return dip_cameo_pack(fatal ? "186" : "185", 3);
		return fatal ? dip_cameo_pack("1823", 4) : dip_cameo_pack("182", 3);
	}
	if (code == dip_cameo_pack("190", 3) && src != NULL && has_role(src, "CVL") &&
		!has_role(src, "MIL") && !has_role(src, "REB"))
		return dip_cameo_pack("182", 3);
	return code;
}

static void
emit_event(DipSentCtx *sc, const Match *mt, int code, const Actor *src, const Actor *tgt,
		   int32_t location, int32_t date, int prec, bool modal)
{
	DipAnalysis *an = sc->an;
	DipEvent   *ev;
	uint32_t	a = mt->a,
				b = mt->b;

	/* an event needs a source (or, for "X was attacked", a target);
	 * source and target must differ */
	if (src == NULL && (tgt == NULL || !tgt->code[0]))
		return;
	if (src != NULL && !src->code[0])
		return;
	if (src && tgt && ((tgt->ent >= 0 && tgt->ent == src->ent) ||
					   (tgt->ent < 0 && src->ent < 0 && strcmp(tgt->code, src->code) == 0)))
		return;
	/* the same event twice in a sentence counts once */
	for (uint32_t k = 0; k < an->nev; k++)
	{
		DipEvent   *o = &an->ev[k];

		if (o->sentence == sc->sent->number && o->code == code &&
			((o->source < 0 && src == NULL) ||
			 (o->source >= 0 && src && strcmp(an->actors[o->source].code, src->code) == 0)) &&
			((o->target < 0 && tgt == NULL) ||
			 (o->target >= 0 && tgt && an->actors[o->target].entity == tgt->ent &&
			  strcmp(an->actors[o->target].code, tgt->code) == 0)))
			return;
	}
	DIP_ARRAY_PUSH(&an->arena, an->ev, an->nev, an->evcap, 16);
	ev = &an->ev[an->nev++];
	memset(ev, 0, sizeof(*ev));
	ev->code = (int16_t) code;
	ev->source = src ? add_actor_ref(an, src) : -1;
	ev->target = tgt ? add_actor_ref(an, tgt) : -1;
	ev->sentence = sc->sent->number;
	/* the clause: from the first to the last word involved */
	if (src && !src->pronoun && src->a < a)
		a = src->a;
	if (tgt && !tgt->pronoun && tgt->b > b)
		b = tgt->b;
	ev->start = sc->t[a].start;
	ev->len = sc->t[b - 1].start + sc->t[b - 1].len - sc->t[a].start;
	ev->cstart = sc->t[a].cstart;
	ev->clen = sc->t[b - 1].cstart + sc->t[b - 1].clen - sc->t[a].cstart;
	ev->anchor_cstart = sc->t[mt->a].cstart;
	ev->anchor_clen = sc->t[mt->anchor_b - 1].cstart + sc->t[mt->anchor_b - 1].clen -
		sc->t[mt->a].cstart;
	ev->location = location;
	ev->date = date;
	ev->date_precision = (uint8_t) prec;
	ev->modality = modal ? 1 : 0;
	ev->pattern = mt->pattern;
}

/* "in Washington", "at Camp David": a place in the sentence. */
static int32_t
find_location(const DipSentCtx *sc)
{
	const DipAnalysis *an = sc->an;

	for (uint32_t i = 1; i < sc->n; i++)
	{
		int32_t		mi = sc->tok_mention[i];

		if (mi < 0 || sc->tok_mention[i - 1] == mi)
			continue;
		if ((an->m[mi].kind == DIP_KIND_GPE || an->m[mi].kind == DIP_KIND_LOC) &&
			(DIP_TOK_IS(&sc->t[i - 1], "in") || DIP_TOK_IS(&sc->t[i - 1], "at") ||
			 (i > 1 && DIP_TOK_IS(&sc->t[i - 1], "the") &&
			  (DIP_TOK_IS(&sc->t[i - 2], "in") || DIP_TOK_IS(&sc->t[i - 2], "at")))))
			return an->m[mi].entity;
	}
	return -1;
}

/* Codes whose compound subject acts on itself: "X and Y met". */
static bool
reciprocal(int code)
{
	int			r = dip_cameo_root(code);

	return r == dip_cameo_pack("03", 2) || r == dip_cameo_pack("04", 2) ||
		dip_cameo_within(code, dip_cameo_pack("050", 3)) ||
		dip_cameo_within(code, dip_cameo_pack("057", 3)) || r == dip_cameo_pack("06", 2) ||
		dip_cameo_within(code, dip_cameo_pack("0841", 4)) ||
		dip_cameo_within(code, dip_cameo_pack("190", 3)) ||
		dip_cameo_within(code, dip_cameo_pack("0871", 4));
}

static int
cmp_match(const void *x, const void *y)
{
	const Match *a = x,
			   *b = y;
	uint32_t	la = a->b - a->a,
				lb = b->b - b->a;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->specificity != b->specificity)
		return a->specificity > b->specificity ? -1 : 1;
	return la > lb ? -1 : (la < lb);
}

/* Codes the events of one sentence. */
void
dip_events_sentence(DipSentCtx *sc)
{
	DipAnalysis *an = sc->an;
	const DipDict *d = an->dict;
	Actor		ac[MAX_ACTORS];
	Match		mt[MAX_MATCHES];
	int			nac,
				nmt = 0;
	int32_t		location;
	int32_t		sloc;
	DipDateExpr dates[4];
	int			ndates;
	int			say = -1;
	uint32_t	nev0 = an->nev;

	if (sc->sent->kind != DIP_SENT_TEXT || sc->caseless)
		return;
	nac = collect_actors(sc, ac);
#ifdef DIP_EVENTS_DEBUG
	for (int k = 0; k < nac; k++)
		fprintf(stderr, "s%u actor %d [%u,%u) %s %.*s g%d\n", sc->sent->number, k, ac[k].a, ac[k].b, ac[k].code, (int) ac[k].namelen, ac[k].name, ac[k].group);
#endif

	/* 1. patterns */
	for (uint32_t k = 0; k < sc->nanchors && nmt < MAX_MATCHES; k++)
	{
		uint32_t	i = sc->anchors[k * 2];
		int32_t		p = (int32_t) sc->anchors[k * 2 + 1];
		const DipPattern *pat = &d->patterns[p];
		const DipPElem *el = &d->pelems[pat->elem_first];
		PMatch		pm = {0, -1, -1, 0, false, false};

		if (!match_rest(sc, ac, nac, el, pat->anchor, pat->nelem, i + pat->anchor, &pm))
		{
#ifdef DIP_EVENTS_DEBUG
			fprintf(stderr, "s%u no match at %u: %s\n", sc->sent->number, i, dip_str(d, pat->text));
#endif
			continue;
		}
#ifdef DIP_EVENTS_DEBUG
		fprintf(stderr, "s%u match at %u: %s src=%d tgt=%d\n", sc->sent->number, i, dip_str(d, pat->text), pm.src, pm.tgt);
#endif
		mt[nmt].a = i;
		mt[nmt].b = pm.end > i + pat->anchor ? pm.end : i + pat->anchor;
		mt[nmt].anchor_b = i + pat->anchor;
		mt[nmt].pattern = p;
		mt[nmt].src_group = pm.src;
		mt[nmt].tgt_group = pm.tgt;
		mt[nmt].src_single = pm.src_single;
		mt[nmt].tgt_single = pm.tgt_single;
		mt[nmt].specificity = pm.fixed + pat->anchor + (pat->has_target ? 1 : 0);
		mt[nmt].dropped = false;
		nmt++;
	}
	if (nmt > 1)
		qsort(mt, nmt, sizeof(Match), cmp_match);
	/* overlapping matches: the first (most specific) wins */
	for (int k = 0; k < nmt; k++)
	{
		if (mt[k].dropped)
			continue;
		for (int q = k + 1; q < nmt; q++)
			if (!mt[q].dropped && mt[q].a < mt[k].b && mt[k].a < mt[q].b)
				mt[q].dropped = true;
	}

	/* "X denied that Y attacked Z": what is denied is not an event */
	for (int k = 0; k < nmt; k++)
		if (!mt[k].dropped && d->patterns[mt[k].pattern].code == dip_cameo_pack("016", 3))
			for (int q = 0; q < nmt; q++)
				if (q != k && mt[q].a >= mt[k].b)
					mt[q].dropped = true;

	location = find_location(sc);
	if (location < 0)
		location = an->dateline_place;
	sloc = location;
	ndates = dip_sentence_dates(sc);
	if (ndates > 4)
		ndates = 4;
	if (ndates > 0)
		memcpy(dates, sc->dates, ndates * sizeof(DipDateExpr));

	for (int k = 0; k < nmt; k++)
	{
		const DipPattern *pat;
		int			code;
		int			src,
					tgt;
		bool		modal;
		bool		passive = false;
		int32_t		date;
		int			prec;

		if (mt[k].dropped)
			continue;
		location = sloc;
		pat = &d->patterns[mt[k].pattern];
		code = pat->code;
		if (negated(sc, mt[k].a))
			continue;
		/* a bare statement verb only when nothing else happens */
		if (dip_cameo_root(code) == dip_cameo_pack("01", 2) && pat->nelem <= 2 &&
			!pat->has_target)
		{
			say = k;
			continue;
		}
		src = mt[k].src_group;
		tgt = mt[k].tgt_group;
		/* passive: "was visited (on Monday) by X", "was shot" */
		if (src < 0 && mt[k].a > 0 && (is_be(&sc->t[mt[k].a - 1]) ||
									   (mt[k].a > 1 && is_be(&sc->t[mt[k].a - 2]))) &&
			sc->t[mt[k].a].wid && (d->words[sc->t[mt[k].a].wid].vforms & DIP_VF_PART))
		{
			uint32_t	j = mt[k].b;
			int			by = -1;

			for (; j < sc->n && j < mt[k].b + 5; j++)
			{
				if (DIP_TOK_IS(&sc->t[j], ",") || DIP_TOK_IS(&sc->t[j], ";"))
					break;
				if (DIP_TOK_IS(&sc->t[j], "by"))
				{
					by = actor_at(sc, ac, nac, j + 1);
					break;
				}
			}
			if (tgt < 0)
				tgt = find_subject(sc, ac, nac, mt[k].a);
			passive = true;
			if (by >= 0)
				src = by;
			else if (tgt >= 0 && dip_cameo_info(code)->quad_class >= 3)
			{
				/* "Fico was shot": an attack on X by someone unknown */
				int			t0 = tgt;

				while (t0 > 0 && ac[t0 - 1].group == ac[tgt].group)
					t0--;
				for (int t = t0; t < nac && ac[t].group == ac[tgt].group; t++)
					emit_event(sc, &mt[k], violence_code(sc, &mt[k], code, NULL, &ac[t]),
							   NULL, &ac[t], location,
							   ndates > 0 ? dates[0].date : an->published,
							   ndates > 0 ? dates[0].prec : DIP_PREC_DAY, false);
				continue;
			}
			else
				passive = false;
		}
		if (src < 0 && d->pelems[pat->elem_first].kind != DIP_PE_LEMMA)
		{
			/* a noun ("attacks on Y"): the source is the actor right
			 * before it ("Houthi attacks", "Russia's invasion") */
			for (int q = 0; q < nac; q++)
				if (ac[q].b <= mt[k].a && mt[k].a - ac[q].b <= 1 &&
					(ac[q].b == mt[k].a || sc->t[ac[q].b].type == DIP_TOK_CLITIC))
					src = q;
			/* "A roadside bomb hit a military patrol": a bombing by
			 * someone unknown, against what the blast hit */
			if (src < 0 && tgt < 0 && dip_cameo_root(code) == dip_cameo_pack("18", 2) &&
				mt[k].b < sc->n && sc->t[mt[k].b].wid &&
				(d->words[sc->t[mt[k].b].wid].vforms & (DIP_VF_PAST | DIP_VF_3SG)))
			{
				tgt = find_object(sc, ac, nac, mt[k].b + 1, 3);
				if (tgt >= 0 && ac[tgt].code[0])
				{
					emit_event(sc, &mt[k], code, NULL, &ac[tgt], location,
							   ndates > 0 ? dates[0].date : an->published,
							   ndates > 0 ? dates[0].prec : DIP_PREC_DAY, false);
					/* the verb ("hit") is the same event */
					for (int q = k + 1; q < nmt; q++)
						if (mt[q].a == mt[k].b)
							mt[q].dropped = true;
				}
			}
			if (src < 0)
				continue;
			/* "a U.S. drone strike killed X": the verb is the same event */
			for (int q = k + 1; q < nmt; q++)
				if (mt[q].a == mt[k].b && d->pelems[d->patterns[mt[q].pattern].elem_first].kind == DIP_PE_LEMMA)
					mt[q].dropped = true;
		}
		/* ", killing X": the subject of the main clause */
		if (src < 0 && mt[k].a > 0 && DIP_TOK_IS(&sc->t[mt[k].a - 1], ",") && sc->t[mt[k].a].wid &&
			(d->words[sc->t[mt[k].a].wid].vforms & DIP_VF_GER))
		{
			for (int q = 0; q < nac && ac[q].b <= mt[k].a; q++)
				if (!governed(sc, &ac[q]))
				{
					src = q;
					break;
				}
		}
		if (src < 0)
			src = find_subject(sc, ac, nac, mt[k].a);
		if (tgt < 0 && !passive)
			tgt = find_object(sc, ac, nac, mt[k].b, pat->has_target ? 3 : 10);
		if (src < 0)
		{
			/* "A man assaulted the prime minister": violence against a
			 * known target by someone the text does not name */
			if (tgt >= 0 && ac[tgt].code[0] && dip_cameo_info(code)->quad_class == 4 &&
				d->pelems[pat->elem_first].kind == DIP_PE_LEMMA && human_subject(sc, mt[k].a))
			{
				code = violence_code(sc, &mt[k], code, NULL, &ac[tgt]);
				emit_event(sc, &mt[k], code, NULL, &ac[tgt], location,
						   ndates > 0 ? dates[0].date : an->published,
						   ndates > 0 ? dates[0].prec : DIP_PREC_DAY, false);
			}
			continue;
		}
		code = violence_code(sc, &mt[k], code, &ac[src], tgt >= 0 ? &ac[tgt] : NULL);
		modal = modal_future(sc, mt[k].a);
		if (modal)
			code = intent_code(code);
		/* the date of the sentence, or of the lead, or of publication */
		date = an->published;
		prec = an->published != DIP_DATE_NONE ? DIP_PREC_DAY : DIP_PREC_NONE;
		if (ndates > 0)
		{
			DipDateExpr de = dates[0];

			if (modal)
				dip_find_dates(sc->t, sc->n, an->published, true, &de, 1);
			date = de.date;
			prec = de.prec;
		}
		else if (an->lead_date != DIP_DATE_NONE)
		{
			date = an->lead_date;
			prec = an->lead_date_prec;
		}

		/* "between X and Y": the two members, once */
		if (mt[k].src_single || mt[k].tgt_single)
		{
			emit_event(sc, &mt[k], code, &ac[src], tgt >= 0 ? &ac[tgt] : NULL, location,
					   date, prec, modal);
			continue;
		}
		/* "shelled Kharkiv", "visited Tokyo": the target place is where */
		{
			int32_t		evloc = location;

			if (find_location(sc) < 0 && tgt >= 0 && ac[tgt].ent >= 0 &&
				(ac[tgt].kind == DIP_KIND_GPE || ac[tgt].kind == DIP_KIND_LOC) &&
				(dip_cameo_within(code, dip_cameo_pack("042", 3)) ||
				 dip_cameo_info(code)->quad_class == 4))
				evloc = ac[tgt].ent;
			location = evloc;
		}
		/* "X and Y met in Geneva": a meeting at a third location */
		if (code == dip_cameo_pack("040", 3) && find_location(sc) >= 0)
		{
			const DipEnt *le = &an->ents[find_location(sc)];
			int			sg = ac[src].group;
			bool		third = le->country[0] != 0;

			for (int q = 0; q < nac && third; q++)
				if ((ac[q].group == sg || (tgt >= 0 && ac[q].group == ac[tgt].group)) &&
					(!ac[q].code[0] || strncmp(ac[q].code, le->country, 3) == 0))
					third = false;
			if (third)
				code = dip_cameo_pack("044", 3);
		}
		/* "Philippine and U.S. troops began exercises": together, that
		 * is military cooperation (062), not a show of force */
		if (dip_cameo_root(code) == dip_cameo_pack("15", 2) && (tgt < 0 || ac[tgt].group == ac[src].group))
		{
			for (int q = 0; q < nac; q++)
				if (q != src && ac[q].group == ac[src].group && ac[q].code[0] && ac[src].code[0] &&
					strncmp(ac[q].code, ac[src].code, 3) != 0)
				{
					code = dip_cameo_pack("062", 3);
					break;
				}
		}
		/* one event per pair of the compound actors */
		{
			int			sg = ac[src].group;
			int			tg = tgt >= 0 ? ac[tgt].group : -1;

			if ((tgt < 0 || tg == sg) && reciprocal(code))
			{
				/* "X and Y met": X with Y */
				int			first = src,
							second = -1;

				while (first > 0 && ac[first - 1].group == sg)
					first--;
				for (int q = first + 1; q < nac && ac[q].group == sg; q++)
					if (second < 0)
						second = q;
				if (second >= 0 && tgt < 0)
				{
					emit_event(sc, &mt[k], code, &ac[first], &ac[second], location, date,
							   prec, modal);
					continue;
				}
				emit_event(sc, &mt[k], code, &ac[first], NULL, location, date, prec, modal);
				continue;
			}
			for (int s = 0; s < nac; s++)
			{
				if (ac[s].group != sg)
					continue;
				if (tgt < 0 || tg == sg)
				{
					emit_event(sc, &mt[k], code, &ac[s], NULL, location, date, prec, modal);
					continue;
				}
				for (int t = 0; t < nac; t++)
					if (ac[t].group == tg)
						emit_event(sc, &mt[k], code, &ac[s], &ac[t], location, date, prec,
								   modal);
			}
		}
	}
	/* "X said": a statement only when no other event was coded */
	if (say >= 0 && an->nev == nev0)
	{
		int			src = find_subject(sc, ac, nac, mt[say].a);
		int			tgt = -1;

		/* "X said (that) ... Y ...": about the first other actor, after
		 * the verb if there is one, else before it */
		if (src >= 0)
		{
			for (int pass = 0; pass < 2 && tgt < 0; pass++)
				for (int q = 0; q < nac; q++)
				{
					if (ac[q].group == ac[src].group || !ac[q].code[0])
						continue;
					if ((pass == 0) != (ac[q].a >= mt[say].b))
						continue;
					if (ac[q].ent >= 0 && ac[q].ent == ac[src].ent)
						continue;
					tgt = q;
					break;
				}
			emit_event(sc, &mt[say], said_intent(sc, mt[say].b) ? dip_cameo_pack("030", 3) :
					   d->patterns[mt[say].pattern].code, &ac[src],
					   tgt >= 0 ? &ac[tgt] : NULL, location,
					   ndates > 0 ? dates[0].date : an->published,
					   ndates > 0 ? dates[0].prec : DIP_PREC_DAY, false);
		}
	}
	remember_actors(sc, ac, nac);
}

/*
 * The dateline's place and the lead's date: events of later sentences
 * without their own place or date happened there and then.
 */
void
dip_events_note_lead(DipSentCtx *sc)
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
