"""scipy.interpolate.CubicSpline for every boundary condition, and the inputs scipy rejects."""

import numpy as np
import scipy.interpolate as si

from .common import fmt
from .oned import (Case, PPolyModel, bc_token, integrals_for, mirror_bc, oor_token, produce, rname, sample,
                   sizes_and_ratios, spacing_ratio)

FAMILY = "cubic_spline"


def generate():
    """(files, skipped) of this family."""
    return produce(cases())


CS_BCS = [
    ("notaknot", "not-a-knot", "not-a-knot"),
    ("natural", "natural", "natural"),
    ("clamped", "clamped", "clamped"),
    ("periodic", "periodic", "periodic"),
    ("first", (1, 0.7), (1, -1.3)),
    ("second", (2, 0.4), (2, -2.1)),
    ("clamped_natural", "clamped", "natural"),
    ("first_notaknot", (1, 0.7), "not-a-knot"),
    ("notaknot_second", "not-a-knot", (2, -2.1)),
    ("natural_first", "natural", (1, -1.3)),
]


def scipy_bc_arg(l, r):
    if l == r and isinstance(l, str):
        return repr(l)
    return repr((l, r))


def cases():
    """The cases of this family, in index order."""
    out = []
    for tag, l, r in CS_BCS:
        for n, ratio, yk in sizes_and_ratios(short=tag not in ("notaknot", "natural", "clamped", "periodic")):
            if tag == "periodic":
                yk = "periodic" if yk == "smooth" else "periodic_" + yk
            name = "cubic_spline/%s_n%d_%s_%s" % (tag, n, rname(ratio), yk)
            rng, x, y, q, gen = sample(name, n, ratio, yk, periodic=tag == "periodic")
            extrap = "periodic" if tag == "periodic" else True
            bc = (l, r) if not (l == r and isinstance(l, str)) else l

            def build(x=x, y=y, bc=bc):
                return PPolyModel(si.CubicSpline(x, y, bc_type=bc), x[0], x[-1])

            mbc = bc if isinstance(bc, str) else (mirror_bc(bc[1]), mirror_bc(bc[0]))

            def mirror(x=x, y=y, mbc=mbc):
                return PPolyModel(si.CubicSpline(-x[::-1], y[::-1], bc_type=mbc), -x[-1], -x[0])

            out.append(Case("cubic_spline", name, "CubicSpline",
                           "scipy.interpolate.CubicSpline(x, y, bc_type=%s)" % scipy_bc_arg(l, r),
                           build, mirror, {"x": x, "y": y},
                           {"n": n, "degree": 3, "spacing_ratio": fmt(spacing_ratio(x)), "max_abs_y": fmt(np.max(np.abs(y))),
                            "bc_left": bc_token(l), "bc_right": bc_token(r), "oor": oor_token(extrap)},
                           q, gen, integrals_for(rng, x[0], x[-1]), solve_levels=(0.25,),
                           default_oor=oor_token(extrap)))
    # rejected inputs
    for tag, x, y, bc in [("dup_x", [0.0, 1.0, 1.0, 2.0], [1.0, 2.0, 3.0, 4.0], "not-a-knot"),
                          ("one_point", [0.0], [1.0], "not-a-knot"),
                          ("decreasing_x", [0.0, 2.0, 1.0, 3.0], [1.0, 2.0, 3.0, 4.0], "not-a-knot"),
                          ("nan_y", [0.0, 1.0, 2.0, 3.0], [1.0, float("nan"), 3.0, 4.0], "not-a-knot"),
                          ("periodic_mismatch", [0.0, 1.0, 2.0, 3.0], [1.0, 2.0, 3.0, 4.0], "periodic")]:
        name = "cubic_spline/error_%s" % tag
        x, y = np.array(x), np.array(y)

        def build(x=x, y=y, bc=bc):
            return si.CubicSpline(x, y, bc_type=bc)

        out.append(Case("cubic_spline", name, "CubicSpline",
                       "scipy.interpolate.CubicSpline(x, y, bc_type=%r)" % bc, build, None, {"x": x, "y": y},
                       {"bc_left": bc, "bc_right": bc}))
    return out
