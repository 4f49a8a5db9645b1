#!/usr/bin/env bash
# Start-up time of the `mcp-platform` CLI before and after a change (printed, not a test), side by
# side in one run: builds src/McpPlatform.Cli in Release at BASE_REF (in a temporary git worktree,
# removed afterwards) and at this working tree (HEAD plus uncommitted changes), then times the same
# commands against both, rounds interleaved (order flipped every round), each through
# `dotnet <output>/mcp-platform.dll`. Prints medians of wall and CPU time, after/before ratios,
# and each build's output folder: size, assembly count, and whether ASP.NET Core, Jint and
# Azure.Identity are in it.
# Usage: bash eng/bench/cli-startup.sh [BASE_REF (default 6630fc9, the last commit before the CLI
#        stopped referencing McpPlatform.Hosting)]
#   ROUNDS  timed rounds per command and build (15, at most 50)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
base_ref="${1:-6630fc9}"
rounds="${ROUNDS:-15}"
if ! [[ "$rounds" =~ ^[0-9]+$ ]] || (( rounds < 1 || rounds > 50 )); then
  echo "ROUNDS must be a number from 1 to 50 (got '$rounds')." >&2; exit 2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

base_commit="$(git -C "$root" rev-parse --verify --quiet "$base_ref^{commit}")" \
  || { echo "Unknown git ref '$base_ref'." >&2; exit 2; }
head_label="HEAD $(git -C "$root" rev-parse --short HEAD)"
[ -n "$(git -C "$root" status --porcelain -- src)" ] && head_label="$head_label + uncommitted"
base_label="$(git -C "$root" rev-parse --short "$base_commit")"
[[ "$base_commit" == "$base_ref"* ]] || base_label="$base_ref $base_label"

work="$(mktemp -d "${TMPDIR:-/tmp}/mcp-cli-startup.XXXXXX")"
base_tree="$work/base"
cleanup() {
  if [ -d "$base_tree" ]; then git -C "$root" worktree remove --force "$base_tree" >/dev/null 2>&1 || true; fi
  git -C "$root" worktree prune >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> git worktree for $base_label"
git -C "$root" worktree add --detach "$base_tree" "$base_commit" >/dev/null 2>&1

# Builds the CLI in Release in tree $1; prints the folder holding mcp-platform.dll.
build_cli() {
  dotnet build "$1/src/McpPlatform.Cli/McpPlatform.Cli.csproj" -c Release --nologo -v quiet >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 1; }
  local dll
  dll="$(find "$1/src/McpPlatform.Cli/bin/Release" -maxdepth 2 -name mcp-platform.dll | head -n 1)"
  [ -n "$dll" ] || { echo "No mcp-platform.dll under $1/src/McpPlatform.Cli/bin/Release" >&2; exit 1; }
  dirname "$dll"
}
echo "==> building the CLI (Release) at $base_label"
base_out="$(build_cli "$base_tree")"
echo "==> building the CLI (Release) at $head_label"
head_out="$(build_cli "$root")"

# The commands timed: two that only parse, and one real offline command through the governance code
# (dev-token loads the development issuer's key and signs a JWT). Its key file is created untimed below.
key_file="$work/dev-issuer.json"
commands=(
  "--version"
  "--help"
  "dev-token --key-file $key_file --audience http://127.0.0.1:5080/mcp --scope mcp:read"
)

run() { # $1 = output folder, $2 = command line (word-split on purpose); output discarded
  # shellcheck disable=SC2086
  dotnet "$1/mcp-platform.dll" $2 >"$work/out.txt" 2>"$work/err.txt"
}

echo "==> checking every command once on both builds (untimed; creates the issuer key, warms the disk cache)"
for out in "$base_out" "$head_out"; do
  for command in "${commands[@]}"; do
    if ! run "$out" "$command" || [ ! -s "$work/out.txt" ]; then
      echo "mcp-platform $command failed in $out:" >&2; cat "$work/err.txt" >&2; exit 1
    fi
  done
done

# Bash's `time` gives wall and CPU (user + sys) seconds of each run; CPU time suffers less from a busy machine.
TIMEFORMAT='%3R %3U %3S'
echo "==> timing: $rounds rounds, builds interleaved (order flipped every round), $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then order=(base head); else order=(head base); fi
  for i in "${!commands[@]}"; do
    for side in "${order[@]}"; do
      if [ "$side" = base ]; then out="$base_out"; else out="$head_out"; fi
      if ! { time run "$out" "${commands[$i]}"; } 2>>"$work/times-$side-$i"; then
        echo "mcp-platform ${commands[$i]} failed ($side):" >&2; cat "$work/err.txt" >&2; exit 1
      fi
    done
  done
done

# $1 = times file, $2 = wall | cpu: the median in ms, then (min-max).
median_ms() {
  awk -v kind="$2" '{ print (kind == "wall" ? $1 : $2 + $3) * 1000 }' "$1" | sort -n \
    | awk '{ v[NR] = $1 } END { printf "%.0f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
range_ms() {
  awk -v kind="$2" '{ print (kind == "wall" ? $1 : $2 + $3) * 1000 }' "$1" | sort -n \
    | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.0f-%.0f", lo, hi }'
}

for kind in wall cpu; do
  echo
  if [ "$kind" = wall ]; then
    echo "Start-up, wall ms: median (min-max) of $rounds runs of 'dotnet mcp-platform.dll ...'"
  else
    echo "Start-up, CPU ms (user + sys, both cores): median (min-max) of the same runs"
  fi
  printf '  %-12s %-30s %-30s %s\n' "command" "before ($base_label)" "after ($head_label)" "after/before"
  for i in "${!commands[@]}"; do
    before="$(median_ms "$work/times-base-$i" "$kind")"; after="$(median_ms "$work/times-head-$i" "$kind")"
    printf '  %-12s %-30s %-30s %s\n' "${commands[$i]%% *}" "$before ($(range_ms "$work/times-base-$i" "$kind"))" \
      "$after ($(range_ms "$work/times-head-$i" "$kind"))" "$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.3fx", a / b }')"
  done
done

# What each build ships: ASP.NET Core is a shared framework, so it shows in runtimeconfig.json rather than as DLLs.
describe() { # $1 = label, $2 = output folder
  local dir="$2" size dlls frameworks aspnet jint azure
  size="$(du -sk "$dir" | cut -f 1)"
  dlls="$(find "$dir" -name '*.dll' | wc -l)"
  frameworks="$(grep -o '"name": *"[^"]*"' "$dir/mcp-platform.runtimeconfig.json" | sed 's/"name": *"\(.*\)"/\1/' | paste -sd ' ' -)"
  aspnet="$(find "$dir" -maxdepth 1 -name 'Microsoft.AspNetCore*.dll' | wc -l)"
  jint="$([ -f "$dir/Jint.dll" ] && echo yes || echo no)"
  azure="$([ -f "$dir/Azure.Identity.dll" ] && echo yes || echo no)"
  printf '  %-34s %8s KB %6s %-44s %-10s %-6s %s\n' "$1" "$size" "$dlls" "$frameworks" "$aspnet" "$jint" "$azure"
}
echo
echo "Output folder (bin/Release/<tfm>):"
printf '  %-34s %11s %6s %-44s %-10s %-6s %s\n' "build" "size" "dlls" "shared frameworks (runtimeconfig.json)" "AspNetCore*" "Jint" "Azure.Identity"
describe "before ($base_label)" "$base_out"
describe "after ($head_label)" "$head_out"
# What each command really loads: the DLLs the process opened (strace, an untimed run), when strace works here.
if command -v strace >/dev/null && strace -f -e trace=openat -o /dev/null true 2>/dev/null; then
  echo
  echo "Assemblies each command loads (DLLs opened, strace; untimed run): count, then the platform's and the heavy ones"
  for i in "${!commands[@]}"; do
    for side in base head; do
      if [ "$side" = base ]; then out="$base_out" label="before"; else out="$head_out" label="after"; fi
      # shellcheck disable=SC2086
      strace -f -e trace=openat -o "$work/strace.txt" dotnet "$out/mcp-platform.dll" ${commands[$i]} >/dev/null 2>&1 || true
      loaded="$(grep -v ENOENT "$work/strace.txt" | grep -o '[^/"]*\.dll"' | tr -d '"' | sort -u)"
      notable="$(grep -E '^(McpPlatform|mcp-platform|Microsoft\.AspNetCore|Jint|Acornima|Azure)' <<<"$loaded" | paste -sd ' ' -)"
      printf '  %-12s %-7s %3s  %s\n' "${commands[$i]%% *}" "$label" "$(grep -c . <<<"$loaded")" "$notable"
    done
  done
fi

echo
echo "Noisy: a shared 2-core machine; compare medians, and rerun when the load average is high."
