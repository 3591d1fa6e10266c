/*-------------------------------------------------------------------------
 *
 * cameo.c
 *	  The cameo type: a CAMEO 1.1b3 event code, with its codebook functions,
 *	  hierarchy operators and btree/hash support.
 *
 * A value is the code packed into an int16 by the engine (dip_cameo.h), so
 * that numeric order is the codes' lexical order and a code's descendants
 * follow it contiguously: 'code <@ x' is the range [x, successor of x), which
 * the planner support functions below hand to a btree index.
 *
 * The text and binary formats are the code's digits; the packed integer
 * never leaves the server.  Input and receive accept only codes of the
 * codebook; output does not consult it, so it never fails.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"
#include "diplomat.h"

#include <stdlib.h>

#include "access/stratnum.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_type_d.h"
#include "commands/defrem.h"
#include "common/hashfn.h"
#include "common/shortest_dec.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/sortsupport.h"

#include "dip_cameo.h"

#define DatumGetCameo(X)		((int) DatumGetInt16(X))
#define CameoGetDatum(X)		Int16GetDatum((int16) (X))
#define PG_GETARG_CAMEO(n)		DatumGetCameo(PG_GETARG_DATUM(n))
#define PG_RETURN_CAMEO(x)		return CameoGetDatum(x)

/* Number of packed values covered by a code and its descendants. */
#define CAMEO_SPAN(depth)	((depth) == 2 ? 121 : (depth) == 3 ? 11 : 1)

PG_FUNCTION_INFO_V1(cameo_in);
PG_FUNCTION_INFO_V1(cameo_out);
PG_FUNCTION_INFO_V1(cameo_recv);
PG_FUNCTION_INFO_V1(cameo_send);
PG_FUNCTION_INFO_V1(cameo_eq);
PG_FUNCTION_INFO_V1(cameo_ne);
PG_FUNCTION_INFO_V1(cameo_lt);
PG_FUNCTION_INFO_V1(cameo_le);
PG_FUNCTION_INFO_V1(cameo_gt);
PG_FUNCTION_INFO_V1(cameo_ge);
PG_FUNCTION_INFO_V1(cameo_cmp);
PG_FUNCTION_INFO_V1(cameo_sortsupport);
PG_FUNCTION_INFO_V1(cameo_hash);
PG_FUNCTION_INFO_V1(cameo_hash_extended);
PG_FUNCTION_INFO_V1(cameo_within);
PG_FUNCTION_INFO_V1(cameo_contains);
PG_FUNCTION_INFO_V1(cameo_within_support);
PG_FUNCTION_INFO_V1(cameo_contains_support);
PG_FUNCTION_INFO_V1(cameo_name);
PG_FUNCTION_INFO_V1(cameo_plover);
PG_FUNCTION_INFO_V1(dip_goldstein);
PG_FUNCTION_INFO_V1(dip_quad_class);
PG_FUNCTION_INFO_V1(cameo_root);
PG_FUNCTION_INFO_V1(cameo_depth);
PG_FUNCTION_INFO_V1(cameo_codes);

/*
 * Packs a code of the codebook, or returns -1 and sets *unknown to say
 * whether the code was well formed but is not in CAMEO.
 */
static int
CameoParse(const char *s, size_t len, bool *unknown)
{
	int			packed = dip_cameo_pack(s, len);

	*unknown = false;
	if (packed < 0)
		return -1;
	if (dip_cameo_info(packed) == NULL)
	{
		*unknown = true;
		return -1;
	}
	return packed;
}

/* Codebook entry of a stored value; stored values are always in it. */
static const DipCameoInfo *
CameoInfo(int packed)
{
	const DipCameoInfo *info = dip_cameo_info(packed);

	if (info == NULL)
	{
		char		digits[5];

		dip_cameo_unpack(packed, digits);
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("cameo value \"%s\" is not in the CAMEO codebook",
						digits)));
	}
	return info;
}

/*
 * The Goldstein score as the double nearest its decimal value (2.8, not
 * the float 2.799999952...), going through the shortest decimal form.
 */
float8
dipg_goldstein_value(float g)
{
	char		buf[32];

	float_to_shortest_decimal_buf(g, buf);
	return strtod(buf, NULL);
}

/* Reads the text form of a cameo: the 2 to 4 digits of a codebook code. */
Datum
cameo_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	bool		unknown;
	int			packed = CameoParse(str, strlen(str), &unknown);

	if (packed < 0)
		ereturn(fcinfo->context, (Datum) 0,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "cameo", str),
				 unknown ?
				 errdetail("Code \"%s\" is not in the CAMEO 1.1b3 codebook.", str) :
				 errdetail("A CAMEO event code has 2 to 4 digits.")));
	PG_RETURN_CAMEO(packed);
}

/* Writes the digits of a cameo. */
Datum
cameo_out(PG_FUNCTION_ARGS)
{
	int			packed = PG_GETARG_CAMEO(0);
	char	   *buf = palloc(5);

	dip_cameo_unpack(packed, buf);
	PG_RETURN_CSTRING(buf);
}

/*
 * Reads the binary form, the code's ASCII digits (no length word: the
 * value's length is the message's), and checks it against the codebook.
 */
Datum
cameo_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			len = buf->len - buf->cursor;
	const char *bytes = pq_getmsgbytes(buf, len);
	bool		unknown;
	int			packed = CameoParse(bytes, len, &unknown);

	if (packed < 0)
	{
		if (unknown)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid external \"cameo\" value"),
					 errdetail("Code \"%.*s\" is not in the CAMEO 1.1b3 codebook.",
							   len, bytes)));
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid external \"cameo\" value"),
					 errdetail("A CAMEO event code has 2 to 4 digits.")));
	}
	PG_RETURN_CAMEO(packed);
}

/* Writes the binary form: the code's ASCII digits. */
Datum
cameo_send(PG_FUNCTION_ARGS)
{
	int			packed = PG_GETARG_CAMEO(0);
	char		digits[5];
	StringInfoData buf;

	dip_cameo_unpack(packed, digits);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, digits, strlen(digits));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* cameo = cameo */
Datum
cameo_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_CAMEO(0) == PG_GETARG_CAMEO(1));
}

/* cameo <> cameo */
Datum
cameo_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_CAMEO(0) != PG_GETARG_CAMEO(1));
}

/* cameo < cameo, in the codes' lexical order */
Datum
cameo_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_CAMEO(0) < PG_GETARG_CAMEO(1));
}

/* cameo <= cameo */
Datum
cameo_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_CAMEO(0) <= PG_GETARG_CAMEO(1));
}

/* cameo > cameo */
Datum
cameo_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_CAMEO(0) > PG_GETARG_CAMEO(1));
}

/* cameo >= cameo */
Datum
cameo_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_CAMEO(0) >= PG_GETARG_CAMEO(1));
}

/* Btree comparison: -1, 0 or 1. */
Datum
cameo_cmp(PG_FUNCTION_ARGS)
{
	int			a = PG_GETARG_CAMEO(0);
	int			b = PG_GETARG_CAMEO(1);

	PG_RETURN_INT32((a > b) - (a < b));
}

/*
 * Btree sort support.  Packed codes are non-negative int16 values, so the
 * core int32 comparator orders them correctly and lets tuplesort use its
 * specialised int32 sort.
 */
Datum
cameo_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = ssup_datum_int32_cmp;
	PG_RETURN_VOID();
}

/* Hash of a cameo for hash indexes, joins and aggregation. */
Datum
cameo_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32((uint32) PG_GETARG_CAMEO(0));
}

/* Seeded 64-bit hash of a cameo (hash partitioning). */
Datum
cameo_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended((uint32) PG_GETARG_CAMEO(0),
								PG_GETARG_INT64(1));
}

/* cameo <@ cameo: the first code is the second or one of its descendants. */
Datum
cameo_within(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(dip_cameo_within(PG_GETARG_CAMEO(0), PG_GETARG_CAMEO(1)));
}

/* cameo @> cameo: the second code is the first or one of its descendants. */
Datum
cameo_contains(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(dip_cameo_within(PG_GETARG_CAMEO(1), PG_GETARG_CAMEO(0)));
}

/* "key >= lower AND key < / <= upper" on cameo bounds */
static List *
CameoRangeConditions(Node *key, Oid typid, Oid opfamily,
					 int lower, int upper, bool upper_inclusive)
{
	return dipg_hierarchy_range(key, typid, opfamily, sizeof(int16), true,
								CameoGetDatum(lower), true, CameoGetDatum(upper),
								upper_inclusive);
}

/*
 * Planner support for <@ and @> (SupportRequestIndexCondition): turns
 * "key <@ const" into the exact btree range [const, successor of const),
 * and "key @> const" (the key is an ancestor) into the lossy range
 * [root of const, const].  "contains" says which of the two functions asks;
 * req->indexarg says on which side the index key stands.
 */
static Node *
CameoIndexCondition(Node *rawreq, bool contains)
{
	SupportRequestIndexCondition *req;
	Node	   *key;
	Datum		value;
	Oid			typid;
	int			code;
	List	   *result;

	req = dipg_hierarchy_request(rawreq, &key, &value, &typid);
	if (req == NULL)
		return NULL;
	code = DatumGetCameo(value);
	if ((req->indexarg == 0) != contains)
	{
		/* the key is the constant or one of its descendants: exact */
		result = CameoRangeConditions(key, typid, req->opfamily, code,
									  code + CAMEO_SPAN(dip_cameo_depth(code)),
									  false);
		req->lossy = false;
	}
	else
	{
		/* the key is an ancestor: 1 to 3 codes between root and constant */
		result = CameoRangeConditions(key, typid, req->opfamily,
									  dip_cameo_root(code), code, true);
		req->lossy = true;
	}
	return (Node *) result;
}

/* Planner support function of cameo_within (operator <@). */
Datum
cameo_within_support(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(CameoIndexCondition((Node *) PG_GETARG_POINTER(0), false));
}

/* Planner support function of cameo_contains (operator @>). */
Datum
cameo_contains_support(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(CameoIndexCondition((Node *) PG_GETARG_POINTER(0), true));
}

/* cameo_name(cameo): the codebook's name of the event type. */
Datum
cameo_name(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(CameoInfo(PG_GETARG_CAMEO(0))->name));
}

/*
 * plover(cameo): the PLOVER event type of the code or its nearest ancestor
 * in data/cameo/plover.tsv, as events() gives it; NULL for 01 and 02.
 */
Datum
cameo_plover(PG_FUNCTION_ARGS)
{
	const char *p = CameoInfo(PG_GETARG_CAMEO(0))->plover;

	if (p == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(p));
}

/* goldstein(cameo): the Goldstein conflict-cooperation score, -10 to 10. */
Datum
dip_goldstein(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(dipg_goldstein_value(CameoInfo(PG_GETARG_CAMEO(0))->goldstein));
}

/*
 * quad_class(cameo): 1 verbal cooperation, 2 material cooperation, 3 verbal
 * conflict, 4 material conflict.
 */
Datum
dip_quad_class(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CameoInfo(PG_GETARG_CAMEO(0))->quad_class);
}

/* cameo_root(cameo): the 2-digit root code. */
Datum
cameo_root(PG_FUNCTION_ARGS)
{
	PG_RETURN_CAMEO(dip_cameo_root(PG_GETARG_CAMEO(0)));
}

/* cameo_depth(cameo): the number of digits, 2 to 4. */
Datum
cameo_depth(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(dip_cameo_depth(PG_GETARG_CAMEO(0)));
}

/*
 * cameo_codes() returns (code, name, goldstein, quad_class): the whole
 * codebook in code order.
 */
Datum
cameo_codes(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < dip_cameo_table_size; i++)
	{
		const DipCameoInfo *info = &dip_cameo_table[i];
		Datum		values[4];
		bool		nulls[4] = {0};

		values[0] = CameoGetDatum(info->packed);
		values[1] = CStringGetTextDatum(info->name);
		values[2] = Float8GetDatum(dipg_goldstein_value(info->goldstein));
		values[3] = Int32GetDatum(info->quad_class);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
