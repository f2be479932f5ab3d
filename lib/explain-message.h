/*
 * libmfr - a trace result's explanation as a message (explain-message.c).
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_EXPLAIN_MESSAGE_H
#define MFR_EXPLAIN_MESSAGE_H

#include "messages-private.h"
#include "mfr/trace.h"

/* The explanation of @p result (its strongest path, and the other symptoms
 * it is reached from) as a message in @p a: written with the default table
 * it is mfr_trace_result_explain(result). NULL when memory runs out. The
 * message refers to the model's names: it lives while @p a and the model
 * do. */
const mfr_message *mfr__explain_msg(mfr_arena *a, const mfr_trace_result *result);

#endif /* MFR_EXPLAIN_MESSAGE_H */
