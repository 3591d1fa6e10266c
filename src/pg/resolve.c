/*-------------------------------------------------------------------------
 *
 * resolve.c
 *	  Binding a newsquery's names to the dictionaries: what a name the
 *	  user typed finds.
 *
 * Entities values hold canonical names ("Tony Blair", "Soviet Union",
 * "United States").  A query names them as people write them: in any case
 * ("tony blair"), by an alias the gazetteer knows ("USSR", "U.S."), or a
 * person by surname ("Blair").  Resolution turns every operand into the
 * set of names it matches:
 *
 *	 - PER, ORG, GPE, LOC, NORP: the name as written and with each word
 *	   capitalised (as news copy writes names no dictionary knows), plus the canonical
 *	   name of every gazetteer entity of that kind that the name is the
 *	   canonical name or an alias of, compared in the dictionaries'
 *	   normalised form (case folded, accents removed, tokenised like text),
 *	   plus for PER the people whose surname (or family name written first)
 *	   it is;
 *	 - topic: the key as written, plus its lower-case form if that is a key
 *	   of the taxonomy;
 *	 - DATE and wildcards: as written.
 *
 * A name that finds nothing in the dictionaries raises a NOTICE (once per
 * statement), instead of silently matching nothing when its spelling
 * differs from the stored one.
 *
 * Where it happens: never in the type's input or output (a newsquery value
 * stays what the user wrote, its text form round-trips and does not depend
 * on the dictionaries), but when a query is evaluated: by the @@ operators
 * (cached per call site for the statement) and by the GIN extractQuery
 * function, which turns every candidate name into its key; the consistent
 * functions check exactly those keys.  The result depends on the current
 * dictionaries, so the @@ operators are STABLE, not IMMUTABLE: they give
 * the same answer within a statement, and a committed dictionary edit
 * changes what later statements find.  Index contents do not depend on
 * the dictionaries (they hold the stored canonical names), so no REINDEX
 * is needed after an edit.
 *
 *-------------------------------------------------------------------------
 */
#include "diplomat.h"
#include "dictionary.h"
#include "entities.h"

#include "access/xact.h"
#include "miscadmin.h"
#include "utils/formatting.h"
#include "utils/hsearch.h"
#include "common/hashfn.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "dip_dict.h"
#include "dip_match.h"

/* Operands noticed in the current statement, so that each NOTICE is given once. */
#define MAX_NOTICED 32
static TimestampTz noticed_statement = 0;
static uint32 noticed[MAX_NOTICED];
static int	nnoticed = 0;

/* True the first time in this statement that an operand is noticed. */
static bool
first_notice(int kind, const char *name, int len)
{
	TimestampTz stmt = GetCurrentStatementStartTimestamp();
	uint32		h = hash_bytes((const unsigned char *) name, len) ^ (uint32) kind;

	if (stmt != noticed_statement)
	{
		noticed_statement = stmt;
		nnoticed = 0;
	}
	for (int i = 0; i < nnoticed; i++)
		if (noticed[i] == h)
			return false;
	if (nnoticed < MAX_NOTICED)
		noticed[nnoticed++] = h;
	return true;
}

/* Resolution under construction. */
typedef struct Resolver
{
	const DipDict *dict;
	SSetItem   *names;
	int			nnames;
	int			cap;
	bool		found;			/* the name finds an entity of its kind */
	StringInfoData other;		/* entities of other kinds it finds */
} Resolver;

/* Adds a candidate name unless the operand has it already (from first). */
static void
add_name(Resolver *r, int first, int kind, const char *name, int len)
{
	for (int i = first; i < r->nnames; i++)
		if (r->names[i].kind == kind && r->names[i].len == len &&
			memcmp(r->names[i].name, name, len) == 0)
			return;
	if (r->nnames == r->cap)
	{
		r->cap *= 2;
		r->names = repalloc(r->names, r->cap * sizeof(SSetItem));
	}
	memset(&r->names[r->nnames], 0, sizeof(SSetItem));
	r->names[r->nnames].kind = kind;
	r->names[r->nnames].name = name;
	r->names[r->nnames].len = len;
	r->nnames++;
}

/*
 * Adds the gazetteer entities at a trie node: those of the operand's kind
 * as candidates (surname items only for a person's one-word name), others
 * for the NOTICE's hint.
 */
static void
add_node_entities(Resolver *r, int first, int kind, uint32 node, bool surnames)
{
	const DipDict *d = r->dict;
	const DipNode *nd = &d->nodes[node];

	for (uint32 k = 0; k < nd->item_count; k++)
	{
		const DipItem *it = &d->items[nd->item_first + k];
		const DipEntity *e;

		if (it->type != DIP_ITEM_ENTITY && !(surnames && it->type == DIP_ITEM_SURNAME))
			continue;
		e = &d->entities[it->ref];
		if (e->kind == kind)
		{
			add_name(r, first, kind, dip_str(d, e->name), e->namelen);
			r->found = true;
		}
		else if (it->type == DIP_ITEM_ENTITY && r->other.len < 200)
			appendStringInfo(&r->other, "%s%s:\"%s\"", r->other.len ? ", " : "",
							 dip_kind_name(e->kind), dip_str(d, e->name));
	}
}

/*
 * Looks a name up in the gazetteer the way text is matched: tokenised by
 * the segmenter, each token's normalised form a vocabulary word, the words
 * a path in the trie.  A leading "the" may be part of the alias ("The
 * Hague") or not ("the Netherlands"): both are tried.
 */
static void
lookup_name(Resolver *r, int first, int kind, const char *name, int len)
{
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "diplomat name lookup",
											  ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	DipMem		mem;
	DipDoc		doc;
	uint32	   *wids = palloc(Max(len, 1) * sizeof(uint32));
	int			n = 0;
	bool		known = true;

	dipg_mem_init(&mem, cxt);
	dip_doc_init(&doc, &mem, name, len);
	while (dip_doc_next_chunk(&doc))
	{
		dip_match_words(&doc, r->dict);
		for (uint32 i = 0; i < doc.ntoks && n < len; i++)
		{
			known &= doc.toks[i].wid != 0;
			wids[n++] = doc.toks[i].wid;
		}
	}
	MemoryContextSwitchTo(old);
	for (int start = 0; known && start < n && start <= 1; start++)
	{
		uint32		node = 0;

		/* the second try skips a leading "the" */
		if (start == 1 && (n < 2 || dip_vocab_lookup(r->dict, "the", 3) != wids[0]))
			break;
		for (int i = start; i < n; i++)
			if ((node = dip_trie_child(r->dict, node, wids[i])) == 0)
				break;
		if (node != 0)
			add_node_entities(r, first, kind, node, kind == EK_PER && n - start == 1);
	}
	MemoryContextDelete(cxt);
}

/*
 * The name with each word capitalised and the rest of it in lower case
 * (ASCII letters only): "liu jianchao" and "LIU JIANCHAO" as a name that no
 * dictionary knows is written in news copy, "Liu Jianchao".
 */
static char *
capitalised(const char *name, int len)
{
	char	   *c = palloc(len + 1);
	bool		word_start = true;

	for (int i = 0; i < len; i++)
	{
		unsigned char ch = (unsigned char) name[i];

		c[i] = (char) (word_start ? pg_ascii_toupper(ch) : pg_ascii_tolower(ch));
		word_start = ch == ' ' || ch == '-' || ch == '\'' || ch == '.';
	}
	c[len] = '\0';
	return c;
}

/* Resolves one operand: its candidates go to r->names from first on. */
static void
resolve_operand(Resolver *r, const NewsQuery *q, const NQItem *it, bool notices)
{
	const char *name = NQ_NAME(q, it);
	int			len = it->name_len;
	int			first = r->nnames;

	add_name(r, first, it->kind, name, len);
	if ((it->flags & NQ_WILDCARD) || it->kind == EK_DATE)
		return;
	if (it->kind == EK_TOPIC)
	{
		char	   *lower = asc_tolower(name, len);

		if (dip_topic_lookup(r->dict, lower, len) >= 0)
			add_name(r, first, EK_TOPIC, lower, len);
		else if (notices && first_notice(it->kind, name, len))
			ereport(NOTICE,
					(errmsg("newsquery topic \"%.*s\" is not in the topic taxonomy", len, name),
					 errdetail("It matches only a topic key written exactly so.")));
		return;
	}
	add_name(r, first, it->kind, capitalised(name, len), len);
	resetStringInfo(&r->other);
	r->found = false;
	lookup_name(r, first, it->kind, name, len);
	if (r->found)
		return;
	if (notices && first_notice(it->kind, name, len))
		ereport(NOTICE,
				(errmsg("newsquery name %s:\"%.*s\" is not in the dictionaries",
						entity_kind_name(it->kind), len, name),
				 errdetail("It matches only entities named exactly so or with each word capitalised."),
				 r->other.len > 0 ?
				 errhint("The dictionaries know it as %s.", r->other.data) : 0));
}

/* An operand already resolved in this query: where its names are. */
typedef struct SeenOperand
{
	char		key[ENTITY_MAX_NAME + 2];	/* kind byte, flags byte, name */
	int			first;
	int			count;
} SeenOperand;

NQResolved *
nq_resolve(const NewsQuery *q, bool notices)
{
	NQResolved *res = palloc0(sizeof(NQResolved));
	Resolver	r;
	HASHCTL		ctl;
	HTAB	   *seen;

	r.dict = dipg_dictionary();
	r.cap = Max(q->nitems, 4);
	r.names = palloc(r.cap * sizeof(SSetItem));
	r.nnames = 0;
	initStringInfo(&r.other);
	res->first = palloc(Max(q->nitems, 1) * sizeof(int));
	res->count = palloc0(Max(q->nitems, 1) * sizeof(int));
	/* a repeated operand is resolved once */
	ctl.keysize = ENTITY_MAX_NAME + 2;
	ctl.entrysize = sizeof(SeenOperand);
	ctl.hcxt = CurrentMemoryContext;
	seen = hash_create("diplomat newsquery operands", 16, &ctl,
					   HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	for (int i = 0; i < q->nitems; i++)
	{
		const NQItem *it = &q->items[i];
		char		key[ENTITY_MAX_NAME + 2] = {0};
		SeenOperand *so;
		bool		found;

		res->first[i] = r.nnames;
		if (it->type != NQ_VAL)
			continue;
		key[0] = (char) it->kind;
		key[1] = (char) it->flags;
		memcpy(key + 2, NQ_NAME(q, it), it->name_len);
		so = hash_search(seen, key, HASH_ENTER, &found);
		if (!found)
		{
			so->first = r.nnames;
			resolve_operand(&r, q, it, notices);
			so->count = r.nnames - so->first;
		}
		res->first[i] = so->first;
		res->count[i] = so->count;
		if ((i & 255) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	hash_destroy(seen);
	res->names = r.names;
	res->nnames = r.nnames;
	return res;
}

/* A resolved query cached for one call site (fn_extra). */
typedef struct ResolveCache
{
	MemoryContext cxt;
	const void *dict_image;		/* the dictionaries it was resolved with */
	uint32		dict_checksum;
	NewsQuery  *q;				/* a copy, to recognise the next call's */
	NQResolved *res;
} ResolveCache;

NQResolved *
nq_resolve_cached(FmgrInfo *flinfo, const NewsQuery *q)
{
	ResolveCache *c = flinfo->fn_extra;
	const DipDict *d = dipg_dictionary();
	MemoryContext old;

	if (c != NULL && c->dict_image == d->hdr && c->dict_checksum == d->hdr->checksum &&
		VARSIZE(c->q) == VARSIZE(q) && memcmp(c->q, q, VARSIZE(q)) == 0)
		return c->res;
	if (c == NULL)
	{
		c = MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(ResolveCache));
		c->cxt = AllocSetContextCreate(flinfo->fn_mcxt, "diplomat newsquery names",
									   ALLOCSET_SMALL_SIZES);
		flinfo->fn_extra = c;
	}
	MemoryContextReset(c->cxt);
	old = MemoryContextSwitchTo(c->cxt);
	c->q = palloc(VARSIZE(q));
	memcpy(c->q, q, VARSIZE(q));
	c->res = nq_resolve(c->q, true);
	c->dict_image = d->hdr;
	c->dict_checksum = d->hdr->checksum;
	MemoryContextSwitchTo(old);
	return c->res;
}

/* What matching a document needs: the resolved names and the document. */
typedef struct MatchArg
{
	const NQResolved *res;
	const Entities *es;
} MatchArg;

/* An operand is true if the document has one of its names. */
static NQValue
check_resolved(void *arg, const NewsQuery *q, const NQItem *val)
{
	MatchArg   *m = arg;
	int			i = val - q->items;

	if (val->flags & NQ_WILDCARD)
		return entities_has_kind(m->es, val->kind) ? NQ_TRUE : NQ_FALSE;
	for (int k = 0; k < m->res->count[i]; k++)
	{
		const SSetItem *n = &m->res->names[m->res->first[i] + k];

		if (entities_find(m->es, n->kind, n->name, n->len) >= 0)
			return NQ_TRUE;
	}
	return NQ_FALSE;
}

bool
nq_match_resolved(const NewsQuery *q, const NQResolved *res, const Entities *es)
{
	MatchArg	m = {res, es};

	return nq_execute(q, &m, check_resolved) == NQ_TRUE;
}
