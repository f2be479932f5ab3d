/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/find.h
 * @brief Finding regions and conditions by the words a client uses.
 *
 * A clinic's search box turns what a client types ("back of the head",
 * "heel pain", "pins and needles in the thumb") into the model's regions and
 * conditions: mfr_model_find() matches the words against each region's and
 * condition's name and synonyms (mfr_region_synonym_at(),
 * mfr_condition_synonym_at()) and ranks what matches. It suggests; it never
 * diagnoses: a condition it finds is one whose words the client used, for
 * the therapist to confirm before the intake records it.
 *
 * Words: letters and digits, whatever their case; punctuation and spaces
 * only separate them ("Heel-pain!" is "heel pain"), an apostrophe is
 * dropped ("Achilles'" is "achilles"), a final "s" is ignored in a word of
 * four letters or more that does not end in "ss" ("toes", "toe"), and the
 * words "a", "an", "and", "at", "by", "for", "from", "i", "in", "into",
 * "is", "it", "its", "me", "my", "of", "on", "or", "the", "to" and "with"
 * are passed over. The last word of a text that does not end in a space or
 * punctuation may also match the start of a longer word, at half weight
 * (a search box that is still being typed into: "back of the hea").
 *
 * Ranking: each name or synonym (a term) scores (q / Q) × (t / T), where Q
 * is the number of distinct words of the search, q how many of them the
 * term holds, T the number of words of the term and t how many of them the
 * search holds (a word matched by its start counts one half on both sides).
 * "heel pain" gives the synonym "heel pain" 1 and the name "heel" 0.5. An
 * entity's score is that of its best term (its name first, then its
 * synonyms in model order, on a tie). Matches come best first; equal scores
 * put regions before conditions, and then follow the model's order. The
 * order is a function of the model and the words alone.
 *
 * A result holds a reference to the model, whose regions and conditions it
 * returns, until it is freed. Threading: mfr_model_find() only reads the
 * model, so any number of threads may search one model at once; a result
 * is never changed once made, and any number of threads may read it.
 */
#ifndef MFR_FIND_H
#define MFR_FIND_H

#include "mfr/condition.h"
#include "mfr/region.h"

MFR_BEGIN_DECLS

/**
 * @defgroup find Finding by words
 * @{
 */

/** The ranked matches of one search: an opaque object, freed with
 * mfr_find_free(). @since 0.2.0 */
typedef struct mfr_find mfr_find;
/** One match: a region or a condition, with the term that matched and its
 * score; a handle borrowed from its result. @since 0.2.0 */
typedef struct mfr_find_match mfr_find_match;

/** The longest search, in characters: more is #MFR_E_RANGE. @since 0.2.0 */
#define MFR_FIND_MAX_LENGTH 1000
/** The most distinct words a search may hold: more is #MFR_E_RANGE. @since 0.2.0 */
#define MFR_FIND_MAX_WORDS 32

/**
 * Find the regions and conditions whose name or synonyms hold the words of
 * @p words, best first (the ranking is in the file comment above).
 *
 * @param model the model.
 * @param words what the client typed: UTF-8, NUL-terminated, at most
 *        #MFR_FIND_MAX_LENGTH characters and #MFR_FIND_MAX_WORDS distinct
 *        words. A text with no word to search by (empty, punctuation, only
 *        words such as "the") finds nothing, and is not an error.
 * @param[out] out receives the result (the caller frees it with
 *        mfr_find_free()), or NULL on failure.
 * @param[out] err optional error detail.
 * @return #MFR_OK (even when nothing matches); #MFR_E_INVALID for a NULL
 *         argument; #MFR_E_RANGE for a search past its limits; #MFR_E_NOMEM.
 * @note Thread-safe: it only reads the model.
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_model_find(const mfr_model *model, const char *words,
				       mfr_find **out, mfr_error **err);

/** Free a result, dropping its reference to the model. NULL is accepted. @since 0.2.0 */
MFR_EXPORT void mfr_find_free(mfr_find *result);

/** How many matches the result has (0 for NULL). @since 0.2.0 */
MFR_EXPORT uint32_t mfr_find_match_count(const mfr_find *result);
/** The @p index -th match, best first, or NULL when out of range. @since 0.2.0 */
MFR_EXPORT const mfr_find_match *mfr_find_match_at(const mfr_find *result,
						     uint32_t index);

/** What the match is: `MFR_KIND_REGION` or `MFR_KIND_CONDITION` (an ::mfr_kind_t); 0 for NULL. @since 0.2.0 */
MFR_EXPORT mfr_kind_t mfr_find_match_kind(const mfr_find_match *match);
/** The region matched, or NULL when the match is a condition. @since 0.2.0 */
MFR_EXPORT const mfr_region *mfr_find_match_region(const mfr_find_match *match);
/** The condition matched, or NULL when the match is a region. @since 0.2.0 */
MFR_EXPORT const mfr_condition *mfr_find_match_condition(const mfr_find_match *match);
/** The key of the region or condition matched, or NULL for NULL. @since 0.2.0 */
MFR_EXPORT const char *mfr_find_match_key(const mfr_find_match *match);
/**
 * The term that matched best, as the model writes it: the entity's name or
 * one of its synonyms (the model's string); NULL for NULL.
 * @since 0.2.0
 */
MFR_EXPORT const char *mfr_find_match_term(const mfr_find_match *match);
/** Whether the term is a synonym (1) or the name (0). @since 0.2.0 */
MFR_EXPORT int mfr_find_match_is_synonym(const mfr_find_match *match);
/** The match's score, above 0 and at most 1 (every word of the search and
 * of the term matched); 0 for NULL. @since 0.2.0 */
MFR_EXPORT double mfr_find_match_score(const mfr_find_match *match);

/** @} */

MFR_END_DECLS

#endif /* MFR_FIND_H */
