/*
 * libmfr - internal error construction.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_ERROR_H
#define MFR_ERROR_H

#include <stdint.h>

#include "mfr/common.h"

/* Where in an input a failure lies; any field may be empty/zero/-1. */
typedef struct mfr_where {
	const char *source; /* file name or "<buffer>", or NULL */
	const char *path;   /* JSON path, or NULL */
	int32_t line;       /* 1-based or 0 */
	int32_t column;     /* 1-based or 0 */
	int64_t offset;     /* bytes or -1 */
} mfr_where;

/*
 * Store an error in *err (when err is non-NULL and *err is still NULL: the
 * first error wins) and return @p status. The message is formatted printf
 * style. When memory runs out, *err gets the static out-of-memory error.
 */
mfr_status_t mfr__error_set(mfr_error **err, mfr_status_t status,
			  const mfr_where *where, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The entry check of every public function that takes an mfr_error **
 * (the rule in mfr/common.h): a non-NULL *err on entry is MFR_E_INVALID,
 * and *err is left as it was. Call it once any out parameter is NULL. */
#define MFR__ERR_ENTRY(err)                     \
	do {                                    \
		if ((err) && *(err))            \
			return MFR_E_INVALID;   \
	} while (0)

/* The status for an out-of-memory failure, recorded in *err. */
mfr_status_t mfr__error_nomem(mfr_error **err);

#endif /* MFR_ERROR_H */
