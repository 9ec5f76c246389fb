#!/usr/bin/env bash
# Builds 2,000 survey pages with Hugo (Debian's hugo package), the comparison for the site benchmark.
# Usage: bash bench/hugo/run.sh [runs] [work folder]   (prints each run's wall-clock time and the median)
# A work folder on /dev/shm measures the tool rather than the disk, as the SurveyKit harness's --work does.
set -euo pipefail
runs=${1:-7}
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install hugo)"; exit 2; }
work=$(mktemp -d -p "${2:-${TMPDIR:-/tmp}}")
trap 'rm -rf "$work"' EXIT
python3 "$(dirname "$0")/generate.py" "$work/site" 1000
hugo version
times=()
for i in $(seq 0 "$runs"); do
  rm -rf "$work/out"
  start=$(date +%s%N)
  hugo --quiet --source "$work/site" --destination "$work/out" >/dev/null
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  [ "$i" -gt 0 ] && times+=("$ms")   # the first run warms the caches, as in the SurveyKit harness
done
pages=$(find "$work/out" -name 'index.html' | wc -l)
bytes=$(du -sb "$work/out" | cut -f1)
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
echo "runs (ms): ${times[*]}"
echo "hugo: $pages pages, $((bytes / 1024 / 1024)) MB, median $median ms"
