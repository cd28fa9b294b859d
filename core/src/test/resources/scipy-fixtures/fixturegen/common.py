"""What every fixture family shares: number formatting, the per-case random generator, the provenance
header, the forked call for scipy calls that may crash, and writing the fixture tree.

Number format: floats are Python repr() of float64 (round-trip exact), with the tokens 'nan', 'inf'
and '-inf' for non-finite values; a list is space-separated.
"""

import datetime
import math
import multiprocessing as mp
import os
import platform
import re
import shutil
import traceback
import zlib

import numpy as np
import scipy

# The entry point every header names (the fixture tree's root holds it).
GENERATOR = "core/src/test/resources/scipy-fixtures/generate.py"
# The fixture tree: this package's parent folder.
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def today():
    """The generation date: SOURCE_DATE_EPOCH (UTC) when set, else the local date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date().isoformat()
    return datetime.date.today().isoformat()


TODAY = today()


# --------------------------------------------------------------------------------------------
# formatting
# --------------------------------------------------------------------------------------------

def fmt(v):
    """One float64 as its Python repr, or nan / inf / -inf."""
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return repr(v)


def fmt_list(a):
    """Every element of an array-like (flattened, row-major), space-separated."""
    return " ".join(fmt(v) for v in np.asarray(a, dtype=float).ravel())


def line(key, arr):
    """A 'key: numbers' line."""
    return key + ": " + fmt_list(arr)


# --------------------------------------------------------------------------------------------
# seeds and the provenance header
# --------------------------------------------------------------------------------------------

def case_rng(seed, name):
    """The random generator of one case: independent of the order the cases are generated in."""
    return np.random.default_rng([seed, zlib.crc32(name.encode())])


def header(seed, name, call, subject="", notes=()):
    """The provenance header lines of one fixture.

    subject: ' for <class>' or ''; notes: further '# ...' lines (how the self-disagreement was measured).
    """
    return [
        "# interp4j scipy agreement fixture%s (generated; do not edit: rerun generate.py)" % subject,
        "# generator: " + GENERATOR,
        "# scipy: %s" % scipy.__version__,
        "# numpy: %s" % np.__version__,
        "# python: %s" % platform.python_version(),
        "# date: %s" % TODAY,
        "# seed: %d; case rng = numpy.random.default_rng([%d, zlib.crc32(b'%s')])" % (seed, seed, name),
        "# call: %s" % call,
    ] + ["# " + n for n in notes]


# --------------------------------------------------------------------------------------------
# scipy calls that may crash
# --------------------------------------------------------------------------------------------

def _child(fn, arg, conn):
    try:
        conn.send(("ok", fn(arg)))
    except Exception:
        conn.send(("fail", traceback.format_exc()))
    conn.close()


def run_isolated(fn, arg):
    """fn(arg) in a forked child, so that a crash inside scipy cannot kill the generator.

    Returns ("ok", result), ("fail", traceback) or ("skip", reason) (timeout, or the child died)."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_child, args=(fn, arg, child))
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
# the fixture tree
# --------------------------------------------------------------------------------------------

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _undated(text):
    """text with the dates of its '#' lines blanked."""
    return "\n".join(_DATE.sub("DATE", s) if s.startswith("#") else s for s in text.split("\n"))


def write_text(path, text):
    """Writes text to path (relative to ROOT) unless the file there differs from it only in the dates
    of its '#' lines: an unchanged fixture keeps the date it was first generated on, so rerunning the
    generator leaves the tree byte for byte as it was."""
    full = os.path.join(ROOT, path)
    if os.path.exists(full):
        with open(full, encoding="utf-8") as fh:
            old = fh.read()
        if _undated(old) == _undated(text):
            return
    with open(full, "w", encoding="utf-8") as fh:
        fh.write(text)


def reset_family(family, keep):
    """Makes the folder of a family hold exactly the fixture files in keep (paths relative to ROOT)."""
    d = os.path.join(ROOT, family)
    if not os.path.isdir(d):
        os.makedirs(d)
        return
    keep = set(keep)
    for f in os.listdir(d):
        p = os.path.join(family, f)
        if p not in keep:
            full = os.path.join(ROOT, p)
            if os.path.isdir(full):
                shutil.rmtree(full)
            else:
                os.remove(full)
