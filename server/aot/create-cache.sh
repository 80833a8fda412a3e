#!/usr/bin/env bash
# Creates the JVM's ahead-of-time class cache for the tlsguard jar, so that the language server
# and the checker start faster.
#
# Usage: create-cache.sh JAVA_HOME JAR OUTPUT_DIR
#
# A training run of `tlsguard lsp` is fed a short editor session (initialize, open a file with
# findings, code actions, hover, shutdown, exit) on stdin. JDK 25+ writes an AOT cache
# (tlsguard.aot, used with -XX:AOTCache) in one step and JDK 24 in two steps. Older JDKs write a
# dynamic class-data-sharing archive (tlsguard.jsa, used with -XX:SharedArchiveFile). The cache
# only speeds up start-up, so any failure here prints a warning and exits 0.
set -uo pipefail

java_home=${1:?usage: create-cache.sh JAVA_HOME JAR OUTPUT_DIR}
jar=${2:?usage: create-cache.sh JAVA_HOME JAR OUTPUT_DIR}
out=${3:?usage: create-cache.sh JAVA_HOME JAR OUTPUT_DIR}
java="$java_home/bin/java"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

warn() {
  echo "warning: AOT cache not created: $*; tlsguard works without it, only starts slower" >&2
  exit 0
}

[[ -x "$java" ]] || warn "$java not found"
[[ -f "$jar" ]] || warn "$jar not found"
version=$("$java" -XshowSettings:properties -version 2>&1 |
  sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n1)
[[ -n "$version" ]] || warn "cannot read the Java version of $java"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample="$work/sample.py"
cp "$here/training_sample.py" "$sample"

# Frames one JSON-RPC message with its Content-Length header (the body is ASCII).
frame() {
  printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"
}

uri="file://$sample"
text=$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1]).read()))' "$sample" 2>/dev/null) ||
  text=$(sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' "$sample" | awk 'BEGIN{ORS="\\n"} {print}' | sed 's/^/"/; s/$/"/')
{
  frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{"textDocument":{"publishDiagnostics":{"relatedInformation":true},"codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix","source.fixAll"]}}},"hover":{"contentFormat":["markdown"]}},"workspace":{"workspaceEdit":{"documentChanges":true}},"general":{"positionEncodings":["utf-16"]}}}}'
  frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  frame "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"$uri\",\"languageId\":\"python\",\"version\":1,\"text\":$text}}}"
  frame "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"$uri\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}},\"text\":\"# edited\\n\"}]}}"
  frame "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/codeAction\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"},\"range\":{\"start\":{\"line\":3,\"character\":0},\"end\":{\"line\":3,\"character\":40}},\"context\":{\"diagnostics\":[]}}}"
  frame "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"},\"position\":{\"line\":3,\"character\":30}}}"
  frame "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/diagnostic\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"}}}"
  frame '{"jsonrpc":"2.0","id":5,"method":"shutdown","params":null}'
  frame '{"jsonrpc":"2.0","method":"exit","params":null}'
} >"$work/session.bin"

mkdir -p "$out"
run_training() {
  # Stdin stays open for 2 s after the session, so the server handles every message before it
  # sees the end of its input.
  (cat "$work/session.bin"; sleep 2) | timeout 120 "$java" "$@" -jar "$jar" lsp >"$work/stdout.bin" 2>"$work/stderr.log"
}
if ((version >= 25)); then
  rm -f "$out/tlsguard.aot"
  run_training -XX:AOTCacheOutput="$out/tlsguard.aot" || warn "training run failed: $(tail -n 3 "$work/stderr.log")"
  [[ -f "$out/tlsguard.aot" ]] || warn "the JVM wrote no cache: $(tail -n 3 "$work/stderr.log")"
  echo "AOT cache: $out/tlsguard.aot" >&2
elif ((version == 24)); then
  rm -f "$out/tlsguard.aot"
  run_training -XX:AOTMode=record -XX:AOTConfiguration="$work/tlsguard.aotconf" ||
    warn "training run failed: $(tail -n 3 "$work/stderr.log")"
  "$java" -XX:AOTMode=create -XX:AOTConfiguration="$work/tlsguard.aotconf" -XX:AOTCache="$out/tlsguard.aot" \
    -jar "$jar" --version >/dev/null 2>&1 || warn "creating the cache from the training run failed"
  echo "AOT cache: $out/tlsguard.aot" >&2
else
  rm -f "$out/tlsguard.jsa"
  run_training -XX:ArchiveClassesAtExit="$out/tlsguard.jsa" || warn "training run failed"
  echo "Class-data-sharing archive: $out/tlsguard.jsa" >&2
fi
