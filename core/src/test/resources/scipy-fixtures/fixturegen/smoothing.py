"""scipy.interpolate.make_smoothing_spline (the fixtures in smoothing/, read by SmoothingSplineAgreementTest and
SmoothingSplinePropertyTest): the penalised cubic smoothing spline with lam given and with lam chosen by GCV,
weights, several value columns, and closely spaced abscissae where scipy raises.

Every case also carries a high-precision reference computed here with mpmath (60 digits): the same problem
(minimise sum w_i (y_i - f(x_i))^2 + lam int f''^2 over natural cubic splines with knots x) solved in Reinsch's
form (the pentadiagonal system for the second derivatives, L D L^T in 60-digit arithmetic), the B-spline
coefficients on scipy's knots [x0]*3 + x + [x_{n-1}]*3 as blossoms of the piecewise cubic, and the GCV score
(scipy's formula, _gcv in scipy/interpolate/_bsplines.py) with the trace of the influence matrix from the band
of the inverse. The generator checks that scipy's coefficients agree with the reference to 1e-6 relative
(a wrong formulation would differ at O(1)).

Keys:
  case        the case name (= file name without .txt)
  kind        'lam' (lam given), 'gcv' (lam chosen by scipy) or 'fails' (scipy raises; no scipy results)
  n m         number of points and of value columns
  x           n abscissae
  y           n*m ordinates, row-major
  w           n weights (absent: unit weights)
  scale       max|y|: the unit of the coefficient tolerances
  lam         kind 'lam': the given lam; kind 'gcv': scipy's chosen lam (one per column)
  scipy_gcv   kind 'gcv': scipy's GCV score at its lam (the minimiser's reported value; one per column)
  scipy_c     (n+2)*m coefficients of scipy's spline, row-major (kinds 'lam' and 'gcv', at lam)
  ref_c       (n+2)*m coefficients of the 60-digit reference at lam, rounded to double
  ref_gcv     the reference GCV score at lam (one per column)
  scipy_err   max|scipy_c - ref_c| / scale
  error       kind 'fails': the last line of scipy's exception
  truth       kind 'fails': the noise-free function at x (n values), noise: its noise standard deviation
"""

import sys

import mpmath as mp
import numpy as np
from scipy.interpolate import make_smoothing_spline
import scipy.interpolate._bsplines as _bspl

from . import common
from .common import fmt, fmt_list

FAMILY = "smoothing"
SEED = 20261130
DPS = 60


# ------------------------------------------------------------------------------------------------
# the 60-digit reference

def _reference(x, y, w, lam):
    """(coefficients (n+2) x m, gcv per column) of the smoothing spline in mpmath."""
    mp.mp.dps = DPS
    n, m = y.shape
    X = [mp.mpf(float(v)) for v in x]
    W = [mp.mpf(1)] * n if w is None else [mp.mpf(float(v)) for v in w]
    L = mp.mpf(float(lam))
    h = [X[i + 1] - X[i] for i in range(n - 1)]
    ih = [1 / v for v in h]
    k = n - 2
    iw = [1 / v for v in W]
    # M = R + lam Q^T W^-1 Q, pentadiagonal: bands m0, m1, m2; P = Q^T W^-1 Q bands p0, p1, p2
    p0, p1, p2, r0, r1 = [], [], [], [], []
    for j in range(k):
        qa, qb, qc = ih[j], -(ih[j] + ih[j + 1]), ih[j + 1]
        p0.append(qa * qa * iw[j] + qb * qb * iw[j + 1] + qc * qc * iw[j + 2])
        p1.append(qb * ih[j + 1] * iw[j + 1] + qc * (-(ih[j + 1] + ih[j + 2])) * iw[j + 2] if j + 1 < k else 0)
        p2.append(qc * ih[j + 2] * iw[j + 2] if j + 2 < k else 0)
        r0.append((h[j] + h[j + 1]) / 3)
        r1.append(h[j + 1] / 6 if j + 1 < k else 0)
    d, a, b = [0] * k, [0] * k, [0] * k
    for j in range(k):
        m2 = L * p2[j - 2] if j >= 2 else 0
        m1 = r1[j - 1] + L * p1[j - 1] if j >= 1 else 0
        bj = m2 / d[j - 2] if j >= 2 else 0
        t = m1 - m2 * (a[j - 1] if j >= 1 else 0)
        aj = t / d[j - 1] if j >= 1 else 0
        d[j] = (r0[j] + L * p0[j]) - aj * t - bj * m2
        a[j], b[j] = aj, bj
    # tr(Sigma P) from the band of Sigma = M^-1 (Hutchinson and de Hoog)
    s11 = s12 = s22 = mp.mpf(0)
    trP = mp.mpf(0)
    for i in range(k - 1, -1, -1):
        aa = a[i + 1] if i + 1 < k else 0
        bb = b[i + 2] if i + 2 < k else 0
        e1 = -aa * s11 - bb * s12
        e2 = -aa * s12 - bb * s22
        e0 = 1 / d[i] - aa * e1 - bb * e2
        trP += e0 * p0[i] + 2 * e1 * p1[i] + 2 * e2 * p2[i]
        s22, s12, s11 = s11, e1, e0
    coef = np.empty((n + 2, m))
    gcv = []
    for c in range(m):
        Y = [mp.mpf(float(v)) for v in y[:, c]]
        slopes = [(Y[i + 1] - Y[i]) * ih[i] for i in range(n - 1)]
        z = [slopes[j + 1] - slopes[j] for j in range(k)]
        for j in range(k):
            z[j] = z[j] - (a[j] * z[j - 1] if j >= 1 else 0) - (b[j] * z[j - 2] if j >= 2 else 0)
        g = [0] * k
        for j in range(k - 1, -1, -1):
            g[j] = z[j] / d[j] - (a[j + 1] * g[j + 1] if j + 1 < k else 0) - (b[j + 2] * g[j + 2] if j + 2 < k else 0)
        gam = [mp.mpf(0)] + g + [mp.mpf(0)]
        gs = [(gam[i + 1] - gam[i]) * ih[i] for i in range(n - 1)]
        v = [(gs[i] if i < n - 1 else 0) - (gs[i - 1] if i >= 1 else 0) for i in range(n)]
        f = [Y[i] - L * v[i] * iw[i] for i in range(n)]
        rss = sum((L * v[i] * iw[i]) ** 2 for i in range(n))
        trIS = L * trP
        gcv.append((rss / n) / (trIS / n) ** 2 if trIS != 0 else mp.mpf("nan"))
        fp = [(f[i + 1] - f[i]) * ih[i] - h[i] * (2 * gam[i] + gam[i + 1]) / 6 for i in range(n - 1)]
        fp.append((f[n - 1] - f[n - 2]) * ih[n - 2] + h[n - 2] * (gam[n - 2] + 2 * gam[n - 1]) / 6)
        cc = [f[0], f[0] + h[0] / 3 * fp[0]]
        for i in range(1, n - 1):
            cc.append(f[i] + (h[i] - h[i - 1]) / 3 * fp[i] - h[i - 1] * h[i] / 6 * gam[i])
        cc += [f[n - 1] - h[n - 2] / 3 * fp[n - 1], f[n - 1]]
        coef[:, c] = [float(v) for v in cc]
    return coef, [float(g) for g in gcv]


# ------------------------------------------------------------------------------------------------
# scipy, with the GCV minimiser's result captured

def _scipy_fit(x, y, w, lam):
    """(BSpline, [lam per column], [gcv per column]) from make_smoothing_spline; the minimiser's results
    are read by wrapping the minimize_scalar that _compute_optimal_gcv_parameter calls."""
    found = []
    orig = _bspl.minimize_scalar

    def capture(fun, *args, **kwargs):
        r = orig(fun, *args, **kwargs)
        found.append((float(r.x), float(r.fun)))
        return r

    _bspl.minimize_scalar = capture
    try:
        spl = make_smoothing_spline(x, y if y.shape[1] > 1 else y[:, 0], w=w, lam=lam)
    finally:
        _bspl.minimize_scalar = orig
    return spl, [f[0] for f in found], [f[1] for f in found]


def _data(rng, n, span, m, noise, weights, spacing):
    if spacing == "even":
        x = np.linspace(0.0, span, n)
    else:
        x = np.sort(rng.uniform(0.0, span, n))
    truth = np.column_stack([np.sin(x / 5.0 * 100.0 / span + c) for c in range(m)])
    y = truth + rng.normal(0.0, noise, (n, m))
    w = rng.uniform(0.5, 2.0, n) if weights else None
    return x, y, w, truth


def make_case(name, kind, n, *, span=100.0, m=1, noise=0.1, weights=False, lam=None, spacing="random"):
    rng = common.case_rng(SEED, name)
    x, y, w, truth = _data(rng, n, span, m, noise, weights, spacing)
    call = "scipy.interpolate.make_smoothing_spline(x, y%s%s)" % (
        ", w=w" if weights else "", ", lam=%r" % lam if kind == "lam" else "")
    lines = [
        f"case: {name}",
        f"kind: {kind}",
        f"n: {n}",
        f"m: {m}",
        f"x: {fmt_list(x)}",
        f"y: {fmt_list(y)}",
    ]
    if w is not None:
        lines.append(f"w: {fmt_list(w)}")
    scale = float(np.max(np.abs(y)))
    lines.append(f"scale: {fmt(scale)}")
    notes = []
    if kind == "fails":
        status, result = common.run_isolated(lambda a: _scipy_fit(*a)[0].c.tolist(), (x, y, w, None))
        if status != "fail" or "ill-posed" not in result:
            raise RuntimeError(f"{name}: scipy was expected to raise 'ill-posed', got {status}")
        lines.append("error: " + result.strip().split("\n")[-1])
        lines.append(f"truth: {fmt_list(truth)}")
        lines.append(f"noise: {fmt(noise)}")
        notes.append("scipy raises for this case; the Java test checks properties (GCV minimum, noise level, limits)")
    else:
        spl, lams, gcvs = _scipy_fit(x, y, w, lam)
        lam_used = [float(lam)] * m if kind == "lam" else lams
        scipy_c = np.asarray(spl.c, dtype=float).reshape(n + 2, m)
        ref_c = np.empty((n + 2, m))
        ref_gcv = []
        for c in range(m):
            rc, rg = _reference(x, y[:, c:c + 1], w, lam_used[c])
            ref_c[:, c] = rc[:, 0]
            ref_gcv += rg
        err = float(np.max(np.abs(scipy_c - ref_c))) / scale
        if not err < 1e-6:
            raise RuntimeError(f"{name}: scipy and the mpmath reference differ by {err:g} relative")
        lines.append(f"lam: {fmt_list(lam_used)}")
        if kind == "gcv":
            lines.append(f"scipy_gcv: {fmt_list(gcvs)}")
        lines += [
            f"scipy_c: {fmt_list(scipy_c)}",
            f"ref_c: {fmt_list(ref_c)}",
            f"ref_gcv: {fmt_list(ref_gcv)}",
            f"scipy_err: {fmt(err)}",
        ]
        notes.append(f"reference: mpmath {DPS} digits, Reinsch form (see fixturegen/smoothing.py); "
                     f"scipy's coefficients differ from it by {err:.3g} relative to max|y|")
        print(f"{name:34s} lam={lam_used[0]:.6g} scipy_err={err:.3g}", file=sys.stderr)
    header = common.header(SEED, name, call, subject=" for BSpline.makeSmoothingSpline", notes=notes)
    return FAMILY + "/" + name + ".txt", "\n".join(header + lines) + "\n"


def cases():
    return [
        # lam given: the sizes (n = 150 and 400 at lam = 1), weights, columns, extremes
        make_case("lam1_n150", "lam", 150, lam=1.0),
        make_case("lam1_n400", "lam", 400, lam=1.0),
        make_case("lam0p01_n400_weights", "lam", 400, lam=0.01, weights=True),
        make_case("lam100_n200_even", "lam", 200, lam=100.0, spacing="even"),
        make_case("lam1e4_n60_m3", "lam", 60, lam=1e4, m=3),
        make_case("lam0_n30", "lam", 30, lam=0.0),
        make_case("lam1e-3_n5", "lam", 5, lam=1e-3, span=3.0),
        make_case("lam1e6_n40_weights", "lam", 40, lam=1e6, weights=True),
        # lam by GCV where scipy succeeds
        make_case("gcv_n30", "gcv", 30),
        make_case("gcv_n100_noise0.5", "gcv", 100, noise=0.5),
        make_case("gcv_n200_weights", "gcv", 200, weights=True),
        make_case("gcv_n300_noise0.01", "gcv", 300, noise=0.01),
        make_case("gcv_n500_even", "gcv", 500, spacing="even"),
        make_case("gcv_n1000_weights", "gcv", 1000, weights=True),
        make_case("gcv_n150_m2", "gcv", 150, m=2),
        # closely spaced abscissae: scipy raises "Seems like the problem is ill-posed"
        make_case("fails_n2000_span1e-3", "fails", 2000, span=1e-3),
        make_case("fails_n5000_span1e-2", "fails", 5000, span=1e-2),
    ]


def generate():
    """(files, skipped) of this family: every case is written."""
    return cases(), []
