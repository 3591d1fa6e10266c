/*-------------------------------------------------------------------------
 *
 * topics_support.c
 *	  Planner support for topics ? text: a constant key is planned as
 *	  topics @> topics.
 *
 * "tops ? 'cross_strait'" and "tops @> 'cross_strait'" select the same rows
 * (@> ignores weights, and a key of weight 0 is present for both), but only
 * the second can be sent to another server by postgres_fdw: an operator
 * whose input collation comes from a text constant rather than from a
 * column of the foreign table is never shipped, and the text operand of ?
 * is collatable, while a topics constant is not.  So, as LIKE without
 * wildcards becomes =, a ? whose key is a well-formed constant becomes @>
 * with a one-key topics constant; the GIN operator class serves both.
 * Anything else (a key that is not a constant, or not a well-formed key,
 * which ? answers with false and @> would reject) is left alone.
 *
 *-------------------------------------------------------------------------
 */
#include "diplomat.h"
#include "topics.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

PG_FUNCTION_INFO_V1(topics_exists_support);

/*
 * A topics value of one key, weight 1, or NULL if the key is not
 * well-formed.
 */
static Topics *
one_key_topics(text *key)
{
	TopicItem	item;
	int			len = VARSIZE_ANY_EXHDR(key);

	if (!topic_key_valid(VARDATA_ANY(key), len))
		return NULL;
	memset(&item, 0, sizeof(item));
	item.name = VARDATA_ANY(key);
	item.len = len;
	item.value = TOPIC_WEIGHT_SCALE;
	return make_topics(&item, 1);
}

/*
 * Support function of topics_exists(): on SupportRequestSimplify, turns
 * "topics ? 'key'" into "topics @> 'key'".
 */
Datum
topics_exists_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);
	SupportRequestSimplify *req;
	Node	   *left;
	Const	   *right;
	Oid			topicstype;
	Oid			opno;
	Topics	   *value;
	OpExpr	   *op;

	if (!IsA(rawreq, SupportRequestSimplify))
		PG_RETURN_POINTER(NULL);
	req = (SupportRequestSimplify *) rawreq;
	if (list_length(req->fcall->args) != 2 || !IsA(lsecond(req->fcall->args), Const))
		PG_RETURN_POINTER(NULL);
	left = (Node *) linitial(req->fcall->args);
	right = (Const *) lsecond(req->fcall->args);
	if (right->constisnull || right->consttype != TEXTOID)
		PG_RETURN_POINTER(NULL);
	value = one_key_topics(DatumGetTextPP(right->constvalue));
	if (value == NULL)
		PG_RETURN_POINTER(NULL);

	/* the extension's @> (topics, topics), looked up in its own schema */
	topicstype = exprType(left);
	opno = OpernameGetOprid(list_make2(makeString("diplomat"), makeString("@>")),
							topicstype, topicstype);
	if (!OidIsValid(opno))
		PG_RETURN_POINTER(NULL);
	op = (OpExpr *) make_opclause(opno, BOOLOID, false, (Expr *) left,
								  (Expr *) makeConst(topicstype, -1, InvalidOid, -1,
													 PointerGetDatum(value), false, false),
								  InvalidOid, InvalidOid);
	op->opfuncid = get_opcode(opno);
	op->location = req->fcall->location;
	PG_RETURN_POINTER(op);
}
