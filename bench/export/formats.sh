#!/usr/bin/env bash
# The SPSS and Excel exports against the CSV export (issue 16), as the user runs them: fresh processes, the same
# collector database of N klantloyaliteit responses (surveykit sample, loaded into the collector's SQLite table),
# alternating csv, sav and xlsx, three runs each after a warm-up; wall time and peak memory (GNU time), medians, and
# each format's ratio to csv per round.
# Usage: bash bench/export/formats.sh [responses] [folder]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000000}
work=$(mktemp -d "${2:-/tmp}/surveykit-sav-XXXX")
trap 'rm -rf "$work"' EXIT
dotnet build -c Release src/SurveyKit.Cli -v quiet -nologo >/dev/null
cli=$PWD/src/SurveyKit.Cli/bin/Release/net10.0/surveykit.dll
survey=$PWD/examples/klantloyaliteit/klantloyaliteit.survey.yaml
dotnet "$cli" sample "$survey" --n "$n" -o "$work/s.jsonl" >/dev/null
/usr/bin/python3 - "$work" <<'PY'
import json, sqlite3, sys
folder = sys.argv[1]
db = sqlite3.connect(folder + "/responses.db")
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE TABLE responses (response_id TEXT PRIMARY KEY, survey TEXT NOT NULL, version INTEGER NOT NULL, received_at TEXT NOT NULL, body TEXT NOT NULL)")
def rows():
    for line in open(folder + "/s.jsonl"):
        d = json.loads(line)
        yield (d["responseId"], d["survey"], d["version"], d.get("submittedAt", ""), line.rstrip("\n"))
db.executemany("INSERT INTO responses VALUES (?,?,?,?,?)", rows())
db.commit()
PY
declare -A last
run() { # $1 format: prints seconds and peak MB
  /usr/bin/time -f "%e %M" -o "$work/time" dotnet "$cli" export --db "$work/responses.db" --survey "$survey" \
    --format "$1" -o "$work/out.$1" >/dev/null
  awk '{printf "%s %.0f\n", $1, $2/1024}' "$work/time"
}
run csv >/dev/null; run sav >/dev/null; run xlsx >/dev/null # warm-up
declare -A time mem
ratios_sav=() ratios_xlsx=()
for i in 1 2 3; do
  for f in csv sav xlsx; do
    read -r t m < <(run $f); time[$f]+="$t "; mem[$f]+="$m "
    last[$f]=$t
  done
  ratios_sav+=("$(echo "${last[sav]} / ${last[csv]}" | bc -l)")
  ratios_xlsx+=("$(echo "${last[xlsx]} / ${last[csv]}" | bc -l)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for f in csv sav xlsx; do
  # shellcheck disable=SC2086
  printf '%-5s %d responses: %s s, %s MB peak (runs: %s)\n' "$f" "$n" "$(median ${time[$f]})" "$(median ${mem[$f]})" "${time[$f]}"
done
printf 'ratio to csv, median of the rounds: sav %.2f, xlsx %.2f\n' "$(median "${ratios_sav[@]}")" "$(median "${ratios_xlsx[@]}")"
ls -la "$work"/out.csv "$work"/out.sav "$work"/out.xlsx | awk '{print "  " $9 ": " int($5/1048576) " MB"}'
