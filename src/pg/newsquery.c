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
 * operand; `left` is the offset of its left operand.  Parsing, output,
 * receive and evaluation are iterative, so the only limit is the number of
 * items (NQ_MAX_ITEMS), the same for every way a value is made: whatever
 * input or receive accepts, output and send write back.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "compat.h"
#include "diplomat.h"
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
 * Text input: an operator-precedence (shunting-yard) parser with explicit
 * stacks, so that neither long chains nor deep nesting use the C stack.
 * ------------------------------------------------------------------------
 */
#define NQ_LPAREN	0			/* on the operator stack only */

typedef struct QNode
{
	uint8		type;
	uint8		oper;
	uint8		kind;
	uint8		flags;
	const char *name;
	int			len;
	int			l;				/* child nodes, -1 if none */
	int			r;
	int			size;			/* items in the subtree */
} QNode;

typedef struct QOp
{
	uint8		oper;			/* NQ_AND, NQ_OR, NQ_NOT or NQ_LPAREN */
	int			pos;
} QOp;

typedef struct QParser
{
	const char *s;
	int			pos;
	Node	   *escontext;
	QNode	   *nodes;
	int			nnodes;
	int			nodecap;
	int		   *out;			/* operand stack: node indexes */
	int			nout;
	QOp		   *ops;			/* operator stack */
	int			nops;
	int			opcap;
} QParser;

/* Reports a syntax error at character pos; the caller returns failure. */
static void
q_error(QParser *p, int pos, const char *what)
{
	errsave(p->escontext,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type newsquery: \"%s\"", p->s),
			 errdetail("%s at character %d.", what, pos + 1)));
}

/* Skips white space. */
static void
skip_space(QParser *p)
{
	while (isspace((unsigned char) p->s[p->pos]))
		p->pos++;
}

/* True for a character of an unquoted name. */
static bool
bare_char(char c)
{
	return !(c == '\0' || c == '&' || c == '|' || c == '!' || c == '(' || c == ')' ||
			 c == '"' || isspace((unsigned char) c));
}

/* Appends a node; false (error reported) past the size limit. */
static int
add_node(QParser *p, const QNode *n)
{
	if (p->nnodes >= NQ_MAX_ITEMS)
	{
		errsave(p->escontext,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("newsquery is too large"),
				 errdetail("A newsquery has at most %d operands and operators.",
						   NQ_MAX_ITEMS)));
		return -1;
	}
	if (p->nnodes == p->nodecap)
	{
		p->nodecap *= 2;
		p->nodes = repalloc(p->nodes, p->nodecap * sizeof(QNode));
		p->out = repalloc(p->out, p->nodecap * sizeof(int));
	}
	p->nodes[p->nnodes] = *n;
	p->out[p->nout++] = p->nnodes;
	return p->nnodes++;
}

/*
 * Reads a name after "KIND:": quoted with "" and \ escapes, or bare.
 * Returns false after reporting an error.
 */
static bool
parse_name(QParser *p, QNode *n)
{
	int			n0 = p->pos;

	if (p->s[p->pos] == '"')
	{
		StringInfoData buf;

		initStringInfo(&buf);
		p->pos++;
		for (;;)
		{
			char		c = p->s[p->pos];

			if (c == '\0')
			{
				q_error(p, p->pos, "Unterminated quoted name");
				return false;
			}
			if (c == '\\' && p->s[p->pos + 1] != '\0')
				c = p->s[++p->pos];
			else if (c == '"' && p->s[p->pos + 1] == '"')
				p->pos++;
			else if (c == '"')
			{
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
		while (bare_char(p->s[p->pos]))
			p->pos++;
		n->name = p->s + n0;
		n->len = p->pos - n0;
	}
	if (n->len == 0 || n->len > ENTITY_MAX_NAME)
	{
		q_error(p, n0, "Expected a name of 1 to 1000 bytes");
		return false;
	}
	for (int i = 0; i < n->len; i++)
		if ((unsigned char) n->name[i] < 0x20)
		{
			q_error(p, n0, "A name cannot contain control characters");
			return false;
		}
	return true;
}

/* Reads one operand KIND:name or KIND:*; false after reporting an error. */
static bool
parse_operand(QParser *p)
{
	QNode		n = {NQ_VAL, 0, 0, 0, "", 0, -1, -1, 1};
	int			k0 = p->pos;

	while (isalpha((unsigned char) p->s[p->pos]))
		p->pos++;
	if (p->pos == k0)
	{
		q_error(p, p->pos, p->s[p->pos] == '\0' ? "Unexpected end of query" : "Expected KIND:name");
		return false;
	}
	if (p->s[p->pos] != ':')
	{
		q_error(p, p->pos, "Expected : after the kind");
		return false;
	}
	n.kind = (uint8) entity_kind_parse(p->s + k0, p->pos - k0);
	if (n.kind == 0)
	{
		q_error(p, k0, "Unknown kind (use PER, ORG, GPE, LOC, NORP, DATE or topic)");
		return false;
	}
	p->pos++;
	if (p->s[p->pos] == '*' && !bare_char(p->s[p->pos + 1]))
	{
		n.flags = NQ_WILDCARD;
		p->pos++;
	}
	else if (!parse_name(p, &n))
		return false;
	return add_node(p, &n) >= 0;
}

/* Priority of an operator: ! binds tighter than &, & tighter than |. */
static int
priority(int oper)
{
	switch (oper)
	{
		case NQ_NOT:
			return 3;
		case NQ_AND:
			return 2;
		case NQ_OR:
			return 1;
		default:
			return 0;			/* a parenthesis is never reduced by priority */
	}
}

/* Applies the operator on top of the stack to its operands. */
static bool
reduce(QParser *p)
{
	QOp			op = p->ops[--p->nops];
	QNode		n = {NQ_OPR, op.oper, 0, 0, "", 0, -1, -1, 1};

	n.r = p->out[--p->nout];
	n.size += p->nodes[n.r].size;
	if (op.oper != NQ_NOT)
	{
		n.l = p->out[--p->nout];
		n.size += p->nodes[n.l].size;
	}
	return add_node(p, &n) >= 0;
}

/* Pushes an operator (or a parenthesis) found at pos. */
static void
push_op(QParser *p, int oper, int pos)
{
	if (p->nops == p->opcap)
	{
		p->opcap *= 2;
		p->ops = repalloc(p->ops, p->opcap * sizeof(QOp));
	}
	p->ops[p->nops].oper = (uint8) oper;
	p->ops[p->nops].pos = pos;
	p->nops++;
}

/*
 * Parses the whole query into p->nodes; returns the root node, or -1 after
 * reporting an error.
 */
static int
parse_query(QParser *p)
{
	bool		want_operand = true;

	skip_space(p);
	if (p->s[p->pos] == '\0')
	{
		q_error(p, p->pos, "Empty query");
		return -1;
	}
	for (;;)
	{
		char		c;

		CHECK_FOR_INTERRUPTS();
		skip_space(p);
		c = p->s[p->pos];
		if (want_operand)
		{
			if (c == '!' || c == '(')
				push_op(p, c == '!' ? NQ_NOT : NQ_LPAREN, p->pos++);
			else if (!parse_operand(p))
				return -1;
			else
				want_operand = false;
		}
		else if (c == '&' || c == '|')
		{
			int			oper = c == '&' ? NQ_AND : NQ_OR;

			while (p->nops > 0 && priority(p->ops[p->nops - 1].oper) >= priority(oper))
				if (!reduce(p))
					return -1;
			push_op(p, oper, p->pos++);
			want_operand = true;
		}
		else if (c == ')')
		{
			while (p->nops > 0 && p->ops[p->nops - 1].oper != NQ_LPAREN)
				if (!reduce(p))
					return -1;
			if (p->nops == 0)
				break;			/* unmatched: reported below */
			p->nops--;
			p->pos++;
		}
		else
			break;
	}
	if (p->s[p->pos] != '\0')
	{
		q_error(p, p->pos, "Unexpected text (expected &, | or end of query)");
		return -1;
	}
	while (p->nops > 0)
	{
		if (p->ops[p->nops - 1].oper == NQ_LPAREN)
		{
			q_error(p, p->pos, "Expected )");
			return -1;
		}
		if (!reduce(p))
			return -1;
	}
	Assert(p->nout == 1);
	return p->out[0];
}

/*
 * Lays the tree out flat in prefix order (operator, right operand, left
 * operand; names in the same order), without recursion.
 */
static NewsQuery *
build_query(QParser *p, int root)
{
	int			n = p->nodes[root].size;
	int		   *stack = palloc(n * sizeof(int));
	int			sp = 0;
	Size		strsize = 0;
	Size		size;
	NewsQuery  *q;
	char	   *str;
	uint32		off = 0;

	for (int i = 0; i < p->nnodes; i++)
		if (p->nodes[i].type == NQ_VAL)
			strsize += p->nodes[i].len;
	size = NQ_HDRSZ + (Size) n * sizeof(NQItem) + strsize;
	q = palloc0(size);
	SET_VARSIZE(q, size);
	q->nitems = n;
	str = NQ_STRINGS(q);
	stack[sp++] = root;
	for (int i = 0; i < n; i++)
	{
		QNode	   *nd = &p->nodes[stack[--sp]];
		NQItem	   *it = &q->items[i];

		it->type = nd->type;
		if (nd->type == NQ_VAL)
		{
			it->kind = nd->kind;
			it->flags = nd->flags;
			it->name_off = off;
			it->name_len = nd->len;
			memcpy(str + off, nd->name, nd->len);
			off += nd->len;
			continue;
		}
		it->oper = nd->oper;
		if (nd->oper != NQ_NOT)
		{
			it->left = 1 + p->nodes[nd->r].size;
			stack[sp++] = nd->l;
		}
		stack[sp++] = nd->r;
	}
	pfree(stack);
	return q;
}

/* Reads the text form; errors are soft where the server supports it. */
Datum
newsquery_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	QParser		p = {0};
	int			root;

	p.s = s;
	p.escontext = fcinfo->context;
	p.nodecap = 16;
	p.nodes = palloc(p.nodecap * sizeof(QNode));
	p.out = palloc(p.nodecap * sizeof(int));
	p.opcap = 16;
	p.ops = palloc(p.opcap * sizeof(QOp));
	root = parse_query(&p);
	if (root < 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(build_query(&p, root));
}

/* ------------------------------------------------------------------------
 * Output, without recursion: a stack of things still to print
 * ------------------------------------------------------------------------
 */
/* Appends an operand: KIND:"name" or KIND:*. */
static void
append_operand(StringInfo buf, const NewsQuery *q, const NQItem *it)
{
	appendStringInfo(buf, "%s:", entity_kind_name(it->kind));
	if (it->flags & NQ_WILDCARD)
		appendStringInfoChar(buf, '*');
	else
		entity_append_quoted(buf, NQ_NAME(q, it), it->name_len);
}

/* A pending step of the output: print item, or append text. */
typedef struct OutStep
{
	int			item;			/* -1 for text */
	int			parent_prio;
	const char *text;
} OutStep;

/* Priority of an item for parenthesising: operands bind tightest. */
static int
item_priority(const NQItem *it)
{
	return it->type == NQ_VAL ? 4 : priority(it->oper);
}

Datum
newsquery_out(PG_FUNCTION_ARGS)
{
	NewsQuery  *q = PG_GETARG_NEWSQUERY_P(0);
	StringInfoData buf;
	OutStep    *stack;
	int			sp = 0;

	initStringInfo(&buf);
	if (q->nitems == 0)
		PG_RETURN_CSTRING(buf.data);
	/* each operator replaces its step by at most five */
	stack = palloc((4 * (Size) q->nitems + 1) * sizeof(OutStep));
	stack[sp++] = (OutStep) {0, 0, NULL};
	while (sp > 0)
	{
		OutStep		st = stack[--sp];
		const NQItem *it;
		int			prio;
		bool		paren;

		if (st.item < 0)
		{
			appendStringInfoString(&buf, st.text);
			continue;
		}
		it = &q->items[st.item];
		if (it->type == NQ_VAL)
		{
			append_operand(&buf, q, it);
			continue;
		}
		prio = item_priority(it);
		paren = prio < st.parent_prio;
		/* pushed in reverse order of printing */
		if (paren)
			stack[sp++] = (OutStep) {-1, 0, " )"};
		if (it->oper == NQ_NOT)
			stack[sp++] = (OutStep) {st.item + 1, prio, NULL};
		else
		{
			/* a right operand of equal priority keeps its parentheses */
			stack[sp++] = (OutStep) {st.item + 1, prio + 1, NULL};
			stack[sp++] = (OutStep) {-1, 0, it->oper == NQ_AND ? " & " : " | "};
			stack[sp++] = (OutStep) {st.item + it->left, prio, NULL};
		}
		if (it->oper == NQ_NOT)
			stack[sp++] = (OutStep) {-1, 0, "!"};
		if (paren)
			stack[sp++] = (OutStep) {-1, 0, "( "};
		if ((sp & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	pfree(stack);
	PG_RETURN_CSTRING(buf.data);
}

/* ------------------------------------------------------------------------
 * Binary I/O: int32 nitems, then per item: byte type; for operands byte
 * kind, byte flags, int32 length, name; for operators byte oper, int32
 * left (0 for NOT).  Receive accepts exactly what input can produce:
 * at most NQ_MAX_ITEMS items forming one tree, names as input allows them.
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

/*
 * True if the items form exactly one tree in prefix layout: computed from
 * the last item back, end[i] is where the subtree at i ends (-1 if it is
 * malformed).
 */
static bool
valid_tree(const NQItem *items, int n)
{
	int		   *end = palloc((n + 1) * sizeof(int));
	bool		ok;

	end[n] = -1;
	for (int i = n - 1; i >= 0; i--)
	{
		const NQItem *it = &items[i];
		int			r = end[i + 1];

		if (it->type == NQ_VAL)
			end[i] = i + 1;
		else if (r < 0)
			end[i] = -1;
		else if (it->oper == NQ_NOT)
			end[i] = r;
		else if ((uint32) (r - i) != it->left || r >= n)
			end[i] = -1;
		else
			end[i] = end[r];
	}
	ok = end[0] == n;
	pfree(end);
	return ok;
}

/* Raises the binary input error for a newsquery. */
static void
recv_error(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary newsquery"),
			 errdetail("%s", what)));
}

Datum
newsquery_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			n = dipg_recv_int32(buf, "newsquery");
	NQItem	   *items;
	StringInfoData str;
	Size		size;
	NewsQuery  *q;

	if (n <= 0 || n > NQ_MAX_ITEMS)
		recv_error(psprintf("A newsquery has 1 to %d items, not %d.", NQ_MAX_ITEMS, n));
	items = palloc0(n * sizeof(NQItem));
	initStringInfo(&str);
	for (int i = 0; i < n; i++)
	{
		NQItem	   *it = &items[i];

		it->type = dipg_recv_byte(buf, "newsquery");
		if (it->type == NQ_VAL)
		{
			int32		len;
			const char *name;
			const char *problem;

			it->kind = dipg_recv_byte(buf, "newsquery");
			it->flags = dipg_recv_byte(buf, "newsquery");
			len = dipg_recv_int32(buf, "newsquery");
			if (it->kind < 1 || it->kind > EK_MAX)
				recv_error("Unknown entity kind.");
			if (it->flags == NQ_WILDCARD)
			{
				if (len != 0)
					recv_error("A wildcard operand has no name.");
			}
			else if (it->flags != 0)
				recv_error("Unknown operand flags.");
			name = dipg_recv_bytes(buf, len, "newsquery");
			if (it->flags == 0 && (problem = entity_name_problem(name, len)) != NULL)
				recv_error(problem);
			it->name_off = str.len;
			it->name_len = len;
			appendBinaryStringInfo(&str, name, len);
		}
		else if (it->type == NQ_OPR)
		{
			it->oper = dipg_recv_byte(buf, "newsquery");
			it->left = (uint32) dipg_recv_int32(buf, "newsquery");
			if (it->oper < NQ_AND || it->oper > NQ_NOT)
				recv_error("Unknown operator.");
			if (it->oper == NQ_NOT && it->left != 0)
				recv_error("A NOT operator has no left operand.");
		}
		else
			recv_error("Unknown item type.");
	}
	if (!valid_tree(items, n))
		recv_error("The items do not form one query tree.");
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
void
nq_fold(const NewsQuery *q, size_t elemsize, NQLeaf leaf, NQOper oper, void *arg,
		void *result)
{
	char		local[64 * sizeof(double)];
	char	   *stack = local;
	int			sp = 0;

	/* the stack holds at most one value per operand */
	if ((Size) q->nitems * elemsize > sizeof(local))
		stack = palloc((Size) q->nitems * elemsize);

	/*
	 * Scanning the prefix layout from the end, every operand's subtrees are
	 * done before it: the left one pushed first, the right one on top.
	 */
	for (int i = q->nitems - 1; i >= 0; i--)
	{
		const NQItem *it = &q->items[i];

		if (it->type == NQ_VAL)
		{
			leaf(arg, q, it, stack + sp * elemsize);
			sp++;
		}
		else if (it->oper == NQ_NOT)
			oper(arg, NQ_NOT, NULL, stack + (sp - 1) * elemsize, stack + (sp - 1) * elemsize);
		else
		{
			oper(arg, it->oper, stack + (sp - 2) * elemsize, stack + (sp - 1) * elemsize,
				 stack + (sp - 2) * elemsize);
			sp--;
		}
	}
	Assert(sp == 1);
	memcpy(result, stack, elemsize);
	if (stack != local)
		pfree(stack);
}

void
nq_fuzzy_oper(void *arg, int oper, const void *lp, const void *rp, void *out)
{
	double		r = *(const double *) rp;
	double		l = lp ? *(const double *) lp : 0.0;

	if (oper == NQ_NOT)
		*(double *) out = 1.0 - r;
	else if (oper == NQ_AND)
		*(double *) out = l * r;
	else
		*(double *) out = l + r - l * r;
}

/* What nq_execute folds with: the caller's check function. */
typedef struct ExecArg
{
	void	   *arg;
	NQCheck		check;
} ExecArg;

static void
exec_leaf(void *arg, const NewsQuery *q, const NQItem *val, void *out)
{
	ExecArg    *ea = arg;

	*(NQValue *) out = ea->check(ea->arg, q, val);
}

/* Ternary NOT, AND and OR. */
static void
exec_oper(void *arg, int oper, const void *lp, const void *rp, void *out)
{
	NQValue		r = *(const NQValue *) rp;
	NQValue		l = lp ? *(const NQValue *) lp : NQ_FALSE;
	NQValue		v;

	if (oper == NQ_NOT)
		v = r == NQ_MAYBE ? NQ_MAYBE : (r == NQ_TRUE ? NQ_FALSE : NQ_TRUE);
	else if (oper == NQ_AND)
		v = (l == NQ_FALSE || r == NQ_FALSE) ? NQ_FALSE :
			(l == NQ_TRUE && r == NQ_TRUE) ? NQ_TRUE : NQ_MAYBE;
	else
		v = (l == NQ_TRUE || r == NQ_TRUE) ? NQ_TRUE :
			(l == NQ_FALSE && r == NQ_FALSE) ? NQ_FALSE : NQ_MAYBE;
	*(NQValue *) out = v;
}

NQValue
nq_execute(const NewsQuery *q, void *arg, NQCheck check)
{
	ExecArg		ea = {arg, check};
	NQValue		v;

	if (q->nitems == 0)
		return NQ_FALSE;
	nq_fold(q, sizeof(NQValue), exec_leaf, exec_oper, &ea, &v);
	return v;
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

/*
 * entities @@ newsquery and its commutator: the query's names resolved
 * against the dictionaries once per call site (resolve.c).
 */
static Datum
match_entities(FunctionCallInfo fcinfo, int esarg)
{
	Entities   *es = PG_GETARG_ENTITIES_P(esarg);
	NewsQuery  *q = PG_GETARG_NEWSQUERY_P(1 - esarg);

	PG_RETURN_BOOL(nq_match_resolved(q, nq_resolve_cached(fcinfo->flinfo, q), es));
}

Datum
entities_match_newsquery(PG_FUNCTION_ARGS)
{
	return match_entities(fcinfo, 0);
}

Datum
newsquery_match_entities(PG_FUNCTION_ARGS)
{
	return match_entities(fcinfo, 1);
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
	NewsQuery  *q;
	char	   *str;

	if (n > NQ_MAX_ITEMS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("newsquery is too large"),
				 errdetail("A newsquery has at most %d operands and operators.",
						   NQ_MAX_ITEMS)));
	q = palloc0(size);
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
