/*-------------------------------------------------------------------------
 *
 * dip_actors.h
 *	  The actors of a sentence for the event coder, and their place in
 *	  its clauses.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_ACTORS_H
#define DIP_ACTORS_H

#include "dip_sentence.h"

#define DIP_MAX_ACTORS	64

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
} DipActor;

/*
 * Collects the sentence's actors in token order, pronouns resolved to the
 * actors of earlier sentences, compounds ("X and Y") sharing a group.
 */
extern int	dip_actors_collect(DipSentCtx *sc, DipActor *ac);

/* Remembers the sentence's actors for the pronouns of later sentences. */
extern void dip_actors_remember(DipSentCtx *sc, DipActor *ac, int n);

/* Index of the actor starting at token i (after "the", "a"), or -1. */
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

#endif							/* DIP_ACTORS_H */
