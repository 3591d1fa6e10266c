/*-------------------------------------------------------------------------
 *
 * binary.c
 *	  Reading the binary forms of the extension's types.
 *
 * pq_getmsgint() and friends report a value shorter than they need as a
 * protocol violation (08P01); in a receive function a short value is
 * invalid binary input like any other, so these check the length first and
 * raise 22P03, the one SQLSTATE of every binary input error.
 *
 *-------------------------------------------------------------------------
 */
#include "diplomat.h"

#include "libpq/pqformat.h"

/* Raises 22P03 unless len more bytes are left in buf. */
static void
recv_need(StringInfo buf, int len, const char *typname)
{
	if (len < 0 || buf->len - buf->cursor < len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("insufficient data in binary %s value", typname)));
}

/* Reads one byte. */
uint8
dipg_recv_byte(StringInfo buf, const char *typname)
{
	recv_need(buf, 1, typname);
	return (uint8) pq_getmsgbyte(buf);
}

/* Reads a network-order int32. */
int32
dipg_recv_int32(StringInfo buf, const char *typname)
{
	recv_need(buf, 4, typname);
	return (int32) pq_getmsgint(buf, 4);
}

/* Reads a network-order float4. */
float4
dipg_recv_float4(StringInfo buf, const char *typname)
{
	recv_need(buf, 4, typname);
	return pq_getmsgfloat4(buf);
}

/* Returns a pointer to the next len bytes and skips them. */
const char *
dipg_recv_bytes(StringInfo buf, int len, const char *typname)
{
	recv_need(buf, len, typname);
	return pq_getmsgbytes(buf, len);
}

/*
 * Reads the element count of a value whose elements take at least minsize
 * bytes each, refusing a count the rest of the value cannot hold.
 */
int32
dipg_recv_count(StringInfo buf, int minsize, const char *typname)
{
	int32		n = dipg_recv_int32(buf, typname);

	if (n < 0 || n > (buf->len - buf->cursor) / minsize)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid number of elements %d in binary %s value", n, typname)));
	return n;
}
