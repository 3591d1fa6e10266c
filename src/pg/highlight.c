/*-------------------------------------------------------------------------
 *
 * highlight.c
 *	  highlight(doc, newsquery [, options]): the mentions that match a
 *	  query, marked in context, like ts_headline.
 *
 * A mention is marked when its entity (kind and canonical name, resolved
 * as @@ resolves the query) is named by an operand of the query that is
 * not negated, or its kind by a KIND:* operand.  The fragments are the
 * sentences with the most marked mentions, in document order, each cut to
 * at most MaxWords words around its first mark; without any mark, the
 * start of the first sentence.  Options, as a string like ts_headline's
 * ("StartSel=<<, StopSel=>>, MaxWords=20"):
 *
 *	 StartSel, StopSel	   strings around a mention (default <b> and </b>)
 *	 MaxWords			   words per fragment (default 35)
 *	 MaxFragments		   fragments (default 1)
 *	 FragmentDelimiter	   between fragments (default " ... ")
 *	 HighlightAll		   true: the whole document, every match marked
 *
 *-------------------------------------------------------------------------
 */
#include "diplomat.h"
#include "entities.h"
#include "nlp.h"

#include "miscadmin.h"
#include "utils/builtins.h"

#include "dip_calendar.h"
#include "dip_analyze.h"

PG_FUNCTION_INFO_V1(dip_highlight);

typedef struct HighlightOptions
{
	char	   *start_sel;
	char	   *stop_sel;
	int			max_words;
	int			max_fragments;
	char	   *delimiter;
	bool		all;
} HighlightOptions;

/* Raises the error for a bad option string. */
static void
option_error(const char *opts, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid highlight options: \"%s\"", opts),
			 errdetail("%s", what)));
}

/* Reads one value: double-quoted (with "" for a quote) or up to a comma. */
static char *
option_value(const char *s, int *pos)
{
	StringInfoData v;
	int			p = *pos;

	initStringInfo(&v);
	if (s[p] == '"')
	{
		for (p++; s[p] != '\0'; p++)
		{
			if (s[p] == '"' && s[p + 1] == '"')
				p++;
			else if (s[p] == '"')
			{
				p++;
				break;
			}
			appendStringInfoChar(&v, s[p]);
		}
	}
	else
	{
		while (s[p] != '\0' && s[p] != ',')
			appendStringInfoChar(&v, s[p++]);
		while (v.len > 0 && isspace((unsigned char) v.data[v.len - 1]))
			v.data[--v.len] = '\0';
	}
	*pos = p;
	return v.data;
}

/* A positive whole number option. */
static int
option_int(const char *opts, const char *name, const char *v)
{
	char	   *end;
	long		n = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n < 1 || n > 100000)
		option_error(opts, psprintf("%s must be a whole number from 1 to 100000.", name));
	return (int) n;
}

/* Parses "Name=value, ..." (names case-insensitive) over the defaults. */
static void
parse_options(const char *opts, HighlightOptions *o)
{
	int			p = 0;

	o->start_sel = "<b>";
	o->stop_sel = "</b>";
	o->max_words = 35;
	o->max_fragments = 1;
	o->delimiter = " ... ";
	o->all = false;
	for (;;)
	{
		int			n0;
		char	   *name;
		char	   *v;

		while (isspace((unsigned char) opts[p]) || opts[p] == ',')
			p++;
		if (opts[p] == '\0')
			break;
		n0 = p;
		while (isalpha((unsigned char) opts[p]))
			p++;
		name = pnstrdup(opts + n0, p - n0);
		while (isspace((unsigned char) opts[p]))
			p++;
		if (opts[p] != '=')
			option_error(opts, "Options are written Name=value, separated by commas.");
		p++;
		while (isspace((unsigned char) opts[p]))
			p++;
		v = option_value(opts, &p);
		if (pg_strcasecmp(name, "StartSel") == 0)
			o->start_sel = v;
		else if (pg_strcasecmp(name, "StopSel") == 0)
			o->stop_sel = v;
		else if (pg_strcasecmp(name, "MaxWords") == 0)
			o->max_words = option_int(opts, name, v);
		else if (pg_strcasecmp(name, "MaxFragments") == 0)
			o->max_fragments = option_int(opts, name, v);
		else if (pg_strcasecmp(name, "FragmentDelimiter") == 0)
			o->delimiter = v;
		else if (pg_strcasecmp(name, "HighlightAll") == 0)
		{
			if (!parse_bool(v, &o->all))
				option_error(opts, "HighlightAll must be a boolean.");
		}
		else
			option_error(opts, psprintf("Unknown option \"%s\" (use StartSel, StopSel, MaxWords, "
										"MaxFragments, FragmentDelimiter or HighlightAll).", name));
	}
}

/*
 * Which operands count for marking: those under an even number of NOTs.
 * In the prefix layout every child follows its parent, so one forward pass
 * sets them.
 */
static bool *
positive_items(const NewsQuery *q)
{
	bool	   *pos = palloc(Max(q->nitems, 1) * sizeof(bool));

	if (q->nitems > 0)
		pos[0] = true;
	for (int i = 0; i < q->nitems; i++)
	{
		const NQItem *it = &q->items[i];

		if (it->type != NQ_OPR)
			continue;
		pos[i + 1] = it->oper == NQ_NOT ? !pos[i] : pos[i];
		if (it->oper != NQ_NOT)
			pos[i + it->left] = pos[i];
	}
	return pos;
}

/* True if a positive operand names the entity (kind, name). */
static bool
entity_marked(const NewsQuery *q, const NQResolved *res, const bool *pos,
			  int kind, const char *name, int len)
{
	for (int i = 0; i < q->nitems; i++)
	{
		const NQItem *it = &q->items[i];

		if (it->type != NQ_VAL || !pos[i] || it->kind != kind)
			continue;
		if (it->flags & NQ_WILDCARD)
			return true;
		for (int k = 0; k < res->count[i]; k++)
		{
			const SSetItem *n = &res->names[res->first[i] + k];

			if (n->len == len && memcmp(n->name, name, len) == 0)
				return true;
		}
	}
	return false;
}

/* A sentence as a candidate fragment. */
typedef struct Fragment
{
	uint32		start;			/* byte span */
	uint32		end;
	int			marks;
	uint32		first_mark;		/* byte offset of its first mark */
} Fragment;

/* Sentence spans of the document, with the marks each holds. */
static Fragment *
sentence_fragments(const char *text, size_t len, int *nfrag)
{
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "diplomat highlight",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	DipMem		mem;
	DipDoc		d;
	Fragment   *f = NULL;
	int			n = 0,
				cap = 0;

	dipg_mem_init(&mem, cxt);
	dip_doc_init(&d, &mem, text, len);
	while (dip_doc_next_chunk(&d))
	{
		CHECK_FOR_INTERRUPTS();
		for (uint32 s = 0; s < d.nsents; s++)
		{
			if (n == cap)
			{
				cap = cap ? cap * 2 : 16;
				f = f ? repalloc(f, cap * sizeof(Fragment)) :
					MemoryContextAlloc(old, cap * sizeof(Fragment));
			}
			f[n].start = d.sents[s].start;
			f[n].end = d.sents[s].start + d.sents[s].len;
			f[n].marks = 0;
			f[n].first_mark = f[n].end;
			n++;
		}
	}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
	*nfrag = n;
	return f;
}

/* Appends text[from, to) with the marked mentions inside it wrapped. */
static void
append_marked(StringInfo buf, const char *text, uint32 from, uint32 to,
			  const DipMention *const *marks, int nmarks, const HighlightOptions *o)
{
	uint32		p = from;

	for (int i = 0; i < nmarks; i++)
	{
		const DipMention *m = marks[i];

		if (m->start < p || m->start + m->len > to)
			continue;
		appendBinaryStringInfo(buf, text + p, m->start - p);
		appendStringInfoString(buf, o->start_sel);
		appendBinaryStringInfo(buf, text + m->start, m->len);
		appendStringInfoString(buf, o->stop_sel);
		p = m->start + m->len;
	}
	appendBinaryStringInfo(buf, text + p, to - p);
}

/*
 * Narrows [*from, *to) to at most max_words words, starting two words
 * before anchor (when there is room), at word boundaries.
 */
static void
word_window(const char *text, uint32 *from, uint32 *to, uint32 anchor, int max_words)
{
	uint32		starts[2] = {*from, *from}; /* the last two word starts before anchor */
	uint32		p = *from;
	int			words = 0;

	/* find the start two words before the anchor */
	while (p < anchor)
	{
		while (p < anchor && isspace((unsigned char) text[p]))
			p++;
		if (p >= anchor)
			break;
		starts[0] = starts[1];
		starts[1] = p;
		while (p < anchor && !isspace((unsigned char) text[p]))
			p++;
	}
	p = anchor > *from ? starts[0] : *from;
	*from = p;
	/* then max_words words */
	while (p < *to && words < max_words)
	{
		while (p < *to && isspace((unsigned char) text[p]))
			p++;
		if (p >= *to)
			break;
		while (p < *to && !isspace((unsigned char) text[p]))
			p++;
		words++;
	}
	*to = p;
}

/* Orders fragments by marks (descending), then position. */
static int
cmp_fragment_rank(const void *a, const void *b)
{
	const Fragment *x = a,
			   *y = b;

	if (x->marks != y->marks)
		return x->marks > y->marks ? -1 : 1;
	return x->start < y->start ? -1 : (x->start > y->start);
}

/* Orders fragments by position. */
static int
cmp_fragment_position(const void *a, const void *b)
{
	const Fragment *x = a,
			   *y = b;

	return x->start < y->start ? -1 : (x->start > y->start);
}

/* diplomat.highlight(doc text, q newsquery, options text DEFAULT '') */
Datum
dip_highlight(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	NewsQuery  *q = PG_GETARG_NEWSQUERY_P(1);
	HighlightOptions o;
	NQResolved *res = nq_resolve_cached(fcinfo->flinfo, q);
	bool	   *pos = positive_items(q);
	DipgAnalysis ga;
	const DipMention **marks;
	int			nmarks = 0;
	Fragment   *frags;
	int			nfrag;
	int			nshow;
	StringInfoData buf;

	parse_options(PG_NARGS() > 2 ? text_to_cstring(PG_GETARG_TEXT_PP(2)) : "", &o);
	dipg_analysis_begin(&ga, doc, DIP_DATE_NONE, DIP_WANT_MENTIONS);
	marks = palloc(Max(ga.an.nm, 1) * sizeof(DipMention *));
	/* mentions come in document order and do not overlap */
	for (uint32 i = 0; i < ga.an.nm; i++)
	{
		const DipMention *m = &ga.an.m[i];
		const DipEnt *e;

		if (m->dropped || m->entity < 0)
			continue;
		e = &ga.an.ents[m->entity];
		if (entity_marked(q, res, pos, m->kind, e->name,
						  Min((int) e->namelen, ENTITY_MAX_NAME)) &&
			(nmarks == 0 || m->start >= marks[nmarks - 1]->start + marks[nmarks - 1]->len))
			marks[nmarks++] = m;
	}
	initStringInfo(&buf);
	if (o.all)
	{
		append_marked(&buf, ga.text, 0, ga.len, marks, nmarks, &o);
		dipg_analysis_end(&ga);
		PG_RETURN_TEXT_P(cstring_to_text_with_len(buf.data, buf.len));
	}
	frags = sentence_fragments(ga.text, ga.len, &nfrag);
	for (int i = 0, f = 0; i < nmarks && f < nfrag; i++)
	{
		while (f < nfrag && frags[f].end <= marks[i]->start)
			f++;
		if (f < nfrag && frags[f].start <= marks[i]->start)
		{
			frags[f].marks++;
			frags[f].first_mark = Min(frags[f].first_mark, marks[i]->start);
		}
	}
	if (nfrag > 1)
		qsort(frags, nfrag, sizeof(Fragment), cmp_fragment_rank);
	nshow = Min(nfrag, nmarks > 0 ? o.max_fragments : 1);
	while (nshow > 1 && frags[nshow - 1].marks == 0)
		nshow--;
	if (nshow > 1)
		qsort(frags, nshow, sizeof(Fragment), cmp_fragment_position);
	for (int i = 0; i < nshow; i++)
	{
		uint32		from = frags[i].start,
					to = frags[i].end;

		/* without marks, frags[0] is the first sentence: its start */
		word_window(ga.text, &from, &to,
					frags[i].marks > 0 ? frags[i].first_mark : from, o.max_words);
		if (i > 0)
			appendStringInfoString(&buf, o.delimiter);
		append_marked(&buf, ga.text, from, to, marks, nmarks, &o);
	}
	dipg_analysis_end(&ga);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf.data, buf.len));
}
