"""The generator of interp4j's scipy agreement fixtures: one module per family, `common` for what they
share, `oned` for the machinery of the 1-D families. The entry point is ../generate.py."""

from . import (akima, bspline, clough_tocher, cubic_spline, delaunay, hermite, interp1d, linear_nd, make_interp_spline,
               nearest_nd, pchip, ppoly, rbf, regular_grid, toolbox, lsq, splrep, smoothing)

# Every family, in the order of index.txt.
FAMILIES = (cubic_spline, pchip, akima, hermite, ppoly, make_interp_spline, bspline, interp1d, rbf, regular_grid,
            clough_tocher, delaunay, linear_nd, nearest_nd, toolbox, lsq, splrep, smoothing)
