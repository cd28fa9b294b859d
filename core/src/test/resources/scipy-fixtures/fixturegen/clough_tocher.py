"""scipy.interpolate.CloughTocher2DInterpolator (the fixtures in clough_tocher/, read by
CloughTocher2DAgreementTest): random and clustered 2-D sets in general position (so that the Delaunay
triangulation is unique), queries inside and outside the convex hull (fill value), rescale, several value
columns, scipy's default tol = 1e-6 and other tol / maxiter (including a run stopped by maxiter).

Keys:
  case                 the case name (= file name without .txt)
  n m                  number of points, number of value columns
  rescale              'true' or 'false' (scipy's rescale)
  tol maxiter          scipy's tol and maxiter
  fill_value           scipy's fill_value
  converged            'true' if scipy's gradient estimation met tol, 'false' if it stopped at maxiter
  points               n*2 coordinates, row-major, as passed to scipy
  values               n*m values, row-major
  tri_points           n*2: the points scipy triangulated (the rescaled ones when rescale is true:
                       (points - mean) / ptp)
  nsimplex             number of triangles
  simplices            nsimplex*3 vertex indices (scipy's tri.simplices, Qhull's order)
  neighbors            nsimplex*3 (scipy's tri.neighbors; -1 on the hull)
  vnv_indptr           n+1 (scipy's tri.vertex_neighbor_vertices[0])
  vnv_indices          (scipy's tri.vertex_neighbor_vertices[1]; the order of each point's neighbours)
  grad                 n*m*2 gradients scipy estimated (interp.grad, layout (n, m, 2))
  grad_converged_diff  max |grad - grad with tol = 1e-14, maxiter = 100000| / max(1, max|grad|): how far
                       scipy's stopping point is from the converged gradients (why the sweep is replayed)
  q                    number of queries
  queries              q*2 coordinates, row-major, as passed to scipy (in the data's units)
  simplex              q: scipy's tri.find_simplex at the (rescaled) queries; -1 outside the hull
  expected             q*m scipy results, row-major (fill_value outside the hull)
  scale                max(max|values|, max|finite expected|): the unit of the tolerance
The Java test allows 1e-10 * scale per value (issue 8), for queries that are not within 1e-9 (relative to
the data's extent) of the hull, where scipy's location tolerance may decide differently.
"""

import warnings

import numpy as np
from scipy.interpolate import CloughTocher2DInterpolator
from scipy.interpolate._interpnd import GradientEstimationWarning, estimate_gradients_2d_global

from . import common
from .common import fmt, fmt_list

FAMILY = "clough_tocher"
SEED = 20261130


def test_function(p, m):
    """Smooth data with m columns on points p (n, 2) in roughly the unit square."""
    x, y = p[:, 0], p[:, 1]
    cols = []
    for c in range(m):
        cols.append(np.sin(2.0 + 3.0 * (c + 1) * x) * np.cos(1.0 + (c + 2) * y) + 0.3 * y ** 2 + 0.5 * c)
    return np.stack(cols, axis=1)


def random_points(rng, n):
    return rng.random((n, 2))


def clustered_points(rng, n):
    centres = rng.random((4, 2))
    which = rng.integers(0, 4, n)
    p = centres[which] + 0.05 * rng.standard_normal((n, 2))
    return p


# name, point maker, n, m, rescale, tol, maxiter, fill_value, (sx, sy) scaling of the points
CASES = [
    ("random_60", random_points, 60, 1, False, 1e-6, 400, float("nan"), (1.0, 1.0)),
    ("random_300_m3", random_points, 300, 3, False, 1e-6, 400, float("nan"), (1.0, 1.0)),
    ("clustered_200", clustered_points, 200, 1, False, 1e-6, 400, -7.5, (1.0, 1.0)),
    ("clustered_150_m2", clustered_points, 150, 2, False, 1e-6, 400, float("nan"), (1.0, 1.0)),
    ("random_120_rescale", random_points, 120, 1, True, 1e-6, 400, float("nan"), (1000.0, 0.01)),
    ("random_120_rescale_m2", random_points, 120, 2, True, 1e-6, 400, 3.25, (0.001, 50.0)),
    ("random_100_tol1e-10", random_points, 100, 1, False, 1e-10, 400, float("nan"), (1.0, 1.0)),
    ("random_100_tol1e-3", random_points, 100, 2, False, 1e-3, 400, float("nan"), (1.0, 1.0)),
    ("random_100_maxiter3", random_points, 100, 1, False, 1e-6, 3, float("nan"), (1.0, 1.0)),
    ("random_2000", random_points, 2000, 1, False, 1e-6, 400, float("nan"), (1.0, 1.0)),
]


def _queries(rng, p, k_in, k_out):
    lo, hi = p.min(axis=0), p.max(axis=0)
    ext = hi - lo
    inside = lo + rng.random((k_in, 2)) * ext
    around = lo - 0.3 * ext + rng.random((k_out, 2)) * 1.6 * ext
    data = p[rng.choice(len(p), 5, replace=False)]
    return np.vstack([inside, around, data])


def generate_case(spec):
    name, maker, n, m, rescale, tol, maxiter, fill_value, (sx, sy) = spec
    rng = common.case_rng(SEED, name)
    unit = maker(rng, n)
    values = test_function(unit, m)
    points = unit * np.array([sx, sy])
    xi = _queries(rng, points, 150, 80)
    vals_arg = values[:, 0] if m == 1 else values
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ip = CloughTocher2DInterpolator(points, vals_arg, fill_value=fill_value, tol=tol, maxiter=maxiter,
                                        rescale=rescale)
    converged = not any(issubclass(w.category, GradientEstimationWarning) for w in caught)
    expected = np.asarray(ip(xi)).reshape(len(xi), m)
    tri = ip.tri
    grad = np.asarray(ip.grad).reshape(n, m, 2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        conv = np.asarray(estimate_gradients_2d_global(tri, ip.values, maxiter=100000, tol=1e-14)).reshape(n, m, 2)
    conv_diff = np.max(np.abs(grad - conv)) / max(1.0, np.max(np.abs(grad)))
    simplex = tri.find_simplex(ip._scale_x(xi))
    indptr, indices = tri.vertex_neighbor_vertices
    finite = expected[np.isfinite(expected)]
    scale = max(np.max(np.abs(values)), np.max(np.abs(finite)) if finite.size else 0.0)
    call = ("scipy.interpolate.CloughTocher2DInterpolator(points, values%s, fill_value=%s, tol=%r, maxiter=%d, "
            "rescale=%s)(queries)" % ("" if m == 1 else " (n, m)", fmt(fill_value), tol, maxiter, rescale))
    lines = common.header(SEED, name, call, " for CloughTocher2DInterpolator",
                          ["values are test_function(unit points) of fixturegen/clough_tocher.py; points = unit "
                           "points * (%r, %r)" % (sx, sy)])
    lines += [
        "case: " + name,
        "n: %d" % n,
        "m: %d" % m,
        "rescale: " + ("true" if rescale else "false"),
        "tol: " + fmt(tol),
        "maxiter: %d" % maxiter,
        "fill_value: " + fmt(fill_value),
        "converged: " + ("true" if converged else "false"),
        "points: " + fmt_list(points),
        "values: " + fmt_list(values),
        "tri_points: " + fmt_list(tri.points),
        "nsimplex: %d" % tri.nsimplex,
        "simplices: " + " ".join(str(int(v)) for v in tri.simplices.ravel()),
        "neighbors: " + " ".join(str(int(v)) for v in tri.neighbors.ravel()),
        "vnv_indptr: " + " ".join(str(int(v)) for v in indptr),
        "vnv_indices: " + " ".join(str(int(v)) for v in indices),
        "grad: " + fmt_list(grad),
        "grad_converged_diff: " + fmt(conv_diff),
        "q: %d" % len(xi),
        "queries: " + fmt_list(xi),
        "simplex: " + " ".join(str(int(v)) for v in simplex),
        "expected: " + fmt_list(expected),
        "scale: " + fmt(scale),
    ]
    return "\n".join(lines) + "\n"


def generate():
    files, skipped = [], []
    for spec in CASES:
        status, result = common.run_isolated(generate_case, spec)
        if status == "ok":
            files.append((FAMILY + "/" + spec[0] + ".txt", result))
        else:
            skipped.append("%s/%s: %s" % (FAMILY, spec[0], result.strip().splitlines()[-1]))
    return files, skipped
