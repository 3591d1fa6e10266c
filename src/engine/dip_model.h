/*-------------------------------------------------------------------------
 *
 * dip_model.h
 *	  The analysis data model: a document's entity mentions, entities,
 *	  topic evidence and events, as the stages fill them in and the glue
 *	  reads them.
 *
 * The driver's API (dip_analyze.h) runs the stages over a text; each stage
 * has its own header.  Like PostGIS's liblwgeom.h and
 * liblwgeom_internal.h, this header describes the data and
 * dip_sentence.h the stages' shared working state.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_MODEL_H
#define DIP_MODEL_H

#include "dip_calendar.h"
#include "dip_dict.h"
#include "dip_hash.h"

/*
 * A named rule of the recogniser, the resolver or the event coder.  Each
 * of those stages keeps its rules in tables that pair the name with the
 * function applying the rule; mentions() and events() report the names
 * of the rules that made each row.
 */
typedef struct DipRule
{
	const char *name;			/* lower case, unique in the engine */
	const char *description;	/* one line */
} DipRule;

/*
 * One table of a stage's rules: n entries of stride bytes each, each
 * starting with its DipRule; or, with stride 0, n pointers to DipRule.
 */
typedef struct DipRuleTable
{
	const void *rules;
	size_t		n;
	size_t		stride;
} DipRuleTable;

/*
 * The *k-th rule of the tables, counting across them in order; when *k is
 * past their end, NULL, with *k lowered by the number of their rules.
 */
extern const DipRule *dip_rule_in_tables(const DipRuleTable *tables, int ntables, int *k);

/* how a mention was recognised */
enum
{
	DIP_HOW_DICT = 1,			/* gazetteer alias */
	DIP_HOW_TITLE,				/* name after a title or honorific */
	DIP_HOW_RULE,				/* capitalised name with type evidence */
	DIP_HOW_GUESS,				/* capitalised name, type by default */
	DIP_HOW_ALIAS				/* earlier or later name in the document */
};
extern const char *dip_how_name(int how);

typedef struct DipMention
{
	uint32_t	start;			/* byte span in the document */
	uint32_t	len;
	uint32_t	cstart;			/* character span (0-based) */
	uint32_t	clen;
	uint32_t	sentence;		/* 1-based */
	int32_t		entity;			/* index in DipAnalysis.ents */
	uint8_t		kind;
	uint8_t		how;
	uint8_t		ntok;
	uint8_t		tentative;		/* sentence-initial, unconfirmed */
	uint8_t		dropped;
	uint8_t		weak;			/* no type evidence: dropped unless resolved */
	char		role[4];		/* CAMEO role from a title, or "" */
	uint8_t		office;			/* office named by that title */
	uint32_t	wid;			/* word id of a one-word mention */
	const DipRule *rule;		/* the rule that made the mention */
	/* an alias with the rule "context": 1 kept only where the document
	 * names the entity's country or the entity otherwise, else its
	 * fallback (nothing if -1); 2 kept because its sentence names it as a
	 * place, but no context for other mentions */
	uint8_t		conditional;
	uint8_t		fallback_how;
	uint8_t		fallback_weak;
	int32_t		fallback;		/* DipEnt index or -1 */
	const DipRule *fallback_rule;
} DipMention;

typedef struct DipEnt
{
	const char *name;			/* canonical name (arena) */
	uint32_t	namelen;
	uint8_t		kind;
	char		country[4];
	char		actor[20];
	char		role[4];
	int32_t		dict;			/* dictionary entity index or -1 */
	uint32_t	count;
	int32_t		alias_of;		/* another DipEnt this one is the same as */
	const char *norm;			/* normalised name, space separated (arena) */
	uint32_t	normlen;
	uint32_t	ntok;
	const char *last;			/* normalised last word */
	uint32_t	lastlen;
	const char *first;			/* normalised first word */
	uint32_t	firstlen;
	uint8_t		first_is_surname;
	uint8_t		best_how;		/* strongest DIP_HOW_* among its mentions */
} DipEnt;

/* events: see dip_events.c */
#define DIP_EVENT_RULES 8
typedef struct DipEvent
{
	int16_t		code;			/* packed CAMEO */
	int32_t		source;			/* DipActorRef index or -1 */
	int32_t		target;
	uint32_t	sentence;
	uint32_t	start;			/* byte span of the clause */
	uint32_t	len;
	uint32_t	cstart;
	uint32_t	clen;
	int32_t		location;		/* DipEnt index or -1 */
	int32_t		date;			/* days since 2000-01-01 or DIP_DATE_NONE */
	uint8_t		date_precision; /* DIP_PREC_* */
	uint8_t		negated;
	uint8_t		modality;		/* 0 factual, 1 intent/future */
	int32_t		pattern;		/* dictionary pattern index */
	uint32_t	anchor_cstart;	/* the pattern's words */
	uint32_t	anchor_clen;
	uint8_t		nrules;
	const DipRule *rules[DIP_EVENT_RULES];	/* the rules that coded it, in order */
	float		confidence;		/* in [0, 1], from the evidence (dip_events.c) */
	uint8_t		bare_statement; /* a bare statement (X said), rule statement */
} DipEvent;

typedef struct DipActorRef
{
	int32_t		entity;			/* DipEnt index or -1 (agent only) */
	char		code[20];		/* CAMEO actor code, or "" */
	const char *name;			/* display name (entity name or agent) */
	uint32_t	namelen;
} DipActorRef;

/* what an analysis computes (DipAnalysis.want) */
#define DIP_WANT_MENTIONS	1
#define DIP_WANT_TOPICS		2
#define DIP_WANT_EVENTS		4

typedef struct DipAnalysis
{
	const DipDict *dict;
	int32_t		published;		/* DIP_DATE_NONE if unknown */
	int			want;
	DipArena	arena;			/* document lifetime */

	DipMention *m;
	uint32_t	nm;
	uint32_t	mcap;
	DipEnt	   *ents;
	uint32_t	nents;
	uint32_t	entcap;
	uint32_t   *enthash;		/* (kind,name) -> ent+1 */
	uint32_t	enthash_size;

	/* lower-case unknown words seen, to reject capitalised common words */
	DipStrMap	lcset;

	/* surnames of people named in full so far: word -> DipEnt (-2 if
	 * ambiguous), so later "Blinken" resolves at once */
	DipStrMap	names;

	/* short names of companies named so far: "borg-warner", "reynolds" ->
	 * DipEnt (-2 if ambiguous), so later "Borg-Warner" is the company */
	DipStrMap	orgnames;

	/* caseless sentences (headlines, all caps) for the alias pass */
	uint32_t   *caseless;		/* triples: byte start, byte len, sentence */
	uint32_t	ncaseless;
	uint32_t	caselesscap;

	/* topics: the evidence found and the weights (dip_topics.c) */
	struct DipTopicState *topics;

	/* events */
	DipEvent   *ev;
	uint32_t	nev;
	uint32_t	evcap;
	DipActorRef *actors;
	uint32_t	nactors;
	uint32_t	actorcap;
	int32_t		lead_date;		/* first explicit date in the lead */
	uint8_t		lead_date_prec;
	int32_t		dateline_place; /* DipEnt of the dateline, or -1 */
	void	   *evstate;		/* event coder's document state */

	/* statistics */
	uint64_t	ntokens;
	uint32_t	nsentences;
} DipAnalysis;

#endif							/* DIP_MODEL_H */
