#!/usr/bin/env bash
# Writes the SBOM (CycloneDX JSON) of one release archive: the Go modules
# compiled into dgmaturity for that system, with their versions, hashes and
# licences. Called by .goreleaser.yaml's sboms step, in dist/, with the
# document's name (relative to dist/), GOOS and GOARCH.
#
# cyclonedx-gomod reads the module graph and the module cache, so it needs
# no network once the modules are there; it is installed once, at a pinned
# version, by go install into a cache folder. No serial number and no
# timestamp, so that the SBOM of one commit is always the same bytes.
set -euo pipefail
doc=${1:?usage: scripts/sbom.sh DOCUMENT GOOS GOARCH}
goos=${2:?usage: scripts/sbom.sh DOCUMENT GOOS GOARCH}
goarch=${3:?usage: scripts/sbom.sh DOCUMENT GOOS GOARCH}
cd "$(dirname "$0")/.."

version=v1.10.0
bin="${XDG_CACHE_HOME:-$HOME/.cache}/dgmaturity-ci/cyclonedx-gomod-$version"
if [ ! -x "$bin/cyclonedx-gomod" ]; then
  GOBIN="$bin" go install "github.com/CycloneDX/cyclonedx-gomod/cmd/cyclonedx-gomod@$version"
fi
# The target's GOOS and GOARCH select the modules that target compiles in
# (Windows brings its console packages, for example), as in the build.
GOOS=$goos GOARCH=$goarch CGO_ENABLED=0 "$bin/cyclonedx-gomod" app \
  -json -licenses -noserial -notimestamp -main cmd/dgmaturity -output "dist/$doc" .
