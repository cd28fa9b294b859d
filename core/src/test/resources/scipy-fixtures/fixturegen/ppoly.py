"""scipy.interpolate.PPoly: random pieces of degree 0..5, double roots, a jump through zero, a zero piece."""

import math

import numpy as np
import scipy.interpolate as si

from .common import fmt
from .oned import Case, PPolyModel, case_rng, integrals_for, mesh, oor_token, produce, queries, rname, spacing_ratio

FAMILY = "ppoly"


def generate():
    """(files, skipped) of this family."""
    return produce(cases())


def ppoly_mirror(c, x):
    """Exact (rational) mirror image of a PPoly, rounded once to float64."""
    from fractions import Fraction
    kp1, m = c.shape
    k = kp1 - 1
    xm = -x[::-1]
    cm = np.zeros_like(c)
    for i in range(m):
        h = Fraction(float(x[i + 1])) - Fraction(float(x[i]))
        coeffs = [Fraction(float(v)) for v in c[:, i]]   # power k - r for row r
        # p(s) = sum_r coeffs[r] * s^(k-r), s = x - x_i; q(u) = p(-u) around u0 = -x_{i+1}:
        # s = -(u - u0) + h; expand p(h - w) in w = u - u0
        poly = [Fraction(0)] * (k + 1)          # poly[j] = coefficient of w^j
        for r, a in enumerate(coeffs):
            p = k - r
            for j in range(p + 1):
                poly[j] += a * math.comb(p, j) * h ** (p - j) * (-1) ** j
        j_out = m - 1 - i
        for j in range(k + 1):
            cm[k - j, j_out] = float(poly[j])
    return cm, xm


def cases():
    """The cases of this family, in index order."""
    out = []
    specs = []
    for deg in range(0, 6):
        for n, ratio in ((2, 1.0), (4, 1.0), (12, 1.0), (12, 1e3), (12, 1e6)):
            specs.append(("deg%d_n%d_%s" % (deg, n, rname(ratio)), deg, n, ratio, True))
    specs.append(("deg3_n12_r1_noextrap", 3, 12, 1.0, False))
    specs.append(("deg3_n12_r1_periodic", 3, 12, 1.0, "periodic"))
    for tag, deg, n, ratio, extrap in specs:
        name = "ppoly/" + tag
        rng = case_rng(name)
        x = mesh(rng, n, ratio)
        c = rng.standard_normal((deg + 1, n - 1))
        # scale coefficients by the interval width so pieces stay O(1) on small intervals
        hbar = np.mean(np.diff(x))
        for r in range(deg + 1):
            c[r] /= hbar ** (deg - r)
        out.append(_ppoly_case(name, c, x, extrap, rng))
    # a double root at a breakpoint and inside a piece, and a jump through zero
    x = np.array([-1.0, 0.0, 1.0, 2.5, 4.0])
    c = np.array([[1.0, 1.0, -1.0, 0.5],      # (s-a)^2 type pieces
                  [-2.0, 0.0, 2.0, -1.5],
                  [1.0, 0.0, -1.0, 1.125]])
    out.append(_ppoly_case("ppoly/double_roots", c, x, True, case_rng("ppoly/double_roots")))
    x = np.array([0.0, 1.0, 2.0, 3.0])
    c = np.array([[0.0, 1.0, 0.0], [1.0, -2.0, 1.0], [-0.5, 0.5, -0.25]])
    out.append(_ppoly_case("ppoly/discontinuous", c, x, True, case_rng("ppoly/discontinuous")))
    # a piece that vanishes identically
    c = np.array([[1.0, 0.0, 1.0], [-1.0, 0.0, 0.0], [0.0, 0.0, -0.5]])
    out.append(_ppoly_case("ppoly/zero_piece", c, x, True, case_rng("ppoly/zero_piece")))
    return out


def _ppoly_case(name, c, x, extrap, rng):
    q, gen, _mids = queries(rng, x)
    cm, xm = ppoly_mirror(c, x)

    def build(c=c, x=x, e=extrap):
        return PPolyModel(si.PPoly(c, x, extrapolate=e), x[0], x[-1], maxnu=2)

    def mirror(cm=cm, xm=xm, e=extrap):
        return PPolyModel(si.PPoly(cm, xm, extrapolate=e), xm[0], xm[-1], maxnu=2)

    vals = si.PPoly(c, x)(x)
    return Case("ppoly", name, "PPoly",
                "scipy.interpolate.PPoly(c, x, extrapolate=%r)" % (extrap,),
                build, mirror, {"x": x, "coef": c},
                {"n": len(x), "k": c.shape[0] - 1, "degree": c.shape[0] - 1, "spacing_ratio": fmt(spacing_ratio(x)),
                 "max_abs_y": fmt(np.max(np.abs(vals))), "oor": oor_token(extrap)},
                q, gen, integrals_for(rng, x[0], x[-1]), solve_levels=(0.25, -0.5),
                default_oor="extrapolate")
