/*-------------------------------------------------------------------------
 *
 * dip_actors.h
 *	  The actors of a sentence for the event coder, their countries, and
 *	  their place in its clauses.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_ACTORS_H
#define DIP_ACTORS_H

#include "dip_sentence.h"

#define DIP_MAX_ACTORS	64

/* the actor rules that shaped one actor, at most */
#define DIP_ACTOR_RULES 3

/*
 * Where an actor's country comes from (DipActor.country_from).  The last
 * three are guesses from outside the actor's own words: an event coder
 * may trust them less.
 */
enum
{
	DIP_AC_NONE = 0,			/* no country: unknown, or an international actor */
	DIP_AC_NAMED,				/* its own words: China, Chinese officials, Wang Yi */
	DIP_AC_TEXT,				/* the words around it: of or in X, an apposition,
								 * a possessive, a pronoun's antecedent */
	DIP_AC_DATELINE,			/* the dateline's country */
	DIP_AC_PLACE,				/* the country of the place the sentence names */
	DIP_AC_DOCUMENT				/* the country the document names most */
};

/* An actor of a sentence */
typedef struct DipActor
{
	uint32_t	a;				/* token span */
	uint32_t	b;
	int32_t		ent;			/* DipEnt or -1 */
	char		code[20];
	const char *name;
	uint32_t	namelen;
	int			group;			/* compound group */
	uint8_t		kind;
	bool		pronoun;
	bool		agent;			/* an agent noun phrase (officials, China's
								 * military), not an entity by its name */
	uint8_t		country_from;	/* DIP_AC_*: where its country comes from */
	uint8_t		office;			/* the office its title names (DIP_OFFICE_*), or 0 */
	bool		dropped;		/* merged into another actor, or no actor */
	int16_t		ante;			/* a pronoun's antecedent in the sentence, or -1 */
	uint8_t		nrules;
	const DipRule *rules[DIP_ACTOR_RULES];	/* the actor rules that gave it its
											 * country, resolved it or merged it */
} DipActor;

/* True if the actor's country is a guess (dateline, place, document). */
static inline bool
dip_actor_country_guessed(const DipActor *x)
{
	return x->country_from >= DIP_AC_DATELINE;
}

/*
 * Collects the sentence's actors in token order: pronouns resolved to
 * their antecedents, compounds ("X and Y") sharing a group, countries
 * given where the text gives them (see the actor rules in dip_actors.c).
 */
extern int	dip_actors_collect(DipSentCtx *sc, DipActor *ac);

/* Remembers the sentence's actors for the pronouns of later sentences. */
extern void dip_actors_remember(DipSentCtx *sc, DipActor *ac, int n);

/*
 * Index of the actor starting at token i (after "the", "a", a number or
 * a quantity: "two al-Shabaab members"), or -1.
 */
extern int	dip_actor_at(const DipSentCtx *sc, DipActor *ac, int n, uint32_t i);

/* End token of the compound group that starts with actor k. */
extern uint32_t dip_actor_group_end(DipActor *ac, int n, int k);

/* True if a preposition governs the actor: not a subject. */
extern bool dip_actor_governed(const DipSentCtx *sc, const DipActor *x);

/* The subject of the verb at token v, or -1. */
extern int	dip_actor_subject(const DipSentCtx *sc, DipActor *ac, int n, uint32_t v);

/* The first actor after token j within the clause and maxdist tokens, or -1. */
extern int	dip_actor_object(const DipSentCtx *sc, DipActor *ac, int n, uint32_t j,
							 uint32_t maxdist);

/*
 * The first actor after token j within the clause and maxdist tokens that
 * may be a target of source src (an actor index, or -1 for any): not src's
 * own side, not a place after in, at, near; or -1.
 */
extern int	dip_actor_target(const DipSentCtx *sc, DipActor *ac, int n, int src, uint32_t j,
							 uint32_t maxdist);

/*
 * True if actor y may be the target of a statement by x: another actor,
 * not x's side (dip_actor_same_side) nor of x's code, not of x's country
 * where one of them is the bare country ("Xi said China was ready"), not
 * a place after in, at, near.
 */
extern bool dip_actor_fits_target(const DipSentCtx *sc, const DipActor *x, const DipActor *y);

/*
 * True if x and y are one side: the same entity, or (unless both are
 * people named) the same code, or the same country in the same role
 * (ZAFGOV and ZAFGOV; not ZAFGOV and ZAFOPP, nor ZAFGOV and ZAF, which a
 * government may act on).
 */
extern bool dip_actor_same_side(const DipActor *x, const DipActor *y);

/* The k-th rule of the actor stage, or NULL past the last. */
extern const DipRule *dip_actors_rule(int k);

#endif							/* DIP_ACTORS_H */
