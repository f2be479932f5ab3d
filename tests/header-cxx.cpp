/*
 * libmfr header hygiene: the umbrella header compiles as C++ (its
 * declarations have C linkage), and a C++ program links against the shared
 * library.
 * SPDX-License-Identifier: MIT
 */
#include <mfr/mfr.h>

int main()
{
	mfr_model *model = nullptr;
	mfr_status_t st = mfr_model_default(&model, nullptr);
	int ok = st == MFR_OK && mfr_model_count(model, MFR_KIND_REGION) > 0 &&
		 mfr_version_number() == MFR_VERSION_NUMBER;

	mfr_model_free(model);
	return ok ? 0 : 1;
}
