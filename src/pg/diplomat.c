/*-------------------------------------------------------------------------
 *
 * diplomat.c
 *	  Module initialisation and helpers shared by the PostgreSQL glue.
 *
 *-------------------------------------------------------------------------
 */
#include "diplomat.h"
#include "dictionary.h"

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/ipc.h"
#include "utils/guc.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* Engine allocation callback: palloc in the context given as ctx. */
static void *
dipg_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocHuge((MemoryContext) ctx, size);
}

static void
dipg_release(void *ctx, void *ptr)
{
	(void) ctx;
	pfree(ptr);
}

void
dipg_mem_init(DipMem *mem, MemoryContext cxt)
{
	mem->alloc = dipg_alloc;
	mem->release = dipg_release;
	mem->ctx = cxt;
}

/* The engine calls this between chunks of long documents. */
static void
dipg_interrupt(void)
{
	CHECK_FOR_INTERRUPTS();
}

void
dipg_check_encoding(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("diplomat requires a database with UTF8 encoding"),
				 errdetail("The current database encoding is %s.",
						   GetDatabaseEncodingName())));
}

/* Sets search_path to pg_catalog, pg_temp until dipg_unpin_search_path(). */
int
dipg_pin_search_path(void)
{
	int			nestlevel = NewGUCNestLevel();

	/* GUC_ACTION_SAVE is allowed in parallel workers, like a SET clause */
	(void) set_config_option("search_path", DIPG_SAFE_SEARCH_PATH,
							 PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	return nestlevel;
}

/* Restores the search_path that dipg_pin_search_path() replaced. */
void
dipg_unpin_search_path(int nestlevel)
{
	AtEOXact_GUC(true, nestlevel);
}

int32
dipg_char_len(const char *s, size_t len)
{
	return (int32) dip_utf8_count(s, len);
}

/* Frees ICU objects cached by the engine when the backend exits. */
static void
dipg_exit(int code, Datum arg)
{
	dip_segment_cleanup();
}

void
_PG_init(void)
{
	dip_interrupt_hook = dipg_interrupt;
	on_proc_exit(dipg_exit, (Datum) 0);
	dipg_dictionary_init();
}
