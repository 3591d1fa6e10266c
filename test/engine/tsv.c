/*
 * tsv.c
 *	  Reads the TAB-separated dictionary files into a DipBuilder.
 */
#include "tsv.h"
#include "dip.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *
tsv_read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t) n + 1);
	if (fread(buf, 1, (size_t) n, f) != (size_t) n)
		n = 0;
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t) n;
	return buf;
}

#define MAXCOL 16

typedef struct Tsv
{
	char	   *buf;
	char	   *p;
	char	   *cols[MAXCOL];
	int			ncols;
	char	   *hdr[MAXCOL];
	int			nhdr;
	int			line;
	const char *path;
} Tsv;

static int
split(char *line, char **cols)
{
	int			n = 0;

	cols[n++] = line;
	for (char *c = line; *c; c++)
		if (*c == '\t' && n < MAXCOL)
		{
			*c = '\0';
			cols[n++] = c + 1;
		}
	return n;
}

static int
tsv_next(Tsv *t)
{
	while (*t->p)
	{
		char	   *line = t->p;
		char	   *nl = strchr(line, '\n');

		if (nl)
		{
			*nl = '\0';
			t->p = nl + 1;
		}
		else
			t->p = line + strlen(line);
		t->line++;
		if (nl && nl > line && nl[-1] == '\r')
			nl[-1] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (t->nhdr == 0)
		{
			t->nhdr = split(line, t->hdr);
			continue;
		}
		t->ncols = split(line, t->cols);
		return 1;
	}
	return 0;
}

static const char *
col(Tsv *t, const char *name)
{
	for (int i = 0; i < t->nhdr; i++)
		if (strcmp(t->hdr[i], name) == 0)
			return i < t->ncols ? t->cols[i] : "";
	return "";
}

static int32_t
date_or_none(const char *s)
{
	int32_t		d;

	if (s == NULL || s[0] == '\0' || !dip_date_parse(s, &d))
		return DIP_NO_DATE;
	return d;
}

typedef enum
{
	F_ENTITIES, F_OFFICES, F_ROLES, F_WORDS, F_GIVEN, F_SURNAMES, F_CUES,
	F_VERBS, F_PATTERNS, F_TOPICS, F_TERMS
} FileKind;

static int
load_file(DipBuilder *b, const char *path, FileKind kind, int verbose)
{
	Tsv			t = {0};
	int			errors = 0;

	t.buf = tsv_read_file(path, NULL);
	t.path = path;
	if (t.buf == NULL)
		return 0;
	t.p = t.buf;
	while (tsv_next(&t))
	{
		bool		ok = true;
		char		cls[64];

		switch (kind)
		{
			case F_ENTITIES:
				ok = dip_builder_add_entity(b, col(&t, "kind"), col(&t, "name"),
											col(&t, "country"), col(&t, "actor"),
											col(&t, "aliases"),
											date_or_none(col(&t, "valid_from")),
											date_or_none(col(&t, "valid_to")));
				break;
			case F_OFFICES:
				ok = dip_builder_add_office(b, col(&t, "person"), col(&t, "office"),
											col(&t, "title"), col(&t, "country"),
											col(&t, "actor"),
											date_or_none(col(&t, "start")),
											date_or_none(col(&t, "end")));
				break;
			case F_ROLES:
				ok = dip_builder_add_role(b, col(&t, "term"), col(&t, "role"),
										  col(&t, "use"), col(&t, "office"),
										  col(&t, "country"));
				break;
			case F_WORDS:
				ok = dip_builder_add_lexicon(b, col(&t, "word"), col(&t, "classes"));
				break;
			case F_GIVEN:
				ok = dip_builder_add_lexicon(b, col(&t, "name"), "GIVEN");
				break;
			case F_SURNAMES:
				snprintf(cls, sizeof(cls), "SURNAME%s",
						 strstr(col(&t, "origin"), "ambiguous") ? "|AMBIGUOUS" : "");
				ok = dip_builder_add_lexicon(b, col(&t, "name"), cls);
				break;
			case F_CUES:
				ok = dip_builder_add_lexicon(b, col(&t, "word"), col(&t, "cue"));
				break;
			case F_VERBS:
				ok = dip_builder_add_verb(b, col(&t, "lemma"), col(&t, "third_person"),
										  col(&t, "past"), col(&t, "past_participle"),
										  col(&t, "gerund"));
				break;
			case F_PATTERNS:
				ok = dip_builder_add_pattern(b, col(&t, "code"), col(&t, "pattern"));
				break;
			case F_TOPICS:
				ok = dip_builder_add_topic(b, col(&t, "key"), col(&t, "label"),
										   col(&t, "parent"));
				break;
			case F_TERMS:
				ok = dip_builder_add_term(b, col(&t, "topic"), col(&t, "term"),
										  atof(col(&t, "weight")));
				break;
		}
		if (!ok)
		{
			errors++;
			if (verbose)
				fprintf(stderr, "%s:%d: %s\n", path, t.line, dip_builder_error(b));
		}
	}
	free(t.buf);
	return errors;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Loads every file in dir whose name ends with suffix, in name order. */
static int
load_glob(DipBuilder *b, const char *dir, const char *suffix, FileKind kind, int verbose)
{
	DIR		   *d = opendir(dir);
	struct dirent *e;
	char	   *names[256];
	int			n = 0;
	int			errors = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL && n < 256)
	{
		size_t		l = strlen(e->d_name),
					sl = strlen(suffix);

		if (l > sl && strcmp(e->d_name + l - sl, suffix) == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(char *), cmpstr);
	for (int i = 0; i < n; i++)
	{
		char		path[4096];

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		errors += load_file(b, path, kind, verbose);
		free(names[i]);
	}
	return errors;
}

int
tsv_load_all(DipBuilder *b, const char *dir, int verbose)
{
	char		p[4096];
	int			errors = 0;

#define SUB(s) (snprintf(p, sizeof(p), "%s/%s", dir, s), p)
	errors += load_glob(b, SUB("gazetteer"), ".entities.tsv", F_ENTITIES, verbose);
	errors += load_glob(b, SUB("gazetteer"), ".offices.tsv", F_OFFICES, verbose);
	errors += load_file(b, SUB("lexicon/roles.tsv"), F_ROLES, verbose);
	errors += load_file(b, SUB("lexicon/words.tsv"), F_WORDS, verbose);
	errors += load_file(b, SUB("lexicon/given_names.tsv"), F_GIVEN, verbose);
	errors += load_file(b, SUB("lexicon/surnames.tsv"), F_SURNAMES, verbose);
	errors += load_file(b, SUB("lexicon/ner_cues.tsv"), F_CUES, verbose);
	errors += load_file(b, SUB("events/verbs.tsv"), F_VERBS, verbose);
	errors += load_file(b, SUB("events/patterns.tsv"), F_PATTERNS, verbose);
	errors += load_file(b, SUB("topics/topics.tsv"), F_TOPICS, verbose);
	errors += load_file(b, SUB("topics/terms.tsv"), F_TERMS, verbose);
#undef SUB
	return errors;
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
