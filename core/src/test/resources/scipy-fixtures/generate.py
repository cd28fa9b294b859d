#!/usr/bin/env python3
"""Generates the scipy agreement fixtures for interp4j's 1-D interpolants.

Run from anywhere:  python3 core/src/test/resources/scipy-fixtures/generate.py
It rewrites every fixture under the folder this script lives in, plus index.txt (the list the Java
loader reads) and skipped.txt (cases that were not written, with the reason).

Fixture format (UTF-8 text, one item per line, read by ScipyFixture.java):
  * lines starting with '#' are comments: the provenance header (scipy/numpy versions, the exact
    scipy call, the seed, the date) and notes;
  * every other line is 'key: value'; a key may repeat (integral:, coef:), values are
    space-separated tokens; floats are Python repr() of float64 (round-trip exact), with the
    tokens 'nan', 'inf', '-inf' for non-finite values.
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

import datetime
import math
import multiprocessing as mp
import os
import platform
import shutil
import sys
import traceback
import zlib

import numpy as np
import scipy
import scipy.interpolate as si

SEED = 20240917
OUT = os.path.dirname(os.path.abspath(__file__))
TODAY = datetime.date.today().isoformat()
FAMILIES = ("cubic_spline", "pchip", "akima", "hermite", "ppoly", "make_interp_spline", "bspline", "interp1d")


# --------------------------------------------------------------------------------------------
# formatting
# --------------------------------------------------------------------------------------------

def fmt(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return repr(v)


def fmt_list(a):
    return " ".join(fmt(v) for v in np.asarray(a, dtype=float).ravel())


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
    return np.random.default_rng([SEED, zlib.crc32(name.encode())])


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
    hdr = [
        "# interp4j scipy agreement fixture (generated; do not edit: rerun generate.py)",
        "# generator: core/src/test/resources/scipy-fixtures/generate.py",
        "# scipy: %s" % scipy.__version__,
        "# numpy: %s" % np.__version__,
        "# python: %s" % platform.python_version(),
        "# date: %s" % TODAY,
        "# seed: %d; case rng = numpy.random.default_rng([%d, zlib.crc32(b'%s')])" % (SEED, SEED, case.name),
        "# call: %s" % case.call,
        "# selfdiff: same call on x' = -x[::-1], y' = y[::-1] (bc sides swapped, first-derivative bc negated), "
        "compared at -q",
    ]
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


def _child(case, conn):
    try:
        conn.send(("ok", evaluate(case)))
    except Exception:
        conn.send(("fail", traceback.format_exc()))
    conn.close()


def run_isolated(case):
    """Evaluates a case in a forked child so that a crash inside scipy cannot kill the generator."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_child, args=(case, child))
    p.start()
    child.close()
    result = None
    try:
        if parent.poll(120):
            result = parent.recv()
    except EOFError:
        result = None
    p.join(10)
    if p.is_alive():
        p.kill()
        p.join()
        return ("skip", "timeout")
    if result is None:
        return ("skip", "scipy process died (exit code %s, signal %s)" % (p.exitcode, -p.exitcode if p.exitcode and p.exitcode < 0 else None))
    return result


# --------------------------------------------------------------------------------------------
# case builders
# --------------------------------------------------------------------------------------------

CASES = []


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


def add_cubic_spline():
    for tag, l, r in CS_BCS:
        for n, ratio, yk in sizes_and_ratios(short=tag not in ("notaknot", "natural", "clamped", "periodic")):
            if tag == "periodic":
                yk = "periodic" if yk == "smooth" else "periodic_" + yk
            name = "cubic_spline/%s_n%d_%s_%s" % (tag, n, rname(ratio), yk)
            rng = case_rng(name)
            x = mesh(rng, n, ratio)
            y = ydata(rng, x, yk)
            if tag == "periodic":
                y[-1] = y[0]
            q, gen, _mids = queries(rng, x)
            extrap = "periodic" if tag == "periodic" else True
            bc = (l, r) if not (l == r and isinstance(l, str)) else l

            def build(x=x, y=y, bc=bc):
                return PPolyModel(si.CubicSpline(x, y, bc_type=bc), x[0], x[-1])

            mbc = bc if isinstance(bc, str) else (mirror_bc(bc[1]), mirror_bc(bc[0]))

            def mirror(x=x, y=y, mbc=mbc):
                return PPolyModel(si.CubicSpline(-x[::-1], y[::-1], bc_type=mbc), -x[-1], -x[0])

            CASES.append(Case("cubic_spline", name, "CubicSpline",
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

        CASES.append(Case("cubic_spline", name, "CubicSpline",
                          "scipy.interpolate.CubicSpline(x, y, bc_type=%r)" % bc, build, None, {"x": x, "y": y},
                          {"bc_left": bc, "bc_right": bc}))


def add_local(family, method, ctor_call, ctor, default_extrap, yks_extra=(), extra_meta=None, min_n=2, prefix=""):
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
            CASES.append(Case(family, name, method, ctor_call % ("" if extrap is default_extrap else ", extrapolate=True"),
                              build, mirror, data, meta, q, gen, integrals_for(rng, x[0], x[-1]),
                              solve_levels=(0.25,), default_oor=oor_token(default_extrap)))


def add_pchip():
    add_local("pchip", "PchipInterpolator", "scipy.interpolate.PchipInterpolator(x, y%s)",
              lambda x, y, d, e: si.PchipInterpolator(x, y, extrapolate=e), True, yks_extra=("plateau", "monotone"))


def add_akima():
    for m in ("akima", "makima"):
        add_local("akima", "Akima1DInterpolator",
                  "scipy.interpolate.Akima1DInterpolator(x, y, method=%r%%s)" % m,
                  (lambda m: lambda x, y, d, e: si.Akima1DInterpolator(x, y, method=m, extrapolate=e))(m),
                  False, yks_extra=("plateau", "monotone"), extra_meta={"akima_method": m}, prefix=m + "_")


def add_hermite():
    add_local("hermite", "CubicHermiteSpline", "scipy.interpolate.CubicHermiteSpline(x, y, dydx%s)",
              lambda x, y, d, e: si.CubicHermiteSpline(x, y, d, extrapolate=e), True)


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


def add_ppoly():
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
        _add_ppoly_case(name, c, x, extrap, rng)
    # a double root at a breakpoint and inside a piece, and a jump through zero
    x = np.array([-1.0, 0.0, 1.0, 2.5, 4.0])
    c = np.array([[1.0, 1.0, -1.0, 0.5],      # (s-a)^2 type pieces
                  [-2.0, 0.0, 2.0, -1.5],
                  [1.0, 0.0, -1.0, 1.125]])
    _add_ppoly_case("ppoly/double_roots", c, x, True, case_rng("ppoly/double_roots"))
    x = np.array([0.0, 1.0, 2.0, 3.0])
    c = np.array([[0.0, 1.0, 0.0], [1.0, -2.0, 1.0], [-0.5, 0.5, -0.25]])
    _add_ppoly_case("ppoly/discontinuous", c, x, True, case_rng("ppoly/discontinuous"))
    # a piece that vanishes identically
    c = np.array([[1.0, 0.0, 1.0], [-1.0, 0.0, 0.0], [0.0, 0.0, -0.5]])
    _add_ppoly_case("ppoly/zero_piece", c, x, True, case_rng("ppoly/zero_piece"))


def _add_ppoly_case(name, c, x, extrap, rng):
    q, gen, _mids = queries(rng, x)
    cm, xm = ppoly_mirror(c, x)

    def build(c=c, x=x, e=extrap):
        return PPolyModel(si.PPoly(c, x, extrapolate=e), x[0], x[-1], maxnu=2)

    def mirror(cm=cm, xm=xm, e=extrap):
        return PPolyModel(si.PPoly(cm, xm, extrapolate=e), xm[0], xm[-1], maxnu=2)

    vals = si.PPoly(c, x)(x)
    CASES.append(Case("ppoly", name, "PPoly",
                      "scipy.interpolate.PPoly(c, x, extrapolate=%r)" % (extrap,),
                      build, mirror, {"x": x, "coef": c},
                      {"n": len(x), "k": c.shape[0] - 1, "degree": c.shape[0] - 1, "spacing_ratio": fmt(spacing_ratio(x)),
                       "max_abs_y": fmt(np.max(np.abs(vals))), "oor": oor_token(extrap)},
                      q, gen, integrals_for(rng, x[0], x[-1]), solve_levels=(0.25, -0.5),
                      default_oor="extrapolate"))


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


def add_make_interp_spline():
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
            rng = case_rng(name)
            x = mesh(rng, n, ratio)
            y = ydata(rng, x, yk)
            if tag == "periodic":
                y[-1] = y[0]
            q, gen, _mids = queries(rng, x)
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
            CASES.append(c)
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

        CASES.append(Case("make_interp_spline", name, "BSpline.makeInterpSpline",
                          "scipy.interpolate.make_interp_spline(x, y, k=%d, bc_type=%r)" % (k, bc),
                          build, None, {"x": x, "y": y},
                          {"k": k, "bc_left": bc or "not-a-knot", "bc_right": bc or "not-a-knot"}, risky=True))


def add_bspline():
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
            CASES.append(Case("bspline", name, "BSpline",
                              "scipy.interpolate.BSpline(t, c, k=%d, extrapolate=%r)" % (k, extrap),
                              build, mirror, {"t": t, "c": cc},
                              {"k": k, "degree": k, "n": nc, "spacing_ratio": fmt(spacing_ratio(t)),
                               "max_abs_y": fmt(max(np.max(np.abs(cc)), np.max(np.abs(vals)))),
                               "oor": oor_token(extrap)},
                              q, gen, integrals_for(rng, lo, hi), default_oor="extrapolate", knots=t, mesh=t))


INTERP1D_KINDS = ["linear", "nearest", "nearest-up", "previous", "next", "zero", "slinear", "quadratic", "cubic"]
MIRROR_KIND = {"nearest": "nearest-up", "nearest-up": "nearest", "previous": "next", "next": "previous"}
ORDER = {"zero": 0, "slinear": 1, "quadratic": 2, "cubic": 3}


def add_interp1d():
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
                CASES.append(Case("interp1d", name, "Interp1d",
                                  "scipy.interpolate.interp1d(x, y, kind=%r%s)" % (kind, (", " + kw_s) if kw_s else ""),
                                  build, mirror, {"x": x, "y": y},
                                  {"n": len(x), "kind": kind, "degree": ORDER.get(kind, 1 if kind == "linear" else 0),
                                   "assume_sorted": "false",
                                   "spacing_ratio": fmt(spacing_ratio(x)), "max_abs_y": fmt(np.max(np.abs(y))),
                                   "oor": oor}, q, gen, risky=kind in ORDER, default_oor="raise", knots=knots))


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


# --------------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------------

def main():
    add_cubic_spline()
    add_pchip()
    add_akima()
    add_hermite()
    add_ppoly()
    add_make_interp_spline()
    add_bspline()
    add_interp1d()
    names = [c.name for c in CASES]
    dup = {n for n in names if names.count(n) > 1}
    assert not dup, dup
    for fam in FAMILIES:
        d = os.path.join(OUT, fam)
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    index, skipped = [], []
    for c in CASES:
        res = run_isolated(c) if c.risky else ("ok", evaluate(c))
        if res[0] != "ok":
            skipped.append("%s\t%s\t%s" % (c.name, c.call, res[1].strip().splitlines()[-1]))
            continue
        text = res[1]
        if c.mirror is None and "expect_error:" not in text:
            skipped.append("%s\t%s\tscipy accepted a degenerate input (no fixture)" % (c.name, c.call))
            continue
        path = c.name + ".txt"
        with open(os.path.join(OUT, path), "w") as fh:
            fh.write(text)
        index.append(path)
    with open(os.path.join(OUT, "index.txt"), "w") as fh:
        fh.write("# fixture files, relative to this folder (written by generate.py, %s, scipy %s, numpy %s)\n"
                 % (TODAY, scipy.__version__, np.__version__))
        fh.write("\n".join(index) + "\n")
    with open(os.path.join(OUT, "skipped.txt"), "w") as fh:
        fh.write("# cases generate.py did not write (case, scipy call, reason); %s, scipy %s\n" % (TODAY, scipy.__version__))
        fh.write("\n".join(skipped) + ("\n" if skipped else ""))
    print("wrote %d fixtures, skipped %d" % (len(index), len(skipped)), file=sys.stderr)


if __name__ == "__main__":
    main()
