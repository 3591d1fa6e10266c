/*-------------------------------------------------------------------------
 *
 * dip_dict.c
 *	  Dictionary builder, flat image layout, validation and lookup.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_dict.h"
#include "dip_cameo.h"
#include "dip_hash.h"
#include "dip_date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Names of enumerations
 * ------------------------------------------------------------------------
 */
static const char *const kind_names[DIP_NKINDS] = {
	"", "PER", "ORG", "GPE", "LOC", "NORP", "DATE"
};

const char *
dip_kind_name(int kind)
{
	if (kind <= 0 || kind >= DIP_NKINDS)
		return "";
	return kind_names[kind];
}

int
dip_kind_from_name(const char *s, size_t len)
{
	for (int k = 1; k < DIP_NKINDS; k++)
		if (strlen(kind_names[k]) == len && memcmp(kind_names[k], s, len) == 0)
			return k;
	return DIP_KIND_NONE;
}

static const char *const office_names[DIP_NOFFICES] = {
	"", "head_of_state", "head_of_government", "foreign_minister",
	"defence_minister", "finance_minister", "interior_minister",
	"spokesperson", "un_ambassador", "national_security_adviser",
	"secretary_general", "party_leader", "vice_president",
	"deputy_head_of_government", "other"
};

int
dip_office_from_name(const char *s, size_t len)
{
	if (len == 0)
		return DIP_OFFICE_NONE;
	for (int k = 1; k < DIP_NOFFICES; k++)
		if (strlen(office_names[k]) == len && memcmp(office_names[k], s, len) == 0)
			return k;
	if (len == 16 && memcmp(s, "defense_minister", 16) == 0)
		return DIP_OFFICE_DEFENCE_MINISTER;
	return -1;
}

const char *
dip_office_name(int office)
{
	if (office <= 0 || office >= DIP_NOFFICES)
		return "";
	return office_names[office];
}

static const struct
{
	const char *name;
	uint32_t	bit;
}			lexclasses[] = {
	{"DET", LX_DET}, {"PRON", LX_PRON}, {"PREP", LX_PREP}, {"CONJ", LX_CONJ},
	{"ADV", LX_ADV}, {"ADJ", LX_ADJ}, {"NOUN", LX_NOUN}, {"VERB", LX_VERB},
	{"AUX", LX_AUX}, {"NUM", LX_NUM}, {"INTJ", LX_INTJ}, {"MONTH", LX_MONTH},
	{"WEEKDAY", LX_WEEKDAY}, {"GIVEN", LX_GIVEN}, {"SURNAME", LX_SURNAME},
	{"ORG_SUFFIX", LX_ORG_SUFFIX}, {"ORG_HEAD", LX_ORG_HEAD},
	{"LOC_SUFFIX", LX_LOC_SUFFIX}, {"LOC_HEAD", LX_LOC_HEAD},
	{"LOC_PREP", LX_LOC_PREP}, {"PER_TITLE", LX_PER_TITLE},
	{"PER_PRONOUN", LX_PER_PRONOUN}, {"PER_PARTICLE", LX_PARTICLE},
	{"NOT_NAME", LX_NOT_NAME}, {"AMBIGUOUS", LX_AMBIG},
	{"PER_VERB", 0},
};

uint32_t
dip_lexclass_from_name(const char *s, size_t len)
{
	for (size_t i = 0; i < sizeof(lexclasses) / sizeof(lexclasses[0]); i++)
		if (strlen(lexclasses[i].name) == len &&
			memcmp(lexclasses[i].name, s, len) == 0)
			return lexclasses[i].bit ? lexclasses[i].bit : 0x80000000u;
	return 0;
}

/* ------------------------------------------------------------------------
 * Growable arrays inside the builder's arena
 * ------------------------------------------------------------------------
 */
typedef struct Vec
{
	void	   *v;
	uint32_t	n;
	uint32_t	cap;
	uint32_t	esize;
} Vec;

static void *
vec_push(DipArena *a, Vec *vec)
{
	vec->v = dip_array_reserve(a, vec->v, &vec->cap, vec->n + 1, vec->esize, 64);
	memset((char *) vec->v + (size_t) vec->n * vec->esize, 0, vec->esize);
	return (char *) vec->v + (size_t) (vec->n++) * vec->esize;
}

#define VEC_INIT(T) {NULL, 0, 0, sizeof(T)}
#define VEC_AT(vec, T, i) (&((T *) (vec).v)[i])

/* ------------------------------------------------------------------------
 * Builder
 * ------------------------------------------------------------------------
 */
typedef struct BEdge
{
	uint32_t	node;
	uint32_t	wid;
	uint32_t	child;
} BEdge;

typedef struct BItem
{
	uint32_t	node;
	DipItem		item;
} BItem;

typedef struct BTermRef
{
	uint32_t	group;
	uint32_t	topic;
	float		weight;
	uint32_t	seq;
} BTermRef;

typedef struct BEntTopic
{
	uint32_t	topic;
	float		weight;
	int			kind;
	uint32_t	name;			/* strpool */
	uint32_t	namelen;
} BEntTopic;

typedef struct LemmaForms
{
	uint32_t	wid[5];
} LemmaForms;

typedef struct BPendingOffice
{
	DipOffice	o;
	uint32_t	person;			/* strpool */
	uint32_t	personlen;
} BPendingOffice;

struct DipBuilder
{
	DipMem		mem;
	DipArena	arena;
	char		error[256];

	Vec			strpool;		/* char */
	Vec			words;			/* DipWord */
	uint32_t   *whash;			/* open addressing: wid */
	uint32_t	whash_size;

	Vec			edges;			/* BEdge */
	uint32_t   *ehash;			/* index+1 into edges */
	uint32_t	ehash_size;
	uint32_t	nnodes;
	Vec			items;			/* BItem */

	Vec			entities;		/* DipEntity */
	Vec			offices;		/* BPendingOffice */
	Vec			roles;			/* DipRole */
	Vec			patterns;		/* DipPattern */
	Vec			pelems;			/* DipPElem */
	Vec			pwids;			/* uint32_t */
	Vec			lemmas;			/* uint32_t strpool offsets */
	Vec			lemmaforms;		/* LemmaForms, parallel to lemmas */
	Vec			mwverbs;		/* char *: "lemma\tf1|f2|f3|f4|f5" of
								 * hyphenated verbs */
	Vec			topics;			/* DipTopic */
	Vec			termrefs;		/* BTermRef */
	Vec			enttopics;		/* BEntTopic */
	uint32_t	ngroups;
	uint32_t   *node_group;		/* node -> group+1, grown with nodes */
	uint32_t	node_group_cap;
};

static void
set_error(DipBuilder *b, const char *fmt, const char *arg)
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

/* The hash of dictionary words and names. */
static inline uint32_t
hash_bytes(const char *s, size_t len)
{
	return dip_hash_bytes(s, len, 0);
}

static inline uint32_t
hash_edge(uint32_t node, uint32_t wid)
{
	uint64_t	k = ((uint64_t) node << 32) | wid;

	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return (uint32_t) k;
}

static uint32_t
add_string(DipBuilder *b, const char *s, size_t len)
{
	uint32_t	off = b->strpool.n;

	for (size_t i = 0; i < len; i++)
		*(char *) vec_push(&b->arena, &b->strpool) = s[i];
	*(char *) vec_push(&b->arena, &b->strpool) = '\0';
	return off;
}

static const char *
bstr(const DipBuilder *b, uint32_t off)
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
	add_string(b, "", 0);
	vec_push(&b->arena, &b->words);	/* wid 0 = unknown */
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

/* Word id of a normalised word, adding it if new. */
static uint32_t
intern_word(DipBuilder *b, const char *s, size_t len)
{
	uint32_t	mask;
	uint32_t	h;
	DipWord    *w;

	if ((b->words.n + 1) * 2 > b->whash_size)
	{
		uint32_t	nsize = b->whash_size * 2;
		uint32_t   *nh = dip_arena_alloc0(&b->arena, nsize * sizeof(uint32_t));

		for (uint32_t wid = 1; wid < b->words.n; wid++)
		{
			DipWord    *ww = VEC_AT(b->words, DipWord, wid);
			uint32_t	hh = hash_bytes(bstr(b, ww->str), ww->len) & (nsize - 1);

			while (nh[hh] != 0)
				hh = (hh + 1) & (nsize - 1);
			nh[hh] = wid;
		}
		b->whash = nh;
		b->whash_size = nsize;
	}
	mask = b->whash_size - 1;
	h = hash_bytes(s, len) & mask;
	while (b->whash[h] != 0)
	{
		DipWord    *ww = VEC_AT(b->words, DipWord, b->whash[h]);

		if (ww->len == len && memcmp(bstr(b, ww->str), s, len) == 0)
			return b->whash[h];
		h = (h + 1) & mask;
	}
	w = vec_push(&b->arena, &b->words);
	w->str = add_string(b, s, len);
	w->len = (uint32_t) len;
	b->whash[h] = b->words.n - 1;
	return b->words.n - 1;
}

/* Child of node for wid, creating it if create is set; 0 if absent. */
static uint32_t
trie_step(DipBuilder *b, uint32_t node, uint32_t wid, bool create)
{
	uint32_t	mask;
	uint32_t	h;
	BEdge	   *e;

	if ((b->edges.n + 1) * 2 > b->ehash_size)
	{
		uint32_t	nsize = b->ehash_size * 2;
		uint32_t   *nh = dip_arena_alloc0(&b->arena, nsize * sizeof(uint32_t));

		for (uint32_t i = 0; i < b->edges.n; i++)
		{
			BEdge	   *ee = VEC_AT(b->edges, BEdge, i);
			uint32_t	hh = hash_edge(ee->node, ee->wid) & (nsize - 1);

			while (nh[hh] != 0)
				hh = (hh + 1) & (nsize - 1);
			nh[hh] = i + 1;
		}
		b->ehash = nh;
		b->ehash_size = nsize;
	}
	mask = b->ehash_size - 1;
	h = hash_edge(node, wid) & mask;
	while (b->ehash[h] != 0)
	{
		BEdge	   *ee = VEC_AT(b->edges, BEdge, b->ehash[h] - 1);

		if (ee->node == node && ee->wid == wid)
			return ee->child;
		h = (h + 1) & mask;
	}
	if (!create)
		return 0;
	e = vec_push(&b->arena, &b->edges);
	e->node = node;
	e->wid = wid;
	e->child = b->nnodes++;
	b->ehash[h] = b->edges.n;
	return e->child;
}

/* Tokens of a dictionary phrase. */
typedef struct PTok
{
	uint32_t	wid;
	uint32_t	flags;
	const char *norm;
	uint32_t	nlen;
} PTok;

#define MAX_PHRASE 24

/*
 * Splits a phrase into normalised tokens with the document segmenter, so
 * that dictionary entries and text are tokenised alike.  A leading "the"
 * is dropped.  Returns the token count, or -1 if the phrase is too long.
 */
static int
phrase_tokens(DipBuilder *b, const char *s, PTok *out, bool intern)
{
	DipDoc		doc;
	int			n = 0;

	dip_doc_init(&doc, &b->mem, NULL, s, strlen(s));
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
			if (n >= MAX_PHRASE)
			{
				dip_doc_free(&doc);
				return -1;
			}
			out[n].wid = intern ? intern_word(b, t->norm, t->nlen) : 0;
			out[n].flags = t->flags;
			out[n].norm = dip_arena_strndup(&b->arena, t->norm, t->nlen);
			out[n].nlen = t->nlen;
			n++;
		}
	}
	dip_doc_free(&doc);
	return n;
}

static uint32_t
insert_path(DipBuilder *b, const PTok *toks, int n)
{
	uint32_t	node = 0;

	for (int i = 0; i < n; i++)
		node = trie_step(b, node, toks[i].wid, true);
	return node;
}

static void
add_item(DipBuilder *b, uint32_t node, int type, int len, uint32_t ref,
		 uint32_t capmask, uint32_t allcapsmask)
{
	BItem	   *it;

	/* skip exact duplicates (same alias twice) */
	for (uint32_t i = b->items.n; i > 0 && i + 8 > b->items.n; i--)
	{
		BItem	   *o = VEC_AT(b->items, BItem, i - 1);

		if (o->node == node && o->item.type == type && o->item.ref == ref)
			return;
	}
	it = vec_push(&b->arena, &b->items);
	it->node = node;
	it->item.type = (uint16_t) type;
	it->item.len = (uint16_t) len;
	it->item.ref = ref;
	it->item.capmask = capmask;
	it->item.allcapsmask = allcapsmask;
}

static void
copy_code(char *dst, size_t dstsize, const char *src)
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
		set_error(b, "invalid country code \"%s\"", country);
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
		set_error(b, "invalid actor code \"%s\"", actor);
		return false;
	}
	return true;
}

/* Adds one alias path for entity ent. */
static void
add_alias(DipBuilder *b, uint32_t ent, const char *alias)
{
	PTok		toks[MAX_PHRASE];
	int			n = phrase_tokens(b, alias, toks, true);
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
	node = insert_path(b, toks, n);
	add_item(b, node, DIP_ITEM_ENTITY, n, ent, capmask, allcaps);
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

	if (k == DIP_KIND_NONE || k == DIP_KIND_DATE)
	{
		set_error(b, "invalid entity kind \"%s\"", kind);
		return false;
	}
	if (name == NULL || name[0] == '\0' || strlen(name) > 200)
	{
		set_error(b, "entity name must have 1 to 200 bytes%s", "");
		return false;
	}
	if (!check_country(b, country) || !check_actor(b, actor))
		return false;
	idx = b->entities.n;
	e = vec_push(&b->arena, &b->entities);
	e->name = add_string(b, name, strlen(name));
	e->namelen = (uint32_t) strlen(name);
	e->kind = (uint8_t) k;
	copy_code(e->country, sizeof(e->country), country);
	copy_code(e->actor, sizeof(e->actor), actor);
	e->valid_from = valid_from;
	e->valid_to = valid_to == DIP_NO_DATE ? INT32_MAX : valid_to;

	add_alias(b, idx, name);
	/* a person's surname (or family name written first) for "Biden" */
	if (k == DIP_KIND_PER)
	{
		PTok		toks[MAX_PHRASE];
		int			n = phrase_tokens(b, name, toks, true);
		int			words = 0;

		for (int i = 0; i < n; i++)
			if (!(toks[i].flags & DIP_TF_JOIN) && toks[i].nlen > 1)
				words++;
		if (words >= 2 && words <= 4 && !(toks[n - 1].flags & DIP_TF_JOIN) &&
			toks[n - 1].nlen >= 3)
			add_item(b, trie_step(b, 0, toks[n - 1].wid, true), DIP_ITEM_SURNAME, 1, idx, 1, 0);
		if (words >= 2 && words <= 3 && toks[0].nlen >= 2 && n > 1 &&
			!(toks[1].flags & DIP_TF_JOIN))
			add_item(b, trie_step(b, 0, toks[0].wid, true), DIP_ITEM_SURNAME, 1, idx, 3, 0);
	}
	if (aliases != NULL)
	{
		const char *p = aliases;

		while (*p)
		{
			const char *bar = strchr(p, '|');
			size_t		l = bar ? (size_t) (bar - p) : strlen(p);

			if (l > 0 && l < 256)
			{
				char		buf[256];

				memcpy(buf, p, l);
				buf[l] = '\0';
				add_alias(b, idx, buf);
			}
			p += l;
			if (*p == '|')
				p++;
		}
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
		set_error(b, "unknown office \"%s\"", office);
		return false;
	}
	if (!check_country(b, country) || !check_actor(b, actor))
		return false;
	po = vec_push(&b->arena, &b->offices);
	po->person = add_string(b, person, strlen(person));
	po->personlen = (uint32_t) strlen(person);
	po->o.title = add_string(b, title ? title : "", title ? strlen(title) : 0);
	po->o.office = (uint8_t) o;
	copy_code(po->o.country, sizeof(po->o.country), country);
	copy_code(po->o.actor, sizeof(po->o.actor), actor);
	po->o.start = start;
	po->o.end = end == DIP_NO_DATE ? INT32_MAX : end;
	return true;
}

bool
dip_builder_add_role(DipBuilder *b, const char *term, const char *role,
					 const char *use, const char *office, const char *country)
{
	PTok		toks[MAX_PHRASE];
	int			n;
	DipRole    *r;
	uint32_t	idx = b->roles.n;
	int			o = dip_office_from_name(office ? office : "", office ? strlen(office) : 0);
	uint8_t		u;

	if (role && role[0] && (strlen(role) != 3 || !dip_actor_is_role(role)))
	{
		set_error(b, "unknown role code \"%s\"", role);
		return false;
	}
	if (o < 0)
	{
		set_error(b, "unknown office \"%s\"", office);
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
		set_error(b, "role use must be title, agent or both, not \"%s\"", use);
		return false;
	}
	if (!check_country(b, country))
		return false;
	n = phrase_tokens(b, term, toks, true);
	if (n <= 0)
	{
		set_error(b, "empty role term%s", "");
		return false;
	}
	r = vec_push(&b->arena, &b->roles);
	r->term = add_string(b, term, strlen(term));
	copy_code(r->role, sizeof(r->role), role);
	r->use = u;
	r->office = (uint8_t) o;
	copy_code(r->country, sizeof(r->country), country);
	r->ntok = (uint16_t) n;
	for (int i = 0; i < n; i++)
	{
		DipWord    *w = VEC_AT(b->words, DipWord, toks[i].wid);

		if (n > 1)
			w->lex |= LX_TITLEWORD;
		if (u & DIP_ROLE_AGENT)
			w->lex |= (i == n - 1) ? LX_AGENT : 0;
	}
	add_item(b, insert_path(b, toks, n), DIP_ITEM_ROLE, n, idx, 0, 0);
	return true;
}

bool
dip_builder_add_lexicon(DipBuilder *b, const char *word, const char *classes)
{
	PTok		toks[MAX_PHRASE];
	int			n = phrase_tokens(b, word, toks, true);
	uint32_t	bits = 0;
	const char *p = classes;

	while (p && *p)
	{
		const char *bar = strchr(p, '|');
		size_t		l = bar ? (size_t) (bar - p) : strlen(p);
		uint32_t	bit = dip_lexclass_from_name(p, l);

		if (bit == 0)
		{
			char		buf[64];

			snprintf(buf, sizeof(buf), "%.*s", (int) (l < 60 ? l : 60), p);
			set_error(b, "unknown word class \"%s\"", buf);
			return false;
		}
		if (bit != 0x80000000u)
			bits |= bit;
		p += l;
		if (*p == '|')
			p++;
	}
	if (n < 1)
	{
		set_error(b, "empty lexicon entry%s", "");
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
			set_error(b, "lexicon entry \"%s\" is not a single word", word);
			return false;
		}
	for (int i = 0; i < n; i++)
		if (toks[i].norm[0] != '-' && toks[i].norm[0] != '\'')
			VEC_AT(b->words, DipWord, toks[i].wid)->lex |= bits;
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
	PTok		toks[MAX_PHRASE];

	for (int i = 0; i < 5; i++)
	{
		int			nt;

		if (forms[i] == NULL || forms[i][0] == '\0' || strchr(forms[i], '|') ||
			strchr(forms[i], ' '))
		{
			set_error(b, "verb form \"%s\" is not a single word", forms[i] ? forms[i] : "");
			return false;
		}
		nt = phrase_tokens(b, forms[i], toks, false);
		if (nt != 1)
		{
			/* "de-escalate": patterns spell its forms out as words */
			char		buf[1024];

			if (nt < 1 || strlen(lemma) + strlen(forms[0]) + strlen(forms[1]) + strlen(forms[2]) +
				strlen(forms[3]) + strlen(forms[4]) + 8 > sizeof(buf))
			{
				set_error(b, "verb form \"%s\" is not a word", forms[i]);
				return false;
			}
			snprintf(buf, sizeof(buf), "%s\t%s|%s|%s|%s|%s", lemma, forms[0], forms[1],
					 forms[2], forms[3], forms[4]);
			*(char **) vec_push(&b->arena, &b->mwverbs) = dip_arena_strndup(&b->arena, buf, strlen(buf));
			return true;
		}
	}
	/* one lemma id per lemma string */
	for (lid = 0; lid < b->lemmas.n; lid++)
		if (strcmp(bstr(b, *VEC_AT(b->lemmas, uint32_t, lid)), lemma) == 0)
			break;
	if (lid == b->lemmas.n)
	{
		*(uint32_t *) vec_push(&b->arena, &b->lemmas) = add_string(b, lemma, strlen(lemma));
		vec_push(&b->arena, &b->lemmaforms);
	}
	for (int i = 0; i < 5; i++)
	{
		uint32_t	wid;
		DipWord    *w;

		phrase_tokens(b, forms[i], toks, true);
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

static int
find_lemma(DipBuilder *b, const char *s, size_t len)
{
	for (uint32_t lid = 0; lid < b->lemmas.n; lid++)
	{
		const char *l = bstr(b, *VEC_AT(b->lemmas, uint32_t, lid));

		if (strlen(l) == len && memcmp(l, s, len) == 0)
			return (int) lid;
	}
	return -1;
}

/* Expands the anchor elements [i, anchor) into trie paths. */
static void
expand_anchor(DipBuilder *b, uint32_t pidx, const DipPElem *el, int anchor,
			  int i, uint32_t node)
{
	if (i == anchor)
	{
		add_item(b, node, DIP_ITEM_PATTERN, anchor, pidx, 0, 0);
		return;
	}
	switch (el[i].kind)
	{
		case DIP_PE_WORD:
			expand_anchor(b, pidx, el, anchor, i + 1,
						  trie_step(b, node, el[i].a, true));
			break;
		case DIP_PE_WORDSET:
			for (uint32_t k = 0; k < el[i].b; k++)
				expand_anchor(b, pidx, el, anchor, i + 1,
							  trie_step(b, node, *VEC_AT(b->pwids, uint32_t, el[i].a + k), true));
			break;
		case DIP_PE_LEMMA:
			{
				LemmaForms *lf = VEC_AT(b->lemmaforms, LemmaForms, el[i].a);

				for (int k = 0; k < 5; k++)
				{
					bool		dup = false;

					for (int j = 0; j < k; j++)
						if (lf->wid[j] == lf->wid[k])
							dup = true;
					if (!dup && lf->wid[k] != 0)
						expand_anchor(b, pidx, el, anchor, i + 1,
									  trie_step(b, node, lf->wid[k], true));
				}
			}
			break;
	}
}

static bool
add_pattern_parsed(DipBuilder *b, const char *code, const char *pattern)
{
	int			packed = dip_cameo_pack(code, strlen(code));
	DipPElem	el[MAX_PHRASE];
	int			nel = 0;
	int			anchor = -1;
	bool		src = false,
				tgt = false;
	const char *p = pattern;
	DipPattern *pat;
	uint32_t	pidx;

	if (packed < 0 || dip_cameo_info(packed) == NULL)
	{
		set_error(b, "unknown CAMEO code \"%s\"", code);
		return false;
	}
	while (*p)
	{
		const char *sp;
		size_t		l;
		char		buf[1024];

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		sp = strchr(p, ' ');
		l = sp ? (size_t) (sp - p) : strlen(p);
		if (l >= sizeof(buf) || nel >= MAX_PHRASE)
		{
			set_error(b, "pattern too long: \"%s\"", pattern);
			return false;
		}
		memcpy(buf, p, l);
		buf[l] = '\0';
		p += l;
		memset(&el[nel], 0, sizeof(DipPElem));
		if (strcmp(buf, "*") == 0)
			el[nel].kind = DIP_PE_GAP;
		else if (strcmp(buf, "$") == 0)
		{
			if (src)
				goto bad;
			el[nel].kind = DIP_PE_SOURCE;
			src = true;
		}
		else if (strcmp(buf, "+") == 0)
		{
			if (tgt)
				goto bad;
			el[nel].kind = DIP_PE_TARGET;
			tgt = true;
		}
		else if (buf[0] == '{' && l > 2 && buf[l - 1] == '}')
		{
			int			lid = find_lemma(b, buf + 1, l - 2);

			if (lid < 0)
			{
				set_error(b, "verb \"%s\" has no forms in the verb table", buf);
				return false;
			}
			el[nel].kind = DIP_PE_LEMMA;
			el[nel].a = (uint32_t) lid;
		}
		else
		{
			/* word or word|word */
			char	   *q = buf;
			uint32_t	first = b->pwids.n;
			uint32_t	cnt = 0;

			while (*q)
			{
				char	   *bar = strchr(q, '|');
				PTok		toks[MAX_PHRASE];
				int			n;

				if (bar)
					*bar = '\0';
				n = phrase_tokens(b, q, toks, true);
				if (n != 1)
				{
					/* "'s" and similar split into one token too */
					set_error(b, "pattern word \"%s\" is not a single token", q);
					return false;
				}
				*(uint32_t *) vec_push(&b->arena, &b->pwids) = toks[0].wid;
				cnt++;
				if (!bar)
					break;
				q = bar + 1;
			}
			if (cnt == 1)
			{
				el[nel].kind = DIP_PE_WORD;
				el[nel].a = *VEC_AT(b->pwids, uint32_t, first);
				b->pwids.n = first;
			}
			else
			{
				el[nel].kind = DIP_PE_WORDSET;
				el[nel].a = first;
				el[nel].b = cnt;
			}
		}
		if (anchor < 0 && (el[nel].kind == DIP_PE_GAP || el[nel].kind == DIP_PE_SOURCE ||
						   el[nel].kind == DIP_PE_TARGET))
			anchor = nel;
		nel++;
	}
	if (anchor < 0)
		anchor = nel;
	if (nel == 0 || anchor == 0)
	{
bad:
		set_error(b, "pattern must start with a word and have at most one $ and one +: \"%s\"",
				  pattern);
		return false;
	}
	pidx = b->patterns.n;
	pat = vec_push(&b->arena, &b->patterns);
	pat->code = (int16_t) packed;
	pat->nelem = (uint16_t) nel;
	pat->elem_first = b->pelems.n;
	pat->text = add_string(b, pattern, strlen(pattern));
	pat->anchor = (uint16_t) anchor;
	pat->has_source = src;
	pat->has_target = tgt;
	for (int i = 0; i < nel; i++)
		*(DipPElem *) vec_push(&b->arena, &b->pelems) = el[i];
	expand_anchor(b, pidx, el, anchor, 0, 0);
	return true;
}


/* Joins pattern elements and parses them. */
static bool
dip_builder_add_pattern_elems(DipBuilder *b, const char *code, char **elems, int n)
{
	char		buf[8192];
	size_t		l = 0;

	for (int i = 0; i < n; i++)
	{
		size_t		el = strlen(elems[i]);

		if (l + el + 2 >= sizeof(buf))
		{
			set_error(b, "pattern too long%s", "");
			return false;
		}
		if (i > 0)
			buf[l++] = ' ';
		memcpy(buf + l, elems[i], el);
		l += el;
	}
	buf[l] = '\0';
	return add_pattern_parsed(b, code, buf);
}

/*
 * Adds a pattern.  Hyphenated words ("cease-fire") are several tokens, so
 * a word list holding some is split into one pattern per hyphenated word
 * (as a word sequence) plus one with the simple words; {verb} elements of
 * hyphenated verbs become the list of their forms first.
 */
bool
dip_builder_add_pattern(DipBuilder *b, const char *code, const char *pattern)
{
	char	   *elems[MAX_PHRASE * 2];
	int			n = 0;
	char	   *copy;
	char	   *save = NULL;

	if (strlen(pattern) > 4000)
	{
		set_error(b, "pattern too long: \"%s\"", pattern);
		return false;
	}
	copy = dip_arena_strndup(&b->arena, pattern, strlen(pattern));
	for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save))
	{
		if (n >= MAX_PHRASE * 2)
		{
			set_error(b, "pattern too long: \"%s\"", pattern);
			return false;
		}
		elems[n++] = t;
	}
	for (int i = 0; i < n; i++)
	{
		char	   *e = elems[i];
		size_t		el = strlen(e);

		/* a hyphenated verb: substitute its forms */
		if (e[0] == '{' && el > 2 && e[el - 1] == '}')
		{
			for (uint32_t k = 0; k < b->mwverbs.n; k++)
			{
				const char *mw = *VEC_AT(b->mwverbs, char *, k);
				const char *tab = strchr(mw, '\t');

				if ((size_t) (tab - mw) == el - 2 && memcmp(mw, e + 1, el - 2) == 0)
				{
					elems[i] = dip_arena_strndup(&b->arena, tab + 1, strlen(tab + 1));
					e = elems[i];
					el = strlen(e);
					break;
				}
			}
		}
		if (e[0] == '{' || strcmp(e, "*") == 0 || strcmp(e, "$") == 0 || strcmp(e, "+") == 0)
			continue;
		/* a word list: split off multi-token alternatives */
		{
			char		simple[4096];
			size_t		sl = 0;
			bool		any_multi = false;
			bool		ok = false;
			char	   *alts = dip_arena_strndup(&b->arena, e, el);
			char	   *s2 = NULL;

			simple[0] = '\0';
			for (char *a = strtok_r(alts, "|", &s2); a; a = strtok_r(NULL, "|", &s2))
			{
				PTok		toks[MAX_PHRASE];
				int			nt = phrase_tokens(b, a, toks, false);

				if (nt > 1)
				{
					/* this alternative as a sequence of words */
					char		rebuilt[4096];
					size_t		rl = 0;

					any_multi = true;
					rebuilt[0] = '\0';
					for (int j = 0; j < n; j++)
					{
						const char *piece = elems[j];
						char		seq[512];

						if (j == i)
						{
							size_t		q = 0;

							for (int t = 0; t < nt && q + toks[t].nlen + 2 < sizeof(seq); t++)
							{
								if (t > 0)
									seq[q++] = ' ';
								memcpy(seq + q, toks[t].norm, toks[t].nlen);
								q += toks[t].nlen;
							}
							seq[q] = '\0';
							piece = seq;
						}
						if (rl + strlen(piece) + 2 >= sizeof(rebuilt))
							break;
						rl += (size_t) snprintf(rebuilt + rl, sizeof(rebuilt) - rl, "%s%s",
												j ? " " : "", piece);
					}
					if (add_pattern_parsed(b, code, rebuilt))
						ok = true;
				}
				else if (nt == 1 && sl + strlen(a) + 2 < sizeof(simple))
					sl += (size_t) snprintf(simple + sl, sizeof(simple) - sl, "%s%s",
											sl ? "|" : "", a);
			}
			if (any_multi)
			{
				if (sl > 0)
				{
					elems[i] = dip_arena_strndup(&b->arena, simple, sl);
					return dip_builder_add_pattern_elems(b, code, elems, n) || ok;
				}
				if (!ok)
					set_error(b, "pattern has no usable words: \"%s\"", pattern);
				return ok;
			}
		}
	}
	return dip_builder_add_pattern_elems(b, code, elems, n);
}

static int
builder_topic(DipBuilder *b, const char *key)
{
	for (uint32_t i = 0; i < b->topics.n; i++)
		if (strcmp(bstr(b, VEC_AT(b->topics, DipTopic, i)->key), key) == 0)
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
		set_error(b, "topic key must have 1 to 63 characters: \"%s\"", key);
		return false;
	}
	for (size_t i = 0; i < l; i++)
		if (!((key[i] >= 'a' && key[i] <= 'z') || (key[i] >= '0' && key[i] <= '9') ||
			  key[i] == '_'))
		{
			set_error(b, "topic key may contain only a-z, 0-9 and _: \"%s\"", key);
			return false;
		}
	if (builder_topic(b, key) >= 0)
	{
		set_error(b, "duplicate topic \"%s\"", key);
		return false;
	}
	t = vec_push(&b->arena, &b->topics);
	t->key = add_string(b, key, l);
	t->label = add_string(b, label ? label : key, strlen(label ? label : key));
	/* parents are resolved in finish; keep the key for now */
	t->parent = parent && parent[0] ? (int32_t) add_string(b, parent, strlen(parent)) : -1;
	return true;
}

bool
dip_builder_add_term(DipBuilder *b, const char *topic, const char *term,
					 double weight)
{
	int			ti = builder_topic(b, topic);
	const char *colon = strchr(term, ':');
	int			kind = colon ? dip_kind_from_name(term, (size_t) (colon - term)) : 0;

	if (ti < 0)
	{
		set_error(b, "unknown topic \"%s\"", topic);
		return false;
	}
	if (!(weight > 0 && weight <= 100))
	{
		set_error(b, "term weight must be in (0, 100]: \"%s\"", term);
		return false;
	}
	if (kind != DIP_KIND_NONE)
	{
		/* entity evidence, resolved in finish */
		BEntTopic  *et = vec_push(&b->arena, &b->enttopics);

		et->topic = (uint32_t) ti;
		et->weight = (float) weight;
		et->kind = kind;
		et->name = add_string(b, colon + 1, strlen(colon + 1));
		et->namelen = (uint32_t) strlen(colon + 1);
		return true;
	}
	else
	{
		PTok		toks[MAX_PHRASE];
		int			n = phrase_tokens(b, term, toks, true);
		uint32_t	node;
		BTermRef   *r;

		if (n <= 0)
		{
			set_error(b, "empty or too long term \"%s\"", term);
			return false;
		}
		node = insert_path(b, toks, n);
		b->node_group = dip_array_reserve(&b->arena, b->node_group, &b->node_group_cap,
										  node + 1, sizeof(uint32_t), 1024);
		if (b->node_group[node] == 0)
		{
			b->node_group[node] = ++b->ngroups;
			add_item(b, node, DIP_ITEM_TERM, n, b->ngroups - 1, 0, 0);
		}
		r = vec_push(&b->arena, &b->termrefs);
		r->group = b->node_group[node] - 1;
		r->topic = (uint32_t) ti;
		r->weight = (float) weight;
		r->seq = b->termrefs.n;
	}
	return true;
}

/* ------------------------------------------------------------------------
 * Finishing: lay out the flat image
 * ------------------------------------------------------------------------
 */
static int
cmp_bitem(const void *a, const void *b)
{
	const BItem *x = a,
			   *y = b;

	if (x->node != y->node)
		return x->node < y->node ? -1 : 1;
	/* longer matches first, then by type */
	if (x->item.type != y->item.type)
		return x->item.type < y->item.type ? -1 : 1;
	return x->item.ref < y->item.ref ? -1 : (x->item.ref > y->item.ref);
}

static int
cmp_termref(const void *a, const void *b)
{
	const BTermRef *x = a,
			   *y = b;

	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

static int
cmp_office(const void *a, const void *b)
{
	const BPendingOffice *x = a,
			   *y = b;

	if (x->o.entity != y->o.entity)
		return x->o.entity < y->o.entity ? -1 : 1;
	return x->o.start < y->o.start ? -1 : (x->o.start > y->o.start);
}

static int
cmp_enttopic(const void *a, const void *b)
{
	const BEntTopic *x = a,
			   *y = b;

	/* after resolution, name holds the entity index */
	if (x->name != y->name)
		return x->name < y->name ? -1 : 1;
	return x->topic < y->topic ? -1 : (x->topic > y->topic);
}

/* memcpy that accepts an empty source (a NULL vector) */
static void
copy_section(void *dst, const void *src, size_t n)
{
	if (n > 0)
		memcpy(dst, src, n);
}

static uint32_t
pow2_at_least(uint32_t n)
{
	uint32_t	p = 16;

	while (p < n)
		p *= 2;
	return p;
}

/*
 * Image checksum: four independent 64-bit multiply-rotate lanes over 8-byte
 * words, so that checking a multi-megabyte image at load time costs well
 * under a millisecond (a byte-at-a-time hash took several).
 */
static inline uint64_t
lane_mix(uint64_t acc, uint64_t w)
{
	acc += w * 0x9E3779B97F4A7C15ULL;
	acc = (acc << 31) | (acc >> 33);
	return acc * 0xC2B2AE3D27D4EB4FULL;
}

static uint32_t
checksum(const char *p, size_t len)
{
	uint64_t	a = 1,
				b = 2,
				c = 3,
				d = 4,
				w;
	size_t		i = 0;

	for (; i + 32 <= len; i += 32)
	{
		memcpy(&w, p + i, 8);
		a = lane_mix(a, w);
		memcpy(&w, p + i + 8, 8);
		b = lane_mix(b, w);
		memcpy(&w, p + i + 16, 8);
		c = lane_mix(c, w);
		memcpy(&w, p + i + 24, 8);
		d = lane_mix(d, w);
	}
	for (; i < len; i++)
		a = lane_mix(a, (unsigned char) p[i]);
	a = lane_mix(a, b);
	a = lane_mix(a, c);
	a = lane_mix(a, d);
	a = lane_mix(a, len);
	return (uint32_t) (a ^ (a >> 32));
}

/* Entity by kind and name during the build (linear over a hash). */
static int
builder_entity(DipBuilder *b, int kind, const char *name, size_t len,
			   uint32_t *hash, uint32_t hsize)
{
	uint32_t	h = hash_bytes(name, len) & (hsize - 1);

	while (hash[h] != 0)
	{
		DipEntity  *e = VEC_AT(b->entities, DipEntity, hash[h] - 1);

		if ((kind == 0 || e->kind == kind) && e->namelen == len &&
			memcmp(bstr(b, e->name), name, len) == 0)
			return (int) hash[h] - 1;
		h = (h + 1) & (hsize - 1);
	}
	return -1;
}

size_t
dip_builder_finish(DipBuilder *b, void **image)
{
	DipDictHeader hdr;
	size_t		off;
	char	   *img;
	uint32_t   *vocab;
	DipEdge    *edges;
	DipNode    *nodes;
	DipItem    *items;
	uint32_t	ehsize;
	uint32_t	vsize;
	uint32_t	entsize;
	uint32_t   *enth;
	BItem	   *bitems = b->items.v;
	DipTermGroup *groups;
	DipTermRef *termrefs;
	DipOffice  *offices;
	DipEntity  *ents;
	DipTopic   *topics;

	/* resolve topic parents */
	for (uint32_t i = 0; i < b->topics.n; i++)
	{
		DipTopic   *t = VEC_AT(b->topics, DipTopic, i);

		if (t->parent >= 0)
		{
			int			pi = builder_topic(b, bstr(b, (uint32_t) t->parent));

			if (pi < 0 || (uint32_t) pi == i)
			{
				set_error(b, "unknown parent topic \"%s\"", bstr(b, (uint32_t) t->parent));
				return 0;
			}
			t->parent = pi;
		}
	}
	/* refuse parent cycles */
	for (uint32_t i = 0; i < b->topics.n; i++)
	{
		int32_t		p = VEC_AT(b->topics, DipTopic, i)->parent;
		uint32_t	steps = 0;

		while (p >= 0 && steps <= b->topics.n)
		{
			p = VEC_AT(b->topics, DipTopic, (uint32_t) p)->parent;
			steps++;
		}
		if (steps > b->topics.n)
		{
			set_error(b, "topic parents form a cycle at \"%s\"",
					  bstr(b, VEC_AT(b->topics, DipTopic, i)->key));
			return 0;
		}
	}

	/* entity name hash for offices and topic evidence */
	entsize = pow2_at_least(b->entities.n * 2 + 2);
	enth = dip_arena_alloc0(&b->arena, entsize * sizeof(uint32_t));
	for (uint32_t i = 0; i < b->entities.n; i++)
	{
		DipEntity  *e = VEC_AT(b->entities, DipEntity, i);
		uint32_t	h = hash_bytes(bstr(b, e->name), e->namelen) & (entsize - 1);

		while (enth[h] != 0)
			h = (h + 1) & (entsize - 1);
		enth[h] = i + 1;
	}
	/* offices: attach to PER entities, drop those naming nobody */
	{
		uint32_t	keep = 0;

		for (uint32_t i = 0; i < b->offices.n; i++)
		{
			BPendingOffice *po = VEC_AT(b->offices, BPendingOffice, i);
			int			ei = builder_entity(b, DIP_KIND_PER, bstr(b, po->person),
											po->personlen, enth, entsize);

			if (ei < 0)
				continue;
			po->o.entity = (uint32_t) ei;
			*VEC_AT(b->offices, BPendingOffice, keep++) = *po;
		}
		b->offices.n = keep;
		if (b->offices.n > 1)
		qsort(b->offices.v, b->offices.n, sizeof(BPendingOffice), cmp_office);
	}
	/* entity topic evidence */
	{
		uint32_t	keep = 0;

		for (uint32_t i = 0; i < b->enttopics.n; i++)
		{
			BEntTopic  *et = VEC_AT(b->enttopics, BEntTopic, i);
			int			ei = builder_entity(b, et->kind, bstr(b, et->name),
											et->namelen, enth, entsize);

			if (ei < 0)
				continue;
			et->name = (uint32_t) ei;
			*VEC_AT(b->enttopics, BEntTopic, keep++) = *et;
		}
		b->enttopics.n = keep;
		if (b->enttopics.n > 1)
		qsort(b->enttopics.v, b->enttopics.n, sizeof(BEntTopic), cmp_enttopic);
	}
	if (b->items.n > 1)
		qsort(b->items.v, b->items.n, sizeof(BItem), cmp_bitem);
	if (b->termrefs.n > 1)
		qsort(b->termrefs.v, b->termrefs.n, sizeof(BTermRef), cmp_termref);

	vsize = pow2_at_least(b->words.n * 2);
	ehsize = pow2_at_least(b->edges.n * 2 + 2);

	memset(&hdr, 0, sizeof(hdr));
	hdr.magic = DIP_DICT_MAGIC;
	hdr.version = DIP_DICT_VERSION;
	hdr.nwords = b->words.n;
	hdr.vocab_size = vsize;
	hdr.edge_size = ehsize;
	hdr.nnodes = b->nnodes;
	hdr.nitems = b->items.n;
	hdr.nentities = b->entities.n;
	hdr.noffices = b->offices.n;
	hdr.nroles = b->roles.n;
	hdr.npatterns = b->patterns.n;
	hdr.npelems = b->pelems.n;
	hdr.npwids = b->pwids.n;
	hdr.nlemmas = b->lemmas.n;
	hdr.ntopics = b->topics.n;
	hdr.ntermrefs = b->termrefs.n + b->enttopics.n;
	hdr.ngroups = b->ngroups;
	hdr.strpool_size = b->strpool.n;

#define SECTION(field, count, T) \
	do { off = (off + 7) & ~(size_t) 7; hdr.field = (uint32_t) off; \
		 off += (size_t) (count) * sizeof(T); } while (0)
	off = sizeof(DipDictHeader);
	SECTION(off_words, hdr.nwords, DipWord);
	SECTION(off_vocab, vsize, uint32_t);
	SECTION(off_edges, ehsize, DipEdge);
	SECTION(off_nodes, hdr.nnodes, DipNode);
	SECTION(off_items, hdr.nitems, DipItem);
	SECTION(off_entities, hdr.nentities, DipEntity);
	SECTION(off_offices, hdr.noffices, DipOffice);
	SECTION(off_roles, hdr.nroles, DipRole);
	SECTION(off_patterns, hdr.npatterns, DipPattern);
	SECTION(off_pelems, hdr.npelems, DipPElem);
	SECTION(off_pwids, hdr.npwids, uint32_t);
	SECTION(off_lemmas, hdr.nlemmas, uint32_t);
	SECTION(off_topics, hdr.ntopics, DipTopic);
	SECTION(off_termrefs, hdr.ntermrefs, DipTermRef);
	SECTION(off_groups, hdr.ngroups, DipTermGroup);
	SECTION(off_strpool, hdr.strpool_size, char);
#undef SECTION
	off = (off + 7) & ~(size_t) 7;
	if (off > 0x7FFFFFFF)
	{
		set_error(b, "dictionary too large%s", "");
		return 0;
	}
	hdr.size = (uint32_t) off;

	img = b->mem.alloc(b->mem.ctx, off);
	memset(img, 0, off);

	/* words, with root-edge flags */
	copy_section(img + hdr.off_words, b->words.v, (size_t) hdr.nwords * sizeof(DipWord));
	vocab = (uint32_t *) (img + hdr.off_vocab);
	for (uint32_t wid = 1; wid < b->words.n; wid++)
	{
		DipWord    *w = (DipWord *) (img + hdr.off_words) + wid;
		uint32_t	h = hash_bytes(bstr(b, w->str), w->len) & (vsize - 1);

		while (vocab[h] != 0)
			h = (h + 1) & (vsize - 1);
		vocab[h] = wid;
	}
	edges = (DipEdge *) (img + hdr.off_edges);
	for (uint32_t i = 0; i < b->edges.n; i++)
	{
		BEdge	   *e = VEC_AT(b->edges, BEdge, i);
		uint32_t	h = hash_edge(e->node, e->wid) & (ehsize - 1);

		while (edges[h].child != 0)
			h = (h + 1) & (ehsize - 1);
		edges[h].node = e->node;
		edges[h].wid = e->wid;
		edges[h].child = e->child;
		if (e->node == 0)
			((DipWord *) (img + hdr.off_words))[e->wid].root_edges = 1;
	}
	nodes = (DipNode *) (img + hdr.off_nodes);
	items = (DipItem *) (img + hdr.off_items);
	for (uint32_t i = 0; i < b->items.n; i++)
	{
		uint32_t	nd = bitems[i].node;

		if (nodes[nd].item_count == 0)
			nodes[nd].item_first = i;
		nodes[nd].item_count++;
		items[i] = bitems[i].item;
	}
	ents = (DipEntity *) (img + hdr.off_entities);
	copy_section(ents, b->entities.v, (size_t) hdr.nentities * sizeof(DipEntity));
	offices = (DipOffice *) (img + hdr.off_offices);
	for (uint32_t i = 0; i < b->offices.n; i++)
	{
		DipOffice  *o = &VEC_AT(b->offices, BPendingOffice, i)->o;

		offices[i] = *o;
		if (ents[o->entity].office_count == 0)
			ents[o->entity].office_first = i;
		ents[o->entity].office_count++;
	}
	copy_section(img + hdr.off_roles, b->roles.v, (size_t) hdr.nroles * sizeof(DipRole));
	copy_section(img + hdr.off_patterns, b->patterns.v, (size_t) hdr.npatterns * sizeof(DipPattern));
	copy_section(img + hdr.off_pelems, b->pelems.v, (size_t) hdr.npelems * sizeof(DipPElem));
	copy_section(img + hdr.off_pwids, b->pwids.v, (size_t) hdr.npwids * sizeof(uint32_t));
	copy_section(img + hdr.off_lemmas, b->lemmas.v, (size_t) hdr.nlemmas * sizeof(uint32_t));
	topics = (DipTopic *) (img + hdr.off_topics);
	copy_section(topics, b->topics.v, (size_t) hdr.ntopics * sizeof(DipTopic));

	termrefs = (DipTermRef *) (img + hdr.off_termrefs);
	groups = (DipTermGroup *) (img + hdr.off_groups);
	for (uint32_t i = 0; i < b->termrefs.n; i++)
	{
		BTermRef   *r = VEC_AT(b->termrefs, BTermRef, i);

		if (groups[r->group].count == 0)
			groups[r->group].first = i;
		groups[r->group].count++;
		termrefs[i].topic = r->topic;
		termrefs[i].weight = r->weight;
	}
	for (uint32_t i = 0; i < b->enttopics.n; i++)
	{
		BEntTopic  *et = VEC_AT(b->enttopics, BEntTopic, i);
		uint32_t	k = b->termrefs.n + i;

		if (ents[et->name].topic_count == 0)
			ents[et->name].topic_first = k;
		ents[et->name].topic_count++;
		termrefs[k].topic = et->topic;
		termrefs[k].weight = et->weight;
	}
	copy_section(img + hdr.off_strpool, b->strpool.v, hdr.strpool_size);

	memcpy(img, &hdr, sizeof(hdr));
	((DipDictHeader *) img)->checksum = checksum(img + sizeof(hdr), off - sizeof(hdr));
	*image = img;
	return off;
}

/* ------------------------------------------------------------------------
 * Opening and validating an image
 * ------------------------------------------------------------------------
 */
const char *
dip_dict_open(DipDict *d, const void *image, size_t size)
{
	const DipDictHeader *h = image;
	const char *base = image;

	if (size < sizeof(DipDictHeader) || ((uintptr_t) image & 7) != 0)
		return "dictionary image is too small or misaligned";
	if (h->magic != DIP_DICT_MAGIC || h->version != DIP_DICT_VERSION)
		return "dictionary image has a wrong magic number or version";
	if (h->size != size)
		return "dictionary image has a wrong size";
	if (checksum(base + sizeof(DipDictHeader), size - sizeof(DipDictHeader)) != h->checksum)
		return "dictionary image checksum mismatch";
#define CHECK(field, count, T) \
	if ((uint64_t) h->field + (uint64_t) (count) * sizeof(T) > size || (h->field & 7) != 0) \
		return "dictionary image section out of bounds"
	CHECK(off_words, h->nwords, DipWord);
	CHECK(off_vocab, h->vocab_size, uint32_t);
	CHECK(off_edges, h->edge_size, DipEdge);
	CHECK(off_nodes, h->nnodes, DipNode);
	CHECK(off_items, h->nitems, DipItem);
	CHECK(off_entities, h->nentities, DipEntity);
	CHECK(off_offices, h->noffices, DipOffice);
	CHECK(off_roles, h->nroles, DipRole);
	CHECK(off_patterns, h->npatterns, DipPattern);
	CHECK(off_pelems, h->npelems, DipPElem);
	CHECK(off_pwids, h->npwids, uint32_t);
	CHECK(off_lemmas, h->nlemmas, uint32_t);
	CHECK(off_topics, h->ntopics, DipTopic);
	CHECK(off_termrefs, h->ntermrefs, DipTermRef);
	CHECK(off_groups, h->ngroups, DipTermGroup);
	CHECK(off_strpool, h->strpool_size, char);
#undef CHECK
	if ((h->vocab_size & (h->vocab_size - 1)) != 0 ||
		(h->edge_size & (h->edge_size - 1)) != 0 || h->nwords == 0 ||
		h->nnodes == 0 || h->strpool_size == 0 ||
		base[h->off_strpool + h->strpool_size - 1] != '\0')
		return "dictionary image is malformed";

	d->hdr = h;
	d->base = base;
	d->words = (const DipWord *) (base + h->off_words);
	d->vocab = (const uint32_t *) (base + h->off_vocab);
	d->edges = (const DipEdge *) (base + h->off_edges);
	d->nodes = (const DipNode *) (base + h->off_nodes);
	d->items = (const DipItem *) (base + h->off_items);
	d->entities = (const DipEntity *) (base + h->off_entities);
	d->offices = (const DipOffice *) (base + h->off_offices);
	d->roles = (const DipRole *) (base + h->off_roles);
	d->patterns = (const DipPattern *) (base + h->off_patterns);
	d->pelems = (const DipPElem *) (base + h->off_pelems);
	d->pwids = (const uint32_t *) (base + h->off_pwids);
	d->lemmas = (const uint32_t *) (base + h->off_lemmas);
	d->topics = (const DipTopic *) (base + h->off_topics);
	d->termrefs = (const DipTermRef *) (base + h->off_termrefs);
	d->groups = (const DipTermGroup *) (base + h->off_groups);
	d->strpool = base + h->off_strpool;

	/* indexes must stay inside their arrays */
	for (uint32_t i = 0; i < h->nwords; i++)
		if (d->words[i].str >= h->strpool_size || d->words[i].lemma > h->nlemmas)
			return "dictionary image has a bad word";
	for (uint32_t i = 0; i < h->vocab_size; i++)
		if (d->vocab[i] >= h->nwords)
			return "dictionary image has a bad vocabulary slot";
	for (uint32_t i = 0; i < h->edge_size; i++)
		if (d->edges[i].child >= h->nnodes || d->edges[i].node >= h->nnodes ||
			d->edges[i].wid >= h->nwords)
			return "dictionary image has a bad edge";
	for (uint32_t i = 0; i < h->nnodes; i++)
		if ((uint64_t) d->nodes[i].item_first + d->nodes[i].item_count > h->nitems)
			return "dictionary image has a bad node";
	for (uint32_t i = 0; i < h->nitems; i++)
	{
		const DipItem *it = &d->items[i];
		uint32_t	lim = it->type == DIP_ITEM_ENTITY ? h->nentities :
			it->type == DIP_ITEM_ROLE ? h->nroles :
			it->type == DIP_ITEM_PATTERN ? h->npatterns :
			it->type == DIP_ITEM_TERM ? h->ngroups :
			it->type == DIP_ITEM_SURNAME ? h->nentities : 0;

		if (it->ref >= lim || it->len == 0 || it->len > MAX_PHRASE)
			return "dictionary image has a bad item";
	}
	for (uint32_t i = 0; i < h->nentities; i++)
	{
		const DipEntity *e = &d->entities[i];

		if (e->name >= h->strpool_size || e->kind == 0 || e->kind >= DIP_NKINDS ||
			(uint64_t) e->office_first + e->office_count > h->noffices ||
			(uint64_t) e->topic_first + e->topic_count > h->ntermrefs ||
			e->country[3] != '\0' || e->actor[19] != '\0')
			return "dictionary image has a bad entity";
	}
	for (uint32_t i = 0; i < h->noffices; i++)
		if (d->offices[i].entity >= h->nentities || d->offices[i].title >= h->strpool_size ||
			d->offices[i].actor[19] != '\0' || d->offices[i].country[3] != '\0')
			return "dictionary image has a bad office";
	for (uint32_t i = 0; i < h->nroles; i++)
		if (d->roles[i].term >= h->strpool_size || d->roles[i].role[3] != '\0' ||
			d->roles[i].country[3] != '\0')
			return "dictionary image has a bad role";
	for (uint32_t i = 0; i < h->npatterns; i++)
	{
		const DipPattern *p = &d->patterns[i];

		if ((uint64_t) p->elem_first + p->nelem > h->npelems || p->text >= h->strpool_size ||
			p->anchor > p->nelem || dip_cameo_info(p->code) == NULL)
			return "dictionary image has a bad pattern";
	}
	for (uint32_t i = 0; i < h->npelems; i++)
	{
		const DipPElem *e = &d->pelems[i];

		if ((e->kind == DIP_PE_WORD && e->a >= h->nwords) ||
			(e->kind == DIP_PE_WORDSET && (uint64_t) e->a + e->b > h->npwids) ||
			(e->kind == DIP_PE_LEMMA && e->a >= h->nlemmas) ||
			e->kind < DIP_PE_WORD || e->kind > DIP_PE_TARGET)
			return "dictionary image has a bad pattern element";
	}
	for (uint32_t i = 0; i < h->npwids; i++)
		if (d->pwids[i] >= h->nwords)
			return "dictionary image has a bad pattern word";
	for (uint32_t i = 0; i < h->nlemmas; i++)
		if (d->lemmas[i] >= h->strpool_size)
			return "dictionary image has a bad lemma";
	for (uint32_t i = 0; i < h->ntopics; i++)
		if (d->topics[i].key >= h->strpool_size || d->topics[i].label >= h->strpool_size ||
			d->topics[i].parent >= (int32_t) h->ntopics)
			return "dictionary image has a bad topic";
	for (uint32_t i = 0; i < h->ntermrefs; i++)
		if (d->termrefs[i].topic >= h->ntopics)
			return "dictionary image has a bad topic reference";
	for (uint32_t i = 0; i < h->ngroups; i++)
		if ((uint64_t) d->groups[i].first + d->groups[i].count > h->ntermrefs)
			return "dictionary image has a bad term group";
	return NULL;
}

/* ------------------------------------------------------------------------
 * Lookup
 * ------------------------------------------------------------------------
 */
uint32_t
dip_vocab_lookup(const DipDict *d, const char *s, size_t len)
{
	uint32_t	mask = d->hdr->vocab_size - 1;
	uint32_t	h = hash_bytes(s, len) & mask;

	for (;;)
	{
		uint32_t	wid = d->vocab[h];
		const DipWord *w;

		if (wid == 0)
			return 0;
		w = &d->words[wid];
		if (w->len == len && memcmp(d->strpool + w->str, s, len) == 0)
			return wid;
		h = (h + 1) & mask;
	}
}

uint32_t
dip_trie_child(const DipDict *d, uint32_t node, uint32_t wid)
{
	uint32_t	mask = d->hdr->edge_size - 1;
	uint32_t	h = hash_edge(node, wid) & mask;

	for (;;)
	{
		const DipEdge *e = &d->edges[h];

		if (e->child == 0)
			return 0;
		if (e->node == node && e->wid == wid)
			return e->child;
		h = (h + 1) & mask;
	}
}

int
dip_topic_lookup(const DipDict *d, const char *key, size_t len)
{
	for (uint32_t i = 0; i < d->hdr->ntopics; i++)
	{
		const char *k = dip_str(d, d->topics[i].key);

		if (strlen(k) == len && memcmp(k, key, len) == 0)
			return (int) i;
	}
	return -1;
}

int
dip_entity_lookup(const DipDict *d, int kind, const char *name, size_t len)
{
	for (uint32_t i = 0; i < d->hdr->nentities; i++)
	{
		const DipEntity *e = &d->entities[i];

		if (e->kind == kind && e->namelen == len &&
			memcmp(dip_str(d, e->name), name, len) == 0)
			return (int) i;
	}
	return -1;
}
