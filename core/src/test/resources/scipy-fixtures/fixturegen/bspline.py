"""scipy.interpolate.BSpline from knots and coefficients, k = 0..5, clamped and open knots, extrapolate,
NaN outside and periodic."""

import numpy as np
import scipy.interpolate as si

from .common import fmt
from .oned import BSplineModel, Case, case_rng, integrals_for, mesh, oor_token, produce, queries, rname, spacing_ratio

FAMILY = "bspline"


def generate():
    """(files, skipped) of this family."""
    return produce(cases())


def cases():
    """The cases of this family, in index order."""
    out = []
    for k in range(0, 6):
        for nc, ratio, extrap, clamped in ((k + 1, 1.0, True, True), (12, 1.0, True, True), (12, 1.0, True, False),
                                          (30, 1e3, True, True), (30, 1e6, True, True),
                                          (12, 1.0, False, True), (12, 1.0, "periodic", False),
                                          (30, 1e3, "periodic", False)):
            name = "bspline/k%d_nc%d_%s_%s_%s" % (k, nc, rname(ratio), oor_token(extrap),
                                                  "clamped" if clamped else "open")
            rng = case_rng(name)
            if clamped:
                inner = mesh(rng, nc - k + 1, ratio, x0=-1.0, span=6.0)
                t = np.concatenate(([inner[0]] * k, inner, [inner[-1]] * k))
            else:
                t = mesh(rng, nc + k + 1, ratio, x0=-1.0, span=6.0)
                if k >= 2 and nc > 8:
                    t[k + 3] = t[k + 4]   # a double knot inside the base interval
            cc = rng.standard_normal(nc)
            lo, hi = t[k], t[nc]
            q, gen, _mids = queries(rng, t[k:nc + 1])

            def build(t=t, cc=cc, k=k, e=extrap):
                return BSplineModel(si.BSpline(t, cc, k, extrapolate=e))

            def mirror(t=t, cc=cc, k=k, e=extrap):
                return BSplineModel(si.BSpline(-t[::-1], cc[::-1], k, extrapolate=e))

            vals = si.BSpline(t, cc, k)(t[k:nc + 1])
            out.append(Case("bspline", name, "BSpline",
                           "scipy.interpolate.BSpline(t, c, k=%d, extrapolate=%r)" % (k, extrap),
                           build, mirror, {"t": t, "c": cc},
                           {"k": k, "degree": k, "n": nc, "spacing_ratio": fmt(spacing_ratio(t)),
                            "max_abs_y": fmt(max(np.max(np.abs(cc)), np.max(np.abs(vals)))),
                            "oor": oor_token(extrap)},
                           q, gen, integrals_for(rng, lo, hi), default_oor="extrapolate", knots=t, mesh=t))
    return out
