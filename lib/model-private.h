/*
 * libmfr - the model's private layout, shared by the loader, the JSON
 * writer and the accessors. Nothing here is part of the ABI.
 * SPDX-License-Identifier: MIT
 *
 * Every piece of a model lives in the model's arena and is never changed
 * after the loader returns it, which is what makes a model safe to share
 * between threads. Cross-references are plain pointers into the model's own
 * arrays, which never move.
 */
#ifndef MFR_MODEL_PRIVATE_H
#define MFR_MODEL_PRIVATE_H

#include <stdatomic.h>
#include <stdint.h>

#include "arena.h"
#include "graph.h"
#include "mfr/mfr.h"


struct mfr_source {
	const char *key;
	const char *citation;
	const char *note; /* "" when none */
	uint32_t index;
};

struct mfr_aftercare;

struct mfr_provenance {
	const mfr_source **sources;
	uint32_t source_count;
	uint8_t convention;
	const char *note; /* "" when none */
};

struct mfr_region {
	const char *key;
	const char *name;
	uint32_t index;
	uint8_t kind;       /* mfr_region_kind_t */
	uint8_t laterality; /* mfr_laterality_t */
	uint8_t depth;      /* mfr_depth_t */
	uint32_t positions; /* mfr_position_t mask */
	const mfr_region *parent;
	const mfr_region **children;
	uint32_t child_count;
	const mfr_region **adjacent; /* both directions, ordered by index */
	uint32_t adjacent_count;
	uint8_t access;     /* mfr_access_t, as written (0: external) */
	uint8_t untreatable; /* a station no hand can work: never a treatment site */
	uint8_t reach;      /* derived: its own access, else its nearest
			     * ancestor's non-external one */
	const char *snomed, *fma, *uberon; /* NULL when absent */
	const char **synonyms; /* words a client may use for it (find.c) */
	uint32_t synonym_count;
	/* derived: the screening questions a symptom here makes pertinent
	 * (those whose symptom_areas hold this region), in model order */
	const mfr_screening **screening;
	uint32_t screening_count;
	mfr_provenance prov;
};

struct mfr_line_node {
	uint8_t kind;      /* mfr_node_kind_t */
	uint8_t side;      /* mfr_line_side_t */
	uint8_t crosses;   /* derived: entering this node crosses the midline */
	uint8_t may_cross;
	const mfr_region **regions;
	uint32_t region_count;
	const char *note; /* "" when none */
};

struct mfr_line_branch {
	const char *key;
	const char *name; /* "" when none */
	const mfr_line *line;
	mfr_line_node *nodes;
	uint32_t node_count;
};

struct mfr_line {
	const char *key;
	const char *abbrev;
	const char *name;
	uint32_t index;
	uint8_t evidence; /* mfr_evidence_t */
	uint8_t crosses;  /* derived: some branch crosses the midline */
	const mfr_source **evidence_sources;
	uint32_t evidence_source_count;
	mfr_line_branch *branches;
	uint32_t branch_count;
	mfr_provenance prov;
};

struct mfr_referral_zone {
	const mfr_region *area;
	uint8_t kind; /* mfr_zone_kind_t */
	uint8_t bilateral;
	uint8_t frequency; /* mfr_frequency_t */
};

struct mfr_referral {
	const char *key;
	uint32_t index;
	const mfr_region *muscle;
	const char *trigger_point;
	mfr_referral_zone *zones;
	uint32_t zone_count;
	uint8_t split_convention;
	uint8_t disputed;
	mfr_provenance prov;
};

struct mfr_technique {
	const char *key;
	const char *name;
	uint32_t index;
	uint8_t family;   /* mfr_family_t */
	uint8_t approach; /* mfr_approach_t */
	uint8_t pressure_min, pressure_max; /* mfr_pressure_t */
	uint8_t depth;    /* mfr_depth_t */
	uint8_t has_hold;
	uint8_t hold_convention;
	uint32_t hold_min, hold_max; /* seconds; 0 without a range */
	uint32_t max_sites; /* sites one session may work with it; 0: no limit */
	uint32_t positions; /* mfr_position_t mask */
	uint32_t suits;     /* mfr_suits_t mask */
	const mfr_region **regions;
	uint32_t region_count;
	mfr_provenance prov;
};

/* What a condition or a precaution does to the dose of the work. */
struct mfr_dose {
	uint8_t pressure_ceiling; /* mfr_pressure_t, 0 for none */
	uint8_t indirect_only;
	uint8_t no_progression;
	uint32_t max_minutes;       /* 0 for none */
	uint32_t hold_min, hold_max; /* seconds; 0 for none */
	mfr_provenance prov;
};

struct mfr_condition {
	const char *key;
	const char *name;
	uint32_t index;
	const char **icd10cm;
	uint32_t icd10cm_count;
	const char **snomed;
	uint32_t snomed_count;
	const mfr_region **areas;
	uint32_t area_count;
	const mfr_line **lines;
	uint32_t line_count;
	const mfr_region **regions;
	uint32_t region_count;
	const mfr_technique **site_techniques; /* for the symptom site itself */
	uint32_t site_technique_count;
	const mfr_technique **trigger_point_techniques; /* at its trigger-point sites */
	uint32_t trigger_point_technique_count;
	const mfr_screening **screening; /* questions to ask before work */
	uint32_t screening_count;
	uint32_t relations; /* mfr_relation_t mask a trace of its symptoms may
			     * follow; MFR_RELATION_ALL when the model says none */
	const char *evidence; /* "" when none */
	const mfr_dose *dose; /* NULL when none */
	const char **synonyms; /* words a client may use for it (find.c) */
	uint32_t synonym_count;
	mfr_provenance prov;
};

/* A region a named site widens to, and the regions that go with it (the
 * path of a limb's veins into the trunk). */
struct mfr_precaution_widening {
	const mfr_region *region;
	const mfr_region **with;
	uint32_t with_count;
};

/* A position a precaution rules out, from a stage on, for some regions or
 * for all. */
struct mfr_precaution_position_limit {
	uint8_t position;  /* one mfr_position_t bit */
	uint8_t from_stage; /* 1 = always */
	const mfr_region **regions; /* none: every region */
	uint32_t region_count;
};

struct mfr_precaution {
	const char *key;
	const char *name;
	uint32_t index;
	uint8_t scope;    /* mfr_scope_t */
	uint8_t severity; /* mfr_severity_t */
	uint8_t needs_clearance;
	uint8_t avoid_site;
	uint8_t avoid_adjacent;
	uint8_t pressure_ceiling; /* mfr_pressure_t, 0 for none */
	const mfr_region **avoid_regions;
	uint32_t avoid_region_count;
	const mfr_region **avoid_until_cleared; /* avoided until a clearance */
	uint32_t avoid_until_cleared_count;
	const mfr_technique **excluded_techniques;
	uint32_t excluded_technique_count;
	uint8_t site_scoped;   /* a global one that may name affected sites */
	uint8_t site_optional; /* site-scoped, and plans without a site named */
	uint8_t refer_first;   /* until cleared, refer for diagnosis: no steps */
	uint8_t stage_count;   /* 0: no stages */
	const char *stage_name; /* "" without stages */
	mfr_precaution_widening *widen_to; /* a named site within one of these widens to
			      * the whole of it, and to what goes with it */
	uint32_t widen_count;
	mfr_precaution_position_limit *position_limits;
	uint32_t position_limit_count;
	const mfr_region **clearance_areas; /* a symptom within one needs a
					     * clearance for it */
	uint32_t clearance_area_count;
	const mfr_dose *dose; /* NULL when none */
	const char *effect;
	const mfr_screening **screening; /* questions it makes pertinent */
	uint32_t screening_count;
	mfr_provenance prov;
};

struct mfr_aftercare {
	const char *key;
	const char *text;
	uint32_t index;
	uint8_t kind; /* mfr_aftercare_kind_t */
	const mfr_precaution **when; /* none: every plan */
	uint32_t when_count;
	mfr_provenance prov;
};

struct mfr_danger_zone {
	const char *key;
	const char *name;
	uint32_t index;
	const mfr_region **regions;
	uint32_t region_count;
	uint32_t region_kinds; /* bit (1 << mfr_region_kind_t) for every kind covered */
	uint8_t pressure_ceiling; /* mfr_pressure_t */
	const mfr_technique **excluded_techniques;
	uint32_t excluded_technique_count;
	const char *effect;
	mfr_provenance prov;
};

struct mfr_screening_answer {
	const char *key;
	const char *text;
	const mfr_precaution **precautions;
	uint32_t precaution_count;
	uint8_t stage;     /* 0: none */
	uint8_t needs_site;
};

struct mfr_screening {
	const char *key;
	const char *text;
	uint32_t index;
	mfr_screening_answer *answers;
	uint32_t answer_count;
	/* a symptom within one of these makes the question pertinent (pain
	 * in the calf: the clot question) */
	const mfr_region **symptom_areas;
	uint32_t symptom_area_count;
	/* derived: another question may set every precaution this one may
	 * (is the client pregnant, whose answers include "yes, high-risk",
	 * covers whether the pregnancy is high-risk) */
	uint8_t covered;
	mfr_provenance prov;
};

/* The body chart (the optional "chart" section; doc/svg-format.md): a
 * drawing convention, not a clinical fact. Each view is a box of
 * MFR_CHART_WIDTH x MFR_CHART_HEIGHT units, x to the right, y down, its
 * midline at x = MFR_CHART_WIDTH / 2; the client faces the viewer on the
 * front view and faces away on the back view. */
#define MFR_CHART_WIDTH 200
#define MFR_CHART_HEIGHT 500
#define MFR_CHART_VIEWS 2 /* mfr__chart_view_names: 1 front, 2 back */
/* The longest outline path, in characters. */
#define MFR_CHART_PATH_MAX 10000

typedef struct mfr_chart_area mfr_chart_area;
typedef struct mfr_chart mfr_chart;
typedef struct mfr_segment_site mfr_segment_site;
typedef struct mfr_segment mfr_segment;
typedef struct mfr_body_map mfr_body_map;

/* One region's place on one view: an ellipse, drawn as given for the
 * client's right side of a bilateral region (mirrored across the midline
 * for the left) and centred on the midline for a midline one. */
struct mfr_chart_area {
	const mfr_region *region;
	uint8_t view; /* 1 front, 2 back (mfr__chart_view_names) */
	int16_t cx, cy, rx, ry;
};

struct mfr_chart {
	mfr_chart_area *areas; /* in file order */
	uint32_t area_count;
	const char *outlines[MFR_CHART_VIEWS]; /* by view - 1: SVG path data, checked at load */
	mfr_provenance prov;
};

/* One site a body-map segment names. */
struct mfr_segment_site {
	const mfr_region *region;
	uint8_t side; /* mfr_side_t: left, right or midline */
};

/* One segment of a body map (the optional "body_map" section): its id
 * and the sites it stands for. */
struct mfr_segment {
	uint32_t id;
	const char *name; /* the map's own label */
	mfr_segment_site *sites;
	uint32_t site_count;
};

struct mfr_body_map {
	const char *name;
	const char *citation; /* the map's own source */
	mfr_segment *segments; /* sorted by id (checked at load) */
	uint32_t segment_count;
	mfr_provenance prov;
};

/* The sorted key index of one kind, for lookups by key. */
typedef struct mfr_key_entry {
	const char *key;
	uint32_t at; /* the entity's file index */
} mfr_key_entry;

typedef struct mfr_key_index {
	mfr_key_entry *entries; /* sorted by key */
	uint32_t count;
} mfr_key_index;

#define MFR_N_KINDS 10 /* mfr_kind_t values are 1..MFR_N_KINDS */

struct mfr_model {
	mfr_arena arena;
	const char *name;
	const char *version;
	const char *description; /* "" when none */
	mfr_source *sources;
	uint32_t source_count;
	mfr_region *regions;
	uint32_t region_count;
	mfr_line *lines;
	uint32_t line_count;
	mfr_referral *referrals;
	uint32_t referral_count;
	mfr_technique *techniques;
	uint32_t technique_count;
	mfr_condition *conditions;
	uint32_t condition_count;
	mfr_precaution *precautions;
	uint32_t precaution_count;
	mfr_aftercare *aftercare;
	uint32_t aftercare_count;
	mfr_danger_zone *danger_zones;
	uint32_t danger_zone_count;
	mfr_screening *screening;
	uint32_t screening_count;
	const mfr_chart *chart;       /* NULL when the model has none */
	const mfr_body_map *body_map; /* NULL when the model has none */
	mfr_key_index index[MFR_N_KINDS + 1]; /* by mfr_kind_t */
	mfr_graph graph; /* derived: the site graph a trace walks */
	/* Who holds the model: the caller's references (mfr_model_ref()) and
	 * one for each intake, trace and plan built on it. The only thing
	 * about a model that changes after it is built; atomic, so that any
	 * thread may take or drop a reference. */
	atomic_uint_least32_t refs;
	/* What each site reaches (trace.c, "reach lists"): computed on first
	 * use and published once per site, atomically, so that threads that
	 * share the model may trace at once. Derived data, not content: a
	 * trace is the same with it or without. reach_bytes counts what the
	 * lists hold (bounded by MFR_REACH_BUDGET); reach_off turns them off
	 * (tests compare). */
	_Atomic(struct mfr_reach_cache *) reach;
	atomic_size_t reach_bytes;
	atomic_int reach_off;
	/* "fnv1a64:" and the FNV-1a 64 of the compact JSON export, computed
	 * once when the model is built (audit.h). */
	char content_hash[25];
};

/* The most traced sites a plan considers (plan options' max_sites), and so
 * the most a technique's max_sites may say. */
#define MFR_MAX_SITES_PER_SESSION 200

/* The site id of region @p r on @p side (see graph.h). */
static inline uint32_t mfr__site_id(const mfr_region *r, int side)
{
	return r->index * 2u + (side == MFR_SIDE_RIGHT ? 1u : 0u);
}

/* Whether region @p a on side @p sa and region @p b on side @p sb are one
 * tissue: the same side (or either on the midline) and one region within
 * the other (a region and itself, a group and its member). */
int mfr__one_tissue(const mfr_region *a, int sa, const mfr_region *b, int sb);
/* Whether @p a lies within @p b or @p b within @p a (either may be the
 * other): one tissue, whatever the sides. */
int mfr__nested(const mfr_region *a, const mfr_region *b);
/* The outermost region holding @p r: its body part (head, trunk, a limb). */
const mfr_region *mfr__region_root(const mfr_region *r);

/* Whether some answer of @p q sets a precaution @p holds is true of (with
 * @p arg): the one walk over a question's answers (safety.c). */
int mfr__answer_sets(const mfr_screening *q,
		     int (*holds)(const mfr_precaution *pr, const void *arg), const void *arg);
/* Whether @p pr is the precaution @p arg: a predicate for the walk above. */
int mfr__is_precaution(const mfr_precaution *pr, const void *arg);

/* Segment @p id of @p m's body map, or NULL (no map, or no such id). */
const mfr_segment *mfr__model_segment(const mfr_model *m, uint32_t id);

/* The first reference to a model just built (the caller's). */
void mfr__model_init_refs(mfr_model *m);
/* Take and drop a reference for an object built on @p m (an intake, a
 * trace, a plan): the model lives until the last one goes. The count is
 * not part of the model's content, so a const model may be held. */
void mfr__model_hold(const mfr_model *m);
void mfr__model_release(const mfr_model *m);

/* Free what the trace cached on a model (trace.c); NULL is a no-op. */
void mfr__reach_cache_free(struct mfr_reach_cache *cache);

/* Parse and validate a model document. On failure *out is untouched and
 * nothing is leaked. */
mfr_status_t mfr__model_parse(const char *data, size_t size, const char *name,
			    mfr_model **out, mfr_error **err);

/* The file index of @p key in the sorted index of @p kind, or -1. */
int64_t mfr__model_find(const mfr_model *model, int kind, const char *key);
/* Describe @p key, which names no @p kind of @p m, for an error message:
 * '"kye" (did you mean "key"?)', or, past MFR_KEY_MAX_LENGTH, its start and
 * length. */
void mfr__unknown_key(const mfr_model *m, int kind, const char *key, char *buf, size_t size);

#endif /* MFR_MODEL_PRIVATE_H */
