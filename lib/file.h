/*
 * libmfr - reading whole files.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_FILE_H
#define MFR_FILE_H

#include <stddef.h>

#include "error.h"

/* Read the file at @p path into a buffer from mfr__malloc (free it with
 * mfr__free), but no more than its first @p limit bytes: a caller passes
 * one byte more than it accepts, and rejects a file that fills them, so
 * that a huge file is never read whole. MFR_E_IO names the file and the
 * system's reason. */
mfr_status_t mfr__read_file(const char *path, size_t limit, char **data, size_t *size,
			  mfr_error **err);

/* What errno @p e means, in words, from a fixed table (thread-safe, unlike
 * strerror()); another code is written into @p buf as "system error N". */
const char *mfr__errno_text(int e, char *buf, size_t size);

#endif /* MFR_FILE_H */
