/*
 * tsv.c
 *	  Loads the dictionary data files under data/ into an engine builder,
 *	  for the unit tests and command-line tools: the rows the shared loader
 *	  (tools/dictdata.c) reads, given to the builder the way the extension
 *	  gives it the rows of its tables (src/pg/dictionary.c).
 */
#include "tsv.h"
#include "dictdata.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct LoadState
{
	DipBuilder *b;
	int			errors;
	int			verbose;
} LoadState;

/* Days since 2000-01-01 of a date text, or DIP_NO_DATE. */
static int32_t
date_or_none(const char *s)
{
	int32_t		d;

	if (s == NULL || !dip_date_parse(s, &d))
		return DIP_NO_DATE;
	return d;
}

/* A value, "" for NULL. */
static const char *
nz(const char *s)
{
	return s ? s : "";
}

/* Adds one table row to the builder. */
static bool
add_row(DipBuilder *b, const DictRow *r)
{
	const char *const *v = r->val;
	const DictTable *t = r->table;

	if (t == &dict_gazetteer)
		return dip_builder_add_entity(b, nz(v[0]), nz(v[1]), nz(v[2]), nz(v[3]), nz(v[4]),
									  date_or_none(v[5]), date_or_none(v[6]));
	if (t == &dict_offices)
		return dip_builder_add_office(b, nz(v[0]), nz(v[1]), nz(v[2]), nz(v[3]), nz(v[4]),
									  date_or_none(v[5]), date_or_none(v[6]));
	if (t == &dict_roles)
		return dip_builder_add_role(b, nz(v[0]), nz(v[1]), nz(v[2]), nz(v[3]), nz(v[4]));
	if (t == &dict_lexicon)
		return dip_builder_add_lexicon(b, nz(v[0]), nz(v[1]), v[2]);
	if (t == &dict_verbs)
		return dip_builder_add_verb(b, nz(v[0]), nz(v[1]), nz(v[2]), nz(v[3]), nz(v[4]));
	if (t == &dict_patterns)
		return dip_builder_add_pattern(b, nz(v[0]), nz(v[1]));
	if (t == &dict_topic_defs)
		return dip_builder_add_topic(b, nz(v[0]), nz(v[1]), nz(v[2]));
	if (t == &dict_topic_terms)
		return dip_builder_add_term(b, nz(v[0]), nz(v[1]), atof(nz(v[2])));
	return false;
}

/* Passes a row to the builder, counting and reporting rejected ones. */
static void
load_row(const DictRow *r, void *arg)
{
	LoadState  *st = arg;

	if (r->line == 0 || add_row(st->b, r))
		return;
	st->errors++;
	if (st->verbose)
		fprintf(stderr, "%s:%d: %s\n", r->path, r->line, dip_builder_error(st->b));
}

int
tsv_load_all(DipBuilder *b, const char *dir, int verbose)
{
	LoadState	st = {b, 0, verbose};

	if (dict_read_all(dir, load_row, &st) <= 0)
		return 1;
	return st.errors;
}

char *
tsv_read_file(const char *path, size_t *len)
{
	return dict_read_file(path, len);
}

void *
tsv_build_dict(const char *dir, DipDict *d, int verbose)
{
	DipBuilder *b = dip_builder_new(&dip_malloc_mem);
	void	   *img;
	size_t		sz;
	const char *err;
	int			errors = tsv_load_all(b, dir, verbose);

	if (errors && verbose)
		fprintf(stderr, "%d dictionary rows rejected\n", errors);
	sz = dip_builder_finish(b, &img);
	if (sz == 0)
	{
		fprintf(stderr, "dictionary build failed: %s\n", dip_builder_error(b));
		exit(1);
	}
	dip_builder_free(b);
	err = dip_dict_open(d, img, sz);
	if (err)
	{
		fprintf(stderr, "dictionary open failed: %s\n", err);
		exit(1);
	}
	return img;
}
