#!/usr/bin/env python3
"""Times scipy's 1-D interpolation on this machine, on the same seeded data as the JMH benchmarks
(examples/src/main/java/io/github/interp4j/examples/bench/BenchData.java):

  knots   x[0] = 0, x[i] = x[i-1] + uniform(0.1, 1.0), numpy.random.default_rng(SEED), 1e6 knots
  values  y = sin(x)
  queries uniform over [x[0], x[-1]), numpy.random.default_rng(SEED + 1): 1e7 (the B-spline: the first 1e5)

Workloads (names match the JMH benchmark methods):
  fit.linear    interp1d(x, y, assume_sorted=True)          eval.linear    numpy.interp(q, x, y)
  fit.cubic     CubicSpline(x, y)                            eval.cubic     cs(q)
  fit.pchip     PchipInterpolator(x, y)                      eval.pchip     p(q)
  fit.akima     Akima1DInterpolator(x, y)                    eval.akima     a(q)
  fit.bspline3  make_interp_spline(x, y, k=3)                eval.bspline3  spl(q[:100000])

Each workload is timed `repeats` times (time.perf_counter) and the best time is reported, one JSON
object per line on stdout: name, seconds (best), all (every repeat), repeats, sizes, versions, date and
machine (nproc, CPU model from /proc/cpuinfo, the OPENBLAS_* variables as found: this script changes
none of them). threadpoolctl's report, when threadpoolctl is installed, goes to stderr as JSON.

  python3 examples/scripts/scipy_bench.py [--repeats N] [--knots N] [--queries N] [--bspline-queries N]
                                          [--only NAME[,NAME...]]
"""

import argparse
import datetime
import json
import platform
import sys
import time

import numpy as np
import scipy
import scipy.interpolate as si

from bench_env import best_of, machine

SEED = 20240917
STEP_MIN, STEP_MAX = 0.1, 1.0


def data(knots, queries, bspline_queries):
    rng = np.random.default_rng(SEED)
    x = np.concatenate(([0.0], np.cumsum(rng.uniform(STEP_MIN, STEP_MAX, knots - 1))))
    y = np.sin(x)
    qrng = np.random.default_rng(SEED + 1)
    q = qrng.uniform(x[0], x[-1], queries)
    qb = q[:bspline_queries].copy() if bspline_queries <= queries else \
        np.random.default_rng(SEED + 1).uniform(x[0], x[-1], bspline_queries)
    return x, y, q, qb


def threadpool_info():
    try:
        import threadpoolctl
    except ImportError:
        return None
    return threadpoolctl.threadpool_info()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=5, help="repeats per workload (best is reported)")
    ap.add_argument("--bspline-repeats", type=int, default=3, help="repeats of eval.bspline3 (slow)")
    ap.add_argument("--knots", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=10_000_000)
    ap.add_argument("--bspline-queries", type=int, default=100_000)
    ap.add_argument("--only", default="", help="comma-separated workload names")
    args = ap.parse_args(argv)

    info = threadpool_info()
    print(json.dumps({"threadpoolctl": info} if info is not None else
                     {"threadpoolctl": "not installed"}), file=sys.stderr)

    x, y, q, qb = data(args.knots, args.queries, args.bspline_queries)
    fitted = {
        "linear": None,
        "cubic": si.CubicSpline(x, y),
        "pchip": si.PchipInterpolator(x, y),
        "akima": si.Akima1DInterpolator(x, y),
        "bspline3": si.make_interp_spline(x, y, k=3),
    }
    workloads = [
        ("fit.linear", lambda: si.interp1d(x, y, assume_sorted=True), args.knots, 0),
        ("fit.cubic", lambda: si.CubicSpline(x, y), args.knots, 0),
        ("fit.pchip", lambda: si.PchipInterpolator(x, y), args.knots, 0),
        ("fit.akima", lambda: si.Akima1DInterpolator(x, y), args.knots, 0),
        ("fit.bspline3", lambda: si.make_interp_spline(x, y, k=3), args.knots, 0),
        ("eval.linear", lambda: np.interp(q, x, y), args.knots, args.queries),
        ("eval.cubic", lambda: fitted["cubic"](q), args.knots, args.queries),
        ("eval.pchip", lambda: fitted["pchip"](q), args.knots, args.queries),
        ("eval.akima", lambda: fitted["akima"](q), args.knots, args.queries),
        ("eval.bspline3", lambda: fitted["bspline3"](qb), args.knots, args.bspline_queries),
    ]
    only = {s for s in args.only.split(",") if s}
    common = {
        "versions": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__},
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        "seed": SEED,
    }
    for name, fn, knots, queries in workloads:
        if only and name not in only:
            continue
        repeats = args.bspline_repeats if name == "eval.bspline3" else args.repeats
        best, times = best_of(fn, repeats)
        rec = {"name": name, "seconds": best, "all": times, "repeats": repeats, "knots": knots,
               "queries": queries}
        rec.update(common)
        print(json.dumps(rec), flush=True)


if __name__ == "__main__":
    main()
