#!/usr/bin/env bash
# Runs the 1-D JMH benchmarks (Fit1dBenchmark, Eval1dBenchmark, CommonsMath1dBenchmark) and the scipy
# timing script on the same seeded data, then prints a side-by-side table with ratios
# (scipy time / interp4j time: above 1 means interp4j is faster).
#
# Builds nothing: build the shaded jar first with
#   mvn -q -B -o package -DskipTests
# Outputs: examples/target/jmh-1d.json (JMH), examples/target/scipy-1d.jsonl (scipy).
#
# Environment:
#   JMH_ARGS    extra JMH options, e.g. "-wi 0 -i 1 -f 1 -p knots=10000 -p queries=100000" for a quick run
#   SCIPY_ARGS  extra scipy_bench.py options, e.g. "--knots 10000 --queries 100000 --repeats 1"
#   PYTHON      the Python interpreter (default python3)
#   JAVA        the java launcher (default java)
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are passed through unchanged; to time scipy with numpy's
# preferred kernels, unset both for this command only (and check the kernel with threadpoolctl).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/examples/target/interp4j-examples.jar"
out="$root/examples/target"
JAVA="${JAVA:-java}"
PYTHON="${PYTHON:-python3}"
if [ ! -f "$jar" ]; then
  echo "missing $jar: build it first with 'mvn -q -B -o package -DskipTests'" >&2
  exit 1
fi
mkdir -p "$out"
echo "== JMH (interp4j, Commons Math) -> $out/jmh-1d.json" >&2
# shellcheck disable=SC2086
"$JAVA" -cp "$jar" org.openjdk.jmh.Main 'io\.github\.interp4j\.examples\.bench\.(Fit1d|Eval1d|CommonsMath1d)Benchmark\.' \
  -rf json -rff "$out/jmh-1d.json" ${JMH_ARGS:-} >&2
echo "== scipy -> $out/scipy-1d.jsonl" >&2
# shellcheck disable=SC2086
"$PYTHON" "$here/scipy_bench.py" ${SCIPY_ARGS:-} > "$out/scipy-1d.jsonl"
"$PYTHON" - "$out/jmh-1d.json" "$out/scipy-1d.jsonl" <<'PY'
import json, sys
jmh = json.load(open(sys.argv[1]))
scipy = {}
meta = None
for line in open(sys.argv[2]):
    line = line.strip()
    if line.startswith("{"):
        r = json.loads(line)
        if "name" in r:
            scipy[r["name"]] = r
            meta = r
UNIT = {"s/op": 1.0, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}
seq, auto, cm = {}, {}, {}
sizes = {}
for b in jmh:
    cls, meth = b["benchmark"].rsplit(".", 2)[-2:]
    sec = b["primaryMetric"]["score"] * UNIT[b["primaryMetric"]["scoreUnit"]]
    p = b.get("params", {})
    if cls == "Fit1dBenchmark":
        seq["fit." + meth] = sec
        sizes["fit." + meth] = p
    elif cls == "Eval1dBenchmark":
        (seq if p.get("policy") == "sequential" else auto)["eval." + meth] = sec
        sizes["eval." + meth] = p
    elif cls == "CommonsMath1dBenchmark":
        kind = "fit." if meth.startswith("fit") else "eval."
        cm[kind + meth[len(kind) - 1:].lower()] = sec
names = ["fit.linear", "fit.cubic", "fit.pchip", "fit.akima", "fit.bspline3",
         "eval.linear", "eval.cubic", "eval.pchip", "eval.akima", "eval.bspline3"]
def f(v):
    return "%10.4f" % v if v is not None else "%10s" % "-"
def r(a, b):
    return "%8.2f" % (a / b) if a is not None and b else "%8s" % "-"
print()
print("%-14s %10s %10s %10s %8s %8s %10s %8s" % ("workload", "scipy s", "i4j 1thr s", "i4j auto s",
                                                "sc/1thr", "sc/auto", "cmath s", "sc/cmath"))
for n in names:
    s = scipy.get(n, {}).get("seconds")
    a = seq.get(n)
    b = auto.get(n) if n.startswith("eval.") else None
    c = cm.get(n)
    print("%-14s %s %s %s %s %s %s %s" % (n, f(s), f(a), f(b), r(s, a), r(s, b), f(c), r(s, c)))
print()
print("i4j 1thr: ThreadPolicy.sequential(); i4j auto: the default CPU budget (fits run under the default policy).")
print("Commons Math: LinearInterpolator, SplineInterpolator (natural, not not-a-knot) and")
print("AkimaSplineInterpolator, evaluated one point at a time. eval.bspline3 uses the first queries only.")
if meta:
    m = meta["machine"]
    print("machine: nproc=%s cpu=%s; scipy %s, numpy %s; OPENBLAS_CORETYPE=%s OPENBLAS_L2_SIZE=%s"
          % (m["nproc"], m["cpu_model"], meta["versions"]["scipy"], meta["versions"]["numpy"],
             m.get("OPENBLAS_CORETYPE"), m.get("OPENBLAS_L2_SIZE")))
PY
