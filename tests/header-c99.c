/*
 * libmfr header hygiene: the umbrella header compiles on its own under
 * -std=c99 -pedantic -Werror -Wall -Wextra, and a program links against the
 * shared library with nothing but it.
 * SPDX-License-Identifier: MIT
 */
#include <mfr/mfr.h>

int main(void)
{
	return mfr_version_number() == MFR_VERSION_NUMBER ? 0 : 1;
}
