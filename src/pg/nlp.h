/*-------------------------------------------------------------------------
 *
 * nlp.h
 *	  Running the analysis engine from SQL functions.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIPLOMAT_NLP_H
#define DIPLOMAT_NLP_H

#include "diplomat.h"
#include "entities.h"

typedef struct DipgAnalysis
{
	MemoryContext cxt;
	DipMem		mem;
	const DipDict *dict;
	const char *text;
	size_t		len;
	DipAnalysis an;
} DipgAnalysis;

extern void dipg_analysis_begin(DipgAnalysis *ga, text *doc, int32 published, int want);
extern void dipg_analysis_stream(DipgAnalysis *ga, text *doc, int32 published, int want,
								 DipWindowFn fn, void *arg);
extern void dipg_analysis_end(DipgAnalysis *ga);
extern int32 dipg_published_arg(FunctionCallInfo fcinfo, int argno);
extern Entities *dipg_analysis_entities(DipgAnalysis *ga, bool with_topics);

#endif							/* DIPLOMAT_NLP_H */
