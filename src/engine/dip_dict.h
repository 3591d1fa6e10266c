/*-------------------------------------------------------------------------
 *
 * dip_dict.h
 *	  The compiled dictionaries' data model: vocabulary, token trie,
 *	  entities, offices, roles, event patterns and topic evidence, in one
 *	  flat image; opening an image and looking things up in it.
 *
 * The builder (dip_build.h) collects dictionary rows (from SQL tables in
 * the extension, from TSV files in tests and tools) and compiles them into
 * one flat, pointer-free image: arrays addressed by 32-bit indexes and a
 * string pool.  The image can be kept in memory, stored as bytea and loaded
 * again with a single copy.  dip_dict_open() validates an image and returns
 * a DipDict whose pointers point into it.
 *
 * Matching runs once over a sentence's tokens: every token's normalised
 * form is looked up in the vocabulary hash (one probe sequence), then the
 * trie, keyed by (node, word id), is walked from each position.  Trie nodes
 * carry items: entity aliases, titles and agents, event-pattern anchors and
 * topic terms.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_DICT_H
#define DIP_DICT_H

#include "dip_calendar.h"
#include "dip_hash.h"

#define DIP_DICT_MAGIC		0x44495044	/* "DIPD" */
#define DIP_DICT_VERSION	2

/* entity kinds */
enum
{
	DIP_KIND_NONE = 0,
	DIP_KIND_PER,
	DIP_KIND_ORG,
	DIP_KIND_GPE,
	DIP_KIND_LOC,
	DIP_KIND_NORP,
	DIP_KIND_DATE,
	DIP_NKINDS
};
extern const char *dip_kind_name(int kind);
extern int	dip_kind_from_name(const char *s, size_t len);

/* lexical classes of words (bit flags) */
#define LX_DET		(1u << 0)
#define LX_PRON		(1u << 1)
#define LX_PREP		(1u << 2)
#define LX_CONJ		(1u << 3)
#define LX_ADV		(1u << 4)
#define LX_ADJ		(1u << 5)
#define LX_NOUN		(1u << 6)
#define LX_VERB		(1u << 7)
#define LX_AUX		(1u << 8)
#define LX_NUM		(1u << 9)
#define LX_INTJ		(1u << 10)
#define LX_MONTH	(1u << 11)
#define LX_WEEKDAY	(1u << 12)
#define LX_GIVEN	(1u << 13)
#define LX_SURNAME	(1u << 14)
#define LX_ORG_SUFFIX (1u << 15)
#define LX_ORG_HEAD (1u << 16)
#define LX_LOC_SUFFIX (1u << 17)
#define LX_LOC_HEAD (1u << 18)
#define LX_LOC_PREP (1u << 19)
#define LX_PER_TITLE (1u << 20)
#define LX_PER_PRONOUN (1u << 21)
#define LX_PARTICLE (1u << 22)
#define LX_NOT_NAME (1u << 23)
#define LX_AMBIG	(1u << 24)	/* surname that is also a common word */
#define LX_COMMON	(1u << 25)	/* listed in the common word list */
#define LX_TITLEWORD (1u << 26) /* word of a multi-word title */
#define LX_AGENT	(1u << 27)	/* an agent noun: troops, officials */

#define LX_FUNCTION (LX_DET | LX_PRON | LX_PREP | LX_CONJ | LX_AUX)

extern uint32_t dip_lexclass_from_name(const char *s, size_t len);

/* offices */
enum
{
	DIP_OFFICE_NONE = 0,
	DIP_OFFICE_HEAD_OF_STATE,
	DIP_OFFICE_HEAD_OF_GOVERNMENT,
	DIP_OFFICE_FOREIGN_MINISTER,
	DIP_OFFICE_DEFENCE_MINISTER,
	DIP_OFFICE_FINANCE_MINISTER,
	DIP_OFFICE_INTERIOR_MINISTER,
	DIP_OFFICE_SPOKESPERSON,
	DIP_OFFICE_UN_AMBASSADOR,
	DIP_OFFICE_NSA,
	DIP_OFFICE_SECRETARY_GENERAL,
	DIP_OFFICE_PARTY_LEADER,
	DIP_OFFICE_VICE_PRESIDENT,
	DIP_OFFICE_DEPUTY_HOG,
	DIP_OFFICE_OTHER,
	DIP_NOFFICES
};
extern int	dip_office_from_name(const char *s, size_t len);
extern const char *dip_office_name(int office);

/* no date: an open start of a validity or an office */
#define DIP_NO_DATE DIP_DATE_NONE

/* a dictionary phrase has at most this many tokens */
#define DIP_MAX_PHRASE 24

/* role uses */
#define DIP_ROLE_TITLE	1
#define DIP_ROLE_AGENT	2

/* trie item types */
enum
{
	DIP_ITEM_ENTITY = 1,		/* ref: entity index */
	DIP_ITEM_ROLE,				/* ref: role index */
	DIP_ITEM_PATTERN,			/* ref: pattern index */
	DIP_ITEM_TERM,				/* ref: term group index */
	DIP_ITEM_SURNAME			/* ref: PER entity whose name ends (or,
								 * capmask bit 1, starts) with this word */
};

/* pattern element kinds */
enum
{
	DIP_PE_WORD = 1,			/* a: wid */
	DIP_PE_WORDSET,				/* a: first index in wids, b: count */
	DIP_PE_LEMMA,				/* a: lemma id */
	DIP_PE_GAP,					/* 0..3 tokens */
	DIP_PE_SOURCE,
	DIP_PE_TARGET
};

/* verb forms */
#define DIP_VF_BASE		1
#define DIP_VF_3SG		2
#define DIP_VF_PAST		4
#define DIP_VF_PART		8
#define DIP_VF_GER		16

typedef struct DipWord
{
	uint32_t	str;			/* offset in string pool (NUL-terminated) */
	uint32_t	len;
	uint32_t	lex;			/* LX_* */
	uint32_t	lemma;			/* verb lemma id + 1, 0 if not a verb form */
	uint32_t	vforms;			/* DIP_VF_* this word is */
	uint32_t	root_edges;		/* nonzero if the word starts a trie path */
} DipWord;

typedef struct DipEdge
{
	uint32_t	node;
	uint32_t	wid;
	uint32_t	child;			/* 0 = empty slot (node 0 is the root) */
} DipEdge;

typedef struct DipNode
{
	uint32_t	item_first;
	uint32_t	item_count;
} DipNode;

typedef struct DipItem
{
	uint16_t	type;
	uint16_t	len;			/* tokens matched */
	uint32_t	ref;
	uint32_t	capmask;		/* token i must be capitalised */
	uint32_t	allcapsmask;	/* token i must be in capitals */
} DipItem;

typedef struct DipEntity
{
	uint32_t	name;			/* string pool */
	uint32_t	namelen;
	uint8_t		kind;
	uint8_t		flags;
	char		country[4];		/* ISO alpha-3 or "" */
	char		actor[20];		/* CAMEO actor code or "" */
	int32_t		valid_from;		/* days since 2000-01-01, INT32_MIN if none */
	int32_t		valid_to;		/* INT32_MAX if none */
	uint32_t	office_first;
	uint32_t	office_count;
	uint32_t	topic_first;	/* into termrefs */
	uint32_t	topic_count;
} DipEntity;

typedef struct DipOffice
{
	uint32_t	entity;
	uint32_t	title;			/* string pool */
	uint8_t		office;
	char		country[4];
	char		actor[20];
	int32_t		start;
	int32_t		end;
} DipOffice;

typedef struct DipRole
{
	uint32_t	term;			/* string pool */
	char		role[4];
	uint8_t		use;
	uint8_t		office;
	char		country[4];
	uint16_t	ntok;
} DipRole;

typedef struct DipPattern
{
	int16_t		code;			/* packed CAMEO code, see dip_cameo.h */
	uint16_t	nelem;
	uint32_t	elem_first;
	uint32_t	text;			/* string pool: pattern source */
	uint16_t	anchor;			/* elements matched by the trie */
	uint16_t	has_source;
	uint16_t	has_target;
	uint16_t	pad;
} DipPattern;

typedef struct DipPElem
{
	uint32_t	kind;
	uint32_t	a;
	uint32_t	b;
} DipPElem;

typedef struct DipTopic
{
	uint32_t	key;			/* string pool */
	uint32_t	label;
	int32_t		parent;			/* topic index or -1 */
} DipTopic;

typedef struct DipTermRef
{
	uint32_t	topic;
	float		weight;
} DipTermRef;

typedef struct DipTermGroup
{
	uint32_t	first;			/* into termrefs */
	uint32_t	count;
} DipTermGroup;

typedef struct DipDictHeader
{
	uint32_t	magic;
	uint32_t	version;
	uint32_t	size;			/* total image size */
	uint32_t	nwords;
	uint32_t	vocab_size;		/* power of two */
	uint32_t	edge_size;		/* power of two */
	uint32_t	nnodes;
	uint32_t	nitems;
	uint32_t	nentities;
	uint32_t	noffices;
	uint32_t	nroles;
	uint32_t	npatterns;
	uint32_t	npelems;
	uint32_t	npwids;
	uint32_t	nlemmas;
	uint32_t	ntopics;
	uint32_t	ntermrefs;
	uint32_t	ngroups;
	uint32_t	strpool_size;
	/* section offsets from the start of the image */
	uint32_t	off_words;
	uint32_t	off_vocab;
	uint32_t	off_edges;
	uint32_t	off_nodes;
	uint32_t	off_items;
	uint32_t	off_entities;
	uint32_t	off_offices;
	uint32_t	off_roles;
	uint32_t	off_patterns;
	uint32_t	off_pelems;
	uint32_t	off_pwids;
	uint32_t	off_lemmas;
	uint32_t	off_topics;
	uint32_t	off_termrefs;
	uint32_t	off_groups;
	uint32_t	off_strpool;
	uint32_t	checksum;
} DipDictHeader;

/*
 * The sections of an image, in their order in it: the DipDict member
 * pointing to it, its offset and its element count in the header, and its
 * element type.  The builder lays them out (dip_image.c) and
 * dip_dict_open() checks them from this one list.
 */
#define DIP_DICT_SECTIONS(X) \
	X(words, off_words, nwords, DipWord) \
	X(vocab, off_vocab, vocab_size, uint32_t) \
	X(edges, off_edges, edge_size, DipEdge) \
	X(nodes, off_nodes, nnodes, DipNode) \
	X(items, off_items, nitems, DipItem) \
	X(entities, off_entities, nentities, DipEntity) \
	X(offices, off_offices, noffices, DipOffice) \
	X(roles, off_roles, nroles, DipRole) \
	X(patterns, off_patterns, npatterns, DipPattern) \
	X(pelems, off_pelems, npelems, DipPElem) \
	X(pwids, off_pwids, npwids, uint32_t) \
	X(lemmas, off_lemmas, nlemmas, uint32_t) \
	X(topics, off_topics, ntopics, DipTopic) \
	X(termrefs, off_termrefs, ntermrefs, DipTermRef) \
	X(groups, off_groups, ngroups, DipTermGroup) \
	X(strpool, off_strpool, strpool_size, char)

typedef struct DipDict
{
	const DipDictHeader *hdr;
	const char *base;
	const DipWord *words;		/* index 0 is unused */
	const uint32_t *vocab;		/* hash slots -> wid, 0 empty */
	const DipEdge *edges;
	const DipNode *nodes;
	const DipItem *items;
	const DipEntity *entities;
	const DipOffice *offices;
	const DipRole *roles;
	const DipPattern *patterns;
	const DipPElem *pelems;
	const uint32_t *pwids;
	const uint32_t *lemmas;		/* string pool offsets */
	const DipTopic *topics;
	const DipTermRef *termrefs;
	const DipTermGroup *groups;
	const char *strpool;
} DipDict;

/* Validates an image; fills *d.  Returns NULL on success, else an error. */
extern const char *dip_dict_open(DipDict *d, const void *image, size_t size);

/* Checksum of an image's bytes after its header. */
extern uint32_t dip_dict_checksum(const char *p, size_t len);

/* Hash of a vocabulary word, as the image's vocabulary table is laid out. */
static inline uint32_t
dip_word_hash(const char *s, size_t len)
{
	return dip_hash_bytes(s, len, 0);
}

/* Hash of a trie edge (node, word id), as the image's edge table is laid out. */
static inline uint32_t
dip_edge_hash(uint32_t node, uint32_t wid)
{
	uint64_t	k = ((uint64_t) node << 32) | wid;

	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return (uint32_t) k;
}

/* ------------------------------------------------------------------------
 * Lookup
 * ------------------------------------------------------------------------
 */
extern uint32_t dip_vocab_lookup(const DipDict *d, const char *s, size_t len);

static inline const char *
dip_str(const DipDict *d, uint32_t off)
{
	return d->strpool + off;
}

/* Child of node for word wid, or 0. */
extern uint32_t dip_trie_child(const DipDict *d, uint32_t node, uint32_t wid);

/* Topic index of a key, or -1. */
extern int	dip_topic_lookup(const DipDict *d, const char *key, size_t len);

/* Entity index by kind and canonical name, or -1. */
extern int	dip_entity_lookup(const DipDict *d, int kind, const char *name, size_t len);

/*
 * The gazetteer person known by the one word wid (a surname, or a family
 * name written first), preferring whoever held an office at date
 * published (DIP_NO_DATE if unknown); -1 if none or ambiguous.
 */
extern int32_t dip_dict_surname_person(const DipDict *d, uint32_t wid, int32_t published);

#endif							/* DIP_DICT_H */
