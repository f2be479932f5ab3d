/*
 * libmfr - reading whole files.
 * SPDX-License-Identifier: MIT
 */
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"

/*
 * What errno @p e means, for a message. Not strerror(): it may return a
 * buffer that another thread's call overwrites, and strerror_r() comes in
 * two incompatible flavours (XSI and GNU). A fixed table is thread-safe and
 * reads the same on every platform; other codes are given by number.
 */
const char *mfr__errno_text(int e, char *buf, size_t size)
{
	switch (e) {
	case ENOENT: return "no such file or directory";
	case EACCES: return "permission denied";
	case EPERM: return "operation not permitted";
	case EISDIR: return "it is a directory";
	case ENOTDIR: return "a part of the path is not a directory";
	case ENAMETOOLONG: return "the file name is too long";
	case ELOOP: return "too many levels of symbolic links";
	case EMFILE: return "too many open files in this process";
	case ENFILE: return "too many open files in the system";
	case ENOMEM: return "out of memory";
	case EIO: return "input/output error";
	case ENXIO: return "no such device or address";
	case ENODEV: return "no such device";
	case EFBIG: return "the file is too large";
	case EINVAL: return "invalid argument";
	case EBUSY: return "device or resource busy";
	case EAGAIN: return "resource temporarily unavailable";
	case EINTR: return "interrupted";
	}
	snprintf(buf, size, "system error %d", e);
	return buf;
}

/* Read a whole file into memory. */
mfr_status_t mfr__read_file(const char *path, size_t limit, char **data, size_t *size,
			  mfr_error **err)
{
	mfr_where where = { path, NULL, 0, 0, -1 };
	FILE *f = fopen(path, "rb");
	char *buf = NULL, text[32];
	size_t len = 0, cap = 0;

	if (!f) {
		int e = errno;

		return mfr__error_set(err, MFR_E_IO, &where,
				      "%s: cannot open: %s; check the path and "
				      "its permissions", path,
				      mfr__errno_text(e, text, sizeof(text)));
	}
	while (len < limit) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 64 * 1024;

			if (ncap > limit)
				ncap = limit;
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
				      path, mfr__errno_text(e, text, sizeof(text)));
	}
	fclose(f);
	*data = buf;
	*size = len;
	return MFR_OK;
}
