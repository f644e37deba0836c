#!/usr/bin/env bash
# Builds the test-cluster binaries from the upstream Go modules and caches them by version, outside the
# repo. A second run with the same versions builds nothing. Binaries found in $KUBEBUILDER_ASSETS (the
# envtest convention: kube-apiserver, etcd, kubectl) are used instead of building those.
#
#   bash test/cluster/build-binaries.sh        # prints the cache directory of each component
#
# Cache: ${PORTOLAN_CACHE:-~/.cache/portolan}/bin/{kubernetes,etcd,kwok}/<version>/
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=versions.env
source "$here/versions.env"
cache=${PORTOLAN_CACHE:-$HOME/.cache/portolan}/bin
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod

have() { # have DIR NAME... : every NAME is in DIR or in KUBEBUILDER_ASSETS
  local dir=$1; shift
  for n in "$@"; do
    [ -x "$dir/$n" ] || { [ -n "${KUBEBUILDER_ASSETS:-}" ] && [ -x "$KUBEBUILDER_ASSETS/$n" ]; } || return 1
  done
}

log() { printf '[build-binaries] %s\n' "$*" >&2; }

build_kubernetes() {
  local v=$KUBERNETES_VERSION out=$cache/kubernetes/$KUBERNETES_VERSION
  have "$out" kube-apiserver kube-controller-manager kube-scheduler kubectl && { echo "$out"; return; }
  log "building Kubernetes $v (slow the first time: tens of minutes on 2 cores)"
  local work; work=$(mktemp -d)
  local minor=${v#v1.}; minor=${minor%%.*}
  local staging_v=v0.${v#v1.}
  go mod download -json "k8s.io/kubernetes@$v" >"$work/dl.json"
  local modfile; modfile=$(sed -n 's/^\s*"GoMod": "\(.*\)",$/\1/p' "$work/dl.json")
  {
    echo "module portolan.test/kubernetes-build"
    echo "go 1.26.0"
    echo "require k8s.io/kubernetes $v"
    sed -n 's#^\s*\(k8s.io/[a-z0-9-]*\) => ./staging/src/k8s.io/.*#\1#p' "$modfile" |
      while read -r m; do echo "replace $m => $m $staging_v"; done
  } >"$work/go.mod"
  local pkg=k8s.io/component-base/version cg=k8s.io/client-go/pkg/version
  local ld="-s -w"
  for p in $pkg $cg; do
    ld="$ld -X $p.gitVersion=$v -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitTreeState=clean"
    ld="$ld -X $p.buildDate=1970-01-01T00:00:00Z"
  done
  mkdir -p "$out.tmp"
  (cd "$work" && go build -trimpath -ldflags "$ld" -o "$out.tmp/" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl)
  rm -rf "$out" && mv "$out.tmp" "$out" && rm -rf "$work"
  echo "$out"
}

build_etcd() {
  local v=$ETCD_VERSION out=$cache/etcd/$ETCD_VERSION
  have "$out" etcd etcdctl && { echo "$out"; return; }
  log "building etcd $v"
  local work; work=$(mktemp -d)
  # A wrapper module of its own: etcd's go.mod files carry replace directives, so `go install @v` fails,
  # and its grpc pin differs from Kubernetes'.
  cat >"$work/go.mod" <<EOF
module portolan.test/etcd-build
go 1.26.0
require (
  go.etcd.io/etcd/server/v3 $v
  go.etcd.io/etcd/etcdctl/v3 $v
)
EOF
  mkdir -p "$out.tmp"
  (cd "$work" && go build -trimpath -ldflags "-s -w" -o "$out.tmp/etcd" go.etcd.io/etcd/server/v3 &&
    go build -trimpath -ldflags "-s -w" -o "$out.tmp/etcdctl" go.etcd.io/etcd/etcdctl/v3)
  rm -rf "$out" && mv "$out.tmp" "$out" && rm -rf "$work"
  echo "$out"
}

build_kwok() {
  local v=$KWOK_VERSION out=$cache/kwok/$KWOK_VERSION
  have "$out" kwok kwokctl && { echo "$out"; return; }
  log "building kwok $v"
  mkdir -p "$out.tmp"
  GOBIN="$out.tmp" GOFLAGS= go install -trimpath -ldflags "-s -w" \
    "sigs.k8s.io/kwok/cmd/kwok@$v" "sigs.k8s.io/kwok/cmd/kwokctl@$v"
  # The Stage documents that make pods Running and Ready ship inside the module.
  local src; src=$(go env GOMODCACHE)/sigs.k8s.io/kwok@$v
  mkdir -p "$out.tmp/stage" && cp -r "$src/kustomize/stage/." "$out.tmp/stage/" && chmod -R u+w "$out.tmp/stage"
  rm -rf "$out" && mv "$out.tmp" "$out"
  echo "$out"
}

case "${1:-all}" in
  kubernetes) build_kubernetes ;;
  etcd) build_etcd ;;
  kwok) build_kwok ;;
  all) build_kwok; build_etcd; build_kubernetes ;;
  *) echo "usage: $0 [all|kubernetes|etcd|kwok]" >&2; exit 2 ;;
esac
