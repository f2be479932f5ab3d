# SPDX-License-Identifier: MIT
"""libmfr: myofascial treatment-plan modelling, from Python.

A thin ctypes layer over the plain C ABI of libmfr (see include/mfr/*.h).
libmfr is decision support for licensed therapists; it never diagnoses.

The shared library is found, in order, at the path in the environment
variable ``LIBMFR_LIBRARY`` (and nothing else is tried), at the path where
``meson install`` put the library it installed this package with (recorded
in libmfr/_install.py; a pip install has none), through
``ctypes.util.find_library('mfr')``, or as ``libmfr.so.1`` on the dynamic
loader's path (doc/python.md).

Every enumerated value (a region's kind, a node's side, a status name) is
returned as the name the library itself gives it, so the binding cannot
drift from the C enumerations; an absent value is None.

The library counts who holds a model (mfr_model_ref/unref), and the binding
uses that count rather than tracking lifetimes itself: a Model, every
entity read from it, and every intake, trace, plan and program made from
it each hold the model. ``Model.close()`` drops the Model object's own
reference (from any thread: what others hold stays valid); only that
Model object refuses use afterwards (ValueError).

An Intake (what is known of one client) is built against a model; a Trace
(ranked treatment sites with the paths that explain them), a Plan (one
session's ordered, timed steps) and a Program (a course of sessions) are
built from an intake, and do not need it once made. Each is freed exactly
once (close(), a ``with`` block, or garbage collection) and refuses use
(ValueError) once closed; a session plan of a Program keeps the program
alive and refuses use once the program is closed.

    >>> import libmfr
    >>> with libmfr.Model.default() as model:
    ...     for line in model.lines():
    ...         print(line.abbrev, line.name, line.evidence)

    >>> with libmfr.Model.default() as model:
    ...     intake = libmfr.Intake(model)
    ...     intake.add_symptom('heel', 'left', intensity=6)
    ...     intake.add_condition('plantar_fasciitis')
    ...     for result in model.trace(intake, max_results=5):
    ...         print(result.rank, result.side, result.region.key)
    ...     plan = libmfr.Plan(intake)
    ...     print(plan.status, [s.region.key for s in plan.steps])
"""

from __future__ import annotations

import ctypes
import ctypes.util
import enum
import os
import operator
from ctypes import POINTER, byref, c_char_p, c_double, c_int, c_int32, \
    c_int64, c_size_t, c_uint32, c_void_p
from typing import (TYPE_CHECKING, Any, Callable, Dict, Generic, Iterable,
                    Iterator, List, NamedTuple, Optional, Tuple, Type,
                    TypeVar, Union, cast, overload)

__all__ = [
    'Access', 'Aftercare', 'Branch', 'Condition', 'DangerZone', 'Dose',
    'Evidence', 'FindMatch', 'Intake', 'Line', 'MAX_JOBS', 'Message',
    'Messages', 'MfrError', 'Model', 'Node', 'Onset', 'Plan', 'PlanAftercare', 'PlanStatus',
    'PlanStep', 'PlanWarning', 'Position', 'PositionLimit', 'Precaution',
    'Pressure', 'Program', 'ProgramSession', 'Provenance', 'Referral',
    'Region', 'Relation', 'STEP_DANGER_ZONE', 'STEP_INTERNAL', 'Screening',
    'ScreeningAnswer', 'Side', 'SitePrecaution', 'Source', 'Status',
    'Symptom', 'Technique', 'Trace', 'TracePath', 'TraceResult',
    'TraceStep', 'Zone', 'formats', 'kinds', 'library_path', 'plan_many',
    'status_name', 'strerror', 'version', 'version_number',
]


# ---- loading the library ----------------------------------------------------

def _installed_library() -> Optional[str]:
    """The library `meson install` installed with this package (recorded
    in libmfr/_install.py), or None: a pip install, a source tree, or a
    library since removed."""
    import importlib
    try:
        path = importlib.import_module(__name__ + '._install').LIBRARY
    except (ImportError, AttributeError):
        return None
    return path if isinstance(path, str) and os.path.exists(path) else None


def _load() -> Tuple[ctypes.CDLL, str]:
    """Load libmfr: $LIBMFR_LIBRARY if set (and nothing else), else the
    library installed with this package, else search (doc/python.md)."""
    path = os.environ.get('LIBMFR_LIBRARY')
    if path:
        return ctypes.CDLL(path), path
    errors = []
    for name in (_installed_library(), ctypes.util.find_library('mfr'),
                 'libmfr.so.1'):
        if not name:
            continue
        try:
            return ctypes.CDLL(name), name
        except OSError as e:
            errors.append(str(e))
    raise ImportError('libmfr: cannot load the shared library; set '
                      'LIBMFR_LIBRARY to its path (%s)'
                      % ('; '.join(errors) or 'not found'))


_C, _path = _load()

# Every function the binding calls, with its C prototype. Pointers are all
# c_void_p (never the default int) so that none is truncated on 64-bit.
# Every enumeration, mfr_status_t included, is 32 bits wide (mfr/common.h):
# _E; an int is a 0/1 flag: _I. test_libmfr.py checks each prototype
# against the headers.
_P, _S, _U, _I, _E = c_void_p, c_char_p, c_uint32, c_int, c_int32
_PROTOTYPES: List[Tuple[Any, List[Any], str]] = [
    # restype, argtypes, names
    (_S, [], 'mfr_version'),
    (_U, [], 'mfr_version_number'),
    (_S, [_E], 'mfr_strerror mfr_status_name mfr_kind_name mfr_side_name '
               'mfr_position_name mfr_depth_name mfr_pressure_name '
               'mfr_evidence_name mfr_region_kind_name mfr_laterality_name '
               'mfr_node_kind_name mfr_line_side_name mfr_zone_kind_name '
               'mfr_family_name mfr_approach_name mfr_suits_name '
               'mfr_scope_name mfr_severity_name mfr_onset_name '
               'mfr_relation_name mfr_distance_name mfr_plan_status_name '
               'mfr_phase_name mfr_warning_kind_name mfr_access_name '
               'mfr_aftercare_kind_name mfr_frequency_name'),
    (_E, [_S, POINTER(_E)], 'mfr_kind_parse mfr_side_parse '
                               'mfr_position_parse mfr_depth_parse '
                               'mfr_pressure_parse mfr_evidence_parse '
                               'mfr_access_parse'),
    (None, [_P], 'mfr_error_free mfr_free mfr_model_free mfr_model_unref'),
    (_P, [_P], 'mfr_model_ref'),
    (_E, [_P], 'mfr_error_status'),
    (_S, [_P], 'mfr_error_message mfr_error_source mfr_error_path'),
    # model.h
    (_E, [POINTER(_P), POINTER(_P)], 'mfr_model_default'),
    (_E, [_S, POINTER(_P), POINTER(_P)], 'mfr_model_load_file'),
    (_E, [_S, c_size_t, _S, POINTER(_P), POINTER(_P)],
     'mfr_model_load_buffer'),
    (_P, [POINTER(c_size_t)], 'mfr_model_default_text'),
    (_U, [_P, _E], 'mfr_model_count'),
    (_S, [_P, _E, _U], 'mfr_model_key_at'),
    (_I, [_P, _E, _S], 'mfr_model_has'),
    (_U, [_P, _U], 'mfr_model_segment_site_count'),
    (_P, [_P, _U, _U], 'mfr_model_segment_site_region'),
    (_E, [_P, _U, _U], 'mfr_model_segment_site_side'),
    (_S, [_P, _U], 'mfr_model_segment_name'),
    (_E, [_P, _E, _S, _U, POINTER(_P), POINTER(_P)], 'mfr_model_to_json'),
    (_U, [_P, _E, _S, POINTER(_S), _U], 'mfr_model_suggest'),
    (_P, [_P, _U], 'mfr_model_region_at mfr_model_line_at '
                   'mfr_model_referral_at mfr_model_technique_at '
                   'mfr_model_condition_at mfr_model_precaution_at '
                   'mfr_model_source_at mfr_model_aftercare_at '
                   'mfr_model_danger_zone_at mfr_model_screening_at'),
    (_P, [_P, _S], 'mfr_model_region mfr_model_line mfr_model_referral '
                   'mfr_model_technique mfr_model_condition '
                   'mfr_model_precaution mfr_model_source '
                   'mfr_model_aftercare mfr_model_danger_zone '
                   'mfr_model_screening'),
    (_P, [_P, _P], 'mfr_model_danger_zone_covering'),
    # Getters: one handle in (an entity, or a sub-item borrowed from its
    # parent: a plan step, a referral zone...), a string out
    (_S, [_P], 'mfr_model_name mfr_model_version mfr_model_description '
               'mfr_source_key mfr_source_citation mfr_source_note '
               'mfr_provenance_note '
               'mfr_region_key mfr_region_name mfr_region_snomed '
               'mfr_region_fma mfr_region_uberon '
               'mfr_line_key mfr_line_abbrev mfr_line_name '
               'mfr_line_branch_key mfr_line_branch_name mfr_line_node_note '
               'mfr_referral_key mfr_referral_trigger_point '
               'mfr_technique_key mfr_technique_name '
               'mfr_condition_key mfr_condition_name mfr_condition_evidence '
               'mfr_precaution_key mfr_precaution_name mfr_precaution_effect '
               'mfr_precaution_stage_name '
               'mfr_aftercare_key mfr_aftercare_text '
               'mfr_danger_zone_key mfr_danger_zone_name '
               'mfr_danger_zone_effect mfr_screening_key mfr_screening_text '
               'mfr_screening_answer_key mfr_screening_answer_text '
               'mfr_trace_result_explain mfr_plan_step_rationale '
               'mfr_plan_warning_text mfr_plan_warning_code '
               'mfr_plan_warning_subject_key mfr_program_session_focus '
               'mfr_find_match_key mfr_find_match_term'),
    # ... an unsigned count, index, mask or number of seconds out
    (_U, [_P], 'mfr_provenance_source_count mfr_plan_warning_trace_rank '
               'mfr_region_index mfr_region_child_count '
               'mfr_region_positions mfr_region_adjacent_count '
               'mfr_line_index mfr_line_evidence_source_count '
               'mfr_line_branch_count mfr_line_branch_node_count '
               'mfr_line_node_region_count '
               'mfr_referral_index mfr_referral_zone_count '
               'mfr_technique_index mfr_technique_hold_min '
               'mfr_technique_hold_max mfr_technique_max_sites '
               'mfr_technique_positions '
               'mfr_technique_suits mfr_technique_region_count '
               'mfr_condition_index mfr_condition_icd10cm_count '
               'mfr_condition_snomed_count mfr_condition_area_count '
               'mfr_condition_line_count mfr_condition_region_count '
               'mfr_condition_site_technique_count '
               'mfr_condition_trigger_point_technique_count '
               'mfr_condition_screening_count mfr_condition_relations '
               'mfr_precaution_index mfr_precaution_avoid_region_count '
               'mfr_precaution_avoid_until_cleared_count '
               'mfr_precaution_excluded_technique_count '
               'mfr_precaution_widening_count '
               'mfr_precaution_widening_with_count mfr_precaution_stage_count '
               'mfr_precaution_clearance_area_count '
               'mfr_precaution_screening_count '
               'mfr_screening_symptom_area_count '
               'mfr_precaution_position_limit_count '
               'mfr_precaution_position_limit_from_stage '
               'mfr_precaution_position_limit_region_count '
               'mfr_aftercare_when_count '
               'mfr_danger_zone_index mfr_danger_zone_region_count '
               'mfr_danger_zone_excluded_technique_count '
               'mfr_dose_max_minutes mfr_dose_hold_min mfr_dose_hold_max '
               'mfr_danger_zone_region_kinds '
               'mfr_screening_index mfr_screening_answer_count '
               'mfr_screening_answer_precaution_count '
               'mfr_screening_answer_stage '
               'mfr_intake_symptom_count mfr_intake_condition_count '
               'mfr_intake_precaution_count mfr_intake_clearance_count '
               'mfr_intake_minutes mfr_intake_positions mfr_intake_scopes '
               'mfr_trace_result_count mfr_trace_result_path_count '
               'mfr_trace_path_symptom mfr_trace_path_step_count '
               'mfr_plan_session_seconds mfr_plan_total_seconds '
               'mfr_plan_position_changes mfr_plan_step_count '
               'mfr_plan_warning_count mfr_plan_aftercare_count '
               'mfr_plan_step_seconds mfr_plan_step_trace_rank '
               'mfr_plan_step_flags '
               'mfr_program_session_count mfr_program_weeks '
               'mfr_program_session_day mfr_region_synonym_count '
               'mfr_condition_synonym_count mfr_find_match_count'),
    # ... an enum value out
    (_E, [_P], 'mfr_region_kind mfr_region_laterality mfr_region_depth '
               'mfr_region_access mfr_line_evidence '
               'mfr_line_node_kind mfr_line_node_side '
               'mfr_referral_zone_kind mfr_referral_zone_frequency '
               'mfr_technique_family mfr_technique_approach '
               'mfr_technique_pressure_min mfr_technique_pressure_max '
               'mfr_technique_depth '
               'mfr_precaution_scope mfr_precaution_severity '
               'mfr_precaution_pressure_ceiling '
               'mfr_precaution_position_limit_position mfr_aftercare_kind '
               'mfr_danger_zone_pressure_ceiling mfr_dose_pressure_ceiling '
               'mfr_intake_symptom_side mfr_intake_symptom_onset '
               'mfr_intake_precaution_side '
               'mfr_trace_result_side mfr_trace_result_distance '
               'mfr_trace_path_step_from_side mfr_trace_path_step_to_side '
               'mfr_trace_path_step_relation mfr_trace_path_step_zone '
               'mfr_plan_status mfr_plan_pressure_ceiling '
               'mfr_plan_step_phase mfr_plan_step_side '
               'mfr_plan_step_approach mfr_plan_step_pressure '
               'mfr_plan_step_position mfr_plan_step_lying_side '
               'mfr_plan_warning_kind mfr_plan_warning_subject_kind '
               'mfr_plan_warning_side mfr_find_match_kind'),
    # ... a 0/1 flag out
    (_I, [_P], 'mfr_provenance_is_convention mfr_region_treatable '
               'mfr_line_crosses mfr_line_node_crosses '
               'mfr_line_node_may_cross '
               'mfr_referral_split_convention mfr_referral_disputed '
               'mfr_referral_zone_bilateral '
               'mfr_technique_has_hold mfr_technique_hold_convention '
               'mfr_precaution_needs_clearance mfr_precaution_avoid_site '
               'mfr_precaution_avoid_adjacent mfr_precaution_site_scoped '
               'mfr_precaution_site_optional '
               'mfr_precaution_refer_first '
               'mfr_dose_indirect_only mfr_dose_progresses '
               'mfr_screening_answer_needs_site '
               'mfr_trace_path_step_crosses mfr_program_session_reassess '
               'mfr_find_match_is_synonym'),
    # ... a number out
    (c_int32, [_P], 'mfr_error_line mfr_error_column '
                    'mfr_intake_symptom_intensity'),
    (c_int64, [_P], 'mfr_error_offset'),
    (c_double, [_P], 'mfr_trace_result_score mfr_trace_path_score '
                     'mfr_trace_path_step_factor mfr_find_match_score'),
    # ... another borrowed handle out
    (_P, [_P], 'mfr_region_parent mfr_region_provenance mfr_line_provenance '
               'mfr_line_branch_line mfr_referral_muscle '
               'mfr_referral_zone_area '
               'mfr_referral_provenance mfr_technique_provenance '
               'mfr_condition_provenance mfr_precaution_provenance '
               'mfr_aftercare_provenance mfr_condition_dose '
               'mfr_precaution_dose mfr_precaution_widening_region '
               'mfr_danger_zone_provenance '
               'mfr_dose_provenance mfr_screening_provenance '
               'mfr_intake_model mfr_intake_symptom_region '
               'mfr_intake_precaution_precaution mfr_intake_precaution_region '
               'mfr_trace_result_region '
               'mfr_trace_path_step_from mfr_trace_path_step_to '
               'mfr_trace_path_step_line mfr_trace_path_step_referral '
               'mfr_plan_step_region mfr_plan_step_technique '
               'mfr_plan_step_danger_zone mfr_plan_warning_region '
               'mfr_program_session_plan'),
    (_I, [_P, _P], 'mfr_region_is_within '
                   'mfr_intake_is_cleared mfr_intake_is_answered'),
    (_U, [_P, _P], 'mfr_intake_stage'),
    # the index-th item of a list: an entity, or a sub-item's handle
    (_P, [_P, _U], 'mfr_precaution_clearance_area_at '
                   'mfr_precaution_screening_at '
                   'mfr_screening_symptom_area_at '
                   'mfr_provenance_source_at mfr_region_child_at '
                   'mfr_region_adjacent_at mfr_line_evidence_source_at '
                   'mfr_line_branch_at mfr_line_branch_node_at '
                   'mfr_line_node_region_at mfr_referral_zone_at '
                   'mfr_technique_region_at mfr_condition_area_at '
                   'mfr_condition_line_at mfr_condition_region_at '
                   'mfr_condition_site_technique_at '
                   'mfr_condition_trigger_point_technique_at '
                   'mfr_condition_screening_at '
                   'mfr_precaution_avoid_region_at '
                   'mfr_precaution_avoid_until_cleared_at '
                   'mfr_precaution_excluded_technique_at '
                   'mfr_precaution_widening_at '
                   'mfr_precaution_widening_with_at '
                   'mfr_precaution_position_limit_at '
                   'mfr_precaution_position_limit_region_at '
                   'mfr_aftercare_when_at '
                   'mfr_danger_zone_region_at '
                   'mfr_danger_zone_excluded_technique_at '
                   'mfr_screening_answer_at '
                   'mfr_screening_answer_precaution_at '
                   'mfr_intake_symptom_at mfr_intake_condition_at '
                   'mfr_intake_precaution_at mfr_intake_clearance_at '
                   'mfr_trace_result_at mfr_trace_result_path_at '
                   'mfr_trace_path_step_at '
                   'mfr_plan_step_at mfr_plan_warning_at mfr_plan_aftercare_at '
                   'mfr_program_session_at'),
    (_S, [_P, _U], 'mfr_condition_icd10cm_at mfr_condition_snomed_at '
                   'mfr_region_synonym_at mfr_condition_synonym_at'),
    # find.h: a search, its matches
    (_E, [_P, _S, POINTER(_P), POINTER(_P)], 'mfr_model_find'),
    (_P, [_P, _U], 'mfr_find_match_at'),
    (_P, [_P], 'mfr_find_match_region mfr_find_match_condition'),
    # intake.h: constructors and builders (an mfr_error ** last)
    (_E, [_P, POINTER(_P)], 'mfr_intake_new'),
    (_E, [_P, _S, c_size_t, _S, POINTER(_P), POINTER(_P)],
     'mfr_intake_from_json'),
    (_E, [_P, _S, POINTER(_P), POINTER(_P)], 'mfr_intake_load_file'),
    (None, [_P], 'mfr_intake_free mfr_trace_options_free mfr_trace_free '
                 'mfr_plan_options_free mfr_plan_free mfr_program_free '
                 'mfr_find_free'),
    (_E, [_P, _S, _E, c_int32, _E, POINTER(_P)], 'mfr_intake_add_symptom'),
    (_E, [_P, _U, c_int32, _E, POINTER(_P)], 'mfr_intake_add_symptom_segment'),
    (_E, [_P, _S, POINTER(_P)], 'mfr_intake_add_condition '
                                'mfr_intake_add_clearance mfr_intake_set_id '
                                'mfr_intake_set_extensions'),
    (_S, [_P], 'mfr_intake_id mfr_intake_extensions mfr_model_content_hash'),
    (_E, [_P, _S, _S, _E, POINTER(_P)], 'mfr_intake_add_precaution'),
    (_E, [_P, _S, _U, POINTER(_P)], 'mfr_intake_set_stage'),
    (_E, [_P, _E, POINTER(_P)], 'mfr_intake_add_scope'),
    (_E, [_P, _S, _S, _S, _E, POINTER(_P)], 'mfr_intake_add_answer'),
    (_E, [_P, _U, POINTER(_P)], 'mfr_intake_set_minutes '
                                'mfr_intake_set_positions'),
    # trace.h and plan.h: options (the setters return a status and no
    # error object)
    (_E, [POINTER(_P)], 'mfr_trace_options_new mfr_plan_options_new'),
    (_E, [_P, _U], 'mfr_trace_options_set_max_results '
                   'mfr_trace_options_set_max_steps '
                   'mfr_trace_options_set_relations '
                   'mfr_plan_options_set_max_sites '
                   'mfr_plan_options_set_reposition_seconds '
                   'mfr_plan_options_set_block_seconds'),
    (_E, [_P, _E], 'mfr_trace_options_set_min_evidence'),
    (_E, [_P, _S], 'mfr_trace_options_add_line mfr_plan_options_add_technique'),
    # ... running
    (_E, [_P, _P, POINTER(_P), POINTER(_P)], 'mfr_trace_run mfr_plan_run'),
    (_E, [_P, _P, _P, POINTER(_P), POINTER(_P)], 'mfr_plan_run_from_trace'),
    (_E, [_P, _U, _U, _P, POINTER(_P), POINTER(_P)], 'mfr_program_run'),
    # every *_to_json(): flags in, text out (freed with mfr_free)
    (_E, [_P, _U, POINTER(_P), POINTER(_P)],
     'mfr_intake_to_json mfr_trace_to_json mfr_plan_to_json '
     'mfr_program_to_json'),
    # output.h: every object in a format, to memory (and to a FILE *, which
    # the binding declares but does not call)
    (_S, [_E], 'mfr_format_name'),
    (_E, [_S, POINTER(_E)], 'mfr_format_parse'),
    (_E, [_P, _E, _U, POINTER(_P), POINTER(c_size_t), POINTER(_P)],
     'mfr_plan_write mfr_program_write mfr_trace_write'),
    (_E, [_P, _E, _U, _P, POINTER(_P)],
     'mfr_plan_write_file mfr_program_write_file mfr_trace_write_file'),
    # ... and with a message table (mfr/messages.h)
    (_E, [_P, _E, _U, _P, POINTER(_P), POINTER(c_size_t), POINTER(_P)],
     'mfr_plan_write_with mfr_program_write_with mfr_trace_write_with'),
    (_E, [_P, _E, _U, _P, _P, POINTER(_P)],
     'mfr_plan_write_file_with mfr_program_write_file_with '
     'mfr_trace_write_file_with'),
    # messages.h: tables and messages
    (_P, [], 'mfr_messages_default'),
    (_E, [_S, POINTER(_P), POINTER(_P)], 'mfr_messages_load_file'),
    (_E, [_S, c_size_t, _S, POINTER(_P), POINTER(_P)], 'mfr_messages_load_buffer'),
    (None, [_P], 'mfr_messages_free'),
    (_S, [_P], 'mfr_messages_language mfr_message_code'),
    (_U, [_P], 'mfr_messages_count mfr_messages_missing_count '
               'mfr_message_arg_count'),
    (_S, [_P, _U], 'mfr_messages_code_at mfr_messages_missing_at '
                   'mfr_message_arg_name mfr_message_arg_value'),
    (_S, [_P, _S], 'mfr_messages_get'),
    (_E, [_P, _S, _U, POINTER(_S), POINTER(_S), POINTER(_P), POINTER(_P)],
     'mfr_messages_format'),
    (_P, [_P, _U], 'mfr_message_arg_message'),
    (_E, [_P, _P, POINTER(_P), POINTER(_P)], 'mfr_message_render'),
    (_P, [_P], 'mfr_plan_warning_message mfr_plan_step_rationale_message'),
]
for _restype, _argtypes, _names in _PROTOTYPES:
    for _fname in _names.split():
        _fn = getattr(_C, _fname)
        _fn.restype, _fn.argtypes = _restype, _argtypes
del _restype, _argtypes, _names, _fname, _fn

# mfr_model_to_json() flag (a #define, so it has no name function).
_JSON_COMPACT = 0x1

#: A C function as ctypes gives it (its result is typed by _PROTOTYPES, not
#: for the checker).
_CFunc = Callable[..., Any]
#: A C object's address as ctypes gives it back from a c_void_p result
#: (None for NULL), or a _ModelRef standing for a model.
_Handle = Any

_T = TypeVar('_T')
_E_co = TypeVar('_E_co', bound='_Entity')
_O = TypeVar('_O', bound='_Object')

#: A path, as open() takes one.
_PathArg = Union[str, bytes, 'os.PathLike[str]', 'os.PathLike[bytes]']
#: An enumerated value given by its library name or as an IntEnum member.
_Name = Union[str, enum.IntEnum]
#: A key, or the entity it names.
_Key = Union[str, '_Entity']
#: Technique preferences: a key or Technique, or an iterable of them.
_Techniques = Union[str, 'Technique', Iterable[Union[str, 'Technique']]]

if TYPE_CHECKING:
    class _Prop(Generic[_T]):
        """What the checker sees of a read-only property made from a
        function (property at run time): reading it gives a _T."""

        def __init__(self, fget: Callable[[Any], _T],
                     doc: Optional[str] = None) -> None: ...

        @overload
        def __get__(self, obj: None, owner: Any = None) -> '_Prop[_T]': ...

        @overload
        def __get__(self, obj: object, owner: Any = None) -> _T: ...

        def __get__(self, obj: Any, owner: Any = None) -> Any: ...
else:
    _Prop = property


def _str(raw: Optional[bytes]) -> Optional[str]:
    """A C string (bytes or None) as str or None. The library's strings are
    UTF-8; a byte that is not (a caller's file name in an error's source)
    decodes as U+FFFD rather than raising."""
    return None if raw is None else raw.decode('utf-8', 'replace')


def _name(name_fn: _CFunc, value: int) -> Optional[str]:
    """The library's own name for an enum value; None for 0/unknown."""
    return _str(name_fn(value))


def _items(count_fn: _CFunc, at_fn: _CFunc,
           parent: _Handle) -> List[_Handle]:
    """The handles of a parent's sub-items (mfr/common.h): borrowed from
    the parent, valid while it lives, never freed."""
    return [at_fn(parent, i) for i in range(count_fn(parent))]


def _strings(count_fn: _CFunc, at_fn: _CFunc,
             parent: _Handle) -> Tuple[str, ...]:
    """The strings a parent lists (codes, synonyms), as a tuple of str."""
    return tuple(_str(at_fn(parent, i)) or ''
                 for i in range(count_fn(parent)))


def _mask_names(name_fn: _CFunc, mask: int) -> Tuple[str, ...]:
    """The names of the bits set in @p mask, lowest bit first."""
    names: List[str] = []
    bit = 1
    while bit <= mask:
        if mask & bit:
            names.append(_name(name_fn, bit) or '')
        bit <<= 1
    return tuple(names)


# ---- version, status and errors --------------------------------------------

def library_path() -> str:
    """The path or name the shared library was loaded from."""
    return _path


def version() -> str:
    """The run-time library version, "MAJOR.MINOR.PATCH"."""
    return _str(_C.mfr_version()) or ''


def version_number() -> int:
    """The run-time version as major * 10000 + minor * 100 + patch."""
    return int(_C.mfr_version_number())


def strerror(status: int) -> str:
    """A one-line English description of a status code."""
    return _str(_C.mfr_strerror(status)) or ''


def status_name(status: int) -> str:
    """The symbolic name of a status code ("MFR_E_RANGE")."""
    return _str(_C.mfr_status_name(status)) or ''


def _status_codes() -> Dict[str, int]:
    """Every status the library names. Codes are 0 and small negatives."""
    codes: Dict[str, int] = {}
    for code in range(0, -256, -1):
        name = status_name(code)
        if name != 'MFR_E_UNKNOWN_STATUS':
            codes[name] = code
    return codes


def _int_enum(name: str, members: Dict[str, int],
              doc: str) -> Type[enum.IntEnum]:
    """An IntEnum of the library's own names for a C enumeration's values
    (built from its *_name() function, so it cannot drift from the C)."""
    cls = enum.IntEnum(name, members)  # type: ignore[misc]
    cls.__doc__ = doc
    cls.__module__ = __name__
    return cast(Type[enum.IntEnum], cls)


_WIDTH = ('; like every libmfr enumeration it crosses the C ABI as a 32-bit '
          'signed integer (int32_t; the type is fixed at 32 bits by its '
          '*__MAX member, mfr/common.h)')
_MASK_WIDTH = ('; the values are single bits, and a set of them crosses the '
               'C ABI as a 32-bit unsigned mask (uint32_t); one value alone '
               'as a 32-bit signed integer (int32_t), mfr/common.h')

#: Status codes, named by the library (Status.MFR_E_SYNTAX == -4).
Status = _int_enum(
    'Status', _status_codes(),
    'mfr_status_t: 0 is MFR_OK, failures are small negatives, named by '
    'mfr_status_name()' + _WIDTH + '.')


class MfrError(Exception):
    """A libmfr failure, with the detail of its mfr_error object.

    Attributes: status (a Status, or int when unknown), status_name,
    message (what went wrong, where, how to fix it), path (a JSON path such
    as "regions[1].parent", or None), line and column (1-based, 0 when
    unknown), source (the input's name, or None), offset (bytes, -1 unknown).
    """

    status: Union[enum.IntEnum, int]

    def __init__(self, status: int, status_name: str, message: str,
                 path: Optional[str] = None, line: int = 0, column: int = 0,
                 source: Optional[str] = None, offset: int = -1,
                 detailed: bool = False) -> None:
        super().__init__(message)
        #: True when the library gave an mfr_error with the detail; False
        #: when only a status came back (the message is then strerror's).
        self.detailed = detailed
        try:
            self.status = Status(status)
        except ValueError:
            self.status = status
        self.status_name = status_name
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.source = source
        self.offset = offset

    def __repr__(self) -> str:
        return 'MfrError(%s, %r)' % (self.status_name, self.message)


def _check(status: int, err: c_void_p) -> None:
    """Raise MfrError for a failed call; always frees the error object."""
    ptr = err.value
    try:
        if status == 0:
            return
        if not ptr:
            raise MfrError(status, status_name(status), strerror(status))
        code = _C.mfr_error_status(ptr)
        raise MfrError(code, status_name(code),
                       _str(_C.mfr_error_message(ptr)) or strerror(code),
                       _str(_C.mfr_error_path(ptr)),
                       _C.mfr_error_line(ptr), _C.mfr_error_column(ptr),
                       _str(_C.mfr_error_source(ptr)),
                       _C.mfr_error_offset(ptr), detailed=True)
    finally:
        _C.mfr_error_free(ptr)


def _fail(status: int, what: str) -> None:
    """Raise MfrError for a function that returns a bare status (the
    options setters): the message names @p what the call was about."""
    if status != 0:
        raise MfrError(status, status_name(status),
                       '%s: %s' % (what, strerror(status)))


def _text(fn: _CFunc, ptr: _Handle, compact: bool) -> str:
    """Call a *_to_json() function and return its text, freed after."""
    out, err = c_void_p(), c_void_p()
    _check(fn(ptr, _JSON_COMPACT if compact else 0, byref(out), byref(err)),
           err)
    try:
        return ctypes.string_at(cast(int, out.value)).decode('utf-8')
    finally:
        _C.mfr_free(out.value)


def _write(fn: _CFunc, ptr: _Handle, format: str, compact: bool,
           messages: Optional['Messages'] = None) -> str:
    """Call an mfr_*_write() function: the object in @p format (a name,
    "json", "text", ...), as str; with @p messages, its mfr_*_write_with()
    (fn must be that one)."""
    if not isinstance(format, str):
        raise TypeError('format must be a name (a str), not %r' % (format,))
    value = c_int32()
    status = _C.mfr_format_parse(format.encode('utf-8'), byref(value))
    if status != 0:
        raise MfrError(status, status_name(status),
                       'unknown format %r; use %s' % (format, ', '.join(formats())))
    out, size, err = c_void_p(), c_size_t(), c_void_p()
    flags = _JSON_COMPACT if compact else 0
    if messages is None:
        status = fn(ptr, value.value, flags, byref(out), byref(size), byref(err))
    else:
        status = fn(ptr, value.value, flags, messages._handle, byref(out),
                    byref(size), byref(err))
    _check(status, err)
    try:
        return ctypes.string_at(cast(int, out.value), size.value).decode('utf-8')
    finally:
        _C.mfr_free(out.value)


# mfr_format_t's values lie below this; some name no format (a value kept
# for a format to come), so formats() looks at each.
_FORMAT_LIMIT = 32


def formats() -> Tuple[str, ...]:
    """The names of the output formats ("json", "text", ...), in the order
    of their mfr_format_t values."""
    names = (_name(_C.mfr_format_name, value) for value in range(1, _FORMAT_LIMIT))
    return tuple(name for name in names if name is not None)


def _enum_table(name_fn: _CFunc, values: Iterable[int]) -> Dict[str, int]:
    """{name: value} for every value the library names."""
    table: Dict[str, int] = {}
    for value in values:
        name = _name(name_fn, value)
        if name is not None:
            table[name] = value
    return table


_BITS = [1 << i for i in range(31)]
_SIDES = _enum_table(_C.mfr_side_name, range(1, 16))
_ONSETS = _enum_table(_C.mfr_onset_name, range(0, 16))
_POSITIONS = _enum_table(_C.mfr_position_name, _BITS)
_RELATIONS = _enum_table(_C.mfr_relation_name, _BITS)
_EVIDENCE = _enum_table(_C.mfr_evidence_name, range(0, 16))
_ACCESS = _enum_table(_C.mfr_access_name, _BITS)
_PRESSURES = _enum_table(_C.mfr_pressure_name, range(1, 16))
_PLAN_STATUSES = _enum_table(_C.mfr_plan_status_name, range(0, 16))

# The C enumerations a caller passes or compares, as IntEnums of the
# library's names. Arguments take a member or its name; results stay names
# (str), as they always were: Side[plan_step.side] is the member.
Side = _int_enum('Side', _SIDES, 'mfr_side_t: left, right, midline' + _WIDTH
                 + '.')
Onset = _int_enum('Onset', _ONSETS, 'mfr_onset_t: a symptom\'s onset' +
                  _WIDTH + '.')
Position = _int_enum('Position', _POSITIONS, 'mfr_position_t: client '
                     'positions' + _MASK_WIDTH + '.')
Relation = _int_enum('Relation', _RELATIONS, 'mfr_relation_t: what a '
                     'trace step follows' + _MASK_WIDTH + '.')
Evidence = _int_enum('Evidence', _EVIDENCE, 'mfr_evidence_t: evidence '
                     'grades, ordered (a larger value is stronger)' + _WIDTH
                     + '.')
Access = _int_enum('Access', _ACCESS, 'mfr_access_t: how a region is '
                   'reached' + _MASK_WIDTH + '.')
Pressure = _int_enum('Pressure', _PRESSURES, 'mfr_pressure_t: pressure '
                     'levels, ordered (a larger value is firmer)' + _WIDTH +
                     '.')
PlanStatus = _int_enum('PlanStatus', _PLAN_STATUSES, 'mfr_plan_status_t: '
                       'what a plan allows' + _WIDTH + '.')


def _lookup(table: Dict[str, int], name: object, what: str) -> int:
    """The value of enum name @p name (or of a member of the matching
    IntEnum); TypeError for a name that is not a str, ValueError naming the
    choices for an unknown one."""
    if isinstance(name, enum.IntEnum) and table.get(name.name) == name:
        return int(name)
    if not isinstance(name, str):
        raise TypeError('%s must be a name (a str: one of %s), not %r'
                        % (what, ', '.join(table), name))
    try:
        return table[name]
    except KeyError:
        raise ValueError('unknown %s %r: use one of %s'
                         % (what, name, ', '.join(table))) from None


def _side_arg(side: object) -> int:
    """'left', 'right', 'midline' or None (0: the library decides)."""
    return 0 if side is None else _lookup(_SIDES, side, 'side')


def _mask_arg(table: Dict[str, int], names: object, what: str) -> int:
    """A mask from an iterable of names (or one name or member)."""
    if isinstance(names, (str, enum.IntEnum)):
        names = (names,)
    try:
        names = tuple(cast(Iterable[object], names))
    except TypeError:
        raise TypeError('%ss must be a name or an iterable of names, not %r'
                        % (what, names)) from None
    mask = 0
    for name in names:
        mask |= _lookup(table, name, what)
    return mask


def _int_arg(value: object, what: str, lo: int, hi: int) -> int:
    """A whole number for a C integer of range [lo, hi]. Values outside
    the C type are saturated, so the library (never ctypes' silent
    truncation) judges them and reports its own range error."""
    try:
        number = operator.index(cast(Any, value))
    except TypeError:
        raise TypeError('%s must be a whole number, not %r'
                        % (what, value)) from None
    return min(max(number, lo), hi)


def _u32(value: object, what: str) -> int:
    return _int_arg(value, what, 0, 0xFFFFFFFF)


def _key_arg(key: object, what: str) -> bytes:
    """A key given as a str or as the entity it names, as bytes. Every
    entry point that takes a key checks it here: TypeError for anything
    else (None once raised AttributeError from deep inside)."""
    if isinstance(key, _Entity):
        key = getattr(key, 'key', None)
    if not isinstance(key, str):
        raise TypeError('%s must be a key (a str), not %r' % (what, key))
    if '\0' in key:
        raise ValueError('%s %r contains a NUL character' % (what, key))
    return key.encode('utf-8')


def _document_arg(data: object, what: str) -> bytes:
    """A JSON document given as str or bytes-like, as bytes."""
    if isinstance(data, str):
        return data.encode('utf-8')
    try:
        return bytes(memoryview(cast(bytes, data)))
    except TypeError:
        raise TypeError('%s must be a JSON document (str or bytes), not %r'
                        % (what, data)) from None


# ---- kinds -----------------------------------------------------------------

def kinds() -> Tuple[str, ...]:
    """The names of the kinds of entity a model holds ("region", ...)."""
    names: List[str] = []
    value = 1
    while _C.mfr_kind_name(value) is not None:
        names.append(_name(_C.mfr_kind_name, value) or '')
        value += 1
    return tuple(names)


def _kind(kind: object) -> int:
    """A kind name ("region") as the library's mfr_kind_t value."""
    out = c_int32(0)
    if not isinstance(kind, str):
        raise TypeError('kind must be a name (a str: one of %s), not %r'
                        % (', '.join(kinds()), kind))
    if '\0' in kind or \
            _C.mfr_kind_parse(kind.encode('utf-8'), byref(out)) != 0:
        raise ValueError('unknown kind %r: use one of %s'
                         % (kind, ', '.join(kinds())))
    return int(out.value)


# ---- entities --------------------------------------------------------------

class _ModelRef:
    """One reference to a C model, counted by the library itself
    (mfr_model_ref): dropped (mfr_model_unref) when this object is
    collected, never by hand. ctypes passes it as the model pointer
    (_as_parameter_), so a call holds the reference for as long as it runs,
    whatever another thread closes meanwhile."""

    __slots__ = ('_as_parameter_',)

    def __init__(self, ptr: int) -> None:
        """Adopt a reference the caller owns (a model just built)."""
        self._as_parameter_ = ptr

    @classmethod
    def take(cls, ptr: int) -> _ModelRef:
        """Take a new reference to the model at @p ptr."""
        return cls(_model_ref(ptr))

    def __del__(self, _fallback: _CFunc = _C.mfr_model_unref) -> None:
        ptr = getattr(self, '_as_parameter_', None)
        self._as_parameter_ = cast(int, None)
        if ptr:
            unref: Optional[_CFunc]
            try:
                unref = _model_unref
            except NameError:  # the module is being torn down at exit
                unref = None
            if unref is None:
                unref = _fallback
            unref(ptr)


def _model_ref(ptr: _Handle, _ref: _CFunc = _C.mfr_model_ref) -> _Handle:
    """Take one reference (mfr_model_ref); returns @p ptr."""
    return _ref(ptr)


def _model_unref(ptr: _Handle, _unref: _CFunc = _C.mfr_model_unref) -> None:
    """Drop one reference (mfr_model_unref). The C function is bound as a
    default so that it survives module teardown at exit."""
    _unref(ptr)


class _Entity:
    """A borrowed pointer into a model, with a reference to the model
    (a _ModelRef) that keeps it alive as long as the entity is."""

    __slots__ = ('_model', '_ptr')
    _kind: Optional[str] = None  # the kind name, for entities the model lists

    def __init__(self, model: _ModelRef, ptr: int) -> None:
        self._model = model  # a _ModelRef
        self._ptr = ptr

    @property
    def _p(self) -> int:
        return self._ptr

    def _wrap(self, cls: Type[_E_co], ptr: Optional[int]) -> Optional[_E_co]:
        return None if not ptr else cls(self._model, ptr)

    def _list(self, count_fn: _CFunc, at_fn: _CFunc, cls: Type[_E_co],
              parent: _Handle = None) -> Tuple[_E_co, ...]:
        """The entities listed by count_fn/at_fn of @p parent (a handle of
        this entity's model; default: this entity)."""
        p = self._p if parent is None else parent
        return tuple(_some(cls, self._model, at_fn(p, i))
                     for i in range(count_fn(p)))

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and \
            cast(_Entity, other)._ptr == self._ptr

    def __hash__(self) -> int:
        return hash((type(self), self._ptr))

    def __repr__(self) -> str:
        key = getattr(self, 'key', None)
        return '<%s %r>' % (type(self).__name__, key)


class Source(_Entity):
    """A cited work."""
    __slots__ = ()
    _kind = 'source'

    key = _Prop(lambda self: _str(_C.mfr_source_key(self._p)) or '',
                doc='The source key.')
    citation = _Prop(lambda self: _str(_C.mfr_source_citation(self._p)),
                        doc='The full citation.')
    note = _Prop(lambda self: _str(_C.mfr_source_note(self._p)),
                    doc='What the source contributed, or None.')


class Provenance(_Entity):
    """Where an entity's content comes from."""
    __slots__ = ()

    @property
    def sources(self) -> Tuple[Source, ...]:
        """The sources the entity cites."""
        return self._list(_C.mfr_provenance_source_count,
                          _C.mfr_provenance_source_at, Source)

    is_convention = _Prop(
        lambda self: bool(_C.mfr_provenance_is_convention(self._p)),
        doc='True when the content is practice convention, not sourced fact.')
    note = _Prop(lambda self: _str(_C.mfr_provenance_note(self._p)),
                    doc='A note on the entry, or None.')

    def __repr__(self) -> str:
        return '<Provenance %s>' % ', '.join(s.key for s in self.sources)


def _prov(fn: _CFunc) -> '_Prop[Optional[Provenance]]':
    return _Prop(lambda self: _wrap(Provenance, self._model, fn(self._p)),
                    doc='Where its content comes from (a Provenance).')


def _get(fn: _CFunc, doc: str) -> '_Prop[Optional[str]]':
    """A property returning a string getter's value."""
    return _Prop(lambda self: _str(fn(self._p)), doc=doc)


def _key(fn: _CFunc, doc: str) -> '_Prop[str]':
    """A property returning a key (a string the model always has)."""
    return _Prop(lambda self: _str(fn(self._p)) or '', doc=doc)


def _flag(fn: _CFunc, doc: str) -> '_Prop[bool]':
    """A property returning a 0/1 getter's value as bool."""
    return _Prop(lambda self: bool(fn(self._p)), doc=doc)


def _enum(fn: _CFunc, name_fn: _CFunc, doc: str) -> '_Prop[Optional[str]]':
    """A property returning an enum getter's value by its library name."""
    return _Prop(lambda self: _name(name_fn, fn(self._p)), doc=doc)


class _HoldRange(object):
    """hold_min and hold_max from a class's ``hold`` (min, max) or None."""
    __slots__ = ()

    @property
    def hold(self) -> Optional[Tuple[int, int]]:
        """The hold range in seconds as (min, max), or None."""
        raise NotImplementedError

    @property
    def hold_min(self) -> Optional[int]:
        """The shortest hold in seconds, or None without a range."""
        hold = self.hold
        return None if hold is None else hold[0]

    @property
    def hold_max(self) -> Optional[int]:
        """The longest hold in seconds, or None without a range."""
        hold = self.hold
        return None if hold is None else hold[1]


class Dose(_HoldRange, _Entity):
    """What a condition or a precaution does to the work, where the
    sources say so (Condition.dose, Precaution.dose). A plan takes the
    strictest of every dose its intake brings in."""
    __slots__ = ()

    pressure_ceiling = _enum(_C.mfr_dose_pressure_ceiling,
                             _C.mfr_pressure_name,
                             'The firmest pressure allowed, or None.')
    indirect_only = _flag(_C.mfr_dose_indirect_only,
                          'True when only indirect work may be done.')
    progresses = _flag(_C.mfr_dose_progresses,
                       'True (the default) when a program may progress to '
                       'firmer, direct work.')
    provenance = _prov(_C.mfr_dose_provenance)

    @property
    def max_minutes(self) -> Optional[int]:
        """The longest session in minutes, or None when it sets none."""
        return _C.mfr_dose_max_minutes(self._p) or None

    @property
    def hold(self) -> Optional[Tuple[int, int]]:
        """The hold range in seconds as (min, max), or None."""
        p = self._p
        if not _C.mfr_dose_hold_max(p):
            return None
        return (_C.mfr_dose_hold_min(p), _C.mfr_dose_hold_max(p))


    def __repr__(self) -> str:
        return '<Dose ceiling=%s indirect_only=%s max_minutes=%s>' % (
            self.pressure_ceiling, self.indirect_only, self.max_minutes)


def _dose(fn: _CFunc) -> '_Prop[Optional[Dose]]':
    return _Prop(lambda self: _wrap(Dose, self._model, fn(self._p)),
                    doc='What it does to the dose of the work (a Dose), or '
                        'None.')


class Region(_Entity):
    """A body region: a part, body-chart area, muscle, connective tissue,
    bone or joint."""
    __slots__ = ()
    _kind = 'region'

    key = _key(_C.mfr_region_key, 'The stable key ("plantar_fascia").')
    name = _get(_C.mfr_region_name, 'The display name.')
    index = _Prop(lambda self: int(_C.mfr_region_index(self._p)),
                     doc='Its position in the model (file order).')
    kind = _enum(_C.mfr_region_kind, _C.mfr_region_kind_name,
                 'Its kind ("muscle").')
    laterality = _enum(_C.mfr_region_laterality, _C.mfr_laterality_name,
                       '"bilateral" or "midline".')
    depth = _enum(_C.mfr_region_depth, _C.mfr_depth_name,
                  'Its depth ("superficial"), or None.')
    access = _enum(_C.mfr_region_access, _C.mfr_access_name,
                   'How it is reached: "external", "intra_oral" or '
                   '"intra_pelvic" (inherited from the nearest ancestor with '
                   'an internal access). A plan works an internal region '
                   'only under a scope the intake declares '
                   '(Intake.add_scope()).')
    treatable = _Prop(lambda self: bool(_C.mfr_region_treatable(self._p)),
                         doc='Whether a trace may rank it as a treatment site: a '
                             'muscle or connective structure hands can work.')
    snomed = _get(_C.mfr_region_snomed, 'Its SNOMED CT code, or None.')
    fma = _get(_C.mfr_region_fma, 'Its FMA code, or None.')
    uberon = _get(_C.mfr_region_uberon, 'Its UBERON code, or None.')
    provenance = _prov(_C.mfr_region_provenance)

    @property
    def parent(self) -> Optional[Region]:
        """The enclosing Region, or None for a root."""
        return self._wrap(Region, _C.mfr_region_parent(self._p))

    @property
    def children(self) -> Tuple[Region, ...]:
        """The regions that name this one as parent (file order)."""
        return self._list(_C.mfr_region_child_count, _C.mfr_region_child_at,
                          Region)

    @property
    def adjacent(self) -> Tuple[Region, ...]:
        """The regions bordering this one (symmetric; by model index)."""
        return self._list(_C.mfr_region_adjacent_count,
                          _C.mfr_region_adjacent_at, Region)

    @property
    def positions(self) -> Tuple[str, ...]:
        """The client positions it is reached from, as names ("prone")."""
        return _mask_names(_C.mfr_position_name,
                           _C.mfr_region_positions(self._p))

    @property
    def synonyms(self) -> Tuple[str, ...]:
        """Other words a client may use for it ("back of the head"), which
        Model.find() matches as it does the name."""
        return _strings(_C.mfr_region_synonym_count,
                        _C.mfr_region_synonym_at, self._p)

    def is_within(self, ancestor: Region) -> bool:
        """True when this region is @p ancestor or lies within it."""
        if not isinstance(ancestor, Region):
            raise TypeError('is_within() needs a Region')
        return bool(_C.mfr_region_is_within(self._p, ancestor._p))


class Node(_Entity):
    """One station (bony attachment) or track (myofascial structure) of a
    branch."""
    __slots__ = ()

    kind = _enum(_C.mfr_line_node_kind, _C.mfr_node_kind_name,
                 '"station" or "track".')
    side = _enum(_C.mfr_line_node_side, _C.mfr_line_side_name,
                 '"ipsi", "contra" or "mid", relative to the starting side.')
    crosses = _flag(_C.mfr_line_node_crosses,
                    'True when the step into this node crosses the midline.')
    may_cross = _flag(_C.mfr_line_node_may_cross,
                      'True when the line may continue on the other side.')
    note = _get(_C.mfr_line_node_note,
                "The source's wording where the keys simplify it, or None.")

    @property
    def regions(self) -> Tuple[Region, ...]:
        """The regions it names, the principal first."""
        return self._list(_C.mfr_line_node_region_count,
                          _C.mfr_line_node_region_at, Region)

    def __repr__(self) -> str:
        return '<Node %s %s %s>' % (self.kind, self.side,
                                    ','.join(r.key for r in self.regions))


class Branch(_Entity):
    """One branch of a fascial line: nodes from the inferior or distal end."""
    __slots__ = ()

    key = _key(_C.mfr_line_branch_key, 'The branch key ("main").')
    name = _get(_C.mfr_line_branch_name, 'The display name, or None.')

    @property
    def line(self) -> Optional[Line]:
        """The Line the branch belongs to."""
        return self._wrap(Line, _C.mfr_line_branch_line(self._p))

    @property
    def nodes(self) -> Tuple[Node, ...]:
        """Its nodes, lowest first."""
        return self._list(_C.mfr_line_branch_node_count,
                          _C.mfr_line_branch_node_at, Node)


class Line(_Entity):
    """A fascial line (myofascial meridian)."""
    __slots__ = ()
    _kind = 'line'

    key = _key(_C.mfr_line_key, 'The stable key ("superficial_back_line").')
    abbrev = _get(_C.mfr_line_abbrev, 'The usual abbreviation ("SBL").')
    name = _get(_C.mfr_line_name, 'The display name.')
    index = _Prop(lambda self: int(_C.mfr_line_index(self._p)),
                     doc='Its position in the model.')
    evidence = _enum(_C.mfr_line_evidence, _C.mfr_evidence_name,
                     'The grade of evidence for its continuity ("limited").')
    crosses = _flag(_C.mfr_line_crosses,
                    'True when some branch crosses the midline.')
    provenance = _prov(_C.mfr_line_provenance)

    @property
    def evidence_sources(self) -> Tuple[Source, ...]:
        """The sources behind the evidence grade."""
        return self._list(_C.mfr_line_evidence_source_count,
                          _C.mfr_line_evidence_source_at, Source)

    @property
    def branches(self) -> Tuple[Branch, ...]:
        """Its branches (at least one)."""
        return self._list(_C.mfr_line_branch_count, _C.mfr_line_branch_at,
                          Branch)


class Zone(NamedTuple):
    """One zone of a referral pattern: the area Region, its kind name
    ("essential" or "spillover") and whether it may be felt on both
    sides."""

    area: Region
    kind: Optional[str]
    bilateral: bool
    frequency: Optional[str]


class PositionLimit(NamedTuple):
    """A client position a precaution rules out: the position name
    ("prone"), the stage from which it applies (1: always) and the
    Regions it is for (empty: work on any region)."""

    position: Optional[str]
    from_stage: int
    regions: Tuple[Region, ...]


class ScreeningAnswer(NamedTuple):
    """An answer to a screening question: its key ("second_trimester"),
    its wording, the Precautions it sets (empty for "no"), the stage it
    records for its staged precautions (or None) and whether it needs a
    site."""

    key: str
    text: Optional[str]
    precautions: Tuple[Precaution, ...]
    stage: Optional[int]
    needs_site: bool


class FindMatch(NamedTuple):
    """One match of Model.find(): its kind ("region" or "condition"),
    the Region or Condition, the term that matched (its name or a
    synonym, as the model writes it), whether that term is a synonym,
    and the score (above 0, at most 1). Matches come best first
    (mfr/find.h has the ranking)."""

    kind: Optional[str]
    entity: Union[Region, Condition, None]
    term: Optional[str]
    synonym: bool
    score: float


class Referral(_Entity):
    """A trigger-point referral pattern."""
    __slots__ = ()
    _kind = 'referral'

    key = _key(_C.mfr_referral_key, 'The stable key ("soleus_trp1").')
    index = _Prop(lambda self: int(_C.mfr_referral_index(self._p)),
                     doc='Its position in the model.')
    trigger_point = _get(_C.mfr_referral_trigger_point,
                         "Where the trigger point lies, in the source's words.")
    split_convention = _flag(
        _C.mfr_referral_split_convention,
        'True when the essential/spillover split is practice convention.')
    disputed = _flag(_C.mfr_referral_disputed,
                     'True when the sources disagree about the pattern.')
    provenance = _prov(_C.mfr_referral_provenance)

    @property
    def muscle(self) -> Optional[Region]:
        """The Region holding the trigger point."""
        return self._wrap(Region, _C.mfr_referral_muscle(self._p))

    @property
    def zones(self) -> List[Zone]:
        """The pattern's zones, as Zone(area, kind, bilateral, frequency)
        tuples; frequency is "common", "occasional" or "rare"."""
        return [Zone(_some(Region, self._model, _C.mfr_referral_zone_area(z)),
                     _name(_C.mfr_zone_kind_name, _C.mfr_referral_zone_kind(z)),
                     bool(_C.mfr_referral_zone_bilateral(z)),
                     _name(_C.mfr_frequency_name,
                           _C.mfr_referral_zone_frequency(z)))
                for z in _items(_C.mfr_referral_zone_count,
                                _C.mfr_referral_zone_at, self._p)]


class Technique(_HoldRange, _Entity):
    """A myofascial-release technique."""
    __slots__ = ()
    _kind = 'technique'

    key = _key(_C.mfr_technique_key, 'The stable key.')
    name = _get(_C.mfr_technique_name, 'The display name.')
    index = _Prop(lambda self: int(_C.mfr_technique_index(self._p)),
                     doc='Its position in the model.')
    family = _enum(_C.mfr_technique_family, _C.mfr_family_name,
                   'Its family ("skin_rolling").')
    approach = _enum(_C.mfr_technique_approach, _C.mfr_approach_name,
                     '"direct", "indirect" or "either".')
    pressure_min = _enum(_C.mfr_technique_pressure_min, _C.mfr_pressure_name,
                         'The lowest pressure it uses ("light").')
    pressure_max = _enum(_C.mfr_technique_pressure_max, _C.mfr_pressure_name,
                         'The highest pressure it uses ("moderate").')
    depth = _enum(_C.mfr_technique_depth, _C.mfr_depth_name,
                  'The depth of tissue it works.')
    has_hold = _flag(_C.mfr_technique_has_hold,
                     'True when the model gives a hold duration range.')
    hold_convention = _flag(_C.mfr_technique_hold_convention,
                            'True when the hold range is practice convention.')

    @property
    def max_sites(self) -> Optional[int]:
        """The most sites one session works with it, or None when the
        sources set no limit."""
        return _C.mfr_technique_max_sites(self._p) or None
    provenance = _prov(_C.mfr_technique_provenance)

    @property
    def hold(self) -> Optional[Tuple[int, int]]:
        """The hold range in seconds as (min, max), or None without one."""
        p = self._p
        if not _C.mfr_technique_has_hold(p):
            return None
        return (_C.mfr_technique_hold_min(p), _C.mfr_technique_hold_max(p))


    @property
    def positions(self) -> Tuple[str, ...]:
        """The client positions it is done in, as names."""
        return _mask_names(_C.mfr_position_name,
                           _C.mfr_technique_positions(self._p))

    @property
    def suits(self) -> Tuple[str, ...]:
        """The tissue situations it suits, as names ("focal_point")."""
        return _mask_names(_C.mfr_suits_name, _C.mfr_technique_suits(self._p))

    @property
    def regions(self) -> Tuple[Region, ...]:
        """The regions it typically suits; empty means any region."""
        return self._list(_C.mfr_technique_region_count,
                          _C.mfr_technique_region_at, Region)


class Condition(_Entity):
    """A named presentation, as recorded at intake (never inferred)."""
    __slots__ = ()
    _kind = 'condition'

    key = _key(_C.mfr_condition_key, 'The stable key ("plantar_fasciitis").')
    name = _get(_C.mfr_condition_name, 'The display name.')
    index = _Prop(lambda self: int(_C.mfr_condition_index(self._p)),
                     doc='Its position in the model.')
    evidence = _get(_C.mfr_condition_evidence,
                    'The evidence for MFR in this presentation, or None.')

    @property
    def relations(self) -> Tuple[str, ...]:
        """The relations a trace of its symptoms may follow, as names
        ("line", "referral", "hierarchy", "adjacency"): all four unless the
        model limits them (scar adhesions: no referral patterns)."""
        return _mask_names(_C.mfr_relation_name,
                           _C.mfr_condition_relations(self._p))
    dose = _dose(_C.mfr_condition_dose)
    provenance = _prov(_C.mfr_condition_provenance)

    @property
    def icd10cm(self) -> Tuple[str, ...]:
        """Its ICD-10-CM codes ("M72.2", or a family "M79.67-")."""
        return _strings(_C.mfr_condition_icd10cm_count,
                        _C.mfr_condition_icd10cm_at, self._p)

    @property
    def snomed(self) -> Tuple[str, ...]:
        """Its SNOMED CT codes."""
        return _strings(_C.mfr_condition_snomed_count,
                        _C.mfr_condition_snomed_at, self._p)

    @property
    def synonyms(self) -> Tuple[str, ...]:
        """Other words for it that its sources use ("heel pain"), which
        Model.find() matches as it does the name."""
        return _strings(_C.mfr_condition_synonym_count,
                        _C.mfr_condition_synonym_at, self._p)

    @property
    def areas(self) -> Tuple[Region, ...]:
        """The areas it shows in."""
        return self._list(_C.mfr_condition_area_count,
                          _C.mfr_condition_area_at, Region)

    @property
    def lines(self) -> Tuple[Line, ...]:
        """The lines it commonly involves."""
        return self._list(_C.mfr_condition_line_count,
                          _C.mfr_condition_line_at, Line)

    @property
    def regions(self) -> Tuple[Region, ...]:
        """The regions commonly treated for it."""
        return self._list(_C.mfr_condition_region_count,
                          _C.mfr_condition_region_at, Region)

    @property
    def site_techniques(self) -> Tuple[Technique, ...]:
        """The techniques named for work at the symptom site itself (a scar)."""
        return self._list(_C.mfr_condition_site_technique_count,
                          _C.mfr_condition_site_technique_at, Technique)

    @property
    def trigger_point_techniques(self) -> Tuple[Technique, ...]:
        """The techniques named for its trigger-point sites (myofascial pain
        syndrome: trigger-point pressure release), most preferred first."""
        return self._list(_C.mfr_condition_trigger_point_technique_count,
                          _C.mfr_condition_trigger_point_technique_at, Technique)

    @property
    def screening(self) -> Tuple[Screening, ...]:
        """The Screening questions this presentation makes pertinent: a plan
        warns ("unscreened") while one of them has no answer on record."""
        return self._list(_C.mfr_condition_screening_count,
                          _C.mfr_condition_screening_at, Screening)


class Precaution(_Entity):
    """A contraindication or caution."""
    __slots__ = ()
    _kind = 'precaution'

    key = _key(_C.mfr_precaution_key, 'The stable key ("open_wound").')
    name = _get(_C.mfr_precaution_name, 'The display name.')
    index = _Prop(lambda self: int(_C.mfr_precaution_index(self._p)),
                     doc='Its position in the model.')
    scope = _enum(_C.mfr_precaution_scope, _C.mfr_scope_name,
                  '"global" or "local".')
    severity = _enum(_C.mfr_precaution_severity, _C.mfr_severity_name,
                     '"absolute" (refer out) or "relative".')
    needs_clearance = _flag(_C.mfr_precaution_needs_clearance,
                            "True when work needs a clinician's clearance.")
    avoid_site = _flag(_C.mfr_precaution_avoid_site,
                       'True when no work may be done on the site it names.')
    avoid_adjacent = _flag(_C.mfr_precaution_avoid_adjacent,
                           'True when the adjacent regions are avoided too.')
    pressure_ceiling = _enum(_C.mfr_precaution_pressure_ceiling,
                             _C.mfr_pressure_name,
                             'The highest pressure allowed, or None.')
    site_scoped = _flag(
        _C.mfr_precaution_site_scoped,
        'True when a global precaution may also name the sites it affects '
        '(the limb of a deep vein thrombosis, a tumour site): those and '
        'their neighbourhood are never worked, even after clearance.')
    site_optional = _flag(
        _C.mfr_precaution_site_optional,
        'True when a site-scoped precaution plans before any site is named '
        '(the insensate areas of diabetic neuropathy, found by checking '
        'sensation): a "check_sites" warning instead of no steps.')
    refer_first = _flag(
        _C.mfr_precaution_refer_first,
        'True when the client is referred for diagnosis first: until a '
        'clearance is recorded, plans refer out with no steps.')
    stage_count = _Prop(
        lambda self: int(_C.mfr_precaution_stage_count(self._p)),
        doc='How many stages it has (pregnancy: 3 trimesters), or 0.')
    stage_name = _get(_C.mfr_precaution_stage_name,
                      'What a stage is called ("trimester"), or None.')
    dose = _dose(_C.mfr_precaution_dose)
    effect = _get(_C.mfr_precaution_effect,
                  "Its effect on technique choice, in the source's words.")
    provenance = _prov(_C.mfr_precaution_provenance)

    @property
    def avoid_regions(self) -> Tuple[Region, ...]:
        """The regions never worked while it applies."""
        return self._list(_C.mfr_precaution_avoid_region_count,
                          _C.mfr_precaution_avoid_region_at, Region)

    @property
    def avoid_until_cleared(self) -> Tuple[Region, ...]:
        """The regions avoided only until a clearance is recorded (the
        cranial base with uncontrolled hypertension)."""
        return self._list(_C.mfr_precaution_avoid_until_cleared_count,
                          _C.mfr_precaution_avoid_until_cleared_at, Region)

    @property
    def excluded_techniques(self) -> Tuple[Technique, ...]:
        """The techniques it rules out."""
        return self._list(_C.mfr_precaution_excluded_technique_count,
                          _C.mfr_precaution_excluded_technique_at, Technique)

    @property
    def widen_to(self) -> Tuple[Region, ...]:
        """The regions a site named for it widens to: a site within one of
        them (a calf within the lower limb) excludes the whole of it on that
        side."""
        return tuple(_some(Region, self._model,
                           _C.mfr_precaution_widening_region(w))
                     for w in self._widenings())

    def _widenings(self) -> List[_Handle]:
        return _items(_C.mfr_precaution_widening_count,
                      _C.mfr_precaution_widening_at, self._p)

    @property
    def clearance_for_symptoms(self) -> Tuple[Region, ...]:
        """The symptom areas that need a clearance for it before any work
        (new abdominal or pelvic pain in pregnancy)."""
        return self._list(_C.mfr_precaution_clearance_area_count,
                          _C.mfr_precaution_clearance_area_at, Region)

    @property
    def screening(self) -> Tuple['Screening', ...]:
        """The Screening questions a recorded precaution of this kind makes
        pertinent (a clot: blood thinners): a plan warns ("unscreened")
        while one of them has no answer on record."""
        return self._list(_C.mfr_precaution_screening_count,
                          _C.mfr_precaution_screening_at, Screening)

    @property
    def widen_with(self) -> Tuple[Tuple[Region, ...], ...]:
        """For each region of widen_to, the regions excluded with it on the
        same side (the path of a limb's veins into the trunk), as a tuple
        of tuples of Region."""
        return tuple(self._list(_C.mfr_precaution_widening_with_count,
                                _C.mfr_precaution_widening_with_at, Region, w)
                     for w in self._widenings())

    @property
    def position_limits(self) -> Tuple[PositionLimit, ...]:
        """The client positions it rules out, as PositionLimit(position,
        from_stage, regions) tuples."""
        return tuple(PositionLimit(
            _name(_C.mfr_position_name,
                  _C.mfr_precaution_position_limit_position(lim)),
            _C.mfr_precaution_position_limit_from_stage(lim),
            self._list(_C.mfr_precaution_position_limit_region_count,
                       _C.mfr_precaution_position_limit_region_at, Region, lim))
            for lim in _items(_C.mfr_precaution_position_limit_count,
                              _C.mfr_precaution_position_limit_at, self._p))


class Aftercare(_Entity):
    """An aftercare instruction plans give the client: every plan, or
    only plans for an intake that records one of the precautions in
    ``when``."""
    __slots__ = ()
    _kind = 'aftercare'

    key = _key(_C.mfr_aftercare_key, 'The stable key ("soreness").')
    text = _get(_C.mfr_aftercare_text,
                'The instruction, addressed to the client.')
    kind = _enum(_C.mfr_aftercare_kind, _C.mfr_aftercare_kind_name,
                 '"general", or "red_flag" (a sign to seek medical care for '
                 'at once).')
    provenance = _prov(_C.mfr_aftercare_provenance)

    @property
    def when(self) -> Tuple[Precaution, ...]:
        """The precautions it is given for; empty: every plan gives it."""
        return self._list(_C.mfr_aftercare_when_count,
                          _C.mfr_aftercare_when_at, Precaution)


class DangerZone(_Entity):
    """An endangerment site (the anterior triangle of the neck, the
    femoral triangle, ...). It holds for every client: a plan step on a
    region within one of its regions keeps to its pressure ceiling and
    avoids the techniques it excludes, and the plan says so."""
    __slots__ = ()
    _kind = 'danger_zone'

    key = _key(_C.mfr_danger_zone_key,
               'The stable key ("anterior_triangle_neck").')
    name = _get(_C.mfr_danger_zone_name, 'The display name.')
    index = _Prop(lambda self: int(_C.mfr_danger_zone_index(self._p)),
                     doc='Its position in the model.')
    pressure_ceiling = _enum(_C.mfr_danger_zone_pressure_ceiling,
                             _C.mfr_pressure_name,
                             'The firmest pressure allowed in it, or None.')
    effect = _get(_C.mfr_danger_zone_effect,
                  "What it asks of the therapist, in the source's words.")
    provenance = _prov(_C.mfr_danger_zone_provenance)

    @property
    def regions(self) -> Tuple[Region, ...]:
        """The regions it covers (with everything within them)."""
        return self._list(_C.mfr_danger_zone_region_count,
                          _C.mfr_danger_zone_region_at, Region)

    @property
    def region_kinds(self) -> Tuple[str, ...]:
        """The kinds of region it covers wherever they are ("bone" for the
        bony prominences), as a tuple of names."""
        mask = _C.mfr_danger_zone_region_kinds(self._p)
        return tuple(_name(_C.mfr_region_kind_name, k) or ''
                     for k in range(1, 32)
                     if mask & (1 << k))

    @property
    def excluded_techniques(self) -> Tuple[Technique, ...]:
        """The techniques it rules out."""
        return self._list(_C.mfr_danger_zone_excluded_technique_count,
                          _C.mfr_danger_zone_excluded_technique_at, Technique)


class Screening(_Entity):
    """A screening question a clinic asks at intake, each answer mapped to
    the precautions it sets (Intake.add_answer() records one)."""
    __slots__ = ()
    _kind = 'screening'

    key = _key(_C.mfr_screening_key, 'The stable key ("pregnancy").')
    text = _get(_C.mfr_screening_text, 'The question, as a clinic asks it.')
    index = _Prop(lambda self: int(_C.mfr_screening_index(self._p)),
                     doc='Its position in the model.')
    provenance = _prov(_C.mfr_screening_provenance)

    @property
    def symptom_areas(self) -> Tuple['Region', ...]:
        """The Regions a symptom within which makes the question pertinent
        (pain in the calf: the clot question): a plan asks it then, as it
        asks a recorded condition's questions."""
        return self._list(_C.mfr_screening_symptom_area_count,
                          _C.mfr_screening_symptom_area_at, Region)

    @property
    def answers(self) -> Tuple[ScreeningAnswer, ...]:
        """The answers it offers, as ScreeningAnswer(key, text,
        precautions, stage, needs_site) tuples."""
        return tuple(ScreeningAnswer(
            _str(_C.mfr_screening_answer_key(a)) or '',
            _str(_C.mfr_screening_answer_text(a)),
            self._list(_C.mfr_screening_answer_precaution_count,
                       _C.mfr_screening_answer_precaution_at, Precaution, a),
            _C.mfr_screening_answer_stage(a) or None,
            bool(_C.mfr_screening_answer_needs_site(a)))
            for a in _items(_C.mfr_screening_answer_count,
                            _C.mfr_screening_answer_at, self._p))


_CLASSES: Dict[Optional[str], Type[_Entity]] = {
    cls._kind: cls for cls in (Region, Line, Referral, Technique,
                                       Condition, Precaution, Source,
                                       Aftercare, DangerZone, Screening)}


def _class(kind: str) -> Type[_Entity]:
    """The wrapper class for a kind name the library knows."""
    try:
        return _CLASSES[kind]
    except KeyError:
        raise ValueError('this binding has no class for kind %r' % kind) \
            from None


# ---- message tables (mfr/messages.h) ----------------------------------------

class Message(NamedTuple):
    """One sentence a plan carries, for software to write in any language:
    its stable code ("warning.refer_out.absolute", doc/messages.md) and its
    parameters, each a str (a model name, a number) or a Message (a phrase
    of the sentence, translated by the table too). Messages.render() writes
    it with a table."""

    code: str
    args: Dict[str, Union[str, 'Message']]


def _message(ptr: Optional[int]) -> Optional[Message]:
    """The Message behind an mfr_message pointer (borrowed), or None."""
    if not ptr:
        return None
    args: Dict[str, Union[str, Message]] = {}
    for i in range(_C.mfr_message_arg_count(ptr)):
        name = _str(_C.mfr_message_arg_name(ptr, i)) or ''
        nested = _C.mfr_message_arg_message(ptr, i)
        value: Union[str, Message, None] = (
            _message(nested) if nested else _str(_C.mfr_message_arg_value(ptr, i)))
        args[name] = value if value is not None else ''
    return Message(_str(_C.mfr_message_code(ptr)) or '', args)


def _free_messages(ptr: int, _free: _CFunc = _C.mfr_messages_free) -> None:
    """Release a loaded message table."""
    _free(ptr)


class Messages:
    """A message table: a template for every sentence libmfr writes, keyed
    by stable codes, in one language (doc/messages.md). Messages.default()
    is the built-in English one; load_file() and load_buffer() read another
    (MfrError with the file's line and column for a bad one). A code the
    table lacks is written in English: missing lists them. Pass a table to
    Plan.write(), Program.write() or Trace.write() (messages=...), or write
    one Message with render()."""

    _ptr: Optional[int]
    _owned: bool

    def __init__(self) -> None:
        raise TypeError('use Messages.default(), Messages.load_file() or '
                        'Messages.load_buffer()')

    @classmethod
    def _adopt(cls, ptr: int, owned: bool) -> Messages:
        self = object.__new__(cls)
        self._ptr, self._owned = ptr, owned
        return self

    @classmethod
    def default(cls) -> Messages:
        """The built-in English table (static: never freed)."""
        return cls._adopt(_C.mfr_messages_default(), False)

    @classmethod
    def load_file(cls, path: _PathArg) -> Messages:
        """Load a table from a file; raises MfrError (MFR_E_IO,
        MFR_E_SYNTAX, MFR_E_UNKNOWN for an unknown code, MFR_E_REFERENCE
        for a parameter its code does not have, ...)."""
        out, err = c_void_p(), c_void_p()
        _check(_C.mfr_messages_load_file(os.fsencode(path), byref(out),
                                         byref(err)), err)
        return cls._adopt(cast(int, out.value), True)

    @classmethod
    def load_buffer(cls, data: Union[str, bytes],
                    name: Optional[_PathArg] = None) -> Messages:
        """Load a table from a str or bytes document; @p name labels errors
        (default "<buffer>")."""
        data = _document_arg(data, 'data')
        out, err = c_void_p(), c_void_p()
        _check(_C.mfr_messages_load_buffer(
            data, len(data), None if name is None else os.fsencode(name),
            byref(out), byref(err)), err)
        return cls._adopt(cast(int, out.value), True)

    @property
    def _handle(self) -> int:
        ptr: Optional[int] = getattr(self, '_ptr', None)
        if ptr is None:
            raise ValueError('the message table is closed')
        return ptr

    @property
    def closed(self) -> bool:
        """True once close() has released it."""
        return getattr(self, '_ptr', None) is None

    def close(self) -> None:
        """Release a loaded table (the default one is never freed). Safe
        to call more than once."""
        ptr, self._ptr = getattr(self, '_ptr', None), None
        if ptr is not None and getattr(self, '_owned', False):
            _free_messages(ptr)

    def __del__(self) -> None:
        self.close()

    def __enter__(self) -> Messages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        if self.closed:
            return '<Messages (closed)>'
        return '<Messages %r, %d codes>' % (self.language, len(self.codes))

    language = _Prop(lambda self: _str(_C.mfr_messages_language(self._handle)),
                     doc='The language tag ("en", "es-MX").')

    @property
    def codes(self) -> Tuple[str, ...]:
        """The codes the table holds, in byte order."""
        return _strings(_C.mfr_messages_count, _C.mfr_messages_code_at,
                        self._handle)

    @property
    def missing(self) -> Tuple[str, ...]:
        """The default table's codes this table lacks (written in English)."""
        return _strings(_C.mfr_messages_missing_count,
                        _C.mfr_messages_missing_at, self._handle)

    def get(self, code: str) -> Optional[str]:
        """The template of @p code, or None when the table lacks it."""
        return _str(_C.mfr_messages_get(self._handle, _key_arg(code, 'code')))

    def format(self, code: str, **params: str) -> str:
        """The template of @p code (English where the table lacks it)
        filled with @p params; MfrError for an unknown code
        (MFR_E_UNKNOWN) or a parameter the template names but not given
        (MFR_E_MISSING)."""
        names = (c_char_p * max(len(params), 1))(
            *[k.encode('utf-8') for k in params])
        values = (c_char_p * max(len(params), 1))(
            *[str(v).encode('utf-8') for v in params.values()])
        out, err = c_void_p(), c_void_p()
        _check(_C.mfr_messages_format(self._handle, _key_arg(code, 'code'),
                                      len(params), names, values, byref(out),
                                      byref(err)), err)
        try:
            return ctypes.string_at(cast(int, out.value)).decode('utf-8')
        finally:
            _C.mfr_free(out.value)

    def render(self, message: Message) -> str:
        """@p message (a plan warning's or step's) in this table's words:
        each phrase it holds rendered first, then its own template."""
        return self.format(message.code, **{
            k: (self.render(v) if isinstance(v, Message) else v)
            for k, v in message.args.items()})


# ---- the model -------------------------------------------------------------

class Model:
    """An immutable libmfr model.

    Build one with Model.default(), Model.load_file() or Model.load_buffer().
    The library counts who holds a model (mfr_model_ref/unref): this object
    holds one reference, and so does every entity, intake, trace, plan and
    program made from it, through the same counter. close() (or leaving a
    ``with`` block, or garbage collection) drops this object's reference:
    the model itself lives on while anything made from it does, from any
    thread, and only this Model object refuses use once closed.
    """

    _ref: Optional[_ModelRef]

    def __init__(self) -> None:
        raise TypeError('use Model.default(), Model.load_file() or '
                        'Model.load_buffer()')

    @classmethod
    def _build(cls, call: _CFunc, *args: Any) -> Model:
        out, err = c_void_p(), c_void_p()
        _check(call(*args, byref(out), byref(err)), err)
        model = cls.__new__(cls)
        model._ref = _ModelRef(cast(int, out.value))
        return model

    @classmethod
    def default(cls) -> Model:
        """A new copy of the default model compiled into the library."""
        return cls._build(_C.mfr_model_default)

    @classmethod
    def load_file(cls, path: _PathArg) -> Model:
        """Load a model file; raises MfrError (MFR_E_IO, MFR_E_SYNTAX...)."""
        return cls._build(_C.mfr_model_load_file, os.fsencode(path))

    @classmethod
    def load_buffer(cls, data: Union[str, bytes],
                    name: Optional[_PathArg] = None) -> Model:
        """Load a model from a str or bytes document; @p name labels errors
        (default "<buffer>")."""
        data = _document_arg(data, 'data')
        return cls._build(_C.mfr_model_load_buffer, data, len(data),
                          None if name is None else os.fsencode(name))

    @staticmethod
    def default_text() -> str:
        """The text of the default model's data file, as compiled in."""
        size = c_size_t(0)
        ptr = _C.mfr_model_default_text(byref(size))
        return ctypes.string_at(ptr, size.value).decode('utf-8')

    # -- lifetime

    @property
    def _handle(self) -> _ModelRef:
        """This object's _ModelRef (passed to C as the model pointer)."""
        ref: Optional[_ModelRef] = getattr(self, '_ref', None)
        if ref is None:
            raise ValueError('the model is closed')
        return ref

    @property
    def closed(self) -> bool:
        """True once close() has dropped this object's reference."""
        return getattr(self, '_ref', None) is None

    def close(self) -> None:
        """Drop this object's reference to the model. Safe to call more
        than once, and from any thread: what was made from the model
        (entities, intakes, traces, plans, programs) keeps it alive."""
        self._ref = None

    def __enter__(self) -> Model:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        if self.closed:
            return '<Model (closed)>'
        return '<Model %r version %r>' % (self.name, self.version)

    # -- about the model

    name = _Prop(lambda self: _str(_C.mfr_model_name(self._handle)),
                    doc="The model's display name.")
    version = _Prop(lambda self: _str(_C.mfr_model_version(self._handle)),
                       doc="The model content's own version string.")
    description = _Prop(
        lambda self: _str(_C.mfr_model_description(self._handle)),
        doc='The description, or None.')
    content_hash = _Prop(
        lambda self: _str(_C.mfr_model_content_hash(self._handle)),
        doc='"fnv1a64:" and the FNV-1a 64 of the compact JSON export: '
            'the content every output names in its audit trail.')

    # -- generic access by kind name

    def count(self, kind: str) -> int:
        """How many entities of @p kind ("region", ...) it holds."""
        return int(_C.mfr_model_count(self._handle, _kind(kind)))

    def keys(self, kind: str) -> List[str]:
        """The keys of every entity of @p kind, in file order."""
        h, k = self._handle, _kind(kind)
        return [_str(_C.mfr_model_key_at(h, k, i)) or ''
                for i in range(_C.mfr_model_count(h, k))]

    def has(self, kind: str, key: _Key) -> bool:
        """True when it holds an entity of @p kind with @p key."""
        return bool(_C.mfr_model_has(self._handle, _kind(kind),
                                     _key_arg(key, 'key')))

    def all(self, kind: str) -> Iterator[_Entity]:
        """Iterate over every entity of @p kind, in file order."""
        k, cls, h = _kind(kind), _class(kind), self._handle
        at = getattr(_C, 'mfr_model_%s_at' % kind)
        return (cls(h, at(h, i)) for i in range(_C.mfr_model_count(h, k)))

    def get(self, kind: str, key: _Key) -> Optional[_Entity]:
        """The entity of @p kind with @p key, or None when absent."""
        _kind(kind)
        cls = _class(kind)
        h = self._handle
        ptr = getattr(_C, 'mfr_model_%s' % kind)(h, _key_arg(key, kind))
        return cls(h, ptr) if ptr else None

    def suggest(self, kind: str, key: _Key, max: int = 3) -> List[str]:
        """Up to @p max known keys of @p kind nearest to @p key."""
        k, raw = _kind(kind), _key_arg(key, 'key')
        max = _int_arg(max, 'max', -1, 1000)
        if max <= 0:
            return []
        out = (c_char_p * max)()
        n = _C.mfr_model_suggest(self._handle, k, raw, out, max)
        return [_str(out[i]) or '' for i in range(n)]

    def to_json(self, kind: Optional[str] = None, key: Optional[_Key] = None,
                compact: bool = False) -> str:
        """The whole model (no arguments) or one entity as JSON text in the
        model format. The whole model loads back into an identical model."""
        out, err = c_void_p(), c_void_p()
        _check(_C.mfr_model_to_json(
            self._handle, 0 if kind is None else _kind(kind),
            None if key is None else _key_arg(key, 'key'),
            _JSON_COMPACT if compact else 0, byref(out), byref(err)), err)
        try:
            return ctypes.string_at(cast(int, out.value)).decode('utf-8')
        finally:
            _C.mfr_free(out.value)

    # -- typed access

    def regions(self) -> Iterator[Region]:
        """Iterate over the regions."""
        return cast(Iterator[Region], self.all('region'))

    def lines(self) -> Iterator[Line]:
        """Iterate over the fascial lines."""
        return cast(Iterator[Line], self.all('line'))

    def referrals(self) -> Iterator[Referral]:
        """Iterate over the trigger-point referral patterns."""
        return cast(Iterator[Referral], self.all('referral'))

    def techniques(self) -> Iterator[Technique]:
        """Iterate over the techniques."""
        return cast(Iterator[Technique], self.all('technique'))

    def conditions(self) -> Iterator[Condition]:
        """Iterate over the conditions."""
        return cast(Iterator[Condition], self.all('condition'))

    def precautions(self) -> Iterator[Precaution]:
        """Iterate over the precautions."""
        return cast(Iterator[Precaution], self.all('precaution'))

    def sources(self) -> Iterator[Source]:
        """Iterate over the cited sources."""
        return cast(Iterator[Source], self.all('source'))

    def aftercare(self) -> Iterator[Aftercare]:
        """Iterate over the aftercare items (model.get('aftercare', key)
        looks one up)."""
        return cast(Iterator[Aftercare], self.all('aftercare'))

    def danger_zones(self) -> Iterator[DangerZone]:
        """Iterate over the danger zones (endangerment sites)."""
        return cast(Iterator[DangerZone], self.all('danger_zone'))

    def screenings(self) -> Iterator[Screening]:
        """Iterate over the screening questions, in the order a clinic
        asks them."""
        return cast(Iterator[Screening], self.all('screening'))

    def region(self, key: _Key) -> Optional[Region]:
        """The Region with @p key, or None."""
        return cast(Optional[Region], self.get('region', key))

    def line(self, key: _Key) -> Optional[Line]:
        """The Line with @p key, or None."""
        return cast(Optional[Line], self.get('line', key))

    def referral(self, key: _Key) -> Optional[Referral]:
        """The Referral with @p key, or None."""
        return cast(Optional[Referral], self.get('referral', key))

    def technique(self, key: _Key) -> Optional[Technique]:
        """The Technique with @p key, or None."""
        return cast(Optional[Technique], self.get('technique', key))

    def condition(self, key: _Key) -> Optional[Condition]:
        """The Condition with @p key, or None."""
        return cast(Optional[Condition], self.get('condition', key))

    def precaution(self, key: _Key) -> Optional[Precaution]:
        """The Precaution with @p key, or None."""
        return cast(Optional[Precaution], self.get('precaution', key))

    def source(self, key: _Key) -> Optional[Source]:
        """The Source with @p key, or None."""
        return cast(Optional[Source], self.get('source', key))

    def danger_zone(self, key: _Key) -> Optional[DangerZone]:
        """The DangerZone with @p key, or None."""
        return cast(Optional[DangerZone], self.get('danger_zone', key))

    def screening(self, key: _Key) -> Optional[Screening]:
        """The Screening question with @p key, or None."""
        return cast(Optional[Screening], self.get('screening', key))

    def find(self, words: str) -> List[FindMatch]:
        """The regions and conditions whose name or synonyms hold the words
        of @p words (a str: what a client typed, "heel pain"), as FindMatch
        tuples, best first. Case, punctuation and words such as "the" do not
        count; a text with no word to search by finds nothing. MfrError
        (MFR_E_RANGE) for a search of more than 1,000 characters or 32
        different words. It suggests; a condition found is for the therapist
        to confirm, never a diagnosis."""
        h = self._handle
        if not isinstance(words, str):
            raise TypeError('find() needs a str, not %r' % (words,))
        if '\0' in words:
            raise ValueError('the words contain a NUL character')
        out, err = c_void_p(), c_void_p()
        _check(_C.mfr_model_find(h, words.encode('utf-8'), byref(out),
                                 byref(err)), err)
        try:
            matches = []
            for i in range(_C.mfr_find_match_count(out)):
                m = _C.mfr_find_match_at(out, i)
                kind = _name(_C.mfr_kind_name, _C.mfr_find_match_kind(m))
                entity = _wrap(Region, h, _C.mfr_find_match_region(m)) or \
                    _wrap(Condition, h, _C.mfr_find_match_condition(m))
                matches.append(FindMatch(
                    kind, entity, _str(_C.mfr_find_match_term(m)),
                    bool(_C.mfr_find_match_is_synonym(m)),
                    _C.mfr_find_match_score(m)))
            return matches
        finally:
            _C.mfr_find_free(out)

    def danger_zone_covering(
            self, region: Union[Region, str]) -> Optional[DangerZone]:
        """The first DangerZone that covers @p region (a Region of this
        model, or its key): the region lies within one of the zone's
        regions. None when no zone covers it; ValueError for a key the
        model lacks or a Region of another model."""
        h = self._handle
        if not isinstance(region, Region):
            key = region
            _key_arg(key, 'region')  # TypeError for a non-key
            found = self.region(key)
            if found is None:
                raise ValueError('unknown region %r' % (key,))
            region = found
        elif not _same_model(region._model, h):
            raise ValueError('the region belongs to another model')
        return _wrap(DangerZone, h, _C.mfr_model_danger_zone_covering(
            h, region._p))

    # -- tracing

    def trace(self, intake: Intake, max_results: Optional[int] = None,
              max_steps: Optional[int] = None,
              min_evidence: Optional[_Name] = None,
              relations: Optional[Union[_Name, Iterable[_Name]]] = None,
              lines: Optional[Union[str, Line, Iterable[Union[str, Line]]]]
              = None) -> Trace:
        """Trace @p intake (built against this model): Trace(intake, ...)."""
        if not isinstance(intake, Intake):
            raise TypeError('trace() needs an Intake')
        if not _same_model(intake._mref, self._handle):
            raise ValueError('the intake was built against another model')
        return Trace(intake, max_results=max_results, max_steps=max_steps,
                     min_evidence=min_evidence, relations=relations,
                     lines=lines)


# ---- objects the binding owns: intakes, traces, plans, programs ------------

# Each is freed by one of these (one call per object). The C functions are
# bound as defaults so that they survive module teardown at exit.

def _free_intake(ptr: int, _free: _CFunc = _C.mfr_intake_free) -> None:
    """Release an intake's memory."""
    _free(ptr)


def _free_trace(ptr: int, _free: _CFunc = _C.mfr_trace_free) -> None:
    """Release a trace and its results."""
    _free(ptr)


def _free_plan(ptr: int, _free: _CFunc = _C.mfr_plan_free) -> None:
    """Release a plan (never one borrowed from a program)."""
    _free(ptr)


def _free_program(ptr: int, _free: _CFunc = _C.mfr_program_free) -> None:
    """Release a program and the plans of its sessions."""
    _free(ptr)


class _Object:
    """A C object the binding owns: an intake, a trace, a plan, a program.
    Each holds its own reference to its model in C (the library counts
    them), so none needs the Model object, nor a trace or plan its intake.
    A session plan is borrowed from its program: it keeps the program
    alive, and refuses use (ValueError) once the program is closed. Each is
    freed exactly once: by close(), by leaving a ``with`` block, or when
    garbage-collected; a borrowed one (_free None) never. Entities read
    from one hold a reference to the model (_mref), so they outlive it."""

    _what = 'object'
    _parent: Optional[_Object]
    _free: Optional[Callable[[int], None]]
    _ptr: Optional[int]
    _mref: _ModelRef

    def _adopt(self, parent: Optional[_Object], ptr: int,
               free: Optional[Callable[[int], None]], mref: _ModelRef) -> None:
        self._parent = parent  # a program, for a borrowed plan; else None
        self._free = free
        self._ptr = ptr
        self._mref = mref

    @property
    def _handle(self) -> int:
        ptr: Optional[int] = getattr(self, '_ptr', None)
        if ptr is None:
            raise ValueError('the %s is closed' % self._what)
        if self._parent is not None:
            self._parent._handle  # raises once the program is closed
        return ptr

    @property
    def closed(self) -> bool:
        """True once close() has released it."""
        return getattr(self, '_ptr', None) is None

    def close(self) -> None:
        """Free it now. Safe to call more than once."""
        ptr: Optional[int] = getattr(self, '_ptr', None)
        self._ptr = None
        free: Optional[Callable[[int], None]] = getattr(self, '_free', None)
        if ptr is not None and free is not None:
            free(ptr)

    def __enter__(self: _O) -> _O:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()


def _wrap(cls: Type[_E_co], model: _ModelRef,
          ptr: Optional[int]) -> Optional[_E_co]:
    """An entity of @p model (a _ModelRef) at @p ptr, or None for NULL."""
    return None if not ptr else cls(model, ptr)


def _some(cls: Type[_E_co], model: _ModelRef, ptr: Optional[int]) -> _E_co:
    """An entity that is always there (an item of a list, a symptom's
    region): the library gives no NULL for it."""
    return cls(model, cast(int, ptr))


def _same_model(a: _ModelRef, b: _ModelRef) -> bool:
    """Whether two _ModelRefs are references to one model."""
    return a._as_parameter_ == b._as_parameter_


# ---- the intake ------------------------------------------------------------


class Symptom(NamedTuple):
    """A symptom site of an intake: its Region, side name ("left",
    "right", "midline"), intensity (0 to 10) and onset name
    ("unspecified", "acute", "chronic")."""

    region: Region
    side: Optional[str]
    intensity: int
    onset: Optional[str]


class SitePrecaution(NamedTuple):
    """A precaution recorded at intake: the Precaution, and its site (a
    Region and a side name) for a local one or a site of a site-scoped
    global one, (None, None) for a global one without a site."""

    precaution: Precaution
    region: Optional[Region]
    side: Optional[str]


class Intake(_Object):
    """What is known of one client: symptom sites, the conditions and
    precautions the clinician recorded (directly, or through the answers to
    screening questions), the stages of staged precautions, clearances, the
    internal scopes the therapist declares, the session length and the
    positions the client can take. libmfr never diagnoses: a condition is
    only what the intake says.

    ``Intake(model)`` starts empty (60 minutes, every position); or read one
    with Intake.from_json() or Intake.load_file() (doc/intake-format.md).
    Every addition is checked against the model at once and raises MfrError
    (with "did you mean" suggestions for unknown keys); a rejected addition
    changes nothing. The intake keeps its model alive.
    """

    _what = 'intake'

    def __init__(self, model: Model) -> None:
        if not isinstance(model, Model):
            raise TypeError('Intake() needs a Model')
        out = c_void_p()
        _fail(_C.mfr_intake_new(model._handle, byref(out)), 'mfr_intake_new')
        self._model = model
        self._adopt(None, cast(int, out.value), _free_intake,
                    _ModelRef.take(_C.mfr_intake_model(out.value)))

    @classmethod
    def _build(cls, model: Model, call: _CFunc, *args: Any) -> Intake:
        if not isinstance(model, Model):
            raise TypeError('an intake needs a Model')
        out, err = c_void_p(), c_void_p()
        _check(call(model._handle, *args, byref(out), byref(err)), err)
        intake = cls.__new__(cls)
        intake._model = model
        intake._adopt(None, cast(int, out.value), _free_intake,
                      _ModelRef.take(_C.mfr_intake_model(out.value)))
        return intake

    @classmethod
    def from_json(cls, model: Model, data: Union[str, bytes],
                  name: Optional[_PathArg] = None) -> Intake:
        """Read an intake from a JSON document (str or bytes); @p name
        labels errors (default "<buffer>"). Raises MfrError whose path
        names the place ("symptoms[0].region")."""
        data = _document_arg(data, 'data')
        return cls._build(model, _C.mfr_intake_from_json, data, len(data),
                          None if name is None else os.fsencode(name))

    @classmethod
    def load_file(cls, model: Model, path: _PathArg) -> Intake:
        """Read an intake from a JSON file; MfrError (MFR_E_IO, ...)."""
        return cls._build(model, _C.mfr_intake_load_file, os.fsencode(path))

    @property
    def model(self) -> Model:
        """The Model the intake was built against (closing it does not
        stop the intake: the intake holds the model itself)."""
        return self._model

    def __repr__(self) -> str:
        if self.closed:
            return '<Intake (closed)>'
        return '<Intake %d symptom(s), %d min>' % (len(self.symptoms),
                                                   self.minutes)

    # -- building

    def add_symptom(self, region: Union[str, Region],
                    side: Optional[_Name] = None, intensity: int = 5,
                    onset: Optional[_Name] = 'unspecified') -> None:
        """Add a symptom site: a region key (or Region), its side ("left" or
        "right" for a bilateral region; None or "midline" for a midline
        one), intensity 0 to 10 and onset ("unspecified", "acute",
        "chronic"; None means unspecified). Raises MfrError:
        MFR_E_REFERENCE for an unknown region (the message suggests the
        nearest keys), MFR_E_RANGE, MFR_E_CONSTRAINT for a side that does
        not fit the region, MFR_E_DUPLICATE for a site given twice."""
        err = c_void_p()
        _check(_C.mfr_intake_add_symptom(
            self._handle, _key_arg(region, 'region'), _side_arg(side),
            _int_arg(intensity, 'intensity', -2 ** 31, 2 ** 31 - 1),
            _ONSETS['unspecified'] if onset is None
            else _lookup(_ONSETS, onset, 'onset'), byref(err)), err)

    def add_symptom_segment(self, segment: int, intensity: int = 5,
                            onset: Optional[_Name] = 'unspecified') -> None:
        """Add the symptoms a body-map segment stands for (the default
        model: CHOIR body map ids 101-136 front, 201-238 back, male
        numbering); a site already a symptom keeps the higher intensity.
        Raises MfrError: MFR_E_REFERENCE for an unknown segment (or a model
        without a body map), MFR_E_RANGE."""
        err = c_void_p()
        _check(_C.mfr_intake_add_symptom_segment(
            self._handle, _int_arg(segment, 'segment', 0, 2 ** 32 - 1),
            _int_arg(intensity, 'intensity', -2 ** 31, 2 ** 31 - 1),
            _ONSETS['unspecified'] if onset is None
            else _lookup(_ONSETS, onset, 'onset'), byref(err)), err)

    def add_condition(self, key: Union[str, Condition]) -> None:
        """Record a condition (a key or Condition) the clinician noted."""
        err = c_void_p()
        _check(_C.mfr_intake_add_condition(
            self._handle, _key_arg(key, 'condition'), byref(err)), err)

    def add_precaution(self, key: Union[str, Precaution],
                       region: Optional[Union[str, Region]] = None,
                       side: Optional[_Name] = None) -> None:
        """Record a precaution: a local one needs its site (a region and,
        for a bilateral region, a side); a global one takes none, except a
        site-scoped one (Precaution.site_scoped: the limb of a deep vein
        thrombosis, a tumour site), which may also be recorded once per
        affected site. Those sites and their neighbourhood are never
        worked, even after clearance."""
        err = c_void_p()
        _check(_C.mfr_intake_add_precaution(
            self._handle, _key_arg(key, 'precaution'),
            None if region is None else _key_arg(region, 'region'),
            _side_arg(side), byref(err)), err)

    def set_stage(self, key: Union[str, Precaution], stage: int) -> None:
        """Record the stage (1 to Precaution.stage_count) of a staged
        precaution the intake already records (pregnancy: the trimester).
        Without one, the precaution counts as at its last, most cautious
        stage. Raises MfrError: MFR_E_CONSTRAINT (no stages, or not
        recorded), MFR_E_RANGE, MFR_E_DUPLICATE (a stage is recorded)."""
        err = c_void_p()
        _check(_C.mfr_intake_set_stage(
            self._handle, _key_arg(key, 'precaution'), _u32(stage, 'stage'),
            byref(err)), err)

    def add_scope(self, access: Union[str, int]) -> None:
        """Declare that the therapist works within an internal scope of
        practice ("intra_oral" or "intra_pelvic", or the mfr_access_t value)
        and that the client's specific, informed consent to that work is on
        record. Only then does a plan work regions reached that way
        (Region.access), and it flags each such step. Raises MfrError:
        MFR_E_RANGE (not an internal access), MFR_E_DUPLICATE."""
        if isinstance(access, str):
            value = _lookup(_ACCESS, access, 'access')
        else:
            value = _int_arg(access, 'access', -2 ** 31, 2 ** 31 - 1)
        err = c_void_p()
        _check(_C.mfr_intake_add_scope(self._handle, value, byref(err)), err)

    def add_answer(self, question: Union[str, Screening],
                   answer: Union[str, ScreeningAnswer],
                   region: Optional[Union[str, Region]] = None,
                   side: Optional[_Name] = None) -> None:
        """Record the answer to a screening question (a key or Screening;
        the answer's key, or a ScreeningAnswer): the precautions it sets,
        with its stage, at the site given when the answer needs one (region
        and side as for add_precaution()). All or nothing: a rejected answer
        changes nothing. Raises MfrError: MFR_E_REFERENCE (an unknown
        question, answer or region), MFR_E_CONSTRAINT (a site missing or not
        wanted), MFR_E_DUPLICATE."""
        if isinstance(answer, ScreeningAnswer):
            answer = answer.key
        if not isinstance(answer, str):
            raise TypeError('answer must be a key (a str), not %r'
                            % (answer,))
        err = c_void_p()
        _check(_C.mfr_intake_add_answer(
            self._handle, _key_arg(question, 'question'),
            answer.encode('utf-8'),
            None if region is None else _key_arg(region, 'region'),
            _side_arg(side), byref(err)), err)

    def add_clearance(self, key: Union[str, Precaution]) -> None:
        """Record that a clinician cleared the client for work despite the
        precaution @p key (a key or Precaution)."""
        err = c_void_p()
        _check(_C.mfr_intake_add_clearance(
            self._handle, _key_arg(key, 'precaution'), byref(err)), err)

    @property
    def minutes(self) -> int:
        """The session length in minutes (10 to 180; MfrError otherwise)."""
        return int(_C.mfr_intake_minutes(self._handle))

    @minutes.setter
    def minutes(self, minutes: int) -> None:
        err = c_void_p()
        _check(_C.mfr_intake_set_minutes(self._handle,
                                         _u32(minutes, 'minutes'),
                                         byref(err)), err)

    @property
    def id(self) -> Optional[str]:
        """The clinic's id for the intake, carried into every output's
        audit trail, or None. Set a str (one line of text) or None."""
        return _str(_C.mfr_intake_id(self._handle))

    @id.setter
    def id(self, value: Optional[str]) -> None:
        if value is not None:
            raw: Optional[bytes] = _key_arg(value, 'id')
        else:
            raw = None
        err = c_void_p()
        _check(_C.mfr_intake_set_id(self._handle, raw, byref(err)), err)

    @property
    def extensions(self) -> Optional[str]:
        """The clinic's own members, passed on into every output, as the
        compact text of a JSON object, or None. Set the text of a JSON
        object (str or bytes), a dict (written with json.dumps), or None;
        MfrError for anything but an object."""
        return _str(_C.mfr_intake_extensions(self._handle))

    @extensions.setter
    def extensions(self,
                   value: Union[None, str, bytes, Dict[str, Any]]) -> None:
        if isinstance(value, dict):
            import json
            value = json.dumps(value)
        raw = None
        if value is not None:
            raw = _document_arg(value, 'extensions')
            if b'\0' in raw:
                raise ValueError('extensions contain a NUL character')
        err = c_void_p()
        _check(_C.mfr_intake_set_extensions(self._handle, raw, byref(err)),
               err)

    @property
    def positions(self) -> Tuple[str, ...]:
        """The positions the client can take, as names ("prone", ...). Set
        it with an iterable of names; an empty set raises MfrError."""
        return _mask_names(_C.mfr_position_name,
                           _C.mfr_intake_positions(self._handle))

    @positions.setter
    def positions(self, names: Union[_Name, Iterable[_Name]]) -> None:
        mask = _mask_arg(_POSITIONS, names, 'position')
        err = c_void_p()
        _check(_C.mfr_intake_set_positions(self._handle, mask, byref(err)),
               err)

    # -- reading back

    @property
    def symptoms(self) -> Tuple[Symptom, ...]:
        """The symptom sites, as Symptom tuples, in the order added."""
        h, m = self._handle, self._mref
        return tuple(Symptom(
            _some(Region, m, _C.mfr_intake_symptom_region(s)),
            _name(_C.mfr_side_name, _C.mfr_intake_symptom_side(s)),
            _C.mfr_intake_symptom_intensity(s),
            _name(_C.mfr_onset_name, _C.mfr_intake_symptom_onset(s)))
            for s in _items(_C.mfr_intake_symptom_count,
                            _C.mfr_intake_symptom_at, h))

    @property
    def conditions(self) -> Tuple[Condition, ...]:
        """The recorded conditions, as Condition entities."""
        h, m = self._handle, self._mref
        return tuple(_some(Condition, m, _C.mfr_intake_condition_at(h, i))
                     for i in range(_C.mfr_intake_condition_count(h)))

    @property
    def precautions(self) -> Tuple[SitePrecaution, ...]:
        """The recorded precautions, as SitePrecaution tuples."""
        h, m = self._handle, self._mref
        return tuple(SitePrecaution(
            _some(Precaution, m, _C.mfr_intake_precaution_precaution(r)),
            _wrap(Region, m, _C.mfr_intake_precaution_region(r)),
            _name(_C.mfr_side_name, _C.mfr_intake_precaution_side(r)))
            for r in _items(_C.mfr_intake_precaution_count,
                            _C.mfr_intake_precaution_at, h))

    @property
    def clearances(self) -> Tuple[Precaution, ...]:
        """The precautions a clinician cleared the client for."""
        h, m = self._handle, self._mref
        return tuple(_some(Precaution, m, _C.mfr_intake_clearance_at(h, i))
                     for i in range(_C.mfr_intake_clearance_count(h)))

    def _precaution(self, precaution: Union[str, Precaution]) -> Precaution:
        """@p precaution (a key or Precaution) as a Precaution of this
        intake's model; ValueError for a key it lacks or another model's."""
        if isinstance(precaution, Precaution):
            if not _same_model(precaution._model, self._mref):
                raise ValueError('the precaution belongs to another model')
            return precaution
        found = _wrap(Precaution, self._mref, _C.mfr_model_precaution(
            self._mref, _key_arg(precaution, 'precaution')))
        if found is None:
            raise ValueError('unknown precaution %r' % (precaution,))
        return found

    def is_cleared(self, precaution: Union[str, Precaution]) -> bool:
        """True when the intake records a clearance for @p precaution (a
        key or Precaution); ValueError for a key the model lacks."""
        h = self._handle
        return bool(_C.mfr_intake_is_cleared(h,
                                             self._precaution(precaution)._p))

    def is_answered(self, question: Union[str, Screening]) -> bool:
        """True when the intake records an answer (any, "no" too) to
        @p question (a key or Screening); ValueError for a key the model
        lacks."""
        if isinstance(question, Screening):
            if not _same_model(question._model, self._mref):
                raise ValueError('the question belongs to another model')
            found: Optional[Screening] = question
        else:
            found = _wrap(Screening, self._mref, _C.mfr_model_screening(
                self._mref, _key_arg(question, 'question')))
            if found is None:
                raise ValueError('unknown screening question %r'
                                 % (question,))
        return bool(_C.mfr_intake_is_answered(self._handle,
                                              cast(Screening, found)._p))

    def stage(self, precaution: Union[str, Precaution]) -> Optional[int]:
        """The stage recorded for @p precaution (a key or Precaution), or
        None when none is (a staged precaution then counts as at its last
        stage); ValueError for a key the model lacks."""
        h = self._handle
        return _C.mfr_intake_stage(h, self._precaution(precaution)._p) or None

    @property
    def scopes(self) -> Tuple[str, ...]:
        """The internal scopes declared (add_scope()), as access names
        ("intra_oral", "intra_pelvic")."""
        return _mask_names(_C.mfr_access_name,
                           _C.mfr_intake_scopes(self._handle))

    def to_json(self, compact: bool = False) -> str:
        """The intake as JSON, in the form from_json() reads back."""
        return _text(_C.mfr_intake_to_json, self._handle, compact)


# ---- the trace -------------------------------------------------------------


class TraceStep(NamedTuple):
    """One step of a trace path: from one site (Region and side name) to
    the next, by a relation ("line", "referral", "hierarchy",
    "adjacency"); for a line step the Line and whether it crosses the
    midline; for a referral step the Referral and the zone kind
    ("essential", "spillover"), else None; and the factor (0 to 1) the
    step multiplied the score by."""

    from_region: Optional[Region]
    from_side: Optional[str]
    to_region: Optional[Region]
    to_side: Optional[str]
    relation: Optional[str]
    line: Optional[Line]
    crosses: bool
    referral: Optional[Referral]
    zone: Optional[str]
    factor: float


class TracePath(NamedTuple):
    """One explanation path: the index of the intake symptom it starts
    from, what it contributes to the result's score, and its TraceSteps
    (none when the result is the symptom site itself)."""

    symptom: int
    score: float
    steps: Tuple[TraceStep, ...]


class TraceResult:
    """One ranked treatment site of a Trace. A view: it keeps its trace
    alive and refuses use (ValueError) once the trace is closed."""

    __slots__ = ('_trace', '_ptr', 'rank')

    def __init__(self, trace: Trace, ptr: int, rank: int) -> None:
        self._trace = trace
        self._ptr = ptr
        self.rank = rank  #: 1 for the most promising site

    @property
    def _p(self) -> int:
        self._trace._handle
        return self._ptr

    @property
    def region(self) -> Region:
        """The site's Region."""
        return _some(Region, self._trace._mref,
                     _C.mfr_trace_result_region(self._p))

    side = _Prop(lambda self: _name(_C.mfr_side_name,
                                       _C.mfr_trace_result_side(self._p)),
                    doc='"left", "right" or "midline".')
    score = _Prop(lambda self: float(_C.mfr_trace_result_score(self._p)),
                     doc='Above 0; higher is more promising (only the order '
                         'is meaningful).')
    distance = _Prop(
        lambda self: _name(_C.mfr_distance_name,
                           _C.mfr_trace_result_distance(self._p)),
        doc='"local", "adjacent", "distant" or "contralateral".')
    explain = _Prop(lambda self: _str(_C.mfr_trace_result_explain(self._p)),
                       doc='A one-line explanation for a person.')

    @property
    def paths(self) -> Tuple[TracePath, ...]:
        """The TracePaths that reach the site, one per symptom, strongest
        first."""
        p, m = self._p, self._trace._mref
        paths = []
        for i in range(_C.mfr_trace_result_path_count(p)):
            path = _C.mfr_trace_result_path_at(p, i)
            steps = tuple(TraceStep(
                _wrap(Region, m, _C.mfr_trace_path_step_from(s)),
                _name(_C.mfr_side_name, _C.mfr_trace_path_step_from_side(s)),
                _wrap(Region, m, _C.mfr_trace_path_step_to(s)),
                _name(_C.mfr_side_name, _C.mfr_trace_path_step_to_side(s)),
                _name(_C.mfr_relation_name,
                      _C.mfr_trace_path_step_relation(s)),
                _wrap(Line, m, _C.mfr_trace_path_step_line(s)),
                bool(_C.mfr_trace_path_step_crosses(s)),
                _wrap(Referral, m, _C.mfr_trace_path_step_referral(s)),
                _name(_C.mfr_zone_kind_name, _C.mfr_trace_path_step_zone(s)),
                _C.mfr_trace_path_step_factor(s))
                for s in _items(_C.mfr_trace_path_step_count,
                                _C.mfr_trace_path_step_at, path))
            paths.append(TracePath(_C.mfr_trace_path_symptom(path),
                                   _C.mfr_trace_path_score(path), steps))
        return tuple(paths)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and \
            cast(TraceResult, other)._ptr == self._ptr

    def __hash__(self) -> int:
        return hash((type(self), self._ptr))

    def __repr__(self) -> str:
        return '<TraceResult %d %s %s %.3f>' % (self.rank, self.side,
                                                self.region.key, self.score)


class _Writable:
    """write() and to_text() of a trace, a plan or a program: the object in
    an output format (mfr/output.h), through the C function _write_name."""

    _write_name = ''

    def write(self, format: str = 'text', compact: bool = False,
              messages: Optional[Messages] = None) -> str:
        """The object in an output format: "json", "text", or another of
        formats() this object takes (MfrError otherwise); @p compact writes
        JSON on one line. Every format carries the audit trail (libmfr
        version, the model and its content hash, the intake's id). With
        @p messages (a Messages table) the sentences of text, soap and
        handout are that table's (doc/messages.md)."""
        if messages is None:
            return _write(getattr(_C, self._write_name),
                          cast(Any, self)._handle, format, compact)
        if not isinstance(messages, Messages):
            raise TypeError('messages must be a Messages table, not %r'
                            % (messages,))
        return _write(getattr(_C, self._write_name + '_with'),
                      cast(Any, self)._handle, format, compact, messages)

    def to_text(self) -> str:
        """The object as text for a person: what the mfr tool prints."""
        return self.write('text')


class Trace(_Writable, _Object):
    """The ranked treatment sites for an intake's symptoms, each with the
    paths that explain it (doc/algorithm.md). A sequence of TraceResults,
    best first: len(trace), trace[0], iteration.

    Options (None keeps the library's default): max_results (1 to 10000,
    default 20), max_steps (1 to 64, default 6), min_evidence (an evidence
    grade name: follow only lines graded at least that), relations (names
    from "line", "referral", "hierarchy", "adjacency"), lines (line keys or
    Lines: follow only these). A bad value raises MfrError (MFR_E_RANGE; an
    unknown line MFR_E_REFERENCE); an unknown name ValueError. The trace
    keeps its intake alive.
    """

    _what = 'trace'
    _write_name = 'mfr_trace_write'

    def __init__(self, intake: Intake, max_results: Optional[int] = None,
                 max_steps: Optional[int] = None,
                 min_evidence: Optional[_Name] = None,
                 relations: Optional[Union[_Name, Iterable[_Name]]] = None,
                 lines: Optional[Union[str, Line, Iterable[Union[str, Line]]]]
                 = None) -> None:
        if not isinstance(intake, Intake):
            raise TypeError('Trace() needs an Intake')
        handle = intake._handle
        opts, out, err = c_void_p(), c_void_p(), c_void_p()
        if any(v is not None for v in (max_results, max_steps, min_evidence,
                                       relations, lines)):
            _fail(_C.mfr_trace_options_new(byref(opts)),
                  'mfr_trace_options_new')
        try:
            if max_results is not None:
                _fail(_C.mfr_trace_options_set_max_results(
                    opts, _u32(max_results, 'max_results')),
                    'max_results %r (use 1 to 10000)' % (max_results,))
            if max_steps is not None:
                _fail(_C.mfr_trace_options_set_max_steps(
                    opts, _u32(max_steps, 'max_steps')),
                    'max_steps %r (use 1 to 64)' % (max_steps,))
            if min_evidence is not None:
                _fail(_C.mfr_trace_options_set_min_evidence(
                    opts, _lookup(_EVIDENCE, min_evidence, 'evidence grade')),
                    'min_evidence %r' % (min_evidence,))
            if relations is not None:
                _fail(_C.mfr_trace_options_set_relations(
                    opts, _mask_arg(_RELATIONS, relations, 'relation')),
                    'relations %r (name at least one)' % (relations,))
            if lines is not None:
                if isinstance(lines, (str, Line)):
                    lines = (lines,)
                for line in lines:
                    _fail(_C.mfr_trace_options_add_line(
                        opts, _key_arg(line, 'line')), 'line %r' % (line,))
            _check(_C.mfr_trace_run(handle, opts, byref(out), byref(err)),
                   err)
        finally:
            _C.mfr_trace_options_free(opts)
        self._intake = intake
        self._adopt(None, cast(int, out.value), _free_trace, intake._mref)

    @property
    def intake(self) -> Intake:
        """The Intake that was traced (the trace does not need it: closing
        it changes nothing here)."""
        return self._intake

    @property
    def results(self) -> Tuple[TraceResult, ...]:
        """The TraceResults, best first."""
        h = self._handle
        return tuple(TraceResult(self, _C.mfr_trace_result_at(h, i), i + 1)
                     for i in range(_C.mfr_trace_result_count(h)))

    def __len__(self) -> int:
        return int(_C.mfr_trace_result_count(self._handle))

    def __getitem__(self, index: int) -> TraceResult:
        return self.results[index]

    def __iter__(self) -> Iterator[TraceResult]:
        return iter(self.results)

    def __repr__(self) -> str:
        if self.closed:
            return '<Trace (closed)>'
        return '<Trace %d result(s)>' % len(self)

    def to_json(self, compact: bool = False) -> str:
        """The trace as JSON (doc/trace-format.md); the same model, intake
        and options give the same bytes as `mfr --format json trace`."""
        return _text(_C.mfr_trace_to_json, self._handle, compact)


# ---- plans and programs ----------------------------------------------------

#: mfr_step_flag_t bits of PlanStep.flags (plan.h): the step lies in a danger
#: zone and obeys it; the step is internal work, under a declared scope.
STEP_DANGER_ZONE = 1 << 0
STEP_INTERNAL = 1 << 1


class PlanStep(NamedTuple):
    """One step of a session plan: its phase ("assessment", "treatment",
    "integration"), the site (Region and side name), the Technique,
    approach ("direct", "indirect"), pressure, client position and
    duration in seconds, the rank of the trace result behind a treatment
    step (None for the opening and closing blocks), the rationale, for a
    person; then its flags (the mfr_step_flag_t bits: STEP_DANGER_ZONE,
    STEP_INTERNAL), the DangerZone it lies in and obeys (or None), and
    whether it is internal work (done only under a scope the intake
    declares), for a side-lying position the side the client lies on
    (else None), and the rationale as a Message (its code and parameters,
    for Messages.render())."""

    phase: Optional[str]
    region: Optional[Region]
    side: Optional[str]
    technique: Optional[Technique]
    approach: Optional[str]
    pressure: Optional[str]
    position: Optional[str]
    seconds: int
    trace_rank: Optional[int]
    rationale: Optional[str]
    flags: int
    danger_zone: Optional[DangerZone]
    internal: bool
    lying_side: Optional[str]
    rationale_message: Optional[Message] = None


class PlanWarning(NamedTuple):
    """A warning the plan carries: its kind ("refer_out",
    "needs_clearance", "modified", "site_excluded", "unreachable",
    "time", "acute", "no_sites", "scope", "danger_zone", "position",
    "dose", "unscreened") and its text; then its stable code for
    software to act on ("out_of_scope", "site_needed", ...: doc/plan-
    format.md), the kind name of the model entity it is about
    ("precaution", "danger_zone", "condition", or None), that entity's
    key (for a scope warning the access name, "intra_oral"; None when
    about none), the site it is about (a Region and a side name, or
    None), the text as a Message (its code, one per sentence, and
    parameters, for Messages.render()), and for a traced site left out
    its trace rank (else None)."""

    kind: Optional[str]
    text: Optional[str]
    code: Optional[str]
    subject_kind: Optional[str]
    subject_key: Optional[str]
    region: Optional[Region]
    side: Optional[str]
    message: Optional[Message] = None
    trace_rank: Optional[int] = None


class PlanAftercare(NamedTuple):
    """An aftercare item of a plan: its model key, its kind ("general"
    or "red_flag") and its text, addressed to the client."""

    key: str
    kind: str
    text: str


class ProgramSession(NamedTuple):
    """One session of a Program: its day (0 = the first session),
    whether it opens with a reassessment, and its Plan (borrowed from
    the program)."""

    day: int
    reassess: bool
    plan: Plan


def _plan_options(max_sites: Optional[int],
                  reposition_seconds: Optional[int],
                  block_seconds: Optional[int],
                  techniques: Optional[_Techniques] = None) -> c_void_p:
    """New mfr_plan_options with the values given, or NULL for all None.
    The caller frees it (mfr_plan_options_free accepts NULL)."""
    opts = c_void_p()
    if max_sites is None and reposition_seconds is None and \
            block_seconds is None and techniques is None:
        return opts
    _fail(_C.mfr_plan_options_new(byref(opts)), 'mfr_plan_options_new')
    try:
        for value, what, fn, limits in (
                (max_sites, 'max_sites', _C.mfr_plan_options_set_max_sites,
                 '1 to 200'),
                (reposition_seconds, 'reposition_seconds',
                 _C.mfr_plan_options_set_reposition_seconds, '0 to 600'),
                (block_seconds, 'block_seconds',
                 _C.mfr_plan_options_set_block_seconds, '30 to 900')):
            if value is not None:
                _fail(fn(opts, _u32(value, what)),
                      '%s %r (use %s)' % (what, value, limits))
        if techniques is not None:
            if isinstance(techniques, (str, Technique)):
                techniques = (techniques,)
            for t in techniques:
                _fail(_C.mfr_plan_options_add_technique(
                    opts, _key_arg(t, 'technique')),
                    'technique %r (at most 16)' % (t,))
    except BaseException:
        _C.mfr_plan_options_free(opts)
        raise
    return opts


class Plan(_Writable, _Object):
    """One session's plan: ordered, timed steps that never break a
    precaution, a danger zone, the declared scope, a position limit or a
    dose (doc/algorithm.md, "Plans"; doc/safety.md). Check ``status``
    first: a plan that refers out has no steps; one that needs clearance
    may start only once a clinician has cleared the client. Each warning
    says, by its code and subject, what it is about.

    Options (None keeps the default): max_sites (traced sites considered,
    1 to 200, default 20), reposition_seconds (per change of position, 0 to
    600, default 60), block_seconds (opening and closing blocks, and
    techniques without a sourced hold, 30 to 900, default 120), techniques
    (keys or Technique objects the therapist prefers where they are allowed;
    an unknown key raises Error, MFR_E_REFERENCE). trace: a Trace of this
    intake to plan from instead of tracing again (mfr_plan_run_from_trace:
    the plan considers its results in rank order); a trace of other symptoms
    raises Error, MFR_E_INVALID. A plan keeps its intake alive; a session
    plan of a Program keeps the program alive instead.
    """

    _what = 'plan'
    _write_name = 'mfr_plan_write'

    def __init__(self, intake: Intake, max_sites: Optional[int] = None,
                 reposition_seconds: Optional[int] = None,
                 block_seconds: Optional[int] = None,
                 techniques: Optional[_Techniques] = None,
                 trace: Optional[Trace] = None) -> None:
        if not isinstance(intake, Intake):
            raise TypeError('Plan() needs an Intake')
        if trace is not None and not isinstance(trace, Trace):
            raise TypeError('Plan(trace=...) needs a Trace')
        handle = intake._handle
        out, err = c_void_p(), c_void_p()
        opts = _plan_options(max_sites, reposition_seconds, block_seconds,
                             techniques)
        try:
            if trace is None:
                _check(_C.mfr_plan_run(handle, opts, byref(out), byref(err)), err)
            else:
                _check(_C.mfr_plan_run_from_trace(trace._handle, handle, opts,
                                                  byref(out), byref(err)), err)
        finally:
            _C.mfr_plan_options_free(opts)
        self._adopt(None, cast(int, out.value), _free_plan, intake._mref)

    @classmethod
    def _borrowed(cls, program: Program, ptr: int) -> Plan:
        """A session plan of @p program: never freed by itself."""
        plan = cls.__new__(cls)
        plan._adopt(program, ptr, None, program._mref)
        return plan

    def __repr__(self) -> str:
        if self.closed:
            return '<Plan (closed)>'
        return '<Plan %s, %d step(s), %d of %d s>' % (
            self.status, len(self.steps), self.total_seconds,
            self.session_seconds)

    status = _Prop(lambda self: _name(_C.mfr_plan_status_name,
                                         _C.mfr_plan_status(self._handle)),
                      doc='"ok", "needs_clearance", "refer_out" or "needs_answers".')
    session_seconds = _Prop(
        lambda self: int(_C.mfr_plan_session_seconds(self._handle)),
        doc="The session length in seconds (the intake's minutes).")
    total_seconds = _Prop(
        lambda self: int(_C.mfr_plan_total_seconds(self._handle)),
        doc='The planned time: steps plus position changes; never above '
            'session_seconds.')
    position_changes = _Prop(
        lambda self: int(_C.mfr_plan_position_changes(self._handle)),
        doc='How many times the client changes position.')
    pressure_ceiling = _Prop(
        lambda self: _name(_C.mfr_pressure_name,
                           _C.mfr_plan_pressure_ceiling(self._handle)),
        doc='The firmest pressure any step may use, after precautions.')

    @property
    def steps(self) -> Tuple[PlanStep, ...]:
        """The steps, in session order, as PlanStep tuples."""
        h, m = self._handle, self._mref
        return tuple(PlanStep(
            _name(_C.mfr_phase_name, _C.mfr_plan_step_phase(s)),
            _wrap(Region, m, _C.mfr_plan_step_region(s)),
            _name(_C.mfr_side_name, _C.mfr_plan_step_side(s)),
            _wrap(Technique, m, _C.mfr_plan_step_technique(s)),
            _name(_C.mfr_approach_name, _C.mfr_plan_step_approach(s)),
            _name(_C.mfr_pressure_name, _C.mfr_plan_step_pressure(s)),
            _name(_C.mfr_position_name, _C.mfr_plan_step_position(s)),
            _C.mfr_plan_step_seconds(s),
            _C.mfr_plan_step_trace_rank(s) or None,
            _str(_C.mfr_plan_step_rationale(s)),
            _C.mfr_plan_step_flags(s),
            _wrap(DangerZone, m, _C.mfr_plan_step_danger_zone(s)),
            bool(_C.mfr_plan_step_flags(s) & STEP_INTERNAL),
            _name(_C.mfr_side_name, _C.mfr_plan_step_lying_side(s)),
            _message(_C.mfr_plan_step_rationale_message(s)))
            for s in _items(_C.mfr_plan_step_count, _C.mfr_plan_step_at, h))

    @property
    def warnings(self) -> Tuple[PlanWarning, ...]:
        """What the therapist must know, as PlanWarning tuples."""
        h, m = self._handle, self._mref
        return tuple(PlanWarning(
            _name(_C.mfr_warning_kind_name, _C.mfr_plan_warning_kind(w)),
            _str(_C.mfr_plan_warning_text(w)),
            _str(_C.mfr_plan_warning_code(w)),
            _name(_C.mfr_kind_name, _C.mfr_plan_warning_subject_kind(w)),
            _str(_C.mfr_plan_warning_subject_key(w)),
            _wrap(Region, m, _C.mfr_plan_warning_region(w)),
            _name(_C.mfr_side_name, _C.mfr_plan_warning_side(w)),
            _message(_C.mfr_plan_warning_message(w)),
            _C.mfr_plan_warning_trace_rank(w) or None)
            for w in _items(_C.mfr_plan_warning_count, _C.mfr_plan_warning_at,
                            h))

    @property
    def aftercare(self) -> Tuple[str, ...]:
        """The aftercare instructions for the client, as texts: the
        model's items for every client, and those for the precautions the
        intake records (see Model.aftercare() and Aftercare.when)."""
        return tuple(_str(_C.mfr_aftercare_text(a)) or ''
                     for a in self._aftercare())

    def _aftercare(self) -> List[_Handle]:
        """The model's aftercare items the plan gives (handles)."""
        return _items(_C.mfr_plan_aftercare_count, _C.mfr_plan_aftercare_at,
                      self._handle)

    @property
    def aftercare_keys(self) -> Tuple[str, ...]:
        """The model keys of the aftercare items, in the same order."""
        return tuple(_str(_C.mfr_aftercare_key(a)) or ''
                     for a in self._aftercare())

    @property
    def aftercare_kinds(self) -> Tuple[str, ...]:
        """The kinds of the aftercare items ("general", "red_flag"), in
        the same order."""
        return tuple(_name(_C.mfr_aftercare_kind_name,
                           _C.mfr_aftercare_kind(a)) or ''
                     for a in self._aftercare())

    @property
    def aftercare_items(self) -> Tuple[PlanAftercare, ...]:
        """The aftercare items as PlanAftercare(key, kind, text) tuples,
        in the same order."""
        return tuple(PlanAftercare(*item) for item in zip(
            self.aftercare_keys, self.aftercare_kinds, self.aftercare))

    def to_json(self, compact: bool = False) -> str:
        """The plan as JSON (doc/plan-format.md)."""
        return _text(_C.mfr_plan_to_json, self._handle, compact)


class Program(_Writable, _Object):
    """A course of @p sessions sessions over @p weeks weeks (1 to 52 each),
    at least 48 hours apart, progressing from gentle indirect work near the
    symptoms to direct work at the root-cause sites, with reassessment
    points (doc/algorithm.md, "Programs"). Sessions that cannot be kept 48
    hours apart raise MfrError (MFR_E_RANGE). The plan options are as for
    Plan. The program keeps its intake alive; its session plans keep it
    alive.
    """

    _what = 'program'
    _write_name = 'mfr_program_write'

    def __init__(self, intake: Intake, sessions: int, weeks: int,
                 max_sites: Optional[int] = None,
                 reposition_seconds: Optional[int] = None,
                 block_seconds: Optional[int] = None,
                 techniques: Optional[_Techniques] = None) -> None:
        if not isinstance(intake, Intake):
            raise TypeError('Program() needs an Intake')
        handle = intake._handle
        out, err = c_void_p(), c_void_p()
        n, w = _u32(sessions, 'sessions'), _u32(weeks, 'weeks')
        opts = _plan_options(max_sites, reposition_seconds, block_seconds,
                             techniques)
        try:
            _check(_C.mfr_program_run(handle, n, w, opts, byref(out),
                                      byref(err)), err)
        finally:
            _C.mfr_plan_options_free(opts)
        self._weeks = w
        self._adopt(None, cast(int, out.value), _free_program, intake._mref)

    @property
    def weeks(self) -> int:
        """The number of weeks the program spans."""
        return int(_C.mfr_program_weeks(self._handle))

    def focus(self, index: int) -> Optional[str]:
        """What session @p index (0-based) focuses on, for a person; None
        for an index out of range."""
        return _str(_C.mfr_program_session_focus(
            _C.mfr_program_session_at(self._handle, index)))

    @property
    def sessions(self) -> Tuple[ProgramSession, ...]:
        """The sessions, as ProgramSession tuples (day, reassess, plan)."""
        return tuple(ProgramSession(
            _C.mfr_program_session_day(s),
            bool(_C.mfr_program_session_reassess(s)),
            Plan._borrowed(self, _C.mfr_program_session_plan(s)))
            for s in _items(_C.mfr_program_session_count,
                            _C.mfr_program_session_at, self._handle))

    def __len__(self) -> int:
        return int(_C.mfr_program_session_count(self._handle))

    def __repr__(self) -> str:
        if self.closed:
            return '<Program (closed)>'
        return '<Program %d session(s) over %d week(s)>' % (len(self),
                                                             self._weeks)

    def to_json(self, compact: bool = False) -> str:
        """The program as JSON (doc/plan-format.md)."""
        return _text(_C.mfr_program_to_json, self._handle, compact)


# ---- many plans at once ----------------------------------------------------

#: The most threads plan_many() starts (as `mfr batch --jobs`).
MAX_JOBS = 256


def _jobs_arg(jobs: object) -> int:
    """@p jobs as a thread count: None for one per CPU; TypeError for a
    non-integer, ValueError outside 1 to MAX_JOBS."""
    if jobs is None:
        return min(os.cpu_count() or 1, MAX_JOBS)
    if isinstance(jobs, bool):
        raise TypeError('jobs must be a whole number, not %r' % (jobs,))
    try:
        count = operator.index(cast(Any, jobs))
    except TypeError:
        raise TypeError('jobs must be a whole number, not %r'
                        % (jobs,)) from None
    if not 1 <= count <= MAX_JOBS:
        raise ValueError('jobs %d: use 1 to %d' % (count, MAX_JOBS))
    return count


def plan_many(intakes: Iterable[Intake], jobs: Optional[int] = None,
              max_sites: Optional[int] = None,
              reposition_seconds: Optional[int] = None,
              block_seconds: Optional[int] = None,
              techniques: Optional[_Techniques] = None) -> List[Plan]:
    """Plan every intake of @p intakes (an iterable of Intake) with the
    same options (as Plan()), on @p jobs threads (None: one per CPU; 1:
    in this thread), and return the Plans in input order: the same plans,
    step for step, as Plan(intake, ...) one by one.

    The library is thread-safe for one shared model, and ctypes releases
    the GIL while a C function runs, so the planning itself runs in
    parallel; the Python around it (a few calls per plan) takes the GIL
    in turn. Each intake is only read. The first intake (in input order)
    whose plan fails raises its MfrError, once the work under way is done;
    a non-Intake raises TypeError before any plan is made."""
    intakes = list(intakes)
    for intake in cast(List[object], intakes):
        if not isinstance(intake, Intake):
            raise TypeError('plan_many() needs Intakes, not %r' % (intake,))
    jobs = _jobs_arg(jobs)

    def plan(intake: Intake) -> Plan:
        return Plan(intake, max_sites=max_sites,
                    reposition_seconds=reposition_seconds,
                    block_seconds=block_seconds, techniques=techniques)

    if jobs == 1 or len(intakes) <= 1:
        return [plan(intake) for intake in intakes]
    import concurrent.futures
    with concurrent.futures.ThreadPoolExecutor(
            max_workers=min(jobs, len(intakes)),
            thread_name_prefix='libmfr-plan') as pool:
        return list(pool.map(plan, intakes))
