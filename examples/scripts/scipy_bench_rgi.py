#!/usr/bin/env python3
"""Times scipy.interpolate.RegularGridInterpolator on this machine, on data made like the JMH benchmark
(examples/src/main/java/io/github/interp4j/examples/bench/RegularGridBenchmark.java):

  grid     3 axes, each numpy.linspace(0, 1, n), n = 100 by default
  values   uniform in [-1, 1), numpy.random.default_rng(SEED), shape (n, n, n)
  points   uniform in [0, 1)^3, numpy.random.default_rng(SEED + 1): 1e6 (linear), the first 1e5 (cubic)
(The generators differ - numpy's PCG64 here, SplittableRandom in Java - so the numbers differ but the
sizes, seeds and distributions match.)

Workloads (JMH method in brackets):
  rgi.linear.eval                 RegularGridInterpolator(grid, v)(points)            [linearEval]
  rgi.cubic.build.gcrotmk         RegularGridInterpolator(grid, v, method='cubic')    [cubicBuild]
                                  (scipy's default solver: iterative gcrotmk, atol=1e-6, inexact)
  rgi.cubic.eval                  the cubic interpolant at 1e5 points                 [cubicEval]
  rgi.cubic.build_eval.gcrotmk    construction plus 1e5 points                        [cubicBuildAndEval]
  rgi.cubic.build.spsolve         RegularGridInterpolator(..., method='cubic', solver=spsolve), the exact
                                  solve interp4j matches; SuperLU on the n^3 x n^3 system does not finish
                                  in reasonable time at n = 100 (n = 40 takes minutes), so it is timed on
                                  the smaller grids of --spsolve-n (default 20,30) and reported with its n
  rgi.cubic.build_eval.spsolve    likewise, plus 1e5 points

Each workload is timed `repeats` times (time.perf_counter) and the best time is reported, one JSON object
per line on stdout: name, seconds (best), all (every repeat), repeats, n, points, versions, date, seed,
machine.

  python3 examples/scripts/scipy_bench_rgi.py [--n 100] [--repeats 5] [--slow-repeats 1]
                                              [--spsolve-n 20,30] [--only NAME[,NAME...]]
"""

import argparse
import datetime
import json
import platform
import time

import numpy as np
import scipy
import scipy.sparse.linalg as ssl
from scipy.interpolate import RegularGridInterpolator

from bench_env import best_of, machine

SEED = 20250311


def data(n, points):
    grid = tuple(np.linspace(0.0, 1.0, n) for _ in range(3))
    values = np.random.default_rng(SEED).uniform(-1.0, 1.0, (n, n, n))
    pts = np.random.default_rng(SEED + 1).uniform(0.0, 1.0, (points, 3))
    return grid, values, pts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100, help="points per axis")
    ap.add_argument("--linear-points", type=int, default=1_000_000)
    ap.add_argument("--cubic-points", type=int, default=100_000)
    ap.add_argument("--repeats", type=int, default=5, help="repeats of the fast workloads (best is reported)")
    ap.add_argument("--slow-repeats", type=int, default=1, help="repeats of the cubic constructions")
    ap.add_argument("--spsolve-n", default="20,30", help="grid sizes for the spsolve workloads ('' to skip)")
    ap.add_argument("--only", default="", help="comma-separated workload names")
    args = ap.parse_args(argv)
    only = {s for s in args.only.split(",") if s}

    common = {
        "versions": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__},
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "seed": SEED,
        "machine": machine(),
    }

    def emit(name, fn, repeats, n, points):
        if only and name not in only:
            return
        best, times = best_of(fn, repeats)
        rec = {"name": name, "seconds": best, "all": times, "repeats": repeats, "n": n, "points": points}
        rec.update(common)
        print(json.dumps(rec), flush=True)

    grid, values, pts = data(args.n, args.linear_points)
    cpts = pts[:args.cubic_points]
    lin = RegularGridInterpolator(grid, values)
    emit("rgi.linear.eval", lambda: lin(pts), args.repeats, args.n, len(pts))
    if not only or only & {"rgi.cubic.build.gcrotmk", "rgi.cubic.eval", "rgi.cubic.build_eval.gcrotmk"}:
        emit("rgi.cubic.build.gcrotmk", lambda: RegularGridInterpolator(grid, values, method="cubic"),
             args.slow_repeats, args.n, 0)
        if not only or "rgi.cubic.eval" in only:
            cub = RegularGridInterpolator(grid, values, method="cubic")
            emit("rgi.cubic.eval", lambda: cub(cpts), args.repeats, args.n, len(cpts))
        emit("rgi.cubic.build_eval.gcrotmk",
             lambda: RegularGridInterpolator(grid, values, method="cubic")(cpts), args.slow_repeats, args.n,
             len(cpts))
    for s in (int(t) for t in args.spsolve_n.split(",") if t.strip()):
        g, v, _ = data(s, 0)
        emit("rgi.cubic.build.spsolve",
             lambda: RegularGridInterpolator(g, v, method="cubic", solver=ssl.spsolve), args.slow_repeats, s, 0)
        emit("rgi.cubic.build_eval.spsolve",
             lambda: RegularGridInterpolator(g, v, method="cubic", solver=ssl.spsolve)(cpts), args.slow_repeats,
             s, len(cpts))


if __name__ == "__main__":
    main()
