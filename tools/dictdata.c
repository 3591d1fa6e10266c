/*-------------------------------------------------------------------------
 *
 * dictdata.c
 *	  Reading the dictionary data files as rows of the extension's
 *	  dictionary tables (see dictdata.h).  This is the one place that says
 *	  which file fills which table and how its columns map.
 *
 *-------------------------------------------------------------------------
 */
#include "dictdata.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const DictTable dict_gazetteer = {"gazetteer", 8,
	{"kind", "name", "country", "actor", "aliases", "valid_from", "valid_to", "note"},
{DT_TEXT, DT_TEXT, DT_TEXT_OR_NULL, DT_TEXT_OR_NULL, DT_LIST, DT_DATE, DT_DATE, DT_TEXT_OR_NULL}, 0};
const DictTable dict_offices = {"offices", 8,
	{"person", "office", "title", "country", "actor", "start_date", "end_date", "note"},
{DT_TEXT, DT_TEXT, DT_TEXT_OR_NULL, DT_TEXT_OR_NULL, DT_TEXT_OR_NULL, DT_DATE, DT_DATE, DT_TEXT_OR_NULL}, 0};
const DictTable dict_roles = {"roles", 6,
	{"term", "role", "use", "office", "country", "note"},
{DT_TEXT, DT_TEXT_OR_NULL, DT_TEXT, DT_TEXT_OR_NULL, DT_TEXT_OR_NULL, DT_TEXT_OR_NULL}, 0};
const DictTable dict_lexicon = {"lexicon", 3, {"word", "class", "value"},
{DT_TEXT, DT_TEXT, DT_TEXT_OR_NULL}, 0};
const DictTable dict_verbs = {"verbs", 5,
	{"lemma", "third_person", "past", "past_participle", "gerund"},
{DT_TEXT, DT_TEXT, DT_TEXT, DT_TEXT, DT_TEXT}, 0};
const DictTable dict_patterns = {"patterns", 3, {"code", "pattern", "note"},
{DT_TEXT, DT_TEXT, DT_TEXT_OR_NULL}, 0};
const DictTable dict_topic_defs = {"topic_defs", 5,
	{"key", "label", "parent", "iptc", "description"},
{DT_TEXT, DT_TEXT, DT_TEXT_OR_NULL, DT_TEXT_OR_NULL, DT_TEXT_OR_NULL}, 0};
const DictTable dict_topic_terms = {"topic_terms", 3, {"topic", "term", "weight"},
{DT_TEXT, DT_TEXT, DT_NUMBER}, 0};
const DictTable dict_country_regions = {"country_regions", 8,
	{"code", "m49", "name", "region", "subregion", "intermediate_region", "status", "note"},
	{DT_TEXT, DT_TEXT_OR_NULL, DT_TEXT, DT_TEXT_OR_NULL, DT_TEXT_OR_NULL, DT_TEXT_OR_NULL,
DT_TEXT, DT_TEXT_OR_NULL}, 1};
const DictTable dict_cameo_plover = {"cameo_plover", 4,
	{"code", "event", "mode", "context"},
{DT_TEXT, DT_TEXT, DT_TEXT_OR_NULL, DT_TEXT_OR_NULL}, 1};

#define MAXCOL 16

/* A data file being read */
typedef struct TsvFile
{
	const char *path;
	char	   *buf;
	char	   *p;
	int			line;
	char	   *hdr[MAXCOL];
	int			nhdr;
	char	   *cols[MAXCOL];
	int			ncols;
	/* keys of the rows made so far, for files whose rows must be unique */
	char	  **seen;
	size_t		nseen;
	size_t		seensize;
	const DictTable *table;		/* the table the file fills */
	DictRowFn	fn;
	void	   *arg;
} TsvFile;

/* Reads a whole file into a NUL-terminated buffer, or NULL. */
char *
dict_read_file(const char *path, size_t *len)
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
	if (buf == NULL || fread(buf, 1, (size_t) n, f) != (size_t) n)
		n = 0;
	if (buf != NULL)
		buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t) n;
	return buf;
}

/* Splits a line at its tabs; returns the number of columns. */
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

/* The next data line (the header line is read first); false at the end. */
static bool
next_line(TsvFile *f)
{
	while (*f->p)
	{
		char	   *line = f->p;
		char	   *nl = strchr(line, '\n');

		if (nl)
		{
			*nl = '\0';
			f->p = nl + 1;
		}
		else
			f->p = line + strlen(line);
		f->line++;
		if (nl && nl > line && nl[-1] == '\r')
			nl[-1] = '\0';
		if (line[0] == '#' || line[strspn(line, " \t")] == '\0')
			continue;
		if (f->nhdr == 0)
		{
			f->nhdr = split(line, f->hdr);
			continue;
		}
		f->ncols = split(line, f->cols);
		return true;
	}
	return false;
}

/* The value of the named column in the current line, "" if none. */
static const char *
col(const TsvFile *f, const char *name)
{
	for (int i = 0; i < f->nhdr; i++)
		if (strcmp(f->hdr[i], name) == 0)
			return i < f->ncols ? f->cols[i] : "";
	return "";
}

/* True if s is a date YYYY-MM-DD (digits and dashes; the builder checks it). */
static bool
is_date(const char *s)
{
	if (strlen(s) != 10)
		return false;
	for (int i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

/* Passes a row of table t with the given values to the callback. */
static void
emit(TsvFile *f, const DictTable *t, const char *const *vals)
{
	DictRow		row;

	row.table = t;
	row.path = f->path;
	row.line = f->line;
	for (int i = 0; i < t->ncols; i++)
	{
		const char *v = vals[i] ? vals[i] : "";

		row.val[i] = v;
		if ((t->types[i] == DT_TEXT_OR_NULL && v[0] == '\0') ||
			(t->types[i] == DT_DATE && !is_date(v)))
			row.val[i] = NULL;
	}
	f->fn(&row, f->arg);
}

/* True the first time key a (+ b) is seen in this file. */
static bool
first_time(TsvFile *f, const char *a, const char *b)
{
	size_t		la = strlen(a),
				lb = b ? strlen(b) : 0;
	char	   *key = malloc(la + lb + 2);
	unsigned long h = 5381;
	size_t		slot;

	memcpy(key, a, la);
	key[la] = '\t';
	if (b)
		memcpy(key + la + 1, b, lb);
	key[la + 1 + lb] = '\0';
	if (f->nseen * 2 >= f->seensize)
	{
		size_t		nsize = f->seensize ? f->seensize * 2 : 1024;
		char	  **ns = calloc(nsize, sizeof(char *));

		for (size_t i = 0; i < f->seensize; i++)
			if (f->seen[i])
			{
				unsigned long hh = 5381;

				for (const char *c = f->seen[i]; *c; c++)
					hh = hh * 33 + (unsigned char) *c;
				for (slot = hh % nsize; ns[slot]; slot = (slot + 1) % nsize)
					;
				ns[slot] = f->seen[i];
			}
		free(f->seen);
		f->seen = ns;
		f->seensize = nsize;
	}
	for (const char *c = key; *c; c++)
		h = h * 33 + (unsigned char) *c;
	for (slot = h % f->seensize; f->seen[slot]; slot = (slot + 1) % f->seensize)
		if (strcmp(f->seen[slot], key) == 0)
		{
			free(key);
			return false;
		}
	f->seen[slot] = key;
	f->nseen++;
	return true;
}

/* The columns of a table, taken from the file's columns of the same names. */
static void
same_names(TsvFile *f, const DictTable *t, const char *const *file_cols)
{
	const char *vals[DICT_MAX_COLS];

	for (int i = 0; i < t->ncols; i++)
		vals[i] = col(f, file_cols ? file_cols[i] : t->cols[i]);
	emit(f, t, vals);
}

/*
 * cameo/plover.tsv: the CAMEO to PLOVER map, which lists a few codes twice
 * (08 as CONCEDE and as RETREAT): the first row of a code is kept.
 */
static void
plover_rows(TsvFile *f)
{
	static const char *const file_cols[] = {
		"cameo_code", "plover_event", "plover_mode", "plover_context"
	};

	if (first_time(f, col(f, "cameo_code"), NULL))
		same_names(f, &dict_cameo_plover, file_cols);
}

/* One row per line, the columns named as the table's (most files). */
static void
table_rows(TsvFile *f)
{
	same_names(f, f->table, NULL);
}

/* gazetteer/NAME.offices.tsv: "start" and "end" are start_date and end_date. */
static void
office_rows(TsvFile *f)
{
	static const char *const file_cols[] = {
		"person", "office", "title", "country", "actor", "start", "end", "note"
	};

	same_names(f, &dict_offices, file_cols);
}

/* lexicon/words.tsv: a word with |-separated classes, one row per class. */
static void
word_rows(TsvFile *f)
{
	const char *classes = col(f, "classes");

	while (*classes)
	{
		const char *bar = strchr(classes, '|');
		size_t		l = bar ? (size_t) (bar - classes) : strlen(classes);
		char		cls[64];
		const char *vals[3];

		if (l > 0 && l < sizeof(cls))
		{
			memcpy(cls, classes, l);
			cls[l] = '\0';
			vals[0] = col(f, "word");
			vals[1] = cls;
			vals[2] = NULL;
			emit(f, &dict_lexicon, vals);
		}
		classes += l;
		if (*classes == '|')
			classes++;
	}
}

/* lexicon/given_names.tsv: each name once, class GIVEN. */
static void
given_name_rows(TsvFile *f)
{
	const char *vals[3] = {col(f, "name"), "GIVEN", NULL};

	if (first_time(f, vals[0], NULL))
		emit(f, &dict_lexicon, vals);
}

/* lexicon/surnames.tsv: each name once, SURNAME, and AMBIGUOUS if tagged so. */
static void
surname_rows(TsvFile *f)
{
	const char *vals[3] = {col(f, "name"), "SURNAME", NULL};

	if (!first_time(f, vals[0], NULL))
		return;
	emit(f, &dict_lexicon, vals);
	if (strstr(col(f, "origin"), "ambiguous"))
	{
		vals[1] = "AMBIGUOUS";
		emit(f, &dict_lexicon, vals);
	}
}

/* lexicon/ner_cues.tsv: each (word, cue) once. */
static void
cue_rows(TsvFile *f)
{
	const char *vals[3] = {col(f, "word"), col(f, "cue"), NULL};

	if (first_time(f, vals[0], vals[1]))
		emit(f, &dict_lexicon, vals);
}

/* lexicon/rule_words.tsv: each (word, class) once, with its value. */
static void
rule_word_rows(TsvFile *f)
{
	const char *vals[3] = {col(f, "word"), col(f, "class"), col(f, "value")};

	if (first_time(f, vals[0], vals[1]))
		emit(f, &dict_lexicon, vals);
}

/*
 * The data files, in the order they are read: a path under the data
 * directory, or a directory and the suffix of its files (read in name
 * order), the table they fill, and the function making its rows.
 */
static const struct
{
	const char *path;
	const char *suffix;			/* NULL: path is a file */
	const DictTable *table;
	void		(*rows) (TsvFile *f);
}			files[] = {
	{"gazetteer", ".entities.tsv", &dict_gazetteer, table_rows},
	{"gazetteer", ".offices.tsv", &dict_offices, office_rows},
	{"lexicon/roles.tsv", NULL, &dict_roles, table_rows},
	{"lexicon/words.tsv", NULL, &dict_lexicon, word_rows},
	{"lexicon/given_names.tsv", NULL, &dict_lexicon, given_name_rows},
	{"lexicon/surnames.tsv", NULL, &dict_lexicon, surname_rows},
	{"lexicon/ner_cues.tsv", NULL, &dict_lexicon, cue_rows},
	{"lexicon/rule_words.tsv", NULL, &dict_lexicon, rule_word_rows},
	{"events/verbs.tsv", NULL, &dict_verbs, table_rows},
	{"events/patterns.tsv", NULL, &dict_patterns, table_rows},
	{"topics/topics.tsv", NULL, &dict_topic_defs, table_rows},
	{"topics/terms.tsv", NULL, &dict_topic_terms, table_rows},
};

/* The reference tables' files, read by dict_read_reference() */
static const struct
{
	const char *path;
	const DictTable *table;
	void		(*rows) (TsvFile *f);
}			reference_files[] = {
	{"cameo/regions.tsv", &dict_country_regions, table_rows},
	{"cameo/plover.tsv", &dict_cameo_plover, plover_rows},
};

/* Reads one data file; false if it cannot be read. */
static bool
read_file(const char *path, const DictTable *t, void (*rows) (TsvFile *f),
		  DictRowFn fn, void *arg)
{
	TsvFile		f;
	DictRow		start;

	memset(&f, 0, sizeof(f));
	f.path = path;
	f.table = t;
	f.fn = fn;
	f.arg = arg;
	f.buf = dict_read_file(path, NULL);
	if (f.buf == NULL)
		return false;
	memset(&start, 0, sizeof(start));
	start.table = t;
	start.path = path;
	fn(&start, arg);
	f.p = f.buf;
	while (next_line(&f))
		rows(&f);
	for (size_t i = 0; i < f.seensize; i++)
		free(f.seen[i]);
	free(f.seen);
	free(f.buf);
	return true;
}

/* Orders file names. */
static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Reads the files of directory dir ending with suffix, in name order. */
static int
read_dir(const char *dir, const char *suffix, const DictTable *t,
		 void (*rows) (TsvFile *f), DictRowFn fn, void *arg)
{
	DIR		   *d = opendir(dir);
	struct dirent *e;
	char	   *names[256];
	int			n = 0;
	int			nread = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL && n < 256)
	{
		size_t		l = strlen(e->d_name),
					sl = strlen(suffix);

		if (l > sl && strcmp(e->d_name + l - sl, suffix) == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(char *), cmp_names);
	for (int i = 0; i < n; i++)
	{
		char		path[8192];

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (read_file(path, t, rows, fn, arg))
			nread++;
		free(names[i]);
	}
	return nread;
}

/* Reads every data file under dir (see dictdata.h). */
int
dict_read_all(const char *dir, DictRowFn fn, void *arg)
{
	int			nread = 0;

	for (size_t k = 0; k < sizeof(files) / sizeof(files[0]); k++)
	{
		char		path[4096];

		snprintf(path, sizeof(path), "%s/%s", dir, files[k].path);
		if (files[k].suffix)
		{
			int			n = read_dir(path, files[k].suffix, files[k].table, files[k].rows, fn, arg);

			if (n < 0)
				return -1;
			nread += n;
		}
		else if (read_file(path, files[k].table, files[k].rows, fn, arg))
			nread++;
	}
	return nread;
}

/* Reads the reference tables' data files under dir (see dictdata.h). */
int
dict_read_reference(const char *dir, DictRowFn fn, void *arg)
{
	int			nread = 0;

	for (size_t k = 0; k < sizeof(reference_files) / sizeof(reference_files[0]); k++)
	{
		char		path[4096];

		snprintf(path, sizeof(path), "%s/%s", dir, reference_files[k].path);
		if (read_file(path, reference_files[k].table, reference_files[k].rows, fn, arg))
			nread++;
	}
	return nread;
}
