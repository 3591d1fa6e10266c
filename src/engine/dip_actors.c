/*-------------------------------------------------------------------------
 *
 * dip_actors.c
 *	  The actors of a sentence, for the event coder: entity mentions
 *	  (people, organisations, places with a government, nationalities),
 *	  nationality + agent noun ("Chinese officials" -> CHNGOV), agents
 *	  alone ("rebels" -> REB), pronouns resolved to the last fitting actor;
 *	  actors joined by "and" form a compound.  And where an actor stands in
 *	  its clause: subject, object, or governed by a preposition.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_actors.h"
#include "dip_resolve.h"

#include <stdio.h>
#include <string.h>

/* Document state kept between sentences */
typedef struct EvState
{
	DipActor		last_per;
	DipActor		last_org;
	DipActor		last_group[4];
	int			last_group_n;
	DipActor		they[4];		/* what "they" means: the last subject that
								 * was a group or an organisation */
	int			they_n;
	bool		have_per;
	bool		have_org;
} EvState;

/* The event coder's document state, kept between sentences. */
static EvState *
evstate(DipAnalysis *an)
{
	if (an->evstate == NULL)
		an->evstate = dip_arena_alloc0(&an->arena, sizeof(EvState));
	return an->evstate;
}

/* The agent noun (a role used as an agent) starting at token i, or NULL. */
static const DipRole *
agent_at(const DipSentCtx *sc, uint32_t i)
{
	const DipDict *d = sc->an->dict;

	if (i < sc->n && sc->role_len[i] > 0 && (d->roles[sc->role_ref[i]].use & DIP_ROLE_AGENT))
		return &d->roles[sc->role_ref[i]];
	return NULL;
}

/* An actor code: country + role. */
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
	if (j >= sc->n || !(dip_cueof(sc, j) & CUE_PAIR_NOUN))
		return 0;
	return (int) (j + 1 - i);
}

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
pair_before(const DipSentCtx *sc, const DipActor *ac, int n)
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

/* nouns of number or group before "of": "a group of", "dozens of" */
static bool
is_quantity(const DipSentCtx *sc, const DipToken *t)
{
	return dip_tok_cue(sc, t, CUE_GROUP_NOUN);
}

/* Locative or other preposition governing the actor: not a subject. */
bool
dip_actor_governed(const DipSentCtx *sc, const DipActor *x)
{
	uint32_t	p = x->a;

	while (p > 0 && (DIP_TOK_IS(&sc->t[p - 1], "the") || DIP_TOK_IS(&sc->t[p - 1], "a")))
		p--;
	if (p == 0)
		return false;
	/* "a group of pirates", "dozens of protesters": the head is the actor */
	if (DIP_TOK_IS(&sc->t[p - 1], "of") && p > 1 && is_quantity(sc, &sc->t[p - 2]))
		return false;
	return (dip_lexof(sc, p - 1) & LX_PREP) != 0 && !DIP_TOK_IS(&sc->t[p - 1], "like");
}

/*
 * "Chinese official Liu Jianchao": after a nationality or country (the
 * actor x so far) and maybe a title r at token j, a person: the actor is
 * the person, whose span starts at the nationality.  Returns the token
 * after the person, or 0.
 */
static uint32_t
person_after_title(DipSentCtx *sc, DipActor *x, uint32_t j, const DipRole *r)
{
	DipAnalysis *an = sc->an;
	uint32_t	p;
	int32_t		pm;
	const DipEnt *pe;
	uint32_t	pb = j;

	if (j >= sc->n)
		return 0;
	p = j + (r ? sc->role_len[j] : 0);
	if (p >= sc->n)
		p = j;
	pm = sc->tok_mention[p];
	if (pm < 0 || an->m[pm].kind != DIP_KIND_PER)
		return 0;
	pe = &an->ents[an->m[pm].entity];
	while (pb < sc->n && (sc->tok_mention[pb] == pm || (r && pb < j + sc->role_len[j])))
		pb++;
	x->b = pb;
	x->ent = an->m[pm].entity;
	x->kind = DIP_KIND_PER;
	x->name = pe->name;
	x->namelen = pe->namelen;
	dip_ent_actor_at(an, pe, an->published, x->code);
	return pb;
}


/* "they", "both sides", "the two leaders": the group named last. */
static uint32_t
actor_group_pronoun(DipSentCtx *sc, DipActor *ac, int *n, uint32_t i)
{
	EvState    *es = evstate(sc->an);
	const DipToken *t = &sc->t[i];
	int			g = *n;
	uint32_t	end = DIP_TOK_IS(t, "they") ? i + 1 : i + pair_words(sc, i);
	int			p = pair_before(sc, ac, *n);
	DipActor	pair[2];
	const DipActor *src = es->last_group;
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
	for (int k = 0; k < nsrc && *n < DIP_MAX_ACTORS; k++)
	{
		ac[*n] = src[k];
		ac[*n].a = i;
		ac[*n].b = end;
		ac[*n].pronoun = true;
		ac[*n].group = g;
		(*n)++;
	}
	return end;
}

/*
 * "Chinese officials", "Israeli troops", "China's military", "Chinese
 * official Liu Jianchao", "Houthi rebels", or the entity alone: the actor
 * of mention mi, which starts at token i.  Returns the token after it.
 */
static uint32_t
actor_from_mention(DipSentCtx *sc, DipActor *ac, int *n, uint32_t i, int32_t mi)
{
	DipAnalysis *an = sc->an;
	DipActor   *x = &ac[*n];
	const DipMention *m = &an->m[mi];
	const DipEnt *e = &an->ents[m->entity];
	const DipRole *r;
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
	if (m->kind == DIP_KIND_NORP || m->kind == DIP_KIND_GPE)
	{
		uint32_t	pend = person_after_title(sc, x, j, r);

		if (pend > 0)
		{
			(*n)++;
			return pend;
		}
	}
	if (r && (m->kind == DIP_KIND_NORP || m->kind == DIP_KIND_GPE) && e->country[0])
	{
		actor_code(x->code, e->country, r->role);
		x->b = j + sc->role_len[j];
		x->name = NULL;			/* named after the words */
		/* "senior Chinese party official" */
		while (x->a > 0 && x->a + 3 > i && modifier_word(sc, x->a - 1) &&
			   (*n == 0 || ac[*n - 1].b < x->a))
			x->a--;
	}
	else if (r && m->kind == DIP_KIND_ORG)
		x->b = j + sc->role_len[j];	/* "Houthi rebels" */
	/* a bare nationality adjective before a noun is not an actor */
	if (m->kind == DIP_KIND_NORP && x->name != NULL && !r && j < sc->n &&
		sc->t[j].type == DIP_TOK_WORD && !(sc->t[j].flags & DIP_TF_UPPER))
		return j;
	if (x->name == NULL)
	{
		x->name = sc->doc->text + sc->t[x->a].start;
		x->namelen = sc->t[x->b - 1].start + sc->t[x->b - 1].len - sc->t[x->a].start;
	}
	(*n)++;
	return x->b;
}

/* "senior officials", "heavily armed gunmen": an agent noun phrase at i. */
static uint32_t
actor_from_agent(DipSentCtx *sc, DipActor *ac, int *n, uint32_t i, const DipRole *r)
{
	DipActor   *x = &ac[*n];

	x->a = i;
	/* the noun phrase, so that a preposition before it is seen */
	while (x->a > 0 && x->a + 3 > i && modifier_word(sc, x->a - 1) &&
		   (*n == 0 || ac[*n - 1].b < x->a))
		x->a--;
	x->b = i + sc->role_len[i];
	actor_code(x->code, r->country[0] ? r->country : NULL, r->role);
	x->name = sc->doc->text + sc->t[i].start;
	x->namelen = sc->t[x->b - 1].start + sc->t[x->b - 1].len - sc->t[i].start;
	(*n)++;
	return x->b;
}

/*
 * "he", "she", "it", "they", "both sides": the actors named before that
 * the pronoun at token i stands for.  Returns the token after it.
 */
static uint32_t
actor_from_pronoun(DipSentCtx *sc, DipActor *ac, int *n, uint32_t i)
{
	EvState    *es = evstate(sc->an);
	const DipToken *t = &sc->t[i];
	DipActor   *x = &ac[*n];

	if ((DIP_TOK_IS(t, "he") || DIP_TOK_IS(t, "she")) && es->have_per)
		*x = es->last_per;
	else if ((DIP_TOK_IS(t, "it") || DIP_TOK_IS(t, "its")) && es->have_org &&
			 !expletive_it(sc, i))
		*x = es->last_org;
	else if ((DIP_TOK_IS(t, "they") || pair_words(sc, i) > 0) &&
			 (es->last_group_n >= 2 || pair_before(sc, ac, *n) >= 0 ||
			  (DIP_TOK_IS(t, "they") && es->they_n > 0)))
		return actor_group_pronoun(sc, ac, n, i);
	else
		return i + 1;
	x->a = i;
	x->b = i + 1;
	x->pronoun = true;
	x->group = *n;
	(*n)++;
	return i + 1;
}

/* "X and Y": actors joined by "and" form a compound group. */
static void
join_compounds(DipSentCtx *sc, DipActor *ac, int n)
{
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
}

/* "X, Y and Z": a comma before a member of a group joins the list. */
static void
join_lists(DipSentCtx *sc, DipActor *ac, int n)
{
	for (int k = n - 2; k >= 0; k--)
	{
		uint32_t	j = ac[k].b;

		if (ac[k].pronoun || ac[k + 1].pronoun || !ac[k].code[0] ||
			ac[k + 1].group == ac[k].group)
			continue;
		if (k + 2 >= n || ac[k + 2].group != ac[k + 1].group)
			continue;
		/* "According to the State Department, Blinken and Liu agreed" */
		if (dip_actor_governed(sc, &ac[k]) && !dip_actor_governed(sc, &ac[k + 1]))
			continue;
		if (j < ac[k + 1].a && DIP_TOK_IS(&sc->t[j], ",") && j + 1 == ac[k + 1].a)
		{
			int			old = ac[k + 1].group;

			for (int q = k + 1; q < n && ac[q].group == old; q++)
				ac[q].group = ac[k].group;
		}
	}
}

/* Collects the sentence's actors in token order (see dip_actors.h). */
int
dip_actors_collect(DipSentCtx *sc, DipActor *ac)
{
	DipAnalysis *an = sc->an;
	int			n = 0;
	uint32_t	i = 0;

	while (i < sc->n && n < DIP_MAX_ACTORS)
	{
		int32_t		mi = sc->tok_mention[i];
		const DipRole *r;
		DipActor   *x = &ac[n];

		memset(x, 0, sizeof(*x));
		x->ent = -1;
		x->group = n;
		if (mi >= 0 && an->m[mi].kind != DIP_KIND_LOC && an->m[mi].kind != DIP_KIND_DATE)
			i = actor_from_mention(sc, ac, &n, i, mi);
		else if ((r = agent_at(sc, i)) != NULL && r->role[0])
			i = actor_from_agent(sc, ac, &n, i, r);
		else if (sc->t[i].type == DIP_TOK_WORD)
			i = actor_from_pronoun(sc, ac, &n, i);
		else
			i++;
	}
	join_compounds(sc, ac, n);
	join_lists(sc, ac, n);
	return n;
}

/* Remembers actors for pronouns in later sentences. */
void
dip_actors_remember(DipSentCtx *sc, DipActor *ac, int n)
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
		if (ac[k].pronoun || !ac[k].code[0] || dip_actor_governed(sc, &ac[k]))
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
int
dip_actor_at(const DipSentCtx *sc, DipActor *ac, int n, uint32_t i)
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
uint32_t
dip_actor_group_end(DipActor *ac, int n, int k)
{
	uint32_t	b = ac[k].b;

	for (int q = k + 1; q < n && ac[q].group == ac[k].group; q++)
		b = ac[q].b;
	return b;
}

/*
 * The subject of the verb at token v: the nearest actor before it in the
 * clause, skipping actors governed by a preposition and appositions
 * (", the minister of X,").
 */
int
dip_actor_subject(const DipSentCtx *sc, DipActor *ac, int n, uint32_t v)
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
		if (dip_actor_governed(sc, &ac[k]) && !ac[k].pronoun)
			continue;
		/* "the leader of X": not X; but "a group of X" is X */
		if (ac[k].a > 0 && DIP_TOK_IS(&sc->t[ac[k].a - 1], "of") &&
			!(ac[k].a > 1 && is_quantity(sc, &sc->t[ac[k].a - 2])))
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
			!dip_actor_governed(sc, &ac[k]))
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
int
dip_actor_object(const DipSentCtx *sc, DipActor *ac, int n, uint32_t j, uint32_t maxdist)
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
		/* after a preposition of place or time (ADJUNCT_PREP): not a target */
		if (dip_actor_governed(sc, &ac[k]) && (dip_cueof(sc, p - 1) & CUE_ADJUNCT_PREP))
			continue;
		return k;
	}
	return -1;
}
