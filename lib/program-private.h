/*
 * libmfr - the program's private layout.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_PROGRAM_PRIVATE_H
#define MFR_PROGRAM_PRIVATE_H

#include <stdint.h>

#include "plan-private.h"

struct mfr_program {
	uint32_t count;
	uint32_t weeks;
	mfr_plan **plans;
	uint32_t *days;
	uint8_t *reassess;
	const char **focus; /* static strings: what the session's stage does */
};

#endif /* MFR_PROGRAM_PRIVATE_H */
