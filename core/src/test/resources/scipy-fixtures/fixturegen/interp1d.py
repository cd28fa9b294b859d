"""scipy.interpolate.interp1d for every kind, sorted, unsorted and duplicate abscissae, every out-of-range mode."""

import numpy as np
import scipy.interpolate as si

from .common import fmt
from .oned import Case, Interp1dModel, case_rng, mesh, produce, queries, rname, spacing_ratio, ydata

FAMILY = "interp1d"


def generate():
    """(files, skipped) of this family."""
    return produce(cases())


INTERP1D_KINDS = ["linear", "nearest", "nearest-up", "previous", "next", "zero", "slinear", "quadratic", "cubic"]
MIRROR_KIND = {"nearest": "nearest-up", "nearest-up": "nearest", "previous": "next", "next": "previous"}
ORDER = {"zero": 0, "slinear": 1, "quadratic": 2, "cubic": 3}


def cases():
    """The cases of this family, in index order."""
    out = []
    for kind in INTERP1D_KINDS:
        kmin = ORDER.get(kind, 0) + 1
        sizes = [(n, 1.0, "smooth", "sorted") for n in (2, 3, 4) if n >= max(kmin, 2)]
        sizes += [(50, 1.0, "smooth", "sorted"), (50, 1.0, "noisy", "sorted"), (50, 1e3, "smooth", "sorted"),
                  (50, 1e6, "smooth", "sorted")]
        sizes += [(50, 1.0, "noisy", "unsorted"), (9, 1e3, "smooth", "unsorted"), (9, 1.0, "smooth", "duplicates"),
                  (50, 1.0, "noisy", "duplicates")]
        for n, ratio, yk, order in sizes:
            for fill in ("extrapolate", "nan", "raise", "fill"):
                if fill in ("raise", "fill") and not (n == 50 and ratio == 1.0 and yk == "smooth"):
                    continue
                if fill == "nan" and order == "sorted" and not (n == 50 and ratio == 1.0):
                    continue
                name = "interp1d/%s_%s_n%d_%s_%s_%s" % (kind, order, n, rname(ratio), yk, fill)
                rng = case_rng(name)
                x = mesh(rng, n, ratio)
                y = ydata(rng, x, yk)
                if order == "duplicates":
                    j = int(rng.integers(1, n - 2))
                    x = np.concatenate((x[:j + 1], [x[j]], x[j + 1:]))
                    y = np.concatenate((y[:j + 1], [y[j] + 0.75], y[j + 1:]))
                if order in ("unsorted", "duplicates"):
                    perm = rng.permutation(len(x))
                    x, y = x[perm], y[perm]
                q, gen, mids = queries(rng, x)
                if kind in ("nearest", "nearest-up"):
                    gen &= ~np.isin(q, mids)     # ties: the mirror rounds the other way
                if fill == "extrapolate":
                    kw, kw_s, oor = dict(fill_value="extrapolate", bounds_error=False), "fill_value='extrapolate'", "extrapolate"
                elif fill == "nan":
                    kw, kw_s, oor = dict(bounds_error=False), "bounds_error=False", "nan"
                elif fill == "raise":
                    kw, kw_s, oor = dict(), "", "raise"
                else:
                    kw, kw_s, oor = dict(fill_value=(-7.5, 2.25), bounds_error=False), \
                        "fill_value=(-7.5, 2.25), bounds_error=False", "fill -7.5 2.25"
                lo, hi = float(np.min(x)), float(np.max(x))
                if fill == "raise":
                    inr = (q >= lo) & (q <= hi)
                    q_eval = q[inr]
                else:
                    q_eval = q

                def build(x=x, y=y, kind=kind, kw=kw, q_eval=q_eval, q=q):
                    f = si.interp1d(x, y, kind=kind, **kw)
                    return _RaiseWrapper(f, q, q_eval, lo, hi)

                mk = MIRROR_KIND.get(kind, kind)
                kwm = dict(kw)
                if fill == "fill":
                    kwm["fill_value"] = (2.25, -7.5)

                def mirror(x=x, y=y, mk=mk, kwm=kwm, q=q, q_eval=q_eval):
                    f = si.interp1d(-x[::-1], y[::-1], kind=mk, **kwm)
                    return _RaiseWrapper(f, -q, -q_eval, -hi, -lo)

                knots = None
                if kind in ORDER and len(np.unique(x)) == len(x):
                    try:
                        knots = si.interp1d(x, y, kind=kind, **kw)._spline.t
                    except Exception:
                        knots = None
                out.append(Case("interp1d", name, "Interp1d",
                               "scipy.interpolate.interp1d(x, y, kind=%r%s)" % (kind, (", " + kw_s) if kw_s else ""),
                               build, mirror, {"x": x, "y": y},
                               {"n": len(x), "kind": kind, "degree": ORDER.get(kind, 1 if kind == "linear" else 0),
                                "assume_sorted": "false",
                                "spacing_ratio": fmt(spacing_ratio(x)), "max_abs_y": fmt(np.max(np.abs(y))),
                                "oor": oor}, q, gen, risky=kind in ORDER, default_oor="raise", knots=knots))

    return out


class _RaiseWrapper(Interp1dModel):
    """interp1d with bounds_error: evaluate in-range queries, NaN elsewhere (the fixture says raise)."""

    def __init__(self, f, q_all, q_eval, lo, hi):
        super().__init__(f, lo, hi)
        self.lo_, self.hi_ = lo, hi

    def value(self, q, nu=0):
        q = np.asarray(q, float)
        out = np.full(len(q), np.nan)
        if self.obj.bounds_error:
            inr = (q >= self.lo_) & (q <= self.hi_)
            with np.errstate(all="ignore"):
                out[inr] = self.obj(q[inr])
            return out
        with np.errstate(all="ignore"):
            return np.asarray(self.obj(q), float)
