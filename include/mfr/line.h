/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/line.h
 * @brief Fascial lines (myofascial meridians): branches of ordered tracks
 *        and stations, with their side crossings and evidence.
 *
 * A line is defined once, for the copy that starts on one side; node sides
 * are relative to that side (::mfr_line_side_t). Every line exists as a left
 * and a right copy. Branches run from the inferior or distal end to the
 * superior or proximal end; most lines have one branch, the spiral line two
 * limbs, the deep front line several tracks that meet at shared stations.
 *
 * Everything returned borrows from the model.
 *
 * Threading: every function here only reads the model, so any number of
 * threads may call them on one shared model at once.
 */
#ifndef MFR_LINE_H
#define MFR_LINE_H

#include "mfr/model.h"

MFR_BEGIN_DECLS

/**
 * @defgroup line Fascial lines
 * @{
 */

/** One branch of a line. @since 0.1.0 */
typedef struct mfr_line_branch mfr_line_branch;
/** One station or track of a branch. @since 0.1.0 */
typedef struct mfr_line_node mfr_line_node;

/** What a node is. @since 0.1.0 */
typedef enum mfr_node_kind_t {
	MFR_NODE_STATION = 1, /**< a bony attachment */
	MFR_NODE_TRACK = 2,   /**< a myofascial structure */
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_NODE_KIND__MAX = 0x7fffffff
} mfr_node_kind_t;

/** A node's side, relative to the side the line's copy starts on. @since 0.1.0 */
typedef enum mfr_line_side_t {
	MFR_LINE_IPSI = 1,   /**< the starting side */
	MFR_LINE_CONTRA = 2, /**< the other side */
	MFR_LINE_MID = 3,    /**< a midline structure */
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_LINE_SIDE__MAX = 0x7fffffff
} mfr_line_side_t;

/** @return "station", "track", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_node_kind_name(mfr_node_kind_t kind);
/** @return "ipsi", "contra", "mid", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_line_side_name(mfr_line_side_t side);

/** The stable key ("superficial_back_line"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_line_key(const mfr_line *line);
/** The usual abbreviation ("SBL"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_line_abbrev(const mfr_line *line);
/** The display name, or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_line_name(const mfr_line *line);
/** The line's position in its model (0-based). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_line_index(const mfr_line *line);
/**
 * The grade of evidence that the line's transitions are anatomically
 * continuous (::mfr_evidence_t). The sources grade whole lines, not single
 * transitions, so every transition of a line carries this grade.
 * @since 0.1.0
 */
MFR_EXPORT mfr_evidence_t mfr_line_evidence(const mfr_line *line);
/** How many sources back the evidence grade. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_line_evidence_source_count(const mfr_line *line);
/** The @p index -th source of the evidence grade, or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_source *mfr_line_evidence_source_at(const mfr_line *line, uint32_t index);
/** 1 when some branch of the line crosses the midline. @since 0.1.0 */
MFR_EXPORT int mfr_line_crosses(const mfr_line *line);
/** Where its content comes from. @since 0.1.0 */
MFR_EXPORT const mfr_provenance *mfr_line_provenance(const mfr_line *line);

/** How many branches the line has (at least one). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_line_branch_count(const mfr_line *line);
/** The @p index -th branch, or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_line_branch *mfr_line_branch_at(const mfr_line *line, uint32_t index);
/** The branch's key ("main", "anterior"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_line_branch_key(const mfr_line_branch *branch);
/** The branch's display name, or NULL when it has none. @since 0.1.0 */
MFR_EXPORT const char *mfr_line_branch_name(const mfr_line_branch *branch);
/** The line the branch belongs to. @since 0.1.0 */
MFR_EXPORT const mfr_line *mfr_line_branch_line(const mfr_line_branch *branch);
/** How many nodes the branch has (at least two). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_line_branch_node_count(const mfr_line_branch *branch);
/** The @p index -th node, lowest first, or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_line_node *mfr_line_branch_node_at(const mfr_line_branch *branch,
							 uint32_t index);

/** The node's ::mfr_node_kind_t, or 0. @since 0.1.0 */
MFR_EXPORT mfr_node_kind_t mfr_line_node_kind(const mfr_line_node *node);
/** The node's ::mfr_line_side_t, or 0. @since 0.1.0 */
MFR_EXPORT mfr_line_side_t mfr_line_node_side(const mfr_line_node *node);
/** How many regions the node names (at least one; the principal first). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_line_node_region_count(const mfr_line_node *node);
/** The @p index -th region of the node, or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_line_node_region_at(const mfr_line_node *node, uint32_t index);
/**
 * 1 when the transition into this node, from the one before it, crosses the
 * midline: the node's side differs from the last ipsi or contra side before
 * it (midline nodes in between are passed through). 0 for the first node.
 * @since 0.1.0
 */
MFR_EXPORT int mfr_line_node_crosses(const mfr_line_node *node);
/** 1 when the line may also continue on the other side from this node. @since 0.1.0 */
MFR_EXPORT int mfr_line_node_may_cross(const mfr_line_node *node);
/** The source's wording where the region keys simplify it, or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_line_node_note(const mfr_line_node *node);

/** @} */

MFR_END_DECLS

#endif /* MFR_LINE_H */
