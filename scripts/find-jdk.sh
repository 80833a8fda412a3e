#!/usr/bin/env bash
# Prints the home folder of a JDK whose version is at least MIN (default 23).
#
# Usage: find-jdk.sh [MIN]
#
# Candidates, in order: $TLSGUARD_JAVA_HOME, $JAVA_HOME, the java on PATH, then
# the JDKs installed in the usual system and per-user folders (newest first).
# Exits 1 with a message on stderr when none is recent enough.
set -uo pipefail

min=${1:-23}

# Prints the feature version (17, 21, 25, ...) of the JDK at $1, or nothing.
feature_version() {
  local home=$1
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 1
  "$home/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n1
}

candidates=()
[[ -n "${TLSGUARD_JAVA_HOME:-}" ]] && candidates+=("$TLSGUARD_JAVA_HOME")
[[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
if command -v java >/dev/null 2>&1; then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
fi
for root in /usr/lib/jvm /usr/java /opt /usr/local "$HOME/.sdkman/candidates/java" "$HOME/.jdks" \
  /Library/Java/JavaVirtualMachines; do
  [[ -d "$root" ]] || continue
  while IFS= read -r dir; do
    [[ -d "$dir/Contents/Home" ]] && dir="$dir/Contents/Home"
    candidates+=("$dir")
  done < <(find "$root" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort -rV)
done

seen=()
declare -A visited=()
for home in "${candidates[@]}"; do
  real=$(readlink -f "$home") || continue
  [[ -z "${visited[$real]:-}" ]] || continue
  visited[$real]=1
  version=$(feature_version "$home") || continue
  [[ -n "$version" ]] || continue
  seen+=("$home (Java $version)")
  if ((version >= min)); then
    echo "$home"
    exit 0
  fi
done

{
  echo "error: no JDK $min or newer found; tlsguard needs one because jtreesitter uses the Foreign Function and Memory API."
  if ((${#seen[@]})); then
    echo "JDKs found, all too old:"
    printf '  %s\n' "${seen[@]}"
  fi
  echo "Install a JDK $min+ (for example Debian's openjdk-25-jdk or a Temurin build) and set JAVA_HOME or TLSGUARD_JAVA_HOME to it."
} >&2
exit 1
