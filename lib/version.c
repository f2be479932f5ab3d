/*
 * libmfr - run-time version.
 * SPDX-License-Identifier: MIT
 */
#include "mfr/common.h"

#define STR_(x) #x
#define STR(x) STR_(x)

MFR_EXPORT const char *mfr_version(void)
{
	return STR(MFR_VERSION_MAJOR) "." STR(MFR_VERSION_MINOR) "." STR(MFR_VERSION_PATCH);
}

MFR_EXPORT uint32_t mfr_version_number(void)
{
	return MFR_VERSION_NUMBER;
}
