#!/usr/bin/env bash
# Code Mode cost (printed, not a test): one execute chaining three inner calls vs three direct
# tools/call requests, and sandbox start-up, side by side in one run.
# Usage: bash eng/bench/codemode.sh [--count N (operations per round, default 300)] [--rounds N (default 10)]
#        bash eng/bench/codemode.sh --memory [--rounds N (default 5)]: peak RSS growth with MaxConcurrentExecutionsPerCaller
#        worst-kind scripts at once vs concurrency x MemoryLimitBytes + 64 MB
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet run -c Release --project "$root/eng/bench/McpPlatform.CodeMode.Bench" -- "$@"
