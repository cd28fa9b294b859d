"""scipy.interpolate.PchipInterpolator, including plateaus and monotone data."""

import scipy.interpolate as si

from .oned import local_cases, produce

FAMILY = "pchip"


def generate():
    """(files, skipped) of this family."""
    return produce(cases())


def cases():
    """The cases of this family, in index order."""
    return local_cases("pchip", "PchipInterpolator", "scipy.interpolate.PchipInterpolator(x, y%s)",
                       lambda x, y, d, e: si.PchipInterpolator(x, y, extrapolate=e), True,
                       yks_extra=("plateau", "monotone"))
