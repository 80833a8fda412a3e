#!/usr/bin/env bash
# Creates the JVM's ahead-of-time class cache for the tlsguard jar, so that the language server
# and the checker start faster.
#
# Usage: create-cache.sh JAVA_HOME JAR OUTPUT_DIR
#
# A training run of `tlsguard lsp` goes through an editor session over its stdin and stdout,
# waiting for each reply: initialize, open a file with findings, 40 one-letter edits, code
# actions, hover, a file without findings, shutdown and exit. JDK 25+ writes an AOT cache
# (tlsguard.aot, used with -XX:AOTCache) in one step and JDK 24 in two steps. On JDK 25+ a second
# training run, `tlsguard check` on testdata/rules, writes tlsguard-check.aot for the checker. Older JDKs write a
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
mkdir -p "$work/project"
sample="$work/project/sample.py"
cp "$here/training_sample.py" "$sample"
# The language server's JVM options (heap, GC), so that the training run uses the same
# configuration as bin/tlsguard lsp.
jvm_options=()
if [[ -f "$here/lsp-jvm.args" ]]; then
  jvm_options=("@$here/lsp-jvm.args")
fi
check_options=()
if [[ -f "$here/check-jvm.args" ]]; then
  check_options=("@$here/check-jvm.args")
fi
# The checker's training input: the annotated fixtures at the top of the repository.
fixtures=$(cd "$here/../.." && pwd)/testdata/rules

# Byte semantics for ${#...} and read -N: Content-Length counts bytes.
export LC_ALL=C

# Escapes a file's text as a JSON string (the sample is ASCII).
json_string() {
  local text
  text=$(sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' "$1" | awk 'BEGIN{ORS="\\n"} {print}')
  printf '"%s"' "$text"
}

# Sends one JSON-RPC message with its Content-Length header to the server's stdin.
send() {
  printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1" >&"${server[1]}"
}

# Reads one message from the server's stdout into $body; fails at the end of the output or when
# nothing arrives for 60 s.
receive() {
  local line length=""
  while IFS= read -r -t 60 -u "${server[0]}" line; do
    line=${line%$'\r'}
    [[ -z "$line" ]] && break
    [[ "$line" == Content-Length:* ]] && length=${line#Content-Length: }
  done
  [[ -n "$length" ]] || return 1
  IFS= read -r -N "$length" -t 60 -u "${server[0]}" body
}

# Reads messages until one contains $1. Requests from the server get a null result.
await() {
  while receive; do
    if [[ "$body" == *'"method"'* && "$body" =~ \"id\":([0-9]+|\"[^\"]*\") ]]; then
      send "{\"jsonrpc\":\"2.0\",\"id\":${BASH_REMATCH[1]},\"result\":null}"
      continue
    fi
    [[ "$body" == *"$1"* ]] && return 0
  done
  return 1
}

# A representative editor session: the server handles each step before the next is sent, so the
# training run loads and profiles the classes of every step (start, analysis, incremental edits,
# code actions, hover, a document without findings, shutdown).
session() {
  local uri="file://$sample" plain="file://$work/project/plain.py" folder="file://$work/project"
  send '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":"'"$folder"'","workspaceFolders":[{"uri":"'"$folder"'","name":"project"}],"capabilities":{"textDocument":{"publishDiagnostics":{"relatedInformation":true,"versionSupport":true},"codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix","source.fixAll","refactor.rewrite"]}}},"hover":{"contentFormat":["markdown"]}},"workspace":{"workspaceEdit":{"documentChanges":true}},"general":{"positionEncodings":["utf-16"]}}}}'
  await '"id":1,' || return 1
  send '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  send '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'"$uri"'","languageId":"python","version":1,"text":'"$(json_string "$sample")"'}}}'
  await '"version":1}' || return 1
  local version
  for version in $(seq 2 41); do
    # Types one letter at a time into a name, as a user does.
    send '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"'"$uri"'","version":'"$version"'},"contentChanges":[{"range":{"start":{"line":18,"character":7},"end":{"line":18,"character":7}},"text":"x"}]}}'
    await "\"version\":$version}" || return 1
  done
  send '{"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"'"$uri"'"},"range":{"start":{"line":4,"character":0},"end":{"line":4,"character":50}},"context":{"diagnostics":[]}}}'
  await '"id":2,' || return 1
  send '{"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"'"$uri"'"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[],"only":["source.fixAll"]}}}'
  await '"id":3,' || return 1
  send '{"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{"textDocument":{"uri":"'"$uri"'"},"position":{"line":4,"character":30}}}'
  await '"id":4,' || return 1
  send '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'"$plain"'","languageId":"python","version":1,"text":"import os\nprint(os.getcwd())\n"}}}'
  await '"version":1}' || return 1
  send '{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"'"$plain"'"}}}'
  send '{"jsonrpc":"2.0","id":5,"method":"shutdown","params":null}'
  await '"id":5,' || return 1
  send '{"jsonrpc":"2.0","method":"exit","params":null}'
}

mkdir -p "$out"
# Runs `tlsguard lsp` with the JVM options in "$@" and drives the session over its stdin and
# stdout. Fails when the session does not complete or the server exits with an error.
run_training() {
  # The server's own entry point, as bin/tlsguard starts it.
  coproc server {
    timeout 300 "$java" "$@" ${jvm_options[@]+"${jvm_options[@]}"} -cp "$jar" dev.tlsguard.protocol.LspCommand \
      2>"$work/stderr.log"
  }
  local pid=$server_PID
  if ! session; then
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 1
  fi
  wait "$pid"
}
# Runs `tlsguard check` on the rule's annotated fixtures with the checker's JVM options and the
# JVM options in "$@". The fixtures have findings, so exit status 1 is the expected outcome.
run_check_training() {
  local status=0
  timeout 300 "$java" "$@" ${check_options[@]+"${check_options[@]}"} -jar "$jar" check "$fixtures" \
    >/dev/null 2>"$work/check-stderr.log" || status=$?
  ((status <= 1))
}

if ((version >= 25)); then
  rm -f "$out/tlsguard.aot" "$out/tlsguard-check.aot"
  run_training -XX:AOTCacheOutput="$out/tlsguard.aot" || warn "training run failed: $(tail -n 3 "$work/stderr.log")"
  [[ -f "$out/tlsguard.aot" ]] || warn "the JVM wrote no cache: $(tail -n 3 "$work/stderr.log")"
  echo "AOT cache: $out/tlsguard.aot" >&2
  # The checker loads other classes and runs with other JVM options, so it gets a cache of its own.
  if [[ -d "$fixtures" ]]; then
    run_check_training -XX:AOTCacheOutput="$out/tlsguard-check.aot" ||
      warn "check training run failed: $(tail -n 3 "$work/check-stderr.log")"
    [[ -f "$out/tlsguard-check.aot" ]] || warn "the JVM wrote no check cache: $(tail -n 3 "$work/check-stderr.log")"
    echo "AOT cache: $out/tlsguard-check.aot" >&2
  fi
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
