#!/usr/bin/env bash
# Alerts under load (issue 14): the bezorging survey with an alert on one response in five (ease == 1) to a webhook
# that verifies every signature, on loopback; SQLite on this machine's disk. Two measurements:
#  1. at about 1,000 responses per second (wrk, paced), the time from the collector storing a response to its alert
#     arriving at the receiver: median, p99, max (target p99 under 1 s);
#  2. at full speed (64 connections), acknowledged responses per second with alerts on, against the same collector
#     and survey without alerts, alternating, two runs each (target: at least 80% of it).
# Usage: bash bench/collector/alerts.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }
dotnet build -c Release src/SurveyKit.Cli -v quiet -nologo >/dev/null
cli=src/SurveyKit.Cli/bin/Release/net10.0/surveykit.dll
work=$(mktemp -d)
port=5182
hook=5183
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; sleep 0.5; rm -rf "$work"' EXIT
mkdir -p "$work/plain" "$work/alerting"
cp examples/bezorging/bezorging.survey.yaml "$work/plain/"
cp examples/bezorging/bezorging.survey.yaml "$work/alerting/"
cat >>"$work/alerting/bezorging.survey.yaml" <<'YAML'

alerts:
  - id: hard
    when: ease == 1
    webhook: bench-hook
    personal: false
YAML
dotnet "$cli" alerts new-secret "$work/hook.secret" >/dev/null
cat >"$work/alerts.json" <<JSON
{ "webhooks": { "bench-hook": { "url": "http://127.0.0.1:$hook/", "secretFile": "hook.secret" } } }
JSON

start_collector() { # $1: plain|alerting, $2: extra arguments
  rm -f "$work/responses.db"*
  dotnet "$cli" collect --survey "$work/$1/bezorging.survey.yaml" --db "$work/responses.db" \
    --urls "http://127.0.0.1:$port" --posts-per-minute 0 $2 >"$work/collector.log" 2>&1 &
  collector=$!
  pids+=($collector)
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
  wrk -t2 -c16 -d2s -s bench/collector/post.lua "http://127.0.0.1:$port" >/dev/null # warm-up
}
stop_collector() { kill "$collector"; wait "$collector" 2>/dev/null || true; }

echo "== 1. alert latency at about 1,000 responses per second, one in five alerting"
python3 bench/collector/receiver.py "$hook" "$work/hook.secret" "$work/latency.txt" &
receiver=$!
pids+=($receiver)
sleep 0.5
start_collector alerting "--alerts $work/alerts.json"
sleep 2 # the warm-up's alerts are delivered and left out of the measurement below
kill -TERM "$receiver"; wait "$receiver" 2>/dev/null || true
python3 bench/collector/receiver.py "$hook" "$work/hook.secret" "$work/latency.txt" &
receiver=$!
pids+=($receiver)
sleep 0.5
wrk -t2 -c10 -d"${seconds}s" --latency -s bench/collector/paced.lua "http://127.0.0.1:$port" -- 1050 10 | grep -E "acknowledged|latency p50"
sleep 3
echo "outbox: $(curl -s "http://127.0.0.1:$port/health")"
kill -TERM "$receiver"; wait "$receiver" 2>/dev/null || true
cat "$work/latency.txt"
stop_collector

echo "== 2. throughput at full speed, 64 connections: without alerts, with alerts (alternating)"
python3 bench/collector/receiver.py "$hook" "$work/hook.secret" "$work/full.txt" &
receiver=$!
pids+=($receiver)
for run in 1 2; do
  for mode in plain alerting; do
    if [ "$mode" = plain ]; then start_collector plain ""; else start_collector alerting "--alerts $work/alerts.json"; fi
    echo "-- run $run, $mode:"
    wrk -t2 -c64 -d"${seconds}s" -s bench/collector/post.lua "http://127.0.0.1:$port" | grep -E "acknowledged|latency p50"
    sleep 2
    [ "$mode" = alerting ] && echo "   outbox after the run: $(curl -s "http://127.0.0.1:$port/health" | grep -o '"alerts":{[^}]*}')"
    stop_collector
  done
done
