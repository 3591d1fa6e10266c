/*
 * tsv.h
 *	  Loading the dictionary data files under data/ into an engine builder,
 *	  for the unit tests and command-line tools.  The extension itself
 *	  loads the same rows from its SQL tables.
 */
#ifndef TSV_H
#define TSV_H

#include "dip_build.h"

/* Adds every data file under dir; prints row errors; returns error count. */
extern int	tsv_load_all(DipBuilder *b, const char *dir, int verbose);

/* Builds and opens the dictionary from dir; exits on failure. */
extern void *tsv_build_dict(const char *dir, DipDict *d, int verbose);

extern char *tsv_read_file(const char *path, size_t *len);

#endif
