#!/usr/bin/env bash
# Shadow-scan throughput and memory on a generated gateway log (printed, not a test).
# Usage: bash eng/bench/shadow-scan.sh [--size-mb N (default 1024)] [--format jsonl|csv]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet run -c Release --project "$root/eng/bench/McpPlatform.ShadowScan.Bench" -- "$@"
