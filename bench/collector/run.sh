#!/usr/bin/env bash
# Load benchmark of the collector with wrk (Debian's wrk package): new responses only, SQLite on this machine's disk,
# every response acknowledged only after its group commit is on disk.
# Usage: [SURVEYKIT_BENCH_NATIVE=1] bash bench/collector/run.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
connections=${2:-64}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }
work=$(mktemp -d)
# SURVEYKIT_BENCH_NATIVE=1: the natively compiled tool, as `dotnet tool install` gives it on Linux x64; otherwise the
# JIT build.
if [ "${SURVEYKIT_BENCH_NATIVE:-}" = 1 ]; then
  dotnet publish -c Release -r linux-x64 src/SurveyKit.Cli -o "$work/tool" -v quiet -nologo >/dev/null
  sk=("$work/tool/surveykit")
else
  dotnet build -c Release src/SurveyKit.Cli -v quiet -nologo >/dev/null
  sk=(dotnet src/SurveyKit.Cli/bin/Release/net10.0/surveykit.dll)
fi
port=5181
"${sk[@]}" collect --survey examples/bezorging/bezorging.survey.yaml \
  --db "$work/responses.db" --urls "http://127.0.0.1:$port" --posts-per-minute 0 >"$work/collector.log" 2>&1 &
collector=$!
trap 'kill $collector 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
# A short warm-up (JIT, SQLite's first pages), then the measured run.
wrk -t2 -c"$connections" -d3s -s bench/collector/post.lua "http://127.0.0.1:$port" >/dev/null
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/collector/post.lua "http://127.0.0.1:$port"
echo "stored: $(curl -s "http://127.0.0.1:$port/health")"
