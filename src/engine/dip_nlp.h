/*-------------------------------------------------------------------------
 *
 * dip_nlp.h
 *	  Document analysis: entity mentions, document entities, topics and
 *	  events, computed in one pass over the text.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_NLP_H
#define DIP_NLP_H

#include "dip.h"
#include "dip_dict.h"
#include "dip_hash.h"

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
} DipEvent;

typedef struct DipActorRef
{
	int32_t		entity;			/* DipEnt index or -1 (agent only) */
	char		code[20];		/* CAMEO actor code, or "" */
	const char *name;			/* display name (entity name or agent) */
	uint32_t	namelen;
} DipActorRef;

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

	/* caseless sentences (headlines, all caps) for the alias pass */
	uint32_t   *caseless;		/* pairs: byte start, byte len */
	uint32_t	ncaseless;
	uint32_t	caselesscap;
	uint32_t   *caseless_sent;

	/* topics */
	double	   *topic_raw;		/* evidence per dictionary topic */

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

extern void dip_analysis_init(DipAnalysis *an, const DipMem *mem, const DipDict *dict,
							  int32_t published, int want);
extern void dip_analyze(DipAnalysis *an, const char *text, size_t len);
extern void dip_analysis_free(DipAnalysis *an);

/* Topic weights after analysis: fills weights[ntopics]; returns count > 0. */
extern uint32_t dip_topic_weights(const DipAnalysis *an, float *weights);

/* Internal: shared between dip_ner.c, dip_events.c and dip_topics.c */
typedef struct DipSentCtx
{
	DipAnalysis *an;
	DipDoc	   *doc;
	DipSentence *sent;
	DipToken   *t;				/* first token of the sentence */
	uint32_t	n;				/* tokens */
	bool		caseless;
	/* per-token dictionary matches */
	uint16_t   *ent_len;
	int32_t    *ent_ref;
	uint16_t   *role_len;
	int32_t    *role_ref;
	/* mention index covering each token, -1 if none */
	int32_t    *tok_mention;
	/* pattern anchors found: (token, pattern) pairs */
	uint32_t   *anchors;
	uint32_t	nanchors;
	uint32_t	first_mention;	/* an->nm when the sentence began */
	/* date expressions of the sentence (past reading), found once */
	struct DipDateExpr *dates;
	int			ndates;			/* -1 until computed */
} DipSentCtx;

extern int	dip_sentence_dates(DipSentCtx *sc);

extern void dip_ner_sentence(DipSentCtx *sc);
extern void dip_ner_finish(DipAnalysis *an, const char *text);
extern void dip_events_sentence(DipSentCtx *sc);
extern void dip_events_finish(DipAnalysis *an);
extern int32_t dip_ent_add(DipAnalysis *an, int kind, const char *name, size_t len,
						   int32_t dict);
extern const char *dip_ent_actor_at(const DipAnalysis *an, const DipEnt *e, int32_t date,
									char *buf);

#endif							/* DIP_NLP_H */
