"""scipy.spatial.Delaunay (the fixtures in delaunay/, read by DelaunayBuilderAgreementTest): random and
clustered 2-D and 3-D point sets in general position, whose Delaunay triangulation is unique, so that
interp4j's triangulation must consist of exactly the same simplices (compared as sorted vertex tuples;
scipy's simplex order and vertex order within a simplex are Qhull's and not compared).

Keys:
  case        the case name (= file name without .txt)
  n d         number of points, dimension
  points      n*d coordinates, row-major
  s           number of simplices
  simplices   s*(d+1) vertex indices, row-major, as scipy returns them
  hull_facets number of convex hull facets (rows of scipy's convex_hull)
"""

import numpy as np
from scipy.spatial import Delaunay

from . import common
from .common import fmt_list

FAMILY = "delaunay"
SEED = 20261130
CALL = "scipy.spatial.Delaunay(points)"

# (name, n, d, kind)
CASES = (
    ("random_2d_30", 30, 2, "uniform"),
    ("random_2d_300", 300, 2, "uniform"),
    ("clustered_2d_200", 200, 2, "clustered"),
    ("random_3d_25", 25, 3, "uniform"),
    ("random_3d_200", 200, 3, "uniform"),
    ("clustered_3d_150", 150, 3, "clustered"),
)


def points(rng, n, d, kind):
    """Uniform in the unit box, or Gaussian clusters of different spreads around 4 centres."""
    if kind == "uniform":
        return rng.random((n, d))
    centres = rng.random((4, d)) * 10.0
    spread = np.array([1.0, 0.1, 0.01, 1e-4])
    which = rng.integers(0, 4, n)
    return centres[which] + spread[which, None] * rng.standard_normal((n, d))


def generate():
    """(files, skipped) of this family."""
    files, skipped = [], []
    for name, n, d, kind in CASES:
        rng = common.case_rng(SEED, name)
        p = points(rng, n, d, kind)
        tri = Delaunay(p)
        if tri.coplanar.size:
            skipped.append("%s/%s %s: scipy left points out (not in general position)" % (FAMILY, name, CALL))
            continue
        lines = common.header(SEED, name, CALL, " for scipy.spatial.Delaunay",
                              ["points: %s (%d points, %d-D); random reals, so in general position" % (kind, n, d)])
        lines += [
            "case: " + name,
            "n: %d" % n,
            "d: %d" % d,
            "points: " + fmt_list(p),
            "s: %d" % tri.simplices.shape[0],
            "simplices: " + " ".join(str(int(v)) for v in tri.simplices.ravel()),
            "hull_facets: %d" % tri.convex_hull.shape[0],
        ]
        files.append(("%s/%s.txt" % (FAMILY, name), "\n".join(lines) + "\n"))
    return files, skipped
