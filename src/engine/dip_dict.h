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
#define DIP_DICT_VERSION	5

/*
 * Enumerations defined once: the engine's enums and name tables, and the
 * CHECK constraints of the dictionary tables in the extension's SQL
 * (tools/sql-lists.c fills them in), come from these lists.
 */

/*
 * Entity kinds: X(kind, in the gazetteer).  The numbers are stored on disk
 * by the extension's entity types (src/pg/entities.h): only append.
 */
#define DIP_KINDS(X) \
	X(PER, true) \
	X(ORG, true) \
	X(GPE, true) \
	X(LOC, true) \
	X(NORP, true) \
	X(DATE, false)

#define DIP_KIND_ENUM(k, gaz) DIP_KIND_##k,
enum
{
	DIP_KIND_NONE = 0,
	DIP_KINDS(DIP_KIND_ENUM)
	DIP_NKINDS
};
#undef DIP_KIND_ENUM
extern const char *dip_kind_name(int kind);
extern int	dip_kind_from_name(const char *s, size_t len);

/* True if the gazetteer may hold entities of this kind. */
extern bool dip_kind_in_gazetteer(int kind);

/*
 * Word classes of the lexicon (diplomat.lexicon.class), one bit each in
 * DipWord.lex, in this order: X(class).
 */
#define DIP_LEXICON_CLASSES(X) \
	X(DET) X(PRON) X(PREP) X(CONJ) X(ADV) X(ADJ) X(NOUN) X(VERB) X(AUX) X(NUM) \
	X(INTJ) X(MONTH) X(WEEKDAY) X(GIVEN) X(SURNAME) X(ORG_SUFFIX) X(ORG_HEAD) \
	X(LOC_SUFFIX) X(LOC_HEAD) X(LOC_PREP) X(PER_TITLE) X(PER_PRONOUN) \
	X(PER_PARTICLE) X(NOT_NAME) X(AMBIGUOUS) X(PER_VERB)

#define DIP_LEXICON_BIT_ENUM(c) LXB_##c,
enum
{
	DIP_LEXICON_CLASSES(DIP_LEXICON_BIT_ENUM)
	LXB_NCLASSES
};
#undef DIP_LEXICON_BIT_ENUM

#define LX_DET			(1u << LXB_DET)
#define LX_PRON			(1u << LXB_PRON)
#define LX_PREP			(1u << LXB_PREP)
#define LX_CONJ			(1u << LXB_CONJ)
#define LX_ADV			(1u << LXB_ADV)
#define LX_ADJ			(1u << LXB_ADJ)
#define LX_NOUN			(1u << LXB_NOUN)
#define LX_VERB			(1u << LXB_VERB)
#define LX_AUX			(1u << LXB_AUX)
#define LX_NUM			(1u << LXB_NUM)
#define LX_INTJ			(1u << LXB_INTJ)
#define LX_MONTH		(1u << LXB_MONTH)
#define LX_WEEKDAY		(1u << LXB_WEEKDAY)
#define LX_GIVEN		(1u << LXB_GIVEN)
#define LX_SURNAME		(1u << LXB_SURNAME)
#define LX_ORG_SUFFIX	(1u << LXB_ORG_SUFFIX)
#define LX_ORG_HEAD		(1u << LXB_ORG_HEAD)
#define LX_LOC_SUFFIX	(1u << LXB_LOC_SUFFIX)
#define LX_LOC_HEAD		(1u << LXB_LOC_HEAD)
#define LX_LOC_PREP		(1u << LXB_LOC_PREP)
#define LX_PER_TITLE	(1u << LXB_PER_TITLE)
#define LX_PER_PRONOUN	(1u << LXB_PER_PRONOUN)
#define LX_PARTICLE		(1u << LXB_PER_PARTICLE)
#define LX_NOT_NAME		(1u << LXB_NOT_NAME)
#define LX_AMBIG		(1u << LXB_AMBIGUOUS)	/* surname that is also a common word */
#define LX_PER_VERB		(1u << LXB_PER_VERB)	/* listed; no rule reads it yet */
/* bits the builder derives */
#define LX_COMMON		(1u << LXB_NCLASSES)	/* listed in the common word list */
#define LX_TITLEWORD	(1u << (LXB_NCLASSES + 1))	/* word of a multi-word title */
#define LX_AGENT		(1u << (LXB_NCLASSES + 2))	/* an agent noun: troops, officials */

/* the classes and derived bits fit DipWord.lex */
typedef char dip_lexicon_bits_fit[LXB_NCLASSES + 3 <= 32 ? 1 : -1];

#define LX_FUNCTION (LX_DET | LX_PRON | LX_PREP | LX_CONJ | LX_AUX)

/* The bit of a lexicon class, or 0 if there is no such class. */
extern uint32_t dip_lexclass_from_name(const char *s, size_t len);

/* The name of lexicon class number k (0..LXB_NCLASSES-1). */
extern const char *dip_lexclass_name(int k);

/*
 * Cue classes of the lexicon: the words that the recogniser's, the event
 * coder's and the date reader's rules look for, one bit each in
 * DipWord.cues: X(class, value, lowest, highest).  Some classes give
 * their words a value in diplomat.lexicon.value: a number in [lowest,
 * highest] (CUEV_NUMBER), or a CAMEO role code (CUEV_ROLE).
 */
#define DIP_CUE_CLASSES(X) \
	X(ORG_ROLE, CUEV_ROLE, 0, 0)			/* organisation word with its role: ministry GOV */ \
	X(MISC_HEAD, CUEV_NONE, 0, 0)		/* last word of an event, law or product: Cup, Treaty */ \
	X(MISC_PREFIX, CUEV_NONE, 0, 0)		/* first word of an operation or a ship: Operation, USS */ \
	X(STORM_WORD, CUEV_NONE, 0, 0)		/* first word of a storm's name: Hurricane */ \
	X(LEGAL_FORM, CUEV_NONE, 0, 0)		/* legal form of a company: Corp, Ltd */ \
	X(DIRECTION, CUEV_NONE, 0, 0)		/* compass word naming a region: Northern */ \
	X(PLACE_OR_CLUB, CUEV_NONE, 0, 0)	/* last word of a place or a club: County */ \
	X(LOC_BEFORE, CUEV_NONE, 0, 0)		/* word before a single unknown word that makes it a place */ \
	X(LOC_AFTER, CUEV_NONE, 0, 0)		/* word after a single unknown word that makes it a place */ \
	X(PER_AFTER, CUEV_NONE, 0, 0)		/* word after a single unknown word that makes it a person */ \
	X(ADJ_PARTICIPLE, CUEV_NONE, 0, 0)	/* participle making a name an adjective: -led */ \
	X(PAIR_NOUN, CUEV_NONE, 0, 0)		/* noun for a pair named before: both sides */ \
	X(GROUP_NOUN, CUEV_NONE, 0, 0)		/* noun of number or group before "of": dozens of */ \
	X(PASSIVE_AUX, CUEV_NONE, 0, 0)		/* form of be before a passive participle */ \
	X(NEGATION, CUEV_NONE, 0, 0)			/* negation before a verb: not, never */ \
	X(FUTURE, CUEV_NONE, 0, 0)			/* future or intention before a verb: will, plans */ \
	X(INTENT_WORD, CUEV_NONE, 0, 0)		/* word before "to" of a stated intention: ready */ \
	X(UNNAMED_PERSON, CUEV_NONE, 0, 0)	/* person the text does not name: gunman */ \
	X(FATAL, CUEV_NONE, 0, 0)			/* word of death after an attack: killed */ \
	X(ASSASSINATION, CUEV_NONE, 0, 0)	/* word of assassination */ \
	X(ADJUNCT_PREP, CUEV_NONE, 0, 0)		/* preposition of place or time, not of a target */ \
	X(DATE_MONTH, CUEV_NUMBER, 1, 12)	/* month name of dates, with its number */ \
	X(DATE_WEEKDAY, CUEV_NUMBER, 0, 6)	/* weekday of dates, 0 for Sunday */ \
	X(DATE_DAY, CUEV_NUMBER, -1, 1)		/* day relative to publication: yesterday -1 */ \
	X(DATE_DIRECTION, CUEV_NUMBER, -1, 1)	/* direction of a period: last -1, next 1 */ \
	X(FORMER, CUEV_NONE, 0, 0)			/* before a title, a holder other than the present one: former */ \
	X(CONDITIONAL, CUEV_NONE, 0, 0)		/* before a verb, what may happen: could, if */ \
	X(OBLIGATION, CUEV_NONE, 0, 0)		/* before a verb, what one must do: must, should */ \
	X(DATE_PERIOD, CUEV_NONE, 0, 0)		/* before a date, a period or a term: since, due */ \
	X(AMOUNT_UNIT, CUEV_NONE, 0, 0)		/* after a number, a unit of economic figures: pct */ \
	X(ECONOMY, CUEV_NONE, 0, 0)			/* word of economic, business or market news: shares */

/* what a cue class's value is */
enum
{
	CUEV_NONE = 0,
	CUEV_NUMBER,
	CUEV_ROLE
};

#define DIP_CUE_BIT_ENUM(c, v, lo, hi) CUEB_##c,
enum
{
	DIP_CUE_CLASSES(DIP_CUE_BIT_ENUM)
	CUEB_NCLASSES
};
#undef DIP_CUE_BIT_ENUM

#define DIP_CUE_MASK_ENUM(c, v, lo, hi) CUE_##c = 1u << CUEB_##c,
enum
{
	DIP_CUE_CLASSES(DIP_CUE_MASK_ENUM)
};
#undef DIP_CUE_MASK_ENUM

/* the cue classes fit DipWord.cues */
typedef char dip_cue_bits_fit[CUEB_NCLASSES <= 31 ? 1 : -1];

/* The cue class number named s[0..len), or -1. */
extern int	dip_cueclass_from_name(const char *s, size_t len);

/* The name of cue class number k, or NULL. */
extern const char *dip_cueclass_name(int k);

/* What the values of cue class k are (CUEV_*), and their range. */
extern int	dip_cueclass_value(int k, int *lowest, int *highest);

/*
 * Offices: X(enum suffix, name).  Higher offices first: when a person
 * holds several at once, the first one decides the actor code.
 */
#define DIP_OFFICES(X) \
	X(HEAD_OF_STATE, head_of_state) \
	X(HEAD_OF_GOVERNMENT, head_of_government) \
	X(FOREIGN_MINISTER, foreign_minister) \
	X(DEFENCE_MINISTER, defence_minister) \
	X(FINANCE_MINISTER, finance_minister) \
	X(INTERIOR_MINISTER, interior_minister) \
	X(SPOKESPERSON, spokesperson) \
	X(UN_AMBASSADOR, un_ambassador) \
	X(NSA, national_security_adviser) \
	X(SECRETARY_GENERAL, secretary_general) \
	X(PARTY_LEADER, party_leader) \
	X(VICE_PRESIDENT, vice_president) \
	X(DEPUTY_HOG, deputy_head_of_government) \
	X(OTHER, other)

#define DIP_OFFICE_ENUM(e, name) DIP_OFFICE_##e,
enum
{
	DIP_OFFICE_NONE = 0,
	DIP_OFFICES(DIP_OFFICE_ENUM)
	DIP_NOFFICES
};
#undef DIP_OFFICE_ENUM
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
	uint32_t	cues;			/* CUE_* */
	uint32_t	lemma;			/* verb lemma id + 1, 0 if not a verb form */
	uint16_t	vforms;			/* DIP_VF_* this word is */
	uint8_t		known;			/* in a dictionary other than as a cue word */
	uint32_t	root;			/* the trie node the word leads to from the
								 * root, 0 if it starts no path */
} DipWord;

/* The value of a word in a valued cue class (DipWordValue.cls) */
typedef struct DipWordValue
{
	uint32_t	wid;
	uint32_t	cls;			/* cue class number */
	int32_t		num;			/* CUEV_NUMBER */
	uint32_t	str;			/* string pool: CUEV_ROLE, "" otherwise */
} DipWordValue;

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

/*
 * Rules of an entity alias (DipItem.flags), written after the alias in
 * square brackets in the gazetteer ("CAR [nocaseless]"): X(flag, name).
 */
#define DIP_ALIAS_RULES(X) \
	X(NOCASELESS, nocaseless)	/* never in a headline or a line in capitals */ \
	X(EXACTCASE, exactcase)		/* only as written, not first in a sentence nor before a capitalised word */ \
	X(NOLEGAL, nolegal)			/* not right after a capitalised word, where it is a legal form */ \
	X(CONTEXT, context)			/* only where the document also names the entity's country or the entity otherwise */

#define DIP_ALIAS_RULE_BIT(f, name) DIP_ALIASB_##f,
enum
{
	DIP_ALIAS_RULES(DIP_ALIAS_RULE_BIT)
	DIP_ALIAS_NRULES
};
#undef DIP_ALIAS_RULE_BIT
#define DIP_ALIAS_NOCASELESS	(1u << DIP_ALIASB_NOCASELESS)
#define DIP_ALIAS_EXACTCASE		(1u << DIP_ALIASB_EXACTCASE)
#define DIP_ALIAS_NOLEGAL		(1u << DIP_ALIASB_NOLEGAL)
#define DIP_ALIAS_CONTEXT		(1u << DIP_ALIASB_CONTEXT)

/* The name of alias rule bit k, or NULL. */
extern const char *dip_alias_rule_name(int k);

typedef struct DipItem
{
	uint8_t		type;
	uint8_t		flags;			/* DIP_ALIAS_* of an entity alias */
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

/* The code of a no-event pattern ("---", TABARI's null code) */
#define DIP_PATTERN_NO_EVENT 0

typedef struct DipPattern
{
	int16_t		code;			/* packed CAMEO code, see dip_cameo.h, or
								 * DIP_PATTERN_NO_EVENT */
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
	uint32_t	nvalues;
	uint32_t	nedgebits;		/* 64-bit words of the edge filter, a power
								 * of two */
	uint32_t	strpool_size;
	/* section offsets from the start of the image */
	uint32_t	off_words;
	uint32_t	off_vocab;
	uint32_t	off_edges;
	uint32_t	off_edgebits;
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
	uint32_t	off_values;
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
	X(edgebits, off_edgebits, nedgebits, uint64_t) \
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
	X(values, off_values, nvalues, DipWordValue) \
	X(strpool, off_strpool, strpool_size, char)

typedef struct DipDict
{
	const DipDictHeader *hdr;
	const char *base;
	const DipWord *words;		/* index 0 is unused */
	const uint32_t *vocab;		/* hash slots -> wid, 0 empty */
	const DipEdge *edges;
	const uint64_t *edgebits;	/* a bit per hash of the edges: a filter */
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
	const DipWordValue *values;	/* by word, then class */
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

/*
 * 64-bit hash of a trie edge (node, word id): its low half places the edge
 * in the image's edge table, its high half sets its bit in the edge filter.
 */
static inline uint64_t
dip_edge_hash64(uint32_t node, uint32_t wid)
{
	uint64_t	k = ((uint64_t) node << 32) | wid;

	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return k;
}

/* Hash of a trie edge (node, word id), as the image's edge table is laid out. */
static inline uint32_t
dip_edge_hash(uint32_t node, uint32_t wid)
{
	return (uint32_t) dip_edge_hash64(node, wid);
}

/* The bit of the edge filter (of nbits, a power of two) for edge hash k. */
static inline uint32_t
dip_edge_bit(uint64_t k, uint32_t nbits)
{
	return (uint32_t) (k >> 32) & (nbits - 1);
}

/* ------------------------------------------------------------------------
 * Lookup
 * ------------------------------------------------------------------------
 */
extern uint32_t dip_vocab_lookup(const DipDict *d, const char *s, size_t len);

/* The same, with the slot dip_word_hash(s, len) & (vocab_size - 1) known. */
extern uint32_t dip_vocab_lookup_slot(const DipDict *d, const char *s, size_t len,
									  uint32_t slot);

/* Asks the processor to load the cache line at p ahead of its use. */
#if defined(__GNUC__) || defined(__clang__)
#define DIP_PREFETCH(p) __builtin_prefetch(p)
#else
#define DIP_PREFETCH(p) ((void) (p))
#endif

static inline const char *
dip_str(const DipDict *d, uint32_t off)
{
	return d->strpool + off;
}

/* The CUE_* classes of word wid (0 for none). */
static inline uint32_t
dip_word_cues(const DipDict *d, uint32_t wid)
{
	return wid ? d->words[wid].cues : 0;
}

/* True if word wid is in a dictionary other than as a cue word. */
static inline bool
dip_word_known(const DipDict *d, uint32_t wid)
{
	return wid != 0 && d->words[wid].known;
}

/*
 * The value of word wid in cue class cls: its number and string (a role
 * code); false if it has none.
 */
extern bool dip_word_value(const DipDict *d, uint32_t wid, int cls, int32_t *num,
						   const char **str);

/* Child of node for word wid, or 0. */
extern uint32_t dip_trie_child(const DipDict *d, uint32_t node, uint32_t wid);

/*
 * False if node has no child for word wid; true if it may have one.  The
 * edge filter, a few bits per edge, fits the processor's cache where the
 * edge table does not, and most lookups are of edges that do not exist.
 */
static inline bool
dip_trie_may_have(const DipDict *d, uint32_t node, uint32_t wid)
{
	uint32_t	bit = dip_edge_bit(dip_edge_hash64(node, wid), d->hdr->nedgebits * 64);

	return (d->edgebits[bit >> 6] >> (bit & 63)) & 1;
}

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

/* True if word wid is the surname of a gazetteer person. */
extern bool dip_dict_is_surname(const DipDict *d, uint32_t wid);

/*
 * The gazetteer person holding office (DIP_OFFICE_*) of country at date
 * (the one who took it last, if offices overlap); -1 if none is known.
 */
extern int32_t dip_dict_office_holder(const DipDict *d, int office, const char *country,
									  int32_t date);

/*
 * How many people held office (DIP_OFFICE_*) of country at date: 0, 1 or
 * 2 (two or more); *latest is the one who took it last, or -1.
 */
extern int	dip_dict_office_holders(const DipDict *d, int office, const char *country,
									int32_t date, int32_t *latest);

#endif							/* DIP_DICT_H */
