"""scipy.interpolate.LinearNDInterpolator and its scipy.spatial.Delaunay (the fixtures in linear_nd/, read
by LinearNDInterpolatorAgreementTest, DelaunayAgreementTest and GriddataAgreementTest): random and
clustered 2-D and 3-D point sets in general position (so that the Delaunay triangulation is unique),
queries inside and outside the convex hull, data points and edge midpoints as queries, rescale, a fill
value, several value columns.

Keys:
  case           the case name (= file name without .txt)
  n d m          number of points, dimension, number of value columns
  fill_value     scipy's fill_value
  rescale        'true' or 'false'
  points         n*d coordinates, row-major (as given, not rescaled)
  values         n*m values, row-major
  nsimplex       number of simplices of ip.tri
  simplices      nsimplex*(d+1) vertex indices of ip.tri.simplices (scipy's orientation, not normalised)
  neighbors      nsimplex*(d+1) of ip.tri.neighbors
  tri_points     n*d coordinates of ip.tri.points (the rescaled points when rescale)
  q              number of queries
  queries        q*d coordinates, row-major
  find_simplex   q results of ip.tri.find_simplex(ip._scale_x(queries)) (scipy's default eps)
  bary_min       q: the smallest barycentric coordinate of each query in that simplex (scipy's
                 transform; nan where find_simplex is -1): the Java test compares simplex indices only
                 where it exceeds 1e-9 (elsewhere the query is on a facet and either simplex is right)
  hull_margin    q: max over the hull facets of the signed distance outside (positive: outside the hull),
                 computed by scipy's ConvexHull equations on ip.tri.points; the Java test compares -1
                 only where |hull_margin| > 1e-9
  expected       q*m scipy results, row-major
  scale          max|values|: the unit of the tolerance
The Java test allows 1e-12 * scale per value.
"""

import sys

import numpy as np
from scipy.interpolate import LinearNDInterpolator
from scipy.spatial import ConvexHull

from . import common
from .common import fmt_list

FAMILY = "linear_nd"
SEED = 20261130


def test_function(p, m):
    cols = []
    for c in range(m):
        v = np.sin(1.0 + 2.0 * (c + 1) * p[:, 0])
        for k in range(1, p.shape[1]):
            v = v + np.cos(0.5 + (k + c) * p[:, k]) * p[:, k]
        cols.append(v + c)
    return np.stack(cols, axis=1)


def make_points(rng, kind, n, d):
    if kind == "random":
        return rng.random((n, d))
    if kind == "clustered":
        centres = rng.random((4, d))
        which = rng.integers(0, 4, n)
        return centres[which] + 0.03 * rng.standard_normal((n, d))
    if kind == "anisotropic":
        return rng.random((n, d)) * np.array([1000.0, 0.01, 5.0][:d]) + np.array([5e3, -2.0, 0.0][:d])
    raise ValueError(kind)


def make_case(name, kind, n, d, *, m=1, rescale=False, fill_value=float("nan"), q=80):
    rng = common.case_rng(SEED, name)
    points = make_points(rng, kind, n, d)
    vals = test_function((points - points.min(0)) / np.ptp(points, axis=0), m)
    lo, hi = points.min(0), points.max(0)
    span = hi - lo
    nq_data = 6
    nq_mid = 6
    nq_out = 10
    nq_in = q - nq_data - nq_mid - nq_out
    qin = lo + rng.random((nq_in, d)) * span
    qout = lo - 0.3 * span + rng.random((nq_out, d)) * 1.6 * span
    qdata = points[rng.choice(n, nq_data, replace=False)]
    ip = LinearNDInterpolator(points, vals, fill_value=fill_value, rescale=rescale)
    tri = ip.tri
    # midpoints of edges of random simplices (on a facet shared by two simplices, or on the hull)
    ss = tri.simplices[rng.choice(tri.nsimplex, nq_mid)]
    tp = tri.points * (ip.scale if rescale else 1.0) + (ip.offset if rescale else 0.0)
    qmid = 0.5 * (tp[ss[:, 0]] + tp[ss[:, 1]])
    queries = np.concatenate([qin, qout, qdata, qmid], axis=0)
    expected = np.asarray(ip(queries), dtype=float).reshape(len(queries), m)
    xs = ip._scale_x(queries) if rescale else queries
    fs = tri.find_simplex(xs)
    bary = np.full(len(queries), np.nan)
    for i, s in enumerate(fs):
        if s >= 0:
            T = tri.transform[s]
            c = T[:d].dot(xs[i] - T[d])
            bary[i] = min(c.min(), 1.0 - c.sum())
    hull = ConvexHull(tri.points)
    eq = hull.equations
    margin = (xs @ eq[:, :d].T + eq[:, d]).max(axis=1)
    scale = float(np.max(np.abs(vals)))
    call = (f"scipy.interpolate.LinearNDInterpolator(points, values, fill_value={fill_value!r}, "
            f"rescale={rescale})(queries); tri = ip.tri")
    lines = common.header(SEED, name, call, subject=" for LinearNDInterpolator") + [
        f"case: {name}",
        f"n: {n}",
        f"d: {d}",
        f"m: {m}",
        f"fill_value: {common.fmt(fill_value)}",
        f"rescale: {'true' if rescale else 'false'}",
        f"points: {fmt_list(points)}",
        f"values: {fmt_list(vals)}",
        f"nsimplex: {tri.nsimplex}",
        "simplices: " + " ".join(str(int(v)) for v in tri.simplices.ravel()),
        "neighbors: " + " ".join(str(int(v)) for v in tri.neighbors.ravel()),
        f"tri_points: {fmt_list(tri.points)}",
        f"q: {len(queries)}",
        f"queries: {fmt_list(queries)}",
        "find_simplex: " + " ".join(str(int(v)) for v in fs),
        f"bary_min: {fmt_list(bary)}",
        f"hull_margin: {fmt_list(margin)}",
        f"expected: {fmt_list(expected)}",
        f"scale: {scale!r}",
    ]
    print(f"{name:30s} nsimplex={tri.nsimplex} outside={int((fs < 0).sum())}", file=sys.stderr)
    return FAMILY + "/" + name + ".txt", "\n".join(lines) + "\n"


def cases():
    out = []
    out.append(make_case("random_2d", "random", 60, 2))
    out.append(make_case("random_2d_n400", "random", 400, 2, q=150))
    out.append(make_case("clustered_2d", "clustered", 120, 2))
    out.append(make_case("random_3d", "random", 50, 3))
    out.append(make_case("random_3d_n300", "random", 300, 3, q=150))
    out.append(make_case("clustered_3d", "clustered", 120, 3))
    out.append(make_case("random_2d_fill", "random", 50, 2, fill_value=-7.5))
    out.append(make_case("anisotropic_2d_rescale", "anisotropic", 80, 2, rescale=True))
    out.append(make_case("anisotropic_3d_rescale", "anisotropic", 80, 3, rescale=True, fill_value=0.0))
    out.append(make_case("random_2d_m3", "random", 70, 2, m=3))
    out.append(make_case("random_3d_m2_rescale", "random", 60, 3, m=2, rescale=True))
    return out


def generate():
    """(files, skipped) of this family: every case is written."""
    return cases(), []
