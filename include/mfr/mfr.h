/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/mfr.h
 * @brief The umbrella header: include this one.
 *
 * libmfr models myofascial-release treatment planning: body regions, fascial
 * lines, trigger-point referrals, techniques, conditions and precautions.
 * It is decision support for licensed therapists. It never diagnoses.
 *
 * Threading, in short: a model, and a finished trace, plan or program, are
 * never changed after they are made, so any number of threads may read one
 * at once (each header says so for its own objects). An intake or an
 * options object may be shared once no thread changes it any more. A model
 * is reference-counted (mfr_model_ref(), mfr_model_unref(): atomic), and
 * every intake, trace, plan and program holds it, so a thread may drop its
 * reference while others use what was built on the model; nothing else may
 * be freed while another thread still uses it.
 *
 * The grammar of the whole API (names, handles, ownership, absent values,
 * the error rule) is in mfr/common.h and doc/guide.md.
 */
#ifndef MFR_MFR_H
#define MFR_MFR_H

#include "mfr/common.h"
#include "mfr/model.h"
#include "mfr/region.h"
#include "mfr/line.h"
#include "mfr/referral.h"
#include "mfr/technique.h"
#include "mfr/condition.h"
#include "mfr/find.h"
#include "mfr/precaution.h"
#include "mfr/safety.h"
#include "mfr/intake.h"
#include "mfr/trace.h"
#include "mfr/messages.h"
#include "mfr/plan.h"
#include "mfr/output.h"

#endif /* MFR_MFR_H */
