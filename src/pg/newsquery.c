/*-------------------------------------------------------------------------
 *
 * newsquery.c
 *	  The newsquery type: a boolean query over entity and topic keys.
 *
 * Grammar (precedence ! over & over |, as in tsquery):
 *	  query   := or
 *	  or      := and ( '|' and )*
 *	  and     := not ( '&' not )*
 *	  not     := '!' not | '(' or ')' | operand
 *	  operand := KIND ':' ( "quoted name" | bare_name | '*' )
 *	  KIND    := PER | ORG | GPE | LOC | NORP | DATE | topic
 *
 * Stored flat in prefix order: an operator is followed by its right
 * operand; `left` is the offset of its left operand.  Parsing and
 * evaluation recurse with check_stack_depth(), and nesting is limited to
 * NQ_MAX_DEPTH, so deeply nested input is refused with an error, never a
 * stack overflow.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "entities.h"

#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(newsquery_in);
PG_FUNCTION_INFO_V1(newsquery_out);
PG_FUNCTION_INFO_V1(newsquery_recv);
PG_FUNCTION_INFO_V1(newsquery_send);
PG_FUNCTION_INFO_V1(entities_match_newsquery);
PG_FUNCTION_INFO_V1(newsquery_match_entities);
PG_FUNCTION_INFO_V1(newsquery_and);
PG_FUNCTION_INFO_V1(newsquery_or);
PG_FUNCTION_INFO_V1(newsquery_not);
PG_FUNCTION_INFO_V1(newsquery_eq);

/* ------------------------------------------------------------------------
 * Parse tree (temporary)
 * ------------------------------------------------------------------------
 */
typedef struct QNode
{
	uint8		type;
	uint8		oper;
	uint8		kind;
	uint8		flags;
	char	   *name;
	int			len;
	struct QNode *l;
	struct QNode *r;
} QNode;

typedef struct QParser
{
	const char *s;
	int			pos;
	int			depth;
	int			nvals;
} QParser;

static void
q_error(QParser *p, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type newsquery: \"%s\"", p->s),
			 errdetail("%s at character %d.", what, p->pos + 1)));
}

static void
skip_space(QParser *p)
{
	while (isspace((unsigned char) p->s[p->pos]))
		p->pos++;
}

static QNode *parse_or(QParser *p);

static bool
bare_char(char c)
{
	return !(c == '\0' || c == '&' || c == '|' || c == '!' || c == '(' || c == ')' ||
			 c == '"' || isspace((unsigned char) c));
}

static QNode *
parse_operand(QParser *p)
{
	QNode	   *n = palloc0(sizeof(QNode));
	int			k0;

	skip_space(p);
	k0 = p->pos;
	while (isalpha((unsigned char) p->s[p->pos]))
		p->pos++;
	if (p->pos == k0)
		q_error(p, p->s[p->pos] == '\0' ? "Unexpected end of query" : "Expected KIND:name");
	if (p->s[p->pos] != ':')
		q_error(p, "Expected : after the kind");
	n->type = NQ_VAL;
	n->kind = (uint8) entity_kind_parse(p->s + k0, p->pos - k0);
	if (n->kind == 0)
	{
		p->pos = k0;
		q_error(p, "Unknown kind (use PER, ORG, GPE, LOC, NORP, DATE or topic)");
	}
	p->pos++;
	if (p->s[p->pos] == '*' && !bare_char(p->s[p->pos + 1]))
	{
		n->flags = NQ_WILDCARD;
		n->name = pstrdup("");
		n->len = 0;
		p->pos++;
	}
	else if (p->s[p->pos] == '"')
	{
		StringInfoData buf;

		initStringInfo(&buf);
		p->pos++;
		for (;;)
		{
			char		c = p->s[p->pos];

			if (c == '\0')
				q_error(p, "Unterminated quoted name");
			if (c == '\\' && p->s[p->pos + 1] != '\0')
			{
				appendStringInfoChar(&buf, p->s[p->pos + 1]);
				p->pos += 2;
				continue;
			}
			if (c == '"')
			{
				if (p->s[p->pos + 1] == '"')
				{
					appendStringInfoChar(&buf, '"');
					p->pos += 2;
					continue;
				}
				p->pos++;
				break;
			}
			appendStringInfoChar(&buf, c);
			p->pos++;
		}
		n->name = buf.data;
		n->len = buf.len;
	}
	else
	{
		int			n0 = p->pos;

		while (bare_char(p->s[p->pos]))
			p->pos++;
		n->name = pnstrdup(p->s + n0, p->pos - n0);
		n->len = p->pos - n0;
	}
	if (n->flags == 0 && (n->len == 0 || n->len > ENTITY_MAX_NAME))
		q_error(p, "Expected a name of 1 to 1000 bytes");
	p->nvals++;
	return n;
}

static QNode *
parse_not(QParser *p)
{
	QNode	   *n;

	check_stack_depth();
	CHECK_FOR_INTERRUPTS();
	if (++p->depth > NQ_MAX_DEPTH)
		q_error(p, "Query is nested too deeply");
	skip_space(p);
	if (p->s[p->pos] == '!')
	{
		p->pos++;
		n = palloc0(sizeof(QNode));
		n->type = NQ_OPR;
		n->oper = NQ_NOT;
		n->r = parse_not(p);
	}
	else if (p->s[p->pos] == '(')
	{
		p->pos++;
		n = parse_or(p);
		skip_space(p);
		if (p->s[p->pos] != ')')
			q_error(p, "Expected )");
		p->pos++;
	}
	else
		n = parse_operand(p);
	p->depth--;
	return n;
}

static QNode *
parse_and(QParser *p)
{
	QNode	   *l = parse_not(p);

	for (;;)
	{
		QNode	   *n;

		skip_space(p);
		if (p->s[p->pos] != '&')
			return l;
		p->pos++;
		n = palloc0(sizeof(QNode));
		n->type = NQ_OPR;
		n->oper = NQ_AND;
		n->l = l;
		n->r = parse_not(p);
		l = n;
	}
}

static QNode *
parse_or(QParser *p)
{
	QNode	   *l;

	check_stack_depth();
	if (++p->depth > NQ_MAX_DEPTH)
		q_error(p, "Query is nested too deeply");
	l = parse_and(p);
	for (;;)
	{
		QNode	   *n;

		skip_space(p);
		if (p->s[p->pos] != '|')
		{
			p->depth--;
			return l;
		}
		p->pos++;
		n = palloc0(sizeof(QNode));
		n->type = NQ_OPR;
		n->oper = NQ_OR;
		n->l = l;
		n->r = parse_and(p);
		l = n;
	}
}

/* Flattening: prefix order, operator, right subtree, left subtree. */
typedef struct Flat
{
	NQItem	   *items;
	int			n;
	StringInfoData str;
} Flat;

static int
count_nodes(QNode *n)
{
	check_stack_depth();
	if (n == NULL)
		return 0;
	return 1 + count_nodes(n->l) + count_nodes(n->r);
}

static void
flatten(Flat *f, QNode *n)
{
	int			me = f->n++;
	NQItem	   *it = &f->items[me];

	check_stack_depth();
	memset(it, 0, sizeof(NQItem));
	it->type = n->type;
	if (n->type == NQ_VAL)
	{
		it->kind = n->kind;
		it->flags = n->flags;
		it->name_off = f->str.len;
		it->name_len = n->len;
		appendBinaryStringInfo(&f->str, n->name, n->len);
		return;
	}
	it->oper = n->oper;
	flatten(f, n->r);
	if (n->oper != NQ_NOT)
	{
		/* items may have moved? no: f->items is preallocated */
		f->items[me].left = f->n - me;
		flatten(f, n->l);
	}
}

static NewsQuery *
build_query(QNode *root)
{
	Flat		f;
	int			n = root ? count_nodes(root) : 0;
	Size		size;
	NewsQuery  *q;

	f.items = palloc0(Max(n, 1) * sizeof(NQItem));
	f.n = 0;
	initStringInfo(&f.str);
	if (root)
		flatten(&f, root);
	size = NQ_HDRSZ + (Size) n * sizeof(NQItem) + f.str.len;
	q = palloc0(size);
	SET_VARSIZE(q, size);
	q->nitems = n;
	memcpy(q->items, f.items, n * sizeof(NQItem));
	memcpy(NQ_STRINGS(q), f.str.data, f.str.len);
	return q;
}

Datum
newsquery_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	QParser		p = {s, 0, 0, 0};
	QNode	   *root;

	skip_space(&p);
	if (s[p.pos] == '\0')
		q_error(&p, "Empty query");
	root = parse_or(&p);
	skip_space(&p);
	if (s[p.pos] != '\0')
		q_error(&p, "Unexpected text (expected &, | or end of query)");
	PG_RETURN_POINTER(build_query(root));
}

/* ------------------------------------------------------------------------
 * Output
 * ------------------------------------------------------------------------
 */
static int
priority(const NQItem *it)
{
	if (it->type == NQ_VAL)
		return 4;
	switch (it->oper)
	{
		case NQ_NOT:
			return 3;
		case NQ_AND:
			return 2;
		default:
			return 1;
	}
}

static void
append_operand(StringInfo buf, const NewsQuery *q, const NQItem *it)
{
	const char *name = NQ_NAME(q, it);

	appendStringInfo(buf, "%s:", entity_kind_name(it->kind));
	if (it->flags & NQ_WILDCARD)
	{
		appendStringInfoChar(buf, '*');
		return;
	}
	appendStringInfoChar(buf, '"');
	for (uint32 i = 0; i < it->name_len; i++)
	{
		if (name[i] == '"' || name[i] == '\\')
			appendStringInfoChar(buf, '\\');
		appendStringInfoChar(buf, name[i]);
	}
	appendStringInfoChar(buf, '"');
}

static void
print_item(StringInfo buf, const NewsQuery *q, int i, int parent_prio)
{
	const NQItem *it = &q->items[i];
	int			prio = priority(it);

	check_stack_depth();
	if (it->type == NQ_VAL)
	{
		append_operand(buf, q, it);
		return;
	}
	if (prio < parent_prio)
		appendStringInfoString(buf, "( ");
	if (it->oper == NQ_NOT)
	{
		appendStringInfoChar(buf, '!');
		print_item(buf, q, i + 1, prio);
	}
	else
	{
		/* left operand at i + left; right at i + 1 */
		print_item(buf, q, i + it->left, prio);
		appendStringInfoString(buf, it->oper == NQ_AND ? " & " : " | ");
		/* a right operand of equal priority needs parentheses to keep shape */
		print_item(buf, q, i + 1, prio + 1);
	}
	if (prio < parent_prio)
		appendStringInfoString(buf, " )");
}

Datum
newsquery_out(PG_FUNCTION_ARGS)
{
	NewsQuery  *q = PG_GETARG_NEWSQUERY_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	if (q->nitems > 0)
		print_item(&buf, q, 0, 0);
	PG_RETURN_CSTRING(buf.data);
}

/* ------------------------------------------------------------------------
 * Binary I/O: int32 nitems, then per item: byte type; for operands byte
 * kind, byte flags, int32 length, name; for operators byte oper, int32
 * left.  Receive checks that the items form one well-formed tree.
 * ------------------------------------------------------------------------
 */
Datum
newsquery_send(PG_FUNCTION_ARGS)
{
	NewsQuery  *q = PG_GETARG_NEWSQUERY_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, q->nitems);
	for (int i = 0; i < q->nitems; i++)
	{
		NQItem	   *it = &q->items[i];

		pq_sendbyte(&buf, it->type);
		if (it->type == NQ_VAL)
		{
			pq_sendbyte(&buf, it->kind);
			pq_sendbyte(&buf, it->flags);
			pq_sendint32(&buf, it->name_len);
			pq_sendbytes(&buf, NQ_NAME(q, it), it->name_len);
		}
		else
		{
			pq_sendbyte(&buf, it->oper);
			pq_sendint32(&buf, it->left);
		}
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Returns the index after the subtree at i, or -1 if malformed. */
static int
check_tree(const NQItem *items, int n, int i, int depth)
{
	check_stack_depth();
	if (i >= n || depth > NQ_MAX_DEPTH)
		return -1;
	if (items[i].type == NQ_VAL)
		return i + 1;
	if (items[i].oper == NQ_NOT)
		return check_tree(items, n, i + 1, depth + 1);
	{
		int			r = check_tree(items, n, i + 1, depth + 1);

		if (r < 0 || (uint32) (r - i) != items[i].left)
			return -1;
		return check_tree(items, n, r, depth + 1);
	}
}

Datum
newsquery_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			n = pq_getmsgint(buf, 4);
	NQItem	   *items;
	StringInfoData str;
	Size		size;
	NewsQuery  *q;

	if (n <= 0 || n > (buf->len - buf->cursor) / 6 + 1 || n > 1000000)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid number of items %d in binary newsquery", n)));
	items = palloc0(n * sizeof(NQItem));
	initStringInfo(&str);
	for (int i = 0; i < n; i++)
	{
		NQItem	   *it = &items[i];

		it->type = pq_getmsgbyte(buf);
		if (it->type == NQ_VAL)
		{
			int32		len;

			it->kind = pq_getmsgbyte(buf);
			it->flags = pq_getmsgbyte(buf);
			len = pq_getmsgint(buf, 4);
			if (it->kind < 1 || it->kind > EK_MAX || (it->flags & ~NQ_WILDCARD) != 0 ||
				len < 0 || len > ENTITY_MAX_NAME || len > buf->len - buf->cursor ||
				(len == 0) != ((it->flags & NQ_WILDCARD) != 0))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
						 errmsg("invalid operand in binary newsquery")));
			it->name_off = str.len;
			it->name_len = len;
			{
				const char *name = pq_getmsgbytes(buf, len);

				if (!pg_verifymbstr(name, len, true))
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
							 errmsg("invalid name in binary newsquery")));
				appendBinaryStringInfo(&str, name, len);
			}
		}
		else if (it->type == NQ_OPR)
		{
			it->oper = pq_getmsgbyte(buf);
			it->left = pq_getmsgint(buf, 4);
			if (it->oper < NQ_AND || it->oper > NQ_NOT)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
						 errmsg("invalid operator in binary newsquery")));
		}
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid item type in binary newsquery")));
	}
	if (check_tree(items, n, 0, 0) != n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("malformed binary newsquery")));
	size = NQ_HDRSZ + (Size) n * sizeof(NQItem) + str.len;
	q = palloc0(size);
	SET_VARSIZE(q, size);
	q->nitems = n;
	memcpy(q->items, items, n * sizeof(NQItem));
	memcpy(NQ_STRINGS(q), str.data, str.len);
	PG_RETURN_POINTER(q);
}

/* ------------------------------------------------------------------------
 * Evaluation (ternary, shared with GIN)
 * ------------------------------------------------------------------------
 */
static NQValue
exec_item(const NewsQuery *q, int i, void *arg, NQCheck check)
{
	const NQItem *it = &q->items[i];
	NQValue		l,
				r;

	check_stack_depth();
	if (it->type == NQ_VAL)
		return check(arg, q, it);
	switch (it->oper)
	{
		case NQ_NOT:
			r = exec_item(q, i + 1, arg, check);
			return r == NQ_MAYBE ? NQ_MAYBE : (r == NQ_TRUE ? NQ_FALSE : NQ_TRUE);
		case NQ_AND:
			r = exec_item(q, i + 1, arg, check);
			if (r == NQ_FALSE)
				return NQ_FALSE;
			l = exec_item(q, i + it->left, arg, check);
			if (l == NQ_FALSE)
				return NQ_FALSE;
			return (l == NQ_TRUE && r == NQ_TRUE) ? NQ_TRUE : NQ_MAYBE;
		default:
			r = exec_item(q, i + 1, arg, check);
			if (r == NQ_TRUE)
				return NQ_TRUE;
			l = exec_item(q, i + it->left, arg, check);
			if (l == NQ_TRUE)
				return NQ_TRUE;
			return (l == NQ_FALSE && r == NQ_FALSE) ? NQ_FALSE : NQ_MAYBE;
	}
}

NQValue
nq_execute(const NewsQuery *q, void *arg, NQCheck check)
{
	if (q->nitems == 0)
		return NQ_FALSE;
	return exec_item(q, 0, arg, check);
}

static NQValue
check_entities(void *arg, const NewsQuery *q, const NQItem *val)
{
	const Entities *es = arg;

	if (val->flags & NQ_WILDCARD)
		return entities_has_kind(es, val->kind) ? NQ_TRUE : NQ_FALSE;
	return entities_find(es, val->kind, NQ_NAME(q, val), val->name_len) >= 0 ? NQ_TRUE : NQ_FALSE;
}

bool
nq_match_entities(const NewsQuery *q, const Entities *es)
{
	return nq_execute(q, (void *) es, check_entities) == NQ_TRUE;
}

/*
 * True if every row matching the query must contain at least one of its
 * non-negated keys (so GIN need not scan everything).  Computed as: the
 * query is false when all keys are absent.
 */
static NQValue
check_all_absent(void *arg, const NewsQuery *q, const NQItem *val)
{
	return NQ_FALSE;
}

bool
nq_needs_keys(const NewsQuery *q)
{
	return nq_execute(q, NULL, check_all_absent) == NQ_FALSE;
}

bool
nq_has_topics(const NewsQuery *q)
{
	for (int i = 0; i < q->nitems; i++)
		if (q->items[i].type == NQ_VAL && q->items[i].kind == EK_TOPIC)
			return true;
	return false;
}

Datum
entities_match_newsquery(PG_FUNCTION_ARGS)
{
	Entities   *es = PG_GETARG_ENTITIES_P(0);
	NewsQuery  *q = PG_GETARG_NEWSQUERY_P(1);

	PG_RETURN_BOOL(nq_match_entities(q, es));
}

Datum
newsquery_match_entities(PG_FUNCTION_ARGS)
{
	NewsQuery  *q = PG_GETARG_NEWSQUERY_P(0);
	Entities   *es = PG_GETARG_ENTITIES_P(1);

	PG_RETURN_BOOL(nq_match_entities(q, es));
}

/* ------------------------------------------------------------------------
 * Combining queries: q1 && q2, q1 || q2, !! q
 * ------------------------------------------------------------------------
 */
static NewsQuery *
combine(NewsQuery *a, NewsQuery *b, int oper)
{
	int			na = a->nitems,
				nb = b ? b->nitems : 0;
	int			n = 1 + na + nb;
	int			sa = VARSIZE(a) - NQ_HDRSZ - na * sizeof(NQItem);
	int			sb = b ? (int) (VARSIZE(b) - NQ_HDRSZ - nb * sizeof(NQItem)) : 0;
	Size		size = NQ_HDRSZ + (Size) n * sizeof(NQItem) + sa + sb;
	NewsQuery  *q = palloc0(size);
	char	   *str;

	SET_VARSIZE(q, size);
	q->nitems = n;
	q->items[0].type = NQ_OPR;
	q->items[0].oper = (uint8) oper;
	/* prefix order: op, right (b), left (a) */
	if (oper == NQ_NOT)
	{
		memcpy(&q->items[1], a->items, na * sizeof(NQItem));
	}
	else
	{
		memcpy(&q->items[1], b->items, nb * sizeof(NQItem));
		memcpy(&q->items[1 + nb], a->items, na * sizeof(NQItem));
		q->items[0].left = 1 + nb;
		/* strings: b's first, then a's */
		for (int i = 1 + nb; i < n; i++)
			if (q->items[i].type == NQ_VAL)
				q->items[i].name_off += sb;
	}
	str = NQ_STRINGS(q);
	if (oper == NQ_NOT)
		memcpy(str, NQ_STRINGS(a), sa);
	else
	{
		memcpy(str, NQ_STRINGS(b), sb);
		memcpy(str + sb, NQ_STRINGS(a), sa);
	}
	if (n > 1000000)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("newsquery is too large")));
	return q;
}

Datum
newsquery_and(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(combine(PG_GETARG_NEWSQUERY_P(0), PG_GETARG_NEWSQUERY_P(1), NQ_AND));
}

Datum
newsquery_or(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(combine(PG_GETARG_NEWSQUERY_P(0), PG_GETARG_NEWSQUERY_P(1), NQ_OR));
}

Datum
newsquery_not(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(combine(PG_GETARG_NEWSQUERY_P(0), NULL, NQ_NOT));
}

Datum
newsquery_eq(PG_FUNCTION_ARGS)
{
	NewsQuery  *a = PG_GETARG_NEWSQUERY_P(0);
	NewsQuery  *b = PG_GETARG_NEWSQUERY_P(1);

	PG_RETURN_BOOL(VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0);
}
