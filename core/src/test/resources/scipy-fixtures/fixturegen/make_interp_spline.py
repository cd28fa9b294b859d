"""scipy.interpolate.make_interp_spline for k = 0..5 and the k = 3 boundary conditions, and the degenerate
inputs scipy rejects."""

import numpy as np
import scipy.interpolate as si

from .common import fmt
from .oned import (BSplineModel, Case, bc_token, integrals_for, mirror_bc, oor_token, produce, rname, sample,
                   spacing_ratio)

FAMILY = "make_interp_spline"


def generate():
    """(files, skipped) of this family."""
    return produce(cases())


MIS_BCS3 = [("notaknot", None, None), ("natural", "natural", "natural"), ("clamped", "clamped", "clamped"),
            ("periodic", "periodic", "periodic"), ("first_second", (1, 0.7), (2, -2.1)),
            ("second_first", (2, 0.4), (1, -1.3))]


def mis_bc_arg(l, r):
    if l is None:
        return None
    if isinstance(l, str) and l == r:
        return l
    return ([l] if not isinstance(l, str) else l, [r] if not isinstance(r, str) else r)


def mis_bc_mirror(l, r):
    return mis_bc_arg(mirror_bc(r), mirror_bc(l))


def cases():
    """The cases of this family, in index order."""
    out = []
    combos = []
    for k in range(0, 6):
        combos.append((k, "notaknot", None, None))
    for tag, l, r in MIS_BCS3[1:]:
        combos.append((3, tag, l, r))
    for k, tag, l, r in combos:
        sizes = [(n, 1.0, "smooth") for n in sorted({2, 3, 4, k + 1, k + 2} - {1})]
        sizes += [(50, ratio, yk) for ratio in (1.0, 1e3, 1e6) for yk in ("smooth", "noisy")]
        sizes += [(k + 3, 1e3, "smooth"), (17, 1.0, "scaled")]
        for n, ratio, yk in sizes:
            if tag == "periodic":
                yk = ("periodic" if yk == "smooth" else "periodic_" + yk) if n > 2 else yk
            name = "make_interp_spline/k%d_%s_n%d_%s_%s" % (k, tag, n, rname(ratio), yk)
            rng, x, y, q, gen = sample(name, n, ratio, yk, periodic=tag == "periodic")
            bc = mis_bc_arg(l, r)
            mbc = mis_bc_mirror(l, r)
            extrap = "periodic" if tag == "periodic" else True

            def build(x=x, y=y, k=k, bc=bc):
                s = si.make_interp_spline(x, y, k=k, bc_type=bc)
                return BSplineModel(s)

            def mirror(x=x, y=y, k=k, mbc=mbc):
                return BSplineModel(si.make_interp_spline(-x[::-1], y[::-1], k=k, bc_type=mbc))

            try:
                t = si.make_interp_spline(x, y, k=k, bc_type=bc).t if n >= 2 else None
            except Exception:
                t = None
            c = Case("make_interp_spline", name, "BSpline.makeInterpSpline",
                     "scipy.interpolate.make_interp_spline(x, y, k=%d, bc_type=%r)" % (k, bc),
                     build, mirror, {"x": x, "y": y},
                     {"n": n, "k": k, "degree": k, "spacing_ratio": fmt(spacing_ratio(x)),
                      "max_abs_y": fmt(np.max(np.abs(y))),
                      "bc_left": bc_token(l) if l is not None else "not-a-knot",
                      "bc_right": bc_token(r) if r is not None else "not-a-knot", "oor": oor_token(extrap)},
                     q, gen, integrals_for(rng, x[0], x[-1]), risky=True,
                     default_oor=oor_token(extrap), knots=t)
            out.append(c)
    # degenerate calls: scipy either rejects them (expected-error fixtures) or, in some versions,
    # crashes (recorded in skipped.txt)
    degenerate = [("k3_n2", [0.0, 1.0], [1.0, 2.0], 3, None), ("k5_n4", [0.0, 1.0, 2.0, 3.0], [1.0, 2.0, 0.0, 1.0], 5, None),
                  ("k2_n2", [0.0, 1.0], [1.0, 2.0], 2, None), ("k3_dup_x", [0.0, 1.0, 1.0, 2.0, 3.0], [1.0, 2.0, 3.0, 4.0, 5.0], 3, None),
                  ("k3_unsorted", [0.0, 2.0, 1.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0, 5.0], 3, None),
                  ("k3_nan_x", [0.0, 1.0, float("nan"), 3.0, 4.0], [1.0, 2.0, 3.0, 4.0, 5.0], 3, None),
                  ("k3_inf_y", [0.0, 1.0, 2.0, 3.0, 4.0], [1.0, 2.0, float("inf"), 4.0, 5.0], 3, None),
                  ("k1_natural", [0.0, 1.0, 2.0, 3.0], [1.0, 2.0, 0.0, 1.0], 1, "natural"),
                  ("k0_clamped", [0.0, 1.0, 2.0, 3.0], [1.0, 2.0, 0.0, 1.0], 0, "clamped"),
                  ("k3_periodic_mismatch", [0.0, 1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 0.0, 1.0, 3.0], 3, "periodic"),
                  ("k3_periodic_n1", [0.0], [1.0], 3, "periodic"),
                  ("k0_n1", [0.0], [1.0], 0, None), ("k1_n1", [0.0], [1.0], 1, None),
                  ("k4_periodic_n1", [0.0], [1.0], 4, "periodic")]
    for tag, x, y, k, bc in degenerate:
        x, y = np.array(x), np.array(y)
        name = "make_interp_spline/error_" + tag

        def build(x=x, y=y, k=k, bc=bc):
            return BSplineModel(si.make_interp_spline(x, y, k=k, bc_type=bc))

        out.append(Case("make_interp_spline", name, "BSpline.makeInterpSpline",
                       "scipy.interpolate.make_interp_spline(x, y, k=%d, bc_type=%r)" % (k, bc),
                       build, None, {"x": x, "y": y},
                       {"k": k, "bc_left": bc or "not-a-knot", "bc_right": bc or "not-a-knot"}, risky=True))
    return out
