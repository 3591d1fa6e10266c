/*-------------------------------------------------------------------------
 *
 * dictionary.c
 *	  Compiling the dictionary tables, storing the image, the triggers that
 *	  keep tables and image in step, and the per-backend cache of the
 *	  compiled dictionaries.
 *
 * The dictionaries live in ordinary tables (diplomat.gazetteer, offices,
 * roles, lexicon, verbs, patterns, topic_defs, topic_terms).  Statement
 * triggers on each serialise editors (a lock on diplomat.dictionary_image
 * taken before the statement changes anything), keep the tables saying what
 * the dictionaries do (a builtin row replaced by a user row with the same
 * key, or whose key is in diplomat.dictionary_removed, is deleted), then
 * recompile everything into one flat image, store it in
 * diplomat.dictionary_image and send a relcache invalidation for that
 * table.  Every backend has registered a relcache callback and drops its
 * cached copy when the message arrives, so all sessions see a committed
 * change, and only a committed one.
 *
 * Loading the image is one bytea read under the latest snapshot (not the
 * transaction's, which in REPEATABLE READ could predate the change that
 * sent the invalidation); an invalidation that arrives while a backend reads
 * leaves the cache invalid for the next call.  If the image is missing or
 * was written by another engine version, the backend compiles from the
 * tables, which every role may read.
 *
 * Where changes arrive by logical replication (a subscriber's apply worker
 * runs with session_replication_role = replica), the statement triggers do
 * not fire.  A row trigger enabled for replica sessions only, deferred to
 * commit, then deletes the builtin rows that replicated removals name and
 * recompiles once per transaction (a TRUNCATE statement trigger does the
 * same): every server compiles the same rows into the same image.
 *
 * Every SPI statement here is schema-qualified and runs with search_path
 * pinned to pg_catalog, pg_temp.
 *
 *-------------------------------------------------------------------------
 */
#include "diplomat.h"
#include "dictionary.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "common/hashfn.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "dip_calendar.h"
#include "dip_dict.h"

PG_FUNCTION_INFO_V1(dip_dictionary_changed);
PG_FUNCTION_INFO_V1(dip_dictionary_replicated);
PG_FUNCTION_INFO_V1(dip_dictionary_rebuild);
PG_FUNCTION_INFO_V1(dip_dictionary_info);

/* The backend's cache of the compiled dictionaries. */
typedef struct DictCache
{
	MemoryContext cxt;			/* holds the image; child of CacheMemoryContext */
	void	   *image;
	size_t		size;
	DipDict		dict;
	bool		valid;
	bool		xact_bound;		/* loaded under the transaction's snapshot */
	uint64		generation;		/* invalidations received */
	Oid			image_relid;	/* diplomat.dictionary_image, for invalidation */
	const char *source;			/* "image" or "tables" */
	bool		have_checksum;	/* checksum computed for this image */
	uint64		checksum;		/* hash of the image bytes */
} DictCache;

static DictCache cache = {NULL, NULL, 0, {0}, false, false, 0, InvalidOid, NULL, false, 0};

/*
 * The command in which the replica trigger last recompiled, in this
 * transaction: its later firings with nothing changed since do nothing.
 */
static CommandId replica_compiled_cid = InvalidCommandId;

/* Nesting of the triggers' own statements, which must not recompile. */
static int	maintenance_depth = 0;

/* Relcache callback: a change to the image table drops the cache. */
static void
dictionary_relcache_cb(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == cache.image_relid)
	{
		cache.valid = false;
		cache.generation++;
	}
}

/* A cache loaded under a transaction snapshot lasts until the end of it. */
static void
dictionary_xact_cb(XactEvent event, void *arg)
{
	if (cache.xact_bound &&
		(event == XACT_EVENT_COMMIT || event == XACT_EVENT_ABORT ||
		 event == XACT_EVENT_PARALLEL_COMMIT || event == XACT_EVENT_PARALLEL_ABORT))
	{
		cache.valid = false;
		cache.xact_bound = false;
	}
	if (event == XACT_EVENT_COMMIT || event == XACT_EVENT_ABORT ||
		event == XACT_EVENT_PARALLEL_COMMIT || event == XACT_EVENT_PARALLEL_ABORT)
		replica_compiled_cid = InvalidCommandId;
}

/* Registers the invalidation callbacks (from _PG_init). */
void
dipg_dictionary_init(void)
{
	CacheRegisterRelcacheCallback(dictionary_relcache_cb, (Datum) 0);
	RegisterXactCallback(dictionary_xact_cb, NULL);
}

/* s, or "" for NULL. */
static const char *
nz(const char *s)
{
	return s ? s : "";
}

enum
{
	T_GAZ, T_OFF, T_ROLE, T_LEX, T_VERB, T_PAT, T_TOPIC, T_TERM, T_COUNT
};

/* Statistics of a compile */
typedef struct CompileStats
{
	int			rows[T_COUNT];
	int			rejected_builtin;
	int			rejected_user;
	int			dangling;		/* user rows naming a missing topic or verb */
	StringInfoData errors;		/* first few messages */
	int			nerrors;
	StringInfoData dangling_errors;
	int			ndangling_errors;
} CompileStats;

/*
 * The dictionary tables.  "cols" are read in binary: kinds says the type of
 * each ('t' text, 'a' text[], 'd' date, 'r' real).  "order" is a total
 * order, bytewise whatever the database's collation, so that the same rows
 * compile into the same image bytes on every server.  "key" lists the
 * columns (as indexes into cols) of the row key that
 * diplomat.dictionary_key() defines, and "keycols" names them for SQL; a
 * '?' marks a nullable one.
 */
#define MAX_COLS 8
static const struct
{
	const char *table;
	const char *cols;
	const char *kinds;
	const char *order;
	int			nkey;
	int			key[4];
	const char *keycols[4];
}			tables[T_COUNT] = {
	[T_GAZ] = {"gazetteer", "kind, name, country, actor, aliases, valid_from, valid_to", "ttttadd",
	"name COLLATE pg_catalog.\"C\", kind COLLATE pg_catalog.\"C\", builtin", 2, {0, 1}, {"kind", "name"}},
	[T_OFF] = {"offices", "person, office, title, country, actor, start_date, end_date", "tttttdd",
	"person COLLATE pg_catalog.\"C\", start_date, office COLLATE pg_catalog.\"C\", country COLLATE pg_catalog.\"C\", builtin", 4, {0, 1, 3, 5}, {"person", "office", "?country", "?start_date"}},
	[T_ROLE] = {"roles", "term, role, use, office, country", "ttttt",
	"term COLLATE pg_catalog.\"C\", builtin", 1, {0}, {"term"}},
	[T_LEX] = {"lexicon", "word, class, value", "ttt",
	"word COLLATE pg_catalog.\"C\", class COLLATE pg_catalog.\"C\", builtin", 2, {0, 1}, {"word", "class"}},
	[T_VERB] = {"verbs", "lemma, third_person, past, past_participle, gerund", "ttttt",
	"lemma COLLATE pg_catalog.\"C\", builtin", 1, {0}, {"lemma"}},
	[T_PAT] = {"patterns", "code, pattern", "tt",
	"pattern COLLATE pg_catalog.\"C\", builtin", 1, {1}, {"pattern"}},
	[T_TOPIC] = {"topic_defs", "key, label, parent", "ttt",
	"key COLLATE pg_catalog.\"C\", builtin", 1, {0}, {"key"}},
	[T_TERM] = {"topic_terms", "topic, term, weight", "ttr",
	"topic COLLATE pg_catalog.\"C\", term COLLATE pg_catalog.\"C\", builtin", 2, {0, 1}, {"topic", "term"}},
};

/* One row as the compiler reads it. */
typedef struct DictRow
{
	bool		builtin;
	char	   *v[MAX_COLS];	/* text forms; dates as YYYY-MM-DD */
	int32		date[MAX_COLS];
	double		num[MAX_COLS];
} DictRow;

/* Days since 2000-01-01 of a date, or DIP_NO_DATE for none or infinity. */
static int32
date_value(DateADT d)
{
	static int32 lo = 0,
				hi = 0;

	if (lo == 0)
	{
		lo = dip_date_from_ymd(1, 1, 1);
		hi = dip_date_from_ymd(9999, 12, 31);
	}
	if (DATE_NOT_FINITE(d) || d < lo || d > hi)
		return DIP_NO_DATE;
	return (int32) d;
}

/* Reads column c (1-based in the tuple) of a row as kind k into row slot i. */
static void
read_column(HeapTuple tup, TupleDesc desc, int c, char k, DictRow *row, int i,
			const char *table)
{
	Oid			want = k == 'a' ? TEXTARRAYOID : k == 'd' ? DATEOID : k == 'r' ? FLOAT4OID : TEXTOID;
	bool		isnull;
	Datum		d;

	if (SPI_gettypeid(desc, c) != want)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" of diplomat.%s has type %s, not %s",
						SPI_fname(desc, c), table,
						format_type_be(SPI_gettypeid(desc, c)), format_type_be(want)),
				 errhint("Run ALTER EXTENSION diplomat UPDATE.")));
	d = SPI_getbinval(tup, desc, c, &isnull);
	row->v[i] = NULL;
	row->date[i] = DIP_NO_DATE;
	row->num[i] = 0;
	if (isnull)
		return;
	switch (k)
	{
		case 't':
			row->v[i] = TextDatumGetCString(d);
			break;
		case 'a':
			{
				/* aliases travel to the builder joined by '|' */
				Datum	   *elems;
				bool	   *nulls;
				int			n;
				StringInfoData s;

				deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false,
								  TYPALIGN_INT, &elems, &nulls, &n);
				initStringInfo(&s);
				for (int e = 0; e < n; e++)
				{
					if (nulls[e])
						continue;
					if (s.len > 0)
						appendStringInfoChar(&s, '|');
					appendStringInfoString(&s, TextDatumGetCString(elems[e]));
				}
				row->v[i] = s.data;
			}
			break;
		case 'd':
			row->date[i] = date_value(DatumGetDateADT(d));
			if (row->date[i] != DIP_NO_DATE)
			{
				int			y,
							m,
							dd;

				/* the ISO form that to_jsonb() gives, for row keys */
				dip_date_to_ymd(row->date[i], &y, &m, &dd);
				row->v[i] = psprintf("%04d-%02d-%02d", y, m, dd);
			}
			break;
		case 'r':
			row->num[i] = (double) DatumGetFloat4(d);
			break;
	}
}

/* The row key, exactly as diplomat.dictionary_key() computes it. */
static char *
row_key(int tab, const DictRow *row)
{
	StringInfoData s;

	initStringInfo(&s);
	for (int k = 0; k < tables[tab].nkey; k++)
	{
		if (k > 0)
			appendStringInfoChar(&s, ':');
		appendStringInfoString(&s, nz(row->v[tables[tab].key[k]]));
	}
	return s.data;
}

/* Adds one row to the builder; returns false if the builder refused it. */
static bool
add_row(DipBuilder *b, int tab, const DictRow *r)
{
	char	   *const *v = r->v;

	switch (tab)
	{
		case T_GAZ:
			return dip_builder_add_entity(b, nz(v[0]), nz(v[1]), nz(v[2]), nz(v[3]), nz(v[4]),
										  r->date[5], r->date[6]);
		case T_OFF:
			return dip_builder_add_office(b, nz(v[0]), nz(v[1]), nz(v[2]), nz(v[3]), nz(v[4]),
										  r->date[5], r->date[6]);
		case T_ROLE:
			return dip_builder_add_role(b, nz(v[0]), nz(v[1]), nz(v[2]), nz(v[3]), nz(v[4]));
		case T_LEX:
			return dip_builder_add_lexicon(b, nz(v[0]), nz(v[1]), v[2]);
		case T_VERB:
			return dip_builder_add_verb(b, nz(v[0]), nz(v[1]), nz(v[2]), nz(v[3]), nz(v[4]));
		case T_PAT:
			return dip_builder_add_pattern(b, nz(v[0]), nz(v[1]));
		case T_TOPIC:
			return dip_builder_add_topic(b, nz(v[0]), nz(v[1]), nz(v[2]));
		case T_TERM:
			return dip_builder_add_term(b, nz(v[0]), nz(v[1]), r->num[2]);
	}
	return false;
}

/* Hash of a string set's key, a pointer to a string. */
static uint32
strptr_hash(const void *key, Size keysize)
{
	const char *s = *(const char *const *) key;

	return string_hash(s, strlen(s) + 1);
}

/* Comparison of two string set keys. */
static int
strptr_match(const void *a, const void *b, Size keysize)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* A set of strings (row keys, topic keys, verb lemmas) in memory context cxt. */
static HTAB *
strset_create(const char *name, MemoryContext cxt)
{
	HASHCTL		ctl;

	ctl.keysize = sizeof(char *);
	ctl.entrysize = sizeof(char *);
	ctl.hash = strptr_hash;
	ctl.match = strptr_match;
	ctl.hcxt = cxt;
	return hash_create(name, 256, &ctl, HASH_ELEM | HASH_FUNCTION | HASH_COMPARE | HASH_CONTEXT);
}

/* Adds a copy of s (in the set's context) to the set. */
static void
strset_add(HTAB *set, MemoryContext cxt, const char *s)
{
	char	   *copy = MemoryContextStrdup(cxt, s);
	bool		found;

	hash_search(set, &copy, HASH_ENTER, &found);
}

/* Whether the set holds s. */
static bool
strset_has(HTAB *set, const char *s)
{
	bool		found;

	hash_search(set, &s, HASH_FIND, &found);
	return found;
}

/*
 * Whether a row names a topic or a verb that no row defines: such rows wait
 * for their topic or verb (a parallel pg_restore may load topic_terms before
 * topic_defs), so they are skipped with a warning rather than refused.
 */
static const char *
dangling_reference(int tab, const DictRow *r, HTAB *topics, HTAB *verbs)
{
	if (tab == T_TERM)
		return strset_has(topics, nz(r->v[0])) ? NULL : nz(r->v[0]);
	if (tab == T_PAT && r->v[1] != NULL)
	{
		/* {lemma} elements, separated by spaces */
		const char *p = r->v[1];

		while (*p)
		{
			const char *e;

			while (*p == ' ')
				p++;
			e = p;
			while (*e && *e != ' ')
				e++;
			if (e - p > 2 && p[0] == '{' && e[-1] == '}')
			{
				char	   *lemma = pnstrdup(p + 1, e - p - 2);

				if (!strset_has(verbs, lemma))
					return psprintf("{%s}", lemma);
			}
			p = e;
		}
	}
	return NULL;
}

/*
 * The column list the compiler reads from a dictionary table.  Version
 * 0.1's lexicon has no value column: a new library on a database not yet
 * updated (ALTER EXTENSION diplomat UPDATE) reads it as null.
 */
static const char *
table_columns(int tab)
{
	if (tab == T_LEX)
	{
		Oid			nsp = get_namespace_oid("diplomat", true);
		Oid			rel = OidIsValid(nsp) ? get_relname_relid("lexicon", nsp) : InvalidOid;

		if (OidIsValid(rel) && get_attnum(rel, "value") == InvalidAttrNumber)
			return "word, class, NULL::pg_catalog.text";
	}
	return tables[tab].cols;
}

/*
 * Reads the keys of a table's user rows, and of the builtin rows the user
 * removed, into a set: the builtin rows with those keys are not compiled.
 * (The triggers delete such rows; this also covers tables written with
 * triggers disabled, and version 0.1's tables until ALTER EXTENSION UPDATE.)
 */
static HTAB *
overridden_keys(int tab, MemoryContext cxt, bool read_only)
{
	HTAB	   *set = strset_create("diplomat overridden keys", cxt);
	StringInfoData q;
	Datum		arg = CStringGetTextDatum(tables[tab].table);
	Oid			argtype = TEXTOID;
	uint64		n;

	initStringInfo(&q);
	appendStringInfo(&q, "SELECT false, %s FROM diplomat.%s t WHERE NOT t.builtin",
					 table_columns(tab), tables[tab].table);
	if (SPI_execute(q.data, read_only, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read the user rows of diplomat.%s", tables[tab].table);
	n = SPI_processed;
	for (uint64 r = 0; r < n; r++)
	{
		DictRow		row;

		for (int c = 0; c < (int) strlen(tables[tab].kinds); c++)
			read_column(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, c + 2,
						tables[tab].kinds[c], &row, c, tables[tab].table);
		strset_add(set, cxt, row_key(tab, &row));
	}
	SPI_freetuptable(SPI_tuptable);
	if (SPI_execute_with_args("SELECT r.key FROM diplomat.dictionary_removed r "
							  "WHERE r.tbl OPERATOR(pg_catalog.=) $1",
							  1, &argtype, &arg, NULL, read_only, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read diplomat.dictionary_removed");
	n = SPI_processed;
	for (uint64 r = 0; r < n; r++)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 1, &isnull);

		if (!isnull)
			strset_add(set, cxt, TextDatumGetCString(d));
	}
	SPI_freetuptable(SPI_tuptable);
	return set;
}

/* Records a refused row in the statistics. */
static void
note_rejected(CompileStats *st, int tab, const DictRow *row, const char *why,
			  bool dangling)
{
	const char *what = nz(row->v[(tab == T_PAT || tab == T_GAZ) ? 1 : 0]);

	if (dangling && !row->builtin)
	{
		st->dangling++;
		if (st->ndangling_errors++ < 5)
			appendStringInfo(&st->dangling_errors, "%s%s: \"%s\" names %s, which no row defines",
							 st->dangling_errors.len ? "; " : "", tables[tab].table,
							 tab == T_TERM ? nz(row->v[1]) : what, why);
		return;
	}
	if (row->builtin)
		st->rejected_builtin++;
	else
		st->rejected_user++;
	if (st->nerrors++ < 5)
		appendStringInfo(&st->errors, "%s%s: %s (%s)",
						 st->errors.len ? "; " : "", tables[tab].table, why, what);
}

/*
 * Reads every dictionary table through SPI (a cursor, in batches, so
 * memory stays bounded) into a builder and compiles the image, allocated
 * in cxt.  The caller must be connected to SPI, with the search_path pinned.
 * With read_only, every query reads under the active snapshot; otherwise
 * under a fresh one per statement in READ COMMITTED, so that a trigger sees
 * the rows its statement and earlier editors changed.
 */
static void *
compile_from_tables(MemoryContext cxt, size_t *size, CompileStats *st, bool read_only)
{
	DipMem		mem;
	DipBuilder *b;
	void	   *image;
	MemoryContext batch;
	MemoryContext sets;
	HTAB	   *topics;
	HTAB	   *verbs;

	memset(st, 0, sizeof(*st));
	initStringInfo(&st->errors);
	initStringInfo(&st->dangling_errors);
	dipg_mem_init(&mem, cxt);
	b = dip_builder_new(&mem);
	batch = AllocSetContextCreate(CurrentMemoryContext, "diplomat dictionary batch",
								  ALLOCSET_DEFAULT_SIZES);
	sets = AllocSetContextCreate(CurrentMemoryContext, "diplomat dictionary keys",
								 ALLOCSET_DEFAULT_SIZES);
	topics = strset_create("diplomat topic keys", sets);
	verbs = strset_create("diplomat verb lemmas", sets);
	for (int tab = 0; tab < T_COUNT; tab++)
	{
		StringInfoData sql;
		Portal		portal;
		SPIPlanPtr	plan;
		HTAB	   *overridden;
		int			ncols = (int) strlen(tables[tab].kinds);

		overridden = overridden_keys(tab, sets, read_only);
		initStringInfo(&sql);
		appendStringInfo(&sql, "SELECT t.builtin, %s FROM diplomat.%s t ORDER BY %s",
						 table_columns(tab), tables[tab].table, tables[tab].order);
		plan = SPI_prepare(sql.data, 0, NULL);
		if (plan == NULL)
			elog(ERROR, "could not prepare dictionary query: %s", SPI_result_code_string(SPI_result));
		portal = SPI_cursor_open(NULL, plan, NULL, NULL, read_only);
		for (;;)
		{
			MemoryContext old;

			SPI_cursor_fetch(portal, true, 2000);
			if (SPI_processed == 0)
				break;
			old = MemoryContextSwitchTo(batch);
			for (uint64 r = 0; r < SPI_processed; r++)
			{
				HeapTuple	tup = SPI_tuptable->vals[r];
				TupleDesc	desc = SPI_tuptable->tupdesc;
				DictRow		row;
				bool		isnull;
				const char *missing;

				row.builtin = DatumGetBool(SPI_getbinval(tup, desc, 1, &isnull)) && !isnull;
				for (int c = 0; c < ncols; c++)
					read_column(tup, desc, c + 2, tables[tab].kinds[c], &row, c,
								tables[tab].table);
				if (row.builtin && strset_has(overridden, row_key(tab, &row)))
					continue;
				missing = dangling_reference(tab, &row, topics, verbs);
				if (missing != NULL)
					note_rejected(st, tab, &row,
								  psprintf("%s \"%s\"", tab == T_TERM ? "topic" : "verb", missing),
								  true);
				else if (add_row(b, tab, &row))
				{
					st->rows[tab]++;
					if (tab == T_TOPIC)
						strset_add(topics, sets, nz(row.v[0]));
					else if (tab == T_VERB)
						strset_add(verbs, sets, nz(row.v[0]));
				}
				else
					note_rejected(st, tab, &row, dip_builder_error(b), false);
			}
			MemoryContextSwitchTo(old);
			MemoryContextReset(batch);
			SPI_freetuptable(SPI_tuptable);
			CHECK_FOR_INTERRUPTS();
		}
		SPI_cursor_close(portal);
		SPI_freeplan(plan);
	}
	MemoryContextDelete(batch);
	MemoryContextDelete(sets);
	*size = dip_builder_finish(b, &image);
	if (*size == 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("could not compile the diplomat dictionaries"),
				 errdetail("%s", dip_builder_error(b))));
	dip_builder_free(b);
	return image;
}

/* The OID of diplomat.dictionary_image, or InvalidOid if there is none. */
static Oid
image_relid(void)
{
	Oid			nsp = get_namespace_oid("diplomat", true);

	if (!OidIsValid(nsp))
		return InvalidOid;
	return get_relname_relid("dictionary_image", nsp);
}

/* The OID of diplomat.dictionary_image, or an error if it is missing. */
static Oid
image_relid_required(void)
{
	Oid			relid = image_relid();

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("the diplomat dictionaries are missing"),
				 errhint("Run CREATE EXTENSION diplomat in this database.")));
	return relid;
}

/*
 * Serialises dictionary editors: held until the end of the transaction, it
 * makes a second editor wait until the first has committed, so that its
 * compile (with a fresh snapshot in READ COMMITTED) sees the first one's
 * rows.  Readers of the image are not blocked.
 */
static void
lock_dictionaries(void)
{
	LockRelationOid(image_relid_required(), ShareRowExclusiveLock);
}

/*
 * Replaces the cache with an image (allocated in cxt).  "opened" is the
 * image already checked by dip_dict_open(), or NULL to check it here.  The
 * cache stays valid only if no invalidation arrived since generation.
 */
static void
install_image(MemoryContext cxt, void *image, size_t size, const char *source,
			  const DipDict *opened, uint64 generation, bool xact_bound)
{
	const char *err = NULL;
	DipDict		dict;

	if (opened != NULL)
		dict = *opened;
	else
		err = dip_dict_open(&dict, image, size);
	if (err != NULL)
	{
		MemoryContextDelete(cxt);
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid diplomat dictionary image"),
				 errdetail("%s", err)));
	}
	if (cache.cxt != NULL && cache.cxt != cxt)
		MemoryContextDelete(cache.cxt);
	cache.dict = dict;
	cache.cxt = cxt;
	cache.image = image;
	cache.size = size;
	cache.source = source;
	cache.have_checksum = false;
	cache.xact_bound = xact_bound;
	cache.valid = (cache.generation == generation);
}

/*
 * Copies the stored image into cxt if its format is this engine's and it
 * opens; returns NULL otherwise.  Runs inside an SPI connection, under the
 * active snapshot.
 */
static void *
read_stored_image(MemoryContext cxt, size_t *sizep, DipDict *probe)
{
	int			rc;
	bool		isnull;
	Datum		fmt;
	Datum		img;
	bytea	   *b;
	void	   *image;
	size_t		size;
	MemoryContext old;

	rc = SPI_execute("SELECT i.format, i.image FROM diplomat.dictionary_image i "
					 "WHERE i.id OPERATOR(pg_catalog.=) 1", true, 1);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		return NULL;
	fmt = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	if (isnull || DatumGetInt32(fmt) != DIP_DICT_VERSION)
		return NULL;
	img = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);
	if (isnull)
		return NULL;

	/*
	 * The stored image is toasted, so detoasting makes a fresh copy: make it
	 * in the cache's context and slide the data over the header, instead of
	 * copying megabytes twice.
	 */
	old = MemoryContextSwitchTo(cxt);
	b = DatumGetByteaP(img);
	MemoryContextSwitchTo(old);
	size = VARSIZE(b) - VARHDRSZ;
	if ((Pointer) b != DatumGetPointer(img))
	{
		memmove(b, VARDATA(b), size);
		image = b;
	}
	else
	{
		image = MemoryContextAllocHuge(cxt, size);
		memcpy(image, VARDATA(b), size);
	}
	if (dip_dict_open(probe, image, size) != NULL)
	{
		pfree(image);
		return NULL;
	}
	*sizep = size;
	return image;
}

/* Loads the stored image, or compiles from the tables when it is unusable. */
static void
load_dictionary(void)
{
	MemoryContext cxt;
	void	   *volatile image = NULL;
	volatile size_t size = 0;
	const char *volatile source = "image";
	volatile bool opened = false;
	DipDict		probe;
	Oid			relid = image_relid_required();
	uint64		generation;
	Snapshot	snapshot;
	bool		xact_bound;
	int			nestlevel;

	cache.image_relid = relid;

	/*
	 * Take in the invalidations sent so far, then read under a snapshot
	 * taken after them; any invalidation that arrives later (while we read)
	 * changes the generation and leaves the cache invalid for the next call.
	 * A parallel operation cannot take a new snapshot: read under the
	 * transaction's and keep the result until the transaction ends.
	 */
	AcceptInvalidationMessages();
	generation = cache.generation;
	xact_bound = IsInParallelMode();
	snapshot = xact_bound ? GetActiveSnapshot() : GetLatestSnapshot();

	cxt = AllocSetContextCreate(CacheMemoryContext, "diplomat dictionaries",
								ALLOCSET_DEFAULT_SIZES);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	nestlevel = dipg_pin_search_path();
	PushActiveSnapshot(snapshot);
	PG_TRY();
	{
		size_t		sz = 0;

		image = read_stored_image(cxt, &sz, &probe);
		if (image != NULL)
		{
			size = sz;
			opened = true;
		}
		else
		{
			CompileStats st;
			MemoryContext old = MemoryContextSwitchTo(cxt);

			image = compile_from_tables(cxt, &sz, &st, true);
			size = sz;
			MemoryContextSwitchTo(old);
			source = "tables";
		}
	}
	PG_CATCH();
	{
		SPI_finish();
		MemoryContextDelete(cxt);
		PG_RE_THROW();
	}
	PG_END_TRY();
	PopActiveSnapshot();
	dipg_unpin_search_path(nestlevel);
	SPI_finish();
	install_image(cxt, image, size, source, opened ? &probe : NULL, generation, xact_bound);
}

/*
 * The current dictionaries, loaded or compiled on first use.  Once per
 * statement it takes in pending invalidations (a statement that opens no
 * table, inside a transaction block, would otherwise not see a change
 * committed since the previous one); within a statement the dictionaries
 * change only where PostgreSQL takes in invalidations anyway.
 */
const DipDict *
dipg_dictionary(void)
{
	static TimestampTz seen_statement = 0;
	TimestampTz statement = GetCurrentStatementStartTimestamp();

	if (statement != seen_statement)
	{
		seen_statement = statement;
		AcceptInvalidationMessages();
	}
	if (!cache.valid)
		load_dictionary();
	return &cache.dict;
}

/*
 * A hash of the bytes of the image in use, as 16 hex digits: two servers
 * that compiled the same rows report the same value.  Computed once per
 * image, when first asked.
 */
static const char *
dictionary_checksum(void)
{
	if (!cache.have_checksum)
	{
		cache.checksum = hash_bytes_extended((const unsigned char *) cache.image,
											 (int) cache.size, 0);
		cache.have_checksum = true;
	}
	return psprintf("%016" INT64_MODIFIER "x", cache.checksum);
}

/* Raises the error or warnings a compile's refused rows call for. */
static void
report_rejected(CompileStats *st, bool strict)
{
	if (strict && st->rejected_user > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid diplomat dictionary row"),
				 errdetail("%s", st->errors.data)));
	if (st->dangling > 0)
		ereport(WARNING,
				(errcode(ERRCODE_WARNING),
				 errmsg("%d diplomat dictionary rows name a topic or verb that no row defines and are ignored",
						st->dangling),
				 errdetail("%s", st->dangling_errors.data),
				 errhint("Add the topic to diplomat.topic_defs or the verb to diplomat.verbs.")));
	if (!strict && st->rejected_user + st->rejected_builtin > 0)
		ereport(WARNING,
				(errcode(ERRCODE_WARNING),
				 errmsg("%d dictionary rows were rejected", st->rejected_user + st->rejected_builtin),
				 errdetail("%s", st->errors.data)));
}

/*
 * Compiles the tables and stores the image; every session reloads it after
 * commit.  With strict, a refused user row raises an error, so that bad
 * rows do not land.  Takes the editors' lock first.
 */
static void
rebuild_and_store(CompileStats *st, size_t *sizep, bool strict)
{
	MemoryContext cxt;
	void	   *image;
	size_t		size;
	Oid			relid = image_relid_required();
	bytea	   *b;
	Datum		args[2];
	Oid			argtypes[2] = {INT4OID, BYTEAOID};
	int			rc;
	int			nestlevel;

	lock_dictionaries();
	cxt = AllocSetContextCreate(CacheMemoryContext, "diplomat dictionaries",
								ALLOCSET_DEFAULT_SIZES);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	nestlevel = dipg_pin_search_path();
	PG_TRY();
	{
		image = compile_from_tables(cxt, &size, st, false);
		report_rejected(st, strict);
		b = (bytea *) palloc(size + VARHDRSZ);
		SET_VARSIZE(b, size + VARHDRSZ);
		memcpy(VARDATA(b), image, size);
		args[0] = Int32GetDatum(DIP_DICT_VERSION);
		args[1] = PointerGetDatum(b);
		rc = SPI_execute_with_args("INSERT INTO diplomat.dictionary_image AS i (id, built_at, format, image) "
								   "VALUES (1, pg_catalog.now(), $1, $2) "
								   "ON CONFLICT (id) DO UPDATE SET built_at = excluded.built_at, "
								   "format = excluded.format, image = excluded.image",
								   2, argtypes, args, NULL, false, 0);
		if (rc != SPI_OK_INSERT)
			elog(ERROR, "could not store the dictionary image: %s", SPI_result_code_string(rc));
	}
	PG_CATCH();
	{
		MemoryContextDelete(cxt);
		PG_RE_THROW();
	}
	PG_END_TRY();
	dipg_unpin_search_path(nestlevel);
	SPI_finish();
	/* other sessions reload after commit; this one uses the new image now */
	CacheInvalidateRelcacheByRelid(relid);
	cache.image_relid = relid;
	install_image(cxt, image, size, "image", NULL, cache.generation, false);
	*sizep = size;
}

/*
 * The dictionary table a trigger (the function fn) fired on, T_COUNT for
 * dictionary_removed.
 */
static int
trigger_table(Relation rel, const char *fn)
{
	const char *name = RelationGetRelationName(rel);

	if (strcmp(get_namespace_name(RelationGetNamespace(rel)), "diplomat") == 0)
	{
		for (int tab = 0; tab < T_COUNT; tab++)
			if (strcmp(name, tables[tab].table) == 0)
				return tab;
		if (strcmp(name, "dictionary_removed") == 0)
			return T_COUNT;
	}
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("%s() fired on a table that is not a diplomat dictionary: %s",
					fn, name)));
	return -1;
}

/* Runs one statement of the triggers' maintenance. */
static void
maintenance_sql(const char *sql)
{
	int			rc = SPI_execute(sql, false, 0);

	if (rc < 0)
		elog(ERROR, "diplomat dictionary maintenance failed (%s): %s",
			 SPI_result_code_string(rc), sql);
}

/* SQL for "the key of row b equals the key of row n" on table tab. */
static char *
key_match(int tab, const char *b, const char *n)
{
	StringInfoData s;

	initStringInfo(&s);
	for (int k = 0; k < tables[tab].nkey; k++)
	{
		const char *col = tables[tab].keycols[k];

		if (k > 0)
			appendStringInfoString(&s, " AND ");
		if (col[0] == '?')
			appendStringInfo(&s, "(%s.%s OPERATOR(pg_catalog.=) %s.%s OR (%s.%s IS NULL AND %s.%s IS NULL))",
							 b, col + 1, n, col + 1, b, col + 1, n, col + 1);
		else
			appendStringInfo(&s, "%s.%s OPERATOR(pg_catalog.=) %s.%s", b, col, n, col);
	}
	return s.data;
}

/* Records the keys of the builtin rows of a relation as removed. */
static void
record_removals(int tab, const char *from)
{
	maintenance_sql(psprintf("INSERT INTO diplomat.dictionary_removed (tbl, key) "
							 "SELECT '%s', diplomat.dictionary_key('%s', pg_catalog.to_jsonb(o)) "
							 "FROM %s o WHERE o.builtin ON CONFLICT DO NOTHING",
							 tables[tab].table, tables[tab].table, from));
}

/* Deletes the builtin rows that user rows of a relation replace. */
static void
replace_builtin(int tab, const char *from)
{
	maintenance_sql(psprintf("WITH gone AS (DELETE FROM diplomat.%s b USING %s n "
							 "WHERE b.builtin AND NOT n.builtin AND %s RETURNING b.*) "
							 "INSERT INTO diplomat.dictionary_removed (tbl, key) "
							 "SELECT '%s', diplomat.dictionary_key('%s', pg_catalog.to_jsonb(g)) "
							 "FROM gone g ON CONFLICT DO NOTHING",
							 tables[tab].table, from, key_match(tab, "b", "n"),
							 tables[tab].table, tables[tab].table));
}

/* Deletes the builtin rows whose keys the removals in a relation name. */
static void
apply_removals(const char *from)
{
	for (int tab = 0; tab < T_COUNT; tab++)
		maintenance_sql(psprintf("DELETE FROM diplomat.%s b WHERE b.builtin AND EXISTS "
								 "(SELECT 1 FROM %s r WHERE r.tbl OPERATOR(pg_catalog.=) '%s') "
								 "AND diplomat.dictionary_key('%s', pg_catalog.to_jsonb(b)) "
								 "OPERATOR(pg_catalog.=) ANY (SELECT r.key FROM %s r "
								 "WHERE r.tbl OPERATOR(pg_catalog.=) '%s')",
								 tables[tab].table, from, tables[tab].table,
								 tables[tab].table, from, tables[tab].table));
}

/*
 * Brings the tables in line with what the dictionaries do after a
 * statement: a changed or deleted builtin row is recorded in
 * diplomat.dictionary_removed (so that a dump and restore keeps the
 * change), a builtin row that a user row with the same key replaces is
 * deleted, and so is a builtin row whose key a new removal names.
 */
static void
maintain_tables(TriggerData *td, int tab)
{
	TriggerEvent ev = td->tg_event;
	const char *newname = td->tg_trigger->tgnewtable;
	const char *oldname = td->tg_trigger->tgoldtable;
	int			nestlevel;

	if (newname == NULL && oldname == NULL && !TRIGGER_FIRED_BY_TRUNCATE(ev))
		return;					/* version 0.1's trigger: nothing to maintain */
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_register_trigger_data(td) != SPI_OK_TD_REGISTER)
		elog(ERROR, "could not register the transition tables");
	nestlevel = dipg_pin_search_path();
	if (TRIGGER_FIRED_BEFORE(ev))
	{
		/* TRUNCATE: the builtin rows about to go are removals */
		if (tab < T_COUNT)
			record_removals(tab, psprintf("diplomat.%s", tables[tab].table));
	}
	else if (tab == T_COUNT)
	{
		if (newname != NULL)
			apply_removals(quote_identifier(newname));
	}
	else
	{
		if (oldname != NULL)
			record_removals(tab, quote_identifier(oldname));
		if (newname != NULL)
			replace_builtin(tab, quote_identifier(newname));
	}
	dipg_unpin_search_path(nestlevel);
	SPI_finish();
}

/*
 * Statement trigger on the dictionary tables and dictionary_removed.
 * Before a statement it takes the editors' lock (and before a TRUNCATE
 * records the builtin rows as removed); after it, it maintains the tables
 * and recompiles.  Statements the maintenance itself runs do nothing.
 */
Datum
dip_dictionary_changed(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	CompileStats st;
	size_t		size;
	volatile int tab;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_FOR_STATEMENT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("dictionary_changed() must be called as a statement trigger")));
	if (maintenance_depth > 0)
		return PointerGetDatum(NULL);
	tab = trigger_table(td->tg_relation, "dictionary_changed");
	lock_dictionaries();
	maintenance_depth++;
	PG_TRY();
	{
		maintain_tables(td, tab);
		if (TRIGGER_FIRED_AFTER(td->tg_event))
			rebuild_and_store(&st, &size, true);
	}
	PG_FINALLY();
	{
		maintenance_depth--;
	}
	PG_END_TRY();
	return PointerGetDatum(NULL);
}

/*
 * Trigger on the dictionary tables and dictionary_removed for changes
 * applied by logical replication: enabled for replica sessions only (the
 * apply worker of a subscription), where the statement triggers above do
 * not fire.  As a row trigger it is deferred to commit, so that its first
 * firing sees every row the replicated transaction changed: it deletes the
 * builtin rows whose keys the replicated removals name (the publisher
 * deleted them; the removals themselves arrive by replication), when the
 * transaction brought removals, and recompiles, leniently (a refused row
 * must not stop replication; the publisher compiled the same rows).  Later
 * firings with nothing changed since do nothing.  As an AFTER TRUNCATE
 * statement trigger it recompiles at once.
 */
Datum
dip_dictionary_replicated(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	CompileStats st;
	size_t		size;
	int			nestlevel;
	int			tab;
	bool		removals;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_AFTER(td->tg_event) ||
		(TRIGGER_FIRED_FOR_STATEMENT(td->tg_event) && !TRIGGER_FIRED_BY_TRUNCATE(td->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("dictionary_replicated() must be called as an AFTER row trigger or an AFTER TRUNCATE trigger")));
	tab = trigger_table(td->tg_relation, "dictionary_replicated");
	if (TRIGGER_FIRED_FOR_ROW(td->tg_event) &&
		replica_compiled_cid != InvalidCommandId &&
		replica_compiled_cid == GetCurrentCommandId(false))
		return PointerGetDatum(NULL);

	/*
	 * Deleting the builtin rows that removals name reads every builtin row:
	 * only when this transaction brought removals (this row, or events of
	 * dictionary_removed still to fire).
	 */
	removals = (tab == T_COUNT && !TRIGGER_FIRED_BY_TRUNCATE(td->tg_event)) ||
		AfterTriggerPendingOnRel(get_relname_relid("dictionary_removed",
												   RelationGetNamespace(td->tg_relation)));
	lock_dictionaries();
	maintenance_depth++;
	PG_TRY();
	{
		if (removals)
		{
			if (SPI_connect() != SPI_OK_CONNECT)
				elog(ERROR, "SPI_connect failed");
			nestlevel = dipg_pin_search_path();
			apply_removals("diplomat.dictionary_removed");
			dipg_unpin_search_path(nestlevel);
			SPI_finish();
		}
		rebuild_and_store(&st, &size, false);
	}
	PG_FINALLY();
	{
		maintenance_depth--;
	}
	PG_END_TRY();
	replica_compiled_cid = TRIGGER_FIRED_FOR_ROW(td->tg_event) ?
		GetCurrentCommandId(false) : InvalidCommandId;
	return PointerGetDatum(NULL);
}

/* diplomat.dictionary_rebuild(): recompile and report. */
Datum
dip_dictionary_rebuild(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	CompileStats st;
	size_t		size;
	Datum		values[9];
	bool		nulls[9] = {0};
	int			aliases = 0;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	rebuild_and_store(&st, &size, false);
	/* count aliases: entity items in the trie */
	for (uint32 i = 0; i < cache.dict.hdr->nitems; i++)
		if (cache.dict.items[i].type == DIP_ITEM_ENTITY)
			aliases++;
	values[0] = Int32GetDatum(cache.dict.hdr->nentities);
	values[1] = Int32GetDatum(aliases);
	values[2] = Int32GetDatum(cache.dict.hdr->noffices);
	values[3] = Int32GetDatum(cache.dict.hdr->npatterns);
	values[4] = Int32GetDatum(cache.dict.hdr->ntopics);
	values[5] = Int32GetDatum(st.rows[T_TERM]);
	values[6] = Int32GetDatum(cache.dict.hdr->nwords - 1);
	values[7] = Int32GetDatum((int32) size);
	values[8] = Int32GetDatum(st.rejected_user + st.rejected_builtin + st.dangling);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* Columns of dictionary_info(): the image's sizes, then the tables' coverage. */
#define INFO_IMAGE_COLS		10	/* 0.1 had the first 9, without checksum */
#define INFO_COVERAGE_COLS	5

/*
 * Fills values[0..INFO_COVERAGE_COLS) with what the dictionary tables cover:
 * the earliest and latest office dates, the earliest valid_from and latest
 * valid_to of the gazetteer, and per M49 region (dictionary_coverage()) a
 * JSON object of counts.  Computed from the tables the caller can read.
 */
static void
dictionary_coverage_values(Datum *values, bool *nulls)
{
	int			nestlevel;
	int			rc;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	nestlevel = dipg_pin_search_path();
	rc = SPI_execute("SELECT "
					 "(SELECT pg_catalog.min(o.start_date) FROM diplomat.offices o), "
					 "(SELECT pg_catalog.max(GREATEST(o.start_date, o.end_date)) FROM diplomat.offices o), "
					 "(SELECT pg_catalog.min(g.valid_from) FROM diplomat.gazetteer g), "
					 "(SELECT pg_catalog.max(g.valid_to) FROM diplomat.gazetteer g), "
					 "(SELECT pg_catalog.jsonb_object_agg(r.region, pg_catalog.jsonb_build_object("
					 "    'countries', r.countries, 'with_offices', r.with_offices, "
					 "    'with_people', r.with_people, 'with_organisations', r.with_organisations, "
					 "    'offices_from', r.offices_from, 'offices_to', r.offices_to)) "
					 "   FROM (SELECT c.region, pg_catalog.sum(c.countries) AS countries, "
					 "                pg_catalog.sum(c.with_offices) AS with_offices, "
					 "                pg_catalog.sum(c.with_people) AS with_people, "
					 "                pg_catalog.sum(c.with_organisations) AS with_organisations, "
					 "                pg_catalog.min(c.offices_from) AS offices_from, "
					 "                pg_catalog.max(c.offices_to) AS offices_to "
					 "           FROM diplomat.dictionary_coverage() c GROUP BY c.region) r)",
					 true, 1);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not read the coverage of the dictionary tables");
	for (int i = 0; i < INFO_COVERAGE_COLS; i++)
	{
		Form_pg_attribute att = TupleDescAttr(SPI_tuptable->tupdesc, i);
		Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc,
									  i + 1, &nulls[i]);

		/* copied out of SPI's memory, which SPI_finish() frees */
		values[i] = nulls[i] ? (Datum) 0 : SPI_datumTransfer(d, att->attbyval, att->attlen);
	}
	dipg_unpin_search_path(nestlevel);
	SPI_finish();
}

/*
 * diplomat.dictionary_info(): what this session uses, and what the tables
 * cover.  A catalog of 0.1 (before ALTER EXTENSION UPDATE) declares only the
 * image's columns: those are all it gets.
 */
Datum
dip_dictionary_info(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	const DipDict *d = dipg_dictionary();
	Datum		values[INFO_IMAGE_COLS + INFO_COVERAGE_COLS];
	bool		nulls[INFO_IMAGE_COLS + INFO_COVERAGE_COLS] = {0};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	if (tupdesc->natts != INFO_IMAGE_COLS - 1 &&
		tupdesc->natts != INFO_IMAGE_COLS + INFO_COVERAGE_COLS)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("function diplomat.dictionary_info() does not match the installed library"),
				 errhint("Run ALTER EXTENSION diplomat UPDATE.")));
	values[0] = Int32GetDatum(d->hdr->nentities);
	values[1] = Int32GetDatum(d->hdr->noffices);
	values[2] = Int32GetDatum(d->hdr->nroles);
	values[3] = Int32GetDatum(d->hdr->npatterns);
	values[4] = Int32GetDatum(d->hdr->ntopics);
	values[5] = Int32GetDatum(d->hdr->nwords - 1);
	values[6] = Int32GetDatum(d->hdr->nnodes);
	values[7] = Int32GetDatum(d->hdr->size);
	values[8] = CStringGetTextDatum(cache.source);
	if (tupdesc->natts > INFO_IMAGE_COLS - 1)
		values[9] = CStringGetTextDatum(dictionary_checksum());
	if (tupdesc->natts > INFO_IMAGE_COLS)
		dictionary_coverage_values(values + INFO_IMAGE_COLS, nulls + INFO_IMAGE_COLS);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
