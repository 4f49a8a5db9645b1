#!/usr/bin/env bash
# Benchmarks (printed, not tests). Usage: bash eng/bench/run.sh [--requests N] [--workers N] [--rounds N] [--ablation | --micro | --micro-dlp] [--only 2,3]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet run -c Release --project "$root/eng/bench/McpPlatform.Bench" -- "$@"
