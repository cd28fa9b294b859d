#!/usr/bin/env python3
"""Generates interp4j's scipy agreement fixtures: one folder per family under the folder this script
lives in (core/src/test/resources/scipy-fixtures/<family>/), plus index.txt (every fixture, the list
the Java reader ScipyFixture reads) and skipped.txt (cases that were not written, with the reason).

Run from anywhere:   python3 core/src/test/resources/scipy-fixtures/generate.py [family ...]
With family names (folder names, e.g. rbf regular_grid) only those are regenerated; the index keeps
the other families' entries.

The code is the package fixturegen/ beside this script: common.py (number format, header, seeds,
forked scipy calls, writing the tree), oned.py (what the 1-D families share) and one module per
family, whose docstring lists that family's keys:
  cubic_spline, pchip, akima, hermite, ppoly, make_interp_spline, bspline, interp1d  (keys in oned.py)
  rbf           RBFInterpolator                      (keys in rbf.py)
  regular_grid  RegularGridInterpolator and interpn  (keys in regular_grid.py)
  clough_tocher CloughTocher2DInterpolator           (keys in clough_tocher.py)
  delaunay      scipy.spatial.Delaunay                (keys in delaunay.py)
  linear_nd     LinearNDInterpolator and its Delaunay (keys in linear_nd.py)
  nearest_nd    NearestNDInterpolator                (keys in nearest_nd.py)
  toolbox       B-spline toolbox and BPoly            (keys in toolbox.py)
  make_lsq_spline  make_lsq_spline                   (keys in lsq.py)
  make_splrep   make_splrep, make_splprep, generate_knots (keys in splrep.py)
  smoothing     make_smoothing_spline, with a 60-digit mpmath reference (keys in smoothing.py)

Fixture format (UTF-8 text, one item per line, read by ScipyFixture.java):
  * lines starting with '#' are comments: the provenance header (generator, scipy/numpy/python
    versions, date, seed, the exact scipy call) and notes;
  * every other line is 'key: value'; a key may repeat (integral:, coef:, raise_xi:), values are
    space-separated tokens; floats are Python repr() of float64 (round-trip exact), with the
    tokens 'nan', 'inf', '-inf' for non-finite values.

Reproducibility: every case draws from its own generator, seeded by the family's seed and the case
name. A file whose new text differs from the one on disk only in the dates of its '#' lines is left
as it is, so a rerun with the same scipy and numpy leaves the tree byte for byte unchanged; the date
of new or changed files is today's, or SOURCE_DATE_EPOCH's when that is set.
"""

import os
import sys

sys.dont_write_bytecode = True   # no __pycache__ in the test resources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
import scipy  # noqa: E402

from fixturegen import FAMILIES, common  # noqa: E402


def _listed(name):
    """The non-comment lines of a file at the root of the tree (empty if absent)."""
    path = os.path.join(common.ROOT, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as fh:
        return [s for s in fh.read().split("\n") if s and not s.startswith("#")]


def main(argv):
    known = [f.FAMILY for f in FAMILIES]
    unknown = [a for a in argv if a not in known]
    if unknown:
        sys.exit("unknown families %s; known: %s" % (" ".join(unknown), " ".join(known)))
    wanted = set(argv or known)
    old_index, old_skipped = _listed("index.txt"), _listed("skipped.txt")
    index, skipped = [], []
    for fam in FAMILIES:
        prefix = fam.FAMILY + "/"
        if fam.FAMILY not in wanted:
            index += [p for p in old_index if p.startswith(prefix)]
            skipped += [s for s in old_skipped if s.startswith(prefix)]
            continue
        files, fam_skipped = fam.generate()
        common.reset_family(fam.FAMILY, [p for p, _ in files])
        for path, text in files:
            common.write_text(path, text)
        index += [p for p, _ in files]
        skipped += fam_skipped
        print("%-20s wrote %d fixtures, skipped %d" % (fam.FAMILY, len(files), len(fam_skipped)), file=sys.stderr)
    common.write_text("index.txt",
                      "# fixture files, relative to this folder (written by generate.py, %s, scipy %s, numpy %s)\n"
                      % (common.TODAY, scipy.__version__, np.__version__) + "\n".join(index) + "\n")
    common.write_text("skipped.txt",
                      "# cases generate.py did not write (case, scipy call, reason); %s, scipy %s\n"
                      % (common.TODAY, scipy.__version__) + "\n".join(skipped) + ("\n" if skipped else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
