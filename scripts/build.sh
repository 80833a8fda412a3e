#!/usr/bin/env bash
# Builds server/target/tlsguard.jar (native libraries included) with a JDK 23+.
#
# Usage: scripts/build.sh [extra Maven arguments]
# Skips the tests; scripts/test.sh runs them.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAVA_HOME=$("$root/scripts/find-jdk.sh") || exit 1
export JAVA_HOME
# Maven's own Guava calls sun.misc.Unsafe, which JDK 24+ warns about on every run.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
cd "$root"
# Maven talks on stderr, so that stdout of the README command carries only tlsguard's findings.
mvn -B -q -Dstyle.color=never -DskipTests "$@" package >&2
echo "Built $root/server/target/tlsguard.jar" >&2
