/*-------------------------------------------------------------------------
 *
 * dip_build.h
 *	  The dictionary builder: dictionary rows in, one flat image out.
 *
 * The extension feeds it the rows of its dictionary tables, the tests and
 * tools the same rows from the data files; dip_builder_finish() lays the
 * image out (dip_image.c) and dip_dict_open() opens it.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_BUILD_H
#define DIP_BUILD_H

#include "dip_dict.h"

typedef struct DipBuilder DipBuilder;

extern DipBuilder *dip_builder_new(const DipMem *mem);
extern void dip_builder_free(DipBuilder *b);

/*
 * Each add function returns true on success; on failure it returns false
 * and dip_builder_error() says why (the row is skipped).  Dates are days
 * since 2000-01-01; pass DIP_NO_DATE for none.
 */
extern bool dip_builder_add_entity(DipBuilder *b, const char *kind, const char *name,
								   const char *country, const char *actor,
								   const char *aliases, int32_t valid_from,
								   int32_t valid_to);
extern bool dip_builder_add_office(DipBuilder *b, const char *person, const char *office,
								   const char *title, const char *country,
								   const char *actor, int32_t start, int32_t end);
extern bool dip_builder_add_role(DipBuilder *b, const char *term, const char *role,
								 const char *use, const char *office,
								 const char *country);
extern bool dip_builder_add_lexicon(DipBuilder *b, const char *word, const char *classes,
									const char *value);
extern bool dip_builder_add_verb(DipBuilder *b, const char *lemma, const char *third,
								 const char *past, const char *participle,
								 const char *gerund);
extern bool dip_builder_add_pattern(DipBuilder *b, const char *code, const char *pattern);
extern bool dip_builder_add_topic(DipBuilder *b, const char *key, const char *label,
								  const char *parent);
extern bool dip_builder_add_term(DipBuilder *b, const char *topic, const char *term,
								 double weight);
extern const char *dip_builder_error(const DipBuilder *b);

/*
 * Compiles everything added so far into a flat image allocated with the
 * builder's DipMem.  Returns the image size; *image receives it.  Returns 0
 * and sets the error on failure.
 */
extern size_t dip_builder_finish(DipBuilder *b, void **image);

#endif							/* DIP_BUILD_H */
