#!/usr/bin/env bash
# Source generator time on the 520-tool LargeApi fixture (printed, not a test): a cold run and a run
# after an edit that touches no tool, side by side in one process; medians over bounded rounds, and
# proof from the driver's tracked steps that such an edit reuses the cached output.
# Usage: bash eng/bench/generator.sh [--rounds N (default 10, at most 50)] [--warm-up N (default 2)]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet run -c Release --project "$root/eng/bench/McpPlatform.Generator.Bench" -- "$@"
