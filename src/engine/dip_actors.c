/*-------------------------------------------------------------------------
 *
 * dip_actors.c
 *	  The actors of a sentence, for the event coder: entity mentions
 *	  (people, organisations, places with a government, nationalities),
 *	  nationality + agent noun ("Chinese officials" -> CHNGOV), agents
 *	  alone ("rebels" -> REB), pronouns resolved to the last person or
 *	  organisation in subject position in the paragraph; actors joined by
 *	  "and" form a compound.  Every actor without a country gets the one
 *	  its words give ("a court in Guyana", "Syria's government", "his
 *	  government"), else a marked guess (the dateline's, the place's, the
 *	  document's main country); a title resolves to the office holder at
 *	  the publication date.  And where an actor stands in its clause:
 *	  subject, object, or governed by a preposition.
 *
 * The decisions are named rules in tables, listed by dip_actors_rule():
 * token rules make the actors, step rules merge or drop them, country
 * rules give them countries, resolution rules name the person a title or
 * a surname stands for, subject rules say who is not the subject of a
 * verb.  An actor keeps the rules that shaped it (DipActor.rules).
 *
 *-------------------------------------------------------------------------
 */
#include "dip_actors.h"
#include "dip_cameo.h"
#include "dip_entity.h"
#include "dip_resolve.h"

#include <stdio.h>
#include <string.h>

#define MAX_COUNTRIES 32

/* Document state kept between sentences */
typedef struct EvState
{
	uint32_t	para;			/* the paragraph the antecedents are from */
	DipActor	last_per;		/* the last person in subject position */
	DipActor	last_org;		/* the last organisation or state in subject
								 * position */
	DipActor	last_group[4];
	int			last_group_n;
	DipActor	they[4];		/* what "they" means: the last subject that
								 * was a group or an organisation */
	int			they_n;
	bool		have_per;
	bool		have_org;
	/* agent nouns named with a country in the paragraph: the noun's words,
	 * its role and country ("***" when two countries had them) */
	struct
	{
		char		words[32];
		char		role[4];
		char		country[4];
	}			named[16];
	int			nnamed;
	/* the countries the document names, and how often */
	uint32_t	counted;		/* mentions counted so far */
	char		country[MAX_COUNTRIES][4];
	uint32_t	country_n[MAX_COUNTRIES];
	int			ncountries;
} EvState;

/* what a pronoun may stand for */
enum
{
	ANT_PER,					/* he, she, his, her */
	ANT_ORG,					/* it, its */
	ANT_GROUP					/* their */
};

/* The event coder's document state, kept between sentences. */
static EvState *
evstate(DipAnalysis *an)
{
	if (an->evstate == NULL)
		an->evstate = dip_arena_alloc0(&an->arena, sizeof(EvState));
	return an->evstate;
}

/* ------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------
 */

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
	snprintf(dst, 20, "%.3s%s", country ? country : "", role ? role : "");
}

/* Notes that rule r shaped actor x. */
static void
note_actor_rule(DipActor *x, const DipRule *r)
{
	for (int k = 0; k < x->nrules; k++)
		if (x->rules[k] == r)
			return;
	if (x->nrules < DIP_ACTOR_RULES)
		x->rules[x->nrules++] = r;
}

/* A possessive: the clitic 's, or a lone apostrophe ("the Nations' envoy"). */
static bool
is_clitic(const DipToken *t)
{
	return t->type == DIP_TOK_CLITIC || DIP_TOK_IS(t, "'s") || DIP_TOK_IS(t, "'");
}

/* "the", "a", "an" */
static bool
is_article(const DipToken *t)
{
	return DIP_TOK_IS(t, "the") || DIP_TOK_IS(t, "a") || DIP_TOK_IS(t, "an");
}

/* "his", "her", "its", "their": a possessive determiner */
static bool
is_possessive_determiner(const DipToken *t)
{
	return DIP_TOK_IS(t, "his") || DIP_TOK_IS(t, "her") || DIP_TOK_IS(t, "its") ||
		DIP_TOK_IS(t, "their");
}

/* "counterpart", "counterparts": an agent of another side than the possessor's */
static bool
is_counterpart(const DipToken *t)
{
	return DIP_TOK_IS(t, "counterpart") || DIP_TOK_IS(t, "counterparts");
}

/* The roles of the state and society that belong to one country */
static const char *const domestic_roles[] = {
	"GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "MED", "BUS", "CVL", "ELI", "SPY",
	"LAB", "EDU", "HLH", "HRI", "REF", "AGR", "ENV", "CRM", "INS", "SEP", "UAF", "DEV",
	"REL", "PTY", "MOD", "RAD"
};

/* True if the code starts with a role of one country: GOV, MIL, JUD... */
static bool
domestic_role(const char *code)
{
	for (size_t k = 0; k < sizeof(domestic_roles) / sizeof(domestic_roles[0]); k++)
		if (strncmp(code, domestic_roles[k], 3) == 0)
			return true;
	return false;
}

/* True if the actor is a bare role (GOV, JUD...) that wants a country. */
static bool
needs_country(const DipActor *x)
{
	return !x->dropped && !x->pronoun && x->code[0] && domestic_role(x->code);
}

/* The country of an actor code ("USA" of USAGOV), or NULL for a bare role or an IGO. */
static const char *
code_country(const char *code)
{
	if (strlen(code) < 3 || dip_actor_is_role(code))
		return NULL;
	return code;
}

/* Gives actor x the country (3 letters) before its role, from where, by rule r. */
static void
give_country(DipActor *x, const char *country, int from, const DipRule *r)
{
	char		code[20];

	if (strlen(x->code) + 3 >= sizeof(code))
		return;
	actor_code(code, country, x->code);
	memcpy(x->code, code, sizeof(code));
	x->country_from = (uint8_t) from;
	note_actor_rule(x, r);
}

/* The text of tokens [a, b) as the actor's name. */
static void
name_span(const DipSentCtx *sc, DipActor *x, uint32_t a, uint32_t b)
{
	x->name = sc->doc->text + sc->t[a].start;
	x->namelen = sc->t[b - 1].start + sc->t[b - 1].len - sc->t[a].start;
}

/* The entity of the mention at token i, if it has a country, or NULL. */
static const DipEnt *
country_mention(const DipSentCtx *sc, uint32_t i)
{
	int32_t		mi = i < sc->n ? sc->tok_mention[i] : -1;
	const DipEnt *e;

	if (mi < 0)
		return NULL;
	e = &sc->an->ents[sc->an->m[mi].entity];
	return e->country[0] ? e : NULL;
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

/* A word that can be a verb: a listed verb or a verb form of the patterns. */
static bool
verb_word(const DipSentCtx *sc, uint32_t i)
{
	uint32_t	w = sc->t[i].wid;

	return w != 0 && ((sc->an->dict->words[w].lex & LX_VERB) || sc->an->dict->words[w].vforms);
}

/* A form of "say": "said X" names the speaker, who is no object. */
static bool
is_say(const DipSentCtx *sc, uint32_t i)
{
	const DipDict *d = sc->an->dict;
	uint32_t	w = sc->t[i].wid;

	return w != 0 && d->words[w].lemma != 0 &&
		strcmp(dip_str(d, d->lemmas[d->words[w].lemma - 1]), "say") == 0;
}

/* True if an event pattern is anchored at token i. */
static bool
pattern_at(const DipSentCtx *sc, uint32_t i)
{
	for (uint32_t k = 0; k < sc->nanchors; k++)
		if (sc->anchors[k * 2] == i)
			return true;
	return false;
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
 * Is actor x in subject position: not after a preposition or "of", not
 * right after a verb (its object), though "said X" names the speaker?
 */
static bool
subject_position(const DipSentCtx *sc, const DipActor *x)
{
	uint32_t	p = x->a;

	if (dip_actor_governed(sc, x))
		return false;
	/* the noun phrase's start: over articles and lower-case words that are
	 * no verbs or function words ("in unborn children"), or nouns that
	 * may be verbs after an article or a comma (", finance ministry
	 * officials") */
	while (p > 0 && p + 4 > x->a &&
		   (is_article(&sc->t[p - 1]) ||
			(sc->t[p - 1].type == DIP_TOK_WORD && (sc->t[p - 1].flags & DIP_TF_LOWER) &&
			 !(dip_lexof(sc, p - 1) & (LX_FUNCTION | LX_NUM)) &&
			 (!verb_word(sc, p - 1) ||
			  ((dip_lexof(sc, p - 1) & LX_NOUN) &&
			   (p == 1 || is_article(&sc->t[p - 2]) || sc->t[p - 2].type == DIP_TOK_PUNCT))))))
		p--;
	if (p == 0)
		return true;
	if (DIP_TOK_IS(&sc->t[p - 1], "of") || (dip_lexof(sc, p - 1) & LX_PREP))
		return false;
	/* a verb before it, not a name ("Stock Exchange president Tony Norton") */
	return !(verb_word(sc, p - 1) && !(dip_lexof(sc, p - 1) & (LX_AUX | LX_CONJ)) &&
			 sc->tok_mention[p - 1] < 0 && (sc->t[p - 1].flags & DIP_TF_LOWER) &&
			 !is_say(sc, p - 1));
}

/*
 * Is actor x the subject of a reported clause ("Biden said Putin had
 * chosen ...", "said that Putin ..."), not the speaker after an inverted
 * "said" (", said Biden")?
 */
static bool
reported_subject(const DipSentCtx *sc, const DipActor *x)
{
	uint32_t	p = x->a;

	while (p > 0 && is_article(&sc->t[p - 1]))
		p--;
	if (p > 0 && DIP_TOK_IS(&sc->t[p - 1], "that"))
		p--;
	return p >= 2 && is_say(sc, p - 1) && sc->t[p - 2].type != DIP_TOK_PUNCT;
}

/*
 * "a government study", "military contacts.": an agent noun before a
 * common noun modifies it; the noun phrase may be no actor at all.  A noun
 * that may be a verb counts only at the end of the phrase, or before a
 * verb ("a government study said").
 */
static bool
modifier_agent(const DipSentCtx *sc, const DipActor *x)
{
	uint32_t	j = x->b;

	if (!x->agent || j >= sc->n || sc->t[j].type != DIP_TOK_WORD ||
		!(sc->t[j].flags & DIP_TF_LOWER) || !(dip_lexof(sc, j) & LX_NOUN) ||
		(dip_lexof(sc, j) & LX_FUNCTION) || sc->role_len[j] > 0 || sc->tok_mention[j] >= 0)
		return false;
	return !verb_word(sc, j) || j + 1 >= sc->n || sc->t[j + 1].type == DIP_TOK_PUNCT ||
		(dip_lexof(sc, j + 1) & (LX_PREP | LX_CONJ)) ||
		(sc->t[j + 1].wid && (sc->an->dict->words[sc->t[j + 1].wid].vforms &
							  (DIP_VF_PAST | DIP_VF_3SG)));
}

/* ------------------------------------------------------------------------
 * Pronouns and their antecedents
 * ------------------------------------------------------------------------
 */

/*
 * Subject position for a pronoun's antecedent, not as a possessor ("Mr
 * Balls said he was sure Mr Brown's budget would ...": he is Balls).
 */
static bool
antecedent_position(const DipSentCtx *sc, const DipActor *x)
{
	return subject_position(sc, x) && !(x->b < sc->n && is_clitic(&sc->t[x->b]));
}

/* Could actor x be what a pronoun of kind want stands for? */
static bool
fits_pronoun(const DipSentCtx *sc, const DipActor *x, int want)
{
	const DipToken *last = &sc->t[x->b - 1];

	if (x->pronoun || x->dropped || modifier_agent(sc, x))
		return false;
	/* an agent noun in the singular: "the official" is a he or she, "the
	 * ministry" an it */
	if (x->agent && x->kind != DIP_KIND_PER)
	{
		bool		one = x->code[0] && last->nlen > 1 && last->norm[last->nlen - 1] != 's';
		bool		body = dip_tok_cue(sc, last, CUE_ORG_ROLE);

		return want == ANT_GROUP ? x->code[0] != 0 : one && (want == ANT_ORG) == body;
	}
	if (want == ANT_PER)
		return x->kind == DIP_KIND_PER;
	if (want == ANT_ORG)
		return x->kind == DIP_KIND_ORG || x->kind == DIP_KIND_GPE;
	return x->code[0] && x->kind != DIP_KIND_PER;
}

/*
 * The actor a pronoun stands for: the nearest one that fits it in subject
 * position earlier in the sentence, else the last one of the paragraph
 * (remembered by dip_actors_remember).  False when there is none, or when
 * two of a compound fit ("Biden and Xi met; he said").
 */
static bool
antecedent(const DipSentCtx *sc, const DipActor *ac, int n, int want, DipActor *out)
{
	EvState    *es = evstate(sc->an);

	out->ante = -1;
	for (int k = n - 1; k >= 0; k--)
	{
		if (!fits_pronoun(sc, &ac[k], want) || !antecedent_position(sc, &ac[k]))
			continue;
		for (int q = 0; q < n; q++)
			if (q != k && ac[q].group == ac[k].group && fits_pronoun(sc, &ac[q], want))
				return false;
		/* "X and Y": not joined yet; the member before "and" fits too */
		if (k > 0 && ac[k - 1].b + 1 == ac[k].a && DIP_TOK_IS(&sc->t[ac[k - 1].b], "and") &&
			fits_pronoun(sc, &ac[k - 1], want))
			return false;
		*out = ac[k];
		out->ante = (int16_t) k;
		return true;
	}
	if (want == ANT_PER && es->have_per)
		*out = es->last_per;
	else if (want == ANT_ORG && es->have_org)
		*out = es->last_org;
	else if (want == ANT_GROUP && es->they_n == 1)
		*out = es->they[0];
	else
		return false;
	out->ante = -1;
	return true;
}

/* ------------------------------------------------------------------------
 * Token rules: the actors starting at a token
 * ------------------------------------------------------------------------
 */
static const DipRule agent_compound =
{"agent_compound", "agent nouns in a row are one actor with the head's role unless it is GOV after a more specific one: government forces, police officials, a ministry spokesman"};
static const DipRule noun_modifier =
{"noun_modifier", "a country before a singular common noun is a modifier, no actor: support the U.S. dollar, one New York trader"};

/*
 * "government forces", "police officials", "army officers", "a ministry
 * spokesman": agent nouns in a row are one actor with the head's role,
 * unless the head says GOV (or nothing) after a more specific one.
 * r is the agent at token j; returns the token after the last agent, the
 * role in role[4].
 */
static uint32_t
agent_chain(const DipSentCtx *sc, DipActor *x, uint32_t j, const DipRole *r, char *role)
{
	uint32_t	end = j + sc->role_len[j];
	const DipRole *q;

	memcpy(role, r->role, 4);
	while (end < sc->n && sc->tok_mention[end] < 0 && (q = agent_at(sc, end)) != NULL)
	{
		/* the head's role ("government forces"), unless it says less than
		 * the words before it ("police officials", "the company
		 * spokesman"); but a "civilian president" is GOV */
		if (q->role[0] && (!role[0] || strcmp(q->role, "GOV") != 0 || strcmp(role, "CVL") == 0))
			memcpy(role, q->role, 4);
		end += sc->role_len[end];
		x->office = 0;
		note_actor_rule(x, &agent_compound);
	}
	return end;
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
		ac[*n].ante = (int16_t) (p >= 0 ? p + k : -1);
		(*n)++;
	}
	return end;
}

/*
 * The agent noun after a mention (the actor x so far, of mention m at
 * token j): "Chinese officials" and "Chinese party official" (a country or
 * nationality's), "Houthi rebels" (an organisation's), "the Trump
 * administration" and "Hun Sen's government" (a person's).  Returns the
 * token after it, or 0 when there is none.
 */
static uint32_t
agent_of_mention(DipSentCtx *sc, DipActor *x, const DipMention *m, uint32_t j)
{
	const DipEnt *e = &sc->an->ents[m->entity];
	const DipRole *r = agent_at(sc, j);
	char		role[4];
	uint32_t	end;
	const char *pc = e->country;

	/* "Assad regime": the country of the person the surname names */
	if (m->kind == DIP_KIND_PER && !pc[0] && e->dict < 0 && e->ntok == 1)
	{
		int32_t		g = dip_dict_surname_person(sc->an->dict,
											 dip_vocab_lookup(sc->an->dict, e->norm, e->normlen),
											 sc->an->published);

		if (g >= 0)
			pc = sc->an->dict->entities[g].country;
	}
	if (r == NULL || (m->kind == DIP_KIND_PER && (!r->role[0] || !pc[0])))
		return 0;
	if ((m->kind == DIP_KIND_NORP || m->kind == DIP_KIND_GPE) && !e->country[0])
		return 0;
	/* "MCI President Bert Roberts": the title is the person's */
	if (m->kind == DIP_KIND_ORG && j + sc->role_len[j] < sc->n &&
		sc->tok_mention[j + sc->role_len[j]] >= 0 &&
		sc->an->m[sc->tok_mention[j + sc->role_len[j]]].kind == DIP_KIND_PER)
		return 0;
	x->office = r->office;
	end = agent_chain(sc, x, j, r, role);
	x->agent = m->kind != DIP_KIND_ORG || !x->code[0];
	if (m->kind == DIP_KIND_NORP || m->kind == DIP_KIND_GPE || m->kind == DIP_KIND_PER)
	{
		/* a group of the country's or the person's people, not the place */
		actor_code(x->code, pc, role);
		x->name = NULL;			/* named after the words */
		x->kind = DIP_KIND_ORG;
		if (m->kind == DIP_KIND_PER)
			x->office = 0;
	}
	else if (m->kind == DIP_KIND_ORG && !x->code[0])
		actor_code(x->code, e->country, role);	/* "Copenhagen City Court judge" */
	else
		x->office = 0;			/* "Houthi rebels": the organisation's */
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
	uint32_t	end;

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
	if (j < sc->n && is_clitic(&sc->t[j]) &&
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
	if (r && (end = agent_of_mention(sc, x, m, j)) > 0)
	{
		x->b = end;
		/* "senior Chinese party official" */
		if (x->name == NULL)
			while (x->a > 0 && x->a + 3 > i && modifier_word(sc, x->a - 1) &&
				   (*n == 0 || ac[*n - 1].b < x->a))
				x->a--;
	}
	/* a bare nationality adjective before a noun is not an actor */
	if (m->kind == DIP_KIND_NORP && x->name != NULL && !r && j < sc->n &&
		sc->t[j].type == DIP_TOK_WORD && !(sc->t[j].flags & DIP_TF_UPPER))
		return j;
	if (x->name == NULL)
		name_span(sc, x, x->a, x->b);
	(*n)++;
	return x->b;
}

/* An entity mention: a person, organisation, state or nationality, with the agent noun after it. */
static uint32_t
entity_actor(DipSentCtx *sc, DipActor *ac, int *n, uint32_t i, const DipRule *self)
{
	int32_t		mi = sc->tok_mention[i];
	int			kind = mi >= 0 ? sc->an->m[mi].kind : DIP_KIND_NONE;

	if (mi < 0 || kind == DIP_KIND_LOC || kind == DIP_KIND_DATE)
		return 0;
	return actor_from_mention(sc, ac, n, i, mi);
}

/* "in northwestern Pakistan": a place of a country after in, at, near at token j. */
static bool
place_after(const DipSentCtx *sc, uint32_t j)
{
	if (j >= sc->n || !(dip_cueof(sc, j) & CUE_ADJUNCT_PREP) || !(dip_lexof(sc, j) & LX_LOC_PREP))
		return false;
	for (j++; j < sc->n && (is_article(&sc->t[j]) || modifier_word(sc, j) ||
							(dip_cueof(sc, j) & CUE_DIRECTION)); j++)
		;
	return country_mention(sc, j) != NULL;
}

/*
 * "senior officials", "heavily armed gunmen": an agent noun phrase at i;
 * "the leader of ...", "a spokesman for ...": an agent noun without a
 * role of its own, which the country or organisation after it gives.  A
 * title before a person is no actor (it is kept, dropped, for
 * organisation_member to read).
 */
static uint32_t
agent_actor(DipSentCtx *sc, DipActor *ac, int *n, uint32_t i, const DipRule *self)
{
	DipActor   *x = &ac[*n];
	const DipRole *r = agent_at(sc, i);
	char		role[4];
	uint32_t	end;

	if (r == NULL)
		return 0;
	end = i + sc->role_len[i];
	/* "military-run", "rebel-held": part of an adjective, no actor */
	if (end < sc->n && (sc->t[end].flags & DIP_TF_JOIN) && sc->t[end].type == DIP_TOK_PUNCT)
		return end;
	/* "anti-government", "pro-government": likewise */
	if (i > 1 && (sc->t[i].flags & DIP_TF_JOIN) && DIP_TOK_IS(&sc->t[i - 1], "-") &&
		(sc->t[i - 1].flags & DIP_TF_JOIN) && sc->t[i - 2].type == DIP_TOK_WORD &&
		sc->tok_mention[i - 2] < 0 && sc->role_len[i - 2] == 0)
		return end;
	/* "an official visit", "any military solution", "an official
	 * complaint was made": an adjective (not an organisation word:
	 * "anti-government" makes government one too), unless the subject of
	 * a plural ("military jets carried out ...") or a unit somewhere ("a
	 * military patrol in Pakistan") */
	x->a = i;
	x->b = end;
	while (x->a > 0 && x->a + 4 > i && (modifier_word(sc, x->a - 1) ||
									   (dip_lexof(sc, x->a - 1) & (LX_DET | LX_NUM))))
		x->a--;
	if (end < sc->n && (dip_lexof(sc, i) & LX_ADJ) && sc->role_len[i] == 1 &&
		!dip_tok_cue(sc, &sc->t[i], CUE_ORG_ROLE) &&
		sc->t[end].type == DIP_TOK_WORD && (sc->t[end].flags & DIP_TF_LOWER) &&
		(dip_lexof(sc, end) & LX_NOUN) && !(dip_lexof(sc, end) & LX_FUNCTION) &&
		sc->role_len[end] == 0 && sc->tok_mention[end] < 0 && !place_after(sc, end + 1) &&
		(!subject_position(sc, x) ||
		 !(sc->t[end].nlen > 2 && sc->t[end].norm[sc->t[end].nlen - 1] == 's')))
		return end;
	/* "the leader of", "a spokesman for": the role comes from what follows */
	if (!r->role[0] && !(end < sc->n && (DIP_TOK_IS(&sc->t[end], "of") ||
										DIP_TOK_IS(&sc->t[end], "for") ||
										DIP_TOK_IS(&sc->t[end], "at") ||
										DIP_TOK_IS(&sc->t[end], "from"))))
		return 0;
	x->a = i;
	/* the noun phrase, so that a preposition before it is seen ("allied
	 * forces", "heavily armed gunmen") */
	while (x->a > 0 && x->a + 3 > i && (*n == 0 || ac[*n - 1].b < x->a) &&
		   (modifier_word(sc, x->a - 1) ||
			(x->a == i && sc->t[x->a - 1].wid && (sc->t[x->a - 1].flags & DIP_TF_LOWER) &&
			 (sc->an->dict->words[sc->t[x->a - 1].wid].vforms & DIP_VF_PART) &&
			 !(dip_lexof(sc, x->a - 1) & LX_FUNCTION) && x->a >= 2 &&
			 !verb_word(sc, x->a - 2) && !(dip_lexof(sc, x->a - 2) & LX_AUX))))
		x->a--;
	x->office = r->office;
	x->agent = true;
	x->b = agent_chain(sc, x, i, r, role);
	actor_code(x->code, r->country[0] ? r->country : NULL, role);
	name_span(sc, x, i, x->b);
	/* "NYSE vice president Richard Torrenzano", "company president Klaus
	 * Jacobs": the person's title, which organisation_member reads */
	if (x->b < sc->n && sc->tok_mention[x->b] >= 0 &&
		sc->an->m[sc->tok_mention[x->b]].kind == DIP_KIND_PER)
		x->dropped = true;
	(*n)++;
	return x->b;
}

/*
 * "his government", "its army", "their leaders": a possessive pronoun
 * before an agent noun gives it the country of the pronoun's antecedent;
 * alone ("its results") it is no actor, and no object.
 */
static uint32_t
possessive_pronoun(DipSentCtx *sc, DipActor *ac, int *n, uint32_t i, const DipRule *self)
{
	const DipToken *t = &sc->t[i];
	int			want = DIP_TOK_IS(t, "his") || DIP_TOK_IS(t, "her") ? ANT_PER :
		DIP_TOK_IS(t, "its") ? ANT_ORG : DIP_TOK_IS(t, "their") ? ANT_GROUP : -1;
	uint32_t	j = i + 1;
	const DipRole *r;
	DipActor	ant;
	DipActor   *x = &ac[*n];
	char		role[4];
	const char *country;

	if (want < 0 || sc->tok_mention[i] >= 0)
		return 0;
	while (j < sc->n && j < i + 3 && modifier_word(sc, j))
		j++;
	r = agent_at(sc, j);
	if (r == NULL || sc->tok_mention[j] >= 0)
		return DIP_TOK_IS(t, "her") ? 0 : i + 1;
	x->a = i;
	x->b = agent_chain(sc, x, j, r, role);
	x->office = 0;
	x->agent = true;
	/* "his counterpart" stands for another government than his */
	country = !is_counterpart(&sc->t[x->b - 1]) && antecedent(sc, ac, *n, want, &ant) ?
		code_country(ant.code) : NULL;
	if (country && role[0])
		actor_code(x->code, country, role);
	else if (country)
		memcpy(x->code, ant.code, sizeof(x->code));	/* "his spokesman" */
	else if (role[0])
		actor_code(x->code, NULL, role);
	else
		return x->b;
	if (country)
	{
		x->country_from = DIP_AC_TEXT;
		note_actor_rule(x, self);
	}
	name_span(sc, x, i, x->b);
	(*n)++;
	return x->b;
}

/*
 * True if the word before token i, or before a "that" there, is a verb
 * of saying: "X said they", "X announced that they".
 */
static bool
after_speech_verb(const DipSentCtx *sc, uint32_t i)
{
	static const char *const verbs[] = {
		"said", "says", "say", "announced", "stated", "declared", "insisted", "warned",
		"added", "claimed", "vowed", "pledged", "promised", "threatened", "confirmed"
	};
	const DipToken *v;

	if (i > 1 && DIP_TOK_IS(&sc->t[i - 1], "that"))
		i--;
	if (i == 0)
		return false;
	v = &sc->t[i - 1];
	for (size_t k = 0; k < sizeof(verbs) / sizeof(verbs[0]); k++)
		if (dip_tok_is(v, verbs[k]))
			return true;
	return false;
}

/*
 * "he", "she", "it", "they", "both sides": the actors named before that
 * the pronoun at token i stands for.  Returns the token after it.
 */
static uint32_t
personal_pronoun(DipSentCtx *sc, DipActor *ac, int *n, uint32_t i, const DipRule *self)
{
	EvState    *es = evstate(sc->an);
	const DipToken *t = &sc->t[i];
	DipActor   *x = &ac[*n];
	DipActor	ant;

	if (sc->t[i].type != DIP_TOK_WORD)
		return 0;
	if (DIP_TOK_IS(t, "he") || DIP_TOK_IS(t, "she"))
	{
		if (!antecedent(sc, ac, *n, ANT_PER, &ant))
			return i + 1;
	}
	else if (DIP_TOK_IS(t, "it"))
	{
		if (expletive_it(sc, i) || !antecedent(sc, ac, *n, ANT_ORG, &ant))
			return i + 1;
	}
	else if ((DIP_TOK_IS(t, "they") || pair_words(sc, i) > 0) &&
			 (es->last_group_n >= 2 || pair_before(sc, ac, *n) >= 0 ||
			  (DIP_TOK_IS(t, "they") && es->they_n > 0)))
		return actor_group_pronoun(sc, ac, n, i);
	else if (DIP_TOK_IS(t, "they") && after_speech_verb(sc, i))
	{
		/* "the rebels said they will release ...": the speakers, named
		 * in the sentence */
		if (!antecedent(sc, ac, *n, ANT_GROUP, &ant) || ant.ante < 0)
			return i + 1;
	}
	else
		return 0;
	*x = ant;
	x->a = i;
	x->b = i + 1;
	x->pronoun = true;
	x->group = *n;
	note_actor_rule(x, self);
	(*n)++;
	return i + 1;
}

/* A rule that makes the actors starting at token i; returns the token after them, or 0 */
typedef struct TokenRule
{
	DipRule		rule;
	uint32_t	(*apply) (DipSentCtx *sc, DipActor *ac, int *n, uint32_t i, const DipRule *self);
} TokenRule;

/* The rules that make actors, tried in order at each token */
static const TokenRule token_rules[] = {
	{{"possessive_pronoun", "his, her, its, their before an agent noun: the antecedent's country (his government); alone no actor, and no object (its results)"}, possessive_pronoun},
	{{"entity_actor", "an entity mention (person, organisation, state, nationality) with the agent noun after it: Chinese officials, China's military"}, entity_actor},
	{{"agent_actor", "an agent noun phrase (senior officials, heavily armed gunmen); without a role of its own before of, for, at, from (the leader of); none when it is the title of the person after it, or an adjective (an official visit, any military solution, military-run)"}, agent_actor},
	{{"personal_pronoun", "he, she: the last person in subject position in the sentence, else in the paragraph; it: the last organisation or state; they, both sides: the group"}, personal_pronoun},
};

/*
 * "support the U.S. dollar", "one New York trader said": a country named
 * before a singular common noun is a modifier of the noun, no actor.  The noun may be a verb too only at the end of the noun phrase;
 * a noun that anchors an event pattern ("U.S. strike on") keeps its actor.
 * Organisations and agent nouns before a noun stay actors ("a U.N.
 * resolution", "U.N. inspectors", "an Afghan army base"): what is done to
 * the resolution or the base is done to them.
 */
static bool
modifies_noun(const DipSentCtx *sc, const DipActor *x)
{
	uint32_t	j = x->b;
	uint32_t	lx;
	const DipToken *t;

	if (x->pronoun || j >= sc->n || x->agent || x->ent < 0 || x->kind != DIP_KIND_GPE)
		return false;
	t = &sc->t[j];
	lx = dip_lexof(sc, j);
	if (t->type != DIP_TOK_WORD || !(t->flags & DIP_TF_LOWER) || sc->tok_mention[j] >= 0 ||
		sc->role_len[j] > 0 || !(lx & LX_NOUN) || (lx & (LX_FUNCTION | LX_NUM)) ||
		pattern_at(sc, j) || (t->nlen > 2 && t->norm[t->nlen - 1] == 's') ||
		dip_tok_cue(sc, t, CUE_UNNAMED_PERSON))
		return false;			/* "a Kansas woman" is someone */
	/* one noun, ending the noun phrase ("the Kirkuk council decision" is the council's) */
	return j + 1 >= sc->n || sc->t[j + 1].type == DIP_TOK_PUNCT ||
		(dip_lexof(sc, j + 1) & (LX_PREP | LX_CONJ)) ||
		(!verb_word(sc, j) && !(dip_lexof(sc, j + 1) & LX_NOUN) && sc->tok_mention[j + 1] < 0);
}

/* ------------------------------------------------------------------------
 * Country rules: the country of an actor that has none
 * ------------------------------------------------------------------------
 */

/* The actor of the sentence covering token i (other than skip), or -1. */
static int
actor_over(const DipActor *ac, int n, uint32_t i, int skip)
{
	for (int k = 0; k < n; k++)
		if (k != skip && !ac[k].pronoun && !ac[k].dropped && ac[k].a <= i && i < ac[k].b)
			return k;
	return -1;
}

/*
 * "Pakistan's Supreme Court", "the Syrian opposition coalition", "the
 * United Nations' Mideast envoy": a country or nationality right before
 * the actor (maybe with modifiers, a region, a possessive between) gives
 * it its country, an international organisation its own code; the
 * country is no actor of its own.
 */
static bool
country_adjective(DipSentCtx *sc, DipActor *ac, int n, int k, const DipRule *self)
{
	DipActor   *x = &ac[k];
	uint32_t	p = x->a;
	const DipMention *m;
	const DipEnt *e;
	int32_t		mi;
	int			q;

	if (!needs_country(x))
		return false;
	while (p > 0 && p + 3 > x->a &&
		   (modifier_word(sc, p - 1) ||
			(sc->tok_mention[p - 1] >= 0 && sc->an->m[sc->tok_mention[p - 1]].kind == DIP_KIND_LOC)))
		p--;
	if (p > 0 && is_clitic(&sc->t[p - 1]))
		p--;
	if (p == 0 || (mi = sc->tok_mention[p - 1]) < 0)
		return false;
	m = &sc->an->m[mi];
	e = &sc->an->ents[m->entity];
	q = actor_over(ac, n, p - 1, k);
	if (m->kind == DIP_KIND_ORG && is_clitic(&sc->t[p]) && q >= 0 && ac[q].code[0] &&
		!code_country(ac[q].code) && !domestic_role(ac[q].code))
	{
		/* "the United Nations' envoy": the organisation's */
		memcpy(x->code, ac[q].code, sizeof(x->code));
		x->country_from = DIP_AC_TEXT;
		note_actor_rule(x, self);
	}
	else if ((m->kind == DIP_KIND_GPE || m->kind == DIP_KIND_NORP) && e->country[0])
		give_country(x, e->country, DIP_AC_TEXT, self);
	else
		return false;
	if (q >= 0)
	{
		ac[q].dropped = true;
		x->a = ac[q].a;
		if (x->agent)
			name_span(sc, x, x->a, x->b);
	}
	return true;
}

/*
 * The organisation actor an actor belongs to: after of, at, for ("an
 * official at a major oil company", "the leader of the opposition
 * party"), or, for a titled person, right before the title ("MCI
 * President Bert Roberts"); -1 if none.  *after says which.
 */
static int
member_of(const DipSentCtx *sc, const DipActor *ac, int n, int k, bool *after)
{
	const DipActor *x = &ac[k];
	uint32_t	j = x->b;
	uint32_t	p = x->a;

	*after = true;
	if (j + 1 < sc->n && (DIP_TOK_IS(&sc->t[j], "of") || DIP_TOK_IS(&sc->t[j], "at") ||
						  DIP_TOK_IS(&sc->t[j], "for")))
	{
		uint32_t	j0 = ++j;

		while (j < sc->n && (is_article(&sc->t[j]) || modifier_word(sc, j)))
			j++;
		/* the actor there, whose span may start at its modifiers */
		for (int q = k + 1; q < n; q++)
			if (ac[q].a >= j0 && ac[q].a <= j && ac[q].b > j && !ac[q].pronoun && !ac[q].dropped)
				return q;
		return -1;
	}
	*after = false;
	if (x->kind != DIP_KIND_PER || x->agent)
		return -1;
	/* back over the title: "President", "vice president", "Banking Committee Chairman" */
	while (p > 0 && sc->tok_mention[p - 1] < 0 && p + 4 > x->a &&
		   (sc->role_len[p - 1] > 0 || (dip_lexof(sc, p - 1) & (LX_PER_TITLE | LX_TITLEWORD))))
		p--;
	for (int q = 0; p > 0 && q < k; q++)
		if (ac[q].b == p && !ac[q].pronoun && !ac[q].dropped && !ac[q].agent &&
			ac[q].kind == DIP_KIND_ORG)
			return q;
	/* else the title itself: "company president Klaus Jacobs" */
	for (int q = 0; q < k; q++)
		if (ac[q].b == x->a && ac[q].dropped && ac[q].agent && !ac[q].pronoun)
			return q;
	return -1;
}

/*
 * "an official at a major oil company", "MCI President Bert Roberts",
 * "the leader of the opposition party": a person or an agent noun of an
 * organisation (not a country: see country_of_in) acts for it and takes
 * its code, when its own says less (none, a bare role, GOV from a
 * generic title).  The organisation after of, at, for is no actor of its
 * own.  A bare role taken goes on to the other country rules.
 */
static bool
organisation_member(DipSentCtx *sc, DipActor *ac, int n, int k, const DipRule *self)
{
	DipActor   *x = &ac[k];
	bool		after;
	int			q;
	const DipActor *o;
	const char *xr,
			   *or;
	char		code[20];

	if (x->dropped || x->pronoun || !(x->agent || x->kind == DIP_KIND_PER) ||
		(q = member_of(sc, ac, n, k, &after)) < 0)
		return false;
	o = &ac[q];
	xr = x->code + (code_country(x->code) ? 3 : 0);
	or = o->code + (code_country(o->code) ? 3 : 0);
	/* the organisation says more: a role where the actor has none, or GOV
	 * from a generic title (president, official); or the actor's own role
	 * without a country */
	if (!o->code[0] || o->kind == DIP_KIND_GPE || o->kind == DIP_KIND_NORP ||
		!(xr[0] == '\0' || (strcmp(xr, "GOV") == 0 && or[0] && strcmp(or, "GOV") != 0) ||
		  (!code_country(x->code) && strcmp(xr, or) == 0)))
		return false;
	memcpy(code, o->code, sizeof(code));
	memcpy(x->code, code, sizeof(code));
	x->country_from = code_country(x->code) ? DIP_AC_TEXT : DIP_AC_NONE;
	x->office = 0;
	note_actor_rule(x, self);
	if (after)
	{
		ac[q].dropped = true;
		x->b = ac[q].b;
		if (x->agent)
			name_span(sc, x, x->a, x->b);
	}
	return x->country_from != DIP_AC_NONE || !needs_country(x);
}

/*
 * "the foreign minister of Peru", "a court in Guyana", "troops from the
 * United States", "the leader of Hamas": a country (or an organisation)
 * after of, in, from gives the actor its country (or is its organisation);
 * "in" only for actors at home there (not troops or refugees).
 */
static bool
country_of_in(DipSentCtx *sc, DipActor *ac, int n, int k, const DipRule *self)
{
	DipActor   *x = &ac[k];
	uint32_t	j = x->b;
	uint32_t	q;
	bool		in;
	int32_t		mi = -1;
	const DipMention *m;
	const DipEnt *e;
	int			over;

	if (!(needs_country(x) || (x->agent && !x->code[0] && !x->dropped)) || j + 1 >= sc->n)
		return false;
	/* "an army base in northern Afghanistan": over the noun the agent modifies */
	if (x->agent && sc->t[j].type == DIP_TOK_WORD && (sc->t[j].flags & DIP_TF_LOWER) &&
		(dip_lexof(sc, j) & LX_NOUN) && !(dip_lexof(sc, j) & LX_FUNCTION) &&
		sc->role_len[j] == 0 && sc->tok_mention[j] < 0 && j + 2 < sc->n)
		j++;
	in = DIP_TOK_IS(&sc->t[j], "in");
	if (!(in || DIP_TOK_IS(&sc->t[j], "of") || DIP_TOK_IS(&sc->t[j], "from")))
		return false;
	/* troops and refugees "in" a country are often foreign; a base or a
	 * patrol there is the country's */
	if (in && j == x->b &&
		(strncmp(x->code, "MIL", 3) == 0 || strncmp(x->code, "REF", 3) == 0))
		return false;
	/* "of the Central Asian nation of Kyrgyzstan" */
	for (q = j + 1; q < sc->n && q < j + 8; q++)
	{
		mi = sc->tok_mention[q];
		if (mi >= 0 && (sc->an->ents[sc->an->m[mi].entity].country[0] ||
						sc->an->m[mi].kind == DIP_KIND_ORG))
			break;
		if (!(is_article(&sc->t[q]) || DIP_TOK_IS(&sc->t[q], "of") || mi >= 0 ||
			  modifier_word(sc, q) || (dip_cueof(sc, q) & CUE_DIRECTION)))
			return false;
		mi = -1;
	}
	if (mi < 0)
		return false;
	m = &sc->an->m[mi];
	e = &sc->an->ents[m->entity];
	over = actor_over(ac, n, q, k);
	if (m->kind == DIP_KIND_ORG && !e->country[0])
	{
		/* "the prosecutor of the ICC": the organisation's own actor */
		if (in || over < 0 || !ac[over].code[0] || domestic_role(ac[over].code))
			return false;
		memcpy(x->code, ac[over].code, sizeof(x->code));
		x->country_from = DIP_AC_TEXT;
		note_actor_rule(x, self);
	}
	else if (m->kind == DIP_KIND_PER || (in && m->kind == DIP_KIND_ORG))
		return false;
	else if (!x->code[0])
	{
		/* "the leader of Iran": its government */
		actor_code(x->code, e->country, "GOV");
		x->country_from = DIP_AC_TEXT;
		note_actor_rule(x, self);
	}
	else
		give_country(x, e->country, DIP_AC_TEXT, self);
	while (q < sc->n && sc->tok_mention[q] == mi)
		q++;
	if (over >= 0)
		ac[over].dropped = true;
	x->b = q;
	if (x->agent)
		name_span(sc, x, x->a, x->b);
	return true;
}

/*
 * The country named in the apposition after token j (", the prime
 * minister of the Libyan government,"), up to its comma: a country
 * mention's, else that of the actor ap that starts it; NULL if none.
 */
static const char *
apposition_country(const DipSentCtx *sc, uint32_t j, const DipActor *ap)
{
	const DipEnt *e;

	for (uint32_t q = j + 1; q < sc->n && q < j + 12; q++)
	{
		const DipToken *t = &sc->t[q];

		if (t->flags & DIP_TF_JOIN)
			continue;			/* "U.N.-backed" */
		if (t->type == DIP_TOK_PUNCT || (verb_word(sc, q) && !(dip_lexof(sc, q) & LX_NOUN) &&
										 sc->tok_mention[q] < 0 && sc->role_len[q] == 0))
			break;
		if ((e = country_mention(sc, q)) != NULL)
			return e->country;
	}
	return ap ? code_country(ap->code) : NULL;
}

/*
 * "Fayez Serraj, the prime minister of the Libyan government,": an
 * apposition after the actor that names a country gives it, and makes an
 * untitled person the actor it names; "Mexico's minister of energy,
 * Alfredo del Mazo,": a person in apposition to an actor is that actor.
 */
static bool
country_apposition(DipSentCtx *sc, DipActor *ac, int n, int k, const DipRule *self)
{
	DipActor   *x = &ac[k];
	uint32_t	j = x->b;
	const DipActor *ap = NULL;
	const char *country;
	bool		untitled = x->kind == DIP_KIND_PER && !x->code[0] && !x->pronoun && !x->dropped;

	/* before: "Mexico's minister of energy, Alfredo del Mazo," */
	if (untitled && k > 0 && !ac[k - 1].dropped && !ac[k - 1].pronoun && ac[k - 1].agent &&
		code_country(ac[k - 1].code) && ac[k - 1].b + 1 == x->a &&
		DIP_TOK_IS(&sc->t[ac[k - 1].b], ","))
	{
		memcpy(x->code, ac[k - 1].code, sizeof(x->code));
		x->country_from = DIP_AC_TEXT;
		note_actor_rule(x, self);
		return true;
	}
	if (!(untitled || needs_country(x)) || j + 2 >= sc->n || !DIP_TOK_IS(&sc->t[j], ","))
		return false;
	/* after: ", the prime minister of ...", ", Japan's ...", ", a senior official" */
	if (k + 1 < n && !ac[k + 1].pronoun && ac[k + 1].agent && ac[k + 1].code[0] &&
		domestic_role(ac[k + 1].code + (code_country(ac[k + 1].code) ? 3 : 0)) &&
		(ac[k + 1].a == j + 1 || (ac[k + 1].a == j + 2 && is_article(&sc->t[j + 1]))))
		ap = &ac[k + 1];
	else if (!(is_article(&sc->t[j + 1]) || is_clitic(&sc->t[j + 2]) ||
			   modifier_word(sc, j + 1) || sc->tok_mention[j + 1] >= 0))
		return false;
	if (untitled && ap == NULL)
		return false;
	country = apposition_country(sc, j, ap);
	if (untitled && ap != NULL)
	{
		const char *role = ap->code + (code_country(ap->code) ? 3 : 0);

		actor_code(x->code, country, role);
		x->country_from = country ? DIP_AC_TEXT : DIP_AC_NONE;
		note_actor_rule(x, self);
		return true;
	}
	if (country == NULL)
		return false;
	give_country(x, country, DIP_AC_TEXT, self);
	return true;
}

/* The country named last before token i in the sentence, or NULL. */
static const char *
country_before(const DipSentCtx *sc, uint32_t i)
{
	for (uint32_t q = i; q > 0; q--)
	{
		const DipEnt *e = country_mention(sc, q - 1);
		int			kind = e ? sc->an->m[sc->tok_mention[q - 1]].kind : 0;

		if (e && (kind == DIP_KIND_GPE || kind == DIP_KIND_NORP))
			return e->country;
	}
	return NULL;
}

/*
 * The country the document names most, at least least times and more than
 * lead times any other, or NULL.
 */
static const char *
document_country(const DipAnalysis *an, uint32_t least, uint32_t lead)
{
	EvState    *es = an->evstate;
	int			best = -1;
	uint32_t	second = 0;

	for (int c = 0; es && c < es->ncountries; c++)
	{
		if (best < 0 || es->country_n[c] > es->country_n[best])
		{
			if (best >= 0)
				second = es->country_n[best];
			best = c;
		}
		else if (es->country_n[c] > second)
			second = es->country_n[c];
	}
	if (best < 0 || es->country_n[best] < least || es->country_n[best] <= second * lead)
		return NULL;
	return es->country[best];
}

/*
 * "the country's president", "the nation's military": the country named
 * last in the sentence, else the document's.
 */
static bool
country_possessive(DipSentCtx *sc, DipActor *ac, int n, int k, const DipRule *self)
{
	DipActor   *x = &ac[k];
	uint32_t	p = x->a;
	const char *country;

	if (!needs_country(x) || p < 3 || !is_clitic(&sc->t[p - 1]) ||
		!(DIP_TOK_IS(&sc->t[p - 2], "country") || DIP_TOK_IS(&sc->t[p - 2], "nation")) ||
		!DIP_TOK_IS(&sc->t[p - 3], "the"))
		return false;
	country = country_before(sc, p - 3);
	if (country == NULL)
		country = document_country(sc->an, 1, 1);
	if (country == NULL)
		return false;
	give_country(x, country, DIP_AC_TEXT, self);
	x->a = p - 3;
	if (x->agent)
		name_span(sc, x, x->a, x->b);
	return true;
}

/* The role of an actor with a country (GOV of USAGOV), or NULL. */
static const char *
country_role(const DipActor *x)
{
	return x->code[0] && code_country(x->code) && x->code[3] && !x->dropped ? x->code + 3 : NULL;
}

/* True if the agent words of x (its tokens from a) include the head word (last token) of y. */
static bool
shares_head(const DipSentCtx *sc, const DipActor *x, const DipActor *y)
{
	const DipToken *h = &sc->t[y->b - 1];

	for (uint32_t i = x->a; i < x->b; i++)
		if (sc->t[i].nlen == h->nlen && memcmp(sc->t[i].norm, h->norm, h->nlen) == 0)
			return true;
	return false;
}

/* Notes agent actor x, of a country, for "the police" later in the paragraph. */
static void
note_named(const DipSentCtx *sc, EvState *es, const DipActor *x)
{
	char		words[32];
	size_t		len = 0;
	int			k;

	for (uint32_t i = x->a; i < x->b && len + sc->t[i].nlen + 2 < sizeof(words); i++)
	{
		memcpy(words + len, sc->t[i].norm, sc->t[i].nlen);
		len += sc->t[i].nlen;
		words[len++] = ' ';
	}
	words[len] = '\0';
	for (k = 0; k < es->nnamed; k++)
		if (strcmp(es->named[k].words, words) == 0 && memcmp(es->named[k].role, x->code + 3, 3) == 0)
			break;
	if (k == es->nnamed)
	{
		if (k == 16)
			return;
		es->nnamed++;
		memcpy(es->named[k].words, words, len + 1);
		memcpy(es->named[k].role, x->code + 3, 3);
		es->named[k].role[3] = '\0';
		memcpy(es->named[k].country, x->code, 3);
		es->named[k].country[3] = '\0';
	}
	else if (memcmp(es->named[k].country, x->code, 3) != 0)
		memcpy(es->named[k].country, "***", 4);
}

/* True if the paragraph's words w (space-separated, with a final space) include word t. */
static bool
words_have(const char *w, const DipToken *t)
{
	for (const char *p = w; *p; p = strchr(p, ' ') + 1)
	{
		if (strncmp(p, t->norm, t->nlen) == 0 && p[t->nlen] == ' ')
			return true;
		if (strchr(p, ' ') == NULL)
			break;
	}
	return false;
}

/*
 * "French police officers used tear gas ... a clash with police",
 * "President Reagan ... the President": an agent noun or a titled person
 * named before, with a country, in the sentence or the paragraph gives
 * its country to the same noun in the same role, when only one country
 * had it.
 */
static bool
country_anaphora(DipSentCtx *sc, DipActor *ac, int n, int k, const DipRule *self)
{
	DipActor   *x = &ac[k];
	const char *cc = NULL;
	const EvState *es = evstate(sc->an);

	if (!needs_country(x) || !x->agent)
		return false;
	for (int q = 0; q < k; q++)
	{
		const char *r = country_role(&ac[q]);

		if (r == NULL || ac[q].pronoun || !(ac[q].agent || ac[q].kind == DIP_KIND_PER) ||
			strncmp(r, x->code, 3) != 0 || !shares_head(sc, &ac[q], x))
			continue;
		if (cc != NULL && memcmp(cc, ac[q].code, 3) != 0)
			return false;		/* two countries had it */
		cc = ac[q].code;
	}
	for (int r = 0; cc == NULL && r < es->nnamed; r++)
		if (memcmp(es->named[r].role, x->code, 3) == 0 &&
			words_have(es->named[r].words, &sc->t[x->b - 1]))
		{
			if (es->named[r].country[0] == '*')
				return false;
			cc = es->named[r].country;
		}
	if (cc == NULL)
		return false;
	give_country(x, cc, DIP_AC_TEXT, self);
	return true;
}

/*
 * May actor k get a guessed country?  Not an agent noun that modifies
 * another noun ("military aid", "the congress plan"): it may not be an
 * actor at all.
 */
static bool
may_guess(const DipSentCtx *sc, const DipActor *x)
{
	if (!needs_country(x))
		return false;
	/* a company named: its country is its own, the text does not give it */
	if (!x->agent && x->kind == DIP_KIND_ORG && strncmp(x->code, "BUS", 3) == 0)
		return false;
	return !modifier_agent(sc, x);
}

/* "BEIJING -": the dateline's country, a guess. */
static bool
country_dateline(DipSentCtx *sc, DipActor *ac, int n, int k, const DipRule *self)
{
	const DipAnalysis *an = sc->an;

	if (!may_guess(sc, &ac[k]) || an->dateline_place < 0 ||
		!an->ents[an->dateline_place].country[0])
		return false;
	give_country(&ac[k], an->ents[an->dateline_place].country, DIP_AC_DATELINE, self);
	return true;
}

/*
 * "police ... in Cairo": the country of the place the sentence names, a
 * guess; not for people, titles of office, refugees or armed forces.
 */
static bool
country_event_place(DipSentCtx *sc, DipActor *ac, int n, int k, const DipRule *self)
{
	const DipAnalysis *an = sc->an;

	static const char *const abroad[] = {"REF", "MIL", "REB", "UAF", "SPY", "INS", "SEP"};

	if (!may_guess(sc, &ac[k]) || ac[k].kind == DIP_KIND_PER || ac[k].office != DIP_OFFICE_NONE)
		return false;
	/* refugees and armed forces are often where they are not from */
	for (size_t r = 0; r < sizeof(abroad) / sizeof(abroad[0]); r++)
		if (strncmp(ac[k].code, abroad[r], 3) == 0)
			return false;
	for (uint32_t i = 1; i < sc->n; i++)
	{
		int32_t		mi = sc->tok_mention[i];
		const DipEnt *e;

		if (mi < 0 || sc->tok_mention[i - 1] == mi ||
			(an->m[mi].kind != DIP_KIND_GPE && an->m[mi].kind != DIP_KIND_LOC) ||
			!(DIP_TOK_IS(&sc->t[i - 1], "in") || DIP_TOK_IS(&sc->t[i - 1], "at") ||
			  (i > 1 && DIP_TOK_IS(&sc->t[i - 1], "the") &&
			   (DIP_TOK_IS(&sc->t[i - 2], "in") || DIP_TOK_IS(&sc->t[i - 2], "at")))))
			continue;
		e = &an->ents[an->m[mi].entity];
		if (!e->country[0])
			return false;
		give_country(&ac[k], e->country, DIP_AC_PLACE, self);
		return true;
	}
	return false;
}

/*
 * The country the document names most, twice at least; for a person, three
 * times and twice as often as any other; for "the government" (a body of
 * the state), the only country the document names: a guess.
 */
static bool
country_document(DipSentCtx *sc, DipActor *ac, int n, int k, const DipRule *self)
{
	const DipActor *x = &ac[k];
	const char *country = x->kind == DIP_KIND_PER ? document_country(sc->an, 3, 2) :
		document_country(sc->an, 2, 1);
	const EvState *es = evstate(sc->an);

	if (country == NULL && x->agent && es->ncountries == 1 &&
		(strncmp(x->code, "GOV", 3) == 0 || strncmp(x->code, "LEG", 3) == 0 ||
		 strncmp(x->code, "JUD", 3) == 0))
		country = es->country[0];
	if (!may_guess(sc, x) || country == NULL)
		return false;
	give_country(&ac[k], country, DIP_AC_DOCUMENT, self);
	return true;
}

/* A rule about one actor of the sentence; true when it decided */
typedef struct ActorRule
{
	DipRule		rule;
	bool		(*apply) (DipSentCtx *sc, DipActor *ac, int n, int k, const DipRule *self);
} ActorRule;

/* The country rules, tried in order on each actor without a country */
static const ActorRule country_rules[] = {
	{{"country_adjective", "a country or nationality right before the actor gives its country: Pakistan's Supreme Court, the Syrian opposition coalition"}, country_adjective},
	{{"organisation_member", "a person or agent noun of an organisation (an official at a major oil company, MCI President Bert Roberts, the leader of the opposition party) takes its code when its own says less"}, organisation_member},
	{{"country_of_in", "of, in, from a country after the actor: the foreign minister of Peru, a court in Guyana, the leader of Iran (its government); of an organisation: its actor (the prosecutor of the ICC)"}, country_of_in},
	{{"country_apposition", "an apposition naming a country: Serraj, the prime minister of the Libyan government; a person in apposition to an actor is that actor"}, country_apposition},
	{{"country_possessive", "the country's, the nation's: the country named last in the sentence, else the document's"}, country_possessive},
	{{"country_anaphora", "an agent noun or title named before with one country in the sentence or paragraph, in the same role: French police officers ... by police, President Reagan ... the President"}, country_anaphora},
	{{"country_dateline", "the dateline's country (a guess, marked)"}, country_dateline},
	{{"country_event_place", "the country of the place the sentence names after in, at, not for people, titles of office, refugees or armed forces (a guess, marked)"}, country_event_place},
	{{"country_document", "the country the document names most, at least twice (for a person three times, twice as often as any other); for a state body the only country it names (a guess, marked)"}, country_document},
};

/* ------------------------------------------------------------------------
 * Resolution rules: the person a title or a surname stands for
 * ------------------------------------------------------------------------
 */

/* Makes actor x the gazetteer person ge (index g) with its code at the date. */
static void
become_person(DipSentCtx *sc, DipActor *x, int32_t g, const DipRule *self)
{
	DipAnalysis *an = sc->an;
	const DipEntity *ge = &an->dict->entities[g];
	int32_t		ent = dip_ent_add(an, DIP_KIND_PER, dip_str(an->dict, ge->name), ge->namelen, g);
	char		code[20];

	dip_ent_actor_at(an, &an->ents[ent], an->published, code);
	x->ent = ent;
	x->kind = DIP_KIND_PER;
	x->name = an->ents[ent].name;
	x->namelen = an->ents[ent].namelen;
	if (code[0])
		memcpy(x->code, code, sizeof(code));
	if (x->country_from == DIP_AC_NONE && code_country(x->code))
		x->country_from = DIP_AC_NAMED;
	note_actor_rule(x, self);
}

/*
 * "the Secretary of State", "the Japanese prime minister", "the
 * president" in a US story: a definite title of one office, with its
 * country, is the person who held the office at the publication date.
 */
static bool
office_holder(DipSentCtx *sc, DipActor *ac, int n, int k, const DipRule *self)
{
	DipActor   *x = &ac[k];
	DipAnalysis *an = sc->an;
	const char *country = code_country(x->code);
	int32_t		g;
	int32_t		mi = sc->tok_mention[x->a];

	if (x->dropped || x->pronoun || x->kind == DIP_KIND_PER || x->office == DIP_OFFICE_NONE ||
		country == NULL || an->published == DIP_DATE_NONE)
		return false;
	/* "the president", "the Japanese prime minister", "Japan's prime minister" */
	if (!((x->a > 0 && DIP_TOK_IS(&sc->t[x->a - 1], "the")) ||
		  (mi >= 0 && (an->m[mi].kind == DIP_KIND_GPE || an->m[mi].kind == DIP_KIND_NORP))))
		return false;
	/* not "the president of the company", "the former president" */
	if (x->b < sc->n && (DIP_TOK_IS(&sc->t[x->b], "of") || is_clitic(&sc->t[x->b])))
		return false;
	for (uint32_t i = x->a; i < x->b; i++)
		if (DIP_TOK_IS(&sc->t[i], "former") || DIP_TOK_IS(&sc->t[i], "ex") ||
			DIP_TOK_IS(&sc->t[i], "late") || DIP_TOK_IS(&sc->t[i], "then"))
			return false;
	/* a guessed country: the dateline's, or a document that names it far more */
	if (x->country_from == DIP_AC_PLACE ||
		(x->country_from == DIP_AC_DOCUMENT && document_country(an, 3, 2) == NULL))
		return false;
	g = dip_office_holder(an->dict, x->office, country, an->published);
	if (g < 0)
		return false;
	become_person(sc, x, g, self);
	return true;
}

/*
 * "President Trump": a person named by a title and a surname the gazetteer
 * knows is the gazetteer's person (the one in office at the date, or the
 * only one) who held that office, as resolution will say at the end of
 * the document.
 */
static bool
surname_person(DipSentCtx *sc, DipActor *ac, int n, int k, const DipRule *self)
{
	DipActor   *x = &ac[k];
	DipAnalysis *an = sc->an;
	const DipDict *d = an->dict;
	const DipEnt *e;
	int32_t		mi = x->b > 0 ? sc->tok_mention[x->b - 1] : -1;
	int32_t		g;
	uint32_t	office;

	if (x->dropped || x->pronoun || x->kind != DIP_KIND_PER || x->ent < 0 || mi < 0 ||
		an->m[mi].entity != x->ent)
		return false;
	e = &an->ents[x->ent];
	if (e->dict >= 0 || e->ntok != 1)
		return false;
	g = dip_dict_surname_person(d, dip_vocab_lookup(d, e->norm, e->normlen), an->published);
	if (g < 0)
		return false;
	/* only a title says it is the gazetteer's person: a business story's
	 * "Watanabe" is its own Watanabe */
	office = an->m[mi].office;
	if (office == DIP_OFFICE_NONE)
		return false;
	{
		const DipEntity *ge = &d->entities[g];
		bool		held = false;

		for (uint32_t o = 0; o < ge->office_count; o++)
			held |= d->offices[ge->office_first + o].office == office;
		if (!held)
			return false;
	}
	become_person(sc, x, g, self);
	return true;
}

/* The resolution rules, each applied to every actor */
static const ActorRule resolution_rules[] = {
	{{"office_holder", "a definite title of one office with its country (the Secretary of State, the Japanese prime minister) is its holder at the publication date"}, office_holder},
	{{"surname_person", "a title and a surname the gazetteer knows (President Trump) are the gazetteer's person who held the office, as resolution will say"}, surname_person},
};

/* ------------------------------------------------------------------------
 * Collecting the actors of a sentence
 * ------------------------------------------------------------------------
 */

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

/* Removes the dropped actors; groups follow their first member. */
static int
compact(DipActor *ac, int n)
{
	int			map[DIP_MAX_ACTORS];
	int			m = 0;

	for (int k = 0; k < n; k++)
	{
		int			g = ac[k].group;

		if (ac[k].dropped)
		{
			map[k] = -1;
			continue;
		}
		map[k] = m;
		ac[m] = ac[k];
		ac[m].group = g >= 0 && g <= k && map[g] >= 0 ? map[g] : m;
		if (ac[m].ante >= 0)
			ac[m].ante = (int16_t) (ac[m].ante < k ? map[ac[m].ante] : -1);
		m++;
	}
	return m;
}

/*
 * Counts the countries of the mentions recognised since the last call (the
 * headline's and the dateline's too), for the document's main country.
 */
static void
count_countries(DipAnalysis *an, EvState *es)
{
	for (; es->counted < an->nm; es->counted++)
	{
		const DipMention *m = &an->m[es->counted];
		const char *c = an->ents[m->entity].country;
		int			k;

		if (!c[0] || m->kind == DIP_KIND_LOC || m->kind == DIP_KIND_DATE)
			continue;
		for (k = 0; k < es->ncountries && memcmp(es->country[k], c, 3) != 0; k++)
			;
		if (k == es->ncountries)
		{
			if (k == MAX_COUNTRIES)
				continue;
			memcpy(es->country[k], c, 4);
			es->country_n[k] = 0;
			es->ncountries++;
		}
		es->country_n[k]++;
	}
}

/* Forgets the antecedents of another paragraph: pronouns never reach across one. */
static void
new_paragraph(DipSentCtx *sc, EvState *es)
{
	if (es->para == sc->sent->para)
		return;
	es->para = sc->sent->para;
	es->have_per = es->have_org = false;
	es->last_group_n = 0;
	es->they_n = 0;
	es->nnamed = 0;
}

/* Applies the country and resolution rules to the actors. */
static void
actor_countries(DipSentCtx *sc, DipActor *ac, int n)
{
	for (int k = 0; k < n; k++)
	{
		if (ac[k].country_from == DIP_AC_NONE && code_country(ac[k].code))
			ac[k].country_from = ac[k].pronoun ? DIP_AC_TEXT : DIP_AC_NAMED;
		if (ac[k].dropped || ac[k].pronoun)
			continue;
		for (size_t r = 0; r < sizeof(country_rules) / sizeof(country_rules[0]); r++)
			if (country_rules[r].apply(sc, ac, n, k, &country_rules[r].rule))
				break;
	}
	for (int k = 0; k < n; k++)
		for (size_t r = 0; r < sizeof(resolution_rules) / sizeof(resolution_rules[0]); r++)
			resolution_rules[r].apply(sc, ac, n, k, &resolution_rules[r].rule);
	/* a pronoun of the sentence is what its antecedent became */
	for (int k = 0; k < n; k++)
		if (ac[k].pronoun && ac[k].ante >= 0 && ac[k].ante < k && !ac[ac[k].ante].dropped)
		{
			const DipActor *x = &ac[ac[k].ante];

			memcpy(ac[k].code, x->code, sizeof(x->code));
			ac[k].ent = x->ent;
			ac[k].kind = x->kind;
			ac[k].name = x->name;
			ac[k].namelen = x->namelen;
			ac[k].country_from = x->country_from;
		}
}

/* Collects the sentence's actors in token order (see dip_actors.h). */
int
dip_actors_collect(DipSentCtx *sc, DipActor *ac)
{
	EvState    *es = evstate(sc->an);
	int			n = 0;
	uint32_t	i = 0;

	new_paragraph(sc, es);
	count_countries(sc->an, es);
	while (i < sc->n && n < DIP_MAX_ACTORS)
	{
		uint32_t	next = 0;

		memset(&ac[n], 0, sizeof(ac[n]));
		ac[n].ent = -1;
		ac[n].group = n;
		ac[n].ante = -1;
		for (size_t r = 0; r < sizeof(token_rules) / sizeof(token_rules[0]) && next == 0; r++)
			next = token_rules[r].apply(sc, ac, &n, i, &token_rules[r].rule);
		i = next > i ? next : i + 1;
	}
	/* modifiers of nouns are no actors */
	for (int k = 0; k < n; k++)
		if (modifies_noun(sc, &ac[k]))
			ac[k].dropped = true;
	actor_countries(sc, ac, n);
	n = compact(ac, n);
	join_compounds(sc, ac, n);
	join_lists(sc, ac, n);
	return n;
}

/* Remembers actors for pronouns in later sentences of the paragraph. */
void
dip_actors_remember(DipSentCtx *sc, DipActor *ac, int n)
{
	EvState    *es = evstate(sc->an);
	bool		per_subject = false,
				org_subject = false;

	/* the last person (organisation) in subject position; a possessor
	 * ("Modi's trip") only when the sentence has no such subject */
	for (int k = 0; k < n; k++)
	{
		bool		shared = false;
		bool		subject;

		if (ac[k].pronoun || !subject_position(sc, &ac[k]))
			continue;
		subject = antecedent_position(sc, &ac[k]);
		/* the speaker, not the subject of what was said ("Biden said
		 * Putin had chosen a war. He announced sanctions.") */
		if ((per_subject || org_subject) && reported_subject(sc, &ac[k]))
			continue;
		for (int q = 0; q < n; q++)
			shared |= q != k && ac[q].group == ac[k].group && !ac[q].pronoun &&
				ac[q].kind == ac[k].kind;
		if (fits_pronoun(sc, &ac[k], ANT_PER) && (subject || !per_subject))
		{
			es->last_per = ac[k];
			es->have_per = !shared;
			per_subject |= subject;
		}
		else if (fits_pronoun(sc, &ac[k], ANT_ORG) && (subject || !org_subject))
		{
			es->last_org = ac[k];
			es->have_org = !shared;
			org_subject |= subject;
		}
	}
	/* the agent nouns named with a country, for "the police" later */
	for (int k = 0; k < n; k++)
		if (!ac[k].pronoun && (ac[k].agent || ac[k].kind == DIP_KIND_PER) &&
			ac[k].country_from <= DIP_AC_TEXT && country_role(&ac[k]) != NULL)
			note_named(sc, es, &ac[k]);
	/* the last compound of two or more, as a subject */
	for (int k = n - 1; k > 0; k--)
	{
		if (ac[k].pronoun || ac[k].group != ac[k - 1].group)
			continue;
		if (!subject_position(sc, &ac[k - 1]))
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
	/* what "they" means: the last group or organisation in subject
	 * position (", finance ministry officials said") */
	for (int k = n - 1; k >= 0; k--)
	{
		int			first = k;

		while (first > 0 && ac[first - 1].group == ac[k].group)
			first--;
		if (ac[first].pronoun || !ac[first].code[0] || !subject_position(sc, &ac[first]) ||
			modifier_agent(sc, &ac[first]))
			continue;
		if (first == k && ac[k].kind != DIP_KIND_ORG && !ac[k].agent && ac[k].ent >= 0)
			continue;
		es->they_n = 0;
		for (int q = first; q < n && ac[q].group == ac[k].group && es->they_n < 4; q++)
			es->they[es->they_n++] = ac[q];
		break;
	}
}

/* ------------------------------------------------------------------------
 * Where an actor stands: subject, object
 * ------------------------------------------------------------------------
 */

/* Index of the actor starting at token i (see dip_actors.h), or -1. */
int
dip_actor_at(const DipSentCtx *sc, DipActor *ac, int n, uint32_t i)
{
	while (i < sc->n && (is_article(&sc->t[i]) || sc->t[i].type == DIP_TOK_NUMBER ||
						 (dip_lexof(sc, i) & LX_NUM)))
		i++;
	for (int k = 0; k < n; k++)
		if (ac[k].a == i)
			return k;
	/* "met his Turkish counterpart": a possessive pronoun that is no actor
	 * of its own before one */
	if (i + 1 < sc->n && is_possessive_determiner(&sc->t[i]))
		for (int k = 0; k < n; k++)
			if (ac[k].a == i + 1 && ac[k].code[0])
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

/* what a subject rule says about an actor before the verb */
enum
{
	SUBJ_MAYBE = 0,				/* nothing: it may be the subject */
	SUBJ_SKIP,					/* not this one: look further back */
	SUBJ_NONE					/* the verb has no subject in the sentence */
};

/* "the leader of X", "in Washington": an actor after a preposition is no subject. */
static int
after_preposition(const DipSentCtx *sc, const DipActor *ac, int n, int k, uint32_t v)
{
	const DipActor *x = &ac[k];

	if (dip_actor_governed(sc, x) && !x->pronoun)
		return SUBJ_SKIP;
	/* "the leader of X": not X; but "a group of X" is X */
	if (x->a > 0 && DIP_TOK_IS(&sc->t[x->a - 1], "of") &&
		!(x->a > 1 && is_quantity(sc, &sc->t[x->a - 2])))
		return SUBJ_SKIP;
	return SUBJ_MAYBE;
}

/*
 * True if the verb at token v takes an object here: every pattern
 * anchored at it has a target slot.
 */
static bool
transitive_at(const DipSentCtx *sc, uint32_t v)
{
	const DipDict *d = sc->an->dict;
	bool		any = false;

	for (uint32_t k = 0; k < sc->nanchors; k++)
		if (sc->anchors[k * 2] == v)
		{
			if (!d->patterns[sc->anchors[k * 2 + 1]].has_target)
				return false;
			any = true;
		}
	return any;
}

/*
 * "civilians killed in the airstrikes": an actor right before a
 * participle of a verb that takes an object, followed by a preposition of
 * place or time, by, a comma or the end, is what was done to, not who did
 * it; the verb has no subject.
 */
static int
reduced_relative(const DipSentCtx *sc, const DipActor *ac, int n, int k, uint32_t v)
{
	const DipActor *x = &ac[k];
	uint32_t	w = sc->t[v].wid;

	if (x->b != v || w == 0 || !(sc->an->dict->words[w].vforms & DIP_VF_PART))
		return SUBJ_MAYBE;
	if (!(dip_tok_cue(sc, &sc->t[v], CUE_FATAL) || transitive_at(sc, v)))
		return SUBJ_MAYBE;
	if (v + 1 >= sc->n || DIP_TOK_IS(&sc->t[v + 1], ",") || DIP_TOK_IS(&sc->t[v + 1], "by") ||
		(sc->t[v + 1].flags & DIP_TF_TERMINAL) || (dip_cueof(sc, v + 1) & CUE_ADJUNCT_PREP))
		return SUBJ_NONE;
	return SUBJ_MAYBE;
}

/*
 * "a spokesman told reporters (that) ...": an actor right after a verb is
 * its object, not the subject of a verb further on, unless the later verb
 * follows it ("said Russia attacked").
 */
static int
verb_object(const DipSentCtx *sc, const DipActor *ac, int n, int k, uint32_t v)
{
	const DipActor *x = &ac[k];
	uint32_t	b = dip_actor_group_end((DipActor *) ac, n, k);
	uint32_t	j = b;

	if (x->pronoun || subject_position(sc, x) || dip_actor_governed(sc, x))
		return SUBJ_MAYBE;
	while (j < v && ((dip_lexof(sc, j) & (LX_ADV | LX_AUX)) || DIP_TOK_IS(&sc->t[j], "not")))
		j++;
	return j == v || verb_word(sc, j) ? SUBJ_MAYBE : SUBJ_SKIP;
}

/*
 * "..., dealers said", "..., one dealer said", "..., he said" with "he"
 * unresolved: the word before the verb heads a noun phrase that is no
 * actor, after a comma or a quote; an actor further back is not the
 * verb's subject, and the verb has none.
 */
static int
unknown_subject(const DipSentCtx *sc, const DipActor *ac, int n, int k, uint32_t v)
{
	uint32_t	w = v;
	uint32_t	lx;

	while (w > ac[k].b && ((dip_lexof(sc, w - 1) & (LX_ADV | LX_AUX)) ||
						   DIP_TOK_IS(&sc->t[w - 1], "not")))
		w--;
	if (w <= ac[k].b)
		return SUBJ_MAYBE;
	for (int q = 0; q < n; q++)
		if (ac[q].a < w && w <= ac[q].b)
			return SUBJ_MAYBE;	/* an actor, or a pronoun that stands for one */
	lx = dip_lexof(sc, w - 1);
	if (sc->t[w - 1].type != DIP_TOK_WORD || (lx & (LX_PREP | LX_CONJ | LX_DET | LX_VERB)) ||
		!(lx & (LX_NOUN | LX_PRON)))
		return SUBJ_MAYBE;
	/* the noun phrase is another clause's: a comma or a quote closes the
	 * one before it ("The Dubai Ruler praised" is Dubai's ruler) */
	for (uint32_t i = ac[k].b; i + 1 < w; i++)
		if (DIP_TOK_IS(&sc->t[i], ",") || DIP_TOK_IS(&sc->t[i], ";") ||
			(sc->t[i].flags & DIP_TF_CLOSEQ))
			return SUBJ_NONE;
	return SUBJ_MAYBE;
}

/* A rule about an actor before a verb: SUBJ_* */
typedef struct SubjectRule
{
	DipRule		rule;
	int			(*apply) (const DipSentCtx *sc, const DipActor *ac, int n, int k, uint32_t v);
} SubjectRule;

/* The rules that say an actor before a verb is not its subject, in order */
static const SubjectRule subject_rules[] = {
	{{"after_preposition", "an actor after a preposition (in Washington, the leader of X) is no subject; a group of X is X"}, after_preposition},
	{{"reduced_relative", "an actor before a participle and a preposition (civilians killed in the airstrikes) is no subject: the verb has none"}, reduced_relative},
	{{"verb_object", "an actor right after a verb (told reporters) is its object, not the subject of a later verb"}, verb_object},
	{{"unknown_subject", "a noun or pronoun right before the verb, after a comma or quote, that is no actor (..., dealers said; he said with he unresolved) is its subject: none"}, unknown_subject},
};

/* What the subject rules say about actor k as the subject of the verb at v. */
static int
subject_verdict(const DipSentCtx *sc, DipActor *ac, int n, int k, uint32_t v)
{
	for (size_t r = 0; r < sizeof(subject_rules) / sizeof(subject_rules[0]); r++)
	{
		int			s = subject_rules[r].apply(sc, ac, n, k, v);

		if (s != SUBJ_MAYBE)
			return s;
	}
	return SUBJ_MAYBE;
}

/*
 * The subject of the verb at token v: the nearest actor before it in the
 * clause that the subject rules allow, then the actor an apposition
 * (", the minister of X,") follows.
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
		int			s;

		if (ac[k].b > v || ac[k].a < limit)
			continue;
		s = subject_verdict(sc, ac, n, k, v);
		if (s == SUBJ_NONE)
			return -1;
		if (s == SUBJ_SKIP)
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
			 DIP_TOK_IS(&sc->t[j + 1], "who") || DIP_TOK_IS(&sc->t[j + 1], "which") ||
			 (ac[best].a == j + 1 && ac[best].agent)) &&
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

/* True if x and y are one side (see dip_actors.h). */
bool
dip_actor_same_side(const DipActor *x, const DipActor *y)
{
	const char *cx = code_country(x->code),
			   *cy = code_country(y->code);

	/* one entity; but "Chinese tourists" and "Chinese journalists" are two */
	if (x->ent >= 0 && x->ent == y->ent && !(x->agent && y->agent))
		return true;
	if (!x->code[0] || !y->code[0])
		return false;
	/* two people are two actors, whatever their codes */
	if (x->kind == DIP_KIND_PER && y->kind == DIP_KIND_PER && !x->agent && !y->agent)
		return false;
	if (strcmp(x->code, y->code) == 0)
		return true;
	/* ZAFGOV and the central bank's ZAFGOV; not ZAFGOV and ZAFOPP */
	return cx != NULL && cy != NULL && memcmp(cx, cy, 3) == 0 &&
		strcmp(x->code + 3, y->code + 3) == 0;
}

/* True if actor y may be a target of x's statement (see dip_actors.h). */
bool
dip_actor_fits_target(const DipSentCtx *sc, const DipActor *x, const DipActor *y)
{
	const char *cx = code_country(x->code),
			   *cy = code_country(y->code);
	uint32_t	p = y->a;

	if (x == y || dip_actor_same_side(x, y) || strcmp(x->code, y->code) == 0)
		return false;
	/* "Xi said China was ready": the speaker's own country */
	if (cx != NULL && cy != NULL && memcmp(cx, cy, 3) == 0 && (!x->code[3] || !y->code[3]))
		return false;
	if (y->kind != DIP_KIND_GPE && y->kind != DIP_KIND_LOC)
		return true;
	/* "in Venice", "at the summit in Geneva": a place, not a target */
	while (p > 0 && is_article(&sc->t[p - 1]))
		p--;
	return !(p > 0 && (dip_cueof(sc, p - 1) & CUE_ADJUNCT_PREP) &&
			 (dip_lexof(sc, p - 1) & LX_LOC_PREP));
}

/*
 * The first actor after token j within the clause, not on the side of src.
 * An actor right after the pattern's last word ("arrived in Israel",
 * "talks with Y") is its object whatever the preposition; further on,
 * actors after locative prepositions ("in Washington") are places, not
 * targets.
 */
int
dip_actor_target(const DipSentCtx *sc, DipActor *ac, int n, int src, uint32_t j,
				 uint32_t maxdist)
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
		if (src >= 0 && dip_actor_same_side(&ac[src], &ac[k]))
			continue;
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

/* The first actor after token j within the clause and maxdist tokens, or -1. */
int
dip_actor_object(const DipSentCtx *sc, DipActor *ac, int n, uint32_t j, uint32_t maxdist)
{
	return dip_actor_target(sc, ac, n, -1, j, maxdist);
}

/* The actor stage's rules applied at a fixed step */
static const DipRule *const step_rules[] = {&agent_compound, &noun_modifier};

/* The k-th rule of the actor stage, or NULL past the last. */
const DipRule *
dip_actors_rule(int k)
{
	static const DipRuleTable tables[] = {
		{token_rules, sizeof(token_rules) / sizeof(token_rules[0]), sizeof(TokenRule)},
		{step_rules, sizeof(step_rules) / sizeof(step_rules[0]), 0},
		{country_rules, sizeof(country_rules) / sizeof(country_rules[0]), sizeof(ActorRule)},
		{resolution_rules, sizeof(resolution_rules) / sizeof(resolution_rules[0]), sizeof(ActorRule)},
		{subject_rules, sizeof(subject_rules) / sizeof(subject_rules[0]), sizeof(SubjectRule)},
	};

	return dip_rule_in_tables(tables, sizeof(tables) / sizeof(tables[0]), &k);
}
