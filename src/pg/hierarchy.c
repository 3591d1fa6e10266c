/*-------------------------------------------------------------------------
 *
 * hierarchy.c
 *	  Planner support shared by the hierarchical code types (cameo, actor):
 *	  "key <@ const" and "key @> const" become btree range conditions on
 *	  the key, because their btree ordering keeps a code's descendants
 *	  contiguous.
 *
 *-------------------------------------------------------------------------
 */
#include "diplomat.h"

#include "access/stratnum.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_type_d.h"
#include "commands/defrem.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "utils/lsyscache.h"

/*
 * The SupportRequestIndexCondition in rawreq if it is a two-argument
 * operator or function whose other side is a non-null constant and whose
 * index uses the type's default btree opclass (only our own ordering is
 * known to keep descendants contiguous; a reverse-sort opfamily would not).
 * Sets *key (the indexed side), *value (the constant) and *typid.
 */
SupportRequestIndexCondition *
dipg_hierarchy_request(Node *rawreq, Node **key, Datum *value, Oid *typid)
{
	SupportRequestIndexCondition *req;
	List	   *args;
	Node	   *other;
	Oid		   *argtypes;
	int			nargs;
	Oid			opclass;

	if (!IsA(rawreq, SupportRequestIndexCondition))
		return NULL;
	req = (SupportRequestIndexCondition *) rawreq;
	if (is_opclause(req->node))
		args = ((OpExpr *) req->node)->args;
	else if (is_funcclause(req->node))
		args = ((FuncExpr *) req->node)->args;
	else
		return NULL;
	if (list_length(args) != 2 || req->indexarg < 0 || req->indexarg > 1)
		return NULL;
	*key = (Node *) list_nth(args, req->indexarg);
	other = (Node *) list_nth(args, 1 - req->indexarg);

	/* only a non-null constant gives a range */
	if (!IsA(other, Const) || ((Const *) other)->constisnull)
		return NULL;

	get_func_signature(req->funcid, &argtypes, &nargs);
	*typid = argtypes[0];
	pfree(argtypes);
	opclass = GetDefaultOpClass(*typid, BTREE_AM_OID);
	if (!OidIsValid(opclass) || get_opclass_family(opclass) != req->opfamily)
		return NULL;
	*value = ((Const *) other)->constvalue;
	return req;
}

/*
 * "key >= lower AND key < upper" (or "<= upper" when upper_inclusive), or
 * only "key >= lower" when has_upper is false, with the opfamily's
 * operators; NIL if the opfamily lacks them.  typlen and byval describe
 * the bounds.
 */
List *
dipg_hierarchy_range(Node *key, Oid typid, Oid opfamily, int typlen, bool byval,
					 Datum lower, bool has_upper, Datum upper, bool upper_inclusive)
{
	Oid			geop = get_opfamily_member(opfamily, typid, typid,
										   BTGreaterEqualStrategyNumber);
	Oid			ltop = get_opfamily_member(opfamily, typid, typid,
										   upper_inclusive ?
										   BTLessEqualStrategyNumber :
										   BTLessStrategyNumber);
	Const	   *bound;
	List	   *result;

	if (!OidIsValid(geop) || !OidIsValid(ltop))
		return NIL;
	bound = makeConst(typid, -1, InvalidOid, typlen, lower, false, byval);
	result = list_make1(make_opclause(geop, BOOLOID, false, (Expr *) key,
									  (Expr *) bound, InvalidOid, InvalidOid));
	if (has_upper)
	{
		bound = makeConst(typid, -1, InvalidOid, typlen, upper, false, byval);
		result = lappend(result,
						 make_opclause(ltop, BOOLOID, false, (Expr *) key,
									   (Expr *) bound, InvalidOid, InvalidOid));
	}
	return result;
}
