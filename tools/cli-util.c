/*
 * mfr - helpers every command shares: number options, site names, JSON.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

int cli_parse_count(const char *opt, const char *val, uint32_t *out)
{
	char *end;

	errno = 0;
	unsigned long v = strtoul(val, &end, 10);
	if (errno || *end || end == val || val[0] == '-' || v > UINT32_MAX)
		return cli_usage_error("%s takes a whole number, not '%s'", opt, val);
	*out = (uint32_t)v;
	return CLI_OK;
}

void cli_site_name(char *buf, size_t size, const mfr_region *r, int side)
{
	if (side == MFR_SIDE_MIDLINE)
		snprintf(buf, size, "%s", mfr_region_name(r));
	else
		snprintf(buf, size, "%s %s", mfr_side_name(side), mfr_region_name(r));
}

int cli_emit_json(mfr_status st, char *text, mfr_error *err)
{
	if (st != MFR_OK) {
		cli_report("cannot write JSON", st, err);
		mfr_error_free(err);
		return CLI_FAIL;
	}
	fputs(text, stdout);
	mfr_free(text);
	return CLI_OK;
}
