/*
 * libmfr - fascial line getters.
 * SPDX-License-Identifier: MIT
 */
#include "accessor.h"

MFR_GETTER(const char *, mfr_line_key, mfr_line, key, NULL)
MFR_GETTER(const char *, mfr_line_abbrev, mfr_line, abbrev, NULL)
MFR_GETTER(const char *, mfr_line_name, mfr_line, name, NULL)
MFR_GETTER(uint32_t, mfr_line_index, mfr_line, index, 0)
MFR_GETTER(mfr_evidence_t, mfr_line_evidence, mfr_line, evidence, 0)
MFR_GETTER(int, mfr_line_crosses, mfr_line, crosses, 0)
MFR_GETTER(uint32_t, mfr_line_branch_count, mfr_line, branch_count, 0)
MFR_LIST_GETTER(mfr_line_evidence_source, mfr_line, const mfr_source *,
		evidence_sources, evidence_source_count)
MFR_PROVENANCE_GETTER(mfr_line_provenance, mfr_line)

MFR_EXPORT const mfr_line_branch *mfr_line_branch_at(const mfr_line *line, uint32_t index)
{
	return line && index < line->branch_count ? &line->branches[index] : NULL;
}

MFR_GETTER(const char *, mfr_line_branch_key, mfr_line_branch, key, NULL)
MFR_TEXT_GETTER(mfr_line_branch_name, mfr_line_branch, name)
MFR_GETTER(const mfr_line *, mfr_line_branch_line, mfr_line_branch, line, NULL)
MFR_GETTER(uint32_t, mfr_line_branch_node_count, mfr_line_branch, node_count, 0)

MFR_EXPORT const mfr_line_node *mfr_line_branch_node_at(const mfr_line_branch *branch,
							 uint32_t index)
{
	return branch && index < branch->node_count ? &branch->nodes[index] : NULL;
}

MFR_GETTER(mfr_node_kind_t, mfr_line_node_kind, mfr_line_node, kind, 0)
MFR_GETTER(mfr_line_side_t, mfr_line_node_side, mfr_line_node, side, 0)
MFR_GETTER(int, mfr_line_node_crosses, mfr_line_node, crosses, 0)
MFR_GETTER(int, mfr_line_node_may_cross, mfr_line_node, may_cross, 0)
MFR_TEXT_GETTER(mfr_line_node_note, mfr_line_node, note)
MFR_LIST_GETTER(mfr_line_node_region, mfr_line_node, const mfr_region *, regions,
		region_count)
