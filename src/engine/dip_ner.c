/*-------------------------------------------------------------------------
 *
 * dip_ner.c
 *	  Named entity recognition and resolution.
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
 * confirm.  At the end of the document, single words are resolved to
 * people and organisations named in full elsewhere ("Blinken" -> Antony
 * Blinken, wherever it occurs), capitalised common words seen in lower
 * case elsewhere are dropped, and actor codes are computed for the
 * publication date.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_nlp.h"
#include "dip_cameo.h"
#include "dip_date.h"
#include "dip_dates.h"

#include <stdio.h>
#include <stdlib.h>

#define Max(a, b) ((a) > (b) ? (a) : (b))
#include <string.h>

/* ------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------
 */
static inline uint32_t
lexof(const DipSentCtx *sc, uint32_t i)
{
	uint32_t	w = sc->t[i].wid;

	return w ? sc->an->dict->words[w].lex : 0;
}

static inline bool
tok_is(const DipToken *t, const char *s)
{
	size_t		l = strlen(s);

	return t->nlen == l && memcmp(t->norm, s, l) == 0;
}

static inline bool
is_capword(const DipToken *t)
{
	return (t->type == DIP_TOK_WORD || (t->type == DIP_TOK_NUMBER && (t->flags & DIP_TF_JOIN))) &&
		(t->flags & DIP_TF_UPPER);
}

static bool
ends_with(const DipToken *t, const char *suf)
{
	size_t		l = strlen(suf);

	return t->nlen > l + 2 && memcmp(t->norm + t->nlen - l, suf, l) == 0;
}

/* ------------------------------------------------------------------------
 * Document entities
 * ------------------------------------------------------------------------
 */
static void
ent_hash_grow(DipAnalysis *an)
{
	uint32_t	nsize = an->enthash_size ? an->enthash_size * 2 : 256;
	uint32_t   *nh = dip_arena_alloc0(&an->arena, nsize * sizeof(uint32_t));

	for (uint32_t e = 0; e < an->nents; e++)
	{
		DipEnt	   *de = &an->ents[e];
		uint32_t	h = dip_hash_bytes(de->name, de->namelen, de->kind) & (nsize - 1);

		while (nh[h] != 0)
			h = (h + 1) & (nsize - 1);
		nh[h] = e + 1;
	}
	an->enthash = nh;
	an->enthash_size = nsize;
}

/* Splits the normalised name into first and last words. */
static void
ent_words(DipAnalysis *an, DipEnt *de)
{
	const char *s;
	size_t		n;
	const char *sp;
	uint32_t	w;

	de->normlen = (uint32_t) dip_normalize(&an->arena, de->name, de->namelen, (char **) &de->norm);
	s = de->norm;
	n = de->normlen;
	de->ntok = 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] == ' ')
			de->ntok++;
	sp = memchr(s, ' ', n);
	de->first = s;
	de->firstlen = sp ? (uint32_t) (sp - s) : (uint32_t) n;
	sp = NULL;
	for (size_t i = n; i > 0; i--)
		if (s[i - 1] == ' ')
		{
			sp = s + i - 1;
			break;
		}
	de->last = sp ? sp + 1 : s;
	de->lastlen = sp ? (uint32_t) (s + n - sp - 1) : (uint32_t) n;
	/* a first word that is not a known given name may be a family name
	 * written first: "Liu Jianchao", "Kim Jong Un" */
	w = dip_vocab_lookup(an->dict, de->first, de->firstlen);
	if (de->ntok >= 2 && de->ntok <= 3 &&
		(w == 0 || !(an->dict->words[w].lex & (LX_GIVEN | LX_COMMON | LX_PER_TITLE))))
		de->first_is_surname = 1;
}

int32_t
dip_ent_add(DipAnalysis *an, int kind, const char *name, size_t len, int32_t dict)
{
	uint32_t	h;
	DipEnt	   *de;

	if ((an->nents + 1) * 2 > an->enthash_size)
		ent_hash_grow(an);
	h = dip_hash_bytes(name, len, (uint32_t) kind) & (an->enthash_size - 1);
	while (an->enthash[h] != 0)
	{
		de = &an->ents[an->enthash[h] - 1];
		if (de->kind == kind && de->namelen == len && memcmp(de->name, name, len) == 0)
		{
			if (de->dict < 0 && dict >= 0)
				de->dict = dict;
			return (int32_t) an->enthash[h] - 1;
		}
		h = (h + 1) & (an->enthash_size - 1);
	}
	DIP_ARRAY_PUSH(&an->arena, an->ents, an->nents, an->entcap, 32);
	de = &an->ents[an->nents];
	memset(de, 0, sizeof(*de));
	de->name = dip_arena_strndup(&an->arena, name, len);
	de->namelen = (uint32_t) len;
	de->kind = (uint8_t) kind;
	de->dict = dict;
	de->alias_of = -1;
	if (dict >= 0)
	{
		const DipEntity *ge = &an->dict->entities[dict];

		memcpy(de->country, ge->country, 4);
		memcpy(de->actor, ge->actor, sizeof(de->actor));
	}
	ent_words(an, de);
	an->enthash[h] = an->nents + 1;
	return (int32_t) an->nents++;
}

/*
 * Actor code of an entity at a date: for people with offices, the office
 * held that day (a former office holder is an elite, ELI); else the
 * dictionary's code; else country + role.
 */
const char *
dip_ent_actor_at(const DipAnalysis *an, const DipEnt *e, int32_t date, char *buf)
{
	if (e->dict >= 0)
	{
		const DipEntity *ge = &an->dict->entities[e->dict];

		if (ge->office_count > 0 && date != DIP_DATE_NONE)
		{
			const DipOffice *best = NULL;
			int32_t		last_end = INT32_MIN;

			for (uint32_t k = 0; k < ge->office_count; k++)
			{
				const DipOffice *o = &an->dict->offices[ge->office_first + k];

				if (o->start != DIP_NO_DATE && o->start > date)
					continue;
				if (o->end == INT32_MAX || o->end >= date)
				{
					/* prefer the higher office when several overlap */
					if (best == NULL || o->office < best->office)
						best = o;
				}
				else if (o->end > last_end)
					last_end = o->end;
			}
			if (best && best->actor[0])
			{
				strcpy(buf, best->actor);
				return buf;
			}
			if (best == NULL && last_end != INT32_MIN && ge->country[0])
			{
				snprintf(buf, 20, "%sELI", ge->country);
				return buf;
			}
		}
		if (ge->actor[0])
		{
			strcpy(buf, ge->actor);
			return buf;
		}
	}
	if (e->actor[0])
	{
		strcpy(buf, e->actor);
		return buf;
	}
	if (e->country[0])
	{
		snprintf(buf, 20, "%s%s", e->country, e->role);
		return buf;
	}
	if (e->role[0])
	{
		strcpy(buf, e->role);
		return buf;
	}
	buf[0] = '\0';
	return buf;
}

/* Maps key k to entity ent, or to -2 if it already maps to another. */
static void
strmap_put_ent(DipArena *arena, DipStrMap *m, const char *k, uint32_t len, int32_t ent)
{
	bool		found;
	int32_t    *v;

	if (len == 0)
		return;
	v = dip_strmap_put(arena, m, k, len, &found);
	if (!found)
		*v = ent;
	else if (*v != ent)
		*v = -2;
}

/* ------------------------------------------------------------------------
 * Mentions
 * ------------------------------------------------------------------------
 */
static int32_t
add_mention(DipSentCtx *sc, uint32_t a, uint32_t b, int kind, int32_t ent, int how)
{
	DipAnalysis *an = sc->an;
	DipMention *m;
	const DipToken *f = &sc->t[a],
			   *l = &sc->t[b - 1];

	DIP_ARRAY_PUSH(&an->arena, an->m, an->nm, an->mcap, 64);
	m = &an->m[an->nm];
	memset(m, 0, sizeof(*m));
	m->start = f->start;
	m->len = l->start + l->len - f->start;
	m->cstart = f->cstart;
	m->clen = l->cstart + l->clen - f->cstart;
	m->sentence = sc->sent->number;
	m->entity = ent;
	m->kind = (uint8_t) kind;
	m->how = (uint8_t) how;
	m->ntok = (uint8_t) (b - a > 255 ? 255 : b - a);
	if (b - a == 1)
		m->wid = f->wid;
	if (an->ents[ent].best_how == 0 || how < an->ents[ent].best_how)
		an->ents[ent].best_how = (uint8_t) how;
	/* a person named in full: remember the surname */
	if (kind == DIP_KIND_PER && an->ents[ent].ntok >= 2)
	{
		DipEnt	   *e = &an->ents[ent];

		strmap_put_ent(&an->arena, &an->names, e->last, e->lastlen, ent);
		if (e->first_is_surname)
			strmap_put_ent(&an->arena, &an->names, e->first, e->firstlen, ent);
	}
	for (uint32_t i = a; i < b; i++)
		sc->tok_mention[i] = (int32_t) an->nm;
	return (int32_t) an->nm++;
}

/* Canonical name of a span as written: white space collapsed. */
static int32_t
ent_from_span(DipSentCtx *sc, uint32_t a, uint32_t b, int kind)
{
	const DipDoc *doc = sc->doc;
	uint32_t	s = sc->t[a].start;
	uint32_t	e = sc->t[b - 1].start + sc->t[b - 1].len;
	char		buf[512];
	size_t		n = 0;
	bool		space = false;

	for (uint32_t i = s; i < e && n < sizeof(buf) - 1; i++)
	{
		char		c = doc->text[i];

		if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
		{
			space = true;
			continue;
		}
		if (space && n > 0)
			buf[n++] = ' ';
		space = false;
		if (n < sizeof(buf) - 1)
			buf[n++] = c;
	}
	/* a trailing possessive period of an abbreviation stays: "U.S." */
	return dip_ent_add(sc->an, kind, buf, n, -1);
}

/* ------------------------------------------------------------------------
 * Recognition in a sentence
 * ------------------------------------------------------------------------
 */

/* True if token i starts the sentence (only punctuation before it). */
static bool is_legal_form(const DipToken *t);

/* Does token t start a line indented by two or more blanks? */
static bool
indented_line(const DipSentCtx *sc, const DipToken *t)
{
	const char *x = sc->doc->text;

	return (t->flags & DIP_TF_NEWLINE) && t->start >= 2 &&
		(x[t->start - 1] == ' ' || x[t->start - 1] == '\t') &&
		(x[t->start - 2] == ' ' || x[t->start - 2] == '\t');
}

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
		if (j > a && (lexof(sc, j) & LX_MONTH) && j + 1 < n && sc->t[j + 1].type == DIP_TOK_NUMBER)
			break;
		/* "Harris Upham and Co Inc" */
		if (j > a && j + 1 < n && (DIP_TOK_IS(t, "and") || DIP_TOK_IS(t, "&")) &&
			(DIP_TOK_IS(&sc->t[j + 1], "co") || DIP_TOK_IS(&sc->t[j + 1], "co.")))
		{
			j++;
			continue;
		}
		if (is_capword(t))
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
		if (t->type == DIP_TOK_NUMBER && j + 1 < n && is_capword(&sc->t[j + 1]) &&
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
			t->nlen <= 4 && (j + 1 >= n || !is_capword(&sc->t[j + 1])))
		{
			j++;
			break;
		}
		/* particles: van, de, al, bin, von between capitalised words */
		if (j > a && j + 1 < n && is_capword(&sc->t[j + 1]) &&
			(lexof(sc, j) & LX_PARTICLE) && t->type == DIP_TOK_WORD &&
			!(t->flags & DIP_TF_UPPER) && sc->ent_len[j + 1] == 0)
		{
			j++;
			continue;
		}
		/* Procter & Gamble */
		if (j > a && j + 1 < n && DIP_TOK_IS(t, "&") && is_capword(&sc->t[j + 1]))
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
		if (tok_is(t, org_roles[i].word))
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

static bool tok_in(const DipToken *t, const char *const *list);

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
		if (tok_is(t, misc_heads[i]))
			return true;
	return false;
}


static bool
tok_in(const DipToken *t, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (tok_is(t, list[i]))
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
	uint32_t	lfirst = lexof(sc, a);
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
	uint32_t	lfirst = lexof(sc, a);
	uint32_t	llast = lexof(sc, b - 1);
	uint32_t	lprev = a > 0 ? lexof(sc, a - 1) : 0;
	bool		allcaps_acronym;
	uint32_t	common = 0,
				given = 0,
				surname = 0,
				words = 0;

	*how = DIP_HOW_RULE;
	for (uint32_t i = a; i < b; i++)
	{
		uint32_t	l = lexof(sc, i);

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
			(lexof(sc, k) & LX_ADJ) && a - k < 3)
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
 * Lower-case words seen in the document (a set).  Token strings live only
 * as long as their chunk of the document, so the set keeps its own copy.
 */
static void
lcset_add(DipAnalysis *an, const char *s, uint32_t len)
{
	bool		found;
	char	   *copy;

	if (dip_strmap_get(&an->lcset, s, len) >= 0)
		return;
	copy = dip_arena_alloc(&an->arena, len + 1);
	memcpy(copy, s, len);
	copy[len] = '\0';
	*dip_strmap_put(&an->arena, &an->lcset, copy, len, &found) = 0;
}

static bool
lcset_has(const DipAnalysis *an, const char *s, uint32_t len)
{
	return dip_strmap_get(&an->lcset, s, len) >= 0;
}

/*
 * A one-word name that the document never gives in full: a surname of a
 * gazetteer person ("Kishida"), preferring whoever held an office at the
 * publication date.  Returns the dictionary entity or -1.
 */
static int32_t
surname_person(const DipAnalysis *an, uint32_t wid)
{
	const DipDict *d = an->dict;
	uint32_t	node;
	const DipNode *nd;
	int32_t		best = -1;
	int			best_score = -1;
	int			candidates = 0;

	if (wid == 0 || (d->words[wid].lex & (LX_COMMON | LX_NOT_NAME)))
		return -1;
	node = dip_trie_child(d, 0, wid);
	if (node == 0)
		return -1;
	nd = &d->nodes[node];
	for (uint32_t k = 0; k < nd->item_count; k++)
	{
		const DipItem *it = &d->items[nd->item_first + k];
		const DipEntity *ge;
		int			score = 0;

		if (it->type != DIP_ITEM_SURNAME)
			continue;
		/* a first word counts only when it is not a given name */
		if ((it->capmask & 2) && (d->words[wid].lex & LX_GIVEN))
			continue;
		ge = &d->entities[it->ref];
		candidates++;
		if (an->published != DIP_DATE_NONE && ge->office_count > 0)
		{
			for (uint32_t o = 0; o < ge->office_count; o++)
			{
				const DipOffice *of = &d->offices[ge->office_first + o];

				if ((of->start == DIP_NO_DATE || of->start <= an->published) &&
					(of->end == INT32_MAX || of->end >= an->published))
					score = Max(score, 3 + (of->office <= DIP_OFFICE_FOREIGN_MINISTER ? 1 : 0));
			}
		}
		if (score == 0 && ge->office_count > 0)
			score = 1;
		if (score > best_score)
		{
			best_score = score;
			best = (int32_t) it->ref;
		}
		else if (score == best_score)
			best = -2;			/* a tie: ambiguous */
	}
	if (best < 0)
		return -1;
	/* with no date, only an unambiguous surname resolves */
	if (best_score < 3 && candidates > 1)
		return -1;
	return best;
}

/* Emits a gazetteer match at [i, i+len); returns the mention index. */
static int32_t
emit_dict(DipSentCtx *sc, uint32_t i, uint32_t len, int32_t ref)
{
	const DipEntity *ge = &sc->an->dict->entities[ref];
	int32_t		e = dip_ent_add(sc->an, ge->kind, dip_str(sc->an->dict, ge->name),
								ge->namelen, ref);

	return add_mention(sc, i, i + len, ge->kind, e, DIP_HOW_DICT);
}

/* Moves the start of mention mi back to token t0 (a title). */
static void
extend_mention_left(DipSentCtx *sc, int32_t mi, uint32_t t0)
{
	DipMention *m = &sc->an->m[mi];
	const DipToken *f = &sc->t[t0];
	uint32_t	end = m->start + m->len;
	uint32_t	cend = m->cstart + m->clen;

	for (uint32_t k = t0; k < sc->n && sc->t[k].start < m->start; k++)
		sc->tok_mention[k] = mi;
	m->start = f->start;
	m->len = end - f->start;
	m->cstart = f->cstart;
	m->clen = cend - f->cstart;
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
		if (sc->t[j].type == DIP_TOK_WORD && (lexof(sc, j) & LX_PER_TITLE) &&
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
		mi = emit_dict(sc, a, sc->ent_len[a], sc->ent_ref[a]);
		b = a + sc->ent_len[a];
		an->m[mi].how = DIP_HOW_DICT;
	}
	else
	{
		if (!is_capword(&sc->t[a]) || sc->caseless)
			return false;
		if (lexof(sc, a) & (LX_MONTH | LX_WEEKDAY | LX_PRON | LX_DET | LX_NOT_NAME))
			return false;
		/* "Supermarkets General Corp": a company, not General Corp */
		if (is_legal_form(&sc->t[a]))
			return false;
		b = name_span(sc, a);
		if (b == a)
			return false;
		/* "President Joe Biden and" fine; a lone common word is not a name */
		if (b - a == 1 && (lexof(sc, a) & LX_COMMON) &&
			!(lexof(sc, a) & (LX_SURNAME | LX_GIVEN)))
			return false;
		{
			int32_t		pe = (b == a + 1) ? dip_strmap_get(&an->names, sc->t[a].norm, sc->t[a].nlen) : -1;

			if (pe >= 0)
				mi = add_mention(sc, a, b, DIP_KIND_PER, pe, DIP_HOW_ALIAS);
			else
				mi = add_mention(sc, a, b, DIP_KIND_PER, ent_from_span(sc, a, b, DIP_KIND_PER),
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
			extend_mention_left(sc, mi, i);
	}
	*next = b;
	return true;
}

/* "Ministry of Defence", "Bank of England": absorb an "of" complement. */
static uint32_t
of_chain(DipSentCtx *sc, uint32_t a, uint32_t b, int kind)
{
	uint32_t	n = sc->n;
	uint32_t	llast = lexof(sc, b - 1);
	uint32_t	lfirst = lexof(sc, a);

	if (kind != DIP_KIND_ORG && kind != DIP_KIND_LOC)
		return b;
	if (!(llast & (LX_ORG_SUFFIX | LX_ORG_HEAD | LX_LOC_HEAD | LX_LOC_SUFFIX)) &&
		!(lfirst & LX_ORG_HEAD))
		return b;
	if (b + 1 < n && DIP_TOK_IS(&sc->t[b], "of") && is_capword(&sc->t[b + 1]))
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

void
dip_ner_sentence(DipSentCtx *sc)
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
					add_mention(sc, i, end, DIP_KIND_ORG,
								ent_from_span(sc, i, end, DIP_KIND_ORG), DIP_HOW_RULE);
				else
					emit_dict(sc, i, sc->ent_len[i], sc->ent_ref[i]);
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
			lcset_add(an, t->norm, t->nlen);

		if (sc->ent_len[i] > 0)
		{
			const DipEntity *ge = &d->entities[sc->ent_ref[i]];
			uint32_t	end = i + sc->ent_len[i];

			/* a place or nationality starting an organisation name:
			 * "Chinese Foreign Ministry" when not in the gazetteer */
			if ((ge->kind == DIP_KIND_GPE || ge->kind == DIP_KIND_NORP ||
				 ge->kind == DIP_KIND_LOC) &&
				end < n && is_capword(&sc->t[end]) && sc->ent_len[end] == 0 &&
				(sc->role_len[end] == 0 ||
				 !(d->roles[sc->role_ref[end]].use & DIP_ROLE_TITLE)) && !sc->caseless)
			{
				uint32_t	e2 = name_span(sc, end);
				int			mkind = DIP_KIND_NONE;
				bool		all_common = true;

				for (uint32_t k = end; k < e2; k++)
					if (sc->t[k].type == DIP_TOK_WORD && !(sc->t[k].flags & DIP_TF_JOIN) &&
						!(lexof(sc, k) & LX_COMMON))
						all_common = false;
				if (e2 > end && (lexof(sc, e2 - 1) & LX_ORG_SUFFIX))
					mkind = DIP_KIND_ORG;
				else if (e2 > end && ge->kind != DIP_KIND_NORP &&
						 (lexof(sc, e2 - 1) & LX_LOC_SUFFIX))
					mkind = DIP_KIND_LOC;
				else if (e2 > end && (is_misc_head(&sc->t[e2 - 1]) ||
									  DIP_TOK_IS(&sc->t[end], "war")))
				{
					/* "Iraq War", "Paris Agreement": not ours */
					i = e2;
					continue;
				}
				else if (e2 > end && ge->kind != DIP_KIND_NORP && !all_common &&
						 !(lexof(sc, end) & (LX_MONTH | LX_WEEKDAY | LX_NOT_NAME | LX_GIVEN)))
					mkind = DIP_KIND_ORG;	/* "Chicago Cubs", "Dynamo Kiev" */
				else if (e2 == end + 1 && ge->kind != DIP_KIND_NORP &&
						 sc->t[end].nlen > 3 && ends_with(&sc->t[end], "s") &&
						 !ends_with(&sc->t[end], "ss") &&
						 has_vowel(&sc->t[end]) &&
						 !(lexof(sc, end) & (LX_MONTH | LX_WEEKDAY | LX_NOT_NAME)))
					mkind = DIP_KIND_ORG;	/* a team: "St. Louis Cardinals" */
				if (mkind != DIP_KIND_NONE)
				{
					int32_t		mi;
					DipEnt	   *e;

					e2 = of_chain(sc, i, e2, mkind);
					mi = add_mention(sc, i, e2, mkind,
									 ent_from_span(sc, i, e2, mkind), DIP_HOW_RULE);
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
				int32_t		mi = emit_dict(sc, end, sc->ent_len[end], sc->ent_ref[end]);

				extend_mention_left(sc, mi, i);
				i = end + sc->ent_len[end];
				continue;
			}
			/* a team in a results table: "Atlanta 5 PITTSBURGH 1" */
			if ((ge->kind == DIP_KIND_GPE || ge->kind == DIP_KIND_LOC) && tabular(sc) &&
				((end < n && is_score(&sc->t[end])) || (i > 0 && is_score(&sc->t[i - 1]))))
			{
				add_mention(sc, i, end, DIP_KIND_ORG, ent_from_span(sc, i, end, DIP_KIND_ORG),
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

				while (e2 < n && e2 < end + 2 && is_capword(&sc->t[e2]) &&
					   sc->ent_len[e2] == 0 && is_legal_form(&sc->t[e2]))
					e2++;
				if (e2 > end)
				{
					emit_dict(sc, i, e2 - i, sc->ent_ref[i]);
					i = e2;
					continue;
				}
			}
			/* "The Hague" keeps its article, but a sentence-initial "The"
			 * is only capitalised because it starts the sentence */
			if (DIP_TOK_IS(t, "the") && sc->ent_len[i] > 1 && sentence_initial(sc, i) &&
				sc->ent_len[i + 1] == sc->ent_len[i] - 1 && sc->ent_ref[i + 1] == sc->ent_ref[i])
				emit_dict(sc, i + 1, sc->ent_len[i] - 1, sc->ent_ref[i]);
			else
				emit_dict(sc, i, sc->ent_len[i], sc->ent_ref[i]);
			i = end;
			continue;
		}
		if (try_title(sc, i, &next))
		{
			i = next;
			continue;
		}
		/* "Northern Iraq", "Eastern Ukraine": a region of a known place */
		if (is_capword(t) && i + 1 < n && sc->ent_len[i + 1] > 0 && is_direction(t) &&
			(d->entities[sc->ent_ref[i + 1]].kind == DIP_KIND_GPE ||
			 d->entities[sc->ent_ref[i + 1]].kind == DIP_KIND_LOC))
		{
			const DipEntity *ge = &d->entities[sc->ent_ref[i + 1]];
			uint32_t	b = i + 1 + sc->ent_len[i + 1];
			int32_t		mi = add_mention(sc, i, b, DIP_KIND_LOC,
										 ent_from_span(sc, i, b, DIP_KIND_LOC), DIP_HOW_RULE);
			DipEnt	   *e = &an->ents[an->m[mi].entity];

			if (!e->country[0])
				memcpy(e->country, ge->country, 4);
			i = b;
			continue;
		}
		if (is_capword(t) && !(t->flags & DIP_TF_JOIN))
		{
			bool		initial = sentence_initial(sc, i);
			uint32_t	b;
			int			kind,
						how;
			bool		weak;
			uint32_t	lx = lexof(sc, i);

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
					add_mention(sc, i, b, DIP_KIND_PER, pe, DIP_HOW_ALIAS);
					i = b;
					continue;
				}
				/* the surname of two people named before ("Carlo Citrone",
				 * "John Citrone"): a person, which one the text leaves open */
				if (pe == -2)
				{
					add_mention(sc, i, b, DIP_KIND_PER, ent_from_span(sc, i, b, DIP_KIND_PER),
								DIP_HOW_RULE);
					i = b;
					continue;
				}
				/* a gazetteer person known by the surname: "Biden" */
				if (!initial || !(lexof(sc, i) & LX_COMMON))
				{
					int32_t		ge = surname_person(an, t->wid);

					if (ge >= 0)
					{
						const DipEntity *gp = &d->entities[ge];

						add_mention(sc, i, b, DIP_KIND_PER,
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
				mi = add_mention(sc, i, b, kind, ent_from_span(sc, i, b, kind), how);
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
					add_mention(sc, b + 1, b + 2, kind, an->m[mi].entity, DIP_HOW_ALIAS);
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
				add_mention(sc, dx[k].a, dx[k].b, DIP_KIND_DATE,
							dip_ent_add(an, DIP_KIND_DATE, buf, strlen(buf), -1), DIP_HOW_RULE);
		}
	}
}

/* ------------------------------------------------------------------------
 * End of document: aliases, caseless sentences, cleanup, actor codes
 * ------------------------------------------------------------------------
 */

static int
cmp_mention(const void *a, const void *b)
{
	const DipMention *x = a,
			   *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->len > y->len ? -1 : (x->len < y->len);
}

/* Adds mentions from caseless sentences that match document aliases. */
static void
caseless_pass(DipAnalysis *an, const DipStrMap *at, const char *text)
{
	for (uint32_t c = 0; c < an->ncaseless; c++)
	{
		uint32_t	start = an->caseless[c * 3];
		uint32_t	len = an->caseless[c * 3 + 1];
		uint32_t	sentno = an->caseless[c * 3 + 2];
		DipDoc		doc;

		dip_doc_init(&doc, &an->arena.mem, an->dict, text + start, len);
		while (dip_doc_next_chunk(&doc))
		{
			for (uint32_t i = 0; i < doc.ntoks; i++)
			{
				/* longest alias of up to four words */
				int32_t		best = -1;
				uint32_t	bestlen = 0;
				char		buf[256];
				size_t		bl = 0;
				bool		covered = false;

				if (!is_capword(&doc.toks[i]))
					continue;
				/* skip words inside dictionary mentions already found */
				for (uint32_t m = 0; m < an->nm && !covered; m++)
					if (an->m[m].sentence == sentno &&
						an->m[m].start <= start + doc.toks[i].start &&
						an->m[m].start + an->m[m].len > start + doc.toks[i].start)
						covered = true;
				if (covered)
					continue;
				for (uint32_t k = i; k < doc.ntoks && k < i + 4; k++)
				{
					int32_t		e;

					if (!is_capword(&doc.toks[k]) && !(doc.toks[k].flags & DIP_TF_JOIN))
						break;
					if (bl + doc.toks[k].nlen + 1 >= sizeof(buf))
						break;
					if (k > i && !(doc.toks[k].flags & DIP_TF_JOIN))
						buf[bl++] = ' ';
					memcpy(buf + bl, doc.toks[k].norm, doc.toks[k].nlen);
					bl += doc.toks[k].nlen;
					e = dip_strmap_get(at, buf, (uint32_t) bl);
					if (e >= 0)
					{
						best = e;
						bestlen = k - i + 1;
					}
				}
				if (best >= 0)
				{
					DipMention *m;
					const DipToken *f = &doc.toks[i],
							   *l = &doc.toks[i + bestlen - 1];

					DIP_ARRAY_PUSH(&an->arena, an->m, an->nm, an->mcap, 64);
					m = &an->m[an->nm++];
					memset(m, 0, sizeof(*m));
					m->start = start + f->start;
					m->len = l->start + l->len - f->start;
					m->cstart = (uint32_t) dip_utf8_count(text, m->start);
					m->clen = (uint32_t) dip_utf8_count(text + m->start, m->len);
					m->sentence = sentno;
					m->entity = best;
					m->kind = an->ents[best].kind;
					m->how = DIP_HOW_ALIAS;
					m->ntok = (uint8_t) bestlen;
					i += bestlen - 1;
				}
			}
		}
		dip_doc_free(&doc);
	}
}



void
dip_ner_finish(DipAnalysis *an, const char *text)
{
	DipStrMap	at = {0};
	uint32_t	keep;


	/* count mentions per entity (tentative ones do not make an entity) */
	for (uint32_t m = 0; m < an->nm; m++)
		if (!an->m[m].tentative)
			an->ents[an->m[m].entity].count++;

	/*
	 * Aliases: surnames of people named in full (and family names written
	 * first, as in "Liu Jianchao"), and the full names of everything the
	 * rules found, for headlines.
	 */
	for (uint32_t e = 0; e < an->nents; e++)
	{
		DipEnt	   *de = &an->ents[e];

		if (de->count == 0)
			continue;
		if (de->kind == DIP_KIND_PER && de->ntok >= 2)
		{
			strmap_put_ent(&an->arena, &at, de->last, de->lastlen, (int32_t) e);
			if (de->first_is_surname)
				strmap_put_ent(&an->arena, &at, de->first, de->firstlen, (int32_t) e);
		}
		if ((de->dict < 0 || de->kind == DIP_KIND_PER) &&
			(de->ntok >= 2 || de->best_how < DIP_HOW_GUESS))
			strmap_put_ent(&an->arena, &at, de->norm, de->normlen, (int32_t) e);
	}
	/* re-resolve short names typed by default, and tentative words */
	for (uint32_t m = 0; m < an->nm; m++)
	{
		DipMention *mm = &an->m[m];
		DipEnt	   *de = &an->ents[mm->entity];
		int32_t		target;

		if (mm->how == DIP_HOW_DICT || de->ntok > 2)
			continue;
		target = dip_strmap_get(&at, de->norm, de->normlen);
		if (target >= 0 && target != mm->entity &&
			(an->ents[target].ntok > de->ntok || mm->how == DIP_HOW_GUESS || mm->tentative))
		{
			if (!mm->tentative)
				de->count--;
			mm->entity = target;
			mm->kind = an->ents[target].kind;
			mm->how = DIP_HOW_ALIAS;
			mm->tentative = 0;
			an->ents[target].count++;
		}
		else if (mm->ntok == 1 && mm->how != DIP_HOW_ALIAS &&
				 (target = surname_person(an, mm->wid)) >= 0)
		{
			const DipEntity *ge = &an->dict->entities[target];
			int32_t		e2 = dip_ent_add(an, DIP_KIND_PER, dip_str(an->dict, ge->name),
										 ge->namelen, target);

			if (!mm->tentative)
				an->ents[mm->entity].count--;
			mm->entity = e2;
			mm->kind = DIP_KIND_PER;
			mm->how = DIP_HOW_ALIAS;
			mm->tentative = 0;
			an->ents[e2].count++;
		}
		else if (mm->tentative)
		{
			/* a sentence-initial word seen in lower case elsewhere is an
			 * ordinary word */
			if (lcset_has(an, de->norm, de->normlen))
				mm->dropped = 1;
			else
			{
				mm->tentative = 0;
				de->count++;
			}
		}
	}
	/* one-word names without any evidence that nothing resolved */
	for (uint32_t m = 0; m < an->nm; m++)
		if (an->m[m].weak && an->m[m].how == DIP_HOW_GUESS)
			an->m[m].dropped = 1;
	if (an->ncaseless > 0 && text != NULL)
		caseless_pass(an, &at, text);

	/* drop rejected mentions, sort by position */
	keep = 0;
	for (uint32_t m = 0; m < an->nm; m++)
		if (!an->m[m].dropped)
			an->m[keep++] = an->m[m];
	an->nm = keep;
	if (an->nm > 1)
		qsort(an->m, an->nm, sizeof(DipMention), cmp_mention);
	for (uint32_t e = 0; e < an->nents; e++)
		an->ents[e].count = 0;
	for (uint32_t m = 0; m < an->nm; m++)
		an->ents[an->m[m].entity].count++;
}
