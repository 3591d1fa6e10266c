/*-------------------------------------------------------------------------
 *
 * sortedset.h
 *	  Sorted, deduplicated sets: the one implementation of construction,
 *	  lookup, containment, overlap and equality behind the entities and
 *	  topics types and their GIN operator classes.
 *
 * A set value is a varlena: a header (SSetHeader: length word, element
 * count), an array of fixed-size entries sorted by (kind, name) without
 * duplicates, then a string area holding the names.  Each type describes
 * its entries with an SSetType (how to read an entry as an SSetItem, how
 * to store one, how to fold duplicates); everything else is shared, the
 * way intarray shares inner_int_contains and inner_int_overlap.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIPLOMAT_SORTEDSET_H
#define DIPLOMAT_SORTEDSET_H

#include "postgres.h"

#include "access/gin.h"
#include "fmgr.h"
#include "lib/stringinfo.h"

/* An element under construction, read back, or looked up. */
typedef struct SSetItem
{
	int			kind;			/* entity kind; 0 for topic keys */
	const char *name;
	int			len;
	char		country[3];		/* all zero when unknown */
	uint32		value;			/* mention count, or weight in thousandths */
} SSetItem;

/* The start of every set value. */
typedef struct SSetHeader
{
	int32		vl_len_;
	int32		n;
} SSetHeader;

#define SSET_COUNT(set)		(((const SSetHeader *) (set))->n)

/* How a type stores its entries. */
typedef struct SSetType
{
	const char *typname;		/* for error messages */
	Size		hdrsz;			/* offset of the first entry */
	Size		entrysz;
	/* entry i as an item; the name points into the value */
	void		(*get) (const void *set, int i, SSetItem *item);
	/* stores item as entry i, its name at offset off of the string area */
	void		(*put) (void *set, int i, const SSetItem *item, uint32 off);
	/* folds a duplicate into the item kept */
	void		(*merge) (SSetItem *kept, const SSetItem *dup);
	/* text form of one item, binary form of one item, and back */
	void		(*out_item) (StringInfo buf, const SSetItem *item);
	void		(*send_item) (StringInfo buf, const SSetItem *item);
	void		(*recv_item) (StringInfo buf, SSetItem *item);
	int			min_binary_size;	/* bytes of the smallest binary item */
} SSetType;

/* Set order: kind, then name bytewise, a prefix first. */
extern int	sset_item_cmp(const SSetItem *a, const SSetItem *b);

/* Sorts and merges items (in place) and builds the value. */
extern void *sset_build(const SSetType *t, SSetItem *items, int n);

/* Index of key in the set, or -1 (binary search). */
extern int	sset_find(const SSetType *t, const void *set, const SSetItem *key);

/* True if every element of b is in a. */
extern bool sset_contains(const SSetType *t, const void *a, const void *b);

/* True if a and b have an element in common. */
extern bool sset_overlap(const SSetType *t, const void *a, const void *b);

/* True if a and b hold the same elements with the same values. */
extern bool sset_equal(const SSetType *t, const void *a, const void *b);

/* The SQL operators every set type has, implemented once. */
typedef enum SSetOp
{
	SSET_CONTAINS,				/* @> */
	SSET_CONTAINED,				/* <@ */
	SSET_OVERLAP,				/* && */
	SSET_EQ,					/* = */
	SSET_NE						/* <> */
} SSetOp;

extern Datum sset_operator(FunctionCallInfo fcinfo, const SSetType *t, SSetOp op);

/*
 * Defines the SQL-callable prefix_contains, prefix_contained,
 * prefix_overlap, prefix_eq and prefix_ne of a set type.
 */
#define SSET_OPERATOR_FUNCTIONS(prefix, type) \
	PG_FUNCTION_INFO_V1(prefix##_contains); \
	PG_FUNCTION_INFO_V1(prefix##_contained); \
	PG_FUNCTION_INFO_V1(prefix##_overlap); \
	PG_FUNCTION_INFO_V1(prefix##_eq); \
	PG_FUNCTION_INFO_V1(prefix##_ne); \
	Datum prefix##_contains(PG_FUNCTION_ARGS) { return sset_operator(fcinfo, (type), SSET_CONTAINS); } \
	Datum prefix##_contained(PG_FUNCTION_ARGS) { return sset_operator(fcinfo, (type), SSET_CONTAINED); } \
	Datum prefix##_overlap(PG_FUNCTION_ARGS) { return sset_operator(fcinfo, (type), SSET_OVERLAP); } \
	Datum prefix##_eq(PG_FUNCTION_ARGS) { return sset_operator(fcinfo, (type), SSET_EQ); } \
	Datum prefix##_ne(PG_FUNCTION_ARGS) { return sset_operator(fcinfo, (type), SSET_NE); }

/*
 * Text output ("item, item"), binary send (int32 count, then the items) and
 * receive (validated by recv_item, then sorted and merged like input).
 */
extern Datum sset_out(FunctionCallInfo fcinfo, const SSetType *t);
extern Datum sset_send(FunctionCallInfo fcinfo, const SSetType *t);
extern Datum sset_recv(FunctionCallInfo fcinfo, const SSetType *t);

/* Defines the SQL-callable prefix_out, prefix_send and prefix_recv. */
#define SSET_IO_FUNCTIONS(prefix, type) \
	PG_FUNCTION_INFO_V1(prefix##_out); \
	PG_FUNCTION_INFO_V1(prefix##_send); \
	PG_FUNCTION_INFO_V1(prefix##_recv); \
	Datum prefix##_out(PG_FUNCTION_ARGS) { return sset_out(fcinfo, (type)); } \
	Datum prefix##_send(PG_FUNCTION_ARGS) { return sset_send(fcinfo, (type)); } \
	Datum prefix##_recv(PG_FUNCTION_ARGS) { return sset_recv(fcinfo, (type)); }

/*
 * GIN: from the ternary presence of a query's keys, whether the value
 * contains all of them (all) or one of them (!all).
 */
extern GinTernaryValue sset_gin_match(const GinTernaryValue *check, int nkeys, bool all);

/*
 * GIN: the ternary presence of a query's keys, from a consistent
 * function's bool check[] (ternary false) or a triConsistent's ternary
 * one.  A present key that is not exact (exact[i] false: a hash bucket)
 * only says "maybe"; exact NULL means every key is exact.
 */
extern GinTernaryValue *sset_gin_presence(const void *check, bool ternary, int nkeys,
										  const bool *exact);

#endif							/* DIPLOMAT_SORTEDSET_H */
