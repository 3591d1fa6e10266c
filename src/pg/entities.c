/*-------------------------------------------------------------------------
 *
 * entities.c
 *	  The entity and entities types: I/O, binary I/O, comparison and
 *	  set operators.
 *
 * Text forms:
 *	  entity	PER:Antony Blinken@USA	 (the name runs to the end; a final
 *				@XXX is the ISO country; PER:"Antony Blinken"@USA is accepted)
 *	  entities	PER:"Antony Blinken"@USA:3, GPE:"China"@CHN:5
 *				(items separated by commas; name quoted with "" and \
 *				escapes; @country and :count optional)
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "compat.h"
#include "diplomat.h"
#include "entities.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(entity_in);
PG_FUNCTION_INFO_V1(entity_out);
PG_FUNCTION_INFO_V1(entity_recv);
PG_FUNCTION_INFO_V1(entity_send);
PG_FUNCTION_INFO_V1(entity_cmp);
PG_FUNCTION_INFO_V1(entity_eq);
PG_FUNCTION_INFO_V1(entity_ne);
PG_FUNCTION_INFO_V1(entity_lt);
PG_FUNCTION_INFO_V1(entity_le);
PG_FUNCTION_INFO_V1(entity_gt);
PG_FUNCTION_INFO_V1(entity_ge);
PG_FUNCTION_INFO_V1(entity_hash);
PG_FUNCTION_INFO_V1(entity_kind);
PG_FUNCTION_INFO_V1(entity_name);
PG_FUNCTION_INFO_V1(entity_country);
PG_FUNCTION_INFO_V1(entity_construct);
PG_FUNCTION_INFO_V1(entities_in);
PG_FUNCTION_INFO_V1(entities_contains_entity);
PG_FUNCTION_INFO_V1(entities_concat);
PG_FUNCTION_INFO_V1(entities_length);
PG_FUNCTION_INFO_V1(entities_count);
PG_FUNCTION_INFO_V1(entities_filter_kind);

/* entity and entities values on disk hold these numbers */
StaticAssertDecl(EK_PER == 1 && EK_ORG == 2 && EK_GPE == 3 && EK_LOC == 4 && EK_NORP == 5 &&
				 EK_DATE == 6 && EK_TOPIC == 7,
				 "the kinds stored in entity and entities values must not change");

/* The name of a kind: the engine's, or "topic". */
const char *
entity_kind_name(int kind)
{
	if (kind == EK_TOPIC)
		return "topic";
	return dip_kind_name(kind);
}

/* Kind from its name, case-insensitive; 0 if unknown. */
int
entity_kind_parse(const char *s, int len)
{
	for (int k = 1; k <= EK_MAX; k++)
	{
		const char *name = entity_kind_name(k);

		if ((int) strlen(name) == len && pg_strncasecmp(name, s, len) == 0)
			return k;
	}
	return 0;
}

static bool
valid_country(const char *c)
{
	if (c[0] == 0 && c[1] == 0 && c[2] == 0)
		return true;
	for (int i = 0; i < 3; i++)
		if (c[i] < 'A' || c[i] > 'Z')
			return false;
	return true;
}

/*
 * What is wrong with a name (empty, too long, control characters, invalid
 * UTF-8), as an error detail, or NULL if nothing.
 */
const char *
entity_name_problem(const char *name, int len)
{
	if (len <= 0 || len > ENTITY_MAX_NAME)
		return psprintf("An entity name must have 1 to %d bytes.", ENTITY_MAX_NAME);
	for (int i = 0; i < len; i++)
		if ((unsigned char) name[i] < 0x20)
			return "An entity name cannot contain control characters.";
	if (!pg_verifymbstr(name, len, true))
		return "An entity name must be valid UTF-8.";
	return NULL;
}

/* Checks a name of a text input; false after reporting the error. */
static bool
check_name(const char *name, int len, const char *typname, const char *input,
		   Node *escontext)
{
	const char *problem = entity_name_problem(name, len);

	if (problem == NULL)
		return true;
	errsave(escontext,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
			 errdetail("%s", problem)));
	return false;
}

/* Checks a name of a binary input: errors are 22P03. */
static void
recv_check_name(const char *name, int len, const char *typname)
{
	const char *problem = entity_name_problem(name, len);

	if (problem != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid name in binary %s value", typname),
				 errdetail("%s", problem)));
}

Entity *
make_entity(int kind, const char *name, int len, const char *country)
{
	Entity	   *e = palloc0(ENTITY_HDRSZ + len);

	SET_VARSIZE(e, ENTITY_HDRSZ + len);
	e->kind = (uint8) kind;
	if (country)
		memcpy(e->country, country, 3);
	memcpy(e->name, name, len);
	return e;
}

/* ------------------------------------------------------------------------
 * Parsing of one item: KIND:name[@CCC][:count]
 * ------------------------------------------------------------------------
 */
typedef struct ItemParse
{
	int			kind;
	char	   *name;
	int			len;
	char		country[3];
	int64		count;
	bool		has_count;
} ItemParse;

/* Reports a syntax error at character pos; the caller returns failure. */
static void
syntax_error(const char *typname, const char *input, int pos, const char *what,
			 Node *escontext)
{
	errsave(escontext,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
			 errdetail("%s at character %d.", what, pos + 1)));
}

/*
 * Reads a double-quoted string with \ escapes starting at s[*pos] == '"';
 * NULL after reporting an error.
 */
static char *
parse_quoted(const char *s, int *pos, int *len, const char *typname, Node *escontext)
{
	StringInfoData buf;
	int			p = *pos + 1;

	initStringInfo(&buf);
	for (;;)
	{
		if (s[p] == '\0')
		{
			syntax_error(typname, s, p, "Unterminated quoted name", escontext);
			return NULL;
		}
		if (s[p] == '\\' && s[p + 1] != '\0')
		{
			appendStringInfoChar(&buf, s[p + 1]);
			p += 2;
			continue;
		}
		if (s[p] == '"')
		{
			if (s[p + 1] == '"')
			{
				appendStringInfoChar(&buf, '"');
				p += 2;
				continue;
			}
			p++;
			break;
		}
		appendStringInfoChar(&buf, s[p++]);
	}
	*pos = p;
	*len = buf.len;
	return buf.data;
}

/* True for a character of an unquoted name in an entities list. */
static bool
is_bare_char(char c)
{
	return !(c == '\0' || c == ',' || c == '@' || c == ':' || c == '"' ||
			 c == '&' || c == '|' || c == '!' || c == '(' || c == ')' ||
			 isspace((unsigned char) c));
}

/*
 * Reads an unquoted entity name running to the end of the string, with a
 * final @XXX as the country.
 */
static void
parse_rest_name(const char *s, int *pos, ItemParse *it)
{
	int			p = *pos;
	int			end = strlen(s);

	while (end > p && isspace((unsigned char) s[end - 1]))
		end--;
	if (end - p > 4 && s[end - 4] == '@' && isupper((unsigned char) s[end - 3]) &&
		isupper((unsigned char) s[end - 2]) && isupper((unsigned char) s[end - 1]))
	{
		memcpy(it->country, s + end - 3, 3);
		it->name = pnstrdup(s + p, end - 4 - p);
		it->len = end - 4 - p;
	}
	else
	{
		it->name = pnstrdup(s + p, end - p);
		it->len = end - p;
	}
	*pos = end;
}

/* Reads [':' count] at s[*p]; false after reporting an error. */
static bool
parse_count(const char *s, int *pos, ItemParse *it, const char *typname, Node *escontext)
{
	int			p = *pos;
	int64		c = 0;
	int			d0 = ++p;

	while (isdigit((unsigned char) s[p]))
	{
		c = c * 10 + (s[p] - '0');
		if (c > PG_INT32_MAX)
		{
			syntax_error(typname, s, d0, "Count out of range", escontext);
			return false;
		}
		p++;
	}
	if (p == d0)
	{
		syntax_error(typname, s, p, "Expected a count after :", escontext);
		return false;
	}
	it->count = c;
	it->has_count = true;
	*pos = p;
	return true;
}

/*
 * Parses KIND ':' name ['@' CCC] [':' count] at s[*pos].  rest_is_name:
 * an unquoted name runs to the end of the string (entity input).  Returns
 * false after reporting an error.
 */
static bool
parse_item(const char *s, int *pos, ItemParse *it, const char *typname,
		   bool rest_is_name, bool allow_count, Node *escontext)
{
	int			p = *pos;
	int			k0;

	memset(it, 0, sizeof(*it));
	while (isspace((unsigned char) s[p]))
		p++;
	k0 = p;
	while (isalpha((unsigned char) s[p]))
		p++;
	if (s[p] != ':' || p == k0)
	{
		syntax_error(typname, s, p, "Expected KIND: (PER, ORG, GPE, LOC, NORP, DATE or topic)",
					 escontext);
		return false;
	}
	it->kind = entity_kind_parse(s + k0, p - k0);
	if (it->kind == 0)
	{
		syntax_error(typname, s, k0, "Unknown entity kind", escontext);
		return false;
	}
	p++;
	if (s[p] == '"')
	{
		it->name = parse_quoted(s, &p, &it->len, typname, escontext);
		if (it->name == NULL)
			return false;
	}
	else if (rest_is_name)
	{
		parse_rest_name(s, &p, it);
		*pos = p;
		return check_name(it->name, it->len, typname, s, escontext);
	}
	else
	{
		int			n0 = p;

		while (is_bare_char(s[p]))
			p++;
		it->name = pnstrdup(s + n0, p - n0);
		it->len = p - n0;
	}
	if (!check_name(it->name, it->len, typname, s, escontext))
		return false;
	if (s[p] == '@')
	{
		for (int i = 1; i <= 3; i++)
			if (!isupper((unsigned char) s[p + i]))
			{
				syntax_error(typname, s, p, "Expected a 3-letter upper-case country code after @",
							 escontext);
				return false;
			}
		memcpy(it->country, s + p + 1, 3);
		p += 4;
	}
	if (allow_count && s[p] == ':' && !parse_count(s, &p, it, typname, escontext))
		return false;
	*pos = p;
	return true;
}

/* Appends a name in double quotes, " and \ escaped with \. */
void
entity_append_quoted(StringInfo buf, const char *name, int len)
{
	appendStringInfoChar(buf, '"');
	for (int i = 0; i < len; i++)
	{
		if (name[i] == '"' || name[i] == '\\')
			appendStringInfoChar(buf, '\\');
		appendStringInfoChar(buf, name[i]);
	}
	appendStringInfoChar(buf, '"');
}

/* ------------------------------------------------------------------------
 * entity
 * ------------------------------------------------------------------------
 */
Datum
entity_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	Node	   *escontext = fcinfo->context;
	ItemParse	it;
	int			pos = 0;

	if (!parse_item(s, &pos, &it, "entity", true, false, escontext))
		PG_RETURN_NULL();
	while (isspace((unsigned char) s[pos]))
		pos++;
	if (s[pos] != '\0')
	{
		syntax_error("entity", s, pos, "Unexpected text after the entity", escontext);
		PG_RETURN_NULL();
	}
	PG_RETURN_POINTER(make_entity(it.kind, it.name, it.len, it.country));
}

Datum
entity_out(PG_FUNCTION_ARGS)
{
	Entity	   *e = PG_GETARG_ENTITY_P(0);
	StringInfoData buf;
	int			len = ENTITY_NAMELEN(e);
	bool		plain = true;

	initStringInfo(&buf);
	appendStringInfo(&buf, "%s:", entity_kind_name(e->kind));
	/* quote only when reading back unquoted would change the value */
	if (len == 0 || e->name[0] == '"' || isspace((unsigned char) e->name[0]) ||
		isspace((unsigned char) e->name[len - 1]))
		plain = false;
	if (len > 4 && e->name[len - 4] == '@')
		plain = false;
	if (plain)
		appendBinaryStringInfo(&buf, e->name, len);
	else
		entity_append_quoted(&buf, e->name, len);
	if (e->country[0])
		appendStringInfo(&buf, "@%.3s", e->country);
	PG_RETURN_CSTRING(buf.data);
}

Datum
entity_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			kind = dipg_recv_byte(buf, "entity");
	const char *country = dipg_recv_bytes(buf, 3, "entity");
	int			len = dipg_recv_int32(buf, "entity");
	const char *name;

	if (kind < 1 || kind > EK_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid entity kind %d in binary entity", kind)));
	if (!valid_country(country))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid country code in binary entity")));
	name = dipg_recv_bytes(buf, len, "entity");
	recv_check_name(name, len, "entity");
	PG_RETURN_POINTER(make_entity(kind, name, len, country));
}

Datum
entity_send(PG_FUNCTION_ARGS)
{
	Entity	   *e = PG_GETARG_ENTITY_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, e->kind);
	pq_sendbytes(&buf, e->country, 3);
	pq_sendint32(&buf, ENTITY_NAMELEN(e));
	pq_sendbytes(&buf, e->name, ENTITY_NAMELEN(e));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static int
entity_compare(Entity *a, Entity *b)
{
	EntityItem	x = {a->kind, a->name, ENTITY_NAMELEN(a), {0, 0, 0}, 0};
	EntityItem	y = {b->kind, b->name, ENTITY_NAMELEN(b), {0, 0, 0}, 0};

	return sset_item_cmp(&x, &y);
}

#define ENTITY_CMP_FN(fname, expr) \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	Entity	   *a = PG_GETARG_ENTITY_P(0); \
	Entity	   *b = PG_GETARG_ENTITY_P(1); \
	int			c = entity_compare(a, b); \
	PG_RETURN_BOOL(expr); \
}

ENTITY_CMP_FN(entity_eq, c == 0)
ENTITY_CMP_FN(entity_ne, c != 0)
ENTITY_CMP_FN(entity_lt, c < 0)
ENTITY_CMP_FN(entity_le, c <= 0)
ENTITY_CMP_FN(entity_gt, c > 0)
ENTITY_CMP_FN(entity_ge, c >= 0)

Datum
entity_cmp(PG_FUNCTION_ARGS)
{
	Entity	   *a = PG_GETARG_ENTITY_P(0);
	Entity	   *b = PG_GETARG_ENTITY_P(1);

	PG_RETURN_INT32(entity_compare(a, b));
}

Datum
entity_hash(PG_FUNCTION_ARGS)
{
	Entity	   *e = PG_GETARG_ENTITY_P(0);
	uint32		h = hash_bytes((const unsigned char *) e->name, ENTITY_NAMELEN(e));

	PG_RETURN_INT32((int32) (h ^ (e->kind * 0x9e3779b9u)));
}

Datum
entity_kind(PG_FUNCTION_ARGS)
{
	Entity	   *e = PG_GETARG_ENTITY_P(0);

	PG_RETURN_TEXT_P(cstring_to_text(entity_kind_name(e->kind)));
}

Datum
entity_name(PG_FUNCTION_ARGS)
{
	Entity	   *e = PG_GETARG_ENTITY_P(0);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(e->name, ENTITY_NAMELEN(e)));
}

Datum
entity_country(PG_FUNCTION_ARGS)
{
	Entity	   *e = PG_GETARG_ENTITY_P(0);

	if (e->country[0] == 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(e->country, 3));
}

/* diplomat.entity(kind text, name text, country text DEFAULT NULL) */
Datum
entity_construct(PG_FUNCTION_ARGS)
{
	text	   *kt;
	text	   *nt;
	char		country[3] = {0, 0, 0};
	int			kind;
	char	   *kstr;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	kt = PG_GETARG_TEXT_PP(0);
	nt = PG_GETARG_TEXT_PP(1);
	kstr = text_to_cstring(kt);
	kind = entity_kind_parse(kstr, strlen(kstr));
	if (kind == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown entity kind \"%s\"", kstr),
				 errhint("Use PER, ORG, GPE, LOC, NORP, DATE or topic.")));
	if (!PG_ARGISNULL(2))
	{
		text	   *ct = PG_GETARG_TEXT_PP(2);

		if (VARSIZE_ANY_EXHDR(ct) != 3 || !valid_country(VARDATA_ANY(ct)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid country code \"%s\"", text_to_cstring(ct)),
					 errhint("Use an ISO 3166-1 alpha-3 code such as USA.")));
		memcpy(country, VARDATA_ANY(ct), 3);
	}
	check_name(VARDATA_ANY(nt), VARSIZE_ANY_EXHDR(nt), "entity", text_to_cstring(nt), NULL);
	PG_RETURN_POINTER(make_entity(kind, VARDATA_ANY(nt), VARSIZE_ANY_EXHDR(nt), country));
}

/* ------------------------------------------------------------------------
 * entities: construction
 * ------------------------------------------------------------------------
 */
/* Reads entry i of an entities value as an item. */
static void
entities_get(const void *set, int i, SSetItem *item)
{
	const Entities *es = set;
	const EntityEntry *e = &es->entries[i];

	item->kind = e->kind;
	item->name = ENTRY_NAME(es, e);
	item->len = e->name_len;
	memcpy(item->country, e->country, 3);
	item->value = e->count;
}

/* Stores an item as entry i of an entities value. */
static void
entities_put(void *set, int i, const SSetItem *item, uint32 off)
{
	EntityEntry *e = &((Entities *) set)->entries[i];

	e->kind = (uint8) item->kind;
	e->name_off = off;
	e->name_len = (uint16) item->len;
	memcpy(e->country, item->country, 3);
	e->count = item->value;
}

/* Folds a duplicate into the item kept: counts add, a known country wins. */
static void
entities_merge(SSetItem *kept, const SSetItem *dup)
{
	uint64		c = (uint64) kept->value + dup->value;

	kept->value = c > PG_INT32_MAX ? PG_INT32_MAX : (uint32) c;
	if (kept->country[0] == 0)
		memcpy(kept->country, dup->country, 3);
}


Entities *
make_entities(EntityItem *items, int n)
{
	return sset_build(&EntitiesSet, items, n);
}

int
entities_find(const Entities *es, int kind, const char *name, int len)
{
	EntityItem	key = {kind, name, len, {0, 0, 0}, 0};

	return sset_find(&EntitiesSet, es, &key);
}

bool
entities_has_kind(const Entities *es, int kind)
{
	for (int i = 0; i < es->nentries; i++)
		if (es->entries[i].kind == kind)
			return true;
	return false;
}

text *
entity_key_text(int kind, const char *name, int len)
{
	const char *k = entity_kind_name(kind);
	int			kl = strlen(k);
	text	   *t = palloc(VARHDRSZ + kl + 1 + len);

	SET_VARSIZE(t, VARHDRSZ + kl + 1 + len);
	memcpy(VARDATA(t), k, kl);
	VARDATA(t)[kl] = ':';
	memcpy(VARDATA(t) + kl + 1, name, len);
	return t;
}

/* ------------------------------------------------------------------------
 * entities: I/O
 * ------------------------------------------------------------------------
 */
Datum
entities_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	Node	   *escontext = fcinfo->context;
	int			pos = 0;
	int			n = 0,
				cap = 16;
	EntityItem *items = palloc(cap * sizeof(EntityItem));

	while (isspace((unsigned char) s[pos]))
		pos++;
	while (s[pos] != '\0')
	{
		ItemParse	it;

		if (!parse_item(s, &pos, &it, "entities", false, true, escontext))
			PG_RETURN_NULL();
		if (n == cap)
		{
			cap *= 2;
			items = repalloc(items, cap * sizeof(EntityItem));
		}
		items[n].kind = it.kind;
		items[n].name = it.name;
		items[n].len = it.len;
		memcpy(items[n].country, it.country, 3);
		items[n].value = it.has_count ? (uint32) it.count : 1;
		n++;
		while (isspace((unsigned char) s[pos]))
			pos++;
		if (s[pos] == ',')
		{
			pos++;
			while (isspace((unsigned char) s[pos]))
				pos++;
			if (s[pos] == '\0')
			{
				syntax_error("entities", s, pos, "Expected an entity after ,", escontext);
				PG_RETURN_NULL();
			}
		}
		else if (s[pos] != '\0')
		{
			syntax_error("entities", s, pos, "Expected , between entities", escontext);
			PG_RETURN_NULL();
		}
	}
	PG_RETURN_POINTER(make_entities(items, n));
}

/* Text form of one entry: KIND:"name"[@CCC]:count. */
static void
entities_out_item(StringInfo buf, const SSetItem *item)
{
	appendStringInfo(buf, "%s:", entity_kind_name(item->kind));
	entity_append_quoted(buf, item->name, item->len);
	if (item->country[0])
		appendStringInfo(buf, "@%.3s", item->country);
	appendStringInfo(buf, ":%u", item->value);
}

/*
 * Binary form of one entry: byte kind, 3 bytes country, int32 mention
 * count, int32 name length, name bytes.
 */
static void
entities_send_item(StringInfo buf, const SSetItem *item)
{
	pq_sendbyte(buf, item->kind);
	pq_sendbytes(buf, item->country, 3);
	pq_sendint32(buf, (int32) item->value);
	pq_sendint32(buf, item->len);
	pq_sendbytes(buf, item->name, item->len);
}

/* Reads and validates one binary entry. */
static void
entities_recv_item(StringInfo buf, SSetItem *item)
{
	int			kind = dipg_recv_byte(buf, "entities");
	const char *country = dipg_recv_bytes(buf, 3, "entities");
	int32		count = dipg_recv_int32(buf, "entities");
	int32		len = dipg_recv_int32(buf, "entities");

	if (kind < 1 || kind > EK_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid entity kind %d in binary entities", kind)));
	if (!valid_country(country))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid country code in binary entities")));
	if (count < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid mention count %d in binary entities", count)));
	item->kind = kind;
	memcpy(item->country, country, 3);
	item->value = (uint32) count;
	item->len = len;
	item->name = dipg_recv_bytes(buf, len, "entities");
	recv_check_name(item->name, len, "entities");
}

const SSetType EntitiesSet = {
	"entities", ENTITIES_HDRSZ, sizeof(EntityEntry),
	entities_get, entities_put, entities_merge,
	entities_out_item, entities_send_item, entities_recv_item, 13
};

/* entities_out, entities_send and entities_recv (receive re-sorts) */
SSET_IO_FUNCTIONS(entities, &EntitiesSet)

/* ------------------------------------------------------------------------
 * entities: operators
 * ------------------------------------------------------------------------
 */
Datum
entities_contains_entity(PG_FUNCTION_ARGS)
{
	Entities   *es = PG_GETARG_ENTITIES_P(0);
	Entity	   *e = PG_GETARG_ENTITY_P(1);

	PG_RETURN_BOOL(entities_find(es, e->kind, e->name, ENTITY_NAMELEN(e)) >= 0);
}

/* entities @> entities, <@, &&, = and <> */
SSET_OPERATOR_FUNCTIONS(entities, &EntitiesSet)

/* Union; counts add. */
Datum
entities_concat(PG_FUNCTION_ARGS)
{
	Entities   *a = PG_GETARG_ENTITIES_P(0);
	Entities   *b = PG_GETARG_ENTITIES_P(1);
	int			n = a->nentries + b->nentries;
	EntityItem *items = palloc(Max(n, 1) * sizeof(EntityItem));

	for (int i = 0; i < a->nentries; i++)
		entities_get(a, i, &items[i]);
	for (int i = 0; i < b->nentries; i++)
		entities_get(b, i, &items[a->nentries + i]);
	PG_RETURN_POINTER(make_entities(items, n));
}

Datum
entities_length(PG_FUNCTION_ARGS)
{
	Entities   *es = PG_GETARG_ENTITIES_P(0);

	PG_RETURN_INT32(es->nentries);
}

/* Mention count of an entity in the set, 0 if absent. */
Datum
entities_count(PG_FUNCTION_ARGS)
{
	Entities   *es = PG_GETARG_ENTITIES_P(0);
	Entity	   *e = PG_GETARG_ENTITY_P(1);
	int			i = entities_find(es, e->kind, e->name, ENTITY_NAMELEN(e));

	PG_RETURN_INT32(i >= 0 ? (int32) es->entries[i].count : 0);
}

/* Keeps only the entries of one kind. */
Datum
entities_filter_kind(PG_FUNCTION_ARGS)
{
	Entities   *es = PG_GETARG_ENTITIES_P(0);
	char	   *k = text_to_cstring(PG_GETARG_TEXT_PP(1));
	int			kind = entity_kind_parse(k, strlen(k));
	EntityItem *items = palloc(Max(es->nentries, 1) * sizeof(EntityItem));
	int			n = 0;

	if (kind == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown entity kind \"%s\"", k)));
	for (int i = 0; i < es->nentries; i++)
		if (es->entries[i].kind == kind)
			entities_get(es, i, &items[n++]);
	PG_RETURN_POINTER(make_entities(items, n));
}
