/*-------------------------------------------------------------------------
 *
 * dictdata.h
 *	  Reading the dictionary data files (data/DIR/NAME.tsv) as rows of the
 *	  extension's dictionary tables.  One loader for the build, which turns
 *	  the rows into the INSERTs of the builtin rows (tools/gen-data-sql.c),
 *	  and for the engine's tests and tools, which give them to the
 *	  dictionary builder (test/engine/tsv.c).
 *
 *	  Files are UTF-8, TAB-separated, with a header line naming the
 *	  columns; lines starting with # and blank lines are skipped.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DICTDATA_H
#define DICTDATA_H

#include <stddef.h>

#define DICT_MAX_COLS 8

/* How a column's value is written in SQL */
typedef enum DictType
{
	DT_TEXT,					/* text, '' when empty */
	DT_TEXT_OR_NULL,			/* text, NULL when empty */
	DT_DATE,					/* a YYYY-MM-DD date, NULL otherwise */
	DT_LIST,					/* a |-separated list as text[] */
	DT_NUMBER					/* a number */
} DictType;

/*
 * One of the extension's dictionary tables (diplomat.<name>), or a
 * reference table: not a dictionary, no builtin column (country_regions,
 * cameo_plover).
 */
typedef struct DictTable
{
	const char *name;
	int			ncols;
	const char *cols[DICT_MAX_COLS];
	DictType	types[DICT_MAX_COLS];
	int			reference;		/* 1: a reference table */
} DictTable;

extern const DictTable dict_gazetteer;
extern const DictTable dict_offices;
extern const DictTable dict_roles;
extern const DictTable dict_lexicon;
extern const DictTable dict_verbs;
extern const DictTable dict_patterns;
extern const DictTable dict_topic_defs;
extern const DictTable dict_topic_terms;
extern const DictTable dict_country_regions;
extern const DictTable dict_cameo_plover;

/*
 * A row of a table, read from line line of file path.  A value is NULL
 * where SQL has NULL (an empty optional text, a missing or malformed date).
 */
typedef struct DictRow
{
	const DictTable *table;
	const char *val[DICT_MAX_COLS];
	const char *path;
	int			line;
} DictRow;

/* Called for every row; row and its strings live until it returns. */
typedef void (*DictRowFn) (const DictRow *row, void *arg);

/*
 * Reads every data file under dir (gazetteer, lexicon, events, topics), in
 * a fixed order, passing each row to fn.  At the start of each file fn is
 * also called with a row of line 0 and no values.  Returns the number of
 * files read, or -1 if a directory cannot be read.
 */
extern int	dict_read_all(const char *dir, DictRowFn fn, void *arg);

/*
 * Reads the data files of the reference tables under dir (cameo/), the
 * same way.  Returns the number of files read.
 */
extern int	dict_read_reference(const char *dir, DictRowFn fn, void *arg);

/* Reads a whole file into a NUL-terminated buffer (free it), or NULL. */
extern char *dict_read_file(const char *path, size_t *len);

#endif							/* DICTDATA_H */
