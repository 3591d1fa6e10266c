/*-------------------------------------------------------------------------
 *
 * compat.h
 *	  The only place that knows about differences between PostgreSQL
 *	  versions.
 *
 * Soft input errors: from PostgreSQL 16 on, a type's input function
 * reports a malformed value with errsave()/ereturn() into the ErrorSaveContext
 * the caller passes as fcinfo->context, so that pg_input_is_valid() and
 * COPY ... ON_ERROR can ask without a subtransaction.  Before 16 there is no
 * such context and every input error is an ordinary ERROR: the shims below
 * make errsave() and ereturn() raise it, so that the same input code
 * compiles and behaves correctly on 15.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIPLOMAT_COMPAT_H
#define DIPLOMAT_COMPAT_H

#include "postgres.h"

#if PG_VERSION_NUM >= 160000

#include "nodes/miscnodes.h"

#else

/* Reports an input error; before PostgreSQL 16 it is always hard. */
#define errsave(context, ...) \
	do { \
		(void) (context); \
		ereport(ERROR, __VA_ARGS__); \
	} while (0)

/* Reports an input error and returns dummy_value (never reached before 16). */
#define ereturn(context, dummy_value, ...) \
	do { \
		errsave(context, __VA_ARGS__); \
		return dummy_value; \
	} while (0)

/* Whether errsave() saved an error into context: never before 16. */
#define SOFT_ERROR_OCCURRED(escontext) ((void) (escontext), false)

#endif							/* PG_VERSION_NUM >= 160000 */

#endif							/* DIPLOMAT_COMPAT_H */
