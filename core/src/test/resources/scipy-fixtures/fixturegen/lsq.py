"""scipy.interpolate.make_lsq_spline (method="qr", scipy's default): degrees 0..5, weights, several value
columns, repeated abscissae, knots extending beyond the data, the issue's noisy sine.

Keys: case, k, m (points), ydim (value columns), x, y (row-major m * ydim), t, w (when given),
c (row-major n * ydim), q, values (row-major len(q) * ydim), max_abs_y.
"""

import numpy as np
import scipy.interpolate as si

from . import common
from .common import fmt, fmt_list

FAMILY = "make_lsq_spline"
SEED = 20261130


def clamped(lo, hi, inner, k):
    return np.r_[[lo] * (k + 1), inner, [hi] * (k + 1)].astype(float)


def make_case(name, x, y, t, k, w=None, nq=40, rng=None):
    y2 = y if y.ndim == 2 else y[:, None]
    spl = si.make_lsq_spline(x, y, t, k=k, w=w)
    lo, hi = t[k], t[len(t) - k - 1]
    q = np.r_[np.sort(rng.uniform(lo, hi, nq)), lo, hi, lo - 0.1 * (hi - lo), hi + 0.1 * (hi - lo)]
    vals = np.asarray(spl(q)).reshape(len(q), -1)
    c = np.asarray(spl.c).reshape(len(t) - k - 1, -1)
    call = "scipy.interpolate.make_lsq_spline(x, y, t, k=%d%s)" % (k, ", w=w" if w is not None else "")
    lines = common.header(SEED, name, call, subject=" for BSpline.makeLsqSpline") + [
        "case: " + name,
        "family: " + FAMILY,
        "k: %d" % k,
        "m: %d" % len(x),
        "ydim: %d" % y2.shape[1],
        "columns_api: %s" % ("true" if y.ndim == 2 else "false"),
        "x: " + fmt_list(x),
        "y: " + fmt_list(y2),
        "t: " + fmt_list(t),
    ]
    if w is not None:
        lines.append("w: " + fmt_list(w))
    lines += [
        "c: " + fmt_list(c),
        "q: " + fmt_list(q),
        "values: " + fmt_list(vals),
        "max_abs_y: " + fmt(np.max(np.abs(y2))),
    ]
    return FAMILY + "/" + name + ".txt", "\n".join(lines) + "\n"


def cases():
    out = []
    for k in (0, 1, 2, 3, 4, 5):
        name = "k%d_noisy_n80" % k
        rng = common.case_rng(SEED, name)
        x = np.sort(rng.uniform(0, 10, 80))
        y = np.sin(x) + 0.1 * rng.standard_normal(80)
        t = clamped(x[0], x[-1], np.linspace(x[0], x[-1], 9)[1:-1], k)
        out.append(make_case(name, x, y, t, k, rng=rng))
    for k in (1, 3, 5):
        name = "k%d_weighted_n60" % k
        rng = common.case_rng(SEED, name)
        x = np.sort(rng.uniform(-2, 3, 60))
        y = np.exp(-x ** 2) + 0.05 * rng.standard_normal(60)
        w = rng.uniform(0.2, 3.0, 60)
        t = clamped(x[0], x[-1], np.sort(rng.choice(x[5:-5], 6, replace=False)), k)
        out.append(make_case(name, x, y, t, k, w=w, rng=rng))
    for k in (1, 3, 5):
        name = "k%d_columns3_n70" % k
        rng = common.case_rng(SEED, name)
        x = np.sort(rng.uniform(0, 1, 70))
        y = np.c_[np.cos(6 * x), x ** 2 - 0.3, 100 * np.sin(3 * x)] + 0.02 * rng.standard_normal((70, 3))
        t = clamped(0.0, 1.0, np.linspace(0, 1, 8)[1:-1], k)
        out.append(make_case(name, x, y, t, k, rng=rng))
    name = "k3_columns2_weighted_n50"
    rng = common.case_rng(SEED, name)
    x = np.sort(rng.uniform(0, 4, 50))
    y = np.c_[np.sin(x), np.cos(x)] + 0.03 * rng.standard_normal((50, 2))
    out.append(make_case(name, x, y, clamped(0.0, 4.0, [1.0, 2.0, 3.0], 3), 3, w=rng.uniform(0.5, 2, 50), rng=rng))
    name = "k3_repeated_x_n90"
    rng = common.case_rng(SEED, name)
    x = np.sort(np.round(rng.uniform(0, 5, 90), 1))
    y = np.cos(x) + 0.1 * rng.standard_normal(90)
    out.append(make_case(name, x, y, clamped(x[0], x[-1], [1.0, 2.0, 2.5, 3.5], 3), 3, rng=rng))
    name = "k3_unclamped_knots_n40"
    rng = common.case_rng(SEED, name)
    t = np.linspace(-3.0, 13.0, 17)
    x = np.sort(rng.uniform(0.0, 10.0, 40))
    y = np.sin(x) + 0.1 * rng.standard_normal(40)
    out.append(make_case(name, x, y, t, 3, rng=rng))
    name = "k3_interpolating_n12"
    rng = common.case_rng(SEED, name)
    x = np.sort(rng.uniform(0, 1, 12))
    y = rng.standard_normal(12)
    out.append(make_case(name, x, y, si.make_interp_spline(x, y, k=3).t, 3, rng=rng))
    name = "k3_noisy_sine_n2000_knots50"
    rng = common.case_rng(SEED, name)
    x = np.sort(rng.uniform(0, 100, 2000))
    y = np.sin(x / 5) + 0.1 * rng.standard_normal(2000)
    out.append(make_case(name, x, y, clamped(x[0], x[-1], np.linspace(x[0], x[-1], 52)[1:-1], 3), 3, rng=rng))
    name = "k3_scaled_1e6"
    rng = common.case_rng(SEED, name)
    x = np.sort(rng.uniform(1e6, 1e6 + 3, 50))
    y = 1e-3 * np.sin(3 * x) + 1e-4 * rng.standard_normal(50)
    out.append(make_case(name, x, y, clamped(x[0], x[-1], np.linspace(x[0], x[-1], 6)[1:-1], 3), 3, rng=rng))
    return out


def generate():
    """(files, skipped) of this family: every case is written."""
    return cases(), []
