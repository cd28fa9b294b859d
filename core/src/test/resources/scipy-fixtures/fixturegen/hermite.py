"""scipy.interpolate.CubicHermiteSpline with random slopes."""

import scipy.interpolate as si

from .oned import local_cases, produce

FAMILY = "hermite"


def generate():
    """(files, skipped) of this family."""
    return produce(cases())


def cases():
    """The cases of this family, in index order."""
    return local_cases("hermite", "CubicHermiteSpline", "scipy.interpolate.CubicHermiteSpline(x, y, dydx%s)",
                       lambda x, y, d, e: si.CubicHermiteSpline(x, y, d, extrapolate=e), True)
