#!/usr/bin/env bash
# Before/after check of a change that must not cost speed: runs the same JMH benchmarks from two
# shaded example jars (built from two commits), alternating old and new ROUNDS times, and prints one
# table per benchmark with each run's score and the new/old ratio of the best scores.
#
#   git stash / git worktree add /tmp/old <commit> && (cd /tmp/old && mvn -q -B -o package -DskipTests)
#   examples/scripts/compare_jars.sh /tmp/old/examples/target/interp4j-examples.jar \
#       examples/target/interp4j-examples.jar 'Eval1dBenchmark|RegularGridBenchmark|RbfBenchmark'
#
# Environment:
#   ROUNDS    how many old/new alternations (default 2); machines here are shared and noisy, so a ratio
#             within the spread of one jar's own runs is noise
#   JMH_ARGS  extra JMH options (default "-p threadPolicy=sequential -f 1")
#   JAVA      the java launcher (default java)
# Outputs: <out>/compare-{old,new}-<round>.json, <out> = examples/target.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 OLD_JAR NEW_JAR BENCHMARK_REGEX" >&2
  exit 2
fi
old="$1"; new="$2"; pattern="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(cd "$here/.." && pwd)/target"
JAVA="${JAVA:-java}"
ROUNDS="${ROUNDS:-2}"
JMH_ARGS="${JMH_ARGS:--p threadPolicy=sequential -f 1}"
mkdir -p "$out"
for r in $(seq 1 "$ROUNDS"); do
  for side in old new; do
    jar="$old"; [ "$side" = new ] && jar="$new"
    echo "== round $r, $side: $jar" >&2
    # shellcheck disable=SC2086
    "$JAVA" -cp "$jar" org.openjdk.jmh.Main "io\.github\.interp4j\.examples\.bench\.($pattern)\." \
      -rf json -rff "$out/compare-$side-$r.json" $JMH_ARGS >&2
  done
done
python3 - "$out" "$ROUNDS" <<'PY'
import json, sys, os
out, rounds = sys.argv[1], int(sys.argv[2])
def key(b):
    params = ",".join(f"{k}={v}" for k, v in sorted((b.get("params") or {}).items()))
    return b["benchmark"].rsplit(".", 2)[-2] + "." + b["benchmark"].rsplit(".", 1)[-1] + (f" [{params}]" if params else "")
runs = {"old": {}, "new": {}}
unit = {}
for side in runs:
    for r in range(1, rounds + 1):
        f = os.path.join(out, f"compare-{side}-{r}.json")
        if not os.path.exists(f):
            continue
        for b in json.load(open(f)):
            k = key(b)
            runs[side].setdefault(k, []).append(b["primaryMetric"]["score"])
            unit[k] = b["primaryMetric"]["scoreUnit"]
print("| benchmark | unit | old runs | new runs | new/old (best) |")
print("|---|---|---|---|---|")
for k in sorted(set(runs["old"]) | set(runs["new"])):
    o, n = runs["old"].get(k, []), runs["new"].get(k, [])
    ratio = f"{min(n) / min(o):.3f}" if o and n else ""
    fmt = lambda xs: ", ".join(f"{x:.4g}" for x in xs)
    print(f"| {k} | {unit[k]} | {fmt(o)} | {fmt(n)} | {ratio} |")
PY
