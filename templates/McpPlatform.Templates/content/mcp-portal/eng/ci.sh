#!/usr/bin/env bash
# The whole pipeline in one script, so a developer runs exactly what CI runs:
#   bash eng/ci.sh           restore, build (warnings are errors), test, manifest verify,
#                            smoke test (start the portal, list its tools and Code Mode's with a dev token),
#                            container image as a tarball; deploy only when CONTAINER_REGISTRY is set
#   bash eng/ci.sh deploy    push the image to CONTAINER_REGISTRY and roll it out (the pipeline's
#                            deploy stage, after `az login` with workload identity federation)
# Settings (environment):
#   CONFIGURATION          build configuration (Release)
#   SMOKE_PORT             port on 127.0.0.1 for the smoke test (5199)
#   SMOKE_TOOL, SMOKE_ARGS a namespaced upstream tool the smoke test also calls, and its JSON arguments (none, {})
#   IMAGE_TAG              image tag (the git commit, or "dev")
#   CONTAINER_BASE_IMAGE   override the SDK's default base image (mcr.microsoft.com/dotnet/aspnet)
#   CONTAINER_REGISTRY     e.g. contoso.azurecr.io; unset = no push, no deploy
#   AZURE_RESOURCE_GROUP, AKS_CLUSTER   where the deploy step rolls out (see README.md)
#   AUDIT_CHAIN_KEY        Container Apps without Key Vault: the audit chain key (a pipeline secret; keep it)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

project="Company.Portal1.csproj"
tests="tests/Company.Portal1.Tests/Company.Portal1.Tests.csproj"
image="company-portal1"
deploy_target="DEPLOY_TARGET"
configuration="${CONFIGURATION:-Release}"
artifacts="artifacts"
tag="${IMAGE_TAG:-$(git rev-parse --short HEAD 2>/dev/null || echo dev)}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

step() { echo "==> $*"; }

restore() {
  step "restore"
  dotnet tool restore
  dotnet restore "$project"
  dotnet restore "$tests"
}

build() {
  step "build (warnings are errors)"
  dotnet build "$project" -c "$configuration" --no-restore -warnaserror
  dotnet build "$tests" -c "$configuration" --no-restore -warnaserror
}

test_() {
  step "test"
  dotnet test "$tests" -c "$configuration" --no-build
}

verify_manifest() {
  # The portal's manifest pins every upstream tool definition. The portal itself quarantines at run time whatever
  # differs from mcp-manifest.approved.json; this step fails the build early when a proposed manifest
  # (mcp-manifest.json, written when the portal reads its upstreams) is committed and not approved.
  # Exit codes: 0 approved, 1 changed and needs approval, 2 manifest missing or malformed.
  if [ ! -f mcp-manifest.json ] && [ ! -f mcp-manifest.approved.json ]; then
    step "manifest verify: skipped (no mcp-manifest.json yet: no upstream has been read and approved)"
    return 0
  fi
  step "manifest verify (mcp-manifest.json against mcp-manifest.approved.json)"
  dotnet tool run mcp-platform manifest verify
}

# POSTs one JSON-RPC request to $base/mcp$1 with the token; prints the last JSON-RPC message of the answer.
rpc() {
  local query="$1" method="$2" params="$3"
  curl -sS -X POST "$base/mcp$query" \
    -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' \
    --data "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$method\",\"params\":$params}" | sed -n 's/^data: //p; /^{/p' | tail -n 1
}

smoke() {
  local port="${SMOKE_PORT:-5199}" tool="${SMOKE_TOOL:-}" arguments="${SMOKE_ARGS:-"{}"}" work
  base="http://127.0.0.1:$port"
  step "smoke test: start the portal (Development, development issuer), list its tools and Code Mode's over HTTP"
  work="$(mktemp -d)"
  export MCP_PLATFORM_DEV_ISSUER_KEY_FILE="$work/dev-issuer.json"
  if curl -fsS "$base/healthz" >/dev/null 2>&1; then
    echo "Something already answers on 127.0.0.1:$port: set SMOKE_PORT to a free port." >&2
    return 1
  fi
  # Minting first creates the issuer key the portal then trusts.
  token="$(dotnet tool run mcp-platform dev-token --subject ci-smoke --audience "$base/mcp" --scope mcp:read --lifetime 10m)"
  ASPNETCORE_ENVIRONMENT=Development dotnet run --project "$project" -c "$configuration" --no-build --no-launch-profile -- --urls "$base" >"$work/portal.log" 2>&1 &
  local portal=$!
  # shellcheck disable=SC2064 # expand now: the trap must kill this portal and remove this folder
  trap "kill $portal 2>/dev/null || true; rm -rf '$work'" EXIT
  local ready=""
  for _ in $(seq 1 120); do
    if curl -fsS "$base/healthz" >/dev/null 2>&1; then ready=yes; break; fi
    if ! kill -0 "$portal" 2>/dev/null; then break; fi
    sleep 0.5
  done
  if [ -z "$ready" ]; then
    echo "The portal did not answer $base/healthz; its output:" >&2
    cat "$work/portal.log" >&2
    return 1
  fi

  local unauthorized
  unauthorized="$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/mcp" -H 'Content-Type: application/json' --data '{}')"
  if [ "$unauthorized" != "401" ]; then
    echo "Without a token /mcp answered $unauthorized, expected 401." >&2
    return 1
  fi

  local answer
  # ?codemode=tools: the plain tool list even when Code Mode is the configured default.
  answer="$(rpc "?codemode=tools" tools/list "{}")"
  if ! grep -q '"tools"' <<<"$answer"; then
    echo "tools/list failed: $answer" >&2
    cat "$work/portal.log" >&2
    return 1
  fi
  echo "tools/list answered: $(head -c 300 <<<"$answer" | tr -d '\n')..."

  # Code Mode: exactly search and execute, whatever the number of upstreams.
  answer="$(rpc "?codemode=search_and_execute" tools/list "{}")"
  if ! grep -q '"name":"search"' <<<"$answer" || ! grep -q '"name":"execute"' <<<"$answer"; then
    echo "tools/list in Code Mode did not offer search and execute: $answer" >&2
    cat "$work/portal.log" >&2
    return 1
  fi

  if [ -n "$tool" ]; then
    answer="$(rpc "?codemode=tools" tools/call "{\"name\":\"$tool\",\"arguments\":$arguments}")"
    if ! grep -q '"result"' <<<"$answer" || grep -q '"isError":true' <<<"$answer"; then
      echo "tools/call $tool failed: $answer" >&2
      cat "$work/portal.log" >&2
      return 1
    fi
    echo "tools/call $tool answered: $(head -c 300 <<<"$answer" | tr -d '\n')..."
  fi
  kill "$portal" 2>/dev/null || true
  wait "$portal" 2>/dev/null || true
  trap - EXIT
  rm -rf "$work"
}

container_arguments() {
  local arguments=(-c "$configuration" -t:PublishContainer -p:ContainerImageTag="$tag")
  if [ -n "${CONTAINER_BASE_IMAGE:-}" ]; then arguments+=(-p:ContainerBaseImage="$CONTAINER_BASE_IMAGE"); fi
  printf '%s\n' "${arguments[@]}"
}

package() {
  step "container image (dotnet publish -t:PublishContainer, no Dockerfile) -> $artifacts/container/$image-$tag.tar (docker load -i)"
  mkdir -p "$artifacts/container"
  mapfile -t arguments < <(container_arguments)
  dotnet publish "$project" "${arguments[@]}" -p:ContainerArchiveOutputPath="$PWD/$artifacts/container/$image-$tag.tar"
}

deploy() {
  if [ -z "${CONTAINER_REGISTRY:-}" ]; then
    step "push and deploy: skipped (CONTAINER_REGISTRY is not set; the pipeline's deploy stage sets it on main)"
    return 0
  fi

  step "push $CONTAINER_REGISTRY/$image:$tag"
  if [ -z "${DOTNET_CONTAINER_REGISTRY_PWORD:-}" ] && command -v az >/dev/null && [[ "$CONTAINER_REGISTRY" == *.azurecr.io ]]; then
    # A short-lived ACR token from the workload-identity login; no stored registry password.
    export DOTNET_CONTAINER_REGISTRY_UNAME="00000000-0000-0000-0000-000000000000"
    DOTNET_CONTAINER_REGISTRY_PWORD="$(az acr login --name "${CONTAINER_REGISTRY%%.*}" --expose-token --query accessToken -o tsv)"
    export DOTNET_CONTAINER_REGISTRY_PWORD
  fi
  mapfile -t arguments < <(container_arguments)
  dotnet publish "$project" "${arguments[@]}" -p:ContainerRegistry="$CONTAINER_REGISTRY"

  local reference="$CONTAINER_REGISTRY/$image:$tag"
  case "$deploy_target" in
    container-apps)
      step "deploy to Azure Container Apps ($reference)"
      az deployment group create --resource-group "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP}" \
        --template-file deploy/container-apps/main.bicep \
        --parameters @deploy/container-apps/main.parameters.json \
        --parameters image="$reference" registryServer="$CONTAINER_REGISTRY" ${AUDIT_CHAIN_KEY:+auditChainKey="$AUDIT_CHAIN_KEY"}
      ;;
    kubernetes)
      step "deploy to Kubernetes ($reference)"
      if [ -n "${AKS_CLUSTER:-}" ]; then
        az aks get-credentials --resource-group "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP}" --name "$AKS_CLUSTER" --overwrite-existing
      fi
      kubectl apply -f deploy/kubernetes/
      kubectl set image "deployment/$image" "portal=$reference"
      kubectl rollout status "deployment/$image" --timeout=5m
      ;;
    *)
      step "deploy: none configured (image pushed only)"
      ;;
  esac
}

case "${1:-all}" in
  all) restore; build; test_; smoke; verify_manifest; package; deploy ;;
  deploy)
    if [ -z "${CONTAINER_REGISTRY:-}" ]; then deploy; exit 0; fi
    restore; deploy ;;
  restore | build | smoke | package) "$1" ;;
  test) test_ ;;
  verify) verify_manifest ;;
  *) echo "usage: eng/ci.sh [all|restore|build|test|verify|smoke|package|deploy]" >&2; exit 2 ;;
esac
