/*-------------------------------------------------------------------------
 *
 * actor.c
 *	  The actor type: a CAMEO actor code (USA, USAGOV, IGOUNO...), with its
 *	  hierarchy operators and btree/hash support.
 *
 * A value is a varlena holding 1 to 6 components of 3 upper-case letters,
 * the first a country, region or international code (dip_cameo.h).  Values
 * sort by bytes, shorter first, so 'USA' < 'USAGOV' < 'USAGOVMIL' < 'USAMIL'
 * < 'USB' and a code's descendants are contiguous: 'key <@ x' is the range
 * [x, successor of x), which the planner support functions below hand to a
 * btree index.
 *
 * The text and binary formats are the letters themselves.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"
#include "diplomat.h"

#include "access/stratnum.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_type_d.h"
#include "commands/defrem.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "dip_cameo.h"

/* Longest actor code: six 3-letter components. */
#define ACTOR_MAX_LEN	18

/*
 * ISO 3166-1 alpha-3 and CAMEO country codes, concatenated, from the
 * generated tables (tools/gen-tables.sh); dip_actor_check() uses the same
 * list.
 */
extern const char dip_country_codes[];

#define PG_GETARG_ACTOR_PP(n)	PG_GETARG_VARLENA_PP(n)

PG_FUNCTION_INFO_V1(actor_in);
PG_FUNCTION_INFO_V1(actor_out);
PG_FUNCTION_INFO_V1(actor_recv);
PG_FUNCTION_INFO_V1(actor_send);
PG_FUNCTION_INFO_V1(actor_eq);
PG_FUNCTION_INFO_V1(actor_ne);
PG_FUNCTION_INFO_V1(actor_lt);
PG_FUNCTION_INFO_V1(actor_le);
PG_FUNCTION_INFO_V1(actor_gt);
PG_FUNCTION_INFO_V1(actor_ge);
PG_FUNCTION_INFO_V1(actor_cmp);
PG_FUNCTION_INFO_V1(actor_hash);
PG_FUNCTION_INFO_V1(actor_hash_extended);
PG_FUNCTION_INFO_V1(actor_within);
PG_FUNCTION_INFO_V1(actor_contains);
PG_FUNCTION_INFO_V1(actor_within_support);
PG_FUNCTION_INFO_V1(actor_contains_support);
PG_FUNCTION_INFO_V1(actor_country);
PG_FUNCTION_INFO_V1(actor_roles);

/* Makes an actor datum of len bytes; the caller has validated them. */
static struct varlena *
ActorMake(const char *s, int len)
{
	struct varlena *result = palloc(VARHDRSZ + len);

	SET_VARSIZE(result, VARHDRSZ + len);
	memcpy(VARDATA(result), s, len);
	return result;
}

/*
 * Raises the error for an invalid binary actor code.  problem is the
 * engine's message, turned into a detail sentence.
 */
static void ActorRecvError(const char *problem) pg_attribute_noreturn();

static void
ActorRecvError(const char *problem)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid external \"actor\" value"),
			 errdetail("%c%s.", pg_toupper((unsigned char) problem[0]),
					   problem + 1)));
}

/* Byte order, shorter first when one is a prefix of the other. */
static int
ActorCompare(struct varlena *a, struct varlena *b)
{
	int			alen = VARSIZE_ANY_EXHDR(a);
	int			blen = VARSIZE_ANY_EXHDR(b);
	int			r = memcmp(VARDATA_ANY(a), VARDATA_ANY(b), Min(alen, blen));

	if (r != 0)
		return r < 0 ? -1 : 1;
	return (alen > blen) - (alen < blen);
}

/* Is this 3-letter component a country code? */
static bool
ActorIsCountry(const char *s)
{
	for (const char *p = dip_country_codes; *p; p += 3)
		if (memcmp(p, s, 3) == 0)
			return true;
	return false;
}

/* Reads the text form: 1 to 6 upper-case 3-letter components. */
Datum
actor_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len = strlen(str);
	const char *problem = dip_actor_check(str, len);

	if (problem)
		ereturn(fcinfo->context, (Datum) 0,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "actor", str),
				 errdetail("%c%s.", pg_toupper((unsigned char) problem[0]), problem + 1)));
	PG_RETURN_POINTER(ActorMake(str, (int) len));
}

/* Writes the letters of an actor code. */
Datum
actor_out(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_ACTOR_PP(0);

	PG_RETURN_CSTRING(pnstrdup(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a)));
}

/*
 * Reads the binary form, the code's ASCII letters (no length word: the
 * value's length is the message's), and validates it like the text form.
 */
Datum
actor_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			len = buf->len - buf->cursor;
	const char *bytes = pq_getmsgbytes(buf, len);
	const char *problem = dip_actor_check(bytes, len);

	if (problem)
		ActorRecvError(problem);
	PG_RETURN_POINTER(ActorMake(bytes, len));
}

/* Writes the binary form: the code's ASCII letters. */
Datum
actor_send(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_ACTOR_PP(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Compares the two arguments, freeing detoasted copies. */
static int
ActorCompareArgs(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_GETARG_ACTOR_PP(0);
	struct varlena *b = PG_GETARG_ACTOR_PP(1);
	int			r = ActorCompare(a, b);

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return r;
}

/* actor = actor */
Datum
actor_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ActorCompareArgs(fcinfo) == 0);
}

/* actor <> actor */
Datum
actor_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ActorCompareArgs(fcinfo) != 0);
}

/* actor < actor, in byte order */
Datum
actor_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ActorCompareArgs(fcinfo) < 0);
}

/* actor <= actor */
Datum
actor_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ActorCompareArgs(fcinfo) <= 0);
}

/* actor > actor */
Datum
actor_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ActorCompareArgs(fcinfo) > 0);
}

/* actor >= actor */
Datum
actor_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ActorCompareArgs(fcinfo) >= 0);
}

/* Btree comparison: -1, 0 or 1. */
Datum
actor_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(ActorCompareArgs(fcinfo));
}

/* Hash of an actor code for hash indexes, joins and aggregation. */
Datum
actor_hash(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_ACTOR_PP(0);
	Datum		h = hash_any((unsigned char *) VARDATA_ANY(a),
							 VARSIZE_ANY_EXHDR(a));

	PG_FREE_IF_COPY(a, 0);
	return h;
}

/* Seeded 64-bit hash of an actor code (hash partitioning). */
Datum
actor_hash_extended(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_ACTOR_PP(0);
	Datum		h = hash_any_extended((unsigned char *) VARDATA_ANY(a),
									  VARSIZE_ANY_EXHDR(a),
									  PG_GETARG_INT64(1));

	PG_FREE_IF_COPY(a, 0);
	return h;
}

/* True if actor a is b or extends it by whole components. */
static bool
ActorWithin(struct varlena *a, struct varlena *b)
{
	return dip_actor_within(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a),
							VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
}

/* Is the code of argument inner within that of argument outer? */
static bool
actor_args_within(FunctionCallInfo fcinfo, int inner, int outer)
{
	struct varlena *a = PG_GETARG_ACTOR_PP(inner);
	struct varlena *b = PG_GETARG_ACTOR_PP(outer);
	bool		r = ActorWithin(a, b);

	PG_FREE_IF_COPY(a, inner);
	PG_FREE_IF_COPY(b, outer);
	return r;
}

/* actor <@ actor: the first code is the second or one of its descendants. */
Datum
actor_within(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(actor_args_within(fcinfo, 0, 1));
}

/* actor @> actor: the second code is the first or one of its descendants. */
Datum
actor_contains(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(actor_args_within(fcinfo, 1, 0));
}

/* "key >= lower [AND key < / <= upper]" on actor bounds */
static List *
ActorRangeConditions(Node *key, Oid typid, Oid opfamily,
					 struct varlena *lower, struct varlena *upper,
					 bool upper_inclusive)
{
	return dipg_hierarchy_range(key, typid, opfamily, -1, false, PointerGetDatum(lower),
								upper != NULL, PointerGetDatum(upper), upper_inclusive);
}

/*
 * Planner support for <@ and @> (SupportRequestIndexCondition): turns
 * "key <@ const" into the exact btree range [const, successor of const),
 * and "key @> const" (the key is an ancestor) into the lossy range
 * [first component of const, const].  "contains" says which of the two
 * functions asks; req->indexarg says on which side the index key stands.
 */
static Node *
ActorIndexCondition(Node *rawreq, bool contains)
{
	SupportRequestIndexCondition *req;
	Node	   *key;
	Datum		value;
	Oid			typid;
	struct varlena *code;
	const char *s;
	int			len;
	List	   *result;

	req = dipg_hierarchy_request(rawreq, &key, &value, &typid);
	if (req == NULL)
		return NULL;
	code = PG_DETOAST_DATUM_PACKED(value);
	s = VARDATA_ANY(code);
	len = VARSIZE_ANY_EXHDR(code);
	if (len < 3 || len > ACTOR_MAX_LEN)
		return NULL;

	if ((req->indexarg == 0) != contains)
	{
		/*
		 * The key starts with the constant.  Components are letters A-Z, so
		 * the successor drops trailing Zs and increments the last other
		 * letter ('USA' -> 'USB', 'BLZ' -> 'BM'); after 'ZZZ' there is none.
		 */
		int			n = len;
		struct varlena *upper = NULL;

		while (n > 0 && s[n - 1] == 'Z')
			n--;
		if (n > 0)
		{
			upper = ActorMake(s, n);
			VARDATA(upper)[n - 1]++;
		}
		result = ActorRangeConditions(key, typid, req->opfamily,
									  ActorMake(s, len), upper, false);
		req->lossy = false;
	}
	else
	{
		/* the key is a prefix: between the first component and the constant */
		result = ActorRangeConditions(key, typid, req->opfamily,
									  ActorMake(s, 3), ActorMake(s, len), true);
		req->lossy = true;
	}
	return (Node *) result;
}

/* Planner support function of actor_within (operator <@). */
Datum
actor_within_support(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(ActorIndexCondition((Node *) PG_GETARG_POINTER(0), false));
}

/* Planner support function of actor_contains (operator @>). */
Datum
actor_contains_support(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(ActorIndexCondition((Node *) PG_GETARG_POINTER(0), true));
}

/*
 * actor_country(actor): the first component if it is a country code (ISO
 * 3166-1 alpha-3 or CAMEO), else NULL (regions, IGO, NGO, bare roles...).
 */
Datum
actor_country(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_ACTOR_PP(0);

	if (!ActorIsCountry(VARDATA_ANY(a)))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(VARDATA_ANY(a), 3));
}

/* actor_roles(actor): the components after the first, as text[]. */
Datum
actor_roles(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_ACTOR_PP(0);
	const char *s = VARDATA_ANY(a);
	int			n = VARSIZE_ANY_EXHDR(a) / 3 - 1;
	Datum		elems[ACTOR_MAX_LEN / 3];

	if (n <= 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));
	for (int i = 0; i < n; i++)
		elems[i] = PointerGetDatum(cstring_to_text_with_len(s + 3 * (i + 1), 3));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, TEXTOID, -1, false,
										  TYPALIGN_INT));
}
