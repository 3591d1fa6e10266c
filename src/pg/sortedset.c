/*-------------------------------------------------------------------------
 *
 * sortedset.c
 *	  Sorted, deduplicated sets shared by entities, topics and their GIN
 *	  operator classes (see sortedset.h).
 *
 *-------------------------------------------------------------------------
 */
#include "diplomat.h"
#include "sortedset.h"

#include "libpq/pqformat.h"

#include "utils/memutils.h"

int
sset_item_cmp(const SSetItem *a, const SSetItem *b)
{
	int			c;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	c = memcmp(a->name, b->name, Min(a->len, b->len));
	if (c != 0)
		return c < 0 ? -1 : 1;
	return (a->len > b->len) - (a->len < b->len);
}

/* qsort comparator of items. */
static int
item_qsort_cmp(const void *a, const void *b)
{
	return sset_item_cmp(a, b);
}

void *
sset_build(const SSetType *t, SSetItem *items, int n)
{
	int			m = 0;
	Size		strsize = 0;
	Size		size;
	char	   *set;
	char	   *str;
	uint32		off = 0;

	if (n > 1)
		qsort(items, n, sizeof(SSetItem), item_qsort_cmp);
	for (int i = 0; i < n; i++)
	{
		if (m > 0 && sset_item_cmp(&items[m - 1], &items[i]) == 0)
			t->merge(&items[m - 1], &items[i]);
		else
			items[m++] = items[i];
	}
	for (int i = 0; i < m; i++)
		strsize += items[i].len;
	size = t->hdrsz + (Size) m * t->entrysz + strsize;
	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s value too large", t->typname)));
	set = palloc0(size);
	SET_VARSIZE(set, size);
	((SSetHeader *) set)->n = m;
	str = set + t->hdrsz + (Size) m * t->entrysz;
	for (int i = 0; i < m; i++)
	{
		t->put(set, i, &items[i], off);
		memcpy(str + off, items[i].name, items[i].len);
		off += items[i].len;
	}
	return set;
}

/* Compares element i of a with element j of b. */
static int
elem_cmp(const SSetType *t, const void *a, int i, const void *b, int j)
{
	SSetItem	x,
				y;

	t->get(a, i, &x);
	t->get(b, j, &y);
	return sset_item_cmp(&x, &y);
}

int
sset_find(const SSetType *t, const void *set, const SSetItem *key)
{
	int			lo = 0,
				hi = SSET_COUNT(set) - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		SSetItem	e;
		int			c;

		t->get(set, mid, &e);
		c = sset_item_cmp(&e, key);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

bool
sset_contains(const SSetType *t, const void *a, const void *b)
{
	int			na = SSET_COUNT(a);
	int			i = 0;

	for (int j = 0; j < SSET_COUNT(b); j++)
	{
		int			c = 1;

		while (i < na && (c = elem_cmp(t, a, i, b, j)) < 0)
			i++;
		if (c != 0)
			return false;
	}
	return true;
}

bool
sset_overlap(const SSetType *t, const void *a, const void *b)
{
	int			i = 0,
				j = 0;

	while (i < SSET_COUNT(a) && j < SSET_COUNT(b))
	{
		int			c = elem_cmp(t, a, i, b, j);

		if (c == 0)
			return true;
		if (c < 0)
			i++;
		else
			j++;
	}
	return false;
}

bool
sset_equal(const SSetType *t, const void *a, const void *b)
{
	if (SSET_COUNT(a) != SSET_COUNT(b))
		return false;
	for (int i = 0; i < SSET_COUNT(a); i++)
	{
		SSetItem	x,
					y;

		t->get(a, i, &x);
		t->get(b, i, &y);
		if (x.value != y.value || sset_item_cmp(&x, &y) != 0)
			return false;
	}
	return true;
}

Datum
sset_operator(FunctionCallInfo fcinfo, const SSetType *t, SSetOp op)
{
	void	   *a = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	void	   *b = PG_DETOAST_DATUM(PG_GETARG_DATUM(1));

	switch (op)
	{
		case SSET_CONTAINS:
			PG_RETURN_BOOL(sset_contains(t, a, b));
		case SSET_CONTAINED:
			PG_RETURN_BOOL(sset_contains(t, b, a));
		case SSET_OVERLAP:
			PG_RETURN_BOOL(sset_overlap(t, a, b));
		case SSET_EQ:
			PG_RETURN_BOOL(sset_equal(t, a, b));
		case SSET_NE:
			PG_RETURN_BOOL(!sset_equal(t, a, b));
	}
	elog(ERROR, "unknown set operator %d", (int) op);
	PG_RETURN_NULL();
}

GinTernaryValue
sset_gin_match(const GinTernaryValue *check, int nkeys, bool all)
{
	/* one absent key decides "contains", one present key "overlaps" */
	GinTernaryValue decisive = all ? GIN_FALSE : GIN_TRUE;
	GinTernaryValue res = all ? GIN_TRUE : GIN_FALSE;

	for (int i = 0; i < nkeys; i++)
	{
		if (check[i] == decisive)
			return decisive;
		if (check[i] == GIN_MAYBE)
			res = GIN_MAYBE;
	}
	return res;
}

GinTernaryValue *
sset_gin_presence(const void *check, bool ternary, int nkeys, const bool *exact)
{
	GinTernaryValue *t = palloc(Max(nkeys, 1) * sizeof(GinTernaryValue));

	for (int i = 0; i < nkeys; i++)
	{
		GinTernaryValue v = ternary ? ((const GinTernaryValue *) check)[i] :
			(((const bool *) check)[i] ? GIN_TRUE : GIN_FALSE);

		t[i] = (v == GIN_TRUE && exact && !exact[i]) ? GIN_MAYBE : v;
	}
	return t;
}

Datum
sset_out(FunctionCallInfo fcinfo, const SSetType *t)
{
	void	   *set = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < SSET_COUNT(set); i++)
	{
		SSetItem	item;

		t->get(set, i, &item);
		if (i > 0)
			appendStringInfoString(&buf, ", ");
		t->out_item(&buf, &item);
	}
	PG_RETURN_CSTRING(buf.data);
}

Datum
sset_send(FunctionCallInfo fcinfo, const SSetType *t)
{
	void	   *set = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, SSET_COUNT(set));
	for (int i = 0; i < SSET_COUNT(set); i++)
	{
		SSetItem	item;

		t->get(set, i, &item);
		t->send_item(&buf, &item);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
sset_recv(FunctionCallInfo fcinfo, const SSetType *t)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			n = dipg_recv_count(buf, t->min_binary_size, t->typname);
	SSetItem   *items = palloc0(Max(n, 1) * sizeof(SSetItem));

	for (int i = 0; i < n; i++)
		t->recv_item(buf, &items[i]);
	PG_RETURN_POINTER(sset_build(t, items, n));
}
