/*-------------------------------------------------------------------------
 *
 * dip_events.c
 *	  CAMEO event coding (placeholder until the events work lands).
 *
 *-------------------------------------------------------------------------
 */
#include "dip_nlp.h"

void
dip_events_sentence(DipSentCtx *sc)
{
	(void) sc;
}

void
dip_events_finish(DipAnalysis *an)
{
	(void) an;
}
