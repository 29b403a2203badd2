#!/usr/bin/env bash
# The CI formats read by real consumers: Microsoft's SARIF validator
# (@microsoft/sarif-multitool) validates the SARIF of the sample batch, and a
# JUnit parser (test-results-parser) reads the JUnit XML, whose counts must
# match the findings. Both come from `npm ci` at the source root (.ci/run
# does it); without node_modules the test is skipped (exit 77).
# Usage: ci_validators_test.sh /path/to/tollgate /path/to/source-root
set -u

source "$(dirname "$0")/harness.sh"
SKIP=77

if [ ! -d "$ROOT/node_modules/@microsoft/sarif-multitool" ] || [ ! -d "$ROOT/node_modules/test-results-parser" ]; then
  echo "SKIP: node_modules is absent; run 'npm ci' in $ROOT (.ci/run does) to validate SARIF and JUnit output"
  exit $SKIP
fi
if ! command -v node >/dev/null; then
  echo "SKIP: node is not installed"
  exit $SKIP
fi
# The validator is a self-contained .NET program inside the platform package.
# npm may not run that package's install script, which marks it executable.
MULTITOOL=$(find "$ROOT/node_modules/@microsoft" -path '*sarif-multitool-*' -name Sarif.Multitool -type f | head -1)
if [ -z "$MULTITOOL" ]; then
  echo "FAIL: no Sarif.Multitool binary under node_modules/@microsoft"
  exit 1
fi
[ -x "$MULTITOOL" ] || chmod u+x "$MULTITOOL"
# No ICU is needed to validate JSON.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1


# validate FILE: the validator's findings on FILE in $WORK/validate.txt; the
# number of errors in $errors. It exits 0 even when it finds errors, so its
# report is read.
validate() {
  "$MULTITOOL" validate "$1" >"$WORK/validate.txt" 2>&1
  local rc=$?
  errors=$(grep -cE ': error [A-Z]+[0-9]+:' "$WORK/validate.txt")
  [ "$rc" -eq 0 ] && grep -q "1 files scanned" "$WORK/validate.txt"
}

sarif_of_sample_is_valid() {
  (cd "$ROOT" && "$TOLLGATE" lint --quiet --fail-on never --format sarif fixtures/sample) >"$WORK/sample.sarif" ||
    { echo "  tollgate failed" >&2; return 1; }
  validate "$WORK/sample.sarif" || { echo "  validator did not run:" >&2; cat "$WORK/validate.txt" >&2; return 1; }
  if [ "$errors" -ne 0 ]; then
    echo "  $errors validator errors:" >&2
    cat "$WORK/validate.txt" >&2
    return 1
  fi
  # Warnings are shown, not failed: e.g. no informationUri for the tool.
  grep -E ': warning [A-Z]+[0-9]+:' "$WORK/validate.txt" | cut -c1-200 | sed 's/^/  validator: /'
  return 0
}

validator_catches_a_broken_log() {
  # The check above means something only if the validator reports errors:
  # a result pointing at a rule that does not exist must be one.
  python3 -c '
import json, sys
log = json.load(open(sys.argv[1]))
log["runs"][0]["results"][0]["ruleIndex"] = 99
json.dump(log, open(sys.argv[2], "w"), indent=2)
' "$WORK/sample.sarif" "$WORK/broken.sarif" || return 1
  validate "$WORK/broken.sarif" || { cat "$WORK/validate.txt" >&2; return 1; }
  [ "$errors" -ge 1 ] || { echo "  the validator found no error in a broken log" >&2; return 1; }
}

junit_counts_match_findings() {
  (cd "$ROOT" && "$TOLLGATE" lint --quiet --fail-on never --format junit --output "$WORK/junit.xml" fixtures/sample \
    >/dev/null && "$TOLLGATE" lint --quiet --fail-on never --format json fixtures/sample >"$WORK/findings.json") ||
    { echo "  tollgate failed" >&2; return 1; }
  local rules documents
  rules=$(cd "$ROOT" && "$TOLLGATE" rules list | tail -n +2 | wc -l)  # without the header line
  documents=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["documents"])' "$WORK/findings.json")
  NODE_PATH="$ROOT/node_modules" node "$ROOT/tests/cli/junit_counts.js" "$WORK/junit.xml" "$WORK/findings.json" \
    "$rules" "$documents"
}

check "Microsoft's SARIF validator finds no error in the sample batch's SARIF" sarif_of_sample_is_valid
check "the SARIF validator reports an error in a broken log" validator_catches_a_broken_log
check "a JUnit parser reads the JUnit output and its counts match the findings" junit_counts_match_findings

finish
