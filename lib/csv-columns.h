/*
 * libmfr - the columns of MFR_FORMAT_CSV (doc/batch-format.md, "CSV"):
 * the header rows the library writes, and that `mfr batch --format csv`
 * builds its own header from (tools/cmd-batch.c), so the two cannot drift.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_CSV_COLUMNS_H
#define MFR_CSV_COLUMNS_H

/* A plan or program: one row per step. */
#define MFR__CSV_PLAN_HEADER                                                   \
	"id,session,status,order,phase,region,side,technique,approach,position," \
	"lying_on,seconds,pressure,trace_rank,score,danger_zone"

/* A trace: one row per result. */
#define MFR__CSV_TRACE_HEADER "id,rank,region,side,distance,score,explanation"

#endif /* MFR_CSV_COLUMNS_H */
