/*-------------------------------------------------------------------------
 *
 * dip.h
 *	  Public interface of the diplomat NLP engine, for the PostgreSQL glue
 *	  (src/pg), the tests and the tools.
 *
 * The engine is plain C99 plus ICU.  It never includes postgres.h, so it
 * can be unit-tested, fuzzed and benchmarked on its own; the PostgreSQL
 * glue in src/pg/ adapts it.  Its files follow the pipeline (see
 * doc/architecture.md); engine files include the headers of the stages
 * they use, never this one.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_H
#define DIP_H

#include "dip_arena.h"			/* memory */
#include "dip_normalize.h"		/* normalise */
#include "dip_segment.h"		/* segment */
#include "dip_calendar.h"		/* dates as days since 2000-01-01 */
#include "dip_cameo.h"			/* CAMEO codebook */
#include "dip_dict.h"			/* compiled dictionaries */
#include "dip_build.h"			/* dictionary builder */
#include "dip_model.h"			/* analysis data model */
#include "dip_analyze.h"		/* the driver */
#include "dip_date_expr.h"		/* date expressions */
#include "dip_recognise.h"		/* the recogniser's rules */
#include "dip_resolve.h"		/* actor codes at a date, resolution's rules */
#include "dip_actors.h"			/* the actor stage's rules */
#include "dip_events.h"			/* the event coder's rules */
#include "dip_topics.h"			/* topic weights */

#endif							/* DIP_H */
