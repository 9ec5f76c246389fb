#!/usr/bin/env bash
# Invitations written and mailed (issue 15), each as a fresh process the way a user runs it:
#  1. surveykit invite of N customers without mail: invitations recorded in the ledger and written to invitations.csv;
#  2. surveykit invite --send of N customers to a real SMTP server on loopback (Debian's python3-aiosmtpd, which
#     writes every mail to disk), at --rate 10000 so the server and the ledger set the pace, not the limiter.
# Prints seconds and per-second figures per run (median of 3). Usage: bash bench/invitations/send.sh [customers]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-2000}
python=/usr/bin/python3
[ -x "$python" ] || python=python3
dotnet build -c Release src/SurveyKit.Cli -v quiet -nologo >/dev/null
cli=$PWD/src/SurveyKit.Cli/bin/Release/net10.0/surveykit.dll
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; sleep 0.3; rm -rf "$work"' EXIT
cp examples/klantloyaliteit/klantloyaliteit.survey.yaml "$work/"
"$python" - "$n" >"$work/customers.csv" <<'PY'
import sys
n = int(sys.argv[1])
print("customer,email,lang,segment")
for i in range(n):
    print(f"K{i:06d},k{i}@example.com,{'nl' if i % 3 else 'en'},{'b2b' if i % 4 == 0 else 'b2c'}")
PY
port=$(( 20000 + RANDOM % 20000 ))
# The server runs until its stdin closes: a FIFO this script holds open, so it stops when the script does.
mkfifo "$work/hold"
"$python" tests/SurveyKit.Collector.Tests/Alerts/smtp_server.py "$port" "$work/mail" <"$work/hold" >"$work/smtp.log" 2>&1 &
pids+=($!)
exec 3>"$work/hold"
sleep 1
cat >"$work/alerts.json" <<JSON
{ "smtp": { "host": "127.0.0.1", "port": $port, "from": "cx@example.org", "security": "none" } }
JSON
echo '{ "contactPressure": { "minDaysBetween": 0, "maxPerYear": 0 } }' >"$work/surveykit.json"
cd "$work"
dotnet "$cli" invite --new-key invite.key >/dev/null
common=(klantloyaliteit.survey.yaml --customers customers.csv --key-file invite.key --base-url https://surveys.example.org)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
write=() send=()
for run in 1 2 3; do
  rm -f responses.db* mail/*.eml
  s=$(date +%s.%N); dotnet "$cli" invite "${common[@]}" --db written.db >/dev/null; e=$(date +%s.%N)
  rm -f written.db*
  write+=("$(echo "$e - $s" | bc)")
  s=$(date +%s.%N); dotnet "$cli" invite "${common[@]}" --db responses.db --send --mail-config alerts.json --rate 10000 >send.log; e=$(date +%s.%N)
  send+=("$(echo "$e - $s" | bc)")
  got=$(ls mail | grep -c '\.eml$' || true)
  [ "$got" = "$n" ] || { echo "run $run: $got of $n mails arrived"; cat send.log; exit 1; }
done
w=$(printf '%s\n' "${write[@]}" | median); m=$(printf '%s\n' "${send[@]}" | median)
printf 'invite, %d customers, no mail:   %.2f s  (%.0f invitations/s; runs: %s)\n' "$n" "$w" "$(echo "$n / $w" | bc -l)" "${write[*]}"
printf 'invite --send, %d customers:     %.2f s  (%.0f mails/s including start-up; runs: %s)\n' "$n" "$m" "$(echo "$n / $m" | bc -l)" "${send[*]}"
grep -o 'in [0-9.]* s ([0-9.]* per second' send.log | sed 's/^/  last run, sending only: /'
