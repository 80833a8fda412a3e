#!/usr/bin/env bash
# Runs tlsguard's end-to-end tests in real editors: Neovim, Emacs with Eglot, and VS Code
# (code-server in headless Chromium) with the packaged extension.
#
# Usage: scripts/e2e/run.sh [nvim] [emacs] [vscode] [--only TEXT] [--timeout S]
#   (default: all three clients)
# Needs the editors and the VS Code test setup that scripts/install-test-deps.sh installs.
# Builds server/target/tlsguard.jar and the .vsix when they are missing or older than their
# sources. Writes logs and the Problems-panel screenshots to target/e2e/.
# Last line: "N passed, N failed"; exit 1 if any scenario failed.
#
# TLSGUARD_E2E_HARNESS is the folder of the LSP client harnesses (nvim/, emacs/, vscode/
# lsp-check.sh). They are kept outside the repository, in the folder `shared/clients` next to
# the clone, which is the default.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
harness=${TLSGUARD_E2E_HARNESS:-$(dirname "$root")/shared/clients}
jar=$root/server/target/tlsguard.jar

if [[ ! -x "$harness/nvim/lsp-check.sh" ]]; then
  echo "error: no LSP client harnesses in $harness; set TLSGUARD_E2E_HARNESS to their folder" >&2
  exit 2
fi
java_home=$("$root/scripts/find-jdk.sh")

clients=()
for arg in "$@"; do
  case $arg in nvim | emacs | lsp-mode | vscode | snippets) clients+=("$arg") ;; esac
done
[[ ${#clients[@]} -gt 0 ]] || clients=(nvim emacs lsp-mode vscode snippets)

newest_source() {
  find "$@" -type f -newer "$jar" -print -quit 2>/dev/null
}
if [[ ! -f "$jar" || -n "$(newest_source "$root/server/src" "$root/server/pom.xml" "$root/pom.xml")" ]]; then
  echo "[e2e] building $jar" >&2
  "$root/scripts/build.sh" >&2
fi

vsix_args=()
if [[ " ${clients[*]} " == *" vscode "* ]]; then
  vsix=$("$root/vscode-client/build.sh")
  vsix_args=(--vsix "$vsix")
fi

exec python3 "$root/scripts/e2e/e2e.py" --jar "$jar" --java-home "$java_home" \
  --harness "$harness" "${vsix_args[@]}" "$@"
