/*-------------------------------------------------------------------------
 *
 * dip_image.c
 *	  Image layout: the builder's tables laid out as one flat,
 *	  pointer-free dictionary image.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_build_int.h"

#include <stdlib.h>
#include <string.h>

/* Orders by (a1, a2, a3) against (b1, b2, b3). */
static int
cmp_keys(int64_t a1, int64_t b1, int64_t a2, int64_t b2, int64_t a3, int64_t b3)
{
	if (a1 != b1)
		return a1 < b1 ? -1 : 1;
	if (a2 != b2)
		return a2 < b2 ? -1 : 1;
	return a3 < b3 ? -1 : (a3 > b3);
}

/*
 * Defines NAME, a qsort comparator of TYPE items ordering by the members K1,
 * then K2, then K3 (a key repeated orders by two keys).
 */
#define KEY_ORDER(name, type, k1, k2, k3) \
static int \
name(const void *a, const void *b) \
{ \
	const type *x = a, \
			   *y = b; \
\
	return cmp_keys(x->k1, y->k1, x->k2, y->k2, x->k3, y->k3); \
}

/* Trie items by node, then type, then reference. */
KEY_ORDER(cmp_bitem, BItem, node, item.type, item.ref)
/* Term references by group, then the order they were added. */
KEY_ORDER(cmp_termref, BTermRef, group, seq, seq)
/* Offices by entity, then start. */
KEY_ORDER(cmp_office, BPendingOffice, o.entity, o.start, o.start)
/* Entity topic evidence by entity (name holds its index once resolved), then topic. */
KEY_ORDER(cmp_enttopic, BEntTopic, name, topic, topic)
/* Word values by word, class, then the order they were added. */
KEY_ORDER(cmp_value, BWordValue, v.wid, v.cls, seq)

/* Sorts the word values; of several for a word and class, the last added wins. */
static void
sort_values(DipBuilder *b)
{
	uint32_t	keep = 0;

	if (b->values.n > 1)
		qsort(b->values.v, b->values.n, sizeof(BWordValue), cmp_value);
	for (uint32_t i = 0; i < b->values.n; i++)
	{
		BWordValue *v = VEC_AT(b->values, BWordValue, i);

		if (i + 1 < b->values.n && VEC_AT(b->values, BWordValue, i + 1)->v.wid == v->v.wid &&
			VEC_AT(b->values, BWordValue, i + 1)->v.cls == v->v.cls)
			continue;
		*VEC_AT(b->values, BWordValue, keep++) = *v;
	}
	b->values.n = keep;
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

/* Entity by kind and name during the build (linear over a hash). */
static int
builder_entity(DipBuilder *b, int kind, const char *name, size_t len,
			   uint32_t *hash, uint32_t hsize)
{
	uint32_t	h = dip_word_hash(name, len) & (hsize - 1);

	while (hash[h] != 0)
	{
		DipEntity  *e = VEC_AT(b->entities, DipEntity, hash[h] - 1);

		if ((kind == 0 || e->kind == kind) && e->namelen == len &&
			memcmp(dipb_str(b, e->name), name, len) == 0)
			return (int) hash[h] - 1;
		h = (h + 1) & (hsize - 1);
	}
	return -1;
}

/* Resolves topic parents by key and refuses unknown parents and cycles. */
static bool
link_topics(DipBuilder *b)
{
	for (uint32_t i = 0; i < b->topics.n; i++)
	{
		DipTopic   *t = VEC_AT(b->topics, DipTopic, i);

		if (t->parent >= 0)
		{
			int			pi = dipb_topic(b, dipb_str(b, (uint32_t) t->parent));

			if (pi < 0 || (uint32_t) pi == i)
			{
				dipb_set_error(b, "unknown parent topic \"%s\"", dipb_str(b, (uint32_t) t->parent));
				return false;
			}
			t->parent = pi;
		}
	}
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
			dipb_set_error(b, "topic parents form a cycle at \"%s\"",
						   dipb_str(b, VEC_AT(b->topics, DipTopic, i)->key));
			return false;
		}
	}
	return true;
}

/*
 * Attaches offices to the PER entities they name and topic evidence to
 * its entities, dropping those naming nobody, and sorts them by entity.
 */
static void
link_entities(DipBuilder *b)
{
	uint32_t	entsize = pow2_at_least(b->entities.n * 2 + 2);
	uint32_t   *enth = dip_arena_alloc0(&b->arena, entsize * sizeof(uint32_t));
	uint32_t	keep = 0;

	/* entity name hash */
	for (uint32_t i = 0; i < b->entities.n; i++)
	{
		DipEntity  *e = VEC_AT(b->entities, DipEntity, i);

		dip_slot_put(enth, entsize, dip_word_hash(dipb_str(b, e->name), e->namelen), i + 1);
	}
	for (uint32_t i = 0; i < b->offices.n; i++)
	{
		BPendingOffice *po = VEC_AT(b->offices, BPendingOffice, i);
		int			ei = builder_entity(b, DIP_KIND_PER, dipb_str(b, po->person),
										po->personlen, enth, entsize);

		if (ei < 0)
			continue;
		po->o.entity = (uint32_t) ei;
		*VEC_AT(b->offices, BPendingOffice, keep++) = *po;
	}
	b->offices.n = keep;
	if (b->offices.n > 1)
		qsort(b->offices.v, b->offices.n, sizeof(BPendingOffice), cmp_office);
	keep = 0;
	for (uint32_t i = 0; i < b->enttopics.n; i++)
	{
		BEntTopic  *et = VEC_AT(b->enttopics, BEntTopic, i);
		int			ei = builder_entity(b, et->kind, dipb_str(b, et->name),
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

/* Fills the header's counts and section offsets; returns the image size. */
static size_t
layout(const DipBuilder *b, DipDictHeader *hdr)
{
	size_t		off = sizeof(DipDictHeader);

	memset(hdr, 0, sizeof(*hdr));
	hdr->magic = DIP_DICT_MAGIC;
	hdr->version = DIP_DICT_VERSION;
	hdr->nwords = b->words.n;
	hdr->vocab_size = pow2_at_least(b->words.n * 2);
	hdr->edge_size = pow2_at_least(b->edges.n * 2 + 2);
	hdr->nnodes = b->nnodes;
	hdr->nitems = b->items.n;
	hdr->nentities = b->entities.n;
	hdr->noffices = b->offices.n;
	hdr->nroles = b->roles.n;
	hdr->npatterns = b->patterns.n;
	hdr->npelems = b->pelems.n;
	hdr->npwids = b->pwids.n;
	hdr->nlemmas = b->lemmas.n;
	hdr->ntopics = b->topics.n;
	hdr->ntermrefs = b->termrefs.n + b->enttopics.n;
	hdr->ngroups = b->ngroups;
	hdr->nvalues = b->values.n;
	/* 16 bits per edge: one lookup in 16 of an absent edge passes */
	hdr->nedgebits = pow2_at_least((b->edges.n * 16 + 63) / 64);
	hdr->strpool_size = b->strpool.n;
#define LAYOUT_SECTION(member, field, count, T) \
	off = (off + 7) & ~(size_t) 7; \
	hdr->field = (uint32_t) off; \
	off += (size_t) hdr->count * sizeof(T);
	DIP_DICT_SECTIONS(LAYOUT_SECTION)
#undef LAYOUT_SECTION
	return (off + 7) & ~(size_t) 7;
}

/* Writes the words and the vocabulary hash. */
static void
write_vocabulary(const DipBuilder *b, const DipDictHeader *hdr, char *img)
{
	uint32_t   *vocab = (uint32_t *) (img + hdr->off_vocab);

	copy_section(img + hdr->off_words, b->words.v, (size_t) hdr->nwords * sizeof(DipWord));
	for (uint32_t wid = 1; wid < b->words.n; wid++)
	{
		DipWord    *w = (DipWord *) (img + hdr->off_words) + wid;

		dip_slot_put(vocab, hdr->vocab_size, dip_word_hash(dipb_str(b, w->str), w->len), wid);
	}
}

/*
 * Writes the trie: the edge hash and its filter (with each word's first
 * node) and the nodes' items.
 */
static void
write_trie(const DipBuilder *b, const DipDictHeader *hdr, char *img)
{
	DipEdge    *edges = (DipEdge *) (img + hdr->off_edges);
	DipNode    *nodes = (DipNode *) (img + hdr->off_nodes);
	DipItem    *items = (DipItem *) (img + hdr->off_items);
	uint64_t   *bits = (uint64_t *) (img + hdr->off_edgebits);
	const BItem *bitems = b->items.v;
	uint32_t	mask = hdr->edge_size - 1;

	for (uint32_t i = 0; i < b->edges.n; i++)
	{
		BEdge	   *e = VEC_AT(b->edges, BEdge, i);
		uint64_t	k = dip_edge_hash64(e->node, e->wid);
		uint32_t	h = (uint32_t) k & mask;
		uint32_t	bit = dip_edge_bit(k, hdr->nedgebits * 64);

		bits[bit >> 6] |= (uint64_t) 1 << (bit & 63);

		while (edges[h].child != 0)
			h = (h + 1) & mask;
		edges[h].node = e->node;
		edges[h].wid = e->wid;
		edges[h].child = e->child;
		if (e->node == 0)
			((DipWord *) (img + hdr->off_words))[e->wid].root = e->child;
	}
	for (uint32_t i = 0; i < b->items.n; i++)
	{
		uint32_t	nd = bitems[i].node;

		if (nodes[nd].item_count == 0)
			nodes[nd].item_first = i;
		nodes[nd].item_count++;
		items[i] = bitems[i].item;
	}
}

/* Writes the entities with their offices, and the tables copied as they are. */
static void
write_tables(const DipBuilder *b, const DipDictHeader *hdr, char *img)
{
	DipEntity  *ents = (DipEntity *) (img + hdr->off_entities);
	DipOffice  *offices = (DipOffice *) (img + hdr->off_offices);

	copy_section(ents, b->entities.v, (size_t) hdr->nentities * sizeof(DipEntity));
	for (uint32_t i = 0; i < b->offices.n; i++)
	{
		DipOffice  *o = &VEC_AT(b->offices, BPendingOffice, i)->o;

		offices[i] = *o;
		if (ents[o->entity].office_count == 0)
			ents[o->entity].office_first = i;
		ents[o->entity].office_count++;
	}
	copy_section(img + hdr->off_roles, b->roles.v, (size_t) hdr->nroles * sizeof(DipRole));
	copy_section(img + hdr->off_patterns, b->patterns.v, (size_t) hdr->npatterns * sizeof(DipPattern));
	copy_section(img + hdr->off_pelems, b->pelems.v, (size_t) hdr->npelems * sizeof(DipPElem));
	copy_section(img + hdr->off_pwids, b->pwids.v, (size_t) hdr->npwids * sizeof(uint32_t));
	copy_section(img + hdr->off_lemmas, b->lemmas.v, (size_t) hdr->nlemmas * sizeof(uint32_t));
	copy_section(img + hdr->off_topics, b->topics.v, (size_t) hdr->ntopics * sizeof(DipTopic));
	for (uint32_t i = 0; i < b->values.n; i++)
		((DipWordValue *) (img + hdr->off_values))[i] = VEC_AT(b->values, BWordValue, i)->v;
	copy_section(img + hdr->off_strpool, b->strpool.v, hdr->strpool_size);
}

/*
 * Writes the topic evidence: term groups (after the trie's term items) and
 * the entities' evidence after them.
 */
static void
write_terms(const DipBuilder *b, const DipDictHeader *hdr, char *img)
{
	DipEntity  *ents = (DipEntity *) (img + hdr->off_entities);
	DipTermRef *termrefs = (DipTermRef *) (img + hdr->off_termrefs);
	DipTermGroup *groups = (DipTermGroup *) (img + hdr->off_groups);

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
}

/* Compiles the builder's tables into an image (see dip_build.h). */
size_t
dip_builder_finish(DipBuilder *b, void **image)
{
	DipDictHeader hdr;
	size_t		size;
	char	   *img;

	/* topic parents by key, without cycles */
	if (!link_topics(b))
		return 0;
	/* offices and topic evidence: the entities they name */
	link_entities(b);
	/* trie items by node, term evidence by group */
	if (b->items.n > 1)
		qsort(b->items.v, b->items.n, sizeof(BItem), cmp_bitem);
	if (b->termrefs.n > 1)
		qsort(b->termrefs.v, b->termrefs.n, sizeof(BTermRef), cmp_termref);
	/* word values by word and class */
	sort_values(b);
	/* the sections' sizes and offsets */
	size = layout(b, &hdr);
	if (size > 0x7FFFFFFF)
	{
		dipb_set_error(b, "dictionary too large%s", "");
		return 0;
	}
	hdr.size = (uint32_t) size;
	img = b->mem.alloc(b->mem.ctx, size);
	memset(img, 0, size);
	write_vocabulary(b, &hdr, img);
	write_trie(b, &hdr, img);
	write_tables(b, &hdr, img);
	write_terms(b, &hdr, img);
	memcpy(img, &hdr, sizeof(hdr));
	((DipDictHeader *) img)->checksum = dip_dict_checksum(img + sizeof(hdr), size - sizeof(hdr));
	*image = img;
	return size;
}
