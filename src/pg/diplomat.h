/*-------------------------------------------------------------------------
 *
 * diplomat.h
 *	  Declarations shared by the PostgreSQL glue of the diplomat extension.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIPLOMAT_H
#define DIPLOMAT_H

#include "postgres.h"
#include "fmgr.h"
#include "nodes/pg_list.h"
#include "utils/memutils.h"

#include "dip.h"

/* DipMem that pallocs in the given memory context */
extern void dipg_mem_init(DipMem *mem, MemoryContext cxt);

/* Raises an error unless the database encoding is UTF8. */
extern void dipg_check_encoding(void);

/*
 * The search_path every statement the extension runs through SPI uses, so
 * that objects planted in other schemas can never capture a function or
 * operator name.  dipg_pin_search_path() sets it for the current function
 * call and returns the GUC nest level to pass to dipg_unpin_search_path();
 * an error unwinds it with the (sub)transaction.
 */
#define DIPG_SAFE_SEARCH_PATH "pg_catalog, pg_temp"
extern int	dipg_pin_search_path(void);
extern void dipg_unpin_search_path(int nestlevel);

/* Number of characters in a UTF-8 byte range (1-based positions in SQL). */
extern int32 dipg_char_len(const char *s, size_t len);

/* A float4 Goldstein score as the double nearest its decimal value. */
extern float8 dipg_goldstein_value(float g);

/* Planner support of <@ and @> for hierarchical codes (hierarchy.c). */
struct SupportRequestIndexCondition;
extern struct SupportRequestIndexCondition *dipg_hierarchy_request(Node *rawreq, Node **key,
																   Datum *value, Oid *typid);
extern List *dipg_hierarchy_range(Node *key, Oid typid, Oid opfamily, int typlen, bool byval,
								  Datum lower, bool has_upper, Datum upper,
								  bool upper_inclusive);

#endif							/* DIPLOMAT_H */
