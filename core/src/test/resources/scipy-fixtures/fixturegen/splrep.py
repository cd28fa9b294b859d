"""scipy 1.15+'s FITPACK-free smoothing splines: scipy.interpolate.make_splrep, make_splprep and
generate_knots (scipy/interpolate/_fitpack_repro.py): degrees 1..5, weights, xb/xe, given knots, nest,
s = 0 (interpolation), a large s (the least-squares polynomial), noisy data, 2-D and 3-D curves.

Keys: case, kind (splrep | splprep | generate_knots), k, s, m, ydim, x (splrep: abscissae; splprep: the
parameters u scipy computed), y (row-major m * ydim; splprep: the points, one row per point),
u_given (true when u was passed), w, xb, xe, t_in, nest (when given), t and c (the result, c row-major
n * ydim), ier (from scipy's RuntimeWarning: 0, 2 or 3; -1 for s = 0; -2 without interior knots),
q, values, knots_step (generate_knots: one line per yielded vector, in order), max_abs_y.
"""

import warnings

import numpy as np
import scipy.interpolate as si

from . import common
from .common import fmt, fmt_list

FAMILY = "make_splrep"
SEED = 20261201


def ier_of(caught, t, k, s):
    if s == 0:
        return -1
    for w in caught:
        msg = str(w.message)
        if "maximal number of iterations" in msg:
            return 3
        if "theoretically impossible" in msg:
            return 2
    return -2 if len(t) == 2 * (k + 1) else 0


def kw_text(kw):
    return ", ".join("%s=%s" % (k, "w" if k == "w" else ("t_in" if k == "t" else ("u" if k == "u" else repr(v))))
                     for k, v in kw.items())


def splrep_case(name, x, y, k, s, rng, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        spl = si.make_splrep(x, y, k=k, s=s, **kw)
    ier = ier_of(caught, spl.t, k, s)
    lo, hi = spl.t[k], spl.t[len(spl.t) - k - 1]
    q = np.r_[np.sort(rng.uniform(lo, hi, 40)), x[:5], lo, hi]
    vals = spl(q)
    call = "scipy.interpolate.make_splrep(x, y, k=%d, s=%r%s)" % (k, s, (", " + kw_text(kw)) if kw else "")
    lines = common.header(SEED, name, call, subject=" for BSpline.fitSplrep") + [
        "case: " + name, "family: " + FAMILY, "kind: splrep", "k: %d" % k, "s: " + fmt(s), "m: %d" % len(x),
        "ydim: 1", "x: " + fmt_list(x), "y: " + fmt_list(y)]
    lines += extra_lines(kw)
    lines += ["t: " + fmt_list(spl.t), "c: " + fmt_list(spl.c), "ier: %d" % ier, "q: " + fmt_list(q),
              "values: " + fmt_list(vals), "max_abs_y: " + fmt(np.max(np.abs(y)))]
    return FAMILY + "/" + name + ".txt", "\n".join(lines) + "\n"


def error_case(name, x, y, k, s):
    try:
        si.make_splrep(x, y, k=k, s=s)
        raise AssertionError(name + ": scipy did not raise")
    except ValueError as e:
        err = "ValueError: " + " ".join(str(e).split())
    call = "scipy.interpolate.make_splrep(x, y, k=%d, s=%r)" % (k, s)
    lines = common.header(SEED, name, call, subject=" for BSpline.fitSplrep") + [
        "case: " + name, "family: " + FAMILY, "kind: splrep", "k: %d" % k, "s: " + fmt(s), "m: %d" % len(x),
        "ydim: 1", "x: " + fmt_list(x), "y: " + fmt_list(y), "expect_error: " + err]
    return FAMILY + "/" + name + ".txt", "\n".join(lines) + "\n"


def extra_lines(kw):
    out = []
    if "w" in kw:
        out.append("w: " + fmt_list(kw["w"]))
    if "xb" in kw:
        out.append("xb: " + fmt(kw["xb"]))
    if "xe" in kw:
        out.append("xe: " + fmt(kw["xe"]))
    if "ub" in kw:
        out.append("xb: " + fmt(kw["ub"]))
    if "ue" in kw:
        out.append("xe: " + fmt(kw["ue"]))
    if "t" in kw:
        out.append("t_in: " + fmt_list(kw["t"]))
    if "nest" in kw:
        out.append("nest: %d" % kw["nest"])
    return out


def splprep_case(name, pts, k, s, rng, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        spl, u = si.make_splprep(pts, k=k, s=s, **kw)
    ier = ier_of(caught, spl.t, k, s)
    lo, hi = spl.t[k], spl.t[len(spl.t) - k - 1]
    q = np.r_[np.sort(rng.uniform(lo, hi, 40)), u[:5], lo, hi]
    vals = np.asarray(spl(q)).T  # (len(q), ndim)
    c = np.asarray(spl.c)  # (n, ndim): BSpline keeps the interpolation axis first
    y = np.asarray(pts).T
    call = "scipy.interpolate.make_splprep(x, k=%d, s=%r%s)" % (k, s, (", " + kw_text(kw)) if kw else "")
    lines = common.header(SEED, name, call, subject=" for BSpline.makeSplprep") + [
        "case: " + name, "family: " + FAMILY, "kind: splprep", "k: %d" % k, "s: " + fmt(s), "m: %d" % len(u),
        "ydim: %d" % y.shape[1], "u_given: %s" % ("true" if "u" in kw else "false"), "x: " + fmt_list(u),
        "y: " + fmt_list(y)]
    lines += extra_lines(kw)
    lines += ["t: " + fmt_list(spl.t), "c: " + fmt_list(c), "ier: %d" % ier, "q: " + fmt_list(q),
              "values: " + fmt_list(vals), "max_abs_y: " + fmt(np.max(np.abs(y)))]
    return FAMILY + "/" + name + ".txt", "\n".join(lines) + "\n"


def knots_case(name, x, y, k, s, **kw):
    steps = list(si.generate_knots(x, y, k=k, s=s, **kw))
    call = "list(scipy.interpolate.generate_knots(x, y, k=%d, s=%r%s))" % (k, s, (", " + kw_text(kw)) if kw else "")
    lines = common.header(SEED, name, call, subject=" for BSpline.generateKnots") + [
        "case: " + name, "family: " + FAMILY, "kind: generate_knots", "k: %d" % k, "s: " + fmt(s),
        "m: %d" % len(x), "ydim: %d" % (1 if y.ndim == 1 else y.shape[1]), "x: " + fmt_list(x),
        "y: " + fmt_list(y)]
    lines += extra_lines(kw)
    lines += ["knots_step: " + fmt_list(t) for t in steps]
    lines += ["max_abs_y: " + fmt(np.max(np.abs(y)))]
    return FAMILY + "/" + name + ".txt", "\n".join(lines) + "\n"


def noisy(name, n, lo=0.0, hi=10.0, sigma=0.1):
    rng = common.case_rng(SEED, name)
    x = np.sort(rng.uniform(lo, hi, n))
    y = np.sin(x) + 0.5 * np.cos(2.3 * x) + sigma * rng.standard_normal(n)
    return rng, x, y


def cases():
    out = []
    for k in (1, 2, 3, 4, 5):
        for n, s in ((100, 0.5), (300, 3.0)):
            name = "splrep_k%d_n%d_s%s" % (k, n, s)
            rng, x, y = noisy(name, n)
            out.append(splrep_case(name, x, y, k, s, rng))
    name = "splrep_k3_n200_s0p02n_sine"
    rng = common.case_rng(SEED, name)
    x = np.sort(rng.uniform(0, 100, 200))
    y = np.sin(x / 5) + 0.1 * rng.standard_normal(200)
    out.append(splrep_case(name, x, y, 3, 0.02 * 200, rng))
    name = "splrep_k3_n2000_s0p02n_sine"
    rng = common.case_rng(SEED, name)
    x = np.sort(rng.uniform(0, 100, 2000))
    y = np.sin(x / 5) + 0.1 * rng.standard_normal(2000)
    out.append(splrep_case(name, x, y, 3, 0.02 * 2000, rng))
    for k in (1, 3, 5):
        name = "splrep_k%d_weighted" % k
        rng, x, y = noisy(name, 150)
        w = rng.uniform(0.5, 2.0, 150)
        out.append(splrep_case(name, x, y, k, 2.0, rng, w=w))
    name = "splrep_k3_xb_xe"
    rng, x, y = noisy(name, 120)
    out.append(splrep_case(name, x, y, 3, 1.0, rng, xb=-0.5, xe=10.5))
    for k in (1, 3):
        name = "splrep_k%d_given_t" % k
        rng, x, y = noisy(name, 100)
        t = np.r_[[x[0]] * (k + 1), np.linspace(x[0], x[-1], 12)[1:-1], [x[-1]] * (k + 1)]
        out.append(splrep_case(name, x, y, k, 0.5, rng, t=t))
    name = "splrep_k3_nest12"
    rng, x, y = noisy(name, 200)
    out.append(splrep_case(name, x, y, 3, 0.01, rng, nest=12))
    for k in (1, 3, 5):
        name = "splrep_k%d_s0_interpolating" % k
        rng, x, y = noisy(name, 30)
        out.append(splrep_case(name, x, y, k, 0.0, rng))
    name = "splrep_k3_large_s_polynomial"
    rng, x, y = noisy(name, 80)
    out.append(splrep_case(name, x, y, 3, 1e4, rng))
    name = "splrep_k3_small_s_dense"
    rng, x, y = noisy(name, 60)
    out.append(splrep_case(name, x, y, 3, 1e-4, rng))
    # many repeated abscissae: the knots generated leave a B-spline without data and scipy raises
    name = "error_splrep_k3_repeated_x_6"  # a draw (found by trying case names) where scipy raises
    rng = common.case_rng(SEED, name)
    x = np.sort(np.round(rng.uniform(0, 5, 120), 1))
    y = np.cos(x) + 0.1 * rng.standard_normal(120)
    out.append(error_case(name, x, y, 3, 1.0))
    # a draw (found by trying case names) where scipy's p iteration runs out of its 20 steps: ier = 3
    name = "splrep_k3_maxit_327"
    rng = common.case_rng(SEED, name)
    x = np.sort(rng.uniform(0, 10, 60))
    y = np.sin(x) + 0.3 * rng.standard_normal(60)
    out.append(splrep_case(name, x, y, 3, 0.001, rng))
    name = "splrep_k3_repeated_x"
    rng = common.case_rng(SEED, name)
    x = np.sort(np.r_[np.round(rng.uniform(0, 5, 100), 2), [1.0, 1.0, 2.5, 2.5, 2.5]])
    y = np.cos(x) + 0.1 * rng.standard_normal(len(x))
    out.append(splrep_case(name, x, y, 3, 1.0, rng))
    # curves
    for k, s in ((3, 0.05), (1, 0.05), (5, 0.05)):
        name = "splprep_2d_k%d" % k
        rng = common.case_rng(SEED, name)
        th = np.linspace(0, 2 * np.pi, 80)
        pts = [np.cos(th) * (1 + 0.3 * np.cos(3 * th)) + 0.02 * rng.standard_normal(80),
               np.sin(th) * (1 + 0.3 * np.cos(3 * th)) + 0.02 * rng.standard_normal(80)]
        out.append(splprep_case(name, pts, k, s, rng))
    name = "splprep_3d_helix_k3"
    rng = common.case_rng(SEED, name)
    th = np.linspace(0, 4 * np.pi, 120)
    pts = [np.cos(th) + 0.01 * rng.standard_normal(120), np.sin(th) + 0.01 * rng.standard_normal(120),
           th / 5 + 0.01 * rng.standard_normal(120)]
    out.append(splprep_case(name, pts, 3, 0.02, rng))
    name = "splprep_3d_weighted_given_u"
    rng = common.case_rng(SEED, name)
    th = np.linspace(0, 3, 60)
    pts = [th, th ** 2 + 0.05 * rng.standard_normal(60), np.sin(2 * th) + 0.05 * rng.standard_normal(60)]
    out.append(splprep_case(name, pts, 3, 0.1, rng, w=rng.uniform(0.5, 2, 60), u=th / 3))
    name = "splprep_2d_s0"
    rng = common.case_rng(SEED, name)
    th = np.sort(rng.uniform(0, 3, 25))
    out.append(splprep_case(name, [np.cos(th), np.sin(2 * th)], 3, 0.0, rng))
    # knot sequences
    for k in (1, 3, 5):
        name = "knots_k%d_n100" % k
        rng, x, y = noisy(name, 100)
        out.append(knots_case(name, x, y, k, 0.3))
    name = "knots_k3_n60_tiny_s"
    rng, x, y = noisy(name, 60)
    out.append(knots_case(name, x, y, 3, 1e-8))
    name = "knots_k2_n40_tiny_s"
    rng, x, y = noisy(name, 40)
    out.append(knots_case(name, x, y, 2, 1e-8))
    name = "knots_k3_nest15"
    rng, x, y = noisy(name, 100)
    out.append(knots_case(name, x, y, 3, 1e-3, nest=15))
    name = "knots_k3_weighted_xb_xe"
    rng, x, y = noisy(name, 100)
    out.append(knots_case(name, x, y, 3, 0.5, w=rng.uniform(0.5, 2, 100), xb=-1.0, xe=11.0))
    name = "knots_columns2_k3"
    rng = common.case_rng(SEED, name)
    u = np.linspace(0, 1, 90)
    yy = np.c_[np.cos(5 * u), np.sin(7 * u)] + 0.02 * rng.standard_normal((90, 2))
    out.append(knots_case(name, u, yy, 3, 0.05))
    name = "knots_k3_s0"
    rng, x, y = noisy(name, 20)
    out.append(knots_case(name, x, y, 3, 0.0))
    return out


def generate():
    """(files, skipped) of this family: every case is written."""
    return cases(), []
