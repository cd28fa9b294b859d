"""scipy.interpolate.RBFInterpolator (the fixtures in rbf/, read by RBFInterpolatorAgreementTest): every
kernel, with and without smoothing (scalar and per point), degrees -1 to 3, neighbors, 1-D to 4-D points,
several value columns, ill-conditioned systems. The header also says how the self-disagreement was
measured.

Keys:
  case                 the case name (= file name without .txt)
  kernel               scipy kernel name
  epsilon              the epsilon passed to scipy, or 'none' (scipy's default)
  degree               the degree passed to scipy, or 'none'
  neighbors            the neighbors passed to scipy, or 'none'
  smoothing            scalar smoothing passed to scipy (absent when smoothing_per_point is given)
  smoothing_per_point  n smoothing values passed as an array
  n d m                number of points, dimension, number of value columns
  values_1d            'true' if d was passed as a 1-D array (the Java test then uses the
                       one-column API), 'false' for an (n, m) array
  points               n*d coordinates, row-major
  values               n*m values, row-major
  q                    number of queries
  queries              q*d coordinates, row-major (random points in and around the data box, plus
                       some data points themselves)
  expected             q*m scipy results, row-major
  scale                max(max|values|, max|expected|): the unit of the tolerances
  selfdiff_rel         max over PERMUTATIONS random reorderings of the data points (and their
                       values and smoothing) of max|scipy_permuted(q) - scipy(q)| / scale: scipy's
                       disagreement with itself on the same problem
  cond                 2-norm condition number of scipy's LHS matrix (global fits; 'nan' for
                       neighbors), for information and the well-conditioned rule
  warns                'true' if scipy emitted a UserWarning (degree below the kernel's minimum)
The Java test (RBFInterpolatorAgreementTest) allows tol * scale per value, tol = max(REL_TOL = 1e-10,
SELFDIFF_FACTOR = 10 * selfdiff_rel) where cond <= WELL_CONDITIONED_COND = 1e6 (and for neighbors),
else max(MIN_REL_TOL = 1e-14, 10 * selfdiff_rel).
"""


import sys
import warnings
import zlib

import numpy as np
from scipy.interpolate import RBFInterpolator
from scipy.interpolate import _rbfinterp_np as backend

from . import common
from .common import fmt_list

FAMILY = "rbf"
SEED = 20250601
PERMUTATIONS = 3
SCALE_INVARIANT = {"linear", "thin_plate_spline", "cubic", "quintic"}
MIN_DEGREE = {"multiquadric": 0, "linear": 0, "thin_plate_spline": 1, "cubic": 1, "quintic": 2}


def test_function(p, m):
    """Smooth test data with m columns (values (n, m))."""
    cols = []
    for c in range(m):
        v = np.sin(2.0 + 3.0 * (c + 1) * p[:, 0])
        for k in range(1, p.shape[1]):
            v = v * np.cos(1.0 + (k + c) * p[:, k]) + 0.3 * p[:, k] ** 2
        cols.append(v + 0.5 * c)
    return np.stack(cols, axis=1)


def build_kwargs(kernel, epsilon, degree, neighbors, smoothing):
    kw = {"kernel": kernel}
    if epsilon is not None:
        kw["epsilon"] = epsilon
    if degree is not None:
        kw["degree"] = degree
    if neighbors is not None:
        kw["neighbors"] = neighbors
    kw["smoothing"] = smoothing
    return kw


def call_text(kw):
    parts = ["y=points", "d=values"]
    for k in ("neighbors", "smoothing", "kernel", "epsilon", "degree"):
        if k in kw:
            v = kw[k]
            if isinstance(v, np.ndarray):
                parts.append(f"{k}=smoothing_per_point")
            elif isinstance(v, str):
                parts.append(f"{k}='{v}'")
            else:
                parts.append(f"{k}={v!r}")
    return "scipy.interpolate.RBFInterpolator(" + ", ".join(parts) + ")(queries)"


def lhs_condition(points, values, smoothing, kernel, epsilon, degree):
    eps = 1.0 if epsilon is None else float(epsilon)
    mind = MIN_DEGREE.get(kernel, -1)
    deg = max(mind, 0) if degree is None else degree
    powers = backend._monomial_powers(points.shape[1], deg, np)
    sm = np.full(points.shape[0], smoothing) if np.isscalar(smoothing) else smoothing
    lhs, _, _, _ = backend._build_system(points, values.reshape(points.shape[0], -1), sm, kernel, eps, powers, np)
    return float(np.linalg.cond(lhs))


def make_case(name, kernel, n, d, *, m=1, values_1d=True, epsilon=None, degree=None, neighbors=None,
              smoothing=0.0, per_point_smoothing=False, q=40, box=1.0, anisotropic=None):
    rng = common.case_rng(SEED, name)
    points = rng.random((n, d)) * box
    if anisotropic is not None:
        points = points * np.asarray(anisotropic)[None, :]
    vals = test_function(points / box, m)
    if values_1d:
        assert m == 1
        vals_arg = vals[:, 0].copy()
    else:
        vals_arg = vals.copy()
    if per_point_smoothing:
        smooth_arg = rng.random(n) * smoothing
    else:
        smooth_arg = smoothing
    lo = points.min(axis=0)
    hi = points.max(axis=0)
    span = hi - lo
    nq_data = min(5, n)
    nq_out = 5
    nq_in = q - nq_data - nq_out
    qin = lo + rng.random((nq_in, d)) * span
    qout = lo - 0.2 * span + rng.random((nq_out, d)) * 1.4 * span
    qdata = points[rng.choice(n, nq_data, replace=False)]
    queries = np.concatenate([qin, qout, qdata], axis=0)

    kw = build_kwargs(kernel, epsilon, degree, neighbors, smooth_arg)
    with warnings.catch_warnings(record=True) as wlist:
        warnings.simplefilter("always")
        interp = RBFInterpolator(points, vals_arg, **kw)
    warns = any(issubclass(w.category, UserWarning) for w in wlist)
    expected = np.asarray(interp(queries), dtype=float).reshape(len(queries), m)

    selfdiff = 0.0
    scale = max(float(np.max(np.abs(vals))), float(np.max(np.abs(expected))))
    prng = np.random.default_rng([SEED, zlib.crc32(name.encode()), 1])
    for _ in range(PERMUTATIONS):
        perm = prng.permutation(n)
        kwp = dict(kw)
        if per_point_smoothing:
            kwp["smoothing"] = smooth_arg[perm]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ip = RBFInterpolator(points[perm], vals_arg[perm], **kwp)
        ep = np.asarray(ip(queries), dtype=float).reshape(len(queries), m)
        selfdiff = max(selfdiff, float(np.max(np.abs(ep - expected))) / scale)

    if neighbors is None:
        cond = lhs_condition(points, vals, smooth_arg, kernel, epsilon, degree)
    else:
        cond = float("nan")

    lines = common.header(SEED, name, call_text(kw), subject=" for RBFInterpolator", notes=(
        f"selfdiff: the same call on the points, values{' and smoothing' if per_point_smoothing else ''} "
        f"reordered by {PERMUTATIONS} random permutations "
        f"(numpy.random.default_rng([{SEED}, zlib.crc32(b'{name}'), 1]).permutation(n)), max abs difference "
        f"at the same queries divided by scale",)) + [
        f"case: {name}",
        f"kernel: {kernel}",
        f"epsilon: {'none' if epsilon is None else repr(float(epsilon))}",
        f"degree: {'none' if degree is None else degree}",
        f"neighbors: {'none' if neighbors is None else neighbors}",
    ]
    if per_point_smoothing:
        lines.append(f"smoothing_per_point: {fmt_list(smooth_arg)}")
    else:
        lines.append(f"smoothing: {float(smoothing)!r}")
    lines += [
        f"n: {n}",
        f"d: {d}",
        f"m: {m}",
        f"values_1d: {'true' if values_1d else 'false'}",
        f"points: {fmt_list(points)}",
        f"values: {fmt_list(vals)}",
        f"q: {len(queries)}",
        f"queries: {fmt_list(queries)}",
        f"expected: {fmt_list(expected)}",
        f"scale: {scale!r}",
        f"selfdiff_rel: {selfdiff!r}",
        f"cond: {cond!r}",
        f"warns: {'true' if warns else 'false'}",
    ]
    print(f"{name:45s} cond={cond:10.3e} selfdiff_rel={selfdiff:9.2e} warns={warns}", file=sys.stderr)
    return FAMILY + "/" + name + ".txt", "\n".join(lines) + "\n"


KERNELS = ["linear", "thin_plate_spline", "cubic", "quintic", "multiquadric", "inverse_multiquadric",
           "inverse_quadratic", "gaussian"]


def cases():
    """(path, text) of every case, in index order."""
    out = []
    # Every kernel, 2-D, default degree, no smoothing / scalar smoothing / per-point smoothing.
    for k in KERNELS:
        eps = None if k in SCALE_INVARIANT else 3.0
        out.append(make_case(f"{k}_2d", k, 60, 2, epsilon=eps))
        out.append(make_case(f"{k}_2d_smooth", k, 60, 2, epsilon=eps, smoothing=0.01))
        out.append(make_case(f"{k}_2d_smooth_per_point", k, 50, 2, epsilon=eps, smoothing=0.05,
                             per_point_smoothing=True))
    # Scale-invariant kernels with an explicit epsilon.
    out.append(make_case("thin_plate_spline_2d_eps", "thin_plate_spline", 50, 2, epsilon=2.5))
    out.append(make_case("cubic_2d_eps_smooth", "cubic", 50, 2, epsilon=0.7, smoothing=0.1))
    # Degrees -1 .. 2 (below the minimum scipy warns and the Java side solves by LU).
    for deg in (-1, 0, 1, 2):
        out.append(make_case(f"thin_plate_spline_2d_degree{deg}", "thin_plate_spline", 50, 2, degree=deg))
        out.append(make_case(f"gaussian_2d_degree{deg}", "gaussian", 50, 2, epsilon=4.0, degree=deg))
    for deg in (-1, 0, 1, 2):
        out.append(make_case(f"cubic_3d_degree{deg}", "cubic", 60, 3, degree=deg))
    out.append(make_case("quintic_2d_degree3", "quintic", 60, 2, degree=3))
    out.append(make_case("multiquadric_2d_degree-1", "multiquadric", 50, 2, epsilon=2.0, degree=-1))
    out.append(make_case("linear_2d_degree1_smooth", "linear", 50, 2, degree=1, smoothing=0.2))
    # Dimensions 1 .. 4.
    out.append(make_case("thin_plate_spline_1d", "thin_plate_spline", 30, 1))
    out.append(make_case("cubic_1d_smooth", "cubic", 30, 1, smoothing=0.01))
    out.append(make_case("gaussian_1d", "gaussian", 25, 1, epsilon=5.0))
    out.append(make_case("thin_plate_spline_3d", "thin_plate_spline", 80, 3))
    out.append(make_case("multiquadric_3d", "multiquadric", 80, 3, epsilon=1.5))
    out.append(make_case("inverse_quadratic_3d_smooth", "inverse_quadratic", 80, 3, epsilon=2.0, smoothing=0.001))
    out.append(make_case("thin_plate_spline_4d", "thin_plate_spline", 100, 4))
    out.append(make_case("quintic_4d", "quintic", 100, 4))
    out.append(make_case("gaussian_4d_degree1", "gaussian", 100, 4, epsilon=1.5, degree=1))
    # Anisotropic data (the polynomial scaling per dimension matters).
    out.append(make_case("thin_plate_spline_2d_anisotropic", "thin_plate_spline", 60, 2, anisotropic=[1000.0, 0.01]))
    out.append(make_case("cubic_3d_offset", "cubic", 60, 3, box=10.0))
    # Several value columns (fused and dgemm paths on the Java side).
    out.append(make_case("thin_plate_spline_2d_m3", "thin_plate_spline", 60, 2, m=3, values_1d=False))
    out.append(make_case("gaussian_3d_m5", "gaussian", 70, 3, m=5, values_1d=False, epsilon=2.0))
    out.append(make_case("quintic_2d_m6_smooth", "quintic", 60, 2, m=6, values_1d=False, smoothing=0.01))
    out.append(make_case("linear_2d_m1_2d_values", "linear", 40, 2, m=1, values_1d=False))
    # Larger systems (parallel kernel-matrix fill, several blocks of the evaluation loop).
    out.append(make_case("thin_plate_spline_2d_n700", "thin_plate_spline", 700, 2, q=200))
    out.append(make_case("inverse_multiquadric_3d_n600", "inverse_multiquadric", 600, 3, epsilon=3.0, q=100))
    # Ill-conditioned: flat Gaussians (Cholesky may fail; scipy's self-disagreement is large).
    out.append(make_case("gaussian_2d_flat", "gaussian", 40, 2, epsilon=0.8))
    out.append(make_case("inverse_multiquadric_2d_flat", "inverse_multiquadric", 40, 2, epsilon=0.3))
    # Neighbors.
    out.append(make_case("thin_plate_spline_2d_neighbors10", "thin_plate_spline", 200, 2, neighbors=10, q=60))
    out.append(make_case("gaussian_3d_neighbors15_smooth", "gaussian", 150, 3, neighbors=15, epsilon=2.0,
                         smoothing=0.01, q=50))
    out.append(make_case("cubic_2d_neighbors8_m3", "cubic", 120, 2, neighbors=8, m=3, values_1d=False, q=50))
    out.append(make_case("gaussian_2d_neighbors1", "gaussian", 50, 2, neighbors=1, epsilon=2.0, q=30))
    out.append(make_case("thin_plate_spline_2d_neighbors_all", "thin_plate_spline", 40, 2, neighbors=100, q=30))
    out.append(make_case("quintic_1d_neighbors6_per_point", "quintic", 60, 1, neighbors=6, smoothing=0.01,
                         per_point_smoothing=True, q=40))
    # A single point (scale 1 in every dimension).
    out.append(make_case("gaussian_2d_single_point", "gaussian", 1, 2, epsilon=1.0, q=6))
    return out


def generate():
    """(files, skipped) of this family: every case is written."""
    return cases(), []
