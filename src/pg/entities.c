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
PG_FUNCTION_INFO_V1(entities_out);
PG_FUNCTION_INFO_V1(entities_recv);
PG_FUNCTION_INFO_V1(entities_send);
PG_FUNCTION_INFO_V1(entities_contains_entity);
PG_FUNCTION_INFO_V1(entities_contains);
PG_FUNCTION_INFO_V1(entities_contained);
PG_FUNCTION_INFO_V1(entities_overlap);
PG_FUNCTION_INFO_V1(entities_concat);
PG_FUNCTION_INFO_V1(entities_eq);
PG_FUNCTION_INFO_V1(entities_ne);
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

int
entity_key_cmp(int k1, const char *n1, int l1, int k2, const char *n2, int l2)
{
	int			c;

	if (k1 != k2)
		return k1 < k2 ? -1 : 1;
	c = memcmp(n1, n2, Min(l1, l2));
	if (c != 0)
		return c;
	return l1 < l2 ? -1 : (l1 > l2);
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

/* Checks a name: non-empty, bounded, valid UTF-8 without control chars. */
static void
check_name(const char *name, int len, const char *typname, const char *input)
{
	if (len <= 0 || len > ENTITY_MAX_NAME)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
				 errdetail("An entity name must have 1 to %d bytes.", ENTITY_MAX_NAME)));
	for (int i = 0; i < len; i++)
		if ((unsigned char) name[i] < 0x20)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
					 errdetail("An entity name cannot contain control characters.")));
	if (!pg_verifymbstr(name, len, true))
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("invalid byte sequence in entity name")));
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

static void
syntax_error(const char *typname, const char *input, int pos, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
			 errdetail("%s at character %d.", what, pos + 1)));
}

/* Reads a double-quoted string with \ escapes starting at s[*pos] == '"'. */
static char *
parse_quoted(const char *s, int *pos, int *len, const char *typname)
{
	StringInfoData buf;
	int			p = *pos + 1;

	initStringInfo(&buf);
	for (;;)
	{
		if (s[p] == '\0')
			syntax_error(typname, s, p, "Unterminated quoted name");
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

static bool
is_bare_char(char c)
{
	return !(c == '\0' || c == ',' || c == '@' || c == ':' || c == '"' ||
			 c == '&' || c == '|' || c == '!' || c == '(' || c == ')' ||
			 isspace((unsigned char) c));
}

/*
 * Parses KIND ':' name ['@' CCC] [':' count] at s[*pos].  rest_is_name:
 * an unquoted name runs to the end of the string (entity input).
 */
static void
parse_item(const char *s, int *pos, ItemParse *it, const char *typname,
		   bool rest_is_name, bool allow_count)
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
		syntax_error(typname, s, p, "Expected KIND: (PER, ORG, GPE, LOC, NORP, DATE or topic)");
	it->kind = entity_kind_parse(s + k0, p - k0);
	if (it->kind == 0)
		syntax_error(typname, s, k0, "Unknown entity kind");
	p++;
	if (s[p] == '"')
		it->name = parse_quoted(s, &p, &it->len, typname);
	else if (rest_is_name)
	{
		int			end = strlen(s);

		while (end > p && isspace((unsigned char) s[end - 1]))
			end--;
		/* a final @XXX is the country */
		if (end - p > 4 && s[end - 4] == '@' && isupper((unsigned char) s[end - 3]) &&
			isupper((unsigned char) s[end - 2]) && isupper((unsigned char) s[end - 1]))
		{
			memcpy(it->country, s + end - 3, 3);
			it->name = pnstrdup(s + p, end - 4 - p);
			it->len = end - 4 - p;
			*pos = end;
			check_name(it->name, it->len, typname, s);
			return;
		}
		it->name = pnstrdup(s + p, end - p);
		it->len = end - p;
		*pos = end;
		check_name(it->name, it->len, typname, s);
		return;
	}
	else
	{
		int			n0 = p;

		while (is_bare_char(s[p]))
			p++;
		it->name = pnstrdup(s + n0, p - n0);
		it->len = p - n0;
	}
	check_name(it->name, it->len, typname, s);
	if (s[p] == '@')
	{
		for (int i = 1; i <= 3; i++)
			if (!isupper((unsigned char) s[p + i]))
				syntax_error(typname, s, p, "Expected a 3-letter upper-case country code after @");
		memcpy(it->country, s + p + 1, 3);
		p += 4;
	}
	if (allow_count && s[p] == ':')
	{
		int64		c = 0;
		int			d0 = ++p;

		while (isdigit((unsigned char) s[p]))
		{
			c = c * 10 + (s[p] - '0');
			if (c > PG_INT32_MAX)
				syntax_error(typname, s, d0, "Count out of range");
			p++;
		}
		if (p == d0)
			syntax_error(typname, s, p, "Expected a count after :");
		it->count = c;
		it->has_count = true;
	}
	*pos = p;
}

/* Appends a name, quoted. */
static void
append_quoted(StringInfo buf, const char *name, int len)
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
	ItemParse	it;
	int			pos = 0;

	parse_item(s, &pos, &it, "entity", true, false);
	while (isspace((unsigned char) s[pos]))
		pos++;
	if (s[pos] != '\0')
		syntax_error("entity", s, pos, "Unexpected text after the entity");
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
		append_quoted(&buf, e->name, len);
	if (e->country[0])
		appendStringInfo(&buf, "@%.3s", e->country);
	PG_RETURN_CSTRING(buf.data);
}

Datum
entity_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			kind = pq_getmsgbyte(buf);
	const char *country = pq_getmsgbytes(buf, 3);
	int			len;
	const char *name;

	if (kind < 1 || kind > EK_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid entity kind %d in binary entity", kind)));
	if (!valid_country(country))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid country code in binary entity")));
	len = pq_getmsgint(buf, 4);
	if (len <= 0 || len > ENTITY_MAX_NAME || len > buf->len - buf->cursor)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid name length %d in binary entity", len)));
	name = pq_getmsgbytes(buf, len);
	check_name(name, len, "entity", "(binary)");
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
	return entity_key_cmp(a->kind, a->name, ENTITY_NAMELEN(a),
						  b->kind, b->name, ENTITY_NAMELEN(b));
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
	check_name(VARDATA_ANY(nt), VARSIZE_ANY_EXHDR(nt), "entity", text_to_cstring(nt));
	PG_RETURN_POINTER(make_entity(kind, VARDATA_ANY(nt), VARSIZE_ANY_EXHDR(nt), country));
}

/* ------------------------------------------------------------------------
 * entities: construction
 * ------------------------------------------------------------------------
 */
static int
cmp_item(const void *a, const void *b)
{
	const EntityItem *x = a,
			   *y = b;

	return entity_key_cmp(x->kind, x->name, x->len, y->kind, y->name, y->len);
}

Entities *
make_entities(EntityItem *items, int n)
{
	int			m = 0;
	Size		strsize = 0;
	Size		size;
	Entities   *es;
	char	   *str;
	uint32		off = 0;

	if (n > 1)
		qsort(items, n, sizeof(EntityItem), cmp_item);
	/* merge duplicates: counts add, a known country wins */
	for (int i = 0; i < n; i++)
	{
		if (m > 0 && cmp_item(&items[m - 1], &items[i]) == 0)
		{
			uint64		c = (uint64) items[m - 1].count + items[i].count;

			items[m - 1].count = c > PG_INT32_MAX ? PG_INT32_MAX : (uint32) c;
			if (items[m - 1].country[0] == 0)
				memcpy(items[m - 1].country, items[i].country, 3);
			continue;
		}
		items[m++] = items[i];
	}
	for (int i = 0; i < m; i++)
		strsize += items[i].len;
	size = ENTITIES_HDRSZ + (Size) m * sizeof(EntityEntry) + strsize;
	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("entities value too large")));
	es = palloc0(size);
	SET_VARSIZE(es, size);
	es->nentries = m;
	str = ENTITIES_STRINGS(es);
	for (int i = 0; i < m; i++)
	{
		EntityEntry *e = &es->entries[i];

		e->kind = (uint8) items[i].kind;
		e->name_off = off;
		e->name_len = (uint16) items[i].len;
		memcpy(e->country, items[i].country, 3);
		e->count = items[i].count;
		memcpy(str + off, items[i].name, items[i].len);
		off += items[i].len;
	}
	return es;
}

int
entities_find(const Entities *es, int kind, const char *name, int len)
{
	int			lo = 0,
				hi = es->nentries - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		const EntityEntry *e = &es->entries[mid];
		int			c = entity_key_cmp(e->kind, ENTRY_NAME(es, e), e->name_len, kind, name, len);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
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
	int			pos = 0;
	int			n = 0,
				cap = 16;
	EntityItem *items = palloc(cap * sizeof(EntityItem));

	while (isspace((unsigned char) s[pos]))
		pos++;
	while (s[pos] != '\0')
	{
		ItemParse	it;

		parse_item(s, &pos, &it, "entities", false, true);
		if (n == cap)
		{
			cap *= 2;
			items = repalloc(items, cap * sizeof(EntityItem));
		}
		items[n].kind = it.kind;
		items[n].name = it.name;
		items[n].len = it.len;
		memcpy(items[n].country, it.country, 3);
		items[n].count = it.has_count ? (uint32) it.count : 1;
		n++;
		while (isspace((unsigned char) s[pos]))
			pos++;
		if (s[pos] == ',')
		{
			pos++;
			while (isspace((unsigned char) s[pos]))
				pos++;
			if (s[pos] == '\0')
				syntax_error("entities", s, pos, "Expected an entity after ,");
		}
		else if (s[pos] != '\0')
			syntax_error("entities", s, pos, "Expected , between entities");
	}
	PG_RETURN_POINTER(make_entities(items, n));
}

Datum
entities_out(PG_FUNCTION_ARGS)
{
	Entities   *es = PG_GETARG_ENTITIES_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < es->nentries; i++)
	{
		EntityEntry *e = &es->entries[i];

		if (i > 0)
			appendStringInfoString(&buf, ", ");
		appendStringInfo(&buf, "%s:", entity_kind_name(e->kind));
		append_quoted(&buf, ENTRY_NAME(es, e), e->name_len);
		if (e->country[0])
			appendStringInfo(&buf, "@%.3s", e->country);
		appendStringInfo(&buf, ":%u", e->count);
	}
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Binary: int32 count, then per entry: byte kind, 3 bytes country, int32
 * mention count, int32 name length, name bytes.  Receive validates every
 * field and re-sorts.
 */
Datum
entities_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			n = pq_getmsgint(buf, 4);
	EntityItem *items;

	/* each entry takes at least 13 bytes */
	if (n < 0 || n > (buf->len - buf->cursor) / 13 + 1 ||
		(Size) n > MaxAllocSize / sizeof(EntityItem))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid number of entities %d in binary entities", n)));
	items = palloc(Max(n, 1) * sizeof(EntityItem));
	for (int i = 0; i < n; i++)
	{
		int			kind = pq_getmsgbyte(buf);
		const char *country = pq_getmsgbytes(buf, 3);
		int32		count = pq_getmsgint(buf, 4);
		int32		len = pq_getmsgint(buf, 4);

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
		if (len <= 0 || len > ENTITY_MAX_NAME || len > buf->len - buf->cursor)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid name length %d in binary entities", len)));
		items[i].kind = kind;
		memcpy(items[i].country, country, 3);
		items[i].count = (uint32) count;
		items[i].len = len;
		items[i].name = pq_getmsgbytes(buf, len);
		check_name(items[i].name, len, "entities", "(binary)");
	}
	PG_RETURN_POINTER(make_entities(items, n));
}

Datum
entities_send(PG_FUNCTION_ARGS)
{
	Entities   *es = PG_GETARG_ENTITIES_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, es->nentries);
	for (int i = 0; i < es->nentries; i++)
	{
		EntityEntry *e = &es->entries[i];

		pq_sendbyte(&buf, e->kind);
		pq_sendbytes(&buf, e->country, 3);
		pq_sendint32(&buf, (int32) e->count);
		pq_sendint32(&buf, e->name_len);
		pq_sendbytes(&buf, ENTRY_NAME(es, e), e->name_len);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

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

/* True if every entry of b is in a (merge over the sorted arrays). */
static bool
contains(Entities *a, Entities *b)
{
	int			i = 0;

	for (int j = 0; j < b->nentries; j++)
	{
		EntityEntry *eb = &b->entries[j];
		int			c = 1;

		while (i < a->nentries)
		{
			EntityEntry *ea = &a->entries[i];

			c = entity_key_cmp(ea->kind, ENTRY_NAME(a, ea), ea->name_len,
							   eb->kind, ENTRY_NAME(b, eb), eb->name_len);
			if (c >= 0)
				break;
			i++;
		}
		if (c != 0)
			return false;
	}
	return true;
}

Datum
entities_contains(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(contains(PG_GETARG_ENTITIES_P(0), PG_GETARG_ENTITIES_P(1)));
}

Datum
entities_contained(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(contains(PG_GETARG_ENTITIES_P(1), PG_GETARG_ENTITIES_P(0)));
}

Datum
entities_overlap(PG_FUNCTION_ARGS)
{
	Entities   *a = PG_GETARG_ENTITIES_P(0);
	Entities   *b = PG_GETARG_ENTITIES_P(1);
	int			i = 0,
				j = 0;

	while (i < a->nentries && j < b->nentries)
	{
		EntityEntry *ea = &a->entries[i];
		EntityEntry *eb = &b->entries[j];
		int			c = entity_key_cmp(ea->kind, ENTRY_NAME(a, ea), ea->name_len,
									   eb->kind, ENTRY_NAME(b, eb), eb->name_len);

		if (c == 0)
			PG_RETURN_BOOL(true);
		if (c < 0)
			i++;
		else
			j++;
	}
	PG_RETURN_BOOL(false);
}

/* Union; counts add. */
Datum
entities_concat(PG_FUNCTION_ARGS)
{
	Entities   *a = PG_GETARG_ENTITIES_P(0);
	Entities   *b = PG_GETARG_ENTITIES_P(1);
	int			n = a->nentries + b->nentries;
	EntityItem *items = palloc(Max(n, 1) * sizeof(EntityItem));
	int			k = 0;

	for (int pass = 0; pass < 2; pass++)
	{
		Entities   *es = pass ? b : a;

		for (int i = 0; i < es->nentries; i++)
		{
			EntityEntry *e = &es->entries[i];

			items[k].kind = e->kind;
			items[k].name = ENTRY_NAME(es, e);
			items[k].len = e->name_len;
			memcpy(items[k].country, e->country, 3);
			items[k].count = e->count;
			k++;
		}
	}
	PG_RETURN_POINTER(make_entities(items, n));
}

/* Equality: same keys and counts. */
static bool
entities_equal(Entities *a, Entities *b)
{
	if (a->nentries != b->nentries)
		return false;
	for (int i = 0; i < a->nentries; i++)
	{
		EntityEntry *ea = &a->entries[i];
		EntityEntry *eb = &b->entries[i];

		if (ea->count != eb->count ||
			entity_key_cmp(ea->kind, ENTRY_NAME(a, ea), ea->name_len,
						   eb->kind, ENTRY_NAME(b, eb), eb->name_len) != 0)
			return false;
	}
	return true;
}

Datum
entities_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(entities_equal(PG_GETARG_ENTITIES_P(0), PG_GETARG_ENTITIES_P(1)));
}

Datum
entities_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!entities_equal(PG_GETARG_ENTITIES_P(0), PG_GETARG_ENTITIES_P(1)));
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
	{
		EntityEntry *e = &es->entries[i];

		if (e->kind != kind)
			continue;
		items[n].kind = e->kind;
		items[n].name = ENTRY_NAME(es, e);
		items[n].len = e->name_len;
		memcpy(items[n].country, e->country, 3);
		items[n].count = e->count;
		n++;
	}
	PG_RETURN_POINTER(make_entities(items, n));
}
