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

/* ret fn(const type *x, uint32_t i): x->arr[i].field, or dflt for a NULL x
 * or an index out of range. */
#define MFR_ELEMENT_GETTER(ret, fn, type, arr, count, field, dflt)          \
	MFR_EXPORT ret fn(const type *x, uint32_t i)                        \
	{                                                                   \
		return x && i < x->count ? (ret)(x->arr[i].field) : (dflt); \
	}

/* The provenance getter of an entity type. */
#define MFR_PROVENANCE_GETTER(fn, type)                                   \
	MFR_EXPORT const mfr_provenance *fn(const type *x)                \
	{                                                                 \
		return x ? &x->prov : NULL;                               \
	}

#endif /* MFR_ACCESSOR_H */
