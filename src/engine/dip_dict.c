/*-------------------------------------------------------------------------
 *
 * dip_dict.c
 *	  Names of the dictionary enumerations, and opening (validating) a
 *	  dictionary image.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_dict.h"
#include "dip_cameo.h"

#include <string.h>

#define KIND_NAME(k, gaz) #k,
static const char *const kind_names[DIP_NKINDS] = {"", DIP_KINDS(KIND_NAME)};
#undef KIND_NAME

#define KIND_IN_GAZETTEER(k, gaz) gaz,
static const bool kind_in_gazetteer[DIP_NKINDS] = {false, DIP_KINDS(KIND_IN_GAZETTEER)};
#undef KIND_IN_GAZETTEER

/* The name of an entity kind, "" if none. */
const char *
dip_kind_name(int kind)
{
	if (kind <= 0 || kind >= DIP_NKINDS)
		return "";
	return kind_names[kind];
}

/* The kind named s[0..len), or DIP_KIND_NONE. */
int
dip_kind_from_name(const char *s, size_t len)
{
	for (int k = 1; k < DIP_NKINDS; k++)
		if (strlen(kind_names[k]) == len && memcmp(kind_names[k], s, len) == 0)
			return k;
	return DIP_KIND_NONE;
}

/* True if the gazetteer may hold entities of this kind. */
bool
dip_kind_in_gazetteer(int kind)
{
	return kind > 0 && kind < DIP_NKINDS && kind_in_gazetteer[kind];
}

#define OFFICE_NAME(e, name) #name,
static const char *const office_names[DIP_NOFFICES] = {"", DIP_OFFICES(OFFICE_NAME)};
#undef OFFICE_NAME

/* The office named s[0..len) (the American "defense" too); 0 if empty, -1 if unknown. */
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

/* The name of an office, "" if none. */
const char *
dip_office_name(int office)
{
	if (office <= 0 || office >= DIP_NOFFICES)
		return "";
	return office_names[office];
}

#define ALIAS_RULE_NAME(f, name) #name,
static const char *const alias_rule_names[DIP_ALIAS_NRULES] = {DIP_ALIAS_RULES(ALIAS_RULE_NAME)};
#undef ALIAS_RULE_NAME

/* The name of alias rule bit k, or NULL. */
const char *
dip_alias_rule_name(int k)
{
	return k >= 0 && k < DIP_ALIAS_NRULES ? alias_rule_names[k] : NULL;
}

#define LEXCLASS_NAME(c) #c,
static const char *const lexclass_names[LXB_NCLASSES] = {DIP_LEXICON_CLASSES(LEXCLASS_NAME)};
#undef LEXCLASS_NAME

/* The bit of the lexicon class named s[0..len), or 0. */
uint32_t
dip_lexclass_from_name(const char *s, size_t len)
{
	for (int k = 0; k < LXB_NCLASSES; k++)
		if (strlen(lexclass_names[k]) == len && memcmp(lexclass_names[k], s, len) == 0)
			return 1u << k;
	return 0;
}

/* The name of lexicon class number k, or NULL. */
const char *
dip_lexclass_name(int k)
{
	return k >= 0 && k < LXB_NCLASSES ? lexclass_names[k] : NULL;
}

static const struct
{
	const char *name;
	int			value;
	int			lowest;
	int			highest;
}			cueclasses[CUEB_NCLASSES] = {
#define CUECLASS(c, v, lo, hi) {#c, v, lo, hi},
	DIP_CUE_CLASSES(CUECLASS)
#undef CUECLASS
};

/* The cue class number named s[0..len), or -1. */
int
dip_cueclass_from_name(const char *s, size_t len)
{
	for (int k = 0; k < CUEB_NCLASSES; k++)
		if (strlen(cueclasses[k].name) == len && memcmp(cueclasses[k].name, s, len) == 0)
			return k;
	return -1;
}

/* The name of cue class number k, or NULL. */
const char *
dip_cueclass_name(int k)
{
	return k >= 0 && k < CUEB_NCLASSES ? cueclasses[k].name : NULL;
}

/* What the values of cue class k are, and their range. */
int
dip_cueclass_value(int k, int *lowest, int *highest)
{
	if (k < 0 || k >= CUEB_NCLASSES)
		return CUEV_NONE;
	*lowest = cueclasses[k].lowest;
	*highest = cueclasses[k].highest;
	return cueclasses[k].value;
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

uint32_t
dip_dict_checksum(const char *p, size_t len)
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

/* True if item i refers inside the array of its type and has a length. */
static bool
item_ok(const DipDict *d, uint32_t i)
{
	const DipDictHeader *h = d->hdr;
	const DipItem *it = &d->items[i];
	uint32_t	lim = it->type == DIP_ITEM_ENTITY ? h->nentities :
		it->type == DIP_ITEM_ROLE ? h->nroles :
		it->type == DIP_ITEM_PATTERN ? h->npatterns :
		it->type == DIP_ITEM_TERM ? h->ngroups :
		it->type == DIP_ITEM_SURNAME ? h->nentities : 0;

	return it->ref < lim && it->len > 0 && it->len <= DIP_MAX_PHRASE &&
		(it->flags >> DIP_ALIAS_NRULES) == 0 && (it->flags == 0 || it->type == DIP_ITEM_ENTITY);
}

/* True if entity i has a kind and its references stay inside their arrays. */
static bool
entity_ok(const DipDict *d, uint32_t i)
{
	const DipDictHeader *h = d->hdr;
	const DipEntity *e = &d->entities[i];

	return e->name < h->strpool_size && e->kind > 0 && e->kind < DIP_NKINDS &&
		(uint64_t) e->office_first + e->office_count <= h->noffices &&
		(uint64_t) e->topic_first + e->topic_count <= h->ntermrefs &&
		e->country[3] == '\0' && e->actor[19] == '\0';
}

/*
 * True if pattern i has a known code (or is a no-event pattern) and its
 * elements inside their array.
 */
static bool
pattern_ok(const DipDict *d, uint32_t i)
{
	const DipPattern *p = &d->patterns[i];

	return (uint64_t) p->elem_first + p->nelem <= d->hdr->npelems &&
		p->text < d->hdr->strpool_size && p->anchor <= p->nelem &&
		(p->code == DIP_PATTERN_NO_EVENT || dip_cameo_info(p->code) != NULL);
}

/* True if pattern element i has a kind and refers inside its array. */
static bool
pelem_ok(const DipDict *d, uint32_t i)
{
	const DipDictHeader *h = d->hdr;
	const DipPElem *e = &d->pelems[i];

	return !((e->kind == DIP_PE_WORD && e->a >= h->nwords) ||
			 (e->kind == DIP_PE_WORDSET && (uint64_t) e->a + e->b > h->npwids) ||
			 (e->kind == DIP_PE_LEMMA && e->a >= h->nlemmas) ||
			 e->kind < DIP_PE_WORD || e->kind > DIP_PE_TARGET);
}

/* Returns "... bad what" unless cond holds for every i below count. */
#define EVERY(count, cond, what) \
	for (uint32_t i = 0; i < (count); i++) \
		if (!(cond)) \
			return "dictionary image has a bad " what

/* Checks that every index of an opened image stays inside its array. */
static const char *
check_indexes(const DipDict *d)
{
	const DipDictHeader *h = d->hdr;

	EVERY(h->nwords, d->words[i].str < h->strpool_size && d->words[i].lemma <= h->nlemmas &&
		  d->words[i].root < h->nnodes, "word");
	EVERY(h->vocab_size, d->vocab[i] < h->nwords, "vocabulary slot");
	EVERY(h->edge_size, d->edges[i].child < h->nnodes && d->edges[i].node < h->nnodes &&
		  d->edges[i].wid < h->nwords, "edge");
	EVERY(h->nnodes, (uint64_t) d->nodes[i].item_first + d->nodes[i].item_count <= h->nitems,
		  "node");
	EVERY(h->nitems, item_ok(d, i), "item");
	EVERY(h->nentities, entity_ok(d, i), "entity");
	EVERY(h->noffices, d->offices[i].entity < h->nentities && d->offices[i].title < h->strpool_size &&
		  d->offices[i].actor[19] == '\0' && d->offices[i].country[3] == '\0', "office");
	EVERY(h->nroles, d->roles[i].term < h->strpool_size && d->roles[i].role[3] == '\0' &&
		  d->roles[i].country[3] == '\0', "role");
	EVERY(h->npatterns, pattern_ok(d, i), "pattern");
	EVERY(h->npelems, pelem_ok(d, i), "pattern element");
	EVERY(h->npwids, d->pwids[i] < h->nwords, "pattern word");
	EVERY(h->nlemmas, d->lemmas[i] < h->strpool_size, "lemma");
	EVERY(h->ntopics, d->topics[i].key < h->strpool_size && d->topics[i].label < h->strpool_size &&
		  d->topics[i].parent < (int32_t) h->ntopics, "topic");
	EVERY(h->ntermrefs, d->termrefs[i].topic < h->ntopics, "topic reference");
	EVERY(h->ngroups, (uint64_t) d->groups[i].first + d->groups[i].count <= h->ntermrefs,
		  "term group");
	EVERY(h->nvalues, d->values[i].wid < h->nwords && d->values[i].cls < CUEB_NCLASSES &&
		  d->values[i].str < h->strpool_size, "word value");
	return NULL;
}

#undef EVERY

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
	if (dip_dict_checksum(base + sizeof(DipDictHeader), size - sizeof(DipDictHeader)) != h->checksum)
		return "dictionary image checksum mismatch";
#define CHECK_SECTION(member, field, count, T) \
	if ((uint64_t) h->field + (uint64_t) h->count * sizeof(T) > size || (h->field & 7) != 0) \
		return "dictionary image section out of bounds";
	DIP_DICT_SECTIONS(CHECK_SECTION)
#undef CHECK_SECTION
	if ((h->vocab_size & (h->vocab_size - 1)) != 0 ||
		(h->edge_size & (h->edge_size - 1)) != 0 || h->nwords == 0 ||
		h->nedgebits == 0 || (h->nedgebits & (h->nedgebits - 1)) != 0 ||
		h->nnodes == 0 || h->strpool_size == 0 ||
		base[h->off_strpool + h->strpool_size - 1] != '\0')
		return "dictionary image is malformed";

	d->hdr = h;
	d->base = base;
#define POINT_SECTION(member, field, count, T) \
	d->member = (const T *) (base + h->field);
	DIP_DICT_SECTIONS(POINT_SECTION)
#undef POINT_SECTION

	return check_indexes(d);
}
