/*
 * libmfr - reading whole files.
 * SPDX-License-Identifier: MIT
 */
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"

/* Read a whole file into memory. */
mfr_status mfr__read_file(const char *path, char **data, size_t *size,
			    mfr_error **err)
{
	mfr_where where = { path, NULL, 0, 0, -1 };
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0;

	if (!f)
		return mfr__error_set(err, MFR_E_IO, &where,
				      "%s: cannot open: %s; check the path and "
				      "its permissions", path, strerror(errno));
	for (;;) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 64 * 1024;
			char *nbuf = ncap > cap ? mfr__realloc(buf, ncap) : NULL;

			if (!nbuf) {
				mfr__free(buf);
				fclose(f);
				return mfr__error_nomem(err);
			}
			buf = nbuf;
			cap = ncap;
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		int e = errno;
		mfr__free(buf);
		fclose(f);
		return mfr__error_set(err, MFR_E_IO, &where, "%s: read error: %s",
				      path, strerror(e));
	}
	fclose(f);
	*data = buf;
	*size = len;
	return MFR_OK;
}
