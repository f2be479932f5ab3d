/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/region.h
 * @brief Body regions: parts, body-chart areas and the structures under them.
 *
 * Every pointer and string returned here borrows from the model the region
 * came from. Threading: every function here only reads the model, so any
 * number of threads may call them on one shared model at once. A NULL region
 * gives 0 or NULL as each function says.
 */
#ifndef MFR_REGION_H
#define MFR_REGION_H

#include "mfr/model.h"

MFR_BEGIN_DECLS

/**
 * @defgroup region Regions
 * @{
 */

/** What a region is. @since 0.1.0 */
typedef enum mfr_region_kind_t {
	MFR_REGION_PART = 1,       /**< a body part: foot, lower_leg */
	MFR_REGION_AREA = 2,       /**< a body-chart area a client points to: heel, temple */
	MFR_REGION_MUSCLE = 3,
	MFR_REGION_CONNECTIVE = 4, /**< fascia, tendon, ligament, aponeurosis, septum */
	MFR_REGION_BONE = 5,       /**< a bony landmark or station */
	MFR_REGION_JOINT = 6,
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_REGION_KIND__MAX = 0x7fffffff
} mfr_region_kind_t;

/** Whether a region exists on both sides or once, on the midline. @since 0.1.0 */
typedef enum mfr_laterality_t {
	MFR_LATERALITY_BILATERAL = 1,
	MFR_LATERALITY_MIDLINE = 2,
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_LATERALITY__MAX = 0x7fffffff
} mfr_laterality_t;

/**
 * How a region is reached. Work reached only internally lies outside a
 * typical scope of practice: a plan works it only when the intake declares
 * that scope and the client's specific consent (mfr_intake_add_scope()).
 * The values are bits, so that an intake holds a set of them.
 * @since 0.2.0
 */
typedef enum mfr_access_t {
	MFR_ACCESS_EXTERNAL = 1 << 0,     /**< through the skin, from outside */
	MFR_ACCESS_INTRA_ORAL = 1 << 1,   /**< only from inside the mouth */
	MFR_ACCESS_INTRA_PELVIC = 1 << 2, /**< only from inside the pelvis (vaginal or rectal) */
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_ACCESS__MAX = 0x7fffffff
} mfr_access_t;

/** @return "external", "intra_oral", "intra_pelvic", or NULL. @since 0.2.0 */
MFR_EXPORT const char *mfr_access_name(mfr_access_t access);
/** Parse an access name into @p out. @return #MFR_OK, #MFR_E_INVALID or #MFR_E_UNKNOWN. @since 0.2.0 */
MFR_EXPORT mfr_status_t mfr_access_parse(const char *name, mfr_access_t *out);

/** @return "part", "area", "muscle", "connective", "bone", "joint", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_region_kind_name(mfr_region_kind_t kind);
/** @return "bilateral", "midline", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_laterality_name(mfr_laterality_t laterality);

/** The stable key ("plantar_fascia"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_region_key(const mfr_region *region);
/** The display name ("plantar fascia"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_region_name(const mfr_region *region);
/** The region's position in its model (0-based, file order). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_region_index(const mfr_region *region);
/** Its ::mfr_region_kind_t, or 0. @since 0.1.0 */
MFR_EXPORT mfr_region_kind_t mfr_region_kind(const mfr_region *region);
/** The enclosing region, or NULL for a root. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_region_parent(const mfr_region *region);
/** How many regions name this one as their parent. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_region_child_count(const mfr_region *region);
/** The @p index -th child (file order), or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_region_child_at(const mfr_region *region, uint32_t index);
/**
 * Whether @p region is @p ancestor or lies within it.
 * @return 1 or 0.
 * @since 0.1.0
 */
MFR_EXPORT int mfr_region_is_within(const mfr_region *region, const mfr_region *ancestor);
/** Its ::mfr_laterality_t, or 0. @since 0.1.0 */
MFR_EXPORT mfr_laterality_t mfr_region_laterality(const mfr_region *region);
/** The client positions it can be reached from: a mask of ::mfr_position_t bits. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_region_positions(const mfr_region *region);
/** Its ::mfr_depth_t, or 0. @since 0.1.0 */
MFR_EXPORT mfr_depth_t mfr_region_depth(const mfr_region *region);
/**
 * How it is reached: one ::mfr_access_t value. A region inherits the internal
 * access of its nearest ancestor that has one (the muscles of the pelvic
 * floor are reached as the pelvic floor is); 0 for NULL.
 * @since 0.2.0
 */
MFR_EXPORT mfr_access_t mfr_region_access(const mfr_region *region);
/**
 * 1 when a trace may rank the region as a treatment site: a muscle or a
 * connective structure that hands can work. Structures no hand can treat
 * (the mediastinum, the anterior longitudinal ligament: `"treatable": false`
 * in the model) stay in their lines as stations but are never ranked or
 * planned; areas, parts, bones and joints are passed through. 0 for NULL.
 * @since 0.2.0
 */
MFR_EXPORT int mfr_region_treatable(const mfr_region *region);
/** Its SNOMED CT code, or NULL when the sources give none. @since 0.1.0 */
MFR_EXPORT const char *mfr_region_snomed(const mfr_region *region);
/** Its FMA code ("FMA:9664"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_region_fma(const mfr_region *region);
/** Its UBERON code ("UBERON:0002387"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_region_uberon(const mfr_region *region);
/**
 * How many regions border this one. Adjacency is symmetric: a pair listed
 * once in the model file is seen from both ends.
 * @since 0.1.0
 */
MFR_EXPORT uint32_t mfr_region_adjacent_count(const mfr_region *region);
/** The @p index -th neighbour (ordered by model index), or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_region_adjacent_at(const mfr_region *region, uint32_t index);
/**
 * How many synonyms the model gives the region: other words a client may
 * use for it ("back of the head" for the occiput), which mfr_model_find()
 * matches as it does the name. 0 when it has none.
 * @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_region_synonym_count(const mfr_region *region);
/** The @p index -th synonym, as the model writes it, or NULL. @since 0.2.0 */
MFR_EXPORT const char *mfr_region_synonym_at(const mfr_region *region, uint32_t index);
/** Where its content comes from. @since 0.1.0 */
MFR_EXPORT const mfr_provenance *mfr_region_provenance(const mfr_region *region);

/** @} */

MFR_END_DECLS

#endif /* MFR_REGION_H */
