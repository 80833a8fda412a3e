#!/usr/bin/env bash
# Runs every test: the Java unit and integration tests (through Maven, against the real native
# parser and the real jar), then the editor end-to-end tests in real Neovim, Emacs and VS Code.
#
# Usage: scripts/test.sh [--no-editors]
# Installs what the tests need first (scripts/install-test-deps.sh), so it works on a fresh
# machine. That step needs root for apt-get and access to Debian's and npm's registries.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
editors=1
for argument in "$@"; do
  case "$argument" in
    --no-editors) editors=0 ;;
    *)
      echo "error: unknown option '$argument'; usage: scripts/test.sh [--no-editors]" >&2
      exit 2
      ;;
  esac
done

if [[ -x "$root/scripts/install-test-deps.sh" ]]; then
  "$root/scripts/install-test-deps.sh" $([[ $editors -eq 0 ]] && echo --no-editors)
fi

JAVA_HOME=$("$root/scripts/find-jdk.sh") || exit 1
export JAVA_HOME
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
cd "$root"
echo "== Java tests (mvn verify) with $JAVA_HOME" >&2
mvn -B verify

if [[ $editors -eq 1 && -x "$root/scripts/e2e/run.sh" ]]; then
  echo "== Editor end-to-end tests" >&2
  "$root/scripts/e2e/run.sh"
fi
