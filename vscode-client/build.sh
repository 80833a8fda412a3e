#!/usr/bin/env bash
# Builds the VS Code extension package vscode-client/tlsguard-<version>.vsix with the server
# jar inside.
#
# Usage: vscode-client/build.sh
# Steps: npm ci (only when node_modules is missing or older than package-lock.json), type-check
# and compile, lint, unit tests, copy the jar and the server's JVM options, package with
# @vscode/vsce. The jar is taken from
# $TLSGUARD_JAR, else server/target/tlsguard.jar, which scripts/build.sh builds when missing.
# Prints the path of the .vsix on stdout.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
jar=${TLSGUARD_JAR:-$root/server/target/tlsguard.jar}

step() { echo "[vscode-client] $*" >&2; }

command -v npm >/dev/null || { echo "error: npm not found; install Node.js 20 or newer" >&2; exit 1; }
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
  echo "error: Node.js $node_major is too old; the build needs Node.js 20 or newer" >&2
  exit 1
fi

if [[ ! -f "$jar" ]]; then
  if [[ -n "${TLSGUARD_JAR:-}" ]]; then
    echo "error: TLSGUARD_JAR=$jar does not exist" >&2
    exit 1
  fi
  step "no $jar yet; building it with scripts/build.sh"
  "$root/scripts/build.sh"
fi

cd "$here"
if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
step "type-check and compile"
rm -rf out
npx --no-install tsc -p .
step "lint"
npx --no-install eslint --max-warnings 0
step "unit tests"
node --test out/test/ >&2
step "copy $jar"
mkdir -p server
cp "$jar" server/tlsguard.jar
# The language server's JVM options (heap cap, serial GC), read with java @lsp-jvm.args.
cp "$root/server/aot/lsp-jvm.args" server/lsp-jvm.args
version=$(node -p 'require("./package.json").version')
vsix="$here/tlsguard-$version.vsix"
step "package $vsix"
npx --no-install vsce package --skip-license --allow-missing-repository -o "$vsix" >&2
echo "$vsix"
