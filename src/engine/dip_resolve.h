/*-------------------------------------------------------------------------
 *
 * dip_resolve.h
 *	  Resolve: mentions to entities across the document, and entities to
 *	  actor codes at a date.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_RESOLVE_H
#define DIP_RESOLVE_H

#include "dip_model.h"

/*
 * Resolves the mentions of the document (or of the window of it that the
 * driver analysed, see dip_analyze.h); text is the document.
 */
extern void dip_resolve_document(DipAnalysis *an, const char *text);

/* The k-th rule of resolution, or NULL past the last. */
extern const DipRule *dip_resolve_rule(int k);

/*
 * Actor code of entity e at date (DIP_DATE_NONE if unknown) into buf (at
 * least 20 bytes); returns buf.
 */
extern const char *dip_ent_actor_at(const DipAnalysis *an, const DipEnt *e, int32_t date,
									char *buf);

/*
 * The gazetteer person who held office (DIP_OFFICE_*) of country (ISO
 * alpha-3) at date: a dictionary entity index, or -1 when the offices
 * know nobody, or several people, in it that day.
 */
extern int32_t dip_office_holder(const DipDict *d, int office, const char *country,
								 int32_t date);

#endif							/* DIP_RESOLVE_H */
