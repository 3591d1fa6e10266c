/*-------------------------------------------------------------------------
 *
 * dip_topics.c
 *	  Topics: the evidence for each topic in a document (its terms, phrases
 *	  and gazetteer entities), the named rules that set evidence aside,
 *	  and the topic weights computed from what remains.
 *
 * Each sentence records where its topic terms are and which name covers
 * them once the recogniser has run; at the end of each window of the
 * document (the whole of an article), when names are resolved, the
 * occurrences are judged (a word inside a company name is no evidence)
 * and folded into one piece of evidence per term; at the end of the
 * document the pieces are joined by the gazetteer entities and scored per
 * topic.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_topics.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The rules of the topic stage: evidence set aside or lowered */
static const DipRule term_in_name =
{"term_in_name", "a term inside the name of an organisation (unless its last words: Toronto Stock Exchange; or before a legal form: SPI PHARMACEUTICALS INC), a person or an unknown place, or a word (not an acronym) standing for another name (Travelers for Travelers Corp, Labour for the Labour Party), is no evidence: General Cinema"};
static const DipRule acronym_of_other_name =
{"acronym_of_other_name", "a term the document defines as the acronym of another name is no evidence: Canada Development Corp (CDC)"};
static const DipRule inside_longer_term =
{"inside_longer_term", "a term inside a longer term found at the same place adds nothing: narcotics in counter-narcotics"};
static const DipRule name_in_term =
{"name_in_term", "a name inside a term that counts adds nothing more to that term's topics: Ukraine in war in Ukraine"};
static const DipRule name_inferred =
{"name_inferred", "evidence from the name of a place or a person (a gazetteer entity, or a term that is the whole name: Red Sea, Stoltenberg) is inferred and ranks at half weight; an organisation named is explicit"};
static const DipRule weak_evidence =
{"weak_evidence", "a topic without an anchor (a term of weight 2 or more, or a strong name: NATO, North Korea) is absent unless three supporting terms (weight 1.5 or more), or two that add up to twice the minimum, speak for it; for a top-level subject, three ordinary terms (weight 1 or more) do, and so do two names of weight 1 or more (Russia and Ukraine)"};
static const DipRule lone_term =
{"lone_term", "in a document of more than 50 words, a topic whose only evidence is one term found once, of weight below 3, ranks at 0.4 of its weight: a secondary topic at most (a stray earnings)"};
static const DipRule lone_term_minor =
{"lone_term_minor", "a topic whose only evidence is a lone term is absent when its weight is below a quarter of the document's first topic: a stray word beside a well-supported subject (pensioners in a fraud story)"};
static const DipRule lone_term_off_subject =
{"lone_term_off_subject", "a sub-topic whose only evidence is a lone term is absent when its broader subject has no other evidence (no topic above it, and no other sub-topic of one, with more than a lone term) and the document has another subject: sanctioned (approved) a cut in an article on currency markets"};
static const DipRule parent_by_children =
{"parent_by_children", "a topic without evidence of its own, present through its sub-topics, ranks below each of them"};
static const DipRule lone_name =
{"lone_name", "a topic whose only evidence is one name mentioned once is absent: the Red Sea port of Jeddah"};

#ifndef Min
#define Min(a, b) ((a) < (b) ? (a) : (b))
#endif

/* evidence a topic needs to be present */
#define MIN_EVIDENCE 2.0
/* the weight of an anchor term, of a strong phrase and of a strong name */
#define ANCHOR_WEIGHT 2.0
#define SUPPORT_WEIGHT 1.5
#define STRONG_WEIGHT 3.0
/* a document this long or shorter may have a topic from one term */
#define SHORT_DOCUMENT 50
/* what a lone term counts for in the ranking */
#define LONE_SHARE 0.4
/* a lone term's topic below this share of the first topic is absent */
#define LONE_MINOR_SHARE 0.25f
/* what inferred evidence counts for in the ranking */
#define INFERRED_SHARE 0.5

/* One occurrence of a topic term. */
typedef struct TermOcc
{
	uint32_t	group;			/* DipTermGroup */
	uint32_t	start;			/* byte span in the document */
	uint32_t	len;
	uint16_t	ntok;			/* tokens */
	uint8_t		in_title;		/* inside a title (Foreign Minister) */
	uint8_t		caseless;		/* in a headline or a line in capitals */
	uint8_t		acronym;		/* one word in capitals in mixed-case text (IMF) */
	uint8_t		company_word;	/* followed by a legal form (Cinema Corp) */
	uint8_t		counts;			/* judged: the occurrence counts */
	uint8_t		name;			/* judged: the occurrence is a whole name */
	const DipRule *rule;		/* set aside by this rule, or NULL */
} TermOcc;

/* A mention of an entity inside a term occurrence of group group. */
typedef struct CoveredMention
{
	uint32_t	entity;
	uint32_t	group;
	uint32_t	count;			/* mentions */
} CoveredMention;

/* A piece of evidence: a term with all its occurrences, or an entity. */
typedef struct Piece
{
	uint8_t		kind;			/* DIP_EVIDENCE_TERM or _ENTITY */
	uint8_t		phrase;			/* a term of two words or more */
	uint8_t		name;			/* an entity, or a term that is a whole name */
	uint32_t	ref;			/* term group or DipEnt */
	uint32_t	count;			/* occurrences counted */
	uint32_t	ignored;		/* occurrences set aside */
	const DipRule *rule;		/* the rule that set them aside */
	uint32_t	start;			/* byte span of one occurrence */
	uint32_t	len;
} Piece;

/* The evidence of one topic. */
typedef struct TopicAcc
{
	double		terms;			/* from terms that are not names */
	double		names;			/* from entities and names: inferred */
	double		raw;			/* own evidence after the topic rules */
	double		ranked;			/* the same, inferred evidence lowered */
	double		total_raw;		/* with the sub-topics' shares */
	double		total;			/* ranked, with the sub-topics' shares */
	uint16_t	npieces;
	uint8_t		anchor;			/* an anchor term or a strong name */
	uint8_t		support;		/* supporting terms (weight 1.5 or more) */
	uint8_t		ordinary;		/* ordinary terms (weight 1 or more) */
	uint8_t		named;			/* names of weight 1 or more */
	uint8_t		repeated_term;	/* a term found more than once */
	uint8_t		strong_term;	/* a term of strong weight */
	uint8_t		repeated_name;	/* a name mentioned more than once */
	uint8_t		seen;			/* some evidence of its own, counted or not */
	const DipRule *rule;		/* the topic rule that applied */
} TopicAcc;

/* Occurrences (and covered mentions) kept before they are folded. */
#define FOLD_OCCURRENCES 4096

struct DipTopicState
{
	TermOcc    *occ;
	uint32_t	nocc;
	uint32_t	occcap;
	CoveredMention *covered;	/* entity mentions inside counted terms */
	uint32_t	ncovered;
	uint32_t	coveredcap;
	uint32_t   *acronyms;		/* term groups defined as acronyms */
	uint32_t	nacronyms;
	uint32_t	acronymcap;
	Piece	   *pieces;
	uint32_t	npieces;
	uint32_t	piececap;
	Piece	   *tpieces;		/* term pieces folded so far, by group */
	uint32_t	ntpieces;
	uint32_t	tpiececap;
	TopicAcc   *acc;			/* per dictionary topic */
	uint32_t	judged;			/* occurrences of the windows ended */
	uint32_t   *entcount;		/* counted mentions per DipEnt */
	uint32_t	entcountcap;
	bool		done;
};

/* Sets up the topic evidence of an analysis that wants topics. */
void
dip_topics_init(DipAnalysis *an)
{
	if ((an->want & DIP_WANT_TOPICS) && an->dict->hdr->ntopics > 0)
	{
		an->topics = dip_arena_alloc0(&an->arena, sizeof(struct DipTopicState));
		an->topics->acc = dip_arena_alloc0(&an->arena,
										   an->dict->hdr->ntopics * sizeof(TopicAcc));
	}
}

/* True if the span [first, first + n) lies in a title (Foreign Minister). */
static bool
inside_title(const DipSentCtx *sc, uint32_t first, uint32_t n)
{
	for (uint32_t r = first + 1; r-- > 0 && first - r < 8;)
		if (sc->role_len[r] > 0 && r + sc->role_len[r] >= first + n &&
			(sc->an->dict->roles[sc->role_ref[r]].use & DIP_ROLE_TITLE))
			return true;
	return false;
}

/*
 * True if the term at tokens [first, first + n) is a capitalised word of a
 * company's name: capitalised words up to a legal form (SPI
 * PHARMACEUTICALS INC, General Cinema Corp), which the recogniser may not
 * have seen in a headline or a line in capitals.
 */
static bool
before_legal_form(const DipSentCtx *sc, uint32_t first, uint32_t n)
{
	const DipToken *t = sc->t;

	if (!(t[first].flags & (DIP_TF_UPPER | DIP_TF_ALLCAPS)))
		return false;
	for (uint32_t q = first + n; q < sc->n && q < first + n + 4; q++)
	{
		if (t[q].type != DIP_TOK_WORD || !(t[q].flags & (DIP_TF_UPPER | DIP_TF_ALLCAPS)))
			return false;
		if (dip_tok_cue(sc, &t[q], CUE_LEGAL_FORM))
			return true;
	}
	return false;
}

/* True if term hit h lies inside a longer term hit of the sentence. */
static bool
inside_longer(const DipSentCtx *sc, const DipTermHit *h)
{
	for (uint32_t k = 0; k < sc->nterms; k++)
	{
		const DipTermHit *o = &sc->terms[k];

		if (o->ntok > h->ntok && o->first <= h->first &&
			o->first + o->ntok >= h->first + h->ntok)
			return true;
	}
	return false;
}

/*
 * True if the term at tokens [first, first + n) is an acronym in
 * parentheses right after a name that is not that acronym's: an acronym
 * the document defines (Canada Development Corp (CDC)).
 */
static bool
defined_acronym(const DipSentCtx *sc, uint32_t first, uint32_t n)
{
	const DipToken *t = sc->t;
	int32_t		before,
				self;

	if (first < 2 || first + n >= sc->n || !(t[first - 1].flags & DIP_TF_OPENQ) ||
		!(t[first + n].flags & DIP_TF_CLOSEQ) || !(t[first].flags & DIP_TF_ALLCAPS))
		return false;
	before = sc->tok_mention[first - 2];
	self = sc->tok_mention[first];
	return before >= 0 && (self < 0 || sc->an->m[before].entity != sc->an->m[self].entity);
}

/*
 * Records the topic terms of the sentence, after the recogniser: where
 * each is, judged at the end of its window when names are resolved.
 */
void
dip_topics_sentence(DipSentCtx *sc)
{
	struct DipTopicState *ts = sc->an->topics;

	if (ts == NULL)
		return;
	for (uint32_t k = 0; k < sc->nterms; k++)
	{
		const DipTermHit *h = &sc->terms[k];
		const DipToken *a = &sc->t[h->first];
		const DipToken *b = &sc->t[h->first + h->ntok - 1];
		TermOcc    *o;

		DIP_ARRAY_PUSH(&sc->an->arena, ts->occ, ts->nocc, ts->occcap, 32);
		o = &ts->occ[ts->nocc++];
		memset(o, 0, sizeof(*o));
		o->group = h->group;
		o->start = a->start;
		o->len = b->start + b->len - a->start;
		o->ntok = (uint16_t) h->ntok;
		o->in_title = inside_title(sc, h->first, h->ntok);
		o->caseless = sc->caseless;
		o->company_word = before_legal_form(sc, h->first, h->ntok);
		o->acronym = h->ntok == 1 && !sc->caseless && (a->flags & DIP_TF_ALLCAPS) != 0;
		if (inside_longer(sc, h))
			o->rule = &inside_longer_term;
		if (defined_acronym(sc, h->first, h->ntok))
		{
			DIP_ARRAY_PUSH(&sc->an->arena, ts->acronyms, ts->nacronyms, ts->acronymcap, 4);
			ts->acronyms[ts->nacronyms++] = h->group;
		}
	}
}

/* The entity a mention finally names, following aliases. */
static const DipEnt *
mention_entity(const DipAnalysis *an, const DipMention *m)
{
	const DipEnt *e;
	uint32_t	guard = 0;

	if (m->entity < 0)
		return NULL;
	e = &an->ents[m->entity];
	while (e->alias_of >= 0 && guard++ < an->nents)
		e = &an->ents[e->alias_of];
	return e;
}

/*
 * The mention whose span contains [start, start + len), or NULL; the
 * mentions are sorted by position and do not overlap once resolved.
 */
static const DipMention *
mention_at(const DipAnalysis *an, uint32_t start, uint32_t len)
{
	uint32_t	lo = 0,
				hi = an->nm;

	/* the last mention starting at or before start */
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (an->m[mid].start <= start)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	if (an->m[lo - 1].start + an->m[lo - 1].len >= start + len)
		return &an->m[lo - 1];
	return NULL;
}

/*
 * True if the words of text[0..len) end the name name[0..namelen), letters
 * and digits compared without case and white space skipped: what an
 * organisation is (Stock Exchange in Toronto Stock Exchange).
 */
static bool
name_ends_with(const char *name, uint32_t namelen, const char *text, uint32_t len)
{
	uint32_t	i = namelen,
				j = len;

	while (j > 0)
	{
		unsigned char a,
					b;

		if (text[j - 1] == ' ' || text[j - 1] == '\n' || text[j - 1] == '\t' || text[j - 1] == '\r')
		{
			j--;
			continue;
		}
		while (i > 0 && name[i - 1] == ' ')
			i--;
		if (i == 0)
			return false;
		a = (unsigned char) name[i - 1];
		b = (unsigned char) text[j - 1];
		if (a != b && !(a < 128 && b < 128 && (a | 0x20) == (b | 0x20) && (a | 0x20) >= 'a' &&
						(a | 0x20) <= 'z'))
			return false;
		i--;
		j--;
	}
	/* the name's last words begin where the term begins */
	return i == 0 || name[i - 1] == ' ' || name[i - 1] == '-';
}

/*
 * True if, in a headline or a line in capitals, the term at text[0..len)
 * is a word of the name of an organisation or a person that the document
 * names, other than its last words (CHANTAL PHARMACEUTICAL for Chantal
 * Pharmaceutical Corp): the line names it without the recogniser seeing it.
 */
static bool
in_document_name(const DipAnalysis *an, const char *text, uint32_t len)
{
	for (uint32_t i = 0; i < an->nents; i++)
	{
		const DipEnt *e = &an->ents[i];

		if (e->count == 0 || (e->kind != DIP_KIND_ORG && e->kind != DIP_KIND_PER) ||
			e->namelen <= len)
			continue;
		for (uint32_t k = 0; k + len < e->namelen; k++)
			if ((k == 0 || e->name[k - 1] == ' ') && e->name[k + len] == ' ' &&
				name_ends_with(e->name, k + len, text, len))
				return true;
	}
	return false;
}

/*
 * Judges an occurrence of the document text once its names are resolved:
 * the rule that sets it aside, or NULL when it counts; an occurrence that
 * is the whole name of a place or a person (Red Sea) is marked as such.
 */
static const DipRule *
judge_occurrence(const DipAnalysis *an, const struct DipTopicState *ts, TermOcc *o,
				 const char *text)
{
	const DipMention *m;
	const DipEnt *e;

	for (uint32_t k = 0; k < ts->nacronyms; k++)
		if (ts->acronyms[k] == o->group)
			return &acronym_of_other_name;
	if (o->rule != NULL || o->in_title)
		return o->rule;
	if (o->company_word)
		return &term_in_name;
	m = mention_at(an, o->start, o->len);
	e = m ? mention_entity(an, m) : NULL;
	if (e == NULL && o->caseless && in_document_name(an, text + o->start, o->len))
		return &term_in_name;
	if (e == NULL || m->kind == DIP_KIND_NORP || m->kind == DIP_KIND_DATE ||
		(o->caseless && m->how == DIP_HOW_GUESS))
		return NULL;
	if (m->start == o->start && m->len == o->len)
	{
		/* the whole mention, but standing for a longer name: Travelers */
		if (m->how != DIP_HOW_DICT && e->namelen > o->len)
			return &term_in_name;
		/* a word naming something else: Labour for the Labour Party */
		if (!o->acronym && !name_ends_with(e->name, e->namelen, text + o->start, o->len))
			return &term_in_name;
		/* a place or a person is inferred; an institution is explicit */
		o->name = m->kind != DIP_KIND_ORG;
		return NULL;
	}
	/* a word inside a known place is named in the text: Gaza City */
	if ((m->kind == DIP_KIND_GPE || m->kind == DIP_KIND_LOC) && e->dict >= 0)
		return NULL;
	/* the last words of an organisation's name say what it is */
	if (m->kind == DIP_KIND_ORG && name_ends_with(e->name, e->namelen, text + o->start, o->len))
		return NULL;
	return &term_in_name;
}

/* Orders occurrences by position, longer first. */
static int
cmp_occ_position(const void *a, const void *b)
{
	const TermOcc *x = a,
			   *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->len > y->len ? -1 : (x->len < y->len);
}

/*
 * The term group of a counted term occurrence of the window just ended
 * (from ts->judged on, sorted by position) that mention m lies in (Ukraine
 * in war in Ukraine), or -1.
 */
static int64_t
term_around_mention(const struct DipTopicState *ts, const DipMention *m)
{
	uint32_t	lo = ts->judged,
				hi = ts->nocc;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (ts->occ[mid].start <= m->start)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* terms are short: a few occurrences back suffice */
	for (uint32_t k = lo, seen = 0; k-- > ts->judged && seen < 16; seen++)
	{
		const TermOcc *o = &ts->occ[k];

		if (o->counts && o->start + o->len >= m->start + m->len)
			return o->group;
	}
	return -1;
}

/* Orders occurrences by term group, then by position. */
static int
cmp_occ(const void *a, const void *b)
{
	const TermOcc *x = a,
			   *y = b;

	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return x->start < y->start ? -1 : (x->start > y->start);
}

/* Adds a piece of evidence and returns it. */
static Piece *
add_piece(DipAnalysis *an, struct DipTopicState *ts, uint8_t kind, uint32_t ref)
{
	Piece	   *p;

	DIP_ARRAY_PUSH(&an->arena, ts->pieces, ts->npieces, ts->piececap, 32);
	p = &ts->pieces[ts->npieces++];
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->ref = ref;
	return p;
}

/* The term piece of o's group, added in group order if there is none. */
static Piece *
term_piece(DipAnalysis *an, struct DipTopicState *ts, const TermOcc *o)
{
	uint32_t	lo = 0,
				hi = ts->ntpieces;
	Piece	   *p;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (ts->tpieces[mid].ref < o->group)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ts->ntpieces && ts->tpieces[lo].ref == o->group)
		return &ts->tpieces[lo];
	DIP_ARRAY_PUSH(&an->arena, ts->tpieces, ts->ntpieces, ts->tpiececap, 32);
	memmove(&ts->tpieces[lo + 1], &ts->tpieces[lo], (ts->ntpieces - lo) * sizeof(Piece));
	ts->ntpieces++;
	p = &ts->tpieces[lo];
	memset(p, 0, sizeof(*p));
	p->kind = DIP_EVIDENCE_TERM;
	p->ref = o->group;
	p->phrase = o->ntok > 1;
	p->start = o->start;
	p->len = o->len;
	return p;
}

/*
 * Folds the judged occurrences into one piece per term (its occurrences
 * counted and set aside) and forgets them: a long document keeps one
 * piece per term, not every occurrence.
 */
static void
fold_occurrences(DipAnalysis *an, struct DipTopicState *ts)
{
	Piece	   *p = NULL;

	if (ts->nocc > 1)
		qsort(ts->occ, ts->nocc, sizeof(TermOcc), cmp_occ);
	for (uint32_t i = 0; i < ts->nocc; i++)
	{
		TermOcc    *o = &ts->occ[i];

		if (p == NULL || p->ref != o->group)
			p = term_piece(an, ts, o);
		if (!o->counts)
		{
			p->ignored++;
			p->rule = o->rule;
		}
		else if (p->count++ == 0)
		{
			/* show an occurrence that counted */
			p->start = o->start;
			p->len = o->len;
			p->name = o->name;
		}
		else
			p->name &= o->name;
	}
	ts->nocc = 0;
	ts->judged = 0;
}

/* Orders covered mentions by entity, then by term group. */
static int
cmp_covered(const void *a, const void *b)
{
	const CoveredMention *x = a,
			   *y = b;

	if (x->entity != y->entity)
		return x->entity < y->entity ? -1 : 1;
	return x->group < y->group ? -1 : (x->group > y->group);
}

/* Merges the covered mentions of the same entity and term group. */
static void
fold_covered(struct DipTopicState *ts)
{
	uint32_t	n = 0;

	if (ts->ncovered < 2)
		return;
	qsort(ts->covered, ts->ncovered, sizeof(CoveredMention), cmp_covered);
	for (uint32_t k = 0; k < ts->ncovered; k++)
	{
		if (n > 0 && ts->covered[n - 1].entity == ts->covered[k].entity &&
			ts->covered[n - 1].group == ts->covered[k].group)
			ts->covered[n - 1].count += ts->covered[k].count;
		else
			ts->covered[n++] = ts->covered[k];
	}
	ts->ncovered = n;
}

/*
 * Counts the mentions of the window just ended per gazetteer entity with
 * topic evidence; a mention inside a counted term is noted, so that it
 * adds nothing to the topics of that term (Ukraine in war in Ukraine).
 * The occurrences are sorted by position.
 */
static void
count_window_mentions(DipAnalysis *an, struct DipTopicState *ts)
{
	if (an->nents == 0)
		return;
	ts->entcount = dip_array_reserve0(&an->arena, ts->entcount, &ts->entcountcap, an->nents,
									  sizeof(uint32_t), 64);
	for (uint32_t m = 0; m < an->nm; m++)
	{
		const DipEnt *e = mention_entity(an, &an->m[m]);
		int64_t		g;

		if (e == NULL || e->dict < 0 || an->dict->entities[e->dict].topic_count == 0)
			continue;
		ts->entcount[e - an->ents]++;
		if ((g = term_around_mention(ts, &an->m[m])) >= 0)
		{
			DIP_ARRAY_PUSH(&an->arena, ts->covered, ts->ncovered, ts->coveredcap, 8);
			ts->covered[ts->ncovered].entity = (uint32_t) (e - an->ents);
			ts->covered[ts->ncovered].group = (uint32_t) g;
			ts->covered[ts->ncovered++].count = 1;
		}
	}
}

/* One piece per gazetteer entity with topic evidence, counting its mentions. */
static void
collect_entity_pieces(DipAnalysis *an, struct DipTopicState *ts)
{
	for (uint32_t e = 0; e < an->nents && e < ts->entcountcap; e++)
		if (ts->entcount[e] > 0)
		{
			Piece	   *p = add_piece(an, ts, DIP_EVIDENCE_ENTITY, e);

			p->count = ts->entcount[e];
			/* a place or a person is inferred; an institution is explicit */
			p->name = an->ents[e].kind != DIP_KIND_ORG;
		}
}

/*
 * The mentions of entity piece p that count for topic: those not inside
 * a term that supports the topic too.
 */
static uint32_t
entity_count_for(const DipAnalysis *an, const struct DipTopicState *ts, const Piece *p,
				 uint32_t topic)
{
	uint32_t	n = p->count;

	for (uint32_t k = 0; k < ts->ncovered; k++)
	{
		const DipTermGroup *g;

		if (ts->covered[k].entity != p->ref)
			continue;
		g = &an->dict->groups[ts->covered[k].group];
		for (uint32_t r = 0; r < g->count; r++)
			if (an->dict->termrefs[g->first + r].topic == topic)
			{
				n -= ts->covered[k].count;
				break;
			}
	}
	return n;
}

/* The topic evidence (term refs) of a piece: *n refs from the result. */
static const DipTermRef *
piece_refs(const DipAnalysis *an, const Piece *p, uint32_t *n)
{
	if (p->kind == DIP_EVIDENCE_TERM)
	{
		const DipTermGroup *g = &an->dict->groups[p->ref];

		*n = g->count;
		return &an->dict->termrefs[g->first];
	}
	else
	{
		const DipEntity *ge = &an->dict->entities[an->ents[p->ref].dict];

		*n = ge->topic_count;
		return &an->dict->termrefs[ge->topic_first];
	}
}

/* What n occurrences of evidence of weight w add: diminishing returns. */
static inline double
evidence_score(uint32_t n, double w)
{
	return n == 0 ? 0.0 : w * (1.0 + log((double) n));
}

/* The occurrences of piece p that count for topic. */
static inline uint32_t
piece_count(const DipAnalysis *an, const struct DipTopicState *ts, const Piece *p,
			uint32_t topic)
{
	return p->kind == DIP_EVIDENCE_ENTITY && ts->ncovered > 0 ?
		entity_count_for(an, ts, p, topic) : p->count;
}

/* Adds n occurrences of a piece's evidence for one of its topics (term ref r). */
static void
add_piece_to_topic(TopicAcc *a, const Piece *p, uint32_t n, const DipTermRef *r)
{
	double		v = evidence_score(n, r->weight);

	if (n == 0)
		return;
	if (p->name)
	{
		a->names += v;
		a->anchor |= r->weight >= STRONG_WEIGHT;
		if (r->weight >= 1.0 && a->named < 255)
			a->named++;
		a->repeated_name |= n > 1;
	}
	else
	{
		a->terms += v;
		a->anchor |= r->weight >= ANCHOR_WEIGHT;
		if (r->weight >= SUPPORT_WEIGHT && a->support < 255)
			a->support++;
		a->repeated_term |= n > 1;
		if (r->weight >= 1.0 && a->ordinary < 255)
			a->ordinary++;
		a->strong_term |= r->weight >= STRONG_WEIGHT;
	}
	a->npieces++;
}

/* Adds every piece's evidence to its topics. */
static void
add_pieces(DipAnalysis *an, struct DipTopicState *ts)
{
	for (uint32_t i = 0; i < ts->npieces; i++)
	{
		const Piece *p = &ts->pieces[i];
		uint32_t	n;
		const DipTermRef *refs = piece_refs(an, p, &n);

		if (p->count == 0)
			continue;
		for (uint32_t k = 0; k < n; k++)
			add_piece_to_topic(&ts->acc[refs[k].topic], p,
							   piece_count(an, ts, p, refs[k].topic), &refs[k]);
	}
}

/*
 * Applies the topic rules to a topic's own evidence: it needs an anchor
 * and more than one lone piece; inferred evidence ranks lower.
 */
static void
judge_topic(TopicAcc *a, bool top_level, bool short_doc)
{
	a->raw = a->terms + a->names;
	a->ranked = a->terms + a->names * INFERRED_SHARE;
	a->seen = a->raw > 0;
	if (a->raw == 0)
		return;
	if (!a->anchor && a->support < 3 && !(a->support == 2 && a->terms >= 2 * MIN_EVIDENCE) &&
		!(top_level && a->ordinary >= 3) && a->named < 2)
		a->rule = &weak_evidence;
	else if (a->npieces == 1 && a->names == 0 && !a->strong_term && !a->repeated_term &&
			 !short_doc)
	{
		/* a secondary topic at most */
		a->rule = &lone_term;
		a->ranked *= LONE_SHARE;
		return;
	}
	else if (a->npieces == 1 && a->terms == 0 && !a->repeated_name)
		a->rule = &lone_name;
	else
	{
		if (a->names > 0)
			a->rule = &name_inferred;
		return;
	}
	a->raw = a->ranked = 0;
}

/* True if topic is below topic ancestor (at any depth). */
static bool
topic_below(const DipDict *d, uint32_t topic, int32_t ancestor)
{
	uint32_t	depth = 0;

	for (int32_t p = d->topics[topic].parent; p >= 0 && depth++ < d->hdr->ntopics;
		 p = d->topics[p].parent)
		if (p == ancestor)
			return true;
	return false;
}

/*
 * True if the broader subject of sub-topic topic has other evidence in
 * the document, after the topic rules: a topic above it has evidence of
 * its own, or another of its sub-topics does (markets and central banks
 * under the economy).
 */
static bool
subject_supported(const DipDict *d, const struct DipTopicState *ts, uint32_t topic)
{
	uint32_t	depth = 0;

	for (int32_t p = d->topics[topic].parent; p >= 0 && depth++ < d->hdr->ntopics;
		 p = d->topics[p].parent)
	{
		if (ts->acc[p].raw > 0)
			return true;
		for (uint32_t j = 0; j < d->hdr->ntopics; j++)
			if (j != topic && ts->acc[j].raw > 0 && ts->acc[j].rule != &lone_term &&
				topic_below(d, j, p))
				return true;
	}
	return false;
}

/*
 * True if the document has a topic with more evidence than a lone term
 * outside the subject of topic: what it is about instead.
 */
static bool
other_subject(const DipDict *d, const struct DipTopicState *ts, uint32_t topic)
{
	for (uint32_t j = 0; j < d->hdr->ntopics; j++)
		if (j != topic && ts->acc[j].raw > 0 && ts->acc[j].rule != &lone_term &&
			!topic_below(d, topic, (int32_t) j))
			return true;
	return false;
}

/*
 * Judges the term occurrences of the window of the document just ended,
 * now that its names are resolved, and counts its entity mentions: the
 * driver calls it before it forgets the window's mentions.
 */
void
dip_topics_window(DipAnalysis *an, const char *text)
{
	struct DipTopicState *ts = an->topics;
	uint32_t	first;

	if (ts == NULL || ts->done)
		return;
	/* windows follow each other: sorting each keeps the whole sorted */
	first = ts->judged;
	if (ts->nocc - first > 1)
		qsort(ts->occ + first, ts->nocc - first, sizeof(TermOcc), cmp_occ_position);
	for (uint32_t i = first; i < ts->nocc; i++)
	{
		ts->occ[i].rule = judge_occurrence(an, ts, &ts->occ[i], text);
		ts->occ[i].counts = ts->occ[i].rule == NULL;
	}
	count_window_mentions(an, ts);
	ts->judged = ts->nocc;
	/* a long document keeps one piece per term, not every occurrence */
	if (ts->nocc >= FOLD_OCCURRENCES)
		fold_occurrences(an, ts);
	if (ts->ncovered >= FOLD_OCCURRENCES)
		fold_covered(ts);
}

/*
 * Scores the topics at the end of the document, after the last window:
 * collects the pieces of evidence, applies the topic rules and shares
 * each topic's evidence with its parents.
 */
void
dip_topics_document(DipAnalysis *an)
{
	struct DipTopicState *ts = an->topics;
	const DipDict *d = an->dict;
	uint32_t	nt;

	if (ts == NULL || ts->done)
		return;
	nt = d->hdr->ntopics;
	/* the gazetteer entities outside counted terms, then the terms */
	fold_occurrences(an, ts);
	collect_entity_pieces(an, ts);
	for (uint32_t i = 0; i < ts->ntpieces; i++)
	{
		DIP_ARRAY_PUSH(&an->arena, ts->pieces, ts->npieces, ts->piececap, 32);
		ts->pieces[ts->npieces++] = ts->tpieces[i];
	}
	add_pieces(an, ts);
	for (uint32_t i = 0; i < nt; i++)
		judge_topic(&ts->acc[i], d->topics[i].parent < 0, an->ntokens <= SHORT_DOCUMENT);
	for (uint32_t i = 0; i < nt; i++)
		if (ts->acc[i].rule == &lone_term && d->topics[i].parent >= 0 &&
			!subject_supported(d, ts, i) && other_subject(d, ts, i))
		{
			ts->acc[i].rule = &lone_term_off_subject;
			ts->acc[i].raw = ts->acc[i].ranked = 0;
		}
	/* a sub-topic adds half its evidence to its parent, a quarter above */
	for (uint32_t i = 0; i < nt; i++)
	{
		const TopicAcc *a = &ts->acc[i];
		int32_t		p = d->topics[i].parent;
		double		share = 0.5;
		uint32_t	depth = 0;

		ts->acc[i].total_raw += a->raw;
		ts->acc[i].total += a->ranked;
		while (a->raw > 0 && p >= 0 && depth++ < nt)
		{
			ts->acc[p].total_raw += a->raw * share;
			ts->acc[p].total += a->ranked * share;
			share *= 0.5;
			p = d->topics[p].parent;
		}
	}
	ts->done = true;
}

/* The weight of evidence s: squashed to (0, 1), never below 0.001. */
static inline float
squash(double s)
{
	float		w = (float) (s / (s + 4.0));

	return w < 0.001f ? 0.001f : w;
}

/*
 * A sub-topic that is present makes its parent present when the text has
 * some evidence of the parent too; a parent without
 * evidence of its own (or too little to be present by itself) ranks
 * below each of its sub-topics present: its weight is lowered under the
 * lightest of them, deepest topics first (three levels at most).
 */
static void
rank_parents_below_children(DipAnalysis *an, float *weights, double lenfactor)
{
	const struct DipTopicState *ts = an->topics;
	uint32_t	nt = an->dict->hdr->ntopics;
	float	   *lightest = dip_arena_alloc(&an->arena, nt * sizeof(float));

	/* a pass that changes nothing would change nothing again */
	for (int pass = 0, changed = 1; pass < 3 && changed; pass++)
	{
		changed = 0;
		for (uint32_t i = 0; i < nt; i++)
			lightest[i] = 2.0f;
		for (uint32_t i = 0; i < nt; i++)
		{
			int32_t		p = an->dict->topics[i].parent;

			if (p >= 0 && weights[i] > 0 && weights[i] < lightest[p])
				lightest[p] = weights[i];
		}
		for (uint32_t i = 0; i < nt; i++)
		{
			float		cap = lightest[i] * 0.9f < 0.001f ? 0.001f : lightest[i] * 0.9f;

			if (lightest[i] > 1.0f)
				continue;
			if (weights[i] == 0 && ts->acc[i].seen)
				weights[i] = Min(squash(ts->acc[i].total / lenfactor), cap);
			else if (ts->acc[i].ranked == 0 && weights[i] > cap)
				weights[i] = cap;
			else
				continue;
			changed = 1;
		}
	}
}

/*
 * Sets to 0 the weight of a topic whose only evidence is a lone term when
 * it is below a quarter of the heaviest topic's, and notes the rule (also
 * when called again for the same analysis).
 */
static void
drop_minor_lone_terms(DipAnalysis *an, float *weights)
{
	struct DipTopicState *ts = an->topics;
	uint32_t	nt = an->dict->hdr->ntopics;
	float		top = 0;

	for (uint32_t i = 0; i < nt; i++)
		if (weights[i] > top && ts->acc[i].rule != &lone_term_minor)
			top = weights[i];
	for (uint32_t i = 0; i < nt; i++)
		if ((ts->acc[i].rule == &lone_term && weights[i] > 0 &&
			 weights[i] < LONE_MINOR_SHARE * top) || ts->acc[i].rule == &lone_term_minor)
		{
			ts->acc[i].rule = &lone_term_minor;
			ts->acc[i].ranked = 0;
			weights[i] = 0;
		}
}

/*
 * Topic weights: the evidence per topic normalised by document length, so
 * that a long article does not score higher for being long, then squashed
 * to (0, 1).  Topics below a minimum of evidence get 0, unless a sub-topic
 * is present, and a topic with no evidence of its own ranks below its
 * sub-topics.
 */
uint32_t
dip_topic_weights(DipAnalysis *an, float *weights)
{
	const struct DipTopicState *ts = an->topics;
	uint32_t	nt = an->dict->hdr->ntopics;
	uint32_t	count = 0;
	double		lenfactor;

	if (ts == NULL || nt == 0)
		return 0;
	/* longer documents accumulate more evidence: damp by sqrt of length */
	lenfactor = sqrt((double) (an->ntokens > 100 ? an->ntokens : 100) / 100.0);
	for (uint32_t i = 0; i < nt; i++)
		weights[i] = ts->acc[i].total_raw < MIN_EVIDENCE ? 0 :
			squash(ts->acc[i].total / lenfactor);
	drop_minor_lone_terms(an, weights);
	rank_parents_below_children(an, weights, lenfactor);
	for (uint32_t i = 0; i < nt; i++)
		count += weights[i] > 0;
	return count;
}

/* Evidence rows by topic, then descending score. */
static int
cmp_evidence(const void *a, const void *b)
{
	const DipTopicEvidence *x = a,
			   *y = b;

	if (x->topic != y->topic)
		return x->topic < y->topic ? -1 : 1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->start < y->start ? -1 : (x->start > y->start);
}

/* Appends an evidence row. */
static DipTopicEvidence *
add_row(DipAnalysis *an, DipTopicEvidence **rows, uint32_t *n, uint32_t *cap)
{
	DipTopicEvidence *r;

	DIP_ARRAY_PUSH(&an->arena, *rows, *n, *cap, 32);
	r = &(*rows)[(*n)++];
	memset(r, 0, sizeof(*r));
	return r;
}

/* The evidence of every topic (see dip_topics.h). */
uint32_t
dip_topic_evidence(DipAnalysis *an, DipTopicEvidence **rows)
{
	struct DipTopicState *ts = an->topics;
	uint32_t	n = 0,
				cap = 0;

	*rows = NULL;
	if (ts == NULL)
		return 0;
	for (uint32_t i = 0; i < ts->npieces; i++)
	{
		const Piece *p = &ts->pieces[i];
		uint32_t	nref;
		const DipTermRef *refs = piece_refs(an, p, &nref);

		for (uint32_t k = 0; k < nref; k++)
		{
			DipTopicEvidence *r = add_row(an, rows, &n, &cap);

			r->topic = refs[k].topic;
			r->kind = p->kind;
			r->ref = p->kind == DIP_EVIDENCE_ENTITY ? p->ref : 0;
			r->start = p->start;
			r->len = p->len;
			r->count = p->count > 0 ? piece_count(an, ts, p, refs[k].topic) : p->ignored;
			r->score = p->count == 0 ? 0 :
				(float) (evidence_score(r->count, refs[k].weight) * (p->name ? INFERRED_SHARE : 1.0));
			if (ts->acc[refs[k].topic].ranked == 0)
				r->score = 0;
			else if (ts->acc[refs[k].topic].rule == &lone_term)
				r->score *= LONE_SHARE;
			if (p->count == 0)
				r->rule = p->rule;
			else if (r->count == 0)
				r->rule = &name_in_term;
			else if (ts->acc[refs[k].topic].rule != &name_inferred || p->name)
				r->rule = ts->acc[refs[k].topic].rule;
		}
	}
	for (uint32_t i = 0; i < an->dict->hdr->ntopics; i++)
	{
		int32_t		parent = an->dict->topics[i].parent;

		if (parent >= 0 && ts->acc[i].total > 0)
		{
			DipTopicEvidence *r = add_row(an, rows, &n, &cap);

			r->topic = (uint32_t) parent;
			r->kind = DIP_EVIDENCE_SUBTOPIC;
			r->ref = i;
			if (ts->acc[parent].ranked == 0)
				r->rule = &parent_by_children;
			r->score = (float) (ts->acc[i].total * 0.5);
		}
	}
	if (n > 1)
		qsort(*rows, n, sizeof(DipTopicEvidence), cmp_evidence);
	return n;
}

/* The k-th rule of the topic stage, or NULL past the last. */
const DipRule *
dip_topics_rule(int k)
{
	static const DipRule *const rules[] = {&inside_longer_term, &term_in_name,
	&acronym_of_other_name, &name_in_term, &name_inferred, &weak_evidence, &lone_term,
	&lone_term_off_subject, &lone_term_minor, &lone_name, &parent_by_children};
	static const DipRuleTable tables[] = {{rules, sizeof(rules) / sizeof(rules[0]), 0}};

	return dip_rule_in_tables(tables, 1, &k);
}
