# Shared by the command-line test scripts; sourced, not run.
# Usage of a script: NAME.sh /path/to/tollgate /path/to/source-root
# Sets TOLLGATE and ROOT (absolute), WORK (a temp dir removed on exit),
# FINDING_RE; gives check, explain and finish.

if [ $# -ne 2 ]; then
  echo "usage: $0 /path/to/tollgate /path/to/source-root" >&2
  exit 2
fi
TOLLGATE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$2" && pwd)

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# A finding as the text format prints it.
FINDING_RE='^[^ ].*:[0-9]+:[0-9]+: (error|warning|info): .* \[[a-z-]+\]$'

failed=0
passed=0
# check NAME COMMAND...: runs the command (a function of the script); PASS or FAIL.
check() {
  local name=$1
  shift
  if "$@"; then
    echo "PASS: $name"
    passed=$((passed + 1))
  else
    echo "FAIL: $name"
    failed=$((failed + 1))
  fi
}

# explain WHAT: says why a case failed, with the last command's output.
explain() {
  echo "  $1 (exit $rc)" >&2
  echo "  stdout: $(head -c 2000 "$WORK/out")" >&2
  echo "  stderr: $(head -c 2000 "$WORK/err")" >&2
  return 1
}

# finish: the counts, and exit 1 when a case failed.
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}
