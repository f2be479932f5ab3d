# SPDX-License-Identifier: MIT
"""Plan a cohort of intakes on a Dask cluster, through the binding.

A cohort is a file of JSON-lines intakes (doc/intake-format.md), as `mfr
batch plan` reads. The client cuts it into partitions of consecutive lines,
sends each partition's text to the cluster (no shared file system is
needed), and each worker plans its lines through libmfr.batch: the rows of
`mfr batch plan --format csv`, line numbers and error rows included. The
client writes, into an output directory:

- ``part-NNNNN.csv``: each partition's rows, under the batch CSV header
  (pandas.read_csv reads each as is); the parts, in order and without
  their headers, are the rows one `mfr batch plan --format csv` run over
  the whole file writes, byte for byte;
- ``dose-summary.csv``: the cohort's dose, in the terms of TIDieR (what: the
  technique; where: the body region; when and how much: minutes, pressure
  and sessions; doc/dask.md): one record per technique, region and
  pressure, with the plans (sessions) that use it, its steps, and its
  minutes in total and per session;
- ``summary.json``: the lines, the error rows, the plans by status, the
  steps and minutes planned, and the partitions.

Run it on a LocalCluster of this machine, or against a running scheduler
(doc/dask.md):

    python3 -m libmfr.cohort intakes.jsonl out/ --local-workers 2
    python3 -m libmfr.cohort intakes.jsonl out/ --scheduler tcp://host:8786

Only the client needs dask.distributed to import this module's run();
plan_partition(), which the workers run, needs libmfr alone.

libmfr is decision support for licensed therapists; it never diagnoses.
The rows are for research over many intakes, not a substitute for reading
one client's plan.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import threading
from typing import (TYPE_CHECKING, Any, BinaryIO, Dict, Iterator, List,
                    Optional, Sequence, Tuple)

import libmfr
from libmfr import batch

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

__all__ = ['DOSE_COLUMNS', 'DoseKey', 'Partial', 'merge', 'partitions',
           'plan_partition', 'run', 'summarise_rows']

#: The columns of dose-summary.csv.
DOSE_COLUMNS = ('technique', 'region', 'pressure', 'sessions', 'steps',
                'minutes', 'minutes_per_session')

#: What a dose-summary record is about: technique, region and pressure keys.
DoseKey = Tuple[str, str, str]

#: What one partition adds up to (merge() adds two): "lines", "errors",
#: "steps", "seconds", "status" ({status: plans}) and "dose" ({DoseKey:
#: [sessions, steps, seconds]}).
Partial = Dict[str, Any]

# One model per worker process, built on first use and shared by its
# threads (the library is thread-safe for one shared model): key None for
# the default model, else the model file's path.
_models: Dict[Optional[str], libmfr.Model] = {}
_models_lock = threading.Lock()


def _model(path: Optional[str]) -> libmfr.Model:
    with _models_lock:
        model = _models.get(path)
        if model is None:
            model = libmfr.Model.default() if path is None \
                else libmfr.Model.load_file(path)
            _models[path] = model
        return model


def _empty() -> Partial:
    return {'lines': 0, 'errors': 0, 'steps': 0, 'seconds': 0,
            'status': {}, 'dose': {}}


def summarise_rows(text: str) -> Partial:
    """Add up the batch plan CSV records @p text (no header): per input
    line its status, and per step its technique, region, pressure and
    seconds. A plan is one session; a technique, region and pressure is
    counted once per session that uses it however many steps it has."""
    out = _empty()
    status: Dict[str, int] = out['status']
    dose: Dict[DoseKey, List[int]] = out['dose']
    cols = batch.columns('plan')
    at = {name: i for i, name in enumerate(cols)}
    last_line = None
    seen: set[DoseKey] = set()
    for rec in csv.reader(io.StringIO(text, newline='')):
        line = rec[at['line']]
        if line != last_line:
            last_line = line
            seen = set()
            out['lines'] += 1
            if rec[at['error_status']]:
                out['errors'] += 1
            else:
                s = rec[at['status']]
                status[s] = status.get(s, 0) + 1
        if not rec[at['region']]:
            continue  # an error row, or a plan without steps
        key = (rec[at['technique']], rec[at['region']], rec[at['pressure']])
        seconds = int(rec[at['seconds']])
        entry = dose.setdefault(key, [0, 0, 0])
        if key not in seen:
            seen.add(key)
            entry[0] += 1
        entry[1] += 1
        entry[2] += seconds
        out['steps'] += 1
        out['seconds'] += seconds
    return out


def merge(a: Partial, b: Partial) -> Partial:
    """The sum of two partials (neither is changed)."""
    out = _empty()
    for k in ('lines', 'errors', 'steps', 'seconds'):
        out[k] = a[k] + b[k]
    for part in (a, b):
        for s, n in part['status'].items():
            out['status'][s] = out['status'].get(s, 0) + n
        for key, (sessions, steps, seconds) in part['dose'].items():
            entry = out['dose'].setdefault(key, [0, 0, 0])
            entry[0] += sessions
            entry[1] += steps
            entry[2] += seconds
    return out


def plan_partition(first_line: int, data: bytes,
                   model_path: Optional[str] = None,
                   options: Optional[Dict[str, Any]] = None,
                   jobs: int = 1) -> Tuple[str, Partial]:
    """Run on a worker: the batch plan CSV records (no header) of the
    lines of @p data, numbered from @p first_line, and their partial
    summary. @p model_path (None: the default model) must name the same
    file on every worker; @p options are Plan() keyword arguments."""
    model = _model(model_path)
    out = batch.rows(model, 'plan', batch.split_lines(data), first_line,
                     jobs=jobs, options=options)
    text = ''.join(t for t, _ in out)
    return text, summarise_rows(text)


def partitions(stream: BinaryIO,
               lines: int) -> Iterator[Tuple[int, int, bytes]]:
    """(index, first line number, text) of each run of @p lines lines of
    @p stream, in order, read as it goes (a cohort of any size costs the
    client only the partitions in flight)."""
    if isinstance(lines, bool) or not isinstance(lines, int):
        raise TypeError('lines must be a whole number, not %r' % (lines,))
    if lines < 1:
        raise ValueError('lines %d: a partition holds at least one' % lines)
    index, first, chunk = 0, 1, []
    for line in stream:
        chunk.append(line)
        if len(chunk) == lines:
            yield index, first, b''.join(chunk)
            index, first, chunk = index + 1, first + lines, []
    if chunk:
        yield index, first, b''.join(chunk)


def _dose_csv(dose: Dict[DoseKey, List[int]]) -> str:
    out = [','.join(DOSE_COLUMNS) + '\r\n']
    for key in sorted(dose):
        sessions, steps, seconds = dose[key]
        out.append('%s,%s,%s,%d,%d,%s,%s\r\n' % (
            key[0], key[1], key[2], sessions, steps,
            _minutes(seconds), _minutes(seconds / sessions)))
    return ''.join(out)


def _minutes(seconds: float) -> str:
    """Seconds as minutes, to two decimals, without a trailing zero."""
    text = '%.2f' % (seconds / 60.0)
    return text.rstrip('0').rstrip('.')


def run(client: 'Client', intakes: str, out_dir: str,
        partition_lines: int = 10000, model_path: Optional[str] = None,
        options: Optional[Dict[str, Any]] = None,
        in_flight: Optional[int] = None) -> Partial:
    """Plan the cohort file @p intakes on @p client's cluster into
    @p out_dir (created if need be): part-NNNNN.csv, dose-summary.csv and
    summary.json. At most @p in_flight partitions (default: twice the
    cluster's threads) are sent at once. Returns the summary."""
    from distributed import as_completed
    # By reference, by its module's name, even when this module runs as
    # __main__ (python3 -m libmfr.cohort): the workers import it.
    from libmfr.cohort import plan_partition as task

    os.makedirs(out_dir, exist_ok=True)
    if in_flight is None:
        threads = sum(client.nthreads().values()) or 1
        in_flight = 2 * threads
    head = batch.header('plan').encode('utf-8')
    total = _empty()
    count = 0

    def write(index: int, text: str) -> None:
        path = os.path.join(out_dir, 'part-%05d.csv' % index)
        with open(path, 'wb') as f:
            f.write(head)
            f.write(text.encode('utf-8'))

    with open(intakes, 'rb') as stream:
        parts = partitions(stream, partition_lines)
        pending = as_completed()
        index_of = {}
        for index, first, data in parts:
            future = client.submit(task, first, data, model_path,
                                   options, pure=False)
            index_of[future.key] = index
            pending.add(future)
            count += 1
            if pending.count() >= in_flight:
                done = next(pending)
                text, partial = done.result()
                write(index_of.pop(done.key), text)
                total = merge(total, partial)
        for done in pending:
            text, partial = done.result()
            write(index_of.pop(done.key), text)
            total = merge(total, partial)
    with open(os.path.join(out_dir, 'dose-summary.csv'), 'wb') as f:
        f.write(_dose_csv(total['dose']).encode('utf-8'))
    summary = {
        'lines': total['lines'], 'errors': total['errors'],
        'plans': dict(sorted(total['status'].items())),
        'steps': total['steps'], 'minutes': total['seconds'] / 60.0,
        'partitions': count, 'partition_lines': partition_lines,
        'libmfr': libmfr.version(),
    }
    with open(os.path.join(out_dir, 'summary.json'), 'w') as text:
        json.dump(summary, text, indent=2)
        text.write('\n')
    return total


def main(argv: Optional[Sequence[str]] = None) -> int:
    import argparse
    import time

    parser = argparse.ArgumentParser(
        prog='python3 -m libmfr.cohort',
        description='Plan a cohort of JSON-lines intakes on a Dask cluster '
                    'into per-partition batch CSV and a dose summary.')
    parser.add_argument('intakes', help='the JSON-lines file of intakes')
    parser.add_argument('out_dir', help='the directory for the CSV files')
    where = parser.add_mutually_exclusive_group()
    where.add_argument('--scheduler', metavar='ADDRESS',
                       help='a running dask-scheduler (tcp://host:8786)')
    where.add_argument('--local-workers', type=int, default=2, metavar='N',
                       help='start a LocalCluster of N worker processes, '
                            'one thread each (default 2)')
    parser.add_argument('--partition-lines', type=int, default=10000,
                        metavar='N', help='lines per partition (10000)')
    parser.add_argument('--model', metavar='PATH',
                        help='a model file, the same path on every worker '
                             '(default: the built-in model)')
    parser.add_argument('--max-sites', type=int, metavar='N')
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    options = {} if args.max_sites is None else {'max_sites': args.max_sites}
    started = time.monotonic()
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.local_workers,
                               threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        total = run(client, args.intakes, args.out_dir, args.partition_lines,
                    args.model, options or None)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print('cohort: %d lines, %d errors, %d steps, %.3f s'
          % (total['lines'], total['errors'], total['steps'],
             time.monotonic() - started), file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
