/*-------------------------------------------------------------------------
 *
 * dip_builder.c
 *	  The dictionary builder: words, the token trie, entities, offices,
 *	  roles, the lexicon, verbs and topics, from dictionary rows.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_build_int.h"
#include "dip_cameo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
dipb_set_error(DipBuilder *b, const char *fmt, const char *arg)
{
	char		shortarg[160];
	size_t		l = arg ? strlen(arg) : 0;

	/* long values are cut so that the message fits */
	if (l >= sizeof(shortarg))
		l = sizeof(shortarg) - 1;
	if (l > 0)
		memcpy(shortarg, arg, l);
	shortarg[l] = '\0';
	snprintf(b->error, sizeof(b->error), fmt, shortarg);
}

const char *
dip_builder_error(const DipBuilder *b)
{
	return b->error;
}

void *
dipb_vec_push(DipArena *a, Vec *vec)
{
	vec->v = dip_array_reserve(a, vec->v, &vec->cap, vec->n + 1, vec->esize, 64);
	memset((char *) vec->v + (size_t) vec->n * vec->esize, 0, vec->esize);
	return (char *) vec->v + (size_t) (vec->n++) * vec->esize;
}

uint32_t
dipb_string(DipBuilder *b, const char *s, size_t len)
{
	uint32_t	off = b->strpool.n;

	for (size_t i = 0; i < len; i++)
		*(char *) dipb_vec_push(&b->arena, &b->strpool) = s[i];
	*(char *) dipb_vec_push(&b->arena, &b->strpool) = '\0';
	return off;
}

const char *
dipb_str(const DipBuilder *b, uint32_t off)
{
	return (const char *) b->strpool.v + off;
}

DipBuilder *
dip_builder_new(const DipMem *mem)
{
	DipArena	tmp;
	DipBuilder *b;

	dip_arena_init(&tmp, mem, 256 * 1024);
	b = dip_arena_alloc0(&tmp, sizeof(DipBuilder));
	b->arena = tmp;
	b->mem = *mem;
	b->strpool = (Vec) VEC_INIT(char);
	b->words = (Vec) VEC_INIT(DipWord);
	b->edges = (Vec) VEC_INIT(BEdge);
	b->items = (Vec) VEC_INIT(BItem);
	b->entities = (Vec) VEC_INIT(DipEntity);
	b->offices = (Vec) VEC_INIT(BPendingOffice);
	b->roles = (Vec) VEC_INIT(DipRole);
	b->patterns = (Vec) VEC_INIT(DipPattern);
	b->pelems = (Vec) VEC_INIT(DipPElem);
	b->pwids = (Vec) VEC_INIT(uint32_t);
	b->lemmas = (Vec) VEC_INIT(uint32_t);
	b->lemmaforms = (Vec) VEC_INIT(LemmaForms);
	b->mwverbs = (Vec) VEC_INIT(char *);
	b->topics = (Vec) VEC_INIT(DipTopic);
	b->termrefs = (Vec) VEC_INIT(BTermRef);
	b->enttopics = (Vec) VEC_INIT(BEntTopic);
	b->values = (Vec) VEC_INIT(BWordValue);
	dipb_string(b, "", 0);
	dipb_vec_push(&b->arena, &b->words);	/* wid 0 = unknown */
	b->nnodes = 1;				/* root */
	b->whash_size = 1024;
	b->whash = dip_arena_alloc0(&b->arena, b->whash_size * sizeof(uint32_t));
	b->ehash_size = 1024;
	b->ehash = dip_arena_alloc0(&b->arena, b->ehash_size * sizeof(uint32_t));
	return b;
}

void
dip_builder_free(DipBuilder *b)
{
	DipArena	a = b->arena;

	dip_arena_free(&a);
}

/* The hash of word wid. */
static uint32_t
word_hash_of(const DipBuilder *b, uint32_t wid)
{
	const DipWord *ww = VEC_AT(b->words, DipWord, wid);

	return dip_word_hash(dipb_str(b, ww->str), ww->len);
}

/* The hash of the edge numbered id (its index + 1). */
static uint32_t
edge_hash_of(const DipBuilder *b, uint32_t id)
{
	const BEdge *ee = VEC_AT(b->edges, BEdge, id - 1);

	return dip_edge_hash(ee->node, ee->wid);
}

/*
 * A hash of the ids 1..last, hashed by hash_of, twice as large as *size;
 * sets *size to the new size.
 */
static uint32_t *
rehash(DipBuilder *b, uint32_t *size, uint32_t last,
	   uint32_t (*hash_of) (const DipBuilder *b, uint32_t id))
{
	uint32_t	nsize = *size * 2;
	uint32_t   *nh = dip_arena_alloc0(&b->arena, nsize * sizeof(uint32_t));

	for (uint32_t id = 1; id <= last; id++)
		dip_slot_put(nh, nsize, hash_of(b, id), id);
	*size = nsize;
	return nh;
}

/* Word id of a normalised word, adding it if new. */
uint32_t
dipb_intern_word(DipBuilder *b, const char *s, size_t len)
{
	uint32_t	mask;
	uint32_t	h;
	DipWord    *w;

	if ((b->words.n + 1) * 2 > b->whash_size)
		b->whash = rehash(b, &b->whash_size, b->words.n - 1, word_hash_of);
	mask = b->whash_size - 1;
	h = dip_word_hash(s, len) & mask;
	while (b->whash[h] != 0)
	{
		DipWord    *ww = VEC_AT(b->words, DipWord, b->whash[h]);

		if (ww->len == len && memcmp(dipb_str(b, ww->str), s, len) == 0)
		{
			if (!b->cue_words)
				ww->known = 1;
			return b->whash[h];
		}
		h = (h + 1) & mask;
	}
	w = dipb_vec_push(&b->arena, &b->words);
	w->str = dipb_string(b, s, len);
	w->len = (uint32_t) len;
	w->known = b->cue_words ? 0 : 1;
	b->whash[h] = b->words.n - 1;
	return b->words.n - 1;
}

/* Child of node for wid, creating it if create is set; 0 if absent. */
uint32_t
dipb_trie_step(DipBuilder *b, uint32_t node, uint32_t wid, bool create)
{
	uint32_t	mask;
	uint32_t	h;
	BEdge	   *e;

	if ((b->edges.n + 1) * 2 > b->ehash_size)
		b->ehash = rehash(b, &b->ehash_size, b->edges.n, edge_hash_of);
	mask = b->ehash_size - 1;
	h = dip_edge_hash(node, wid) & mask;
	while (b->ehash[h] != 0)
	{
		BEdge	   *ee = VEC_AT(b->edges, BEdge, b->ehash[h] - 1);

		if (ee->node == node && ee->wid == wid)
			return ee->child;
		h = (h + 1) & mask;
	}
	if (!create)
		return 0;
	e = dipb_vec_push(&b->arena, &b->edges);
	e->node = node;
	e->wid = wid;
	e->child = b->nnodes++;
	b->ehash[h] = b->edges.n;
	return e->child;
}

/*
 * Splits a phrase into normalised tokens with the document segmenter, so
 * that dictionary entries and text are tokenised alike.  A leading "the"
 * is dropped.  Returns the token count, or -1 if the phrase is too long.
 */
int
dipb_phrase_tokens(DipBuilder *b, const char *s, PTok *out, bool intern)
{
	DipDoc		doc;
	int			n = 0;

	dip_doc_init(&doc, &b->mem, s, strlen(s));
	while (dip_doc_next_chunk(&doc))
	{
		for (uint32_t i = 0; i < doc.ntoks; i++)
		{
			DipToken   *t = &doc.toks[i];

			/* a leading "the" is not part of the name, unless it is
			 * written with a capital as in "The Hague" */
			if (n == 0 && t->nlen == 3 && memcmp(t->norm, "the", 3) == 0 &&
				doc.ntoks > 1 && !(t->flags & DIP_TF_UPPER))
				continue;
			if (n >= DIP_MAX_PHRASE)
			{
				dip_doc_free(&doc);
				return -1;
			}
			out[n].wid = intern ? dipb_intern_word(b, t->norm, t->nlen) : 0;
			out[n].flags = t->flags;
			out[n].norm = dip_arena_strndup(&b->arena, t->norm, t->nlen);
			out[n].nlen = t->nlen;
			n++;
		}
	}
	dip_doc_free(&doc);
	return n;
}

uint32_t
dipb_insert_path(DipBuilder *b, const PTok *toks, int n)
{
	uint32_t	node = 0;

	for (int i = 0; i < n; i++)
		node = dipb_trie_step(b, node, toks[i].wid, true);
	return node;
}

void
dipb_add_item(DipBuilder *b, uint32_t node, int type, int len, uint32_t ref,
		 uint32_t capmask, uint32_t allcapsmask)
{
	dipb_add_alias_item(b, node, type, len, ref, capmask, allcapsmask, 0);
}

void
dipb_add_alias_item(DipBuilder *b, uint32_t node, int type, int len, uint32_t ref,
					uint32_t capmask, uint32_t allcapsmask, uint32_t flags)
{
	BItem	   *it;

	/* skip exact duplicates (same alias twice); their rules add up */
	for (uint32_t i = b->items.n; i > 0 && i + 8 > b->items.n; i--)
	{
		BItem	   *o = VEC_AT(b->items, BItem, i - 1);

		if (o->node == node && o->item.type == type && o->item.ref == ref)
		{
			o->item.flags |= (uint8_t) flags;
			return;
		}
	}
	it = dipb_vec_push(&b->arena, &b->items);
	it->node = node;
	it->item.flags = (uint8_t) flags;
	it->item.type = (uint8_t) type;
	it->item.len = (uint16_t) len;
	it->item.ref = ref;
	it->item.capmask = capmask;
	it->item.allcapsmask = allcapsmask;
}

void
dipb_copy_code(char *dst, size_t dstsize, const char *src)
{
	size_t		n = src ? strlen(src) : 0;

	if (n >= dstsize)
		n = dstsize - 1;
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

static bool
check_country(DipBuilder *b, const char *country)
{
	if (country == NULL || country[0] == '\0')
		return true;
	if (strlen(country) != 3 || dip_actor_check(country, 3) != NULL)
	{
		dipb_set_error(b, "invalid country code \"%s\"", country);
		return false;
	}
	return true;
}

static bool
check_actor(DipBuilder *b, const char *actor)
{
	const char *err;

	if (actor == NULL || actor[0] == '\0')
		return true;
	err = dip_actor_check(actor, strlen(actor));
	if (err != NULL)
	{
		dipb_set_error(b, "invalid actor code \"%s\"", actor);
		return false;
	}
	return true;
}

/*
 * Splits the rules written after an alias in square brackets ("CAR
 * [nocaseless]", "Georgia [context exactcase]") off alias[0..*len):
 * shortens *len to the alias and sets *flags (DIP_ALIAS_*); false, with
 * the builder's error set, on an unknown rule or a bracket left open.
 */
static bool
alias_rules(DipBuilder *b, const char *alias, size_t *len, uint32_t *flags)
{
	const char *open = memchr(alias, '[', *len);
	const char *p;
	const char *end = alias + *len;

	*flags = 0;
	if (open == NULL)
		return true;
	while (end > open && end[-1] == ' ')
		end--;
	if (end == open || end[-1] != ']')
	{
		dipb_set_error(b, "alias \"%s\" has an unclosed rule bracket", alias);
		return false;
	}
	for (p = open + 1; p < end - 1;)
	{
		const char *w = p;
		int			k;

		while (p < end - 1 && *p != ' ' && *p != ',')
			p++;
		for (k = 0; k < DIP_ALIAS_NRULES; k++)
		{
			const char *name = dip_alias_rule_name(k);

			if (p > w && strlen(name) == (size_t) (p - w) && memcmp(name, w, p - w) == 0)
				break;
		}
		if (p > w && k == DIP_ALIAS_NRULES)
		{
			dipb_set_error(b, "alias \"%s\": unknown alias rule (nocaseless, exactcase, nolegal or context)", alias);
			return false;
		}
		if (p > w)
			*flags |= 1u << k;
		while (p < end - 1 && (*p == ' ' || *p == ','))
			p++;
	}
	while (open > alias && open[-1] == ' ')
		open--;
	*len = (size_t) (open - alias);
	return true;
}

/* Adds one alias path for entity ent, with its rules (DIP_ALIAS_*). */
static void
add_alias(DipBuilder *b, uint32_t ent, const char *alias, uint32_t flags)
{
	PTok		toks[DIP_MAX_PHRASE];
	int			n = dipb_phrase_tokens(b, alias, toks, true);
	uint32_t	capmask = 0,
				allcaps = 0;
	uint32_t	node;

	if (n <= 0)
		return;
	for (int i = 0; i < n && i < 32; i++)
	{
		if (toks[i].flags & DIP_TF_UPPER)
			capmask |= 1u << i;
		/* all-capital words of two or more letters: US, UN, NATO */
		if ((toks[i].flags & DIP_TF_ALLCAPS) && toks[i].nlen >= 2 &&
			!(toks[i].flags & DIP_TF_ACRONYM))
			allcaps |= 1u << i;
	}
	node = dipb_insert_path(b, toks, n);
	dipb_add_alias_item(b, node, DIP_ITEM_ENTITY, n, ent, capmask, allcaps, flags);
}

/*
 * Adds the aliases of entity ent ("|"-separated, each with its rules);
 * the rules of an alias written like the canonical name apply to it.
 * False, with the builder's error set, on a malformed alias.
 */
static bool
add_aliases(DipBuilder *b, uint32_t ent, const char *name, const char *aliases)
{
	uint32_t	name_flags = 0;

	for (int pass = 0; pass < 2; pass++)
	{
		const char *p = aliases ? aliases : "";

		if (pass == 1)
			add_alias(b, ent, name, name_flags);
		while (*p)
		{
			const char *bar = strchr(p, '|');
			size_t		l = bar ? (size_t) (bar - p) : strlen(p);
			size_t		al = l;
			uint32_t	flags;

			if (l > 0 && l < 256)
			{
				char		buf[256];

				memcpy(buf, p, l);
				buf[l] = '\0';
				if (!alias_rules(b, buf, &al, &flags))
					return false;
				buf[al] = '\0';
				if (pass == 0 && strcmp(buf, name) == 0)
					name_flags = flags;
				else if (pass == 1 && strcmp(buf, name) != 0)
					add_alias(b, ent, buf, flags);
			}
			p += l;
			if (*p == '|')
				p++;
		}
	}
	return true;
}

bool
dip_builder_add_entity(DipBuilder *b, const char *kind, const char *name,
					   const char *country, const char *actor,
					   const char *aliases, int32_t valid_from,
					   int32_t valid_to)
{
	int			k = dip_kind_from_name(kind, strlen(kind));
	DipEntity  *e;
	uint32_t	idx;

	if (!dip_kind_in_gazetteer(k))
	{
		dipb_set_error(b, "invalid entity kind \"%s\"", kind);
		return false;
	}
	if (name == NULL || name[0] == '\0' || strlen(name) > 200)
	{
		dipb_set_error(b, "entity name must have 1 to 200 bytes%s", "");
		return false;
	}
	if (!check_country(b, country) || !check_actor(b, actor))
		return false;
	idx = b->entities.n;
	e = dipb_vec_push(&b->arena, &b->entities);
	e->name = dipb_string(b, name, strlen(name));
	e->namelen = (uint32_t) strlen(name);
	e->kind = (uint8_t) k;
	dipb_copy_code(e->country, sizeof(e->country), country);
	dipb_copy_code(e->actor, sizeof(e->actor), actor);
	e->valid_from = valid_from;
	e->valid_to = valid_to == DIP_NO_DATE ? INT32_MAX : valid_to;

	/* the canonical name and the aliases, with their rules */
	if (!add_aliases(b, idx, name, aliases))
	{
		b->entities.n--;
		return false;
	}
	/* a person's surname (or family name written first) for "Biden" */
	if (k == DIP_KIND_PER)
	{
		PTok		toks[DIP_MAX_PHRASE];
		int			n = dipb_phrase_tokens(b, name, toks, true);
		int			words = 0;

		for (int i = 0; i < n; i++)
			if (!(toks[i].flags & DIP_TF_JOIN) && toks[i].nlen > 1)
				words++;
		if (words >= 2 && words <= 4 && !(toks[n - 1].flags & DIP_TF_JOIN) &&
			toks[n - 1].nlen >= 3)
			dipb_add_item(b, dipb_trie_step(b, 0, toks[n - 1].wid, true), DIP_ITEM_SURNAME, 1, idx, 1, 0);
		if (words >= 2 && words <= 3 && toks[0].nlen >= 2 && n > 1 &&
			!(toks[1].flags & DIP_TF_JOIN))
			dipb_add_item(b, dipb_trie_step(b, 0, toks[0].wid, true), DIP_ITEM_SURNAME, 1, idx, 3, 0);
	}
	return true;
}

bool
dip_builder_add_office(DipBuilder *b, const char *person, const char *office,
					   const char *title, const char *country,
					   const char *actor, int32_t start, int32_t end)
{
	BPendingOffice *po;
	int			o = dip_office_from_name(office, strlen(office));

	if (o < 0)
	{
		dipb_set_error(b, "unknown office \"%s\"", office);
		return false;
	}
	if (!check_country(b, country) || !check_actor(b, actor))
		return false;
	po = dipb_vec_push(&b->arena, &b->offices);
	po->person = dipb_string(b, person, strlen(person));
	po->personlen = (uint32_t) strlen(person);
	po->o.title = dipb_string(b, title ? title : "", title ? strlen(title) : 0);
	po->o.office = (uint8_t) o;
	dipb_copy_code(po->o.country, sizeof(po->o.country), country);
	dipb_copy_code(po->o.actor, sizeof(po->o.actor), actor);
	po->o.start = start;
	po->o.end = end == DIP_NO_DATE ? INT32_MAX : end;
	return true;
}

bool
dip_builder_add_role(DipBuilder *b, const char *term, const char *role,
					 const char *use, const char *office, const char *country)
{
	PTok		toks[DIP_MAX_PHRASE];
	int			n;
	DipRole    *r;
	uint32_t	idx = b->roles.n;
	int			o = dip_office_from_name(office ? office : "", office ? strlen(office) : 0);
	uint8_t		u;

	if (role && role[0] && (strlen(role) != 3 || !dip_actor_is_role(role)))
	{
		dipb_set_error(b, "unknown role code \"%s\"", role);
		return false;
	}
	if (o < 0)
	{
		dipb_set_error(b, "unknown office \"%s\"", office);
		return false;
	}
	if (strcmp(use, "title") == 0)
		u = DIP_ROLE_TITLE;
	else if (strcmp(use, "agent") == 0)
		u = DIP_ROLE_AGENT;
	else if (strcmp(use, "both") == 0)
		u = DIP_ROLE_TITLE | DIP_ROLE_AGENT;
	else
	{
		dipb_set_error(b, "role use must be title, agent or both, not \"%s\"", use);
		return false;
	}
	if (!check_country(b, country))
		return false;
	n = dipb_phrase_tokens(b, term, toks, true);
	if (n <= 0)
	{
		dipb_set_error(b, "empty role term%s", "");
		return false;
	}
	r = dipb_vec_push(&b->arena, &b->roles);
	r->term = dipb_string(b, term, strlen(term));
	dipb_copy_code(r->role, sizeof(r->role), role);
	r->use = u;
	r->office = (uint8_t) o;
	dipb_copy_code(r->country, sizeof(r->country), country);
	r->ntok = (uint16_t) n;
	for (int i = 0; i < n; i++)
	{
		DipWord    *w = VEC_AT(b->words, DipWord, toks[i].wid);

		if (n > 1)
			w->lex |= LX_TITLEWORD;
		if (u & DIP_ROLE_AGENT)
			w->lex |= (i == n - 1) ? LX_AGENT : 0;
	}
	dipb_add_item(b, dipb_insert_path(b, toks, n), DIP_ITEM_ROLE, n, idx, 0, 0);
	return true;
}

/*
 * Parses the |-separated classes of a lexicon row into LX_* and CUE_*
 * bits; false (and the error) for an unknown class.
 */
static bool
lexicon_classes(DipBuilder *b, const char *classes, uint32_t *lex, uint32_t *cues)
{
	const char *p = classes;

	*lex = *cues = 0;
	while (p && *p)
	{
		const char *bar = strchr(p, '|');
		size_t		l = bar ? (size_t) (bar - p) : strlen(p);
		uint32_t	bit = dip_lexclass_from_name(p, l);
		int			cue = dip_cueclass_from_name(p, l);

		if (bit == 0 && cue < 0)
		{
			char		buf[64];

			snprintf(buf, sizeof(buf), "%.*s", (int) (l < 60 ? l : 60), p);
			dipb_set_error(b, "unknown word class \"%s\"", buf);
			return false;
		}
		*lex |= bit;
		if (cue >= 0)
			*cues |= 1u << cue;
		p += l;
		if (*p == '|')
			p++;
	}
	return true;
}

/*
 * Checks the value of a lexicon row against its cue classes and fills
 * *v: a number in the class's range, or a CAMEO role code; false (and the
 * error) if a valued class lacks a valid one or the row has a value no
 * class takes.
 */
static bool
lexicon_value(DipBuilder *b, const char *classes, uint32_t cues, const char *value,
			  DipWordValue *v)
{
	bool		valued = false;

	memset(v, 0, sizeof(*v));
	for (int k = 0; k < CUEB_NCLASSES; k++)
	{
		int			lo,
					hi,
					kind = dip_cueclass_value(k, &lo, &hi);
		char	   *end;
		long		num;

		if (!(cues & (1u << k)) || kind == CUEV_NONE)
			continue;
		valued = true;
		if (kind == CUEV_ROLE)
		{
			if (value == NULL || strlen(value) != 3 || !dip_actor_is_role(value))
			{
				dipb_set_error(b, "word class %s needs a CAMEO role code as value", dip_cueclass_name(k));
				return false;
			}
			v->str = dipb_string(b, value, 3);
			continue;
		}
		num = value && value[0] ? strtol(value, &end, 10) : 0;
		if (value == NULL || value[0] == '\0' || *end != '\0' || num < lo || num > hi)
		{
			dipb_set_error(b, "word class %s needs a whole number as value", dip_cueclass_name(k));
			return false;
		}
		v->num = (int32_t) num;
	}
	if (!valued && value != NULL && value[0] != '\0')
	{
		dipb_set_error(b, "word class \"%s\" takes no value", classes);
		return false;
	}
	return true;
}

/* Records the values of word wid in the valued cue classes of cues. */
static void
add_values(DipBuilder *b, uint32_t wid, uint32_t cues, const DipWordValue *v)
{
	for (int k = 0; k < CUEB_NCLASSES; k++)
	{
		int			lo,
					hi;
		BWordValue *bv;

		if (!(cues & (1u << k)) || dip_cueclass_value(k, &lo, &hi) == CUEV_NONE)
			continue;
		bv = dipb_vec_push(&b->arena, &b->values);
		bv->v = *v;
		bv->v.wid = wid;
		bv->v.cls = (uint32_t) k;
		bv->seq = b->values.n;
	}
}

/*
 * Adds a lexicon row: a word with |-separated classes, and for the valued
 * cue classes a value.  Words that are only cue words do not count as
 * known words of the dictionaries.
 */
bool
dip_builder_add_lexicon(DipBuilder *b, const char *word, const char *classes,
						const char *value)
{
	PTok		toks[DIP_MAX_PHRASE];
	int			n;
	uint32_t	bits,
				cues;
	DipWordValue v;

	if (!lexicon_classes(b, classes, &bits, &cues) || !lexicon_value(b, classes, cues, value, &v))
		return false;
	b->cue_words = (bits == 0);
	n = dipb_phrase_tokens(b, word, toks, true);
	b->cue_words = false;
	if (n < 1)
	{
		dipb_set_error(b, "empty lexicon entry%s", "");
		return false;
	}
	if (bits & (LX_DET | LX_PRON | LX_PREP | LX_CONJ | LX_ADV | LX_ADJ | LX_NOUN |
				LX_VERB | LX_AUX | LX_NUM | LX_INTJ | LX_MONTH | LX_WEEKDAY))
		bits |= LX_COMMON;
	/*
	 * One word, or one hyphenated word ("Jean-Pierre": each part gets the
	 * class), or a word with a clitic ("it's": the word gets it).
	 */
	for (int i = 1; i < n; i++)
		if (!(toks[i].flags & DIP_TF_JOIN) && !(toks[i].norm[0] == '\'' && i == n - 1))
		{
			dipb_set_error(b, "lexicon entry \"%s\" is not a single word", word);
			return false;
		}
	for (int i = 0; i < n; i++)
		if (toks[i].norm[0] != '-' && toks[i].norm[0] != '\'')
		{
			DipWord    *w = VEC_AT(b->words, DipWord, toks[i].wid);

			w->lex |= bits;
			w->cues |= cues;
			add_values(b, toks[i].wid, cues, &v);
		}
	return true;
}

bool
dip_builder_add_verb(DipBuilder *b, const char *lemma, const char *third,
					 const char *past, const char *participle,
					 const char *gerund)
{
	const char *forms[5] = {lemma, third, past, participle, gerund};
	static const uint32_t vf[5] = {DIP_VF_BASE, DIP_VF_3SG, DIP_VF_PAST, DIP_VF_PART, DIP_VF_GER};
	uint32_t	lid;
	PTok		toks[DIP_MAX_PHRASE];

	for (int i = 0; i < 5; i++)
	{
		int			nt;

		if (forms[i] == NULL || forms[i][0] == '\0' || strchr(forms[i], '|') ||
			strchr(forms[i], ' '))
		{
			dipb_set_error(b, "verb form \"%s\" is not a single word", forms[i] ? forms[i] : "");
			return false;
		}
		nt = dipb_phrase_tokens(b, forms[i], toks, false);
		if (nt != 1)
		{
			/* "de-escalate": patterns spell its forms out as words */
			char		buf[1024];

			if (nt < 1 || strlen(lemma) + strlen(forms[0]) + strlen(forms[1]) + strlen(forms[2]) +
				strlen(forms[3]) + strlen(forms[4]) + 8 > sizeof(buf))
			{
				dipb_set_error(b, "verb form \"%s\" is not a word", forms[i]);
				return false;
			}
			snprintf(buf, sizeof(buf), "%s\t%s|%s|%s|%s|%s", lemma, forms[0], forms[1],
					 forms[2], forms[3], forms[4]);
			*(char **) dipb_vec_push(&b->arena, &b->mwverbs) = dip_arena_strndup(&b->arena, buf, strlen(buf));
			return true;
		}
	}
	/* one lemma id per lemma string */
	for (lid = 0; lid < b->lemmas.n; lid++)
		if (strcmp(dipb_str(b, *VEC_AT(b->lemmas, uint32_t, lid)), lemma) == 0)
			break;
	if (lid == b->lemmas.n)
	{
		*(uint32_t *) dipb_vec_push(&b->arena, &b->lemmas) = dipb_string(b, lemma, strlen(lemma));
		dipb_vec_push(&b->arena, &b->lemmaforms);
	}
	for (int i = 0; i < 5; i++)
	{
		uint32_t	wid;
		DipWord    *w;

		dipb_phrase_tokens(b, forms[i], toks, true);
		wid = toks[0].wid;
		VEC_AT(b->lemmaforms, LemmaForms, lid)->wid[i] = wid;
		w = VEC_AT(b->words, DipWord, wid);
		/* a word that is a form of two lemmas keeps the first */
		if (w->lemma == 0 || w->lemma == lid + 1)
		{
			w->lemma = lid + 1;
			w->vforms |= vf[i];
		}
		w->lex |= LX_VERB | LX_COMMON;
	}
	return true;
}

int
dipb_topic(DipBuilder *b, const char *key)
{
	for (uint32_t i = 0; i < b->topics.n; i++)
		if (strcmp(dipb_str(b, VEC_AT(b->topics, DipTopic, i)->key), key) == 0)
			return (int) i;
	return -1;
}

bool
dip_builder_add_topic(DipBuilder *b, const char *key, const char *label,
					  const char *parent)
{
	DipTopic   *t;
	size_t		l = strlen(key);

	if (l == 0 || l > 63)
	{
		dipb_set_error(b, "topic key must have 1 to 63 characters: \"%s\"", key);
		return false;
	}
	for (size_t i = 0; i < l; i++)
		if (!((key[i] >= 'a' && key[i] <= 'z') || (key[i] >= '0' && key[i] <= '9') ||
			  key[i] == '_'))
		{
			dipb_set_error(b, "topic key may contain only a-z, 0-9 and _: \"%s\"", key);
			return false;
		}
	if (dipb_topic(b, key) >= 0)
	{
		dipb_set_error(b, "duplicate topic \"%s\"", key);
		return false;
	}
	t = dipb_vec_push(&b->arena, &b->topics);
	t->key = dipb_string(b, key, l);
	t->label = dipb_string(b, label ? label : key, strlen(label ? label : key));
	/* parents are resolved in finish; keep the key for now */
	t->parent = parent && parent[0] ? (int32_t) dipb_string(b, parent, strlen(parent)) : -1;
	return true;
}

bool
dip_builder_add_term(DipBuilder *b, const char *topic, const char *term,
					 double weight)
{
	int			ti = dipb_topic(b, topic);
	const char *colon = strchr(term, ':');
	int			kind = colon ? dip_kind_from_name(term, (size_t) (colon - term)) : 0;

	if (ti < 0)
	{
		dipb_set_error(b, "unknown topic \"%s\"", topic);
		return false;
	}
	if (!(weight > 0 && weight <= 100))
	{
		dipb_set_error(b, "term weight must be in (0, 100]: \"%s\"", term);
		return false;
	}
	if (kind != DIP_KIND_NONE)
	{
		/* entity evidence, resolved in finish */
		BEntTopic  *et = dipb_vec_push(&b->arena, &b->enttopics);

		et->topic = (uint32_t) ti;
		et->weight = (float) weight;
		et->kind = kind;
		et->name = dipb_string(b, colon + 1, strlen(colon + 1));
		et->namelen = (uint32_t) strlen(colon + 1);
		return true;
	}
	else
	{
		PTok		toks[DIP_MAX_PHRASE];
		int			n = dipb_phrase_tokens(b, term, toks, true);
		uint32_t	node;
		BTermRef   *r;

		if (n <= 0)
		{
			dipb_set_error(b, "empty or too long term \"%s\"", term);
			return false;
		}
		node = dipb_insert_path(b, toks, n);
		b->node_group = dip_array_reserve0(&b->arena, b->node_group, &b->node_group_cap,
										  node + 1, sizeof(uint32_t), 1024);
		if (b->node_group[node] == 0)
		{
			b->node_group[node] = ++b->ngroups;
			dipb_add_item(b, node, DIP_ITEM_TERM, n, b->ngroups - 1, 0, 0);
		}
		r = dipb_vec_push(&b->arena, &b->termrefs);
		r->group = b->node_group[node] - 1;
		r->topic = (uint32_t) ti;
		r->weight = (float) weight;
		r->seq = b->termrefs.n;
	}
	return true;
}
