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

/*
 * Analyses text[0..len) in windows of about window bytes (whole chunks,
 * DIP_WINDOW for the SQL functions), so that memory does not grow with the
 * document's mentions and events: after each window, its mentions are
 * resolved (names to the entities of the document so far, see
 * dip_resolve.h) and fn, if not NULL, is called with an holding the
 * window's mentions (sorted), events and actors, and the entities of the
 * document so far; then they are forgotten.  At the end, entity counts and
 * topics are the document's, and an holds the last window's mentions and
 * events.  A document within one window is analysed as dip_analyze does.
 */
typedef void (*DipWindowFn) (const DipAnalysis *an, void *arg);

#define DIP_WINDOW			(1024 * 1024)

/*
 * The most lower-case words and surnames a document remembers for later
 * sentences (DipAnalysis.lcset, .names): more than any article has, few
 * enough that a hostile document cannot grow them without bound.
 */
#define DIP_MAX_DOC_WORDS	(64 * 1024)

extern void dip_analyze_windows(DipAnalysis *an, const char *text, size_t len,
								size_t window, DipWindowFn fn, void *arg);

extern void dip_analysis_free(DipAnalysis *an);

#endif							/* DIP_ANALYZE_H */
