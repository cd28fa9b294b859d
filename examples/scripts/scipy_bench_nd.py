#!/usr/bin/env python3
"""Times scipy's N-D interpolation on this machine, the counterparts of interp4j's N-D JMH benchmarks
(examples/src/main/java/io/github/interp4j/examples/bench/RbfBenchmark.java, ...).

Workloads are plain functions registered with @workload in WORKLOADS, in order. Each takes the parsed
options and returns (setup, run, sizes): setup() builds the inputs once (not timed), run(inputs) is the
timed call, sizes is a dict written to the output. To add a family (e.g. RegularGridInterpolator),
write more functions with @workload; nothing else changes.

RBFInterpolator workloads (names match RbfBenchmark):
  rbf.fitThinPlate.2000   RBFInterpolator(y, d) on 2000 uniform points in the unit square
  rbf.fitThinPlate.4000   the same on 4000 points
  rbf.evalThinPlate       the 4000-point interpolant at 1e5 uniform points
  rbf.evalThinPlateColumns  the same with 4 value columns (d[:, c] = d + c)
Data: numpy.random.default_rng(SEED) points, values sin(6 x) cos(4 y); queries from
default_rng(SEED + 1). (The Java benchmark draws the same distributions from SplittableRandom.)

Each workload is run `repeats` times (time.perf_counter) and reported as one JSON object per line on
stdout: name, seconds (the best repeat), all (every repeat), repeats, sizes, versions (python, numpy,
scipy, numpy's BLAS), date and machine (nproc, CPU model, the OPENBLAS_* / OMP_* variables as found:
this script changes none of them).

  python3 examples/scripts/scipy_bench_nd.py [--repeats N] [--only PREFIX[,PREFIX...]] [--list]
"""

import argparse
import datetime
import gc
import json
import os
import platform
import sys
import time

import numpy as np
import scipy

from bench_env import cpu_model

SEED = 20250601
WORKLOADS = []


def workload(name):
    """Registers a workload function under `name` (kept in definition order)."""
    def register(fn):
        WORKLOADS.append((name, fn))
        return fn
    return register


# ---------------------------------------------------------------- RBFInterpolator

def _rbf_data(n, columns=None):
    rng = np.random.default_rng(SEED)
    y = rng.random((n, 2))
    d = np.sin(6 * y[:, 0]) * np.cos(4 * y[:, 1])
    if columns is not None:
        d = d[:, None] + np.arange(columns)[None, :]
    return y, d


def _rbf_queries(q):
    return np.random.default_rng(SEED + 1).random((q, 2))


def _rbf_fit(n):
    from scipy.interpolate import RBFInterpolator

    def setup():
        return _rbf_data(n)

    def run(inputs):
        y, d = inputs
        return RBFInterpolator(y, d)

    return setup, run, {"points": n, "dim": 2, "kernel": "thin_plate_spline"}


@workload("rbf.fitThinPlate.2000")
def rbf_fit_2000(opts):
    return _rbf_fit(2000)


@workload("rbf.fitThinPlate.4000")
def rbf_fit_4000(opts):
    return _rbf_fit(4000)


def _rbf_eval(opts, columns):
    from scipy.interpolate import RBFInterpolator

    def setup():
        y, d = _rbf_data(4000, columns)
        return RBFInterpolator(y, d), _rbf_queries(opts.rbf_queries)

    def run(inputs):
        interp, x = inputs
        return interp(x)

    sizes = {"points": 4000, "dim": 2, "queries": opts.rbf_queries, "kernel": "thin_plate_spline"}
    if columns is not None:
        sizes["columns"] = columns
    return setup, run, sizes


@workload("rbf.evalThinPlate")
def rbf_eval(opts):
    return _rbf_eval(opts, None)


@workload("rbf.evalThinPlateColumns")
def rbf_eval_columns(opts):
    return _rbf_eval(opts, 4)


# ---------------------------------------------------------------- driver

def blas_name():
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg.get("Build Dependencies", {}).get("blas", {})
        return f"{blas.get('name', '?')} {blas.get('version', '')}".strip()
    except Exception:  # older numpy
        return "unknown"


def environment():
    env = {k: v for k, v in os.environ.items() if k.startswith(("OPENBLAS_", "OMP_", "MKL_"))}
    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "blas": blas_name(),
        "nproc": os.cpu_count(),
        "affinity": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu": cpu_model(),
        "env": env,
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--only", default="", help="comma-separated name prefixes")
    ap.add_argument("--list", action="store_true", help="list the workload names and exit")
    ap.add_argument("--rbf-queries", type=int, default=100_000)
    opts = ap.parse_args(argv)
    if opts.list:
        for name, _ in WORKLOADS:
            print(name)
        return 0
    prefixes = [p for p in opts.only.split(",") if p]
    machine = environment()
    date = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    for name, fn in WORKLOADS:
        if prefixes and not any(name.startswith(p) for p in prefixes):
            continue
        setup, run, sizes = fn(opts)
        inputs = setup()
        times = []
        for _ in range(opts.repeats):
            gc.collect()
            t0 = time.perf_counter()
            result = run(inputs)
            times.append(time.perf_counter() - t0)
            del result
        record = {
            "name": name,
            "seconds": min(times),
            "all": times,
            "repeats": opts.repeats,
            "sizes": sizes,
            "versions": {k: machine[k] for k in ("python", "numpy", "scipy", "blas")},
            "date": date,
            "machine": {k: machine[k] for k in ("nproc", "affinity", "cpu", "env")},
        }
        print(json.dumps(record), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
