#!/usr/bin/env bash
# Source generator time on the 520-tool LargeApi fixture (printed, not a test): a cold run and a run
# after an edit that touches no tool, side by side in one process; medians over bounded rounds, and
# proof from the driver's tracked steps that such an edit reuses the cached output.
# Usage: bash eng/bench/generator.sh [--rounds N (default 10, at most 50)] [--warm-up N (default 2)]
#        bash eng/bench/generator.sh --build [N (default 3, at most 5)]: instead, N real
#        `dotnet build --no-incremental` runs of the fixture with -p:ReportAnalyzer=true, printing the
#        build's wall time and the generator time the compiler reports.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [ "${1:-}" != "--build" ]; then
  dotnet run -c Release --project "$root/eng/bench/McpPlatform.Generator.Bench" -- "$@"
  exit
fi

runs="${2:-3}"
if ! [[ "$runs" =~ ^[0-9]+$ ]] || (( runs < 1 || runs > 5 )); then
  echo "--build takes a number of runs from 1 to 5 (got '$runs')." >&2; exit 2
fi
fixture="$root/tests/Fixtures/McpPlatform.Fixtures.LargeApi/McpPlatform.Fixtures.LargeApi.csproj"
log="$(mktemp "${TMPDIR:-/tmp}/mcp-generator-build.XXXXXX")"
trap 'rm -f "$log"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
echo "==> building the fixture and its references once (Release, untimed)"
dotnet build "$fixture" -c Release --nologo -v quiet >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
echo "==> $runs rebuilds of the fixture alone (--no-incremental, ReportAnalyzer), $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  dotnet build "$fixture" -c Release --nologo --no-incremental -p:BuildProjectReferences=false -p:ReportAnalyzer=true -v:detailed >"$log" 2>&1 \
    || { tail -n 50 "$log" >&2; exit 1; }
  wall=$(( ($(date +%s%N) - start) / 1000000 ))
  # The compiler's report: "Total generator execution time: X seconds." then one "  time  %  name" line per generator.
  total="$(grep -m 1 -o 'Total generator execution time: [0-9.]*' "$log" | grep -o '[0-9.]*$' || echo '?')"
  ours="$(grep -m 1 -E '^\s+[0-9.]+\s+[0-9]+\s+McpPlatform\.Generators\.McpToolGenerator\s*$' "$log" | awk '{ print $1 }' || true)"
  printf '  run %d: build %6.1f s, all generators %s s, McpToolGenerator %s s\n' "$run" "$(awk -v ms="$wall" 'BEGIN { print ms / 1000 }')" "$total" "${ours:-?}"
done
echo "The compiler server is shared by every build on the machine: expect these to vary far more than the in-process figures."
