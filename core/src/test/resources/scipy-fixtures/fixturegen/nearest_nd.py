"""scipy.interpolate.NearestNDInterpolator (the fixtures in nearest_nd/, read by
NearestNDInterpolatorAgreementTest and GriddataAgreementTest): random and clustered points in 2-D to
4-D (scipy refuses 1-D points), queries inside and outside the data box and at data points, rescale, several value columns.

Keys:
  case      the case name (= file name without .txt)
  n d m     number of points, dimension, number of value columns
  rescale   'true' or 'false'
  points    n*d coordinates, row-major
  values    n*m values, row-major
  q         number of queries
  queries   q*d coordinates, row-major
  tie       q flags (1 or 0): 1 where the two smallest distances from the query to the data points
            (brute force in numpy on the (rescaled) points, squared) differ by at most 1e-12 relative,
            so that the nearest point is decided by rounding or tie-breaking: the Java test skips those
  expected  q*m scipy results, row-major
  scale     max|values|: the unit of the tolerance
The Java test allows 1e-12 * scale per value (elsewhere the answer is one data value, so it is exact).
"""

import sys

import numpy as np
from scipy.interpolate import NearestNDInterpolator

from . import common
from .common import fmt_list

FAMILY = "nearest_nd"
SEED = 20261131


def make_case(name, n, d, *, m=1, rescale=False, clustered=False, anisotropic=False, q=60):
    rng = common.case_rng(SEED, name)
    if clustered:
        centres = rng.random((3, d))
        points = centres[rng.integers(0, 3, n)] + 0.02 * rng.standard_normal((n, d))
    else:
        points = rng.random((n, d))
    if anisotropic:
        points = points * np.array([1000.0, 0.01, 3.0, 1.0][:d])
    vals = rng.standard_normal((n, m))
    lo, hi = points.min(0), points.max(0)
    span = hi - lo
    nq_data = 5
    qin = lo + rng.random((q - nq_data - 10, d)) * span
    qout = lo - 0.5 * span + rng.random((10, d)) * 2.0 * span
    qdata = points[rng.choice(n, nq_data, replace=False)]
    queries = np.concatenate([qin, qout, qdata], axis=0)
    ip = NearestNDInterpolator(points, vals, rescale=rescale)
    expected = np.asarray(ip(queries), dtype=float).reshape(len(queries), m)
    xs = ip._scale_x(queries) if rescale else queries
    d2 = ((xs[:, None, :] - ip.points[None, :, :]) ** 2).sum(axis=2)
    part = np.sort(d2, axis=1)
    tie = (part[:, 1] - part[:, 0]) <= 1e-12 * part[:, 1]
    scale = float(np.max(np.abs(vals)))
    call = f"scipy.interpolate.NearestNDInterpolator(points, values, rescale={rescale})(queries)"
    lines = common.header(SEED, name, call, subject=" for NearestNDInterpolator") + [
        f"case: {name}",
        f"n: {n}",
        f"d: {d}",
        f"m: {m}",
        f"rescale: {'true' if rescale else 'false'}",
        f"points: {fmt_list(points)}",
        f"values: {fmt_list(vals)}",
        f"q: {len(queries)}",
        f"queries: {fmt_list(queries)}",
        "tie: " + " ".join("1" if t else "0" for t in tie),
        f"expected: {fmt_list(expected)}",
        f"scale: {scale!r}",
    ]
    print(f"{name:30s} ties={int(tie.sum())}", file=sys.stderr)
    return FAMILY + "/" + name + ".txt", "\n".join(lines) + "\n"


def cases():
    return [
        make_case("random_2d", 200, 2),
        make_case("clustered_2d", 200, 2, clustered=True),
        make_case("random_3d", 300, 3),
        make_case("clustered_3d", 200, 3, clustered=True),
        make_case("random_4d", 300, 4),
        make_case("anisotropic_2d_rescale", 150, 2, rescale=True, anisotropic=True),
        make_case("anisotropic_3d_rescale", 150, 3, rescale=True, anisotropic=True),
        make_case("random_2d_m4", 100, 2, m=4),
        make_case("random_3d_m2_rescale", 100, 3, m=2, rescale=True),
    ]


def generate():
    """(files, skipped) of this family: every case is written."""
    return cases(), []
