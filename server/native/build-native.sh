#!/usr/bin/env bash
# Builds the tree-sitter runtime and the Python grammar as shared libraries.
#
# Usage: build-native.sh OUTPUT_DIR WORK_DIR
#
# Fetches the npm packages pinned in packages.lock with `npm pack`, checks each
# tarball against its sha512 integrity string, compiles the C sources with gcc
# and writes OUTPUT_DIR/native/<platform>/{libtree-sitter.so,libtree-sitter-python.so}
# plus an index.properties that names each library and its SHA-256. Tarballs and
# libraries are reused from WORK_DIR when their checksums still match, so a
# second build does no network access and no compilation.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:?usage: build-native.sh OUTPUT_DIR WORK_DIR}
work=${2:?usage: build-native.sh OUTPUT_DIR WORK_DIR}
lock="$here/packages.lock"

fail() {
  echo "native build: $*" >&2
  exit 1
}

platform() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) fail "unsupported operating system '$(uname -s)'; the native build supports Linux and macOS" ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) fail "unsupported CPU architecture '$(uname -m)'; the native build supports x86_64 and aarch64" ;;
  esac
  echo "$os-$arch"
}

# Prints the npm-style integrity string (sha512-<base64>) of a file.
integrity_of() {
  echo "sha512-$(openssl dgst -sha512 -binary "$1" | base64 -w0)"
}

# Fetches one pinned package into $work/tarballs and unpacks it into $work/src/<name>.
fetch() {
  local spec=$1 expected=$2
  local name=${spec%@*} version=${spec##*@}
  local tarball="$work/tarballs/$name-$version.tgz"
  mkdir -p "$work/tarballs"
  if [[ ! -f "$tarball" || "$(integrity_of "$tarball")" != "$expected" ]]; then
    command -v npm >/dev/null || fail "npm not found; install Node.js and npm (Debian: apt-get install npm)"
    rm -f "$tarball"
    echo "native build: fetching $spec with npm pack" >&2
    (cd "$work/tarballs" && npm pack --silent "$spec" >/dev/null) || fail "npm pack $spec failed"
    [[ -f "$tarball" ]] || fail "npm pack $spec did not produce $tarball"
  fi
  local actual
  actual=$(integrity_of "$tarball")
  if [[ "$actual" != "$expected" ]]; then
    rm -f "$tarball"
    fail "integrity check failed for $spec: expected $expected, got $actual"
  fi
  rm -rf "$work/src/$name"
  mkdir -p "$work/src/$name"
  tar -xzf "$tarball" -C "$work/src/$name" --strip-components=1
}

command -v gcc >/dev/null || fail "gcc not found; install a C compiler (Debian: apt-get install gcc)"
command -v openssl >/dev/null || fail "openssl not found; it checks the package checksums (Debian: apt-get install openssl)"

plat=$(platform)
case "$plat" in
  darwin-*) ext=dylib ;;
  *) ext=so ;;
esac
dest="$out/native/$plat"
stamp="$work/stamp"
lock_hash=$(sha256sum "$lock" "$0" | sha256sum | cut -d' ' -f1)

if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_hash" && -f "$dest/index.properties" ]]; then
  echo "native build: up to date in $dest" >&2
  exit 0
fi

while read -r spec expected; do
  [[ -z "$spec" || "$spec" == \#* ]] && continue
  fetch "$spec" "$expected"
done <"$lock"

mkdir -p "$dest"
# NDEBUG drops the runtime's assertions, which cost about 30% of parse speed.
cflags=(-O2 -DNDEBUG -fPIC -shared -fvisibility=default)
runtime="$work/src/tree-sitter/vendor/tree-sitter/lib"
grammar="$work/src/tree-sitter-python/src"
[[ -f "$runtime/src/lib.c" ]] || fail "tree-sitter package has no vendor/tree-sitter/lib/src/lib.c"
[[ -f "$grammar/parser.c" && -f "$grammar/scanner.c" ]] || fail "tree-sitter-python package has no src/parser.c and src/scanner.c"

echo "native build: compiling the tree-sitter runtime for $plat" >&2
gcc "${cflags[@]}" -std=c11 -D_DEFAULT_SOURCE -I"$runtime/include" -I"$runtime/src" \
  "$runtime/src/lib.c" -o "$dest/libtree-sitter.$ext"
echo "native build: compiling the Python grammar for $plat" >&2
gcc "${cflags[@]}" -std=c11 -I"$grammar" \
  "$grammar/parser.c" "$grammar/scanner.c" -o "$dest/libtree-sitter-python.$ext"

{
  echo "# Written by build-native.sh; read by NativeLibraries at run time."
  echo "platform=$plat"
  echo "runtime=libtree-sitter.$ext"
  echo "runtime.sha256=$(sha256sum "$dest/libtree-sitter.$ext" | cut -d' ' -f1)"
  echo "grammar=libtree-sitter-python.$ext"
  echo "grammar.sha256=$(sha256sum "$dest/libtree-sitter-python.$ext" | cut -d' ' -f1)"
  echo "grammar.symbol=tree_sitter_python"
  while read -r spec _; do
    [[ -z "$spec" || "$spec" == \#* ]] && continue
    echo "source.${spec%@*}=${spec##*@}"
  done <"$lock"
} >"$dest/index.properties"
echo "$lock_hash" >"$stamp"
echo "native build: wrote $dest" >&2
