/*-------------------------------------------------------------------------
 *
 * dip_analyze.h
 *	  The driver's API: analyse a document in one pass (entity mentions,
 *	  document entities, topics and events), reading the results from the
 *	  data model (dip_model.h).
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_ANALYZE_H
#define DIP_ANALYZE_H

#include "dip_model.h"

/*
 * Sets up an analysis against dictionary dict.  published (days since
 * 2000-01-01, or DIP_DATE_NONE) resolves relative dates and offices;
 * want is a mask of DIP_WANT_*.
 */
extern void dip_analysis_init(DipAnalysis *an, const DipMem *mem, const DipDict *dict,
							  int32_t published, int want);

/* Analyses text[0..len): fills an's mentions, entities, topics and events. */
extern void dip_analyze(DipAnalysis *an, const char *text, size_t len);

extern void dip_analysis_free(DipAnalysis *an);

#endif							/* DIP_ANALYZE_H */
