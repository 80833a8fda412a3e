#!/usr/bin/env bash
# Runs bench.py: tlsguard check, Ruff-WASM (S502-S504), Bandit (B502-B504) and grep on one
# corpus, with medians, ratios and a list of disagreeing findings. Before that it installs the
# anchor tools when they are missing, and builds tlsguard when its jar is missing or older than
# its sources.
#
# Usage: benchmarks/run.sh [--quick] [--runs N] [--bandit-runs N] [--tools LIST] [...]
#        (benchmarks/run.sh --help lists every option)
# Needs root or sudo for apt-get when Bandit or GNU time is missing.
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$bench/.." && pwd)

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  else
    sudo "$@"
  fi
}

apt_updated=false
apt_install() {
  if [[ $apt_updated == false ]]; then
    as_root apt-get update -qq
    apt_updated=true
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# Bandit from Debian, and GNU time for wall, CPU and peak RSS per run.
if ! command -v bandit >/dev/null 2>&1; then
  echo "Installing bandit from Debian" >&2
  apt_install bandit
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "Installing GNU time from Debian" >&2
  apt_install time
fi

# Ruff's WebAssembly build at the version pinned in package-lock.json.
if ! command -v node >/dev/null 2>&1; then
  echo "error: node not found; install Node.js 18 or newer (Debian package nodejs)" >&2
  exit 2
fi
package=node_modules/@astral-sh/ruff-wasm-nodejs
lock_version=$(node -p 'require(process.argv[1]).packages[process.argv[2]].version' \
  "$bench/package-lock.json" "$package")
installed_version=$(node -p 'try { require(process.argv[1]).version } catch { "" }' \
  "$bench/$package/package.json")
if [[ "$installed_version" != "$lock_version" ]]; then
  echo "Installing @astral-sh/ruff-wasm-nodejs $lock_version with npm ci" >&2
  (cd "$bench" && npm ci --no-audit --no-fund >&2)
fi

# tlsguard: rebuild when any source or build file is newer than the jar.
jar="$root/server/target/tlsguard.jar"
if [[ ! -f "$jar" ]] ||
  [[ -n $(find "$root/server/src/main" "$root/server/pom.xml" "$root/pom.xml" \
    -newer "$jar" -print -quit) ]]; then
  echo "Building $jar" >&2
  "$root/scripts/build.sh"
fi

exec python3 "$bench/bench.py" --jar "$jar" "$@"
