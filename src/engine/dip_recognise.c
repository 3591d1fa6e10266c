/*-------------------------------------------------------------------------
 *
 * dip_recognise.c
 *	  Recognise: the entity mentions of a sentence (named entity
 *	  recognition), by a table of named rules tried in order at each token.
 *
 * At every token, the first token rule that applies adds its
 * mentions (or passes over words that name nothing) and says where the
 * next token is.  The rules look at the dictionary walk's matches
 * (gazetteer aliases, titles and agents), then at capitalised words:
 *	- rules anchored on a gazetteer name: a place starting a longer name
 *	  ("Chinese Foreign Ministry"), a country before one of its
 *	  organisations ("U.S. Central Command"), teams in results tables,
 *	  titles that are also names, "U.S.-led", legal forms ("Xerox Corp"),
 *	  and the gazetteer name itself;
 *	- titles and honorifics followed by a name ("Foreign Minister Yoko
 *	  Kamikawa", "Mr. Smith"): a person, with the title's role and the
 *	  country of a nationality, country or organisation just before it;
 *	- regions of known places ("Northern Iraq");
 *	- other capitalised names: surnames of people already named, words that
 *	  are only capitalised because they start the sentence, and the rest,
 *	  typed by the typing rules of dip_names.c.
 * Headlines and lines in capitals (where capitals carry no information)
 * get gazetteer names only; resolution (dip_resolve.c) adds the rest at the
 * end of the document, and decides about sentence-initial words.
 *
 * mentions() reports the name of the rule that made each mention.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_recognise.h"
#include "dip_entity.h"
#include "dip_names.h"

#include <string.h>

/* ------------------------------------------------------------------------
 * Helpers of the rules
 * ------------------------------------------------------------------------
 */

/* A line of a results table or standings: numbers, names, few words. */
static bool
tabular(const DipSentCtx *sc)
{
	uint32_t	numbers = 0,
				lower = 0;

	for (uint32_t k = 0; k < sc->n; k++)
	{
		if (sc->t[k].type == DIP_TOK_NUMBER)
			numbers++;
		else if (sc->t[k].type == DIP_TOK_WORD && (sc->t[k].flags & DIP_TF_LOWER))
			lower++;
	}
	return numbers >= 2 && lower * 4 <= numbers;
}

/* A line of a fixture list: "KANSAS CITY AT DETROIT". */
static bool
schedule(const DipSentCtx *sc)
{
	if (sc->n > 8)
		return false;
	for (uint32_t k = 1; k + 1 < sc->n; k++)
		if (DIP_TOK_IS(&sc->t[k], "at") && sc->ent_len[k + 1] > 0 &&
			k + 1 + sc->ent_len[k + 1] == sc->n)
		{
			for (uint32_t j = 0; j < k; j++)
				if (sc->ent_len[j] > 0 && j + sc->ent_len[j] == k)
					return true;
		}
	return false;
}

/* Country given by the words just before token a (a title). */
static void
context_country(DipSentCtx *sc, uint32_t a, char *country)
{
	DipAnalysis *an = sc->an;

	country[0] = '\0';
	/* skip adjectives such as "senior", "former", "top" */
	while (a > 0)
	{
		uint32_t	k = a - 1;
		int32_t		mi = sc->tok_mention[k];

		if (mi >= 0)
		{
			const DipMention *m = &an->m[mi];
			const DipEnt *e = &an->ents[m->entity];

			if (e->country[0] && (m->kind == DIP_KIND_GPE || m->kind == DIP_KIND_NORP ||
								  m->kind == DIP_KIND_ORG))
				memcpy(country, e->country, 4);
			return;
		}
		if (sc->t[k].type == DIP_TOK_CLITIC)
		{
			a = k;
			continue;
		}
		if (sc->t[k].type == DIP_TOK_WORD && !(sc->t[k].flags & DIP_TF_UPPER) &&
			(dip_lexof(sc, k) & LX_ADJ) && a - k < 3)
		{
			a = k;
			continue;
		}
		return;
	}
}

/* Gives a person's mention and entity the role and country of a title. */
static void
set_role(DipMention *m, DipEnt *e, const DipRole *r, const char *country)
{
	if (r)
	{
		memcpy(m->role, r->role, 4);
		m->office = r->office;
		if (!e->role[0])
			memcpy(e->role, r->role, 4);
	}
	if (country && country[0] && !e->country[0])
		memcpy(e->country, country, 4);
	if (r && r->country[0] && !e->country[0])
		memcpy(e->country, r->country, 4);
}

/* Gives entity e a country (as it was at the publication date), unless it has one. */
static void
default_country(const DipSentCtx *sc, DipEnt *e, const char *country)
{
	if (!e->country[0])
	{
		memcpy(e->country, country, 4);
		dip_ent_country_at_date(sc->an, e);
	}
}

/*
 * The person a surname after a title names ("Secretary Baker"): the
 * person of the document named in full with it, else the gazetteer person
 * known by it at the publication date; -1 if neither.
 */
static int32_t
title_surname(DipSentCtx *sc, uint32_t a)
{
	DipAnalysis *an = sc->an;
	int32_t		pe = dip_strmap_get(&an->names, sc->t[a].norm, sc->t[a].nlen);
	const DipEntity *gp;

	if (pe >= 0 || pe == -2)
		return pe;
	pe = dip_dict_surname_person(an->dict, sc->t[a].wid, an->published);
	if (pe < 0)
		return -1;
	gp = &an->dict->entities[pe];
	return dip_ent_add(an, DIP_KIND_PER, dip_str(an->dict, gp->name), gp->namelen, pe);
}

/*
 * A title (role used as a title, or an honorific) at i followed by a
 * name, the words before it from token ctx giving its country: returns the token after the name and adds the person, or returns
 * 0.  Titles may chain ("Deputy Foreign Minister", "U.S. Secretary of
 * State").
 */
static uint32_t
title_then_name(DipSentCtx *sc, uint32_t i, uint32_t ctx, const DipRule *rule)
{
	DipAnalysis *an = sc->an;
	const DipDict *d = an->dict;
	uint32_t	j = i;
	const DipRole *role = NULL;
	char		country[4];
	uint32_t	a,
				b;
	int32_t		mi;
	bool		honorific = false;

	/* one or more titles, possibly each an honorific */
	while (j < sc->n)
	{
		if (sc->role_len[j] > 0 && (d->roles[sc->role_ref[j]].use & DIP_ROLE_TITLE))
		{
			role = &d->roles[sc->role_ref[j]];
			j += sc->role_len[j];
			continue;
		}
		if (sc->t[j].type == DIP_TOK_WORD && (dip_lexof(sc, j) & LX_PER_TITLE) &&
			(sc->t[j].flags & DIP_TF_UPPER))
		{
			honorific = true;
			j++;
			continue;
		}
		break;
	}
	if (j == i || j >= sc->n)
		return 0;
	/* the title must be written as a title (capitalised) or be followed by
	 * a capitalised name in running text: "spokesperson Matthew Miller" */
	a = j;
	if (sc->ent_len[a] > 0)
	{
		const DipEntity *ge = &d->entities[sc->ent_ref[a]];

		if (ge->kind != DIP_KIND_PER)
			return 0;
		mi = dip_mention_dict(sc, a, sc->ent_len[a], sc->ent_ref[a], rule);
		b = a + sc->ent_len[a];
	}
	else
	{
		int32_t		pe;

		if (!dip_tok_capword(&sc->t[a]) || sc->caseless)
			return 0;
		if (dip_lexof(sc, a) & (LX_MONTH | LX_WEEKDAY | LX_PRON | LX_DET | LX_NOT_NAME))
			return 0;
		/* "Supermarkets General Corp": a company, not General Corp */
		if (dip_legal_form(sc, &sc->t[a]))
			return 0;
		b = dip_name_span(sc, a);
		if (b == a)
			return 0;
		/* "General Accounting Office", "General Motors Corp": an
		 * organisation, unless a given name starts it ("Senator Daniel
		 * Squadron") */
		if (((dip_lexof(sc, b - 1) & LX_ORG_SUFFIX) && !(dip_lexof(sc, a) & LX_GIVEN)) ||
			dip_legal_form(sc, &sc->t[b - 1]))
			return 0;
		/* "President Joe Biden and" fine; a lone common word is not a name,
		 * except after an honorific ("Mr Flight") */
		if (b - a == 1 && (dip_lexof(sc, a) & LX_COMMON) && !honorific &&
			!(dip_lexof(sc, a) & (LX_SURNAME | LX_GIVEN)))
			return 0;
		pe = (b == a + 1) ? title_surname(sc, a) : -1;
		/* "General Mills", "General Host": a title that is also an
		 * organisation's first word, before a common word or a plural */
		if (b == a + 1 && pe < 0 && j == i + 1 && (dip_lexof(sc, i) & LX_ORG_HEAD) &&
			!(dip_lexof(sc, a) & (LX_GIVEN | LX_SURNAME)) &&
			((dip_lexof(sc, a) & LX_COMMON) || (dip_tok_ends_with(&sc->t[a], "s") &&
												 !dip_tok_ends_with(&sc->t[a], "us"))))
			return 0;
		if (pe >= 0)
			mi = dip_mention_add(sc, a, b, DIP_KIND_PER, pe, DIP_HOW_ALIAS, rule);
		else
			mi = dip_mention_add(sc, a, b, DIP_KIND_PER, dip_ent_from_span(sc, a, b, DIP_KIND_PER),
								 DIP_HOW_TITLE, rule);
	}
	context_country(sc, ctx, country);
	set_role(&an->m[mi], &an->ents[an->m[mi].entity], role, country);

	/*
	 * A title written as a title ("President", "Foreign Minister", "Mr.")
	 * is part of the name as written; a role in lower case
	 * ("spokesperson Matthew Miller") is not.
	 */
	if ((sc->t[i].flags & DIP_TF_UPPER) && !(sc->t[i].flags & DIP_TF_ALLCAPS && i + 1 < a &&
											 !(sc->t[i + 1].flags & DIP_TF_UPPER)))
	{
		bool		phrase = false;

		/* "Secretary of State", "Minister for the Middle East": a
		 * descriptive phrase before the name, not part of it */
		for (uint32_t k = i; k < a; k++)
			if (sc->t[k].flags & DIP_TF_LOWER)
				phrase = true;
		if (!phrase)
			dip_mention_extend_left(sc, mi, i);
	}
	return b;
}

/* ------------------------------------------------------------------------
 * The token rules
 * ------------------------------------------------------------------------
 */

/*
 * A token rule looks at the sentence from token at->i.  When it applies,
 * it adds its mentions (made by rule self) and returns the token after
 * the words it took; else it returns 0.  What several rules ask about the
 * token is computed once.
 */
typedef struct RuleAt
{
	DipSentCtx *sc;
	uint32_t	i;
	const DipEntity *ge;		/* the gazetteer entity whose alias starts here */
	uint32_t	end;			/* and the end of that alias */
	int			initial;		/* dip_sentence_initial(i), -1 until asked */
	uint32_t	name_end;		/* dip_name_span(i), 0 until asked */
} RuleAt;

/* True if the token starts the sentence. */
static bool
at_initial(RuleAt *at)
{
	if (at->initial < 0)
		at->initial = dip_sentence_initial(at->sc, at->i) ? 1 : 0;
	return at->initial == 1;
}

/* The end of the capitalised name starting at the token. */
static uint32_t
at_name_end(RuleAt *at)
{
	if (at->name_end == 0)
		at->name_end = dip_name_span(at->sc, at->i);
	return at->name_end;
}

/* The gazetteer entity whose alias starts at token i. */
static const DipEntity *
gazetteer_at(const DipSentCtx *sc, uint32_t i)
{
	return &sc->an->dict->entities[sc->ent_ref[i]];
}

/*
 * "Chinese Foreign Ministry", "Chicago Cubs": a place or nationality
 * starting a longer capitalised name that the gazetteer does not know.
 * The name is an organisation or a place by its last word, a team when
 * its words are not all common words; "Iraq War" and "Paris Agreement" are
 * passed over.
 */
static uint32_t
place_starts_name(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	const DipDict *d = sc->an->dict;
	uint32_t	i = at->i;
	const DipEntity *ge = at->ge;
	uint32_t	end = at->end;
	uint32_t	e2;
	int			mkind = DIP_KIND_NONE;
	bool		all_common = true;
	int32_t		mi;
	DipEnt	   *e;

	if (!(ge->kind == DIP_KIND_GPE || ge->kind == DIP_KIND_NORP || ge->kind == DIP_KIND_LOC) ||
		end >= sc->n || !dip_tok_capword(&sc->t[end]) || sc->ent_len[end] != 0 ||
		(sc->role_len[end] != 0 && (d->roles[sc->role_ref[end]].use & DIP_ROLE_TITLE)))
		return 0;
	e2 = dip_name_span(sc, end);
	for (uint32_t k = end; k < e2; k++)
		if (sc->t[k].type == DIP_TOK_WORD && !(sc->t[k].flags & DIP_TF_JOIN) &&
			!(dip_lexof(sc, k) & LX_COMMON))
			all_common = false;
	if (e2 > end && (dip_lexof(sc, e2 - 1) & LX_ORG_SUFFIX))
		mkind = DIP_KIND_ORG;
	else if (e2 > end && ge->kind != DIP_KIND_NORP && (dip_lexof(sc, e2 - 1) & LX_LOC_SUFFIX))
		mkind = DIP_KIND_LOC;
	else if (e2 > end && (dip_misc_head(sc, &sc->t[e2 - 1]) || DIP_TOK_IS(&sc->t[end], "war")))
		return e2;				/* "Iraq War", "Paris Agreement": not ours */
	else if (e2 > end && ge->kind != DIP_KIND_NORP && !all_common &&
			 !(dip_lexof(sc, end) & (LX_MONTH | LX_WEEKDAY | LX_NOT_NAME | LX_GIVEN)))
		mkind = DIP_KIND_ORG;	/* "Chicago Cubs", "Dynamo Kiev" */
	else if (e2 == end + 1 && ge->kind != DIP_KIND_NORP && !(dip_lexof(sc, end) & LX_AGENT) &&
			 sc->t[end].nlen > 3 && dip_tok_ends_with(&sc->t[end], "s") &&
			 !dip_tok_ends_with(&sc->t[end], "ss") && dip_tok_has_vowel(&sc->t[end]) &&
			 !(dip_lexof(sc, end) & (LX_MONTH | LX_WEEKDAY | LX_NOT_NAME)))
		mkind = DIP_KIND_ORG;	/* a team: "St. Louis Cardinals" */
	if (mkind == DIP_KIND_NONE)
		return 0;
	e2 = dip_name_of_chain(sc, i, e2, mkind);
	mi = dip_mention_add(sc, i, e2, mkind,
						 dip_ent_from_span(sc, i, mkind == DIP_KIND_ORG ?
										   dip_company_name_end(sc, i, e2) : e2, mkind),
						 DIP_HOW_RULE, self);
	e = &sc->an->ents[sc->an->m[mi].entity];
	default_country(sc, e, ge->country);
	if (mkind == DIP_KIND_ORG && !e->role[0])
		strcpy(e->role, dip_org_role(sc, &sc->t[e2 - 1]));
	return e2;
}

/*
 * "U.S. Central Command", "Chinese Communist Party": a country or
 * nationality before an organisation of that country belongs to its name.
 */
static uint32_t
country_before_org(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	uint32_t	end = at->end;
	int32_t		mi;

	if (!(at->ge->kind == DIP_KIND_GPE || at->ge->kind == DIP_KIND_NORP) || end >= sc->n ||
		sc->ent_len[end] == 0 || !at->ge->country[0] ||
		gazetteer_at(sc, end)->kind != DIP_KIND_ORG ||
		memcmp(gazetteer_at(sc, end)->country, at->ge->country, 3) != 0)
		return 0;
	mi = dip_mention_dict(sc, end, sc->ent_len[end], sc->ent_ref[end], self);
	dip_mention_extend_left(sc, mi, at->i);
	return end + sc->ent_len[end];
}

/* "Atlanta 5 PITTSBURGH 1": a place next to a score in a results table. */
static uint32_t
team_in_table(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	uint32_t	i = at->i;
	uint32_t	end = at->end;

	if (!(at->ge->kind == DIP_KIND_GPE || at->ge->kind == DIP_KIND_LOC) || !tabular(sc) ||
		!((end < sc->n && dip_score_token(&sc->t[end])) ||
		  (i > 0 && dip_score_token(&sc->t[i - 1]))))
		return 0;
	dip_mention_add(sc, i, end, DIP_KIND_ORG, dip_ent_from_span(sc, i, end, DIP_KIND_ORG),
					DIP_HOW_RULE, self);
	return end;
}

/* A title longer than the entity name it starts with is a title here. */
static uint32_t
title_over_name(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;

	if (sc->role_len[at->i] <= sc->ent_len[at->i])
		return 0;
	return title_then_name(sc, at->i, at->i, self);
}

/* "U.S.-led", "New York-based" (ADJ_PARTICIPLE): an adjective, not a mention. */
static uint32_t
compound_adjective(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	uint32_t	end = at->end;

	if (end + 1 >= sc->n || !DIP_TOK_IS(&sc->t[end], "-") || !(sc->t[end].flags & DIP_TF_JOIN) ||
		!dip_tok_cue(sc, &sc->t[end + 1], CUE_ADJ_PARTICIPLE))
		return 0;
	return end + 2;
}

/* True if gazetteer organisation ge is a company (MNC, or a business or media role). */
static bool
is_company(const DipEntity *ge)
{
	size_t		l = strlen(ge->actor);

	return l == 0 || strcmp(ge->actor, "MNC") == 0 ||
		(l >= 6 && (strcmp(ge->actor + l - 3, "BUS") == 0 || strcmp(ge->actor + l - 3, "MED") == 0));
}

/*
 * The mention of a company over [at->i, e2): the gazetteer's, or one of its
 * own (own) named without its legal form.
 */
static uint32_t
legal_form_end(DipSentCtx *sc, RuleAt *at, uint32_t e2, bool own, const DipRule *self)
{
	int32_t		mi;
	DipEnt	   *e;

	if (!own)
	{
		dip_mention_dict(sc, at->i, e2 - at->i, sc->ent_ref[at->i], self);
		return e2;
	}
	mi = dip_mention_add(sc, at->i, e2, DIP_KIND_ORG,
						 dip_ent_from_span(sc, at->i, dip_company_name_end(sc, at->i, e2),
										   DIP_KIND_ORG),
						 DIP_HOW_RULE, self);
	e = &sc->an->ents[sc->an->m[mi].entity];
	if (is_company(at->ge))
		default_country(sc, e, at->ge->country);
	if (!e->role[0])
		strcpy(e->role, "BUS");
	return e2;
}

/*
 * "Xerox Corp", "Toyota Motor Co Ltd", "Merrill Lynch and Co Inc",
 * "Morgan Stanley Group Inc": the legal form, and organisation words
 * before it, are part of the company's name; other words make it a company
 * of its own ("Ford Motor Credit Co", "CPC International Inc": CPC is
 * also a party).
 */
static uint32_t
legal_form(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	uint32_t	end = at->end;
	uint32_t	e2 = end;
	bool		own = !is_company(at->ge) || (sc->ent_flags[at->i] & DIP_ALIAS_CONTEXT);

	if (at->ge->kind != DIP_KIND_ORG)
		return 0;
	/* organisation words, or other words, before a legal form */
	while (e2 < sc->n && e2 < end + 3 && dip_tok_capword(&sc->t[e2]) && sc->ent_len[e2] == 0 &&
		   !dip_legal_form(sc, &sc->t[e2]))
	{
		if (!(dip_lexof(sc, e2) & LX_ORG_SUFFIX))
			own = true;
		e2++;
	}
	/* "Merrill Lynch and Co Inc", "J.P. Morgan & Co" */
	if (e2 + 1 < sc->n && (DIP_TOK_IS(&sc->t[e2], "and") || DIP_TOK_IS(&sc->t[e2], "&")) &&
		(DIP_TOK_IS(&sc->t[e2 + 1], "co") || DIP_TOK_IS(&sc->t[e2 + 1], "co.")) &&
		dip_tok_capword(&sc->t[e2 + 1]))
		e2 += 2;
	if (e2 >= sc->n || !dip_tok_capword(&sc->t[e2]) || sc->ent_len[e2] != 0 ||
		!dip_legal_form(sc, &sc->t[e2]))
	{
		if (e2 > end && DIP_TOK_IS(&sc->t[e2 - 1], "co"))
			return legal_form_end(sc, at, e2, own, self);
		return 0;
	}
	while (e2 < sc->n && dip_tok_capword(&sc->t[e2]) && sc->ent_len[e2] == 0 &&
		   dip_legal_form(sc, &sc->t[e2]))
		e2++;
	return legal_form_end(sc, at, e2, own, self);
}

/*
 * A place named in its sentence as a place: after "in", "from", "to"...,
 * next to another place in a list ("Egypt and Jordan", "Angola, Chad,
 * Libya"), or with an office or force of its own ("Jordan's foreign
 * minister").
 */
static bool
named_as_place(const DipSentCtx *sc, uint32_t i, uint32_t end)
{
	const DipDict *d = sc->an->dict;
	int			kind = d->entities[sc->ent_ref[i]].kind;

	if (kind != DIP_KIND_GPE && kind != DIP_KIND_LOC)
		return false;
	if (i > 0 && ((dip_lexof(sc, i - 1) & LX_LOC_PREP) ||
				  dip_tok_cue(sc, &sc->t[i - 1], CUE_LOC_BEFORE)))
		return true;
	/* a list, over years in commas: "Egypt and Jordan", "Egypt, in 1979, and Jordan" */
	if (i > 1 && (DIP_TOK_IS(&sc->t[i - 1], ",") || DIP_TOK_IS(&sc->t[i - 1], "and")))
		for (uint32_t k = i - 1; k-- > 0 && k + 9 > i;)
		{
			const DipToken *t = &sc->t[k];
			int32_t		mi = sc->tok_mention[k];

			if (mi >= 0 && (sc->an->m[mi].kind == DIP_KIND_GPE || sc->an->m[mi].kind == DIP_KIND_LOC))
				return true;
			if ((mi >= 0 && sc->an->m[mi].kind != DIP_KIND_DATE) ||
				!(DIP_TOK_IS(t, ",") || DIP_TOK_IS(t, "and") || DIP_TOK_IS(t, "in") ||
				  t->type == DIP_TOK_NUMBER || mi >= 0))
				break;
		}
	/* "Jordan's foreign minister", "Chad's army" */
	if (end + 1 < sc->n && sc->t[end].type == DIP_TOK_CLITIC && sc->role_len[end + 1] > 0)
		return true;
	return end + 1 < sc->n && (DIP_TOK_IS(&sc->t[end], ",") || DIP_TOK_IS(&sc->t[end], "and")) &&
		sc->ent_len[end + 1] > 0 && d->entities[sc->ent_ref[end + 1]].kind == DIP_KIND_GPE;
}

/*
 * A mention of an alias with the rule "context" (Georgia, Jordan, Kent)
 * is kept only where the document gives the context, which resolution
 * checks, unless its sentence names it as a place and no other place has
 * that name; meanwhile it holds
 * what the typing rules make of the name (nothing in a headline).
 */
static void
note_context(DipSentCtx *sc, int32_t mi, uint32_t i, uint32_t end)
{
	DipAnalysis *an = sc->an;
	DipMention *m = &an->m[mi];
	int			how = DIP_HOW_GUESS;
	bool		weak = false;
	const DipRule *typing = NULL;
	int			kind;

	/* kept, but no context for the document's other mentions of it */
	if (!sc->caseless && sc->ent_alt[i] < 0 && named_as_place(sc, i, end))
	{
		m->conditional = 2;
		return;
	}
	m->conditional = 1;
	m->fallback = -1;
	/* the other gazetteer entity of that name (the US state Georgia) */
	if (sc->ent_alt[i] >= 0)
	{
		const DipEntity *alt = &an->dict->entities[sc->ent_alt[i]];

		m->fallback = dip_ent_add(an, alt->kind, dip_str(an->dict, alt->name), alt->namelen,
								  sc->ent_alt[i]);
		m->fallback_how = DIP_HOW_DICT;
		m->fallback_rule = m->rule;
		return;
	}
	kind = sc->caseless ? DIP_KIND_NONE : dip_name_kind(sc, i, end, &how, &weak, &typing);
	if (kind == DIP_KIND_NONE)
		return;
	m->fallback = dip_ent_from_span(sc, i, end, kind);
	m->fallback_how = (uint8_t) how;
	m->fallback_weak = weak;
	m->fallback_rule = typing;
}

/*
 * The gazetteer alias itself.  "The Hague" keeps its article, but a
 * sentence-initial "The" is only capitalised because it starts the
 * sentence.
 */
static uint32_t
gazetteer(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	uint32_t	i = at->i;
	uint32_t	len = sc->ent_len[i];
	int32_t		mi;

	if (DIP_TOK_IS(&sc->t[i], "the") && len > 1 && at_initial(at) &&
		sc->ent_len[i + 1] == len - 1 && sc->ent_ref[i + 1] == sc->ent_ref[i])
		mi = dip_mention_dict(sc, i + 1, len - 1, sc->ent_ref[i], self);
	else
		mi = dip_mention_dict(sc, i, len, sc->ent_ref[i], self);
	if (sc->ent_flags[i] & DIP_ALIAS_CONTEXT)
		note_context(sc, mi, i, i + len);
	return i + len;
}

/*
 * "Michael Jordan", "Chad Hurley": a given name right before an alias that
 * needs context (Jordan, Georgia, Chad) makes a person's name with it, not
 * a person and a place.
 */
static uint32_t
given_name_before_alias(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	uint32_t	i = at->i;
	uint32_t	end = i + 2;

	if (sc->caseless || end > sc->n || sc->ent_len[i] > 0 || sc->ent_len[i + 1] != 1 ||
		!(sc->ent_flags[i + 1] & DIP_ALIAS_CONTEXT) || !(dip_lexof(sc, i) & LX_GIVEN) ||
		(sc->t[i].flags & DIP_TF_LOWER))
		return 0;
	dip_mention_add(sc, i, end, DIP_KIND_PER, dip_ent_from_span(sc, i, end, DIP_KIND_PER),
					DIP_HOW_RULE, self);
	return end;
}

/* A title or honorific followed by a name: "Foreign Minister Yoko Kamikawa". */
static uint32_t
title_name(RuleAt *at, const DipRule *self)
{
	return title_then_name(at->sc, at->i, at->i, self);
}

/*
 * "Agriculture Secretary Richard Lyng", "Fisheries Minister Jim Smith":
 * capitalised common words naming a portfolio before a title belong to
 * the title.
 */
static uint32_t
portfolio_title(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	const DipDict *d = sc->an->dict;
	uint32_t	i = at->i;
	uint32_t	k = i;
	uint32_t	next;
	DipMention *m;

	while (k < sc->n && k < i + 3 && dip_tok_capword(&sc->t[k]) && sc->ent_len[k] == 0 &&
		   sc->role_len[k] == 0 && (dip_lexof(sc, k) & LX_COMMON) &&
		   !(dip_lexof(sc, k) & (LX_GIVEN | LX_FUNCTION | LX_MONTH | LX_WEEKDAY)))
		k++;
	if (k == i || k >= sc->n || sc->role_len[k] == 0 ||
		!(d->roles[sc->role_ref[k]].use & DIP_ROLE_TITLE) || !(sc->t[k].flags & DIP_TF_UPPER))
		return 0;
	next = title_then_name(sc, k, i, self);
	if (next == 0)
		return 0;
	m = &sc->an->m[sc->an->nm - 1];
	if (m->start == sc->t[k].start)
		dip_mention_extend_left(sc, (int32_t) sc->an->nm - 1, i);
	return next;
}

/*
 * The country named just before token a ("the Japanese prime minister",
 * "Japan's prime minister"), as the gazetteer gives it (a Ukrainian office
 * of 1987 is Ukraine's, not the Soviet Union's), into country; false if
 * none or if a word such as "former" says the title is not the present
 * holder's.
 */
static bool
title_country(DipSentCtx *sc, uint32_t a, char *country)
{
	DipAnalysis *an = sc->an;
	uint32_t	k = a;

	country[0] = '\0';
	while (k > 0 && a - k < 4)
	{
		const DipToken *t = &sc->t[k - 1];
		int32_t		mi = sc->tok_mention[k - 1];

		if (dip_tok_cue(sc, t, CUE_FORMER))
			return false;
		if (mi >= 0 && !country[0])
		{
			const DipMention *m = &an->m[mi];
			const DipEnt *e = &an->ents[m->entity];

			if (m->kind != DIP_KIND_GPE && m->kind != DIP_KIND_NORP)
				return false;
			memcpy(country, e->dict >= 0 ? an->dict->entities[e->dict].country : e->country, 4);
			/* past the mention, to its determiner */
			while (k > 0 && sc->tok_mention[k - 1] == mi)
				k--;
			continue;
		}
		if (t->type == DIP_TOK_CLITIC || (t->type == DIP_TOK_WORD && !(t->flags & DIP_TF_UPPER) &&
										  (dip_lexof(sc, k - 1) & LX_ADJ)))
		{
			k--;
			continue;
		}
		break;
	}
	return country[0] != '\0';
}

/*
 * "the Japanese prime minister", "Britain's foreign secretary": a title
 * with its country and no name names the gazetteer person who held the
 * office at the publication date.
 */
static uint32_t
office_title(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	DipAnalysis *an = sc->an;
	uint32_t	i = at->i;
	uint32_t	b = i + sc->role_len[i];
	const DipRole *r;
	char		country[4];
	int32_t		holder,
				mi;
	const DipEntity *gp;

	if (sc->role_len[i] == 0 || an->published == DIP_DATE_NONE || sc->caseless)
		return 0;
	r = &an->dict->roles[sc->role_ref[i]];
	if (r->office == 0 || (b < sc->n && dip_tok_capword(&sc->t[b])) ||
		dip_tok_ends_with(&sc->t[b - 1], "s"))
		return 0;
	if (!title_country(sc, i, country))
	{
		if (!r->country[0] || (i > 0 && dip_tok_cue(sc, &sc->t[i - 1], CUE_FORMER)))
			return 0;
		memcpy(country, r->country, 4);
	}
	holder = dip_dict_office_holder(an->dict, r->office, country, an->published);
	if (holder < 0)
		return 0;
	gp = &an->dict->entities[holder];
	mi = dip_mention_add(sc, i, b, DIP_KIND_PER,
						 dip_ent_add(an, DIP_KIND_PER, dip_str(an->dict, gp->name), gp->namelen,
									 holder),
						 DIP_HOW_RULE, self);
	set_role(&an->m[mi], &an->ents[an->m[mi].entity], r, NULL);
	return b;
}

/* "Northern Iraq", "Eastern Ukraine": a region of a known place. */
static uint32_t
region_of_place(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	uint32_t	i = at->i;
	const DipEntity *ge;
	uint32_t	b;
	int32_t		mi;

	if (!dip_tok_capword(&sc->t[i]) || i + 1 >= sc->n || sc->ent_len[i + 1] == 0 ||
		!dip_direction_word(sc, &sc->t[i]))
		return 0;
	ge = gazetteer_at(sc, i + 1);
	if (ge->kind != DIP_KIND_GPE && ge->kind != DIP_KIND_LOC)
		return 0;
	b = i + 1 + sc->ent_len[i + 1];
	mi = dip_mention_add(sc, i, b, DIP_KIND_LOC, dip_ent_from_span(sc, i, b, DIP_KIND_LOC),
						 DIP_HOW_RULE, self);
	default_country(sc, &sc->an->ents[sc->an->m[mi].entity], ge->country);
	return b;
}

/* "<COMS>", "<GE>": a stock ticker in wire copy names nothing more. */
static uint32_t
ticker_symbol(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	uint32_t	i = at->i;

	if (i == 0 || !DIP_TOK_IS(&sc->t[i - 1], "<"))
		return 0;
	for (uint32_t k = i + 1; k < sc->n && k < i + 4; k++)
		if (DIP_TOK_IS(&sc->t[k], ">"))
			return k + 1;
	return 0;
}

/*
 * "The", "According", "Both": a common word capitalised at the start; but
 * "General Motors Corp", "First Bancorp": the first word of a name ending
 * with a legal form or an organisation suffix.
 */
static uint32_t
initial_common_word(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	uint32_t	lx = dip_lexof(sc, at->i);
	uint32_t	b;

	if (!at_initial(at) || !(lx & (LX_COMMON | LX_NOT_NAME)) ||
		(lx & (LX_GIVEN | LX_SURNAME | LX_ORG_HEAD | LX_LOC_HEAD)))
		return 0;
	b = at_name_end(at);
	if (b > at->i + 1 && !(lx & LX_FUNCTION) &&
		((lx & (LX_NOUN | LX_NUM)) || ((lx & LX_ADJ) && !(lx & LX_ADV))) &&
		(dip_legal_form(sc, &sc->t[b - 1]) || (dip_lexof(sc, b - 1) & LX_ORG_SUFFIX)))
		return 0;
	return at->i + 1;
}

/* "Blinken": the surname of a person named in full before. */
static uint32_t
known_surname(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	const DipToken *t = &sc->t[at->i];
	int32_t		pe;

	if (at_name_end(at) != at->i + 1 || t->nlen < 2)
		return 0;
	pe = dip_strmap_get(&sc->an->names, t->norm, t->nlen);
	if (pe < 0)
		return 0;
	dip_mention_add(sc, at->i, at->i + 1, DIP_KIND_PER, pe, DIP_HOW_ALIAS, self);
	return at->i + 1;
}

/*
 * The normalised form of tokens [a, b) as entity names are normalised:
 * words separated by a space, glued tokens glued; 0 if it does not fit.
 */
static uint32_t
span_key(const DipSentCtx *sc, uint32_t a, uint32_t b, char *buf, uint32_t size)
{
	uint32_t	len = 0;

	for (uint32_t k = a; k < b; k++)
	{
		const DipToken *t = &sc->t[k];

		if (len + t->nlen + 1 >= size)
			return 0;
		if (k > a && !(t->flags & DIP_TF_JOIN) && t->type != DIP_TOK_CLITIC)
			buf[len++] = ' ';
		memcpy(buf + len, t->norm, t->nlen);
		len += t->nlen;
	}
	return len;
}

/*
 * "Borg-Warner", "Reynolds": a company named before in full ("Borg-Warner
 * Corp", "Reynolds Metals Co") by its short name.
 */
static uint32_t
known_company(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	uint32_t	b = at_name_end(at);
	char		key[256];
	uint32_t	len;
	int32_t		ce;
	DipEnt	   *e;

	if (b <= at->i || at->sc->an->orgnames.n == 0)
		return 0;
	len = span_key(sc, at->i, b, key, sizeof(key));
	ce = len ? dip_strmap_get(&sc->an->orgnames, key, len) : -1;
	if (ce < 0)
	{
		uint32_t	b2 = dip_company_name_end(sc, at->i, b);

		len = b2 < b ? span_key(sc, at->i, b2, key, sizeof(key)) : 0;
		ce = len ? dip_strmap_get(&sc->an->orgnames, key, len) : -1;
	}
	if (ce < 0)
		return 0;
	e = &sc->an->ents[ce];
	dip_mention_add(sc, at->i, b, DIP_KIND_ORG, ce, e->dict >= 0 ? DIP_HOW_DICT : DIP_HOW_ALIAS,
					self);
	return b;
}

/*
 * The surname of two people named before ("Carlo Citrone", "John
 * Citrone"): a person, which one the text leaves open.
 */
static uint32_t
shared_surname(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	const DipToken *t = &sc->t[at->i];
	uint32_t	i = at->i;

	if (at_name_end(at) != i + 1 || t->nlen < 2 ||
		dip_strmap_get(&sc->an->names, t->norm, t->nlen) != -2)
		return 0;
	dip_mention_add(sc, i, i + 1, DIP_KIND_PER, dip_ent_from_span(sc, i, i + 1, DIP_KIND_PER),
					DIP_HOW_RULE, self);
	return i + 1;
}

/* "Biden": a gazetteer person known by the surname. */
static uint32_t
gazetteer_surname(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	DipAnalysis *an = sc->an;
	uint32_t	i = at->i;
	int32_t		ge;
	const DipEntity *gp;

	if (at_name_end(at) != i + 1 || (at_initial(at) && (dip_lexof(sc, i) & LX_COMMON)))
		return 0;
	ge = dip_dict_surname_person(an->dict, sc->t[i].wid, an->published);
	if (ge < 0)
		return 0;
	gp = &an->dict->entities[ge];
	dip_mention_add(sc, i, i + 1, DIP_KIND_PER,
					dip_ent_add(an, DIP_KIND_PER, dip_str(an->dict, gp->name), gp->namelen, ge),
					DIP_HOW_ALIAS, self);
	return i + 1;
}

/* "Scorers:", "NOTE:": a label at the start of a line. */
static uint32_t
line_label(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	uint32_t	i = at->i;

	if ((at_initial(at) || (sc->t[i].flags & DIP_TF_NEWLINE)) && at_name_end(at) == i + 1 &&
		i + 1 < sc->n && DIP_TOK_IS(&sc->t[i + 1], ":"))
		return i + 1;
	return 0;
}

/* A sentence-initial unknown word with a verb or adverb ending. */
static uint32_t
initial_verb_form(RuleAt *at, const DipRule *self)
{
	const DipToken *t = &at->sc->t[at->i];

	if (at_initial(at) && at_name_end(at) == at->i + 1 &&
		!dip_word_known(at->sc->an->dict, t->wid) &&
		(dip_tok_ends_with(t, "ing") || dip_tok_ends_with(t, "ly") ||
		 dip_tok_ends_with(t, "ed")))
		return at->i + 1;
	return 0;
}

/* "3Com Corp": a legal form after a capitalised word with digits. */
static uint32_t
digit_company(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	uint32_t	i = at->i;
	const DipToken *p = i > 0 ? &sc->t[i - 1] : NULL;
	uint32_t	b = i;
	int32_t		mi;

	if (!p || !(p->flags & DIP_TF_DIGITS) || !(p->flags & DIP_TF_UPPER) ||
		sc->tok_mention[i - 1] >= 0)
		return 0;
	while (b < sc->n && b < i + 2 && dip_tok_capword(&sc->t[b]) && dip_legal_form(sc, &sc->t[b]))
		b++;
	if (b == i)
		return 0;
	mi = dip_mention_add(sc, i - 1, b, DIP_KIND_ORG, dip_ent_from_span(sc, i - 1, i, DIP_KIND_ORG),
						 DIP_HOW_RULE, self);
	strcpy(sc->an->ents[sc->an->m[mi].entity].role, dip_org_role(sc, &sc->t[b - 1]));
	return b;
}

static const DipRule acronym_in_parentheses =
{"acronym_in_parentheses", "an acronym in parentheses after a name: Islamic Revolutionary Guard Corps (IRGC)"};

/*
 * "of the Chinese Communist Party", "Hou Yu-ih of the Kuomintang": an
 * organisation or person without a country takes that of the gazetteer
 * name its "of" complement starts with (a person not that of a company).
 */
static void
owner_country(DipSentCtx *sc, uint32_t b, DipEnt *e)
{
	uint32_t	c = b + 1;

	if (e->country[0] || b + 2 >= sc->n || !DIP_TOK_IS(&sc->t[b], "of"))
		return;
	if (DIP_TOK_IS(&sc->t[c], "the"))
		c++;
	/* "of the governing Democratic Progressive Party" */
	while (c + 1 < sc->n && sc->t[c].type == DIP_TOK_WORD && (sc->t[c].flags & DIP_TF_LOWER) &&
		   (dip_lexof(sc, c) & LX_ADJ) && c < b + 4)
		c++;
	/* a person of a company is no national actor */
	if (c < sc->n && sc->ent_len[c] > 0 &&
		(e->kind != DIP_KIND_PER || gazetteer_at(sc, c)->kind != DIP_KIND_ORG ||
		 !is_company(gazetteer_at(sc, c))))
		default_country(sc, e, gazetteer_at(sc, c)->country);
}

/*
 * Any other capitalised name: typed by the typing rules (dip_names.c),
 * whose name the mention reports; with its "of" complement, and an
 * acronym in parentheses after it as an alias.
 */
static uint32_t
capitalised_name(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	DipAnalysis *an = sc->an;
	uint32_t	i = at->i;
	uint32_t	b = at_name_end(at);
	int			how;
	bool		weak = false;
	const DipRule *typing = self;
	int			kind = dip_name_kind(sc, i, b, &how, &weak, &typing);
	int32_t		mi;
	DipEnt	   *e;
	uint32_t	head_end;

	if (kind == DIP_KIND_NONE)
		return b > i ? b : i + 1;
	head_end = b;
	b = dip_name_of_chain(sc, i, b, kind);
	/* a company is named without its legal form: "Xerox" for "Xerox Corp" */
	mi = dip_mention_add(sc, i, b, kind,
						 dip_ent_from_span(sc, i, kind == DIP_KIND_ORG ?
										   dip_company_name_end(sc, i, b) : b, kind),
						 how, typing);
	an->m[mi].weak = weak;
	e = &an->ents[an->m[mi].entity];
	if (kind == DIP_KIND_ORG && !e->role[0])
		strcpy(e->role, dip_org_role(sc, &sc->t[b - 1]));
	/* "the Government of Eritrea": the role of the head of an "of" chain */
	if (kind == DIP_KIND_ORG && !e->role[0] && head_end < b)
		strcpy(e->role, dip_org_role(sc, &sc->t[head_end - 1]));
	if (at_initial(at) && b == i + 1 && !(dip_lexof(sc, i) & (LX_GIVEN | LX_SURNAME)))
		an->m[mi].tentative = 1;
	if (kind == DIP_KIND_ORG || kind == DIP_KIND_PER)
		owner_country(sc, b, e);
	/* "the Government of Eritrea", "the Ministry of Health of Ethiopia":
	 * the country the chain took in */
	if (kind == DIP_KIND_ORG && head_end < b)
		for (uint32_t k = head_end; k + 1 < b; k++)
			owner_country(sc, k, e);
	/* "Islamic Revolutionary Guard Corps (IRGC)" */
	if (b + 2 < sc->n && DIP_TOK_IS(&sc->t[b], "(") && DIP_TOK_IS(&sc->t[b + 2], ")") &&
		(sc->t[b + 1].flags & DIP_TF_ALLCAPS) && sc->ent_len[b + 1] == 0)
	{
		dip_mention_add(sc, b + 1, b + 2, kind, an->m[mi].entity, DIP_HOW_ALIAS,
						&acronym_in_parentheses);
		return b + 3;
	}
	return b > i ? b : i + 1;
}

/*
 * "Chairman An Wang": a name starting with a title that the title rules
 * did not take is the person named after the title, the title as written
 * part of the mention.
 */
static uint32_t
title_in_name(RuleAt *at, const DipRule *self)
{
	DipSentCtx *sc = at->sc;
	uint32_t	i = at->i;
	uint32_t	b = at_name_end(at);
	uint32_t	a2 = i;
	int			how;
	bool		weak = false;
	const DipRule *typing = self;

	if (sc->role_len[i] > 0 && (sc->an->dict->roles[sc->role_ref[i]].use & DIP_ROLE_TITLE))
		a2 = i + sc->role_len[i];
	else if (dip_lexof(sc, i) & LX_PER_TITLE)
		a2 = i + 1;
	if (a2 == i || a2 + 1 >= b || !dip_tok_capword(&sc->t[a2]) ||
		dip_name_kind(sc, a2, b, &how, &weak, &typing) != DIP_KIND_PER || weak)
		return 0;
	dip_mention_add(sc, i, b, DIP_KIND_PER, dip_ent_from_span(sc, a2, b, DIP_KIND_PER), how,
					typing);
	return b;
}

/* Where a token rule is tried */
typedef enum RuleWhere
{
	AT_GAZETTEER,				/* where a gazetteer alias starts */
	AT_TITLE_OR_NAME,			/* at a title or a capitalised word */
	AT_CAPITALISED				/* at a capitalised word not glued by a hyphen */
} RuleWhere;

typedef struct TokenRule
{
	DipRule		rule;
	RuleWhere	where;
	uint32_t	(*apply) (RuleAt *at, const DipRule *self);
} TokenRule;

/*
 * The token rules.  At a token where a gazetteer alias starts, the
 * gazetteer rules are tried in order, the last always applying; at a
 * title or a capitalised word, the rules of any token, then, at a
 * capitalised word not glued by a hyphen, the rules of capitalised words,
 * the last always applying.  The first rule that applies makes the
 * mentions there.
 */
static const TokenRule token_rules[] = {
	{{"place_starts_name", "a place or nationality starting a longer unknown name: Chinese Foreign Ministry, Chicago Cubs"}, AT_GAZETTEER, place_starts_name},
	{{"country_before_org", "a country before one of its organisations belongs to the name: U.S. Central Command"}, AT_GAZETTEER, country_before_org},
	{{"team_in_table", "a place next to a score in a results table is a team: Atlanta 5 PITTSBURGH 1"}, AT_GAZETTEER, team_in_table},
	{{"title_over_name", "a title longer than the name it starts with is a title: Foreign Minister Wang Yi"}, AT_GAZETTEER, title_over_name},
	{{"compound_adjective", "a name in a hyphenated adjective is no mention: U.S.-led, New York-based"}, AT_GAZETTEER, compound_adjective},
	{{"legal_form", "a legal form after an organisation belongs to its name: Xerox Corp"}, AT_GAZETTEER, legal_form},
	{{"gazetteer", "a gazetteer alias, longest match, with the alias's case rules"}, AT_GAZETTEER, gazetteer},
	{{"title_name", "a title or honorific followed by a name: a person with the title's role and country"}, AT_TITLE_OR_NAME, title_name},
	{{"office_title", "a title with its country and no name: the office holder at the publication date (the Japanese prime minister)"}, AT_TITLE_OR_NAME, office_title},
	{{"portfolio_title", "capitalised words before a title name its portfolio: Agriculture Secretary Richard Lyng"}, AT_TITLE_OR_NAME, portfolio_title},
	{{"region_of_place", "a compass word before a known place: Northern Iraq"}, AT_TITLE_OR_NAME, region_of_place},
	{{"ticker_symbol", "a stock ticker in angle brackets is no name: <GE>"}, AT_CAPITALISED, ticker_symbol},
	{{"given_name_before_alias", "a given name before an alias that needs context is a person: Michael Jordan, not Jordan the country"}, AT_CAPITALISED, given_name_before_alias},
	{{"initial_common_word", "a common word capitalised only because it starts the sentence: no mention"}, AT_CAPITALISED, initial_common_word},
	{{"known_surname", "the surname of a person named in full before: Blinken"}, AT_CAPITALISED, known_surname},
	{{"known_company", "a company named before in full, by its short name: Borg-Warner after Borg-Warner Corp"}, AT_CAPITALISED, known_company},
	{{"shared_surname", "the surname of two people named before: a person, which one left open"}, AT_CAPITALISED, shared_surname},
	{{"gazetteer_surname", "the surname of a gazetteer person, preferring the office holder at the date: Biden"}, AT_CAPITALISED, gazetteer_surname},
	{{"line_label", "a label at the start of a line: Scorers:, NOTE:"}, AT_CAPITALISED, line_label},
	{{"initial_verb_form", "an unknown sentence-initial word ending in -ing, -ly, -ed: no mention"}, AT_CAPITALISED, initial_verb_form},
	{{"digit_company", "a legal form after a capitalised word with digits: 3Com Corp"}, AT_CAPITALISED, digit_company},
	{{"title_in_name", "a name starting with a title the title rules did not take (Chairman An Wang): the person after the title"}, AT_CAPITALISED, title_in_name},
	{{"capitalised_name", "any other capitalised name, typed by the typing rules"}, AT_CAPITALISED, capitalised_name},
};

#define NRULES(t) (sizeof(t) / sizeof((t)[0]))

/* The gazetteer rule (the last gazetteer rule). */
#define GAZETTEER_RULE (&token_rules[6].rule)

/*
 * Tries the rules tried there in order at the token (the table is in the
 * order of RuleWhere); returns the next token, or 0.
 */
static uint32_t
try_rules(RuleAt *at, RuleWhere where)
{
	size_t		k = 0;

	while (token_rules[k].where < where)
		k++;
	for (; k < NRULES(token_rules) && token_rules[k].where == where; k++)
	{
		uint32_t	next = token_rules[k].apply(at, &token_rules[k].rule);

		if (next > 0)
			return next;
	}
	return 0;
}

/* Applies the first token rule that applies at token i; returns the next token. */
static uint32_t
recognise_at(DipSentCtx *sc, uint32_t i)
{
	RuleAt		at = {sc, i, NULL, 0, -1, 0};
	const DipToken *t = &sc->t[i];
	uint32_t	next;

	if (sc->ent_len[i] > 0)
	{
		at.ge = gazetteer_at(sc, i);
		at.end = i + sc->ent_len[i];
		return try_rules(&at, AT_GAZETTEER);
	}
	/* the other rules start at a title or a capitalised word */
	if (sc->role_len[i] == 0 && !dip_tok_capword(t))
		return i + 1;
	next = try_rules(&at, AT_TITLE_OR_NAME);
	if (next == 0 && dip_tok_capword(t) && !(t->flags & DIP_TF_JOIN))
		next = try_rules(&at, AT_CAPITALISED);
	return next > 0 ? next : i + 1;
}

/* ------------------------------------------------------------------------
 * The steps of a sentence
 * ------------------------------------------------------------------------
 */

static const DipRule team_in_caseless_table =
{"team_in_caseless_table", "in a headline or a line in capitals, a place next to a score or \"at\" in a table or fixture list is a team: KANSAS CITY AT DETROIT"};

/*
 * A headline or a line in capitals: gazetteer names only (teams in tables
 * and fixture lists); the sentence is kept for resolution, which looks
 * for the document's other names in it.
 */
static void
recognise_caseless(DipSentCtx *sc)
{
	DipAnalysis *an = sc->an;
	uint32_t	n = sc->n;
	bool		table = tabular(sc) || schedule(sc);
	uint32_t	k;

	for (uint32_t i = 0; i < n; i++)
		if (sc->ent_len[i] > 0)
		{
			uint32_t	end = i + sc->ent_len[i];
			int			kind = gazetteer_at(sc, i)->kind;

			if (table && (kind == DIP_KIND_GPE || kind == DIP_KIND_LOC) &&
				((end < n && (dip_score_token(&sc->t[end]) || DIP_TOK_IS(&sc->t[end], "at"))) ||
				 (i > 0 && (dip_score_token(&sc->t[i - 1]) || DIP_TOK_IS(&sc->t[i - 1], "at")))))
				dip_mention_add(sc, i, end, DIP_KIND_ORG,
								dip_ent_from_span(sc, i, end, DIP_KIND_ORG), DIP_HOW_RULE,
								&team_in_caseless_table);
			else
			{
				int32_t		mi = dip_mention_dict(sc, i, sc->ent_len[i], sc->ent_ref[i],
												  GAZETTEER_RULE);

				if (sc->ent_flags[i] & DIP_ALIAS_CONTEXT)
					note_context(sc, mi, i, end);
			}
			i = end - 1;
		}
	an->caseless = dip_array_reserve(&an->arena, an->caseless, &an->caselesscap,
									 an->ncaseless + 1, 3 * sizeof(uint32_t), 8);
	k = an->ncaseless++;
	an->caseless[k * 3] = sc->sent->start;
	an->caseless[k * 3 + 1] = sc->sent->len;
	an->caseless[k * 3 + 2] = sc->sent->number;
}

/*
 * A lower-case word no dictionary knows, at a token where the rules are
 * tried: resolution drops sentence-initial capitalised forms of it.
 */
static void
note_lower_case_word(DipSentCtx *sc, uint32_t i)
{
	const DipToken *t = &sc->t[i];

	if (t->type == DIP_TOK_WORD && (t->flags & DIP_TF_LOWER) &&
		!dip_word_known(sc->an->dict, t->wid))
		dip_lcset_add(sc->an, t->norm, t->nlen);
}

static const DipRule date_expression =
{"date_expression", "a date expression resolved against the publication date: on Friday, last November"};

/* Date expressions not inside another mention, resolved against the publication date. */
static void
recognise_dates(DipSentCtx *sc)
{
	DipAnalysis *an = sc->an;
	int			nd;

	if (an->published == DIP_DATE_NONE)
		return;
	nd = dip_sentence_dates(sc);
	for (int k = 0; k < nd; k++)
	{
		const DipDateExpr *dx = &sc->dates[k];
		char		buf[16];
		bool		free = true;

		for (uint32_t q = dx->a; q < dx->b; q++)
			if (sc->tok_mention[q] >= 0)
				free = false;
		if (!free)
			continue;
		dip_date_format(dx->date, dx->prec, buf);
		if (buf[0])
			dip_mention_add(sc, dx->a, dx->b, DIP_KIND_DATE,
							dip_ent_add(an, DIP_KIND_DATE, buf, strlen(buf), -1), DIP_HOW_RULE,
							&date_expression);
	}
}

/* Recognises the entity mentions of one sentence. */
void
dip_recognise_sentence(DipSentCtx *sc)
{
	/* headlines and lines in capitals: gazetteer names only, for now */
	if (sc->caseless)
	{
		recognise_caseless(sc);
		return;
	}
	/* at every token, the first token rule that applies */
	for (uint32_t i = 0; i < sc->n;)
	{
		note_lower_case_word(sc, i);
		i = recognise_at(sc, i);
	}
	/* dates */
	recognise_dates(sc);
}

/* The recogniser's rules that are applied at a fixed step */
static const DipRule *const step_rules[] = {
	&team_in_caseless_table, &acronym_in_parentheses, &date_expression
};

/* The k-th rule of the recogniser, or NULL past the last. */
const DipRule *
dip_recognise_rule(int k)
{
	static const DipRuleTable tables[] = {
		{token_rules, NRULES(token_rules), sizeof(TokenRule)},
		{step_rules, NRULES(step_rules), 0},
	};
	const DipRule *r = dip_rule_in_tables(tables, NRULES(tables), &k);

	return r ? r : dip_names_rule(k);
}
