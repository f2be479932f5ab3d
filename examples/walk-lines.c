/*
 * walk-lines: print every fascial line of the default model, branch by
 * branch, with its stations and tracks in order and where it crosses the
 * midline. A first taste of the libmfr model API.
 *
 * Build against an installed libmfr:
 *   cc walk-lines.c $(pkg-config --cflags --libs libmfr) -o walk-lines
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>

#include <mfr/mfr.h>

static void print_branch(const mfr_line_branch *branch)
{
	printf("  %s:\n", mfr_line_branch_key(branch));
	for (uint32_t i = 0; i < mfr_line_branch_node_count(branch); i++) {
		const mfr_line_node *node = mfr_line_branch_node_at(branch, i);

		if (mfr_line_node_crosses(node))
			printf("      (crosses to the other side)\n");
		printf("    %-7s", mfr_node_kind_name(mfr_line_node_kind(node)));
		for (uint32_t k = 0; k < mfr_line_node_region_count(node); k++) {
			const mfr_region *r = mfr_line_node_region_at(node, k);
			printf("%s%s", k ? ", " : " ", mfr_region_name(r));
		}
		printf(" [%s]\n", mfr_line_side_name(mfr_line_node_side(node)));
	}
}

int main(void)
{
	mfr_model *model = NULL;
	mfr_error *err = NULL;
	mfr_status_t st = mfr_model_default(&model, &err);

	if (st != MFR_OK) {
		fprintf(stderr, "walk-lines: %s\n", mfr_error_message(err));
		mfr_error_free(err);
		return EXIT_FAILURE;
	}
	printf("%s (libmfr %s): %u fascial lines\n", mfr_model_name(model),
	       mfr_version(), mfr_model_count(model, MFR_KIND_LINE));
	for (uint32_t i = 0; i < mfr_model_count(model, MFR_KIND_LINE); i++) {
		const mfr_line *line = mfr_model_line_at(model, i);

		printf("\n%s (%s), evidence: %s\n", mfr_line_name(line),
		       mfr_line_abbrev(line), mfr_evidence_name(mfr_line_evidence(line)));
		for (uint32_t b = 0; b < mfr_line_branch_count(line); b++)
			print_branch(mfr_line_branch_at(line, b));
	}
	mfr_model_unref(model);
	return EXIT_SUCCESS;
}
