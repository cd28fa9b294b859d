"""The B-spline toolbox (the fixtures in toolbox/, read by BSplineToolboxAgreementTest and
BPolyAgreementTest): BSpline.design_matrix, BSpline.insert_knot, BSpline(x, nu) (derivatives at points,
also right at knots of full multiplicity, and orders above k), BSpline.derivative(nu > k),
PPoly.from_spline, BSpline.from_power_basis, make_interp_spline with given knots t, BPoly (values,
derivatives, antiderivatives, integrals, from_power_basis, from_derivatives with orders) and
PPoly.from_bernstein_basis, and PPoly.roots() order (ascending and descending breakpoints).

Every file has 'case' and 'kind' (one of the section names below) and the keys of its kind; arrays
with several value columns are row-major with 'm' columns. 'scale' is max|y| of the case (the
unit of the tolerance: the Java tests allow 1e-10 relative to it; for a derivative of order nu the
unit is max(scale, max|expected|) of that array).

Keys by kind:
  design_matrix    x t k extrapolate(true|false|periodic) rows cols offsets(first column per row)
                   data(rows*(k+1), the CSR data row by row); or expect_error
  insert_knot      t c k m extrapolate(true|periodic) at mult -> new_t new_c, query, value (the
                   new spline at query, row-major), value_before (the old one)
  eval_nu          t c k m extrapolate query; d<nu>: the spline's derivative of order nu at every
                   query, nu = 0 .. k + 2; derivative_error: scipy's derivative(k + 1) error text
  from_spline      t c k -> x(breakpoints) pc(the PPoly coefficients, (k+1) rows of len(t)-1)
  from_power_basis x y(m columns) bc_left bc_right (of the CubicSpline) bc_type -> t c(B-spline,
                   rows of m), query, value
  interp_t         x y(m columns) k t -> c (rows of m), query, value; or expect_error
  bpoly            x c(order rows of n*m) m extrapolate query value d1 .. d<k+1>; deriv1 (the
                   coefficients of derivative(1)), anti1 anti2 (antiderivative(1), (2)
                   coefficients); integral: a b v... (repeats); to_power (PPoly.from_bernstein_basis
                   coefficients)
  bpoly_from_power x pc(power-basis coefficients, order rows) m -> bc (BPoly.from_power_basis)
  from_derivatives xi, yi (one line per point, possibly empty, m columns row-major), orders (or
                   'none') -> c (order rows of n*m), query, value; or expect_error
  roots            x c(order rows of n) extrapolate -> roots (scipy's order, nan markers)
  ppoly_descending x (decreasing) c(order rows of n*m) m extrapolate query d0 .. d<k+1> anti (the
                   antiderivative(1) at query) integral: a b v...; roots (m = 1)
"""

import numpy as np
import scipy.interpolate as si

from . import common
from .common import fmt, fmt_list

FAMILY = "toolbox"
SEED = 20261130


def _file(name, kind, call, lines):
    head = common.header(SEED, name, call, subject=" for the B-spline toolbox")
    body = ["case: " + name, "kind: " + kind] + lines
    return FAMILY + "/" + name + ".txt", "\n".join(head + body) + "\n"


def _clamped(rng, k, ninner, x0=-1.0, span=6.0, double_knot=False):
    inner = np.sort(rng.uniform(x0, x0 + span, ninner))
    inner[0], inner[-1] = x0, x0 + span
    if double_knot and ninner > 4:
        inner = np.sort(np.concatenate((inner, [inner[ninner // 2]])))
    return np.concatenate(([x0] * k, inner, [x0 + span] * k))


def _open(rng, k, nt, x0=-1.0, span=6.0):
    return np.sort(rng.uniform(x0, x0 + span, nt))


def _ext(token):
    return {"true": True, "false": False, "periodic": "periodic"}[token]


def _err(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - scipy's error text is the fixture
        return type(e).__name__ + ": " + str(e).replace("\n", " ")
    return None


# ------------------------------------------------------------------------------------------------

def design_matrix_cases():
    out = []
    for k in range(0, 6):
        for shape, ext in (("clamped", "false"), ("open", "true"), ("double", "false"), ("clamped", "periodic")):
            name = "design_k%d_%s_%s" % (k, shape, ext)
            rng = common.case_rng(SEED, name)
            if shape == "open":
                t = _open(rng, k, 2 * k + 8)
            else:
                t = _clamped(rng, k, 9, double_knot=shape == "double" and k >= 2)
            n = len(t) - k - 1
            lo, hi = t[k], t[n]
            x = rng.uniform(lo, hi, 25)
            x = np.concatenate((x, t[k:n + 1]))   # every knot of the base interval
            if ext != "false":
                x = np.concatenate((x, [lo - 0.7, hi + 0.3, lo - 3.1, hi + 5.5]))
            rng.shuffle(x)
            a = si.BSpline.design_matrix(x, t, k, extrapolate=_ext(ext))
            a = a.tocsr()
            offsets = [a.indices[a.indptr[i]] for i in range(a.shape[0])]
            data = np.asarray(a.data).reshape(a.shape[0], k + 1)
            assert all(a.indptr[i + 1] - a.indptr[i] == k + 1 for i in range(a.shape[0]))
            assert all((a.indices[a.indptr[i]:a.indptr[i + 1]] == np.arange(offsets[i], offsets[i] + k + 1)).all()
                       for i in range(a.shape[0]))
            out.append(_file(name, "design_matrix",
                             "scipy.interpolate.BSpline.design_matrix(x, t, k=%d, extrapolate=%r)" % (k, _ext(ext)),
                             ["k: %d" % k, "extrapolate: " + ext, "x: " + fmt_list(x), "t: " + fmt_list(t),
                              "rows: %d" % a.shape[0], "cols: %d" % a.shape[1],
                              "offsets: " + " ".join(str(int(o)) for o in offsets), "data: " + fmt_list(data),
                              "scale: 1.0"]))
    # out of bounds without extrapolation: scipy raises
    name = "design_out_of_bounds"
    t = np.array([0, 0, 0, 0, 1, 2, 3, 3, 3, 3.0])
    x = np.array([0.5, 3.5])
    e = _err(lambda: si.BSpline.design_matrix(x, t, 3))
    out.append(_file(name, "design_matrix", "scipy.interpolate.BSpline.design_matrix(x, t, k=3)",
                     ["k: 3", "extrapolate: false", "x: " + fmt_list(x), "t: " + fmt_list(t),
                      "expect_error: " + e]))
    return out


def insert_knot_cases():
    out = []
    specs = []
    for k in range(0, 6):
        specs.append((k, 1, "true", "interior", 1))
        specs.append((k, 1, "true", "at_knot", 1))
        specs.append((k, 3, "true", "interior", k + 1 if k > 0 else 1))
        specs.append((k, 1, "true", "left_end", 2))
        specs.append((k, 2, "true", "right_end", 1))
    for k in (1, 2, 3, 5):
        specs.append((k, 1, "periodic", "interior", 1))
        specs.append((k, 2, "periodic", "near_left", 2))
    for k, m, ext, where, mult in specs:
        name = "insert_k%d_m%d_%s_%s_x%d" % (k, m, ext, where, mult)
        rng = common.case_rng(SEED, name)
        if ext == "periodic":
            xd = np.sort(rng.uniform(0.0, 5.0, 12))
            xd[0], xd[-1] = 0.0, 5.0
            yd = rng.standard_normal((12, m))
            yd[-1] = yd[0]
            spl = si.make_interp_spline(xd, yd if m > 1 else yd[:, 0], k=k, bc_type="periodic")
            t, c = spl.t, np.asarray(spl.c).reshape(len(spl.c), m)
            # make_interp_spline's k = 1 shortcut returns extrapolate=True: make the periodic spline explicit
            spl = si.BSpline(t, c if m > 1 else c[:, 0], k, extrapolate="periodic")
        else:
            t = _clamped(rng, k, 8)
            c = rng.standard_normal((len(t) - k - 1, m))
            spl = si.BSpline(t, c if m > 1 else c[:, 0], k, extrapolate=True)
        n = len(t) - k - 1
        lo, hi = t[k], t[n]
        if where == "interior":
            at = float(rng.uniform(lo, hi))
        elif where == "at_knot":
            at = float(t[k + 3])
        elif where == "left_end":
            at = float(lo)
        elif where == "right_end":
            at = float(hi)
        else:
            at = float(lo + 0.01 * (hi - lo))
        query = np.concatenate((rng.uniform(lo, hi, 20), t[k:n + 1], [at]))
        if ext == "true":
            query = np.concatenate((query, [lo - 0.5, hi + 0.5]))
        before = np.asarray(spl(query)).reshape(len(query), m)
        call = "scipy.interpolate.BSpline(t, c, k=%d, extrapolate=%r).insert_knot(%r, m=%d)" % (k, _ext(ext), at, mult)
        e = _err(lambda: spl.insert_knot(at, mult))
        lines = ["k: %d" % k, "m: %d" % m, "extrapolate: " + ext, "t: " + fmt_list(t), "c: " + fmt_list(c),
                 "at: " + fmt(at), "mult: %d" % mult, "query: " + fmt_list(query), "value_before: " + fmt_list(before),
                 "scale: " + fmt(max(np.max(np.abs(c)), np.max(np.abs(before))))]
        if e is not None:
            lines.append("expect_error: " + e)
        else:
            s2 = spl.insert_knot(at, mult)
            lines += ["new_t: " + fmt_list(s2.t), "new_c: " + fmt_list(np.asarray(s2.c).reshape(len(s2.c), m)),
                      "value: " + fmt_list(np.asarray(s2(query)).reshape(len(query), m))]
        out.append(_file(name, "insert_knot", call, lines))
    return out


def eval_nu_cases():
    out = []
    for k in range(0, 6):
        for shape, m in (("clamped", 1), ("full_mult", 1), ("open", 2)):
            name = "eval_nu_k%d_%s_m%d" % (k, shape, m)
            rng = common.case_rng(SEED, name)
            if shape == "open":
                t = _open(rng, k, 2 * k + 9)
            else:
                t = _clamped(rng, k, 8)
                if shape == "full_mult" and k >= 1:
                    # an interior knot of full multiplicity k + 1: derivative(1) cannot be built
                    j = k + 3
                    t = np.sort(np.concatenate((t, [t[j]] * k)))
            n = len(t) - k - 1
            c = rng.standard_normal((n, m))
            spl = si.BSpline(t, c if m > 1 else c[:, 0], k)
            lo, hi = t[k], t[n]
            query = np.concatenate((rng.uniform(lo, hi, 20), np.unique(t[k:n + 1]), [lo - 0.4, hi + 0.6]))
            lines = ["k: %d" % k, "m: %d" % m, "t: " + fmt_list(t), "c: " + fmt_list(c), "query: " + fmt_list(query)]
            scale = np.max(np.abs(c))
            for nu in range(0, k + 3):
                d = np.asarray(spl(query, nu)).reshape(len(query), m)
                lines.append("d%d: %s" % (nu, fmt_list(d)))
            e = _err(lambda: spl.derivative(k + 1))
            lines.append("derivative_error: " + (e if e is not None else "none"))
            lines.append("scale: " + fmt(scale))
            out.append(_file(name, "eval_nu", "scipy.interpolate.BSpline(t, c, k=%d)(query, nu), nu = 0..%d; "
                             ".derivative(%d)" % (k, k + 2, k + 1), lines))
    return out


def from_spline_cases():
    out = []
    for k in range(0, 6):
        for shape in ("clamped", "open"):
            name = "from_spline_k%d_%s" % (k, shape)
            rng = common.case_rng(SEED, name)
            t = _clamped(rng, k, 8) if shape == "clamped" else _open(rng, k, 2 * k + 8)
            n = len(t) - k - 1
            c = rng.standard_normal(n)
            pp = si.PPoly.from_spline(si.BSpline(t, c, k))
            out.append(_file(name, "from_spline", "scipy.interpolate.PPoly.from_spline(BSpline(t, c, k=%d))" % k,
                             ["k: %d" % k, "t: " + fmt_list(t), "c: " + fmt_list(c), "x: " + fmt_list(pp.x),
                              "pc: " + fmt_list(pp.c), "scale: " + fmt(np.max(np.abs(c)))]))
    return out


def _bc_scipy(token):
    return {"not-a-knot": "not-a-knot", "natural": "natural", "clamped": "clamped", "periodic": "periodic"}[token]


def from_power_basis_cases():
    out = []
    for bc, m, n in (("not-a-knot", 1, 9), ("natural", 1, 9), ("clamped", 1, 12), ("periodic", 1, 10),
                     ("not-a-knot", 3, 15), ("natural", 2, 6), ("not-a-knot", 1, 5)):
        name = "from_power_basis_%s_m%d_n%d" % (bc, m, n)
        rng = common.case_rng(SEED, name)
        x = np.sort(rng.uniform(-2.0, 3.0, n))
        y = rng.standard_normal((n, m))
        if bc == "periodic":
            y[-1] = y[0]
        cs = si.CubicSpline(x, y if m > 1 else y[:, 0], bc_type=_bc_scipy(bc))
        if m == 1:
            b = si.BSpline.from_power_basis(cs, bc_type=_bc_scipy(bc))
            bt, bcoef = b.t, np.asarray(b.c).reshape(-1, 1)
        else:
            # scipy converts one column at a time (its c is 1-D); the columns share the knots
            parts = [si.BSpline.from_power_basis(si.CubicSpline(x, y[:, j], bc_type=_bc_scipy(bc)),
                                                 bc_type=_bc_scipy(bc)) for j in range(m)]
            bt = parts[0].t
            bcoef = np.stack([p.c for p in parts], axis=1)
        query = np.concatenate((rng.uniform(x[0], x[-1], 20), x))
        val = np.stack([si.BSpline(bt, bcoef[:, j], 3)(query) for j in range(m)], axis=1)
        out.append(_file(name, "from_power_basis",
                         "scipy.interpolate.BSpline.from_power_basis(CubicSpline(x, y, bc_type=%r), bc_type=%r)"
                         % (bc, bc) + (" per column" if m > 1 else ""),
                         ["m: %d" % m, "x: " + fmt_list(x), "y: " + fmt_list(y), "bc_left: " + bc, "bc_right: " + bc,
                          "bc_type: " + bc, "t: " + fmt_list(bt), "c: " + fmt_list(bcoef), "query: " + fmt_list(query),
                          "value: " + fmt_list(val), "scale: " + fmt(np.max(np.abs(y)))]))
    return out


def interp_t_cases():
    out = []
    for k, m, kind in ((1, 1, "greville"), (2, 1, "greville"), (3, 1, "greville"), (3, 2, "greville"),
                       (4, 1, "greville"), (5, 1, "greville"), (3, 1, "clamped_mid"), (2, 3, "clamped_mid"),
                       (3, 1, "violates"), (3, 1, "count")):
        name = "interp_t_k%d_m%d_%s" % (k, m, kind)
        rng = common.case_rng(SEED, name)
        n = 14
        x = np.sort(rng.uniform(0.0, 10.0, n))
        y = rng.standard_normal((n, m))
        if kind in ("greville", "violates", "count"):
            # knots at running means of the sites (Schoenberg-Whitney holds), ends k+1 fold
            inner = np.array([np.mean(x[j + 1:j + k + 1]) for j in range(n - k - 1)]) if k > 0 else x[1:]
            inner = inner[:n - k - 1]
            t = np.concatenate(([x[0]] * (k + 1), inner, [x[-1]] * (k + 1)))
        else:
            inner = np.linspace(x[0], x[-1], n - k + 1)[1:-1]
            t = np.concatenate(([x[0]] * (k + 1), inner, [x[-1]] * (k + 1)))
            # nudge to keep Schoenberg-Whitney (sites inside the supports)
            if not all(t[j] < x[j] < t[j + k + 1] for j in range(1, n - 1)):
                inner = np.array([np.mean(x[j + 1:j + k + 1]) for j in range(n - k - 1)])
                t = np.concatenate(([x[0]] * (k + 1), inner, [x[-1]] * (k + 1)))
        if kind == "violates":
            # pile interior knots to the left: B_j no longer covers x[j] for some j
            t[k + 1:n] = np.sort(np.minimum(t[k + 1:n], x[3]))
            t[k + 1:k + 5] = x[1] + 1e-3 * np.arange(1, 5)
        if kind == "count":
            t = np.concatenate((t, [x[-1]]))
        call = "scipy.interpolate.make_interp_spline(x, y, k=%d, t=t)" % k
        lines = ["k: %d" % k, "m: %d" % m, "x: " + fmt_list(x), "y: " + fmt_list(y), "t: " + fmt_list(t),
                 "scale: " + fmt(np.max(np.abs(y)))]
        if kind in ("violates", "count"):
            e = _err(lambda: si.make_interp_spline(x, y if m > 1 else y[:, 0], k=k, t=t))
            lines.append("expect_error: " + (e if e is not None else "scipy returned a spline (no check)"))
        else:
            spl = si.make_interp_spline(x, y if m > 1 else y[:, 0], k=k, t=t)
            query = np.concatenate((rng.uniform(x[0], x[-1], 20), x))
            lines += ["c: " + fmt_list(np.asarray(spl.c).reshape(-1, m)), "query: " + fmt_list(query),
                      "value: " + fmt_list(np.asarray(spl(query)).reshape(len(query), m))]
        out.append(_file(name, "interp_t", call, lines))
    return out


def bpoly_cases():
    out = []
    for k, m, ext, desc in ((0, 1, "true", False), (1, 1, "true", False), (2, 1, "false", False),
                            (3, 1, "true", False), (4, 2, "true", False), (5, 1, "periodic", False),
                            (7, 1, "true", False), (3, 3, "periodic", False), (3, 1, "true", True),
                            (2, 2, "false", True)):
        name = "bpoly_k%d_m%d_%s%s" % (k, m, ext, "_descending" if desc else "")
        rng = common.case_rng(SEED, name)
        n = 6
        x = np.sort(rng.uniform(-1.0, 4.0, n + 1))
        if desc:
            x = x[::-1].copy()
        c = rng.standard_normal((k + 1, n, m))
        bp = si.BPoly(c if m > 1 else c[:, :, 0], x, extrapolate=_ext(ext))
        lo, hi = min(x[0], x[-1]), max(x[0], x[-1])
        query = np.concatenate((rng.uniform(lo, hi, 20), x, [lo - 0.5, hi + 0.7, hi + 3.2]))
        lines = ["k: %d" % k, "m: %d" % m, "extrapolate: " + ext, "x: " + fmt_list(x), "c: " + fmt_list(c),
                 "query: " + fmt_list(query)]
        for nu in range(0, k + 2):
            lines.append("d%d: %s" % (nu, fmt_list(np.asarray(bp(query, nu)).reshape(len(query), m))))
        lines.append("deriv1: " + fmt_list(bp.derivative(1).c))
        lines.append("deriv1_order: %d" % bp.derivative(1).c.shape[0])
        lines.append("anti1: " + fmt_list(bp.antiderivative(1).c))
        lines.append("anti2: " + fmt_list(bp.antiderivative(2).c))
        for a, b in ((lo, hi), (x[1] + 0.1, x[4] - 0.2), (x[3], x[1]), (lo - 1.0, hi + 2.5),
                     (lo + 0.3, lo + 3 * (hi - lo) + 0.2)):
            if desc and ext == "periodic":
                continue   # scipy's periodic integral fails for descending breakpoints
            v = np.asarray(bp.integrate(a, b)).reshape(m)
            lines.append("integral: %s %s %s" % (fmt(a), fmt(b), fmt_list(v)))
        pp = si.PPoly.from_bernstein_basis(bp)
        lines.append("to_power: " + fmt_list(pp.c))
        lines.append("scale: " + fmt(np.max(np.abs(c))))
        out.append(_file(name, "bpoly", "scipy.interpolate.BPoly(c, x, extrapolate=%r): __call__(q, nu), "
                         "derivative(1), antiderivative(1), antiderivative(2), integrate(a, b); "
                         "PPoly.from_bernstein_basis" % _ext(ext), lines))
    for k, m in ((3, 1), (5, 2), (0, 1)):
        name = "bpoly_from_power_k%d_m%d" % (k, m)
        rng = common.case_rng(SEED, name)
        n = 5
        x = np.sort(rng.uniform(0.0, 3.0, n + 1))
        pc = rng.standard_normal((k + 1, n, m))
        bp = si.BPoly.from_power_basis(si.PPoly(pc if m > 1 else pc[:, :, 0], x))
        out.append(_file(name, "bpoly_from_power", "scipy.interpolate.BPoly.from_power_basis(PPoly(c, x))",
                         ["k: %d" % k, "m: %d" % m, "x: " + fmt_list(x), "pc: " + fmt_list(pc),
                          "bc: " + fmt_list(bp.c), "scale: " + fmt(np.max(np.abs(bp.c)))]))
    return out


def from_derivatives_cases():
    out = []
    specs = [("hermite_cubic", [[1.0, 2.0], [3.0, -1.0], [0.5, 0.0], [2.0, 1.0]], None, 1),
             ("ragged", [[1.0, 2.0], [3.0], [0.0, 1.0, 2.0]], None, 1),
             ("ragged_orders_int", [[1.0, 2.0, 0.5], [3.0, 1.0], [0.0, 1.0, 2.0]], 2, 1),
             ("orders_list", [[1.0, 2.0, -1.0], [3.0, 1.0, 0.0], [0.0, 1.0, 2.0], [1.5, 0.2, 0.1]], [1, 3, 2], 1),
             ("orders_bad", [[1.0, 2.0], [3.0], [0.0, 1.0, 2.0]], 2, 1),
             ("quintic_m2", None, None, 2),
             ("empty_point", [[1.0], [], [3.0, 1.0]], None, 1)]
    for label, yi, orders, m in specs:
        name = "from_derivatives_" + label
        rng = common.case_rng(SEED, name)
        if yi is None:
            npt = 6
            yi = [rng.standard_normal((3, m)) for _ in range(npt)]
        else:
            yi = [np.asarray(v, dtype=float).reshape(-1, m) for v in yi]
        xi = np.sort(rng.uniform(-1.0, 3.0, len(yi)))
        arg = [v if m > 1 else v[:, 0] for v in yi]
        call = "scipy.interpolate.BPoly.from_derivatives(xi, yi, orders=%r)" % (orders,)
        lines = ["m: %d" % m, "xi: " + fmt_list(xi)] + ["yi: " + fmt_list(v) for v in yi]
        lines.append("orders: " + ("none" if orders is None else
                                   (str(orders) if isinstance(orders, int) else " ".join(map(str, orders)))))
        lines.append("orders_kind: " + ("none" if orders is None else ("int" if isinstance(orders, int) else "list")))
        e = _err(lambda: si.BPoly.from_derivatives(xi, arg, orders=orders))
        if e is not None:
            lines.append("expect_error: " + e)
        else:
            bp = si.BPoly.from_derivatives(xi, arg, orders=orders)
            query = np.concatenate((rng.uniform(xi[0], xi[-1], 15), xi, [xi[0] - 0.3, xi[-1] + 0.4]))
            lines += ["order: %d" % bp.c.shape[0], "c: " + fmt_list(bp.c), "query: " + fmt_list(query),
                      "value: " + fmt_list(np.asarray(bp(query)).reshape(len(query), m)),
                      "scale: " + fmt(max(1.0, np.max(np.abs(bp.c))))]
        out.append(_file(name, "from_derivatives", call, lines))
    return out


def roots_cases():
    out = []
    specs = [("ascending_quadratics", False, "true"), ("descending_quadratics", True, "true"),
             ("descending_noextrap", True, "false"), ("ascending_cubic_noextrap", False, "false"),
             ("descending_cubic", True, "true")]
    for label, desc, ext in specs:
        name = "roots_" + label
        rng = common.case_rng(SEED, name)
        n = 6
        x = np.linspace(0.0, 6.0, n + 1)
        k = 2 if "quadratic" in label else 3
        # pieces with roots inside: products of (s - r) with r in (0, 1) (local coordinate, sign per direction)
        c = np.zeros((k + 1, n))
        for i in range(n):
            r = rng.uniform(0.05, 0.95, k) * (-1.0 if desc else 1.0)
            c[:, i] = np.poly(r) * rng.choice([-1.0, 1.0]) * rng.uniform(0.5, 2.0)
        if desc:
            x = x[::-1].copy()
        pp = si.PPoly(c, x, extrapolate=_ext(ext))
        r = pp.roots()
        out.append(_file(name, "roots", "scipy.interpolate.PPoly(c, x, extrapolate=%r).roots()" % _ext(ext),
                         ["k: %d" % k, "extrapolate: " + ext, "x: " + fmt_list(x), "c: " + fmt_list(c),
                          "roots: " + fmt_list(r), "scale: 6.0"]))
    return out


def ppoly_descending_cases():
    out = []
    for k, m, ext in ((3, 1, "true"), (2, 2, "true"), (3, 1, "false"), (1, 1, "true")):
        name = "ppoly_descending_k%d_m%d_%s" % (k, m, ext)
        rng = common.case_rng(SEED, name)
        n = 6
        x = np.sort(rng.uniform(-2.0, 3.0, n + 1))[::-1].copy()
        c = rng.standard_normal((k + 1, n, m))
        pp = si.PPoly(c if m > 1 else c[:, :, 0], x, extrapolate=_ext(ext))
        query = np.concatenate((rng.uniform(x[-1], x[0], 20), x, [x[-1] - 0.6, x[0] + 0.8]))
        lines = ["k: %d" % k, "m: %d" % m, "extrapolate: " + ext, "x: " + fmt_list(x), "c: " + fmt_list(c),
                 "query: " + fmt_list(query)]
        for nu in range(0, k + 2):
            lines.append("d%d: %s" % (nu, fmt_list(np.asarray(pp(query, nu)).reshape(len(query), m))))
        lines.append("anti: " + fmt_list(np.asarray(pp.antiderivative(1)(query)).reshape(len(query), m)))
        for a, b in ((x[-1], x[0]), (x[4], x[1]), (x[1] + 0.05, x[5] - 0.1), (x[-1] - 1.0, x[0] + 0.5)):
            v = np.asarray(pp.integrate(a, b)).reshape(m)
            lines.append("integral: %s %s %s" % (fmt(a), fmt(b), fmt_list(v)))
        if m == 1:
            lines.append("roots: " + fmt_list(pp.roots()))
        lines.append("scale: " + fmt(np.max(np.abs(c))))
        out.append(_file(name, "ppoly_descending", "scipy.interpolate.PPoly(c, x descending, extrapolate=%r): "
                         "__call__(q, nu), antiderivative(1)(q), integrate(a, b), roots()" % _ext(ext), lines))
    return out


def cases():
    return (ppoly_descending_cases() + design_matrix_cases() + insert_knot_cases() + eval_nu_cases() + from_spline_cases()
            + from_power_basis_cases() + interp_t_cases() + bpoly_cases() + from_derivatives_cases()
            + roots_cases())


def generate():
    """(files, skipped) of this family: every case is written."""
    return cases(), []
