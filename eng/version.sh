#!/usr/bin/env bash
# Prints the platform version: McpPlatformVersion in Directory.Build.props, the one version source of every
# package (docs/packages.md). A grep rather than `dotnet msbuild -getProperty:McpPlatformVersion`: no MSBuild start-up.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version=$(sed -n 's:.*<McpPlatformVersion>\(.*\)</McpPlatformVersion>.*:\1:p' "$root/Directory.Build.props")
[[ -n "$version" ]] || { echo "no <McpPlatformVersion> in $root/Directory.Build.props" >&2; exit 1; }
echo "$version"
