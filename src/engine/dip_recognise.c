/*-------------------------------------------------------------------------
 *
 * dip_recognise.c
 *	  Recognise: entity mentions in a sentence (named entity recognition).
 *
 * Per sentence, after the dictionary walk:
 *	1. gazetteer aliases (longest match, case rules from the alias);
 *	2. titles and honorifics followed by a name ("Foreign Minister Yoko
 *	   Kamikawa", "Mr. Smith"): a person, with the title's role and the
 *	   country of a nationality, country or organisation just before it;
 *	3. other capitalised sequences (with name particles, hyphens and "&"),
 *	   typed by their words: organisation suffixes ("... Department"),
 *	   place heads and suffixes ("Lake ...", "... River"), given names and
 *	   surnames, acronyms, the preposition before them;
 *	4. "of" chains after organisation heads ("Ministry of Defence").
 * Sentence-initial capitals and headlines (capitals carry no information
 * there) only give entities the dictionaries or the rest of the document
 * confirm: resolution (dip_resolve.c) decides at the end of the document.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_recognise.h"
#include "dip_entity.h"

#include <string.h>

static bool
ends_with(const DipToken *t, const char *suf)
{
	size_t		l = strlen(suf);

	return t->nlen > l + 2 && memcmp(t->norm + t->nlen - l, suf, l) == 0;
}

/* Does token t start a line indented by two or more blanks? */
static bool
indented_line(const DipSentCtx *sc, const DipToken *t)
{
	const char *x = sc->doc->text;

	return (t->flags & DIP_TF_NEWLINE) && t->start >= 2 &&
		(x[t->start - 1] == ' ' || x[t->start - 1] == '\t') &&
		(x[t->start - 2] == ' ' || x[t->start - 2] == '\t');
}

/* True if token i starts the sentence (only punctuation before it). */
static bool
sentence_initial(const DipSentCtx *sc, uint32_t i)
{
	/* the first word of an indented line (a row of a table) */
	if (i > 0 && indented_line(sc, &sc->t[i]))
		return true;
	for (uint32_t k = 0; k < i; k++)
	{
		const DipToken *t = &sc->t[k];

		if (t->type == DIP_TOK_WORD || t->type == DIP_TOK_NUMBER)
			return false;
		if (t->type == DIP_TOK_PUNCT && !(t->flags & (DIP_TF_OPENQ | DIP_TF_DASH)) &&
			!DIP_TOK_IS(t, ":") && !DIP_TOK_IS(t, "-"))
			return false;
	}
	return true;
}

static bool is_legal_form(const DipToken *t);
static bool tok_in(const DipToken *t, const char *const *list);

/*
 * Extends a capitalised name from token a.  Returns the end (exclusive).
 * Stops before a gazetteer match other than at a (the caller handles
 * those), and before titles.
 */
static uint32_t
name_span(DipSentCtx *sc, uint32_t a)
{
	uint32_t	j = a;
	uint32_t	n = sc->n;

	while (j < n)
	{
		const DipToken *t = &sc->t[j];

		/* a new name or role starts, unless inside a role phrase starting
		 * the span ("Foreign Ministry", "Supreme Court") */
		if (j > a && j >= a + sc->role_len[a] &&
			(sc->ent_len[j] > 0 || sc->role_len[j] > 0) && !(t->flags & DIP_TF_JOIN) &&
			!(sc->ent_len[j] == 0 && j + sc->role_len[j] < n &&
			  is_legal_form(&sc->t[j + sc->role_len[j]])))
			break;
		/* a new indented line is a new row of a table, not a wrapped name */
		if (j > a && indented_line(sc, t))
			break;
		/* "Record April 24": a date, not a name */
		if (j > a && (dip_lexof(sc, j) & LX_MONTH) && j + 1 < n && sc->t[j + 1].type == DIP_TOK_NUMBER)
			break;
		/* "Harris Upham and Co Inc" */
		if (j > a && j + 1 < n && (DIP_TOK_IS(t, "and") || DIP_TOK_IS(t, "&")) &&
			(DIP_TOK_IS(&sc->t[j + 1], "co") || DIP_TOK_IS(&sc->t[j + 1], "co.")))
		{
			j++;
			continue;
		}
		if (dip_tok_capword(t))
		{
			j++;
			continue;
		}
		if (j > a && (t->flags & DIP_TF_JOIN))
		{
			j++;
			continue;
		}
		/* "5th Fleet", "2nd Battalion": an ordinal before a capitalised word */
		if (t->type == DIP_TOK_NUMBER && j + 1 < n && dip_tok_capword(&sc->t[j + 1]) &&
			t->nlen >= 3 && (memcmp(t->norm + t->nlen - 2, "st", 2) == 0 ||
							 memcmp(t->norm + t->nlen - 2, "nd", 2) == 0 ||
							 memcmp(t->norm + t->nlen - 2, "rd", 2) == 0 ||
							 memcmp(t->norm + t->nlen - 2, "th", 2) == 0))
		{
			j++;
			continue;
		}
		/* "CTF 50", "Task Force 150": a number after an acronym or "Force" */
		if (j > a && t->type == DIP_TOK_NUMBER && !(t->flags & DIP_TF_JOIN) &&
			((sc->t[j - 1].flags & DIP_TF_ALLCAPS) || DIP_TOK_IS(&sc->t[j - 1], "force")) &&
			t->nlen <= 4 && (j + 1 >= n || !dip_tok_capword(&sc->t[j + 1])))
		{
			j++;
			break;
		}
		/* particles: van, de, al, bin, von between capitalised words */
		if (j > a && j + 1 < n && dip_tok_capword(&sc->t[j + 1]) &&
			(dip_lexof(sc, j) & LX_PARTICLE) && t->type == DIP_TOK_WORD &&
			!(t->flags & DIP_TF_UPPER) && sc->ent_len[j + 1] == 0)
		{
			j++;
			continue;
		}
		/* Procter & Gamble */
		if (j > a && j + 1 < n && DIP_TOK_IS(t, "&") && dip_tok_capword(&sc->t[j + 1]))
		{
			j++;
			continue;
		}
		break;
	}
	return j;
}

/* organisation suffix words that also tell the CAMEO role */
static const struct
{
	const char *word;
	const char *role;
}			org_roles[] = {
	{"ministry", "GOV"}, {"department", "GOV"}, {"office", "GOV"},
	{"commission", "GOV"}, {"agency", "GOV"}, {"council", "GOV"},
	{"cabinet", "GOV"}, {"government", "GOV"}, {"administration", "GOV"},
	{"army", "MIL"}, {"navy", "MIL"}, {"force", "MIL"}, {"forces", "MIL"},
	{"command", "MIL"}, {"brigade", "MIL"}, {"corps", "MIL"}, {"guard", "MIL"},
	{"battalion", "MIL"}, {"regiment", "MIL"}, {"division", "MIL"},
	{"police", "COP"}, {"court", "JUD"}, {"tribunal", "JUD"},
	{"parliament", "LEG"}, {"assembly", "LEG"}, {"senate", "LEG"},
	{"congress", "LEG"}, {"university", "EDU"}, {"college", "EDU"},
	{"school", "EDU"}, {"bank", "BUS"}, {"inc", "BUS"}, {"inc.", "BUS"},
	{"corp", "BUS"}, {"corp.", "BUS"}, {"corporation", "BUS"}, {"ltd", "BUS"},
	{"ltd.", "BUS"}, {"company", "BUS"}, {"group", "BUS"}, {"airlines", "BUS"},
	{"news", "MED"}, {"times", "MED"}, {"post", "MED"}, {"radio", "MED"},
	{"television", "MED"}, {"tv", "MED"}, {"embassy", "GOV"}, {"consulate", "GOV"},
};

static const char *
org_role(const DipToken *t)
{
	for (size_t i = 0; i < sizeof(org_roles) / sizeof(org_roles[0]); i++)
		if (dip_tok_is(t, org_roles[i].word))
			return org_roles[i].role;
	return "";
}

/* word endings that make a capitalised word an event, law or product */
static const char *const misc_heads[] = {
	"cup", "championship", "championships", "games", "olympics", "open",
	"tournament", "prize", "award", "awards", "festival", "trophy",
	"series", "bowl", "marathon", "grand", "act", "treaty", "accord",
	"accords", "agreement", "doctrine", "plan", "initiative", "war",
	"day", "week", "year", "era", NULL
};

/* "Dlrs", "Mths" are abbreviations, not names */
static bool
has_vowel(const DipToken *t)
{
	for (uint32_t k = 0; k < t->nlen; k++)
		if (strchr("aeiouy", t->norm[k]) != NULL && t->norm[k] != '\0')
			return true;
	return false;
}

/* legal forms of companies: "Corp", "Inc.", "Co", "Ltd", "AG", "Plc" */
static bool
is_legal_form(const DipToken *t)
{
	static const char *const forms[] = {
		"corp", "corp.", "corporation", "inc", "inc.", "co", "co.", "ltd", "ltd.", "limited",
		"plc", "ag", "sa", "s.a.", "nv", "n.v.", "bv", "gmbh", "llc", "lp", "l.p.", "spa",
		"s.p.a.", "bhd", "pty", "kk", "k.k.", NULL
	};

	return tok_in(t, forms);
}

/* compass adjectives that name a region of a place: "Northern Iraq" */
static bool
is_direction(const DipToken *t)
{
	static const char *const dirs[] = {
		"northern", "southern", "eastern", "western", "central", "north", "south",
		"east", "west", "northeastern", "northwestern", "southeastern", "southwestern",
		"northeast", "northwest", "southeast", "southwest", NULL
	};

	return tok_in(t, dirs);
}

static bool
is_storm(const DipToken *t)
{
	return DIP_TOK_IS(t, "hurricane") || DIP_TOK_IS(t, "typhoon") || DIP_TOK_IS(t, "cyclone") ||
		DIP_TOK_IS(t, "storm") || DIP_TOK_IS(t, "tropical");
}

static bool
is_misc_head(const DipToken *t)
{
	for (int i = 0; misc_heads[i]; i++)
		if (dip_tok_is(t, misc_heads[i]))
			return true;
	return false;
}

static bool
tok_in(const DipToken *t, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (dip_tok_is(t, list[i]))
			return true;
	return false;
}

/* a small whole number, as in a match result */
static bool
is_score(const DipToken *t)
{
	if (t->type != DIP_TOK_NUMBER || t->nlen > 2)
		return false;
	for (uint32_t k = 0; k < t->nlen; k++)
		if (t->norm[k] < '0' || t->norm[k] > '9')
			return false;
	return true;
}

/*
 * The kind of an unknown one-word name from the words around it: places
 * follow "of", "in", "from" and directions and precede "province"; people
 * are followed by "said" or "'s"; a number next to it is a league table
 * (teams); otherwise a place, the most frequent kind of such words.
 */
static int
guess_single(DipSentCtx *sc, uint32_t a, bool *weak)
{
	static const char *const loc_prev[] = {
		"of", "in", "at", "from", "to", "near", "into", "across", "outside",
		"inside", "toward", "towards", "through", "southern", "northern",
		"eastern", "western", "central", "south", "north", "east", "west",
		"northeastern", "northwestern", "southeastern", "southwestern", NULL
	};
	static const char *const loc_next[] = {
		"province", "provinces", "district", "region", "county", "state",
		"city", "town", "village", "valley", "river", "island", "islands",
		"governorate", "prefecture", "oblast", "area", NULL
	};
	static const char *const per_next[] = {
		"said", "says", "told", "was", "has", "had", "will", "would", "added",
		"who", "says", "stated", "wrote", "died", NULL
	};
	const DipToken *t = sc->t;
	uint32_t	n = sc->n;
	uint32_t	lfirst = dip_lexof(sc, a);
	const DipToken *prev = a > 0 ? &t[a - 1] : NULL;
	const DipToken *next = a + 1 < n ? &t[a + 1] : NULL;

	if (lfirst & (LX_GIVEN | LX_SURNAME))
	{
		if (prev && tok_in(prev, loc_prev) && !(lfirst & LX_GIVEN))
			return DIP_KIND_LOC;
		return DIP_KIND_PER;
	}
	/* a score next to it: "Arsenal 2 Chelsea 1" (not "Milepost 0.8:") */
	if ((prev && is_score(prev)) ||
		(next && is_score(next) && !(a + 2 < n && DIP_TOK_IS(&t[a + 2], ":"))))
		return DIP_KIND_ORG;
	if (prev && tok_in(prev, loc_prev))
		return DIP_KIND_LOC;
	if (next && tok_in(next, loc_next) && !(next->flags & DIP_TF_UPPER))
		return DIP_KIND_LOC;
	if (next && (tok_in(next, per_next) || next->type == DIP_TOK_CLITIC))
		return DIP_KIND_PER;
	/* no evidence: kept only if the document resolves it */
	*weak = true;
	return DIP_KIND_ORG;
}

/*
 * Decides the kind of an unknown capitalised span [a, b).  Returns
 * DIP_KIND_NONE if the span should not be an entity.  *how is set to
 * DIP_HOW_RULE when the evidence is explicit, DIP_HOW_GUESS otherwise.
 */
static int
type_span(DipSentCtx *sc, uint32_t a, uint32_t b, int *how, bool *weak)
{
	const DipToken *t = sc->t;
	uint32_t	n = b - a;
	uint32_t	lfirst = dip_lexof(sc, a);
	uint32_t	llast = dip_lexof(sc, b - 1);
	uint32_t	lprev = a > 0 ? dip_lexof(sc, a - 1) : 0;
	bool		allcaps_acronym;
	uint32_t	common = 0,
				given = 0,
				surname = 0,
				words = 0;

	*how = DIP_HOW_RULE;
	for (uint32_t i = a; i < b; i++)
	{
		uint32_t	l = dip_lexof(sc, i);

		if (t[i].type != DIP_TOK_WORD || (t[i].flags & DIP_TF_JOIN))
			continue;
		words++;
		if (l & LX_COMMON)
			common++;
		if (l & LX_GIVEN)
			given++;
		if (l & LX_SURNAME)
			surname++;
	}
	/* events, laws, storms and products are not ours to type */
	if (is_misc_head(&t[b - 1]) && n > 1)
		return DIP_KIND_NONE;
	if (is_storm(&t[a]) && n > 1)
		return DIP_KIND_NONE;
	/* "Operation Inherent Resolve", ships "USS Mahan", "HMS Ocean" */
	if (n > 1 && (DIP_TOK_IS(&t[a], "operation") || DIP_TOK_IS(&t[a], "uss") || DIP_TOK_IS(&t[a], "hms") ||
				  DIP_TOK_IS(&t[a], "fs") || DIP_TOK_IS(&t[a], "ins") || DIP_TOK_IS(&t[a], "mv") ||
				  DIP_TOK_IS(&t[a], "hmas") || DIP_TOK_IS(&t[a], "hmcs")))
		return DIP_KIND_NONE;
	for (uint32_t i = a; i < b; i++)
		if (DIP_TOK_IS(&t[i], "war") && n > 1)
			return DIP_KIND_NONE;
	/* a title alone ("Foreign Secretary") names no one */
	if (sc->role_len[a] >= n && !(llast & LX_ORG_SUFFIX) &&
		(sc->an->dict->roles[sc->role_ref[a]].use & DIP_ROLE_TITLE))
		return DIP_KIND_NONE;
	/* "the Senate", "the Army": an organisation word after "the" */
	if (n == 1 && (lfirst & LX_ORG_SUFFIX) && a > 0 && DIP_TOK_IS(&t[a - 1], "the") &&
		!(lfirst & (LX_GIVEN | LX_SURNAME)))
		return DIP_KIND_ORG;
	/* codes such as H5N1 or F-16 */
	if (n == 1 && (t[a].flags & DIP_TF_DIGITS))
		return DIP_KIND_NONE;
	/* "CTF 50" is a unit; "(DDG 70)", "D 32" are hull or road numbers */
	if (n == 2 && t[a + 1].type == DIP_TOK_NUMBER)
	{
		if ((a > 0 && DIP_TOK_IS(&t[a - 1], "(")) || t[a].nlen < 3 ||
			!(t[a].flags & DIP_TF_ALLCAPS))
			return DIP_KIND_NONE;
		return DIP_KIND_ORG;
	}
	if (n == 1 && (lfirst & (LX_MONTH | LX_WEEKDAY | LX_NOT_NAME)))
		return DIP_KIND_NONE;
	if (n == 1 && (lfirst & (LX_PRON | LX_DET | LX_CONJ | LX_AUX | LX_PREP)))
		return DIP_KIND_NONE;

	/*
	 * "County", "City", "Town": a club after a known place ("Derby County",
	 * "Manchester City"), otherwise a place ("Fairfax County").
	 */
	if (n > 1 && (DIP_TOK_IS(&t[b - 1], "county") || DIP_TOK_IS(&t[b - 1], "city") ||
				  DIP_TOK_IS(&t[b - 1], "town")))
	{
		if (sc->ent_len[a] == n - 1 && sc->ent_ref[a] >= 0)
		{
			int			k = sc->an->dict->entities[sc->ent_ref[a]].kind;

			if (k == DIP_KIND_GPE || k == DIP_KIND_LOC)
				return DIP_KIND_ORG;
		}
		return DIP_KIND_LOC;
	}
	/* organisation suffix or head */
	if ((llast & LX_ORG_SUFFIX) && n > 1)
		return DIP_KIND_ORG;
	if ((lfirst & LX_ORG_HEAD) && n > 1)
		return DIP_KIND_ORG;
	/* place suffix or head */
	if ((llast & LX_LOC_SUFFIX) && n > 1)
		return DIP_KIND_LOC;
	if ((lfirst & LX_LOC_HEAD) && n > 1)
		return DIP_KIND_LOC;
	/* honorific before: Mr. Smith */
	if (a > 0 && (lprev & LX_PER_TITLE))
		return DIP_KIND_PER;
	/* acronyms are organisations: NATO-like unknowns */
	allcaps_acronym = n == 1 && (t[a].flags & DIP_TF_ALLCAPS) && t[a].nlen >= 2 &&
		t[a].nlen <= 6 && !(t[a].flags & DIP_TF_DIGITS);
	if (allcaps_acronym && !sc->caseless)
		return DIP_KIND_ORG;
	/* given name first, or given name + surname */
	if (n >= 2 && (lfirst & LX_GIVEN) && !(lfirst & LX_COMMON))
		return DIP_KIND_PER;
	if (n >= 2 && (llast & LX_SURNAME) && !(llast & LX_COMMON))
		return DIP_KIND_PER;
	if (n >= 2 && (lfirst & LX_GIVEN))
		return DIP_KIND_PER;
	if (n >= 2 && t[a + 1].flags & DIP_TF_INITIAL)
		return DIP_KIND_PER;
	/* a place after in/at/near */
	if (n == 1 && a > 0 && (lprev & LX_LOC_PREP) && !(lfirst & (LX_GIVEN | LX_SURNAME)))
	{
		*how = DIP_HOW_GUESS;
		return DIP_KIND_LOC;
	}
	/* all common words, no name evidence: not an entity */
	if (words > 0 && common == words && given == 0 && surname == 0)
		return DIP_KIND_NONE;
	*how = DIP_HOW_GUESS;
	if (n == 1)
		return guess_single(sc, a, weak);
	/* "the Bowling Green Falcons", "at Lincoln Reservoir": not a person */
	if (a > 0 && (DIP_TOK_IS(&t[a - 1], "the") || DIP_TOK_IS(&t[a - 1], "a")))
		return DIP_KIND_ORG;
	if (a > 0 && (DIP_TOK_IS(&t[a - 1], "in") || DIP_TOK_IS(&t[a - 1], "at") ||
				  DIP_TOK_IS(&t[a - 1], "near") || DIP_TOK_IS(&t[a - 1], "to") ||
				  DIP_TOK_IS(&t[a - 1], "into")))
		return DIP_KIND_LOC;
	if (n >= 2 && n <= 3)
		return DIP_KIND_PER;
	return DIP_KIND_ORG;
}

/* Country, and role, given by the words just before token a (a title). */
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

/*
 * A title (role used as a title, or an honorific) at i followed by a
 * name: returns true and emits the person.  Titles may chain
 * ("Deputy Foreign Minister", "U.S. Secretary of State").
 */
static bool
try_title(DipSentCtx *sc, uint32_t i, uint32_t *next)
{
	DipAnalysis *an = sc->an;
	const DipDict *d = an->dict;
	uint32_t	j = i;
	const DipRole *role = NULL;
	char		country[4];
	uint32_t	a,
				b;
	int32_t		mi;
	DipEnt	   *e;

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
			j++;
			continue;
		}
		break;
	}
	if (j == i || j >= sc->n)
		return false;
	/* the title must be written as a title (capitalised) or be followed by
	 * a capitalised name in running text: "spokesperson Matthew Miller" */
	a = j;
	if (sc->ent_len[a] > 0)
	{
		const DipEntity *ge = &d->entities[sc->ent_ref[a]];

		if (ge->kind != DIP_KIND_PER)
			return false;
		mi = dip_mention_dict(sc, a, sc->ent_len[a], sc->ent_ref[a]);
		b = a + sc->ent_len[a];
		an->m[mi].how = DIP_HOW_DICT;
	}
	else
	{
		if (!dip_tok_capword(&sc->t[a]) || sc->caseless)
			return false;
		if (dip_lexof(sc, a) & (LX_MONTH | LX_WEEKDAY | LX_PRON | LX_DET | LX_NOT_NAME))
			return false;
		/* "Supermarkets General Corp": a company, not General Corp */
		if (is_legal_form(&sc->t[a]))
			return false;
		b = name_span(sc, a);
		if (b == a)
			return false;
		/* "President Joe Biden and" fine; a lone common word is not a name */
		if (b - a == 1 && (dip_lexof(sc, a) & LX_COMMON) &&
			!(dip_lexof(sc, a) & (LX_SURNAME | LX_GIVEN)))
			return false;
		{
			int32_t		pe = (b == a + 1) ? dip_strmap_get(&an->names, sc->t[a].norm, sc->t[a].nlen) : -1;

			if (pe >= 0)
				mi = dip_mention_add(sc, a, b, DIP_KIND_PER, pe, DIP_HOW_ALIAS);
			else
				mi = dip_mention_add(sc, a, b, DIP_KIND_PER, dip_ent_from_span(sc, a, b, DIP_KIND_PER),
								 DIP_HOW_TITLE);
		}
	}
	context_country(sc, i, country);
	e = &an->ents[an->m[mi].entity];
	set_role(&an->m[mi], e, role, country);
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
	*next = b;
	return true;
}

/* "Ministry of Defence", "Bank of England": absorb an "of" complement. */
static uint32_t
of_chain(DipSentCtx *sc, uint32_t a, uint32_t b, int kind)
{
	uint32_t	n = sc->n;
	uint32_t	llast = dip_lexof(sc, b - 1);
	uint32_t	lfirst = dip_lexof(sc, a);

	if (kind != DIP_KIND_ORG && kind != DIP_KIND_LOC)
		return b;
	if (!(llast & (LX_ORG_SUFFIX | LX_ORG_HEAD | LX_LOC_HEAD | LX_LOC_SUFFIX)) &&
		!(lfirst & LX_ORG_HEAD))
		return b;
	if (b + 1 < n && DIP_TOK_IS(&sc->t[b], "of") && dip_tok_capword(&sc->t[b + 1]))
	{
		uint32_t	c = b + 1;
		uint32_t	e;

		if (sc->ent_len[c] > 0)
		{
			const DipEntity *ge = &sc->an->dict->entities[sc->ent_ref[c]];

			if (ge->kind != DIP_KIND_GPE && ge->kind != DIP_KIND_LOC)
				return b;
			e = c + sc->ent_len[c];
		}
		else
			e = name_span(sc, c);
		return e;
	}
	return b;
}

/* a line of a results table or standings: numbers, names, few words */
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

/* a line of a fixture list: "KANSAS CITY AT DETROIT" */
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

/* Recognises the entity mentions of one sentence. */
void
dip_recognise_sentence(DipSentCtx *sc)
{
	DipAnalysis *an = sc->an;
	const DipDict *d = an->dict;
	uint32_t	n = sc->n;
	uint32_t	i = 0;

	sc->first_mention = an->nm;
	if (sc->caseless)
	{
		/* only dictionary matches now; the alias pass adds the rest */
		uint32_t	k;

		bool		table = tabular(sc) || schedule(sc);

		for (i = 0; i < n; i++)
			if (sc->ent_len[i] > 0)
			{
				uint32_t	end = i + sc->ent_len[i];
				int			k = d->entities[sc->ent_ref[i]].kind;

				/* "CHICAGO 71 64 .526", "KANSAS CITY AT DETROIT": teams */
				if (table && (k == DIP_KIND_GPE || k == DIP_KIND_LOC) &&
					((end < n && (is_score(&sc->t[end]) || DIP_TOK_IS(&sc->t[end], "at"))) ||
					 (i > 0 && (is_score(&sc->t[i - 1]) || DIP_TOK_IS(&sc->t[i - 1], "at")))))
					dip_mention_add(sc, i, end, DIP_KIND_ORG,
								dip_ent_from_span(sc, i, end, DIP_KIND_ORG), DIP_HOW_RULE);
				else
					dip_mention_dict(sc, i, sc->ent_len[i], sc->ent_ref[i]);
				i = end - 1;
			}
		an->caseless = dip_array_reserve(&an->arena, an->caseless, &an->caselesscap,
										 an->ncaseless + 1, 3 * sizeof(uint32_t), 8);
		k = an->ncaseless++;
		an->caseless[k * 3] = sc->sent->start;
		an->caseless[k * 3 + 1] = sc->sent->len;
		an->caseless[k * 3 + 2] = sc->sent->number;
		return;
	}

	while (i < n)
	{
		const DipToken *t = &sc->t[i];
		uint32_t	next;

		/* lower-case words that no dictionary knows: evidence later */
		if (t->type == DIP_TOK_WORD && (t->flags & DIP_TF_LOWER) && t->wid == 0)
			dip_lcset_add(an, t->norm, t->nlen);

		if (sc->ent_len[i] > 0)
		{
			const DipEntity *ge = &d->entities[sc->ent_ref[i]];
			uint32_t	end = i + sc->ent_len[i];

			/* a place or nationality starting an organisation name:
			 * "Chinese Foreign Ministry" when not in the gazetteer */
			if ((ge->kind == DIP_KIND_GPE || ge->kind == DIP_KIND_NORP ||
				 ge->kind == DIP_KIND_LOC) &&
				end < n && dip_tok_capword(&sc->t[end]) && sc->ent_len[end] == 0 &&
				(sc->role_len[end] == 0 ||
				 !(d->roles[sc->role_ref[end]].use & DIP_ROLE_TITLE)) && !sc->caseless)
			{
				uint32_t	e2 = name_span(sc, end);
				int			mkind = DIP_KIND_NONE;
				bool		all_common = true;

				for (uint32_t k = end; k < e2; k++)
					if (sc->t[k].type == DIP_TOK_WORD && !(sc->t[k].flags & DIP_TF_JOIN) &&
						!(dip_lexof(sc, k) & LX_COMMON))
						all_common = false;
				if (e2 > end && (dip_lexof(sc, e2 - 1) & LX_ORG_SUFFIX))
					mkind = DIP_KIND_ORG;
				else if (e2 > end && ge->kind != DIP_KIND_NORP &&
						 (dip_lexof(sc, e2 - 1) & LX_LOC_SUFFIX))
					mkind = DIP_KIND_LOC;
				else if (e2 > end && (is_misc_head(&sc->t[e2 - 1]) ||
									  DIP_TOK_IS(&sc->t[end], "war")))
				{
					/* "Iraq War", "Paris Agreement": not ours */
					i = e2;
					continue;
				}
				else if (e2 > end && ge->kind != DIP_KIND_NORP && !all_common &&
						 !(dip_lexof(sc, end) & (LX_MONTH | LX_WEEKDAY | LX_NOT_NAME | LX_GIVEN)))
					mkind = DIP_KIND_ORG;	/* "Chicago Cubs", "Dynamo Kiev" */
				else if (e2 == end + 1 && ge->kind != DIP_KIND_NORP &&
						 sc->t[end].nlen > 3 && ends_with(&sc->t[end], "s") &&
						 !ends_with(&sc->t[end], "ss") &&
						 has_vowel(&sc->t[end]) &&
						 !(dip_lexof(sc, end) & (LX_MONTH | LX_WEEKDAY | LX_NOT_NAME)))
					mkind = DIP_KIND_ORG;	/* a team: "St. Louis Cardinals" */
				if (mkind != DIP_KIND_NONE)
				{
					int32_t		mi;
					DipEnt	   *e;

					e2 = of_chain(sc, i, e2, mkind);
					mi = dip_mention_add(sc, i, e2, mkind,
									 dip_ent_from_span(sc, i, e2, mkind), DIP_HOW_RULE);
					e = &an->ents[an->m[mi].entity];
					if (!e->country[0])
						memcpy(e->country, ge->country, 4);
					if (mkind == DIP_KIND_ORG && !e->role[0])
						strcpy(e->role, org_role(&sc->t[e2 - 1]));
					i = e2;
					continue;
				}
			}
			/* "U.S. Central Command", "Chinese Communist Party": a country
			 * or nationality before an organisation of that country */
			if ((ge->kind == DIP_KIND_GPE || ge->kind == DIP_KIND_NORP) && end < n &&
				sc->ent_len[end] > 0 && ge->country[0] &&
				d->entities[sc->ent_ref[end]].kind == DIP_KIND_ORG &&
				memcmp(d->entities[sc->ent_ref[end]].country, ge->country, 3) == 0)
			{
				int32_t		mi = dip_mention_dict(sc, end, sc->ent_len[end], sc->ent_ref[end]);

				dip_mention_extend_left(sc, mi, i);
				i = end + sc->ent_len[end];
				continue;
			}
			/* a team in a results table: "Atlanta 5 PITTSBURGH 1" */
			if ((ge->kind == DIP_KIND_GPE || ge->kind == DIP_KIND_LOC) && tabular(sc) &&
				((end < n && is_score(&sc->t[end])) || (i > 0 && is_score(&sc->t[i - 1]))))
			{
				dip_mention_add(sc, i, end, DIP_KIND_ORG, dip_ent_from_span(sc, i, end, DIP_KIND_ORG),
							DIP_HOW_RULE);
				i = end;
				continue;
			}
			/* a title that is also an entity name is a title here */
			if (sc->role_len[i] > sc->ent_len[i] && try_title(sc, i, &next))
			{
				i = next;
				continue;
			}
			/* "U.S.-led", "New York-based": an adjective, not a mention */
			if (end + 1 < n && DIP_TOK_IS(&sc->t[end], "-") && (sc->t[end].flags & DIP_TF_JOIN) &&
				(DIP_TOK_IS(&sc->t[end + 1], "led") || DIP_TOK_IS(&sc->t[end + 1], "based") ||
				 DIP_TOK_IS(&sc->t[end + 1], "born") || DIP_TOK_IS(&sc->t[end + 1], "made") ||
				 DIP_TOK_IS(&sc->t[end + 1], "owned") || DIP_TOK_IS(&sc->t[end + 1], "run") ||
				 DIP_TOK_IS(&sc->t[end + 1], "brokered") || DIP_TOK_IS(&sc->t[end + 1], "listed") ||
				 DIP_TOK_IS(&sc->t[end + 1], "registered") || DIP_TOK_IS(&sc->t[end + 1], "flagged")))
			{
				i = end + 2;
				continue;
			}
			/* "Xerox Corp", "Toyota Motor Co Ltd": the legal form belongs
			 * to the organisation's name as written */
			if (ge->kind == DIP_KIND_ORG)
			{
				uint32_t	e2 = end;

				while (e2 < n && e2 < end + 2 && dip_tok_capword(&sc->t[e2]) &&
					   sc->ent_len[e2] == 0 && is_legal_form(&sc->t[e2]))
					e2++;
				if (e2 > end)
				{
					dip_mention_dict(sc, i, e2 - i, sc->ent_ref[i]);
					i = e2;
					continue;
				}
			}
			/* "The Hague" keeps its article, but a sentence-initial "The"
			 * is only capitalised because it starts the sentence */
			if (DIP_TOK_IS(t, "the") && sc->ent_len[i] > 1 && sentence_initial(sc, i) &&
				sc->ent_len[i + 1] == sc->ent_len[i] - 1 && sc->ent_ref[i + 1] == sc->ent_ref[i])
				dip_mention_dict(sc, i + 1, sc->ent_len[i] - 1, sc->ent_ref[i]);
			else
				dip_mention_dict(sc, i, sc->ent_len[i], sc->ent_ref[i]);
			i = end;
			continue;
		}
		if (try_title(sc, i, &next))
		{
			i = next;
			continue;
		}
		/* "Northern Iraq", "Eastern Ukraine": a region of a known place */
		if (dip_tok_capword(t) && i + 1 < n && sc->ent_len[i + 1] > 0 && is_direction(t) &&
			(d->entities[sc->ent_ref[i + 1]].kind == DIP_KIND_GPE ||
			 d->entities[sc->ent_ref[i + 1]].kind == DIP_KIND_LOC))
		{
			const DipEntity *ge = &d->entities[sc->ent_ref[i + 1]];
			uint32_t	b = i + 1 + sc->ent_len[i + 1];
			int32_t		mi = dip_mention_add(sc, i, b, DIP_KIND_LOC,
										 dip_ent_from_span(sc, i, b, DIP_KIND_LOC), DIP_HOW_RULE);
			DipEnt	   *e = &an->ents[an->m[mi].entity];

			if (!e->country[0])
				memcpy(e->country, ge->country, 4);
			i = b;
			continue;
		}
		if (dip_tok_capword(t) && !(t->flags & DIP_TF_JOIN))
		{
			bool		initial = sentence_initial(sc, i);
			uint32_t	b;
			int			kind,
						how;
			bool		weak;
			uint32_t	lx = dip_lexof(sc, i);

			if (initial && (lx & (LX_COMMON | LX_NOT_NAME)) &&
				!(lx & (LX_GIVEN | LX_SURNAME | LX_ORG_HEAD | LX_LOC_HEAD)))
			{
				/* "The", "According", "Both": a capitalised common word */
				i++;
				continue;
			}
			b = name_span(sc, i);
			/* a surname of someone named in full before: "Blinken" */
			if (b == i + 1)
			{
				int32_t		pe = dip_strmap_get(&an->names, t->norm, t->nlen);

				if (pe >= 0)
				{
					dip_mention_add(sc, i, b, DIP_KIND_PER, pe, DIP_HOW_ALIAS);
					i = b;
					continue;
				}
				/* the surname of two people named before ("Carlo Citrone",
				 * "John Citrone"): a person, which one the text leaves open */
				if (pe == -2)
				{
					dip_mention_add(sc, i, b, DIP_KIND_PER, dip_ent_from_span(sc, i, b, DIP_KIND_PER),
								DIP_HOW_RULE);
					i = b;
					continue;
				}
				/* a gazetteer person known by the surname: "Biden" */
				if (!initial || !(dip_lexof(sc, i) & LX_COMMON))
				{
					int32_t		ge = dip_dict_surname_person(an->dict, t->wid, an->published);

					if (ge >= 0)
					{
						const DipEntity *gp = &d->entities[ge];

						dip_mention_add(sc, i, b, DIP_KIND_PER,
									dip_ent_add(an, DIP_KIND_PER, dip_str(d, gp->name), gp->namelen, ge),
									DIP_HOW_ALIAS);
						i = b;
						continue;
					}
				}
			}
			/* a label at the start of a line: "Scorers:", "NOTE:" */
			if ((initial || (t->flags & DIP_TF_NEWLINE)) && b == i + 1 && b < n &&
				DIP_TOK_IS(&sc->t[b], ":"))
			{
				i++;
				continue;
			}
			/* a sentence-initial single word with a verb or adverb ending */
			if (initial && b == i + 1 && t->wid == 0 &&
				(ends_with(t, "ing") || ends_with(t, "ly") || ends_with(t, "ed")))
			{
				i++;
				continue;
			}
			weak = false;
			kind = type_span(sc, i, b, &how, &weak);
			if (kind != DIP_KIND_NONE)
			{
				int32_t		mi;
				DipEnt	   *e;

				b = of_chain(sc, i, b, kind);
				mi = dip_mention_add(sc, i, b, kind, dip_ent_from_span(sc, i, b, kind), how);
				an->m[mi].weak = weak;
				e = &an->ents[an->m[mi].entity];
				if (kind == DIP_KIND_ORG && !e->role[0])
					strcpy(e->role, org_role(&sc->t[b - 1]));
				if (initial && b == i + 1 && !(lx & (LX_GIVEN | LX_SURNAME)))
					an->m[mi].tentative = 1;
				/* "of the Chinese Communist Party": country of the owner */
				if (kind == DIP_KIND_ORG && !e->country[0] && b + 2 < n &&
					DIP_TOK_IS(&sc->t[b], "of"))
				{
					uint32_t	c = b + 1;

					if (DIP_TOK_IS(&sc->t[c], "the"))
						c++;
					if (c < n && sc->ent_len[c] > 0)
						memcpy(e->country, d->entities[sc->ent_ref[c]].country, 4);
				}
				/* "Islamic Revolutionary Guard Corps (IRGC)" */
				if (b + 2 < n && DIP_TOK_IS(&sc->t[b], "(") && DIP_TOK_IS(&sc->t[b + 2], ")") &&
					(sc->t[b + 1].flags & DIP_TF_ALLCAPS) && sc->ent_len[b + 1] == 0)
				{
					dip_mention_add(sc, b + 1, b + 2, kind, an->m[mi].entity, DIP_HOW_ALIAS);
					i = b + 3;
					continue;
				}
			}
			i = b > i ? b : i + 1;
			continue;
		}
		i++;
	}
	/* dates, resolved against the publication date */
	if (an->published != DIP_DATE_NONE)
	{
		int			nd = dip_sentence_dates(sc);
		DipDateExpr *dx = sc->dates;

		for (int k = 0; k < nd; k++)
		{
			char		buf[16];
			bool		free = true;

			for (uint32_t q = dx[k].a; q < dx[k].b; q++)
				if (sc->tok_mention[q] >= 0)
					free = false;
			if (!free)
				continue;
			dip_date_format(dx[k].date, dx[k].prec, buf);
			if (buf[0])
				dip_mention_add(sc, dx[k].a, dx[k].b, DIP_KIND_DATE,
							dip_ent_add(an, DIP_KIND_DATE, buf, strlen(buf), -1), DIP_HOW_RULE);
		}
	}
}
