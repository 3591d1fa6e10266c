/*-------------------------------------------------------------------------
 *
 * gen-data-sql.c
 *	  Prints the INSERT statements that fill the extension's dictionary
 *	  tables with the rows of the data files (data/DIR/NAME.tsv) as builtin
 *	  rows at CREATE EXTENSION, then those of the reference tables
 *	  (country_regions, cameo_plover), 500 rows to a statement.  The files are read
 *	  by dictdata.c, the loader the engine's tests use too.
 *
 *	  usage: gen-data-sql DATA_DIR   (run by the Makefile)
 *
 *-------------------------------------------------------------------------
 */
#include "dictdata.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows written to the current statement's file */
static long nrows;

/* Prints s as an SQL string literal. */
static void
quoted(const char *s)
{
	putchar('\'');
	for (; *s; s++)
	{
		if (*s == '\'')
			putchar('\'');
		putchar(*s);
	}
	putchar('\'');
}

/* Prints a value of the given type. */
static void
value(const char *v, DictType type)
{
	if (v == NULL)
	{
		fputs("NULL", stdout);
		return;
	}
	switch (type)
	{
		case DT_TEXT:
		case DT_TEXT_OR_NULL:
			quoted(v);
			break;
		case DT_DATE:
			quoted(v);
			fputs("::date", stdout);
			break;
		case DT_LIST:
			if (v[0] == '\0')
				fputs("'{}'", stdout);
			else
			{
				fputs("pg_catalog.string_to_array(", stdout);
				quoted(v);
				fputs(", '|')", stdout);
			}
			break;
		case DT_NUMBER:
			{
				double		d = strtod(v, NULL);

				if (d == (double) (long) d)
					printf("%ld", (long) d);
				else
					printf("%.6g", d);
			}
			break;
	}
}

/* Prints one row, starting a new INSERT every 500 rows of a file. */
static void
print_row(const DictRow *row, void *arg)
{
	const DictTable *t = row->table;

	(void) arg;
	if (row->line == 0)
	{
		/* a new file: its own statements */
		if (nrows > 0)
			puts(";");
		nrows = 0;
		return;
	}
	if (nrows % 500 == 0)
	{
		if (nrows > 0)
			puts(";");
		printf("INSERT INTO diplomat.%s (", t->name);
		for (int i = 0; i < t->ncols; i++)
			printf("%s%s", i ? ", " : "", t->cols[i]);
		puts(t->reference ? ") VALUES" : ", builtin) VALUES");
	}
	else
		puts(",");
	fputs("  (", stdout);
	for (int i = 0; i < t->ncols; i++)
	{
		if (i > 0)
			fputs(", ", stdout);
		value(row->val[i], t->types[i]);
	}
	fputs(t->reference ? ")" : ", true)", stdout);
	nrows++;
}

int
main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "data";

	printf("-- default dictionaries, generated from %s by tools/gen-data-sql.c\n", dir);
	if (dict_read_all(dir, print_row, NULL) < 0)
	{
		fprintf(stderr, "gen-data-sql: cannot read the data files under %s\n", dir);
		return 1;
	}
	if (nrows > 0)
		puts(";");
	nrows = 0;
	printf("-- reference tables, generated from %s by tools/gen-data-sql.c\n", dir);
	dict_read_reference(dir, print_row, NULL);
	if (nrows > 0)
		puts(";");
	return 0;
}
