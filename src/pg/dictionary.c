/*-------------------------------------------------------------------------
 *
 * dictionary.c
 *	  Compiling the dictionary tables, storing the image, and the
 *	  per-backend cache of the compiled dictionaries.
 *
 * The dictionaries live in ordinary tables (diplomat.gazetteer, offices,
 * roles, lexicon, verbs, patterns, topic_defs, topic_terms).  A statement
 * trigger on each recompiles them into one flat image after every change
 * and stores it in diplomat.dictionary_image, then sends a relcache
 * invalidation for that table: every backend has registered a relcache
 * callback and drops its cached copy when the message arrives (at its next
 * command), so all sessions see a committed change, and only a committed
 * one.  Loading the image is one bytea read; if it is missing or was
 * written by another engine version, the backend compiles from the tables.
 *
 *-------------------------------------------------------------------------
 */
#include "diplomat.h"
#include "dictionary.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "dip_dict.h"

PG_FUNCTION_INFO_V1(dip_dictionary_changed);
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
	Oid			image_relid;	/* diplomat.dictionary_image, for invalidation */
	const char *source;			/* "image" or "tables" */
} DictCache;

static DictCache cache = {NULL, NULL, 0, {0}, false, InvalidOid, NULL};

/* Relcache callback: a change to the image table drops the cache. */
static void
dictionary_relcache_cb(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == cache.image_relid)
		cache.valid = false;
}

void
dipg_dictionary_init(void)
{
	CacheRegisterRelcacheCallback(dictionary_relcache_cb, (Datum) 0);
}

/* Days since 2000-01-01 of a date text "YYYY-MM-DD", or DIP_NO_DATE. */
static int32
text_date(const char *s)
{
	int32_t		d;

	if (s == NULL || !dip_date_parse(s, &d))
		return DIP_NO_DATE;
	return d;
}

static const char *
nz(const char *s)
{
	return s ? s : "";
}

/* Statistics of a compile */
typedef struct CompileStats
{
	int			rows[8];
	int			rejected_builtin;
	int			rejected_user;
	StringInfoData errors;		/* first few messages */
	int			nerrors;
} CompileStats;

enum
{
	T_GAZ, T_OFF, T_ROLE, T_LEX, T_VERB, T_PAT, T_TOPIC, T_TERM
};

static const struct
{
	const char *table;
	const char *cols;
	const char *key;			/* must match diplomat.dictionary_key() */
	const char *order;
}			tables[] = {
	[T_GAZ] = {"gazetteer", "kind, name, country, actor, array_to_string(aliases, '|'), valid_from::text, valid_to::text",
	"t.kind || ':' || t.name", "name"},
	[T_OFF] = {"offices", "person, office, title, country, actor, start_date::text, end_date::text",
	"t.person || ':' || t.office || ':' || coalesce(t.country, '') || ':' || coalesce(t.start_date::text, '')", "person, start_date"},
	[T_ROLE] = {"roles", "term, role, use, office, country", "t.term", "term"},
	[T_LEX] = {"lexicon", "word, class, value", "t.word || ':' || t.class", "word, class"},
	[T_VERB] = {"verbs", "lemma, third_person, past, past_participle, gerund", "t.lemma", "lemma"},
	[T_PAT] = {"patterns", "code, pattern", "t.pattern", "pattern"},
	[T_TOPIC] = {"topic_defs", "key, label, parent", "t.key", "key"},
	[T_TERM] = {"topic_terms", "topic, term, weight::float8::text", "t.topic || ':' || t.term", "topic, term"},
};

/* Adds one row to the builder; returns false if the builder refused it. */
static bool
add_row(DipBuilder *b, int tab, char **v)
{
	switch (tab)
	{
		case T_GAZ:
			return dip_builder_add_entity(b, nz(v[0]), nz(v[1]), nz(v[2]), nz(v[3]), nz(v[4]),
										  text_date(v[5]), text_date(v[6]));
		case T_OFF:
			return dip_builder_add_office(b, nz(v[0]), nz(v[1]), nz(v[2]), nz(v[3]), nz(v[4]),
										  text_date(v[5]), text_date(v[6]));
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
			return dip_builder_add_term(b, nz(v[0]), nz(v[1]), v[2] ? strtod(v[2], NULL) : 0);
	}
	return false;
}

/*
 * Reads every dictionary table through SPI (a cursor, in batches, so
 * memory stays bounded) into a builder and compiles the image, allocated
 * in cxt.  The caller must be connected to SPI.
 */
static void *
compile_from_tables(MemoryContext cxt, size_t *size, CompileStats *st)
{
	DipMem		mem;
	DipBuilder *b;
	void	   *image;
	MemoryContext batch;

	memset(st, 0, sizeof(*st));
	initStringInfo(&st->errors);
	dipg_mem_init(&mem, cxt);
	b = dip_builder_new(&mem);
	batch = AllocSetContextCreate(CurrentMemoryContext, "diplomat dictionary batch",
								  ALLOCSET_DEFAULT_SIZES);
	for (int tab = 0; tab < (int) lengthof(tables); tab++)
	{
		char	   *sql;
		Portal		portal;
		SPIPlanPtr	plan;

		/* the inner key refers to u, the outer to t */
		{
			char	   *ukey = pstrdup(tables[tab].key);
			StringInfoData q;

			for (char *p = ukey; *p; p++)
				if (p[0] == 't' && p[1] == '.' && (p == ukey || p[-1] == ' ' || p[-1] == '('))
					p[0] = 'u';
			initStringInfo(&q);
			appendStringInfo(&q, "SELECT t.builtin, %s FROM diplomat.%s t "
							 "WHERE NOT t.builtin OR "
							 "(NOT EXISTS (SELECT 1 FROM diplomat.%s u WHERE NOT u.builtin AND %s = %s) "
							 "AND NOT EXISTS (SELECT 1 FROM diplomat.dictionary_removed r "
							 "WHERE r.tbl = '%s' AND r.key = %s)) ORDER BY %s",
							 tables[tab].cols, tables[tab].table, tables[tab].table,
							 ukey, tables[tab].key, tables[tab].table, tables[tab].key,
							 tables[tab].order);
			sql = q.data;
		}
		plan = SPI_prepare(sql, 0, NULL);
		if (plan == NULL)
			elog(ERROR, "could not prepare dictionary query: %s", SPI_result_code_string(SPI_result));
		/* read-write: the trigger must see the rows its statement changed */
		portal = SPI_cursor_open(NULL, plan, NULL, NULL, false);
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
				char	   *v[8] = {0};
				char	   *bi = SPI_getvalue(tup, desc, 1);
				bool		builtin = bi && bi[0] == 't';

				for (int c = 2; c <= desc->natts && c <= 8; c++)
					v[c - 2] = SPI_getvalue(tup, desc, c);
				if (add_row(b, tab, v))
					st->rows[tab]++;
				else
				{
					if (builtin)
						st->rejected_builtin++;
					else
						st->rejected_user++;
					if (st->nerrors++ < 5)
						appendStringInfo(&st->errors, "%s%s: %s (%s)",
										 st->errors.len ? "; " : "", tables[tab].table,
										 dip_builder_error(b), nz(v[(tab == T_PAT || tab == T_GAZ) ? 1 : 0]));
				}
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
	*size = dip_builder_finish(b, &image);
	if (*size == 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("could not compile the diplomat dictionaries"),
				 errdetail("%s", dip_builder_error(b))));
	dip_builder_free(b);
	return image;
}

static Oid
image_relid(void)
{
	Oid			nsp = get_namespace_oid("diplomat", true);

	if (!OidIsValid(nsp))
		return InvalidOid;
	return get_relname_relid("dictionary_image", nsp);
}

/*
 * Replaces the cache with an image (allocated in a fresh context).  "opened"
 * is the image already checked by dip_dict_open(), or NULL to check it here.
 */
static void
install_image(MemoryContext cxt, void *image, size_t size, const char *source,
			  const DipDict *opened)
{
	const char *err = NULL;

	if (opened != NULL)
		cache.dict = *opened;
	else
		err = dip_dict_open(&cache.dict, image, size);
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
	cache.cxt = cxt;
	cache.image = image;
	cache.size = size;
	cache.source = source;
	cache.valid = true;
}

/* Loads the stored image, or compiles from the tables when it is unusable. */
static void
load_dictionary(void)
{
	MemoryContext cxt;
	MemoryContext old;
	void	   *volatile image = NULL;
	volatile size_t size = 0;
	const char *volatile source = "image";
	volatile bool opened = false;
	DipDict		probe;
	Oid			relid = image_relid();

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("the diplomat dictionaries are missing"),
				 errhint("Run CREATE EXTENSION diplomat in this database.")));
	/* mark valid first: an invalidation arriving while we load resets it */
	cache.image_relid = relid;
	cxt = AllocSetContextCreate(CacheMemoryContext, "diplomat dictionaries",
								ALLOCSET_DEFAULT_SIZES);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	PG_TRY();
	{
		int			rc = SPI_execute("SELECT format, image FROM diplomat.dictionary_image WHERE id = 1",
									 true, 1);

		if (rc == SPI_OK_SELECT && SPI_processed == 1)
		{
			bool		isnull;
			Datum		fmt = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
			Datum		img = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);

			if (!isnull && DatumGetInt32(fmt) == DIP_DICT_VERSION)
			{
				bytea	   *b;

				/*
				 * The stored image is toasted, so detoasting makes a fresh
				 * copy: make it in the cache's context and slide the data
				 * over the header, instead of copying megabytes twice.
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
				if (dip_dict_open(&probe, image, size) == NULL)
					opened = true;
				else
				{
					pfree(image);
					image = NULL;
				}
			}
		}
		if (image == NULL)
		{
			CompileStats st;
			size_t		sz;

			old = MemoryContextSwitchTo(cxt);
			image = compile_from_tables(cxt, &sz, &st);
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
	SPI_finish();
	install_image(cxt, image, size, source, opened ? &probe : NULL);
}

const DipDict *
dipg_dictionary(void)
{
	if (!cache.valid)
		load_dictionary();
	return &cache.dict;
}

/*
 * Compiles the tables and stores the image; every session reloads it after
 * commit.  Raises an error if a user row is rejected, so that bad rows do
 * not land.  Returns the stats.
 */
static void
rebuild_and_store(CompileStats *st, size_t *sizep, bool strict)
{
	MemoryContext cxt = AllocSetContextCreate(CacheMemoryContext, "diplomat dictionaries",
											  ALLOCSET_DEFAULT_SIZES);
	void	   *image;
	size_t		size;
	Oid			relid;
	bytea	   *b;
	Datum		args[2];
	Oid			argtypes[2] = {INT4OID, BYTEAOID};
	int			rc;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	image = compile_from_tables(cxt, &size, st);
	if (strict && st->rejected_user > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid diplomat dictionary row"),
				 errdetail("%s", st->errors.data)));
	b = (bytea *) palloc(size + VARHDRSZ);
	SET_VARSIZE(b, size + VARHDRSZ);
	memcpy(VARDATA(b), image, size);
	args[0] = Int32GetDatum(DIP_DICT_VERSION);
	args[1] = PointerGetDatum(b);
	rc = SPI_execute_with_args("INSERT INTO diplomat.dictionary_image (id, built_at, format, image) "
							   "VALUES (1, pg_catalog.now(), $1, $2) "
							   "ON CONFLICT (id) DO UPDATE SET built_at = excluded.built_at, "
							   "format = excluded.format, image = excluded.image",
							   2, argtypes, args, NULL, false, 0);
	if (rc != SPI_OK_INSERT)
		elog(ERROR, "could not store the dictionary image: %s", SPI_result_code_string(rc));
	SPI_finish();
	relid = image_relid();
	/* other sessions reload after commit; this one uses the new image now */
	CacheInvalidateRelcacheByRelid(relid);
	cache.image_relid = relid;
	install_image(cxt, image, size, "image", NULL);
	*sizep = size;
}

/* Statement trigger on the dictionary tables. */
Datum
dip_dictionary_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	CompileStats st;
	size_t		size;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_FOR_STATEMENT(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("dictionary_changed() must be called as a statement trigger")));
	rebuild_and_store(&st, &size, true);
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

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	rebuild_and_store(&st, &size, false);
	if (st.rejected_user + st.rejected_builtin > 0)
		ereport(WARNING,
				(errmsg("%d dictionary rows were rejected", st.rejected_user + st.rejected_builtin),
				 errdetail("%s", st.errors.data)));
	values[0] = Int32GetDatum(cache.dict.hdr->nentities);
	values[1] = Int32GetDatum(st.rows[T_GAZ]);
	{
		/* count aliases: entity items in the trie */
		int			n = 0;

		for (uint32 i = 0; i < cache.dict.hdr->nitems; i++)
			if (cache.dict.items[i].type == DIP_ITEM_ENTITY)
				n++;
		values[1] = Int32GetDatum(n);
	}
	values[2] = Int32GetDatum(cache.dict.hdr->noffices);
	values[3] = Int32GetDatum(cache.dict.hdr->npatterns);
	values[4] = Int32GetDatum(cache.dict.hdr->ntopics);
	values[5] = Int32GetDatum(st.rows[T_TERM]);
	values[6] = Int32GetDatum(cache.dict.hdr->nwords - 1);
	values[7] = Int32GetDatum((int32) size);
	values[8] = Int32GetDatum(st.rejected_user + st.rejected_builtin);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* diplomat.dictionary_info(): what this session uses. */
Datum
dip_dictionary_info(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	const DipDict *d = dipg_dictionary();
	Datum		values[9];
	bool		nulls[9] = {0};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	values[0] = Int32GetDatum(d->hdr->nentities);
	values[1] = Int32GetDatum(d->hdr->noffices);
	values[2] = Int32GetDatum(d->hdr->nroles);
	values[3] = Int32GetDatum(d->hdr->npatterns);
	values[4] = Int32GetDatum(d->hdr->ntopics);
	values[5] = Int32GetDatum(d->hdr->nwords - 1);
	values[6] = Int32GetDatum(d->hdr->nnodes);
	values[7] = Int32GetDatum(d->hdr->size);
	values[8] = CStringGetTextDatum(cache.source);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
