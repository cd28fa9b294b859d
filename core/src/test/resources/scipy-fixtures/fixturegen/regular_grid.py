"""scipy.interpolate.RegularGridInterpolator and interpn (the fixtures in regular_grid/, read by
RegularGridInterpolatorAgreementTest): every method in 1-D to 4-D, ascending and descending axes, even,
uneven and clustered spacing, the minimum sizes, single-point axes, raise / fill / NaN fill / extrapolate,
NaN and infinite coordinates, and outer-product evaluation.

Reference solver: the spline methods (slinear, cubic, quintic) are built with
``solver=scipy.sparse.linalg.spsolve``, the exact sparse direct solve. scipy's default, the
iterative ``gcrotmk`` with ``atol=1e-6``, is inexact (on random data it differs from the exact
interpolating spline by percents), so it cannot serve as a reference for an exact solver.

The header's call names the solver. Keys:
  case            the case name (file name without .txt)
  api             rgi (RegularGridInterpolator(...)(xi)) or interpn (interpn(...))
  method          scipy's method string
  oor             raise | fill <v> | extrapolate   (scipy: bounds_error=True | bounds_error=False,
                  fill_value=v | bounds_error=False, fill_value=None)
  ndim            number of axes
  shape           points per axis
  grid<i>         the points of axis i, exactly as passed to scipy (possibly descending)
  values          the data, row-major (C order, last axis fastest), as passed to scipy
  max_abs_values  max |values| (the tolerance scale)
  npoints         number of query points
  xi              the query points, row-major (npoints rows of ndim coordinates)
  result          scipy's answer at each query point
  raise_xi        (optional, repeats) one query point for which scipy raised ValueError
  mesh<i>         (optional) per-axis coordinates of an outer-product evaluation
  mesh_result     (optional) scipy's answer on np.meshgrid(*mesh, indexing='ij'), row-major
"""

import numpy as np
import scipy.sparse.linalg as ssl
from scipy.interpolate import RegularGridInterpolator, interpn

from . import common
from .common import fmt, line

FAMILY = "regular_grid"
SEED = 20250311
SPLINES = ("slinear", "cubic", "quintic")
MIN_POINTS = {"linear": 2, "nearest": 2, "slinear": 2, "cubic": 4, "quintic": 6, "pchip": 4}


def make_axis(rng, n, kind, lo, hi):
    """n points on [lo, hi]: even, uneven (random gaps, max/min ratio up to ~8), or clustered."""
    if kind == "even":
        x = np.linspace(lo, hi, n)
    elif kind == "uneven":
        gaps = rng.uniform(0.25, 2.0, n - 1)
        x = lo + (hi - lo) * np.concatenate(([0.0], np.cumsum(gaps) / gaps.sum()))
        x[-1] = hi
    else:  # clustered near lo
        x = lo + (hi - lo) * np.linspace(0.0, 1.0, n) ** 2
    return x


def make_values(rng, shape, kind):
    if kind == "random":
        return rng.standard_normal(shape) * 100.0
    if kind == "plateau":  # integers: equal neighbours and sign changes exercise pchip's zero slopes
        return rng.integers(-3, 4, size=shape).astype(float)
    # smooth: a product of trigonometric terms on index coordinates, plus a small noise
    grids = np.meshgrid(*[np.linspace(0, 1, s) for s in shape], indexing="ij")
    v = np.ones(shape)
    for i, g in enumerate(grids):
        v = v * np.cos(2.1 * g + 0.3 * i) + 0.5 * g
    return 10.0 * v + 0.01 * rng.standard_normal(shape)


def query_points(rng, asc_grid, m_inside, m_nodes, outside, m_outside):
    """Random inside points, exact grid nodes, exact boundary points, and (if outside) points up to
    10% of the range outside on some axes (plus points outside on every axis)."""
    ndim = len(asc_grid)
    lo = np.array([g[0] for g in asc_grid])
    hi = np.array([g[-1] for g in asc_grid])
    pts = [lo + (hi - lo) * rng.random((m_inside, ndim))]
    # exact nodes (and node midpoints: nearest's tie rule)
    nodes = np.empty((m_nodes, ndim))
    mids = np.empty((m_nodes, ndim))
    for d, g in enumerate(asc_grid):
        idx = rng.integers(0, len(g), m_nodes)
        nodes[:, d] = g[idx]
        j = rng.integers(0, len(g) - 1, m_nodes) if len(g) > 1 else np.zeros(m_nodes, int)
        mids[:, d] = (g[j] + g[np.minimum(j + 1, len(g) - 1)]) / 2
    pts += [nodes, mids]
    corners = np.array([[lo[d] if (c >> d) & 1 else hi[d] for d in range(ndim)] for c in range(2 ** ndim)])
    pts.append(corners)
    if outside:
        span = hi - lo
        out = lo + (hi - lo) * rng.random((m_outside, ndim))
        for r in range(m_outside):
            d = rng.integers(0, ndim)
            side = rng.integers(0, 2)
            out[r, d] = (lo[d] - span[d] * rng.uniform(0.001, 0.1)) if side == 0 else \
                (hi[d] + span[d] * rng.uniform(0.001, 0.1))
        allout = np.where(rng.random((4, ndim)) < 0.5, lo - 0.05 * span, hi + 0.05 * span)
        pts += [out, allout]
    return np.concatenate(pts)


def build_cases():
    """The case specifications, in index order."""
    cases = []

    def add(name, method, shape, axis_kinds, values_kind, descending=(), oor="raise", api="rgi",
            m_inside=40, nonfinite=False, mesh=False):
        cases.append(dict(name=name, method=method, shape=shape, axis_kinds=axis_kinds,
                          values_kind=values_kind, descending=descending, oor=oor, api=api,
                          m_inside=m_inside, nonfinite=nonfinite, mesh=mesh))

    methods = ("linear", "nearest", "slinear", "cubic", "quintic", "pchip")
    for method in methods:
        vk = "plateau" if method == "pchip" else "random"
        # 2-D: uneven spacing, one descending axis, raise / fill / extrapolate
        add(f"{method}_2d_uneven_raise", method, (9, 11), ("uneven", "even"), vk, oor="raise")
        add(f"{method}_2d_desc0_fill", method, (8, 10), ("uneven", "clustered"), "smooth",
            descending=(0,), oor="fill -7.5", nonfinite=True)
        add(f"{method}_2d_desc1_extrap", method, (10, 7), ("clustered", "uneven"), "random",
            descending=(1,), oor="extrapolate", nonfinite=True, mesh=True)
        add(f"{method}_2d_nanfill", method, (7, 9), ("even", "uneven"), "smooth", oor="fill nan")
        # 3-D
        add(f"{method}_3d_uneven_raise", method, (7, 6, 8), ("uneven", "even", "uneven"), vk, oor="raise")
        add(f"{method}_3d_desc02_fill", method, (6, 9, 7), ("uneven", "uneven", "clustered"), "smooth",
            descending=(0, 2), oor="fill 3.25", nonfinite=True)
        add(f"{method}_3d_desc1_extrap", method, (8, 6, 7), ("even", "uneven", "uneven"), "random",
            descending=(1,), oor="extrapolate", nonfinite=True, mesh=True)
        add(f"interpn_{method}_3d", method, (6, 7, 6), ("uneven", "even", "uneven"), vk,
            descending=(2,), oor="raise", api="interpn")
        add(f"interpn_{method}_2d_extrap", method, (8, 6), ("uneven", "uneven"), "random",
            oor="extrapolate", api="interpn")
    # 1-D and 4-D (general code paths)
    for method in methods:
        add(f"{method}_1d_extrap", method, (9,), ("uneven",), "random", oor="extrapolate")
        add(f"{method}_4d_fill", method, (6, 6, 7, 6), ("uneven", "even", "uneven", "clustered"), "random",
            descending=(3,), oor="fill -1.0", m_inside=30)
    # pchip on smooth data and on random data in 3-D (sign changes, harmonic means)
    add("pchip_3d_random_extrap", "pchip", (7, 8, 6), ("uneven", "uneven", "uneven"), "random",
        oor="extrapolate", nonfinite=True)
    # minimum sizes per method
    for method in methods:
        mp = MIN_POINTS[method]
        add(f"{method}_3d_minimal", method, (mp, mp + 1, mp), ("uneven", "even", "uneven"), "random",
            oor="extrapolate")
    # length-1 axes: linear / nearest only (scipy accepts them there)
    add("linear_3d_singleton_axis", "linear", (5, 1, 4), ("uneven", "even", "even"), "random", oor="raise")
    add("nearest_3d_singleton_axis", "nearest", (5, 1, 4), ("uneven", "even", "even"), "random",
        oor="extrapolate")
    return cases


def oor_kwargs(oor):
    if oor == "raise":
        return dict(bounds_error=True), "bounds_error=True"
    if oor == "extrapolate":
        return dict(bounds_error=False, fill_value=None), "bounds_error=False, fill_value=None"
    v = float(oor.split()[1])
    return dict(bounds_error=False, fill_value=v), f"bounds_error=False, fill_value={fmt(v)}"


def generate_case(c):
    rng = common.case_rng(SEED, c["name"])
    shape = c["shape"]
    ndim = len(shape)
    method = c["method"]
    grid = []
    for d, n in enumerate(shape):
        lo = rng.uniform(-3.0, 1.0)
        hi = lo + rng.uniform(0.5, 6.0)
        x = make_axis(rng, n, c["axis_kinds"][d], lo, hi) if n > 1 else np.array([lo])
        grid.append(x[::-1].copy() if d in c["descending"] else x)
    values = make_values(rng, shape, c["values_kind"])
    asc = [np.sort(g) for g in grid]
    raising = c["oor"] == "raise"
    xi = query_points(rng, asc, c["m_inside"], 10, not raising, 20)
    if c["nonfinite"]:
        extra = np.tile((np.array([a[0] for a in asc]) + np.array([a[-1] for a in asc])) / 2, (5, 1))
        extra[0, 0] = np.nan
        extra[1, ndim - 1] = np.nan
        extra[2, 0] = np.inf
        extra[3, ndim - 1] = -np.inf
        extra[4, :] = np.nan
        if c["oor"] == "extrapolate" and method in SPLINES + ("pchip",):
            extra = extra[[0, 1, 4]]  # infinities through polynomials: scipy's inf - inf patterns, skip
        if method == "pchip" and ndim > 1:
            # scipy's pchip fits a PchipInterpolator to the values folded along the last axis; a
            # non-finite last coordinate makes those NaN and scipy raises "`y` must contain only
            # finite values" instead of answering NaN / fill (interp4j answers NaN / fill): skip
            extra = extra[np.isfinite(extra[:, ndim - 1])]
        xi = np.concatenate([xi, extra])
    kw, kwtext = oor_kwargs(c["oor"])
    solver_kw = dict(solver=ssl.spsolve) if (method in SPLINES and c["api"] == "rgi") else {}
    gtext = "points=(" + ", ".join(f"grid{d}" for d in range(ndim)) + ("," if ndim == 1 else "") + ")"
    if c["api"] == "rgi":
        interp = RegularGridInterpolator(tuple(grid), values, method=method, **kw, **solver_kw)
        result = interp(xi)
        call = (f"scipy.interpolate.RegularGridInterpolator({gtext}, values, method={method!r}, {kwtext}"
                + (", solver=scipy.sparse.linalg.spsolve" if solver_kw else "") + ")(xi)")
    else:
        if method in SPLINES:
            # interpn has no solver argument and would use gcrotmk; the exact reference is the
            # RegularGridInterpolator with spsolve, which interpn wraps (checked equal to 1e-4 below)
            interp = RegularGridInterpolator(tuple(grid), values, method=method, **kw, solver=ssl.spsolve)
            result = interp(xi)
            approx = interpn(tuple(grid), values, xi, method=method, **kw)
            scale = max(1.0, float(np.max(np.abs(values))))
            assert np.nanmax(np.abs(approx - result)) < 0.2 * scale, "gcrotmk far from spsolve"
            call = (f"scipy.interpolate.interpn({gtext}, values, xi, method={method!r}, {kwtext}) semantics; "
                    f"reference computed as scipy.interpolate.RegularGridInterpolator({gtext}, values, "
                    f"method={method!r}, {kwtext}, solver=scipy.sparse.linalg.spsolve)(xi) because interpn "
                    f"uses the inexact default solver gcrotmk")
        else:
            result = interpn(tuple(grid), values, xi, method=method, **kw)
            call = f"scipy.interpolate.interpn({gtext}, values, xi, method={method!r}, {kwtext})"
    raise_pts = []
    if raising:
        lo = np.array([a[0] for a in asc])
        hi = np.array([a[-1] for a in asc])
        span = hi - lo
        for d in range(ndim):
            for side in (0, 1):
                p = (lo + hi) / 2
                p[d] = lo[d] - 1e-9 * max(span[d], 1.0) if side == 0 else hi[d] + 0.25 * max(span[d], 1.0)
                try:
                    if c["api"] == "rgi":
                        interp(p[None, :])
                    else:
                        interpn(tuple(grid), values, p[None, :], method=method)
                    raise AssertionError("scipy did not raise for " + repr(p))
                except ValueError:
                    raise_pts.append(p)
    lines = common.header(SEED, c["name"], call, subject=" for RegularGridInterpolator") + [
        f"case: {c['name']}",
        f"api: {c['api']}",
        f"method: {method}",
        f"oor: {c['oor']}",
        f"ndim: {ndim}",
        "shape: " + " ".join(str(s) for s in shape),
    ]
    for d in range(ndim):
        lines.append(line(f"grid{d}", grid[d]))
    lines.append(line("values", values))
    lines.append("max_abs_values: " + fmt(np.max(np.abs(values))))
    lines.append(f"npoints: {xi.shape[0]}")
    lines.append(line("xi", xi))
    lines.append(line("result", result))
    for p in raise_pts:
        lines.append(line("raise_xi", p))
    if c["mesh"]:
        mesh = []
        for d in range(ndim):
            a = asc[d]
            span = a[-1] - a[0]
            q = np.concatenate([a[0] + span * rng.random(3), [a[0], a[-1]], a[rng.integers(0, len(a), 2)],
                                [a[0] - 0.05 * span, a[-1] + 0.05 * span]])
            mesh.append(q)
            lines.append(line(f"mesh{d}", q))
        pts = np.stack([m.ravel() for m in np.meshgrid(*mesh, indexing="ij")], axis=-1)
        lines.append(line("mesh_result", interp(pts)))
    return FAMILY + "/" + c["name"] + ".txt", "\n".join(lines) + "\n"


def generate():
    """(files, skipped) of this family: every case is written."""
    return [generate_case(c) for c in build_cases()], []
