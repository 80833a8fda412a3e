#!/usr/bin/env bash
# Builds benchmarks/native/ts_baseline against the tree-sitter runtime and Python grammar sources
# that the server build fetched and verified (server/target/native-work), with the same -O2.
# Usage: benchmarks/native/build.sh   (run scripts/build.sh first)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(cd "$here/../.." && pwd)/server/target/native-work/src
runtime=$work/tree-sitter/vendor/tree-sitter/lib
grammar=$work/tree-sitter-python/src
if [[ ! -d "$runtime" || ! -d "$grammar" ]]; then
  echo "error: tree-sitter sources not found under $work; run scripts/build.sh first" >&2
  exit 2
fi
out=${1:-$here/target}
mkdir -p "$out"
gcc -O2 -DNDEBUG -std=c11 -D_DEFAULT_SOURCE -I"$runtime/include" -I"$runtime/src" -I"$grammar" \
  "$here/ts_baseline.c" "$runtime/src/lib.c" "$grammar/parser.c" "$grammar/scanner.c" \
  -o "$out/ts_baseline"
echo "$out/ts_baseline"
