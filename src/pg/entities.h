/*-------------------------------------------------------------------------
 *
 * entities.h
 *	  On-disk layout of the entity, entities and newsquery types.
 *
 * entity: one resolved entity: kind, canonical name, country.
 * entities: a document's distinct entities with mention counts, sorted by
 *	 (kind, name) and deduplicated, the way tsvector holds lexemes.
 * newsquery: a boolean query over entity (and topic) keys, stored flat in
 *	 prefix (Polish) notation like tsquery.
 *
 * Identity is (kind, name); the country is carried along for display and
 * filtering but does not take part in equality, ordering or hashing.
 * Neither format contains OIDs or other node-local values.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIPLOMAT_ENTITIES_H
#define DIPLOMAT_ENTITIES_H

#include "postgres.h"
#include "fmgr.h"
#include "lib/stringinfo.h"

#include "sortedset.h"
#include "dip_dict.h"

/*
 * Kinds: the engine's entity kinds (DIP_KINDS in dip_dict.h), then topic
 * keys, which can live in the same sets.  The numbers are stored on disk;
 * entities.c checks that they do not move.
 */
#define EK_PER		DIP_KIND_PER
#define EK_ORG		DIP_KIND_ORG
#define EK_GPE		DIP_KIND_GPE
#define EK_LOC		DIP_KIND_LOC
#define EK_NORP		DIP_KIND_NORP
#define EK_DATE		DIP_KIND_DATE
#define EK_TOPIC	DIP_NKINDS
#define EK_MAX		EK_TOPIC

#define ENTITY_MAX_NAME 1000

extern const char *entity_kind_name(int kind);
extern int	entity_kind_parse(const char *s, int len);

/* ---------------- entity ---------------- */
typedef struct Entity
{
	int32		vl_len_;
	uint8		kind;
	char		country[3];		/* all zero when unknown */
	char		name[FLEXIBLE_ARRAY_MEMBER];	/* not NUL-terminated */
} Entity;

#define ENTITY_HDRSZ		offsetof(Entity, name)
#define ENTITY_NAMELEN(e)	(VARSIZE(e) - ENTITY_HDRSZ)
#define DatumGetEntityP(d)	((Entity *) PG_DETOAST_DATUM(d))
#define PG_GETARG_ENTITY_P(n) DatumGetEntityP(PG_GETARG_DATUM(n))

extern Entity *make_entity(int kind, const char *name, int len, const char *country);

/* Appends a name in double quotes, " and \ escaped (entities, newsquery). */
extern void entity_append_quoted(StringInfo buf, const char *name, int len);

/* Why a name cannot be stored (as an error detail), or NULL if it can. */
extern const char *entity_name_problem(const char *name, int len);

/* ---------------- entities ---------------- */
typedef struct EntityEntry
{
	uint32		name_off;		/* from the start of the string area */
	uint16		name_len;
	uint8		kind;
	uint8		flags;			/* reserved, 0 */
	char		country[3];
	uint8		pad;
	uint32		count;
} EntityEntry;

typedef struct Entities
{
	int32		vl_len_;
	int32		nentries;
	EntityEntry entries[FLEXIBLE_ARRAY_MEMBER];
	/* the string area follows the entries */
} Entities;

#define ENTITIES_HDRSZ			offsetof(Entities, entries)
#define ENTITIES_STRINGS(es)	((char *) &(es)->entries[(es)->nentries])
#define ENTRY_NAME(es, e)		(ENTITIES_STRINGS(es) + (e)->name_off)
#define DatumGetEntitiesP(d)	((Entities *) PG_DETOAST_DATUM(d))
#define PG_GETARG_ENTITIES_P(n) DatumGetEntitiesP(PG_GETARG_DATUM(n))

/* An entry under construction, before sorting (count in value). */
typedef SSetItem EntityItem;

/* The entries of an entities value as a sorted set (sortedset.h). */
extern const SSetType EntitiesSet;

/* Sorts, merges duplicates (adding counts) and builds the value. */
extern Entities *make_entities(EntityItem *items, int n);

/* Index of (kind, name) in es, or -1. */
extern int	entities_find(const Entities *es, int kind, const char *name, int len);

/* True if es has an entry of this kind. */
extern bool entities_has_kind(const Entities *es, int kind);

/* The GIN key text of an entry: "KIND:name". */
extern text *entity_key_text(int kind, const char *name, int len);

/* ---------------- newsquery ---------------- */
#define NQ_VAL		1
#define NQ_OPR		2

#define NQ_AND		1
#define NQ_OR		2
#define NQ_NOT		3

#define NQ_WILDCARD 1			/* KIND:* */

typedef struct NQItem
{
	uint8		type;			/* NQ_VAL or NQ_OPR */
	uint8		oper;			/* for NQ_OPR */
	uint8		kind;			/* for NQ_VAL */
	uint8		flags;			/* NQ_WILDCARD */
	uint32		left;			/* NQ_OPR AND/OR: offset of the left operand */
	uint32		name_off;		/* NQ_VAL: into the string area */
	uint32		name_len;
} NQItem;

typedef struct NewsQuery
{
	int32		vl_len_;
	int32		nitems;
	NQItem		items[FLEXIBLE_ARRAY_MEMBER];
	/* string area follows */
} NewsQuery;

#define NQ_HDRSZ			offsetof(NewsQuery, items)
#define NQ_STRINGS(q)		((char *) &(q)->items[(q)->nitems])
#define NQ_NAME(q, it)		(NQ_STRINGS(q) + (it)->name_off)
#define DatumGetNewsQueryP(d) ((NewsQuery *) PG_DETOAST_DATUM(d))
#define PG_GETARG_NEWSQUERY_P(n) DatumGetNewsQueryP(PG_GETARG_DATUM(n))

/*
 * The one size limit of a newsquery, the same for text input, binary
 * receive and the combining operators: at most this many items (operands
 * and the operators &, | and ! together).  Nesting is not limited: every
 * algorithm over the tree is iterative, so output and evaluation never run
 * out of stack, and whatever is stored can be written back.
 */
#define NQ_MAX_ITEMS	100000

/* ternary logic shared by the executor and GIN */
typedef enum
{
	NQ_FALSE = 0,
	NQ_TRUE = 1,
	NQ_MAYBE = 2
} NQValue;

typedef NQValue (*NQCheck) (void *arg, const NewsQuery *q, const NQItem *val);

/* Evaluates the query; check() gives the value of each operand. */
extern NQValue nq_execute(const NewsQuery *q, void *arg, NQCheck check);

/*
 * Folds the query tree bottom-up without recursion: leaf() computes an
 * operand's value and oper() an operator's from its operands' (l is NULL
 * for NOT); values are elemsize bytes.  The root's value lands in result.
 */
typedef void (*NQLeaf) (void *arg, const NewsQuery *q, const NQItem *val, void *out);
typedef void (*NQOper) (void *arg, int oper, const void *l, const void *r, void *out);
extern void nq_fold(const NewsQuery *q, size_t elemsize, NQLeaf leaf, NQOper oper,
					void *arg, void *result);

/*
 * NQOper over doubles in [0, 1] as independent probabilities (fuzzy
 * logic): a & b is ab, a | b is a + b - ab, !a is 1 - a.  Shared by the
 * selectivity estimator and news_rank().
 */
extern void nq_fuzzy_oper(void *arg, int oper, const void *l, const void *r, void *out);

/* True if the query can only match rows containing one of its keys. */
extern bool nq_needs_keys(const NewsQuery *q);

/* True if any operand is a topic. */
extern bool nq_has_topics(const NewsQuery *q);

/*
 * A query bound to the dictionaries (resolve.c): for operand item i, the
 * names it matches are names[first[i] .. first[i] + count[i]).
 */
typedef struct NQResolved
{
	int		   *first;
	int		   *count;
	SSetItem   *names;
	int			nnames;
} NQResolved;

/* Resolves every operand; notices: report names the dictionaries lack. */
extern NQResolved *nq_resolve(const NewsQuery *q, bool notices);

/* nq_resolve() cached in flinfo->fn_extra for the same query and dictionaries. */
extern NQResolved *nq_resolve_cached(FmgrInfo *flinfo, const NewsQuery *q);

/* Evaluates a resolved query against a document's set. */
extern bool nq_match_resolved(const NewsQuery *q, const NQResolved *res,
							  const Entities *es);

#endif							/* DIPLOMAT_ENTITIES_H */
