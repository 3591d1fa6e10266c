/*-------------------------------------------------------------------------
 *
 * dip_resolve.c
 *	  Resolve: at the end of a document, single words and headline words
 *	  are resolved to entities named in full elsewhere ("Blinken" -> Antony
 *	  Blinken), rejected words are dropped, and the actor code of an entity
 *	  is computed for a date (the office its person held that day).
 *
 *-------------------------------------------------------------------------
 */
#include "dip_resolve.h"
#include "dip_entity.h"
#include "dip_normalize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The rules of resolution */
static const DipRule document_alias =
{"document_alias", "a short name, a guess or a sentence-initial word resolved at the end of the document to the entity named in full elsewhere"};
static const DipRule resolved_surname =
{"resolved_surname", "a one-word name resolved at the end of the document to the gazetteer person known by that surname"};
static const DipRule headline_alias =
{"headline_alias", "a name of the document found again in a headline or a line in capitals"};

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
			if (best == NULL && last_end != INT32_MIN && e->country[0])
			{
				snprintf(buf, 20, "%sELI", e->country);
				return buf;
			}
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

/*
 * The gazetteer person who held an office of a country at a date (see
 * dip_resolve.h): "the Secretary of State", "the Japanese prime minister".
 */
int32_t
dip_office_holder(const DipDict *d, int office, const char *country, int32_t date)
{
	int32_t		latest;

	if (office <= DIP_OFFICE_NONE || office == DIP_OFFICE_OTHER || date == DIP_DATE_NONE)
		return -1;
	/* two holders that day: which one is open */
	return dip_dict_office_holders(d, office, country, date, &latest) == 1 ? latest : -1;
}

/* Mentions in text order, longer first. */
static int
cmp_mention(const void *a, const void *b)
{
	const DipMention *x = a,
			   *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->len > y->len ? -1 : (x->len < y->len);
}

/*
 * The first of the mentions [0, n) of sentence sentno or a later one; the
 * mentions are in sentence order (each sentence adds its own), else 0.
 */
static uint32_t
first_mention_from(const DipAnalysis *an, uint32_t n, uint32_t sentno, bool sorted)
{
	uint32_t	lo = 0,
				hi = n;

	if (!sorted)
		return 0;
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (an->m[mid].sentence < sentno)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Adds mentions from caseless sentences that match document aliases.  A
 * word inside a mention of its sentence is skipped: the mentions of a
 * sentence are found by binary search and character offsets are counted on
 * from the previous sentence, so that the pass is linear in the document.
 */
static void
caseless_pass(DipAnalysis *an, const DipStrMap *at, const char *text)
{
	uint32_t	nm0 = an->nm;
	bool		sorted = true;
	size_t		cbyte = 0;		/* a byte offset and its character offset */
	size_t		cchar = 0;

	for (uint32_t m = 1; m < nm0 && sorted; m++)
		sorted = an->m[m - 1].sentence <= an->m[m].sentence;
	for (uint32_t c = 0; c < an->ncaseless; c++)
	{
		uint32_t	start = an->caseless[c * 3];
		uint32_t	len = an->caseless[c * 3 + 1];
		uint32_t	sentno = an->caseless[c * 3 + 2];
		uint32_t	mfirst = first_mention_from(an, nm0, sentno, sorted);
		uint32_t	mlast = sorted ? first_mention_from(an, nm0, sentno + 1, sorted) : nm0;
		uint32_t	mnew = an->nm;
		DipDoc		doc;

		if (dip_interrupt_hook)
			dip_interrupt_hook();
		/* the sentence's character offset, counted on from the last one */
		if (start < cbyte)
			cbyte = cchar = 0;
		cchar += dip_utf8_count(text + cbyte, start - cbyte);
		cbyte = start;

		dip_doc_init(&doc, &an->arena.mem, text + start, len);
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

				if (!dip_tok_capword(&doc.toks[i]))
					continue;
				/* skip words inside mentions of the sentence already found */
				for (uint32_t m = mfirst < mlast ? mfirst : mnew; m < an->nm && !covered;
					 m = (m + 1 == mlast ? mnew : m + 1))
					if (an->m[m].sentence == sentno &&
						an->m[m].start <= start + doc.toks[i].start &&
						an->m[m].start + an->m[m].len > start + doc.toks[i].start)
						covered = true;
				if (covered)
					continue;
				for (uint32_t k = i; k < doc.ntoks && k < i + 4; k++)
				{
					int32_t		e;

					if (!dip_tok_capword(&doc.toks[k]) && !(doc.toks[k].flags & DIP_TF_JOIN))
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

					m = dip_mention_push(an);
					m->start = start + f->start;
					m->len = l->start + l->len - f->start;
					m->cstart = (uint32_t) (cchar + f->cstart);
					m->clen = (uint32_t) dip_utf8_count(text + m->start, m->len);
					m->sentence = sentno;
					m->entity = best;
					m->kind = an->ents[best].kind;
					m->how = DIP_HOW_ALIAS;
					m->rule = &headline_alias;
					m->ntok = (uint8_t) bestlen;
					i += bestlen - 1;
				}
			}
		}
		dip_doc_free(&doc);
	}
}

/* Counts the mentions of each entity; tentative ones do not make an entity. */
static void
count_mentions(DipAnalysis *an)
{
	for (uint32_t m = 0; m < an->nm; m++)
		if (!an->m[m].tentative)
			an->ents[an->m[m].entity].count++;
}

/*
 * The names by which the document's entities may be mentioned again:
 * surnames of people named in full (and family names written first, as in
 * "Liu Jianchao"), and the full names of everything the rules found, for
 * headlines.  A name two entities share maps to -2.
 */
static void
collect_aliases(DipAnalysis *an, DipArena *arena, DipStrMap *at)
{
	for (uint32_t e = 0; e < an->nents; e++)
	{
		DipEnt	   *de = &an->ents[e];

		if (de->count == 0)
			continue;
		if (de->kind == DIP_KIND_PER && de->ntok >= 2)
		{
			dip_strmap_put_unique(arena, at, de->last, de->lastlen, (int32_t) e);
			if (de->first_is_surname)
				dip_strmap_put_unique(arena, at, de->first, de->firstlen, (int32_t) e);
		}
		if ((de->dict < 0 || de->kind == DIP_KIND_PER) &&
			(de->ntok >= 2 || de->best_how < DIP_HOW_GUESS))
			dip_strmap_put_unique(arena, at, de->norm, de->normlen, (int32_t) e);
		if (de->kind == DIP_KIND_ORG && de->best_how < DIP_HOW_GUESS)
		{
			const char *names[2];
			uint32_t	lens[2];
			int			k = dip_company_names(an, de->norm, de->normlen, names, lens);

			while (k-- > 0)
				if (lens[k] != de->normlen)
					dip_strmap_put_unique(arena, at, names[k], lens[k], (int32_t) e);
		}
	}
}

/* Moves mention mm over to entity target, by rule. */
static void
realias(DipAnalysis *an, DipMention *mm, int32_t target, int kind, const DipRule *rule)
{
	if (!mm->tentative)
		an->ents[mm->entity].count--;
	mm->entity = target;
	mm->kind = (uint8_t) kind;
	mm->how = DIP_HOW_ALIAS;
	mm->rule = rule;
	mm->tentative = 0;
	an->ents[target].count++;
}

/* True if entity o is an organisation of the document named by more words starting or ending with word. */
static bool
org_with_head(const DipEnt *o, const char *word, uint32_t len)
{
	return o->kind == DIP_KIND_ORG && o->count > 0 && o->ntok >= 2 &&
		((o->firstlen == len && memcmp(o->first, word, len) == 0) ||
		 (o->lastlen == len && memcmp(o->last, word, len) == 0));
}

/*
 * "the Bank", "the Commission": an organisation word alone names the
 * organisation of the document whose name starts or ends with it (the
 * Bank of England, the European Commission): the one named last before
 * it, else the only one; -1 if none.
 */
static int32_t
head_word_org(const DipAnalysis *an, const DipMention *mm)
{
	const DipEnt *de = &an->ents[mm->entity];
	int32_t		found = -1;

	if (mm->kind != DIP_KIND_ORG || mm->ntok != 1 || mm->wid == 0 || de->ntok != 1 ||
		!(an->dict->words[mm->wid].lex & (LX_ORG_SUFFIX | LX_ORG_HEAD)))
		return -1;
	for (const DipMention *k = mm; k > an->m;)
	{
		k--;
		if (!k->dropped && k->start < mm->start &&
			org_with_head(&an->ents[k->entity], de->norm, de->normlen))
			return k->entity;
	}
	for (uint32_t e = 0; e < an->nents; e++)
	{
		if (!org_with_head(&an->ents[e], de->norm, de->normlen))
			continue;
		if (found >= 0)
			return -1;
		found = (int32_t) e;
	}
	return found;
}

/*
 * Short names typed by default, and tentative words: the entity named in
 * full elsewhere, else a gazetteer person known by the surname; else a
 * tentative word is confirmed, or dropped when the document has it in
 * lower case (an ordinary word).
 */
static void
resolve_mention(DipAnalysis *an, const DipStrMap *at, DipMention *mm)
{
	DipEnt	   *de = &an->ents[mm->entity];
	int32_t		target;

	if (mm->how == DIP_HOW_DICT || de->ntok > 2)
		return;
	/* a surname the gazetteer gave: the document's own entity of that name wins */
	if (mm->how == DIP_HOW_ALIAS && mm->ntok == 1 && de->dict >= 0 && mm->wid != 0)
	{
		const DipWord *w = &an->dict->words[mm->wid];

		target = dip_strmap_get(at, dip_str(an->dict, w->str), w->len);
		if (target >= 0 && target != mm->entity)
			realias(an, mm, target, an->ents[target].kind, &document_alias);
		return;
	}
	target = dip_strmap_get(at, de->norm, de->normlen);
	if (target >= 0 && target != mm->entity &&
		(an->ents[target].ntok > de->ntok || mm->how == DIP_HOW_GUESS || mm->tentative))
		realias(an, mm, target, an->ents[target].kind, &document_alias);
	else if ((target = head_word_org(an, mm)) >= 0)
		realias(an, mm, target, DIP_KIND_ORG, &document_alias);
	else if (mm->ntok == 1 && mm->how != DIP_HOW_ALIAS &&
			 (target = dip_dict_surname_person(an->dict, mm->wid, an->published)) >= 0)
	{
		const DipEntity *ge = &an->dict->entities[target];

		realias(an, mm, dip_ent_add(an, DIP_KIND_PER, dip_str(an->dict, ge->name), ge->namelen,
									target), DIP_KIND_PER, &resolved_surname);
	}
	else if (mm->tentative)
	{
		if (dip_lcset_has(an, de->norm, de->normlen))
			mm->dropped = 1;
		else
		{
			mm->tentative = 0;
			de->count++;
		}
	}
}

/* Drops rejected mentions, sorts the rest by position and counts them again. */
static void
finish_mentions(DipAnalysis *an)
{
	uint32_t	keep = 0;

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

/*
 * True if country c is among the n countries of list, or adds it there
 * (when add and there is room).
 */
static bool
country_seen(char (*list)[4], uint32_t *n, uint32_t cap, const char *c, bool add)
{
	for (uint32_t k = 0; k < *n; k++)
		if (memcmp(list[k], c, 3) == 0)
			return true;
	if (add && *n < cap)
		memcpy(list[(*n)++], c, 4);
	return false;
}

/*
 * Aliases with the rule "context" (Georgia, Jordan, Kent): a mention
 * stays the gazetteer's entity where the document names the entity
 * otherwise, or its country (a place or nationality of it; for a country
 * or place, also a person or body of it), or a second such alias of the
 * same kind and country (two county cricket clubs in one report); else it
 * becomes its fallback: the other entity of that name, the name the
 * typing rules read, or nothing.
 */
static void
apply_context(DipAnalysis *an)
{
	char		places[64][4],
				others[64][4];
	uint32_t	np = 0,
				no = 0;
	uint8_t    *named = dip_arena_alloc0(&an->arena, an->nents + 1);

	for (uint32_t m = 0; m < an->nm; m++)
		if (!an->m[m].conditional && !an->m[m].dropped)
		{
			const DipEnt *e = &an->ents[an->m[m].entity];

			named[an->m[m].entity] = 1;
			if (!e->country[0])
				continue;
			if (e->kind == DIP_KIND_GPE || e->kind == DIP_KIND_LOC || e->kind == DIP_KIND_NORP)
				country_seen(places, &np, 64, e->country, true);
			else
				country_seen(others, &no, 64, e->country, true);
		}
	for (uint32_t m = 0; m < an->nm; m++)
	{
		DipMention *mm = &an->m[m];
		const DipEnt *e = &an->ents[mm->entity];
		bool		place = e->kind == DIP_KIND_GPE || e->kind == DIP_KIND_LOC;
		bool		ok;

		if (mm->conditional != 1 || mm->dropped)
			continue;
		ok = named[mm->entity] ||
			(e->country[0] && (country_seen(places, &np, 64, e->country, false) ||
							   (place && country_seen(others, &no, 64, e->country, false))));
		for (uint32_t k = 0; k < an->nm && !ok; k++)
		{
			const DipEnt *o = &an->ents[an->m[k].entity];

			ok = an->m[k].conditional == 1 && an->m[k].entity != mm->entity &&
				o->kind == e->kind && e->country[0] && memcmp(o->country, e->country, 3) == 0;
		}
		if (ok)
			continue;
		if (mm->fallback < 0)
		{
			mm->dropped = 1;
			continue;
		}
		mm->entity = mm->fallback;
		mm->kind = an->ents[mm->fallback].kind;
		mm->how = mm->fallback_how;
		mm->weak = mm->fallback_weak;
		mm->rule = mm->fallback_rule;
	}
}

/* Resolves the mentions of the whole document (see dip_resolve.h). */
void
dip_resolve_document(DipAnalysis *an, const char *text)
{
	DipStrMap	at = {0};
	DipArena	scratch;

	/* aliases kept only in context */
	apply_context(an);
	/* how often each entity is mentioned */
	count_mentions(an);
	/* the names by which the document's entities may be mentioned again,
	 * in an arena of their own: the driver resolves long documents window
	 * by window */
	dip_arena_init(&scratch, &an->arena.mem, 4096);
	collect_aliases(an, &scratch, &at);
	/* short names, guesses and sentence-initial words */
	for (uint32_t m = 0; m < an->nm; m++)
		resolve_mention(an, &at, &an->m[m]);
	/* one-word names without any evidence that nothing resolved */
	for (uint32_t m = 0; m < an->nm; m++)
		if (an->m[m].weak && an->m[m].how == DIP_HOW_GUESS)
			an->m[m].dropped = 1;
	/* the document's names in headlines and lines in capitals */
	if (an->ncaseless > 0 && text != NULL)
		caseless_pass(an, &at, text);
	dip_arena_free(&scratch);
	finish_mentions(an);
}

/* The k-th rule of resolution, or NULL past the last. */
const DipRule *
dip_resolve_rule(int k)
{
	static const DipRule *const rules[] = {&document_alias, &resolved_surname, &headline_alias};
	static const DipRuleTable tables[] = {{rules, sizeof(rules) / sizeof(rules[0]), 0}};

	return dip_rule_in_tables(tables, 1, &k);
}
