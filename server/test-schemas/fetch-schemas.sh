#!/usr/bin/env bash
# Fetches the JSON schemas the tests validate output against.
#
# Usage: fetch-schemas.sh OUTPUT_DIR WORK_DIR
#
# Fetches each npm package pinned in packages.lock with `npm pack`, checks the
# tarball against its sha512 integrity string and copies one schema file out of
# it to OUTPUT_DIR. A tarball already in WORK_DIR with the right checksum is
# reused, so a second build needs no network access. No schema is committed to
# the repository.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:?usage: fetch-schemas.sh OUTPUT_DIR WORK_DIR}
work=${2:?usage: fetch-schemas.sh OUTPUT_DIR WORK_DIR}

fail() {
  echo "test schemas: $*" >&2
  exit 1
}

integrity_of() {
  echo "sha512-$(openssl dgst -sha512 -binary "$1" | base64 -w0)"
}

command -v openssl >/dev/null || fail "openssl not found; it checks the package checksums (Debian: apt-get install openssl)"
mkdir -p "$out" "$work"

while read -r spec expected member name; do
  [[ -z "$spec" || "$spec" == \#* ]] && continue
  [[ -n "$name" ]] || fail "packages.lock line for $spec needs four columns"
  package=${spec%@*}
  version=${spec##*@}
  # npm pack names a scoped package's tarball scope-name-version.tgz.
  tarball="$work/$(echo "${package#@}" | tr / -)-$version.tgz"
  if [[ ! -f "$tarball" || "$(integrity_of "$tarball")" != "$expected" ]]; then
    command -v npm >/dev/null || fail "npm not found; install Node.js and npm (Debian: apt-get install npm)"
    rm -f "$tarball"
    echo "test schemas: fetching $spec with npm pack" >&2
    (cd "$work" && npm pack --silent "$spec" >/dev/null) || fail "npm pack $spec failed"
    [[ -f "$tarball" ]] || fail "npm pack $spec did not produce $tarball"
  fi
  actual=$(integrity_of "$tarball")
  if [[ "$actual" != "$expected" ]]; then
    rm -f "$tarball"
    fail "integrity check failed for $spec: expected $expected, got $actual"
  fi
  tar -xzf "$tarball" -C "$work" "package/$member" || fail "$spec has no $member"
  cp "$work/package/$member" "$out/$name"
done <"$here/packages.lock"
