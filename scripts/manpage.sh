#!/usr/bin/env bash
# Writes manpages/dgmaturity.1, the man page that the program itself makes
# (fang's hidden `dgmaturity man` command), for the release archives.
# fang stamps the page with today's date; it is replaced with the date
# given as $1 (the commit's, YYYY-MM-DD) so that two builds of one commit
# give the same archives. Called by .goreleaser.yaml's before hook.
set -euo pipefail
cd "$(dirname "$0")/.."
date=${1:?usage: scripts/manpage.sh YYYY-MM-DD}
mkdir -p manpages
go run ./cmd/dgmaturity man >manpages/dgmaturity.1.tmp
# The header is: .TH DGMATURITY 1 "<date>" "dgmaturity" "<title>"
sed -E "1s/^(\.TH [^ ]+ 1 )\"[0-9]{4}-[0-9]{2}-[0-9]{2}\"/\1\"${date}\"/" \
  manpages/dgmaturity.1.tmp >manpages/dgmaturity.1
rm manpages/dgmaturity.1.tmp
head -n 1 manpages/dgmaturity.1 | grep -q "\"${date}\"" || {
  echo "scripts/manpage.sh: could not set the date in the man page's header" >&2
  exit 1
}
