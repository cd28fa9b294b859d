"""scipy.interpolate.Akima1DInterpolator, method akima and makima, NaN outside (scipy's default) and
extrapolating."""

import scipy.interpolate as si

from .oned import local_cases, produce

FAMILY = "akima"


def generate():
    """(files, skipped) of this family."""
    return produce(cases())


def cases():
    """The cases of this family, in index order."""
    out = []
    for m in ("akima", "makima"):
        out += local_cases("akima", "Akima1DInterpolator",
                           "scipy.interpolate.Akima1DInterpolator(x, y, method=%r%%s)" % m,
                           (lambda m: lambda x, y, d, e: si.Akima1DInterpolator(x, y, method=m, extrapolate=e))(m),
                           False, yks_extra=("plateau", "monotone"), extra_meta={"akima_method": m}, prefix=m + "_")
    return out
