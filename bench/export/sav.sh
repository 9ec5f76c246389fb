#!/usr/bin/env bash
# SPSS export against CSV export (issue 16), as the user runs them: fresh processes, the same collector database of N
# klantloyaliteit responses (surveykit sample, loaded into the collector's SQLite table), alternating csv and sav,
# three runs each after a warm-up; wall time and peak memory (GNU time), medians.
# Usage: bash bench/export/sav.sh [responses] [folder]
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
run() { # $1 format: prints seconds and peak MB
  /usr/bin/time -f "%e %M" -o "$work/time" dotnet "$cli" export --db "$work/responses.db" --survey "$survey" \
    --format "$1" -o "$work/out.$1" >/dev/null
  awk '{printf "%s %.0f\n", $1, $2/1024}' "$work/time"
}
run csv >/dev/null; run sav >/dev/null # warm-up
csv=() sav=() csvm=() savm=()
for i in 1 2 3; do
  read -r t m < <(run csv); csv+=("$t"); csvm+=("$m")
  read -r t m < <(run sav); sav+=("$t"); savm+=("$m")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf 'export of %d responses   csv: %s s, %s MB   sav: %s s, %s MB   (runs csv %s; sav %s)\n' "$n" \
  "$(median "${csv[@]}")" "$(median "${csvm[@]}")" "$(median "${sav[@]}")" "$(median "${savm[@]}")" "${csv[*]}" "${sav[*]}"
ls -la "$work"/out.csv "$work"/out.sav | awk '{print "  " $9 ": " int($5/1048576) " MB"}'
