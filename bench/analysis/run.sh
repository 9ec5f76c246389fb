#!/usr/bin/env bash
# The analysis benchmark of issue 5: the full report for 1,000,000 responses of a survey with six touchpoints,
# from CSV and from JSON Lines, against pandas doing only NPS by segment, touchpoint means and correlations on the
# same CSV. Each is a fresh process (as a user runs it), timed with /usr/bin/time: wall seconds and peak memory.
#
#   bash bench/analysis/run.sh [runs=5] [work folder=/dev/shm]
#
# pandas comes from Debian (apt-get install python3-pandas) and runs under /usr/bin/python3.
set -euo pipefail
runs=${1:-5}
work=${2:-/dev/shm}
root=$(cd "$(dirname "$0")/../.." && pwd)
survey="$root/bench/analysis/loyalty6.survey.yaml"
dotnet build -c Release "$root/src/SurveyKit.Cli" -v quiet -nologo > /dev/null
cli="$root/src/SurveyKit.Cli/bin/Release/net10.0/surveykit.dll"
drivers="service=0.5,delivery=0.3,website=0.2,app=0.1"
for format in csv jsonl; do
  if [ ! -f "$work/loyalty6.$format" ]; then
    dotnet "$cli" sample "$survey" --n 1000000 --seed 1 --drivers "$drivers" --out "$work/loyalty6.$format"
  fi
done
ls -l "$work"/loyalty6.csv "$work"/loyalty6.jsonl

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
measure() {
  local name=$1; shift
  local times=() peaks=()
  for _ in $(seq "$runs"); do
    local line
    /usr/bin/time -o "$work/time.txt" -f "%e %M" "$@" > /dev/null 2>&1
    line=$(tail -1 "$work/time.txt")
    times+=("${line% *}"); peaks+=("${line#* }")
  done
  printf '%-28s median %6s s   peak %4s MB   (runs: %s)\n' "$name" \
    "$(printf '%s\n' "${times[@]}" | median)" \
    "$(( $(printf '%s\n' "${peaks[@]}" | median) / 1024 ))" "${times[*]}"
}
measure "surveykit analyze (CSV)" dotnet "$cli" analyze "$survey" "$work/loyalty6.csv" --out "$work/report-csv"
measure "surveykit analyze (JSONL)" dotnet "$cli" analyze "$survey" "$work/loyalty6.jsonl" --out "$work/report-jsonl"
measure "  ... with --tables (CSV)" dotnet "$cli" analyze "$survey" "$work/loyalty6.csv" --out "$work/report-tables" --tables
if /usr/bin/python3 -c "import pandas" 2> /dev/null; then
  measure "pandas (NPS, means, r only)" /usr/bin/python3 "$root/bench/analysis/pandas_baseline.py" "$work/loyalty6.csv"
else
  echo "pandas: not installed (apt-get install python3-pandas)"
fi
