#!/usr/bin/env python3
"""Times scipy's least-squares and residual-bound spline fits on this machine, the counterparts of interp4j's
JMH LsqSplineBenchmark (examples/src/main/java/io/github/interp4j/examples/bench/LsqSplineBenchmark.java);
issue 9's table.

Workloads (names match the JMH methods and their @Param values):
  lsq.makeLsqSpline.10000 / .100000 / .1000000   make_lsq_spline(x, y, t, k=3), 200 equally spaced knot
                                                 values over [x[0], x[-1]], ends of multiplicity 4
  lsq.makeSplrep.10000 / .100000                 make_splrep(x, y, k=3, s=0.02 n)
  lsq.splrepFitpack.10000 / .100000              FITPACK splrep(x, y, k=3, s=0.02 n), for reference
Data: x = sort(default_rng(SEED).uniform(0, 100, n)), y = sin(x / 5) + 0.1 * standard_normal(n) from the same
generator. (The Java benchmark draws the same distributions from SplittableRandom.)

Output and options: scipy_bench_nd.py's driver (one JSON object per line: name, seconds = best repeat, all,
repeats, sizes, versions, date, machine), 3 repeats unless --repeats is given. This script changes no
thread variable.

  python3 examples/scripts/scipy_bench_lsq.py [--repeats N] [--only PREFIX[,PREFIX...]] [--list]
"""

import sys

import numpy as np

import scipy_bench_nd

SEED = 20261130
LSQ_KNOTS = 200
workload = scipy_bench_nd.workload


def _data(n):
    rng = np.random.default_rng(SEED)
    x = np.sort(rng.uniform(0, 100, n))
    y = np.sin(x / 5) + 0.1 * rng.standard_normal(n)
    return x, y


def _lsq(n):
    from scipy.interpolate import make_lsq_spline

    def setup():
        x, y = _data(n)
        t = np.r_[[x[0]] * 3, np.linspace(x[0], x[-1], LSQ_KNOTS), [x[-1]] * 3]
        return x, y, t

    return setup, (lambda i: make_lsq_spline(i[0], i[1], i[2], k=3)), {"points": n, "knots": LSQ_KNOTS, "k": 3}


def _splrep(n):
    from scipy.interpolate import make_splrep
    return (lambda: _data(n)), (lambda i: make_splrep(i[0], i[1], k=3, s=0.02 * n)), {"points": n, "s": 0.02 * n}


def _fitpack(n):
    from scipy.interpolate import splrep
    return (lambda: _data(n)), (lambda i: splrep(i[0], i[1], k=3, s=0.02 * n)), {"points": n, "s": 0.02 * n}


for _n in (10_000, 100_000, 1_000_000):
    workload("lsq.makeLsqSpline.%d" % _n)(lambda opts, n=_n: _lsq(n))
for _n in (10_000, 100_000):
    workload("lsq.makeSplrep.%d" % _n)(lambda opts, n=_n: _splrep(n))
for _n in (10_000, 100_000):
    workload("lsq.splrepFitpack.%d" % _n)(lambda opts, n=_n: _fitpack(n))


def main(argv=None):
    """Runs the workloads above with scipy_bench_nd's driver (same options and output); 3 repeats by default."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not any(a.startswith("--repeats") for a in argv):
        argv += ["--repeats", "3"]
    scipy_bench_nd.WORKLOADS[:] = [w for w in scipy_bench_nd.WORKLOADS if w[0].startswith("lsq.")]
    return scipy_bench_nd.main(argv)


if __name__ == "__main__":
    sys.exit(main())
