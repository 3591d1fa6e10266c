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
			int			pi = dipb_topic(b, dipb_str(b, (uint32_t) t->parent));

			if (pi < 0 || (uint32_t) pi == i)
			{
				dipb_set_error(b, "unknown parent topic \"%s\"", dipb_str(b, (uint32_t) t->parent));
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
			dipb_set_error(b, "topic parents form a cycle at \"%s\"",
					  dipb_str(b, VEC_AT(b->topics, DipTopic, i)->key));
			return 0;
		}
	}

	/* entity name hash for offices and topic evidence */
	entsize = pow2_at_least(b->entities.n * 2 + 2);
	enth = dip_arena_alloc0(&b->arena, entsize * sizeof(uint32_t));
	for (uint32_t i = 0; i < b->entities.n; i++)
	{
		DipEntity  *e = VEC_AT(b->entities, DipEntity, i);
		uint32_t	h = dip_word_hash(dipb_str(b, e->name), e->namelen) & (entsize - 1);

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
	}
	/* entity topic evidence */
	{
		uint32_t	keep = 0;

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
		dipb_set_error(b, "dictionary too large%s", "");
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
		uint32_t	h = dip_word_hash(dipb_str(b, w->str), w->len) & (vsize - 1);

		while (vocab[h] != 0)
			h = (h + 1) & (vsize - 1);
		vocab[h] = wid;
	}
	edges = (DipEdge *) (img + hdr.off_edges);
	for (uint32_t i = 0; i < b->edges.n; i++)
	{
		BEdge	   *e = VEC_AT(b->edges, BEdge, i);
		uint32_t	h = dip_edge_hash(e->node, e->wid) & (ehsize - 1);

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
	((DipDictHeader *) img)->checksum = dip_dict_checksum(img + sizeof(hdr), off - sizeof(hdr));
	*image = img;
	return off;
}
