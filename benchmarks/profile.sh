#!/usr/bin/env bash
# Profiles one `tlsguard check` run with Java Flight Recorder and prints where the time went:
# hot Java methods, threads waiting in native code (the tree-sitter parser), allocation and GC.
#
# Usage: benchmarks/profile.sh [CORPUS]   (default: the python3 interpreter's library tree)
# The recording is kept in benchmarks/results/raw/check.jfr for `jfr view` or JDK Mission Control.
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$bench/.." && pwd)
corpus=${1:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
jar="$root/server/target/tlsguard.jar"
if [[ ! -f "$jar" ]]; then
  echo "error: $jar not found; build it first with scripts/build.sh" >&2
  exit 2
fi
java_home=$("$root/scripts/find-jdk.sh")
out="$bench/results/raw"
mkdir -p "$out"
recording="$out/check.jfr"

status=0
"$java_home/bin/java" "-XX:StartFlightRecording=filename=$recording,settings=profile" \
  -jar "$jar" check --format json -o "$out/profile-findings.json" "$corpus" \
  >"$out/profile.stdout" 2>"$out/profile.stderr" ||
  status=$?
# Exit status 1 means findings and 2 that some files could not be read; both still report.
if [[ $status -gt 2 || ! -s "$recording" ]]; then
  echo "error: tlsguard check exited with $status; see $out/profile.stderr" >&2
  exit 2
fi
for view in hot-methods native-methods allocation-by-class gc cpu-load; do
  echo "== jfr view $view"
  "$java_home/bin/jfr" view --width 160 "$view" "$recording"
done
