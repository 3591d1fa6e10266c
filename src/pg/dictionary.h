/*-------------------------------------------------------------------------
 *
 * dictionary.h
 *	  The backend's compiled dictionaries.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIPLOMAT_DICTIONARY_H
#define DIPLOMAT_DICTIONARY_H

#include "dip_dict.h"

/* Registers the invalidation callback (from _PG_init). */
extern void dipg_dictionary_init(void);

/* The current dictionaries, loaded or compiled on first use. */
extern const DipDict *dipg_dictionary(void);

#endif							/* DIPLOMAT_DICTIONARY_H */
