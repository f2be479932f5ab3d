/*
 * libmfr - macros that define the entity getters, so that every getter
 * treats NULL and out-of-range indexes the same way.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_ACCESSOR_H
#define MFR_ACCESSOR_H

#include "model-private.h"

/* ret fn(const type *x): x->field, or dflt for a NULL x. */
#define MFR_GETTER(ret, fn, type, field, dflt)         \
	MFR_EXPORT ret fn(const type *x)               \
	{                                              \
		return x ? (ret)(x->field) : (dflt);   \
	}

/* const char *fn(const type *x): x->field, or NULL when x is NULL or the
 * field is absent (the model keeps "" for an absent text). */
#define MFR_TEXT_GETTER(fn, type, field)                                 \
	MFR_EXPORT const char *fn(const type *x)                         \
	{                                                                \
		return x && x->field && x->field[0] ? x->field : NULL;   \
	}

/* fn##_count and fn##_at over the array x->arr of x->count items. */
#define MFR_LIST_GETTER(fn, type, ret, arr, count)                       \
	MFR_EXPORT uint32_t fn##_count(const type *x)                    \
	{                                                                \
		return x ? x->count : 0;                                 \
	}                                                                \
	MFR_EXPORT ret fn##_at(const type *x, uint32_t index)            \
	{                                                                \
		return x && index < x->count ? x->arr[index] : NULL;     \
	}

/* The sub-items of a parent, as handles (mfr/common.h): item##_count(parent)
 * and item##_at(parent, index), the address of parent->arr[index] or NULL
 * for a NULL parent or an index out of range. */
#define MFR_HANDLE_LIST(item, ptype, arr, count) \
	MFR_HANDLE_LIST_OF(item, item, ptype, arr, count)
/* The same, for sub-items of type @p type listed as fn##_count/fn##_at. */
#define MFR_HANDLE_LIST_OF(fn, type, ptype, arr, count)                        \
	MFR_EXPORT uint32_t fn##_count(const ptype *x)                         \
	{                                                                      \
		return x ? x->count : 0;                                       \
	}                                                                      \
	MFR_EXPORT const type *fn##_at(const ptype *x, uint32_t index)         \
	{                                                                      \
		return x && index < x->count ? &x->arr[index] : NULL;          \
	}

/* The provenance getter of an entity type. */
#define MFR_PROVENANCE_GETTER(fn, type)                                   \
	MFR_EXPORT const mfr_provenance *fn(const type *x)                \
	{                                                                 \
		return x ? &x->prov : NULL;                               \
	}

#endif /* MFR_ACCESSOR_H */
