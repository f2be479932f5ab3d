/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/common.h
 * @brief Version, status codes, error details and the enumerations every
 *        part of the API shares.
 *
 * libmfr is decision support for licensed therapists. It never diagnoses.
 *
 * Conventions that hold for the whole API (doc/guide.md, "The API
 * grammar", has them as a table):
 * - Names: opaque object types are `mfr_<object>`; enumeration types are
 *   `mfr_<name>_t` and their values `MFR_<NAME>_<VALUE>`; functions are
 *   `mfr_<object>_<verb>` or, for getters, `mfr_<object>_<field>`. The `_t`
 *   keeps a getter and the type of what it returns apart
 *   (mfr_plan_status_t mfr_plan_status(const mfr_plan *)).
 * - Every fallible function returns an ::mfr_status_t; 0 (#MFR_OK) is
 *   success, failures are negative and stable: a code is never renumbered.
 * - Constructors write the new object through an `out` parameter, which is
 *   set to NULL on failure. Destructors accept NULL.
 * - A function that returns a pointer borrows: the pointee lives as long as
 *   the object it came from. Strings are UTF-8 and NUL-terminated.
 * - Lists: the items of an object are opaque const handles, counted with
 *   `mfr_<object>_<item>_count(object)` and got with
 *   `mfr_<object>_<item>_at(object, index)`, which gives NULL past the end.
 *   An item is read with `mfr_<object>_<item>_<field>(item)` (a plan step
 *   with mfr_plan_step_region()); an item that is a model entity (a plan's
 *   aftercare, an intake's conditions) is read with the entity's getters.
 *   Handles are borrowed: valid while their parent lives (an intake's, until
 *   the intake is next changed), never freed by the caller.
 * - Absent values: a getter returns NULL for a string or an object that is
 *   absent (each getter says whether it can be), 0 for an absent number or
 *   enumeration value (each says where another value means absent), and
 *   the same for a NULL argument. A getter never fails and never crashes.
 * - Error detail: where a caller may want it (a bad key, a parse error with
 *   line and column), a function takes `mfr_error **err` last. @p err may
 *   be NULL when the status is enough. When it is not, `*err` must be NULL
 *   on entry; on failure it receives a new error object, which the caller
 *   frees with mfr_error_free(), and on success it stays NULL. A non-NULL
 *   `*err` on entry is #MFR_E_INVALID: the function then does nothing
 *   (beyond setting an `out` parameter to NULL) and leaves `*err` as it
 *   was, so an earlier error is never overwritten or leaked.
 * - The library keeps no global mutable state, never prints and never aborts.
 *
 * Threading (each header says what of its own may be shared): the functions
 * here are pure and may be called from any thread. An error object belongs
 * to the caller that received it; any number of threads may read one at
 * once, and it must be freed once, when none does. Every `const` getter in
 * the API is pure: it writes nothing, so an object nobody changes may be
 * read from many threads at once.
 */
#ifndef MFR_COMMON_H
#define MFR_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "mfr/version.h"

/** @cond INTERNAL */
#ifdef __cplusplus
#define MFR_BEGIN_DECLS extern "C" {
#define MFR_END_DECLS }
#else
#define MFR_BEGIN_DECLS
#define MFR_END_DECLS
#endif

#if defined(_WIN32) && defined(MFR_BUILDING_DLL)
#define MFR_EXPORT __declspec(dllexport)
#elif defined(__GNUC__) || defined(__clang__)
#define MFR_EXPORT __attribute__((visibility("default")))
#else
#define MFR_EXPORT
#endif
/** @endcond */

MFR_BEGIN_DECLS

/**
 * @defgroup common Version, status and errors
 * @{
 */

/* MFR_VERSION_MAJOR, _MINOR, _PATCH and _NUMBER: generated from the
 * project version (include/mfr/version.h.in). */

/**
 * The version of the library in use at run time, as "MAJOR.MINOR.PATCH".
 *
 * @return a static string; never NULL.
 * @note Thread-safe.
 * @since 0.1.0
 */
MFR_EXPORT const char *mfr_version(void);

/**
 * The run-time version as one number (see #MFR_VERSION_NUMBER), to compare
 * with the headers a program was built against.
 * @since 0.1.0
 */
MFR_EXPORT uint32_t mfr_version_number(void);

/**
 * Status codes. 0 is success; every failure is negative. Values are stable.
 * @since 0.1.0
 */
typedef enum mfr_status_t {
	MFR_OK = 0,             /**< success */
	MFR_E_INVALID = -1,     /**< a bad argument (NULL where an object is needed, a value out of its enum) */
	MFR_E_NOMEM = -2,       /**< out of memory; nothing was changed */
	MFR_E_IO = -3,          /**< a file could not be read */
	MFR_E_SYNTAX = -4,      /**< the input is not well-formed JSON */
	MFR_E_VERSION = -5,     /**< the input declares a format or version this library does not read */
	MFR_E_TYPE = -6,        /**< a value has the wrong JSON type */
	MFR_E_MISSING = -7,     /**< a required member is absent */
	MFR_E_UNKNOWN = -8,     /**< a member or enumerated value this format does not define */
	MFR_E_RANGE = -9,       /**< a value is out of its range (or a key is malformed) */
	MFR_E_DUPLICATE = -10,  /**< a key is defined twice */
	MFR_E_REFERENCE = -11,  /**< a reference to a key that does not exist */
	MFR_E_CYCLE = -12,      /**< the region hierarchy has a cycle */
	MFR_E_CONSTRAINT = -13, /**< values are individually valid but contradict each other */
	MFR_E_NOTFOUND = -14,   /**< the key looked up does not exist */
	/* -15 was MFR_E_ABI until 0.2.0 (options structs, which no longer
	 * exist); it is never reused: a code never changes meaning. */
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_STATUS__MAX = 0x7fffffff
} mfr_status_t;

/**
 * A one-line English description of a status code.
 *
 * @param status any value; unknown values give "unknown status".
 * @return a static string; never NULL.
 * @note Thread-safe.
 * @since 0.1.0
 */
MFR_EXPORT const char *mfr_strerror(mfr_status_t status);

/**
 * The symbolic name of a status code ("MFR_E_RANGE").
 *
 * @return a static string; "MFR_E_UNKNOWN_STATUS" for unknown values; never NULL.
 * @since 0.1.0
 */
MFR_EXPORT const char *mfr_status_name(mfr_status_t status);

/**
 * Details of a failure: opaque, created by the library, freed by the caller
 * with mfr_error_free(). When memory runs out the library hands back a
 * static "out of memory" error instead, which mfr_error_free() accepts.
 * @since 0.1.0
 */
typedef struct mfr_error mfr_error;

/**
 * Free an error. NULL is accepted and ignored.
 * @since 0.1.0
 */
MFR_EXPORT void mfr_error_free(mfr_error *err);

/** The failure's status code (negative); #MFR_OK for a NULL @p err. @since 0.1.0 */
MFR_EXPORT mfr_status_t mfr_error_status(const mfr_error *err);

/**
 * The full message: what went wrong, where, and how to fix it.
 * @return a string owned by @p err; never NULL for an error the library
 *         gave; NULL for a NULL @p err.
 * @since 0.1.0
 */
MFR_EXPORT const char *mfr_error_message(const mfr_error *err);

/**
 * The name of the input (a file path, or "<buffer>"), or NULL when none
 * applies (and for a NULL @p err).
 * @since 0.1.0
 */
MFR_EXPORT const char *mfr_error_source(const mfr_error *err);

/**
 * The logical place in the input, as a JSON path such as
 * "regions[12].parent", or NULL when none applies (and for a NULL @p err).
 * @since 0.1.0
 */
MFR_EXPORT const char *mfr_error_path(const mfr_error *err);

/** The 1-based line of the input, or 0 when unknown. Every error found in a
 * parsed document has one: a syntax error, and (since 0.2.0) an error found
 * after the parse, at the value its path names. @since 0.1.0 */
MFR_EXPORT int32_t mfr_error_line(const mfr_error *err);

/** The 1-based column (in characters) of the input, or 0 when unknown. @since 0.1.0 */
MFR_EXPORT int32_t mfr_error_column(const mfr_error *err);

/** The byte offset into the input, or -1 when unknown. @since 0.1.0 */
MFR_EXPORT int64_t mfr_error_offset(const mfr_error *err);

/**
 * Free a string the library allocated for the caller (such as the output of
 * mfr_model_to_json()). NULL is accepted.
 * @since 0.1.0
 */
MFR_EXPORT void mfr_free(void *ptr);

/** Flag for the *_to_json() functions: one line, no indentation. @since 0.1.0 */
#define MFR_JSON_COMPACT 0x1u

/**
 * @name Limits on what the library reads
 * Past any of these a model or an intake is #MFR_E_RANGE, with the place
 * (doc/model-format.md and doc/intake-format.md, "Limits").
 * @{
 */
/** The longest key, in characters (bytes: a key is ASCII). @since 0.2.0 */
#define MFR_KEY_MAX_LENGTH 63
/** The longest name (a display name, an abbreviation, a code, a trigger
 * point), in characters. @since 0.2.0 */
#define MFR_NAME_MAX_LENGTH 1000
/** The longest text (a note, a citation, a description, an effect), in
 * characters. @since 0.2.0 */
#define MFR_TEXT_MAX_LENGTH 10000
/** How deep arrays and objects may nest in a document (the top level is
 * depth 1). @since 0.2.0 */
#define MFR_JSON_MAX_DEPTH 32
/** @} */

/** @} */

/**
 * @defgroup enums Shared enumerations
 * Each enumeration has a name function (value → lower-case key as used in
 * files and JSON, NULL for an out-of-range value), and some a parse
 * function (key → value, #MFR_E_UNKNOWN for an unknown key).
 *
 * Every enumeration of the API is a distinct type, named `mfr_<name>_t`,
 * and 32 bits wide whatever the compiler: its last member,
 * `MFR_<NAME>__MAX = 0x7fffffff`, is not a value but fixes the width (the
 * library checks the size of each where it is built). Functions take and
 * return these types, never a plain int, so a compiler warns about one
 * passed where another belongs (-Wenum-conversion, in gcc's and clang's
 * -Wextra); a binding reads and passes each as a 32-bit integer. Masks of
 * bits (positions, relations, access, step flags) are uint32_t.
 * @{
 */

/** The side of the body a site is on. @since 0.1.0 */
typedef enum mfr_side_t {
	MFR_SIDE_LEFT = 1,
	MFR_SIDE_RIGHT = 2,
	MFR_SIDE_MIDLINE = 3,
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_SIDE__MAX = 0x7fffffff
} mfr_side_t;

/** Client positions. Values are single bits so that sets fit one mask. @since 0.1.0 */
typedef enum mfr_position_t {
	MFR_POSITION_PRONE = 1 << 0,
	MFR_POSITION_SUPINE = 1 << 1,
	MFR_POSITION_SIDE_LYING = 1 << 2,
	MFR_POSITION_SEATED = 1 << 3,
	MFR_POSITION_STANDING = 1 << 4,
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_POSITION__MAX = 0x7fffffff
} mfr_position_t;

/** Every position bit. @since 0.1.0 */
#define MFR_POSITION_ALL 0x1fu

/** Tissue depth. @since 0.1.0 */
typedef enum mfr_depth_t {
	MFR_DEPTH_SUPERFICIAL = 1,
	MFR_DEPTH_INTERMEDIATE = 2,
	MFR_DEPTH_DEEP = 3,
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_DEPTH__MAX = 0x7fffffff
} mfr_depth_t;

/** Pressure levels, ordered: a larger value is firmer. @since 0.1.0 */
typedef enum mfr_pressure_t {
	MFR_PRESSURE_VERY_LIGHT = 1, /**< grams */
	MFR_PRESSURE_LIGHT = 2,
	MFR_PRESSURE_MODERATE = 3,
	MFR_PRESSURE_FIRM = 4,       /**< several kilograms-force */
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_PRESSURE__MAX = 0x7fffffff
} mfr_pressure_t;

/** Evidence grades, ordered: a larger value is stronger. @since 0.1.0 */
typedef enum mfr_evidence_t {
	MFR_EVIDENCE_NOT_ASSESSED = 0, /**< no study examined it */
	MFR_EVIDENCE_NONE = 1,         /**< examined and not confirmed */
	MFR_EVIDENCE_LIMITED = 2,
	MFR_EVIDENCE_MODERATE = 3,
	MFR_EVIDENCE_STRONG = 4,
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_EVIDENCE__MAX = 0x7fffffff
} mfr_evidence_t;

/** @return "left", "right", "midline", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_side_name(mfr_side_t side);
/** Parse a side key into @p out. @since 0.1.0 */
MFR_EXPORT mfr_status_t mfr_side_parse(const char *name, mfr_side_t *out);
/** @return "prone", "supine", "side_lying", "seated", "standing" for a single bit, or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_position_name(mfr_position_t position);
/** Parse a position key into @p out. @since 0.1.0 */
MFR_EXPORT mfr_status_t mfr_position_parse(const char *name, mfr_position_t *out);
/** @return "superficial", "intermediate", "deep", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_depth_name(mfr_depth_t depth);
/** Parse a depth key into @p out. @since 0.1.0 */
MFR_EXPORT mfr_status_t mfr_depth_parse(const char *name, mfr_depth_t *out);
/** @return "very_light", "light", "moderate", "firm", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_pressure_name(mfr_pressure_t pressure);
/** Parse a pressure key into @p out. @since 0.1.0 */
MFR_EXPORT mfr_status_t mfr_pressure_parse(const char *name, mfr_pressure_t *out);
/** @return "not_assessed", "none", "limited", "moderate", "strong", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_evidence_name(mfr_evidence_t evidence);
/** Parse an evidence key into @p out. @since 0.1.0 */
MFR_EXPORT mfr_status_t mfr_evidence_parse(const char *name, mfr_evidence_t *out);

/** @} */

MFR_END_DECLS

#endif /* MFR_COMMON_H */
