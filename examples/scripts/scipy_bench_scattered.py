#!/usr/bin/env python3
"""Times scipy's scattered-data interpolation on this machine, the counterparts of interp4j's JMH
ScatteredBenchmark (examples/src/main/java/io/github/interp4j/examples/bench/ScatteredBenchmark.java);
issue 8's table.

Workloads (names match the JMH methods and their @Param values):
  scattered.delaunay2d.100000 / .1000000   scipy.spatial.Delaunay(points), uniform in the unit square
  scattered.delaunay3d.100000              the same in the unit cube
  scattered.linear2dEval.100000 / .1000000 LinearNDInterpolator(tri, values)(xi), 1e6 uniform queries
  scattered.linear2dEvalSorted.100000 / .1000000  the same queries sorted by x
  scattered.linear3dEval.100000            the 3-D interpolant over 1e5 points at 1e6 queries
  scattered.nearest2dBuild.100000          NearestNDInterpolator(points, values)
  scattered.nearest2dEval.100000           its values at 1e6 queries
  scattered.cloughTocher2dBuild.100000     CloughTocher2DInterpolator(points, values): triangulation + gradients
  scattered.cloughTocher2dFit.100000       CloughTocher2DInterpolator(tri, values): gradients on a prebuilt tri
  scattered.cloughTocher2dEval.100000      its values at 1e6 queries
Data: numpy.random.default_rng(SEED) points, values sin(6 x) cos(4 y) (+ z in 3-D); queries from
default_rng(SEED + 1). (The Java benchmark draws the same distributions from SplittableRandom.)
The triangulation / interpolant of an evaluation workload is built in setup (not timed).

Output and options: scipy_bench_nd.py's driver (one JSON object per line: name, seconds = best repeat,
all, repeats, sizes, versions, date, machine), with one repeat unless --repeats is given. This script
changes no thread variable.

  python3 examples/scripts/scipy_bench_scattered.py [--repeats N] [--only PREFIX[,PREFIX...]] [--list]
(The slow evaluations take minutes each: scipy's walk starts from the previous query's simplex.)
"""

import sys

import numpy as np

import scipy_bench_nd

SEED = 20261130
QUERIES = 1_000_000
workload = scipy_bench_nd.workload


def _points(n, d):
    return np.random.default_rng(SEED).random((n, d))


def _values(p):
    v = np.sin(6 * p[:, 0]) * np.cos(4 * p[:, 1])
    return v + p[:, 2] if p.shape[1] == 3 else v


def _queries(d, sort=False):
    q = np.random.default_rng(SEED + 1).random((QUERIES, d))
    return q[np.argsort(q[:, 0], kind="stable")] if sort else q


def _delaunay(n, d):
    from scipy.spatial import Delaunay
    return (lambda: _points(n, d)), (lambda p: Delaunay(p)), {"points": n, "dim": d}


def _linear(n, d, sort=False):
    from scipy.interpolate import LinearNDInterpolator
    from scipy.spatial import Delaunay

    def setup():
        p = _points(n, d)
        return LinearNDInterpolator(Delaunay(p), _values(p)), _queries(d, sort)

    def run(inputs):
        ip, q = inputs
        return ip(q)

    return setup, run, {"points": n, "dim": d, "queries": QUERIES, "sorted": sort}


for _n in (100_000, 1_000_000):
    workload(f"scattered.delaunay2d.{_n}")(lambda opts, n=_n: _delaunay(n, 2))
workload("scattered.delaunay3d.100000")(lambda opts: _delaunay(100_000, 3))
for _n in (100_000, 1_000_000):
    workload(f"scattered.linear2dEval.{_n}")(lambda opts, n=_n: _linear(n, 2))
    workload(f"scattered.linear2dEvalSorted.{_n}")(lambda opts, n=_n: _linear(n, 2, True))
workload("scattered.linear3dEval.100000")(lambda opts: _linear(100_000, 3))


@workload("scattered.nearest2dBuild.100000")
def nearest_build(opts):
    from scipy.interpolate import NearestNDInterpolator

    def setup():
        p = _points(100_000, 2)
        return p, _values(p)

    return setup, (lambda i: NearestNDInterpolator(*i)), {"points": 100_000, "dim": 2}


@workload("scattered.nearest2dEval.100000")
def nearest_eval(opts):
    from scipy.interpolate import NearestNDInterpolator

    def setup():
        p = _points(100_000, 2)
        return NearestNDInterpolator(p, _values(p)), _queries(2)

    return setup, (lambda i: i[0](i[1])), {"points": 100_000, "dim": 2, "queries": QUERIES}


@workload("scattered.cloughTocher2dBuild.100000")
def clough_tocher_build(opts):
    from scipy.interpolate import CloughTocher2DInterpolator

    def setup():
        p = _points(100_000, 2)
        return p, _values(p)

    return setup, (lambda i: CloughTocher2DInterpolator(*i)), {"points": 100_000, "dim": 2}


@workload("scattered.cloughTocher2dFit.100000")
def clough_tocher_fit(opts):
    from scipy.interpolate import CloughTocher2DInterpolator
    from scipy.spatial import Delaunay

    def setup():
        p = _points(100_000, 2)
        return Delaunay(p), _values(p)

    return setup, (lambda i: CloughTocher2DInterpolator(*i)), {"points": 100_000, "dim": 2}


@workload("scattered.cloughTocher2dEval.100000")
def clough_tocher_eval(opts):
    from scipy.interpolate import CloughTocher2DInterpolator
    from scipy.spatial import Delaunay

    def setup():
        p = _points(100_000, 2)
        return CloughTocher2DInterpolator(Delaunay(p), _values(p)), _queries(2)

    return setup, (lambda i: i[0](i[1])), {"points": 100_000, "dim": 2, "queries": QUERIES}


def main(argv=None):
    """Runs the workloads above with scipy_bench_nd's driver (same options and output); one repeat by default."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not any(a.startswith("--repeats") for a in argv):
        argv += ["--repeats", "1"]
    scipy_bench_nd.WORKLOADS[:] = [w for w in scipy_bench_nd.WORKLOADS if w[0].startswith("scattered.")]
    return scipy_bench_nd.main(argv)


if __name__ == "__main__":
    sys.exit(main())
