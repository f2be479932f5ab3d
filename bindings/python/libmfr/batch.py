# SPDX-License-Identifier: MIT
"""The rows of `mfr batch plan|trace --format csv`, made through the binding.

doc/batch-format.md defines the rows: one CSV record per plan step or trace
result (at least one per input line), the input line number after the id,
and an error record (status and message) in place of a line that gave no
plan or trace. This module writes the same bytes as the C tool for the same
model, options and lines, so that work split across threads, processes or
machines (libmfr.cohort) joins back into the table one `mfr batch` run
would have written. The tests compare the two row for row.

    python3 -m libmfr.batch plan [--jobs N] < intakes.jsonl > plans.csv

libmfr is decision support for licensed therapists; it never diagnoses.
"""

from __future__ import annotations

import concurrent.futures
import json
import sys
from typing import Any, Dict, List, Optional, Sequence, Tuple

import libmfr
from libmfr import Intake, MfrError, Model, Plan, Trace

__all__ = ['KINDS', 'SOURCE', 'csv_field', 'header', 'rows', 'row',
           'split_lines']

#: The kinds of batch, as `mfr batch KIND`.
KINDS = ('plan', 'trace')

#: The name the tool gives its input, in every error message.
SOURCE = '<stdin>'

#: The bytes of a line the intake reader is given at most: one more than
#: MFR_INTAKE_MAX_BYTES (mfr/intake.h), so that a longer line is refused as
#: too long, as `mfr batch` refuses it.
_KEEP = 1024 * 1024 + 1

# The library's CSV columns (doc/batch-format.md); the batch adds "line"
# after the id and the error's status and message at the end.
_LIBRARY_COLUMNS = {
    'plan': ('id', 'session', 'status', 'order', 'phase', 'region', 'side',
             'technique', 'approach', 'position', 'lying_on', 'seconds',
             'pressure', 'trace_rank', 'score', 'danger_zone'),
    'trace': ('id', 'rank', 'region', 'side', 'distance', 'score',
              'explanation'),
}

#: Options each kind takes, as keyword arguments (Plan() and Trace()).
Options = Dict[str, Any]


def _kind_arg(kind: str) -> str:
    if not isinstance(kind, str):
        raise TypeError('kind must be "plan" or "trace", not %r' % (kind,))
    if kind not in KINDS:
        raise ValueError('unknown batch kind %r: use plan or trace' % (kind,))
    return kind


def columns(kind: str) -> Tuple[str, ...]:
    """The columns of `mfr batch KIND --format csv`, in order."""
    lib = _LIBRARY_COLUMNS[_kind_arg(kind)]
    return (lib[0], 'line') + lib[1:] + ('error_status', 'error_message')


def header(kind: str) -> str:
    """The header record of the batch CSV, CRLF at its end."""
    return ','.join(columns(kind)) + '\r\n'


def csv_field(value: Optional[str]) -> str:
    """@p value as one CSV field (RFC 4180: quoted when it holds a comma, a
    double quote, a CR or an LF, its double quotes doubled); None is an
    empty field."""
    if value is None:
        return ''
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def split_lines(data: bytes) -> List[bytes]:
    """The lines of @p data as `mfr batch` reads them: split at LF (a CR
    stays in its line), a last line without LF counted, nothing after a
    final LF; each line cut to the bytes the intake reader takes."""
    if not data:
        return []
    lines = data.split(b'\n')
    if lines[-1] == b'':
        lines.pop()
    return [line[:_KEEP] for line in lines]


def _message(err: MfrError, lineno: int) -> str:
    """The error row's message for @p err at batch line @p lineno: the
    library names the source SOURCE and, for malformed JSON, line 1 of the
    one line it was given; say which batch line instead (as the tool)."""
    if not err.detailed:
        return err.message
    msg, prefix = err.message, SOURCE + ':'
    if not msg.startswith(prefix):
        return '%s:%d: %s' % (SOURCE, lineno, msg)
    rest = msg[len(prefix):]
    if err.line > 0:
        # "<stdin>:1:COLUMN: ..." for malformed JSON: keep the column.
        colon = rest.find(':')
        rest = rest[colon + 1:] if colon >= 0 else msg[len(prefix):]
        if rest.startswith(' '):
            rest = rest[1:]
        return '%s:%d:%s' % (SOURCE, lineno, rest)
    if rest.startswith(' '):
        rest = rest[1:]
    return '%s:%d: %s' % (SOURCE, lineno, rest)


def _reject_constant(name: str) -> None:
    raise ValueError(name)


def _salvage_id(line: bytes) -> Optional[str]:
    """The "id" string of a line the intake reader refused, when the line
    is a JSON object with one, so that its error row joins back too."""
    try:
        doc = json.loads(line.decode('utf-8'),
                         parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return None
    value = doc.get('id') if isinstance(doc, dict) else None
    return value if isinstance(value, str) else None


def _error_record(kind: str, lineno: int, id: Optional[str],
                  status_name: str, message: str) -> str:
    empty = ',' * (len(_LIBRARY_COLUMNS[kind]) - 1)
    return '%s,%d%s,%s,%s\r\n' % (csv_field(id), lineno, empty, status_name,
                                  csv_field(message))


def _good_records(doc: str, lineno: int) -> str:
    """The records of the library's CSV @p doc (after its header), each
    with the line number after its first field (the id) and the error
    columns, empty, at its end."""
    out = []
    start = doc.find('\r\n')
    p = start + 2 if start >= 0 else len(doc)
    n = len(doc)
    while p < n:
        field_end = -1
        quoted = False
        end = p
        while end < n and (quoted or doc[end] != '\r'):
            c = doc[end]
            if c == '"':
                quoted = not quoted
            elif c == ',' and not quoted and field_end < 0:
                field_end = end
            end += 1
        if field_end < 0:
            field_end = end
        out.append('%s,%d%s,,\r\n' % (doc[p:field_end], lineno,
                                      doc[field_end:end]))
        p = end + 2 if end < n else end
    return ''.join(out)


def row(model: Model, kind: str, line: bytes, lineno: int,
        options: Optional[Options] = None) -> Tuple[str, bool]:
    """The CSV record(s) of batch line @p lineno (its bytes, without the
    LF) and whether it is an error record: what `mfr batch KIND --format
    csv` writes for it with the same options (Plan() or Trace() keyword
    arguments)."""
    kind = _kind_arg(kind)
    if not isinstance(line, (bytes, bytearray)):
        raise TypeError('a batch line is bytes, not %r' % (line,))
    line = bytes(line)
    if not line.strip(b' \t\r'):
        return _error_record(
            kind, lineno, None, 'MFR_E_SYNTAX',
            '%s:%d: blank line; every line must hold one intake (a JSON '
            'object)' % (SOURCE, lineno)), True
    intake = None
    try:
        intake = Intake.from_json(model, line, name=SOURCE)
        if kind == 'plan':
            with Plan(intake, **(options or {})) as plan:
                doc = plan.write('csv')
        else:
            with Trace(intake, **(options or {})) as trace:
                doc = trace.write('csv')
        return _good_records(doc, lineno), False
    except MfrError as err:
        id = intake.id if intake is not None else _salvage_id(line)
        return _error_record(kind, lineno, id, err.status_name,
                             _message(err, lineno)), True
    finally:
        if intake is not None:
            intake.close()


def rows(model: Model, kind: str, lines: Sequence[bytes], first_line: int = 1,
         jobs: Optional[int] = 1,
         options: Optional[Options] = None) -> List[Tuple[str, bool]]:
    """row() of every line of @p lines, numbered from @p first_line, on
    @p jobs threads (None: one per CPU) sharing @p model, in input order."""
    lines = list(lines)
    jobs = libmfr._jobs_arg(jobs)

    def one(i: int) -> Tuple[str, bool]:
        return row(model, kind, lines[i], first_line + i, options)

    if jobs == 1 or len(lines) <= 1:
        return [one(i) for i in range(len(lines))]
    with concurrent.futures.ThreadPoolExecutor(
            max_workers=min(jobs, len(lines)),
            thread_name_prefix='libmfr-batch') as pool:
        return list(pool.map(one, range(len(lines))))


def main(argv: Optional[Sequence[str]] = None) -> int:
    """python3 -m libmfr.batch plan|trace [--jobs N] < LINES > CSV: the
    default model, default options; exit 1 when a line gave an error row
    (as `mfr batch`)."""
    import argparse
    parser = argparse.ArgumentParser(
        prog='python3 -m libmfr.batch',
        description='Plan or trace JSON-lines intakes into the CSV of '
                    '`mfr batch KIND --format csv`, through the binding.')
    parser.add_argument('kind', choices=KINDS)
    parser.add_argument('--jobs', type=int, default=1,
                        help='threads (default 1)')
    args = parser.parse_args(argv)
    data = sys.stdin.buffer.read()
    with Model.default() as model:
        out = rows(model, args.kind, split_lines(data), jobs=args.jobs)
    sys.stdout.buffer.write(header(args.kind).encode('utf-8'))
    sys.stdout.buffer.write(''.join(text for text, _ in out).encode('utf-8'))
    sys.stdout.buffer.flush()
    return 1 if any(failed for _, failed in out) else 0


if __name__ == '__main__':
    sys.exit(main())
