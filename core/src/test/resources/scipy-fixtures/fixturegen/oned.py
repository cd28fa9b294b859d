"""The machinery the 1-D families share (cubic_spline, pchip, akima, hermite, ppoly,
make_interp_spline, bspline, interp1d): data, query points, wrappers over the scipy objects with
their mirror images, the scales of the self-disagreement measure, and the evaluation of one case
into fixture text. Each family's module only lists its cases.

Keys (all optional except case/family/method):
  case, family, method         identification
  n, spacing_ratio, max_abs_y  data size, max/min spacing (as computed in float64 from x), max|y|
  k                            spline degree (BSpline, make_interp_spline, interp1d splines)
  bc_left, bc_right            boundary conditions: not-a-knot | natural | clamped | periodic |
                               first <v> | second <v> | none
  kind                         interp1d kind (scipy spelling)
  assume_sorted                interp1d's assume_sorted
  akima_method                 akima | makima
  oor                          out-of-range mode of the scipy object being evaluated:
                               extrapolate | nan | periodic | raise | fill <below> <above>
  default_oor                  scipy's default mode for this constructor call (same tokens)
  x, y, dydx                   constructor data (x as passed, possibly unsorted)
  t, c, coef                   BSpline knots/coefficients; PPoly coefficient rows (coef: repeats,
                               row r = scipy c[r, :], highest power first)
  query                        evaluation points (include exact breakpoints, midpoints, and
                               out-of-range points)
  value, d1, d2                f(q), f'(q), f''(q) at every query (nan where scipy gives nan), from
                               scipy's __call__(q, nu)
  d1_derivative_error, d2_...  scipy's .derivative(nu) raises this (the values above still come from
                               __call__(q, nu)): interp4j may throw too, or match the values
  degree                       the polynomial degree of the pieces (used by the tolerance scales)
  anti                         the first antiderivative (scipy's .antiderivative(1)) at every query
  integral: a b v              scipy .integrate(a, b) == v (repeats)
  roots                        scipy .roots() (default arguments), ascending, nan last (scipy's
                               marker of a piece identically equal to the level)
  roots_slope                  |f'(r)| at each root (scipy), to tell simple from double roots
  roots_window: a b            roots outside [a, b] (100 spans beyond the data) are not compared:
                               extrapolated tails with a rounding-noise leading coefficient give
                               meaningless far roots (e.g. 1e16)
  solve: y0 r...               scipy .solve(y0) (repeats), same conventions
  solve_slope: y0 s...         |f'| at those roots
  selfdiff: name v ...         scipy's disagreement with itself on the mirrored problem
                               (x -> -x, y reversed, queried at -q, derivatives sign-adjusted,
                               boundary conditions swapped, nearest <-> nearest-up,
                               previous <-> next): the max abs difference for each of value, d1,
                               d2, anti, integral, roots, solve, over the queries that are not
                               exactly on a breakpoint or knot (nor a nearest-tie midpoint, nor a
                               point that wraps onto the period boundary); nan where there is no
                               mirrored scipy call (degree-0 splines are right-continuous, their
                               mirror image left-continuous)
  selfdiff_rel: name v ...     the same, each difference divided by its scale (class Scales below,
                               mirrored by Agreement.java); roots and solve divided by
                               max(|lo|, |hi|, hi - lo). The Java tests allow 10x this where the
                               spacing ratio exceeds 1e3
  expect_error                 scipy raised this error: the Java constructor must throw too
"""

import math

import numpy as np

from . import common
from .common import fmt, fmt_list

SEED = 20240917


def bc_token(bc):
    """interp4j token of one side's scipy bc_type entry."""
    if bc is None:
        return "none"
    if isinstance(bc, str):
        return bc
    order, v = bc
    return ("first " if order == 1 else "second ") + fmt(v)


def mirror_bc(bc):
    if bc is None or isinstance(bc, str):
        return bc
    order, v = bc
    return (order, -v if order == 1 else v)


def oor_token(extrap):
    if extrap is True:
        return "extrapolate"
    if extrap is False:
        return "nan"
    return str(extrap)


# --------------------------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------------------------

def case_rng(name):
    return common.case_rng(SEED, name)


def mesh(rng, n, ratio, x0=-2.0, span=10.0):
    """n increasing abscissae over about [x0, x0 + span]; max/min spacing about `ratio`
    (never above it when ratio <= 1e3). ratio == 1 gives an exactly uniform binary mesh."""
    if n == 1:
        return np.array([x0])
    if ratio == 1 or n == 2:
        h = 2.0 ** round(math.log2(span / (n - 1)))
        return x0 + h * np.arange(n)
    steps = rng.uniform(1.0, 1.5, n - 1) * (span / (1.25 * (n - 1)))
    m = max(1, (n - 1) // 5)                     # a cluster of small steps
    start = int(rng.integers(0, n - 1 - m + 1))
    tiny = steps.max() / ratio
    steps[start:start + m] = tiny * rng.uniform(1.0, 1.0 + 1e-3, m)
    x = x0 + np.concatenate(([0.0], np.cumsum(steps)))
    d = np.diff(x)
    if ratio <= 1e3:
        # shrink the largest steps a hair until the float64 ratio is within the bound
        while d.max() / d.min() > ratio:
            steps[start:start + m] *= 1.0 + 1e-6
            x = x0 + np.concatenate(([0.0], np.cumsum(steps)))
            d = np.diff(x)
    return x


def ydata(rng, x, kind):
    span = x[-1] - x[0] if len(x) > 1 else 1.0
    u = (x - x[0]) / span
    if kind == "smooth":
        return np.sin(2 * np.pi * 1.3 * u + 0.4) + 0.5 * np.cos(2 * np.pi * 3.1 * u)
    if kind == "noisy":
        return np.sin(2 * np.pi * 1.3 * u + 0.4) + 0.4 * rng.standard_normal(len(x))
    if kind == "scaled":
        return 3.0e4 * (np.sin(2 * np.pi * 1.3 * u + 0.4) + 0.5 * np.cos(2 * np.pi * 3.1 * u)) - 1.7e5
    if kind == "plateau":
        return rng.integers(0, 3, len(x)).astype(float)
    if kind.startswith("periodic"):
        y = np.sin(2 * np.pi * u) + 0.3 * np.cos(4 * np.pi * u + 0.2)
        if kind == "periodic_noisy":
            y = y + 0.4 * rng.standard_normal(len(x))
        elif kind == "periodic_scaled":
            y = 3.0e4 * y - 1.7e5
        y[-1] = y[0]
        return y
    if kind == "monotone":
        return np.cumsum(rng.uniform(0.0, 1.0, len(x))) * (rng.uniform(size=len(x)) > 0.3)
    raise ValueError(kind)


def queries(rng, x, nrand=16, nmid=8):
    """Exact breakpoints, midpoints (of the 3 smallest intervals and of random ones), random points over
    a 20 % wider range, far points, and the neighbours of the ends. Returns (q, generic, mids): generic
    is False on the exact breakpoints (excluded from the self-disagreement measure: a derivative may
    jump there, and the mirror image evaluates the other side)."""
    xs = np.unique(np.asarray(x, dtype=float))
    lo, hi = xs[0], xs[-1]
    span = hi - lo if hi > lo else 1.0
    mids_all = (xs[1:] / 2 + xs[:-1] / 2)
    order = np.argsort(np.diff(xs), kind="stable")
    small = order[:3]
    rest = np.setdiff1d(np.arange(len(mids_all)), small)
    pick = rng.choice(rest, min(nmid, len(rest)), replace=False) if len(rest) else np.array([], int)
    mids = mids_all[np.sort(np.concatenate((small, pick)).astype(int))]
    rnd = rng.uniform(lo - 0.2 * span, hi + 0.2 * span, nrand)
    far = np.array([lo - span, hi + 0.75 * span])
    near = np.array([np.nextafter(lo, -np.inf), np.nextafter(hi, np.inf),
                     np.nextafter(lo, np.inf), np.nextafter(hi, -np.inf)])
    q = np.concatenate((xs, mids, rnd, far, near))
    generic = np.concatenate((np.zeros(len(xs), bool), np.ones(len(q) - len(xs), bool)))
    return q, generic, mids


def spacing_ratio(x):
    d = np.diff(np.unique(np.asarray(x, dtype=float)))
    if len(d) == 0:
        return 1.0
    return float(d.max() / d.min())


# --------------------------------------------------------------------------------------------
# models: uniform wrappers over scipy objects, with their mirror images
# --------------------------------------------------------------------------------------------

class PPolyModel:
    """Wraps a scipy PPoly subclass instance."""

    def __init__(self, obj, lo, hi, maxnu=2):
        self.obj, self.lo, self.hi, self.maxnu = obj, lo, hi, maxnu

    def value(self, q, nu=0):
        return np.asarray(self.obj(q, nu), dtype=float)

    def anti(self, q):
        return np.asarray(self.obj.antiderivative(1)(q), dtype=float)

    def integral(self, a, b):
        return float(self.obj.integrate(a, b))

    def roots(self):
        return np.sort(np.asarray(self.obj.roots(), dtype=float))

    def solve(self, y0):
        return np.sort(np.asarray(self.obj.solve(y0), dtype=float))


class BSplineModel(PPolyModel):
    def __init__(self, obj, maxnu=2):
        k = obj.k
        n = len(obj.t) - k - 1
        super().__init__(obj, obj.t[k], obj.t[n], maxnu=min(maxnu, k))

    def value(self, q, nu=0):
        return np.asarray(self.obj(q, nu), dtype=float)

    roots = None
    solve = None


class Interp1dModel:
    def __init__(self, obj, lo, hi):
        self.obj, self.lo, self.hi = obj, lo, hi
        self.maxnu = 0

    def value(self, q, nu=0):
        assert nu == 0
        with np.errstate(all="ignore"):
            return np.asarray(self.obj(q), dtype=float)

    anti = integral = roots = solve = None


def pmax(a, b):
    """max that propagates nan."""
    return float("nan") if (a != a or b != b) else max(a, b)


def compare_sets(a, b):
    """Hausdorff distance of the finite parts; nan when the nan counts (scipy's mark of an
    identically zero piece) differ or only one side is empty."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    if np.isnan(a).sum() != np.isnan(b).sum():
        return float("nan")
    a, b = a[~np.isnan(a)], b[~np.isnan(b)]
    if len(a) == 0 and len(b) == 0:
        return 0.0
    if len(a) == 0 or len(b) == 0:
        return float("nan")
    d1 = max(np.min(np.abs(b - v)) for v in a)
    d2 = max(np.min(np.abs(a - v)) for v in b)
    return float(max(d1, d2))


# --------------------------------------------------------------------------------------------
# a case
# --------------------------------------------------------------------------------------------

class Case:
    def __init__(self, family, name, method, call, build, mirror, data, meta, q=None, generic=None,
                 integrals=None, solve_levels=(), risky=False, default_oor=None, knots=None, mesh=None):
        self.family, self.name, self.method, self.call = family, name, method, call
        self.build, self.mirror = build, mirror       # () -> model
        self.data = data                              # ordered dict of key -> array
        self.meta = meta                              # ordered dict of key -> str
        self.q, self.generic = q, generic
        self.integrals = integrals or []
        self.solve_levels = solve_levels
        self.risky = risky
        self.default_oor = default_oor
        self.knots = knots                            # extra special points (BSpline knots)
        self.mesh = mesh                              # abscissae for the scales (default: data x)


class Scales:
    """The natural scale of each compared quantity (mirrored exactly by Agreement.java).

    mesh: sorted distinct abscissae (data x; the knots for a BSpline given by t, c); [lo, hi] the range;
    k the degree; U = max|y|. At a query q, h is the width of the mesh interval holding q (the right one
    at a breakpoint, the last one at hi; the end interval outside the range) and d its distance outside
    the range (0 inside). A polynomial piece known to 1e-12 U on an interval of width h has a nu-th
    derivative known to 1e-12 U / h^nu, and continued a distance d beyond it, to
    1e-12 U / h^nu (1 + d/h)^(k - nu). So:
      value, d1, d2:  S_nu(q) = max(U / h^nu * (1 + d/h)^max(k - nu, 0), |scipy(q)|)
      anti:           S(q)    = max(U * max(hi - lo, h (1 + d/h)^(k + 1)), |scipy(q)|)
      integral(a, b): S       = max(U * max(hi - lo, |b - a|, h_a (1 + d_a/h_a)^(k + 1), same at b), |v|)
    Inside the range a value's scale is exactly U = max|y|.
    """

    def __init__(self, mesh, lo, hi, k, unit):
        self.m = np.unique(np.asarray(mesh, float))
        self.lo, self.hi, self.k, self.U = lo, hi, k, unit
        self.span = hi - lo if hi > lo else 1.0

    def hd(self, q):
        q = np.asarray(q, float)
        m = self.m
        if len(m) < 2:
            return np.full(q.shape, self.span), np.zeros(q.shape)
        i = np.clip(np.searchsorted(m, q, side="right") - 1, 0, len(m) - 2)
        h = m[i + 1] - m[i]
        with np.errstate(invalid="ignore"):
            d = np.where(q < self.lo, self.lo - q, np.where(q > self.hi, q - self.hi, 0.0))
        d = np.where(np.isnan(d), 0.0, d)
        return h, d

    def point(self, q, nu, ref):
        h, d = self.hd(q)
        s = self.U / h ** nu * (1.0 + d / h) ** max(self.k - nu, 0)
        ref = np.asarray(ref, float)
        return np.maximum(s, np.where(np.isfinite(ref), np.abs(ref), 0.0))

    def anti(self, q, ref):
        h, d = self.hd(q)
        s = self.U * np.maximum(self.span, h * (1.0 + d / h) ** (self.k + 1))
        ref = np.asarray(ref, float)
        return np.maximum(s, np.where(np.isfinite(ref), np.abs(ref), 0.0))

    def integral(self, a, b, v):
        h, d = self.hd(np.array([a, b], float))
        ext = h * (1.0 + d / h) ** (self.k + 1)
        s = self.U * max(self.span, abs(b - a), float(ext[0]), float(ext[1]))
        return max(s, abs(v) if np.isfinite(v) else 0.0)


def rel_maxdiff(a, b, s, mask):
    """max |a_i - b_i| / s_i over mask; nan-vs-nan agrees; nan-vs-number gives nan (unmeasurable)."""
    a, b, s = np.asarray(a, float)[mask], np.asarray(b, float)[mask], np.asarray(s, float)[mask]
    nan_a, nan_b = np.isnan(a), np.isnan(b)
    if (nan_a ^ nan_b).any():
        return float("nan")
    ok = ~nan_a & np.isfinite(a) & np.isfinite(b)
    if not ok.any():
        return 0.0
    return float(np.max(np.abs(a[ok] - b[ok]) / s[ok]))


def evaluate(case):
    """Runs scipy for one case; returns the fixture text (or raises)."""
    lines = []
    if case.mirror is None:       # an input scipy should reject: run the constructor only
        try:
            case.build()
        except Exception as e:
            msg = str(e).splitlines()[0] if str(e) else ""
            return render(case, ["expect_error: %s: %s" % (type(e).__name__, msg)])
        return render(case, ["# scipy accepted this input"])
    try:
        model = case.build()
    except Exception as e:  # scipy refused: an expected-error fixture
        return render(case, ["expect_error: %s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")])
    mirror = case.mirror()
    q, generic = case.q, case.generic.copy()
    lo, hi = float(model.lo), float(model.hi)
    span = hi - lo if hi > lo else 1.0
    if case.knots is not None:
        generic &= ~np.isin(q, case.knots)
    if case.meta.get("oor") == "periodic":
        # queries that wrap onto the period boundary see the other side in the mirror
        w = np.mod(q - lo, span)
        generic &= np.minimum(w, span - w) > 1e-9 * span
    unit = float(case.meta["max_abs_y"])
    sc = Scales(case.mesh if case.mesh is not None else case.data["x"], lo, hi, int(case.meta["degree"]), unit)
    xscale = max(abs(lo), abs(hi), span)
    sd, sa = {}, {}
    no_mirror = case.meta.get("k") == 0 or case.meta.get("kind") == "zero"
    with np.errstate(all="ignore"):
        v = model.value(q)
        lines.append("value: " + fmt_list(v))
        vm = mirror.value(-q)
        sd["value"] = rel_maxdiff(v, vm, sc.point(q, 0, v), generic)
        sa["value"] = rel_maxdiff(v, vm, np.ones(len(q)), generic)
        for nu in (1, 2):
            if nu <= model.maxnu:
                d = model.value(q, nu)
                lines.append("d%d: %s" % (nu, fmt_list(d)))
                try:
                    model.obj.derivative(nu)
                except Exception as e:  # e.g. BSpline.derivative on repeated interior knots
                    lines.append("d%d_derivative_error: %s: %s" % (nu, type(e).__name__, str(e).splitlines()[0]))
                dm = (-1) ** nu * mirror.value(-q, nu)
                sd["d%d" % nu] = rel_maxdiff(d, dm, sc.point(q, nu, d), generic)
                sa["d%d" % nu] = rel_maxdiff(d, dm, np.ones(len(q)), generic)
        if model.anti is not None:
            F = model.anti(q)
            lines.append("anti: " + fmt_list(F))
            # int_lo^q f = int_{-q}^{-lo} f_mirror  =>  F(q) = F(lo) + Fm(-lo) - Fm(-q)
            Fl = model.anti(np.array([lo]))[0]
            Fm = Fl + mirror.anti(np.array([-lo]))[0] - mirror.anti(-q)
            sd["anti"] = rel_maxdiff(F, Fm, sc.anti(q, F), generic)
            sa["anti"] = rel_maxdiff(F, Fm, np.ones(len(q)), generic)
        if model.integral is not None and case.integrals:
            worst_r, worst_a = 0.0, 0.0
            for a, b in case.integrals:
                iv = model.integral(a, b)
                lines.append("integral: %s %s %s" % (fmt(a), fmt(b), fmt(iv)))
                im = mirror.integral(-b, -a)
                if np.isnan(iv) and np.isnan(im):
                    continue
                if np.isnan(iv) or np.isnan(im):
                    worst_r = worst_a = float("nan")
                    continue
                worst_r = pmax(worst_r, abs(iv - im) / sc.integral(a, b, iv))
                worst_a = pmax(worst_a, abs(iv - im))
            sd["integral"], sa["integral"] = worst_r, worst_a
        if model.roots is not None:
            # roots far outside the data (extrapolated tails whose leading coefficient is rounding
            # noise, e.g. 1e-17) are not compared: keep those within 100 spans of the range
            win = (lo - 100 * span, hi + 100 * span)
            inwin = lambda r: r[np.isnan(r) | ((r >= win[0]) & (r <= win[1]))]
            lines.append("roots_window: %s %s" % (fmt(win[0]), fmt(win[1])))
            r = inwin(model.roots())
            lines.append("roots: " + fmt_list(r))
            lines.append("roots_slope: " + fmt_list(np.abs(model.value(r, 1)) if len(r) else []))
            dr = compare_sets(r, inwin(-mirror.roots()[::-1]))
            sd["roots"], sa["roots"] = dr / xscale, dr
            worst = 0.0
            for y0 in case.solve_levels:
                s = inwin(model.solve(y0))
                lines.append("solve: %s %s" % (fmt(y0), fmt_list(s)))
                lines.append("solve_slope: %s %s" % (fmt(y0), fmt_list(np.abs(model.value(s, 1)) if len(s) else [])))
                worst = pmax(worst, compare_sets(s, inwin(-mirror.solve(y0)[::-1])))
            if case.solve_levels:
                sd["solve"], sa["solve"] = worst / xscale, worst
    if no_mirror:
        # a degree-0 spline is right-continuous; its mirror image is left-continuous, a different
        # function: there is no mirrored scipy call to measure against
        sd = {k: float("nan") for k in sd}
        sa = {k: float("nan") for k in sa}
    lines.append("selfdiff: " + " ".join("%s %s" % (k, fmt(val)) for k, val in sa.items()))
    lines.append("selfdiff_rel: " + " ".join("%s %s" % (k, fmt(val)) for k, val in sd.items()))
    return render(case, lines)


def render(case, body):
    hdr = common.header(SEED, case.name, case.call, notes=(
        "selfdiff: same call on x' = -x[::-1], y' = y[::-1] (bc sides swapped, first-derivative bc negated), "
        "compared at -q",))
    out = hdr + ["case: " + case.name, "family: " + case.family, "method: " + case.method]
    for k, val in case.meta.items():
        out.append("%s: %s" % (k, val))
    if case.default_oor is not None:
        out.append("default_oor: " + case.default_oor)
    for k, arr in case.data.items():
        if k == "coef":
            for row in arr:
                out.append("coef: " + fmt_list(row))
        else:
            out.append("%s: %s" % (k, fmt_list(arr)))
    if case.q is not None:
        out.append("query: " + fmt_list(case.q))
    return "\n".join(out + body) + "\n"


def produce(cases):
    """Evaluates the cases of one family (the risky ones in a forked child).

    Returns (files, skipped): files a list of (path, text), skipped a list of 'case<TAB>call<TAB>reason'."""
    names = [c.name for c in cases]
    dup = {n for n in names if names.count(n) > 1}
    assert not dup, dup
    files, skipped = [], []
    for c in cases:
        res = common.run_isolated(evaluate, c) if c.risky else ("ok", evaluate(c))
        if res[0] != "ok":
            skipped.append("%s\t%s\t%s" % (c.name, c.call, res[1].strip().splitlines()[-1]))
            continue
        text = res[1]
        if c.mirror is None and "expect_error:" not in text:
            skipped.append("%s\t%s\tscipy accepted a degenerate input (no fixture)" % (c.name, c.call))
            continue
        files.append((c.name + ".txt", text))
    return files, skipped


# --------------------------------------------------------------------------------------------
# what the case builders share
# --------------------------------------------------------------------------------------------

def integrals_for(rng, lo, hi):
    span = hi - lo
    return [(lo, hi), (hi, lo), (lo + 0.25 * span, lo + 0.6 * span),
            (float(rng.uniform(lo, hi)), float(rng.uniform(lo, hi))),
            (lo - 0.3 * span, lo + 0.1 * span), (hi - 0.2 * span, hi + 0.4 * span),
            (lo - 0.5 * span, hi + 0.5 * span), (lo + 0.3 * span, lo + 0.3 * span)]


def sizes_and_ratios(min_n=2, short=False):
    out = []
    for n in (2, 3, 4):
        if n >= min_n:
            out.append((n, 1.0, "smooth"))
    for n in (3, 4):
        if n >= min_n:
            out.append((n, 1e3, "smooth"))
    for ratio in (1.0, 1e3, 1e6):
        for yk in ("smooth", "noisy"):
            if not (short and yk == "noisy" and ratio != 1.0):
                out.append((50, ratio, yk))
    if not short:
        out.append((50, 1e4, "smooth"))
        out.append((17, 1.0, "scaled"))
    return out


def rname(ratio):
    return "r1" if ratio == 1 else "r1e%d" % round(math.log10(ratio))


def sample(name, n, ratio, yk, periodic=False):
    """The data of a case that interpolates y(x): returns (rng, x, y, q, generic), y[-1] = y[0] if periodic."""
    rng = case_rng(name)
    x = mesh(rng, n, ratio)
    y = ydata(rng, x, yk)
    if periodic:
        y[-1] = y[0]
    q, gen, _mids = queries(rng, x)
    return rng, x, y, q, gen


def local_cases(family, method, ctor_call, ctor, default_extrap, yks_extra=(), extra_meta=None, min_n=2, prefix=""):
    """The cases of a local cubic interpolant ctor(x, y, dydx, extrapolate) (pchip, akima, hermite)."""
    out = []
    for n, ratio, yk in sizes_and_ratios(min_n) + [(50, 1.0, k) for k in yks_extra] + [(4, 1.0, k) for k in yks_extra]:
        for extrap in ([default_extrap] if default_extrap is True else [default_extrap, True]):
            name = "%s/%sn%d_%s_%s%s" % (family, prefix, n, rname(ratio), yk, "" if extrap is default_extrap else "_extrap")
            rng = case_rng(name)
            x = mesh(rng, n, ratio)
            y = ydata(rng, x, yk)
            dydx = rng.standard_normal(n) * 1.5
            q, gen, _mids = queries(rng, x)

            def build(x=x, y=y, dydx=dydx, extrap=extrap):
                return PPolyModel(ctor(x, y, dydx, extrap), x[0], x[-1])

            def mirror(x=x, y=y, dydx=dydx, extrap=extrap):
                return PPolyModel(ctor(-x[::-1], y[::-1], -dydx[::-1], extrap), -x[-1], -x[0])

            data = {"x": x, "y": y}
            if family == "hermite":
                data["dydx"] = dydx
            meta = {"n": n, "degree": 3, "spacing_ratio": fmt(spacing_ratio(x)), "max_abs_y": fmt(np.max(np.abs(y)))}
            meta.update(extra_meta or {})
            meta["oor"] = oor_token(extrap)
            out.append(Case(family, name, method, ctor_call % ("" if extrap is default_extrap else ", extrapolate=True"),
                            build, mirror, data, meta, q, gen, integrals_for(rng, x[0], x[-1]),
                            solve_levels=(0.25,), default_oor=oor_token(default_extrap)))
    return out
