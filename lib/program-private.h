/*
 * libmfr - the program's private layout.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_PROGRAM_PRIVATE_H
#define MFR_PROGRAM_PRIVATE_H

#include <stdint.h>

#include "plan-private.h"

struct mfr_program_session {
	mfr_plan *plan;
	uint32_t day;
	uint8_t reassess;
	const char *focus; /* a static string: what the session's stage does */
	const char *focus_code; /* its message code (static) */
};

struct mfr_program {
	uint32_t count;
	uint32_t weeks;
	mfr_program_session *sessions;
};

#endif /* MFR_PROGRAM_PRIVATE_H */
