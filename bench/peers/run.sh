#!/usr/bin/env bash
# SurveyKit beside its peers, as a user runs them (issue 17): fresh processes on the same files in the same minute,
# alternating A B A B after one warm-up of each, wall time and peak memory (GNU time) per run, medians, and the ratio
# SurveyKit / peer per pair (the median of the pairs' ratios, so a noisy moment hits both sides of a pair).
#   build    surveykit build of 1,000 surveys in nl and en (2,000 survey pages)  vs  Hugo on comparable pages
#   duckdb   surveykit analyze, full report, 1,000,000 responses (CSV)           vs  DuckDB: read, NPS by segment, means, correlations
#   pandas   the same                                                             vs  pandas doing the same partial job
#   check    surveykit check of one example survey                                vs  yamllint (syntax and style only)
# Usage: bash bench/peers/run.sh [rounds] [work folder] [pair...]   e.g. bash bench/peers/run.sh 5 /dev/shm check
# Needs Debian's hugo, yamllint and python3-pandas, and node with `npm ci` in bench/peers (DuckDB's Node API).
set -euo pipefail
export LC_ALL=C # $EPOCHREALTIME and awk agree on the decimal point
cd "$(dirname "$0")/../.."
rounds=${1:-5}
base=${2:-/dev/shm}
shift 2 2>/dev/null || shift $#
pairs=("$@")
[ ${#pairs[@]} -gt 0 ] || pairs=(build duckdb pandas check)
for tool in hugo yamllint node; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install hugo yamllint nodejs)"; exit 2; }
done
/usr/bin/python3 -c "import pandas" 2>/dev/null || { echo "python3-pandas is not installed"; exit 2; }
[ -d bench/peers/node_modules/@duckdb ] || (cd bench/peers && npm ci --no-audit --no-fund >/dev/null)
work=$(mktemp -d -p "$base" surveykit-peers-XXXX)
trap 'rm -rf "$work"' EXIT
# The tool as `dotnet tool install` gives it on Linux x64: compiled ahead of time (SURVEYKIT_BENCH_JIT=1: the
# framework-dependent JIT build instead, as on platforms without a native package).
if [ "${SURVEYKIT_BENCH_JIT:-}" = 1 ]; then
  dotnet build -c Release src/SurveyKit.Cli -v quiet -nologo >/dev/null
  sk=(dotnet "$PWD/src/SurveyKit.Cli/bin/Release/net10.0/surveykit.dll")
else
  dotnet publish -c Release -r linux-x64 src/SurveyKit.Cli -o "$work/tool" -v quiet -nologo >/dev/null
  sk=("$work/tool/surveykit")
fi
skq=$(printf '%q ' "${sk[@]}") # for the command lines that bash -c runs

# run NAME COMMAND...: one fresh process; appends "seconds peakMB" to $work/NAME. The wall time is bash's clock in
# microseconds around the process (GNU time's %e has 10 ms steps: too coarse for check's 20 ms); the peak memory is
# GNU time's.
run() {
  local name=$1; shift
  local start=$EPOCHREALTIME
  /usr/bin/time -f "%M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  local end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" '{printf "%.4f %.0f\n", e - s, $1/1024}' "$work/time" >>"$work/$name"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# pair NAME "surveykit command" "peer command"
pair() {
  local name=$1 ours=$2 theirs=$3
  rm -f "$work/$name.a" "$work/$name.b"
  bash -c "$ours" >/dev/null 2>&1; bash -c "$theirs" >/dev/null 2>&1   # warm-up: caches, disk, the peers' runtimes
  : >"$work/$name.a"; : >"$work/$name.b"
  for _ in $(seq "$rounds"); do
    # Both sides run under the same bash -c, so a command may clean its output first (rm -rf ...; build).
    run "$name.a" bash -c "$ours"
    run "$name.b" bash -c "$theirs"
  done
  local a b ratio
  a=$(cut -d' ' -f1 "$work/$name.a" | median); b=$(cut -d' ' -f1 "$work/$name.b" | median)
  ratio=$(paste -d' ' "$work/$name.a" "$work/$name.b" | awk '{printf "%.3f\n", $1/$3}' | median)
  printf '%-7s surveykit %7.3f s %5s MB | peer %7.3f s %5s MB | ratio per pair %s (runs: surveykit %s; peer %s)\n' \
    "$name" "$a" "$(cut -d' ' -f2 "$work/$name.a" | median)" "$b" "$(cut -d' ' -f2 "$work/$name.b" | median)" "$ratio" \
    "$(cut -d' ' -f1 "$work/$name.a" | tr '\n' ' ')" "$(cut -d' ' -f1 "$work/$name.b" | tr '\n' ' ')"
}

for p in "${pairs[@]}"; do
  case $p in
    build)
      dotnet run -c Release --project bench/SurveyKit.Benchmarks.Site -- --surveys 1000 --generate "$work/ws" >/dev/null
      python3 bench/hugo/generate.py "$work/hugo" 1000 >/dev/null
      pair build "rm -rf $work/ws/_site $work/ws/analysis && $skq build --config $work/ws/surveykit.json" \
        "rm -rf $work/hugo-out && hugo --quiet --source $work/hugo --destination $work/hugo-out"
      ;;
    duckdb|pandas)
      if [ ! -f "$work/loyalty6.csv" ]; then
        "${sk[@]}" sample bench/analysis/loyalty6.survey.yaml --n 1000000 -o "$work/loyalty6.csv" >/dev/null
      fi
      ours="$skq analyze bench/analysis/loyalty6.survey.yaml $work/loyalty6.csv --out $work/report"
      if [ "$p" = duckdb ]; then
        pair duckdb "$ours" "node bench/peers/duckdb.mjs $work/loyalty6.csv"
      else
        pair pandas "$ours" "/usr/bin/python3 bench/analysis/pandas_baseline.py $work/loyalty6.csv"
      fi
      ;;
    check)
      pair check "$skq check examples/klantloyaliteit/klantloyaliteit.survey.yaml" \
        "yamllint -d relaxed examples/klantloyaliteit/klantloyaliteit.survey.yaml"
      ;;
    *) echo "unknown pair $p (build, duckdb, pandas, check)"; exit 2 ;;
  esac
done
