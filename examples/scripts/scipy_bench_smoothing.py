#!/usr/bin/env python3
"""Times scipy's make_smoothing_spline on this machine, the counterparts of interp4j's JMH SmoothingBenchmark
(examples/src/main/java/io/github/interp4j/examples/bench/SmoothingBenchmark.java); issue 9's table.

Workloads (names match the JMH methods and their @Param values):
  smoothing.gcvRandom.10000 / .100000 / .1000000   make_smoothing_spline(x, y), lam by GCV, x sorted uniform on [0, 100]
  smoothing.gcvEven.100000                         the same, x evenly spaced
  smoothing.lamRandom.100000 / .1000000            make_smoothing_spline(x, y, lam=1.0)
Data: numpy.random.default_rng(SEED): x = sort(uniform(0, 100, n)) (or linspace), y = sin(x / 5) + normal(0, 0.1).

Output: one JSON object per line (name, seconds = best repeat, all, repeats, sizes, versions, date, machine),
scipy_bench_nd.py's format; a workload where scipy raises gets "error" (its message) and "seconds" is the time
until it raised. One repeat unless --repeats is given. This script changes no thread variable.

  python3 examples/scripts/scipy_bench_smoothing.py [--repeats N] [--only PREFIX[,PREFIX...]] [--list]
(gcvEven.100000 takes about 40 s per repeat; gcvRandom.1000000 raises after minutes.)
"""

import argparse
import datetime
import gc
import json
import sys
import time

import numpy as np

import scipy_bench_nd

SEED = 20261130
WORKLOADS = []


def _data(n, even=False):
    rng = np.random.default_rng(SEED)
    x = np.linspace(0.0, 100.0, n) if even else np.sort(rng.uniform(0.0, 100.0, n))
    return x, np.sin(x / 5.0) + rng.normal(0.0, 0.1, n)


def _workload(name, n, even=False, lam=None):
    WORKLOADS.append((name, n, even, lam))


for _n in (10_000, 100_000, 1_000_000):
    _workload(f"smoothing.gcvRandom.{_n}", _n)
_workload("smoothing.gcvEven.100000", 100_000, even=True)
for _n in (100_000, 1_000_000):
    _workload(f"smoothing.lamRandom.{_n}", _n, lam=1.0)


def main(argv=None):
    from scipy.interpolate import make_smoothing_spline

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--only", default="", help="comma-separated name prefixes")
    ap.add_argument("--list", action="store_true", help="list the workload names and exit")
    opts = ap.parse_args(sys.argv[1:] if argv is None else argv)
    if opts.list:
        for w in WORKLOADS:
            print(w[0])
        return 0
    prefixes = [p for p in opts.only.split(",") if p]
    machine = scipy_bench_nd.environment()
    date = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    for name, n, even, lam in WORKLOADS:
        if prefixes and not any(name.startswith(p) for p in prefixes):
            continue
        x, y = _data(n, even)
        times, error = [], None
        for _ in range(opts.repeats):
            gc.collect()
            t0 = time.perf_counter()
            try:
                make_smoothing_spline(x, y, lam=lam)
            except ValueError as e:
                error = str(e)
            times.append(time.perf_counter() - t0)
            if error:
                break
        record = {
            "name": name,
            "seconds": min(times),
            "all": times,
            "repeats": len(times),
            "sizes": {"n": n, "x": "even" if even else "random", "lam": lam if lam is not None else "gcv"},
            "versions": {k: machine[k] for k in ("python", "numpy", "scipy", "blas")},
            "date": date,
            "machine": {k: machine[k] for k in ("nproc", "affinity", "cpu", "env")},
        }
        if error:
            record["error"] = error
        print(json.dumps(record), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
