/*-------------------------------------------------------------------------
 *
 * dip_entity.c
 *	  The document's entities and their mentions, as recognition finds
 *	  them and resolution merges them.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_entity.h"
#include "dip_cameo.h"
#include "dip_normalize.h"

#include <string.h>

static uint32_t company_name_stripped(const DipSentCtx *sc, uint32_t a, uint32_t b);

/* Doubles the (kind, name) hash of the document's entities. */
static void
ent_hash_grow(DipAnalysis *an)
{
	uint32_t	nsize = an->enthash_size ? an->enthash_size * 2 : 256;
	uint32_t   *nh = dip_arena_alloc0(&an->arena, nsize * sizeof(uint32_t));

	for (uint32_t e = 0; e < an->nents; e++)
		dip_slot_put(nh, nsize, dip_hash_bytes(an->ents[e].name, an->ents[e].namelen,
											   an->ents[e].kind), e + 1);
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

/*
 * The country of entity de, and the country of its actor code, as they
 * were at the publication date: Moscow in 1987 is in the Soviet Union
 * (SUN), not in Russia.
 */
void
dip_ent_country_at_date(const DipAnalysis *an, DipEnt *de)
{
	const char *c;

	if (an->published == DIP_DATE_NONE || !de->country[0])
		return;
	c = dip_country_at(de->country, an->published);
	if (c == de->country || memcmp(c, de->country, 3) == 0)
		return;
	if (memcmp(de->actor, de->country, 3) == 0)
		memcpy(de->actor, c, 3);
	memcpy(de->country, c, 4);
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
		dip_ent_country_at_date(an, de);
	}
	ent_words(an, de);
	an->enthash[h] = an->nents + 1;
	return (int32_t) an->nents++;
}

/* Appends a zeroed mention to the document's mentions and returns it. */
DipMention *
dip_mention_push(DipAnalysis *an)
{
	DipMention *m;

	DIP_ARRAY_PUSH(&an->arena, an->m, an->nm, an->mcap, 64);
	m = &an->m[an->nm++];
	memset(m, 0, sizeof(*m));
	return m;
}

/*
 * Remembers the short names of company ent, mentioned over tokens [a, b)
 * found the way how says: from its name, and from the words of a
 * gazetteer alias ("J.P. Morgan and Co Inc" gives "morgan").
 */
static void
note_company(DipSentCtx *sc, uint32_t a, uint32_t b, int32_t ent, int how)
{
	DipAnalysis *an = sc->an;
	const DipEnt *e = &an->ents[ent];
	const char *names[2];
	uint32_t	lens[2];
	int			k = dip_company_names(an, e->norm, e->normlen, names, lens);

	while (k-- > 0)
		dip_strmap_put_unique(&an->arena, &an->orgnames, names[k], lens[k], ent);
	if (how == DIP_HOW_DICT && b - a >= 2)
	{
		char		buf[256];
		uint32_t	len = 0;
		char	   *copy;

		for (uint32_t i = a; i < b; i++)
		{
			const DipToken *t = &sc->t[i];

			if (len + t->nlen + 1 >= sizeof(buf))
				return;
			if (i > a && !(t->flags & DIP_TF_JOIN) && t->type != DIP_TOK_CLITIC)
				buf[len++] = ' ';
			memcpy(buf + len, t->norm, t->nlen);
			len += t->nlen;
		}
		copy = dip_arena_alloc(&an->arena, len);
		memcpy(copy, buf, len);
		k = dip_company_names(an, copy, len, names, lens);
		while (k-- > 0)
			dip_strmap_put_unique(&an->arena, &an->orgnames, names[k], lens[k], ent);
	}
}

/*
 * Adds a mention of entity ent over tokens [a, b) of the sentence, found
 * the way how says; returns its index.
 */
int32_t
dip_mention_add(DipSentCtx *sc, uint32_t a, uint32_t b, int kind, int32_t ent, int how,
				const DipRule *rule)
{
	DipAnalysis *an = sc->an;
	DipMention *m = dip_mention_push(an);
	const DipToken *f = &sc->t[a],
			   *l = &sc->t[b - 1];

	m->start = f->start;
	m->len = l->start + l->len - f->start;
	m->cstart = f->cstart;
	m->clen = l->cstart + l->clen - f->cstart;
	m->sentence = sc->sent->number;
	m->entity = ent;
	m->kind = (uint8_t) kind;
	m->how = (uint8_t) how;
	m->rule = rule;
	m->ntok = (uint8_t) (b - a > 255 ? 255 : b - a);
	if (b - a == 1)
		m->wid = f->wid;
	if (an->ents[ent].best_how == 0 || how < an->ents[ent].best_how)
		an->ents[ent].best_how = (uint8_t) how;
	/* a company named with evidence: remember its short names */
	if (kind == DIP_KIND_ORG && how < DIP_HOW_GUESS)
		note_company(sc, a, b, ent, how);
	/* a person named in full: remember the surname */
	if (kind == DIP_KIND_PER && an->ents[ent].ntok >= 2 && b - a >= 2)
	{
		DipEnt	   *e = &an->ents[ent];

		dip_strmap_put_unique(&an->arena, &an->names, e->last, e->lastlen, ent);
		if (e->first_is_surname)
			dip_strmap_put_unique(&an->arena, &an->names, e->first, e->firstlen, ent);
	}
	for (uint32_t i = a; i < b; i++)
		sc->tok_mention[i] = (int32_t) (an->nm - 1);
	return (int32_t) (an->nm - 1);
}

/* The lexical classes and cue classes of a normalised word. */
static uint32_t
word_lex(const DipAnalysis *an, const char *w, uint32_t len, uint32_t *cues)
{
	uint32_t	wid = dip_vocab_lookup(an->dict, w, len);

	*cues = dip_word_cues(an->dict, wid);
	return wid ? an->dict->words[wid].lex : 0;
}

/* True for initials: "e.f.", "j.p.", "a." */
static bool
initials(const char *w, uint32_t len)
{
	if (len < 2 || len % 2 != 0)
		return false;
	for (uint32_t k = 0; k < len; k += 2)
		if (w[k] == '.' || w[k + 1] != '.')
			return false;
	return true;
}

/*
 * The short names of a company (see dip_entity.h): its name without legal
 * forms and leading initials ("borg-warner" for "Borg-Warner Corp",
 * "hutton group" for "E.F. Hutton Group Inc"), and its first word when the
 * other words are common words or organisation words ("reynolds" for
 * "Reynolds Metals Co", "hutton").
 */
int
dip_company_names(const DipAnalysis *an, const char *norm, uint32_t normlen,
				  const char **names, uint32_t *lens)
{
	const char *w[8];
	uint32_t	wl[8];
	int			nw = 0,
				first = 0,
				count = 0;
	uint32_t	cues,
				lex;

	for (uint32_t i = 0; i < normlen && nw < 8;)
	{
		uint32_t	j = i;

		while (j < normlen && norm[j] != ' ')
			j++;
		w[nw] = norm + i;
		wl[nw++] = j - i;
		i = j + 1;
	}
	if (nw == 0)
		return 0;
	/* legal forms and "and", "&" at the end; initials at the start */
	while (nw > 1 && ((word_lex(an, w[nw - 1], wl[nw - 1], &cues), cues & CUE_LEGAL_FORM) ||
					  (wl[nw - 1] == 3 && memcmp(w[nw - 1], "and", 3) == 0) ||
					  (wl[nw - 1] == 1 && w[nw - 1][0] == '&')))
		nw--;
	while (first < nw - 1 && initials(w[first], wl[first]))
		first++;
	names[count] = w[first];
	lens[count++] = (uint32_t) (w[nw - 1] + wl[nw - 1] - w[first]);
	if (nw - first < 2)
		return count;
	lex = word_lex(an, w[first], wl[first], &cues);
	if (lex & (LX_COMMON | LX_FUNCTION | LX_NOT_NAME | LX_MONTH | LX_WEEKDAY) ||
		((lex & LX_GIVEN) && !(lex & LX_SURNAME)))
		return count;
	for (int k = first + 1; k < nw; k++)
		if (!(word_lex(an, w[k], wl[k], &cues) & (LX_COMMON | LX_ORG_SUFFIX | LX_ORG_HEAD)))
			return count;
	names[count] = w[first];
	lens[count++] = wl[first];
	return count;
}

/*
 * The end of a company's name in [a, b) without its legal forms (see
 * dip_entity.h); "Time Inc", "Coastal Corp" keep theirs, a common word
 * alone being no name.
 */
uint32_t
dip_company_name_end(const DipSentCtx *sc, uint32_t a, uint32_t b)
{
	uint32_t	e = company_name_stripped(sc, a, b);

	if (e == a + 1 && e < b && (dip_lexof(sc, a) & (LX_COMMON | LX_ORG_SUFFIX)))
		return b;
	return e;
}

/* [a, b) without the legal forms at its end. */
static uint32_t
company_name_stripped(const DipSentCtx *sc, uint32_t a, uint32_t b)
{
	uint32_t	e = b;

	/* "A/S", "S/A" */
	if (e >= a + 4 && DIP_TOK_IS(&sc->t[e - 2], "/") && sc->t[e - 1].nlen == 1 &&
		sc->t[e - 3].nlen == 1)
		e -= 3;
	while (e > a + 1)
	{
		const DipToken *t = &sc->t[e - 1];

		if ((dip_word_cues(sc->an->dict, t->wid) & CUE_LEGAL_FORM) || DIP_TOK_IS(t, "and") ||
			DIP_TOK_IS(t, "&") || DIP_TOK_IS(t, ",") || DIP_TOK_IS(t, "."))
			e--;
		else
			break;
	}
	return e;
}

/* Canonical name of a span as written: white space collapsed. */
int32_t
dip_ent_from_span(DipSentCtx *sc, uint32_t a, uint32_t b, int kind)
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

/* Adds a mention of gazetteer entity ref at [i, i+len); returns its index. */
int32_t
dip_mention_dict(DipSentCtx *sc, uint32_t i, uint32_t len, int32_t ref, const DipRule *rule)
{
	const DipEntity *ge = &sc->an->dict->entities[ref];
	int32_t		e = dip_ent_add(sc->an, ge->kind, dip_str(sc->an->dict, ge->name),
								ge->namelen, ref);

	return dip_mention_add(sc, i, i + len, ge->kind, e, DIP_HOW_DICT, rule);
}

/* Moves the start of mention mi back to token t0 (a title). */
void
dip_mention_extend_left(DipSentCtx *sc, int32_t mi, uint32_t t0)
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
 * Lower-case words seen in the document (a set).  Token strings live only
 * as long as their chunk of the document, so the set keeps its own copy.
 */
void
dip_lcset_add(DipAnalysis *an, const char *s, uint32_t len)
{
	bool		found;
	char	   *copy;

	if (dip_strmap_full(&an->lcset) || dip_strmap_get(&an->lcset, s, len) >= 0)
		return;
	copy = dip_arena_alloc(&an->arena, len + 1);
	memcpy(copy, s, len);
	copy[len] = '\0';
	*dip_strmap_put(&an->arena, &an->lcset, copy, len, &found) = 0;
}

/* True if the document has the word in lower case somewhere. */
bool
dip_lcset_has(const DipAnalysis *an, const char *s, uint32_t len)
{
	return dip_strmap_get(&an->lcset, s, len) >= 0;
}
