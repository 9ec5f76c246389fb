#!/usr/bin/env bash
# The trend benchmark of issue 13: 1,000,000 responses of the six-touchpoint survey spread over the twelve months of
# 2026 (with a planted shift from July), analysed with --by month and without a trend (--by none). Fresh processes,
# alternating pairs on the same file in the same minute; prints each pair, the medians and the median ratio.
#
#   bash bench/analysis/trend.sh [pairs=7] [work folder=/dev/shm]
set -euo pipefail
pairs=${1:-7}
work=${2:-/dev/shm}
root=$(cd "$(dirname "$0")/../.." && pwd)
survey="$root/bench/analysis/loyalty6.survey.yaml"
dotnet build -c Release "$root/src/SurveyKit.Cli" -v quiet -nologo > /dev/null
cli="$root/src/SurveyKit.Cli/bin/Release/net10.0/surveykit.dll"
data="$work/loyalty6-year.csv"
if [ ! -f "$data" ]; then
  dotnet "$cli" sample "$survey" --n 1000000 --seed 1 --drivers "service=0.5,delivery=0.3,website=0.2,app=0.1" \
    --periods 2026-01..2026-12 --shift service=+0.5@2026-07 --out "$data"
fi
ls -l "$data"
: > "$work/trend-pairs.txt"
for _ in $(seq "$pairs"); do
  /usr/bin/time -o "$work/a.txt" -f %e dotnet "$cli" analyze "$survey" "$data" --by none --out "$work/trend-none" > /dev/null 2>&1
  /usr/bin/time -o "$work/b.txt" -f %e dotnet "$cli" analyze "$survey" "$data" --by month --out "$work/trend-month" > /dev/null 2>&1
  echo "$(tail -1 "$work/a.txt") $(tail -1 "$work/b.txt")" | tee -a "$work/trend-pairs.txt"
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "no trend: median $(awk '{ print $1 }' "$work/trend-pairs.txt" | median) s"
echo "--by month: median $(awk '{ print $2 }' "$work/trend-pairs.txt" | median) s"
echo "ratio per pair: median $(awk '{ printf "%.3f\n", $2 / $1 }' "$work/trend-pairs.txt" | median) (target: at most 1.3)"
