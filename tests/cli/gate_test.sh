#!/usr/bin/env bash
# The CI gate end to end: --output, baselines with --fail-on, the CSV
# formats, and Makefile.inc included from a scratch Makefile.
# Usage: gate_test.sh /path/to/tollgate /path/to/source-root
set -u

source "$(dirname "$0")/harness.sh"

# A desk's repository: the sample batch under news/, run from $DESK.
DESK=$WORK/desk
fresh_desk() {
  rm -rf "$DESK"
  mkdir -p "$DESK/news"
  cp -R "$ROOT/fixtures/sample/." "$DESK/news/"
}

# run ARGS...: tollgate from the desk; sets $rc, $WORK/out, $WORK/err.
run() {
  (cd "$DESK" && "$TOLLGATE" "$@") >"$WORK/out" 2>"$WORK/err"
  rc=$?
}

findings() { grep -cE "$FINDING_RE" "$WORK/out"; }

# An article with one new inconsistency: parts above their total.
add_new_error() {
  printf 'date 2024-03-09\nTwelve people were arrested, including 9 children and 8 women, police said.\n' \
    >"$DESK/news/day5-new-arrests.txt"
}

output_file_gets_format_terminal_gets_text() {
  fresh_desk
  run lint --format sarif --output report.sarif news
  [ "$rc" -eq 1 ] || { explain "exit code"; return; }
  [ "$(findings)" -eq 3 ] || { explain "terminal should get 3 text findings"; return; }
  python3 -c '
import json, sys
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0"
run, = log["runs"]
assert len(run["results"]) == 3, run["results"]
assert all(r["partialFingerprints"]["tollgateFinding/v1"] for r in run["results"])
ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
assert ids == sorted(ids) and {"decrease", "exceeds-total", "undated"} <= set(ids), ids
assert sorted(r["ruleId"] for r in run["results"]) == ["decrease", "exceeds-total", "undated"], run["results"]
' "$DESK/report.sarif" || explain "SARIF file"
}

baseline_suppresses_known_findings() {
  fresh_desk
  run lint --write-baseline baseline.json news
  [ "$rc" -eq 1 ] || { explain "recording run should still report and fail"; return; }
  run lint --baseline baseline.json news
  [ "$rc" -eq 0 ] || { explain "exit code with every finding known"; return; }
  [ "$(findings)" -eq 0 ] || { explain "known findings printed"; return; }
  grep -q "0 new findings, 3 known findings suppressed, 0 known findings no longer found" "$WORK/err" ||
    explain "stderr baseline summary"
}

baseline_reports_only_the_new_finding() {
  fresh_desk
  run lint --write-baseline baseline.json news
  add_new_error
  run lint --baseline baseline.json news
  [ "$rc" -eq 1 ] || { explain "exit code with a new error"; return; }
  [ "$(findings)" -eq 1 ] || { explain "expected exactly the new finding"; return; }
  grep -qE '^news/day5-new-arrests.txt:2:1: error: .*\[exceeds-total\]$' "$WORK/out" ||
    { explain "the new finding is not the one reported"; return; }
  grep -q "1 new finding, 3 known findings suppressed, 0 known findings no longer found" "$WORK/err" ||
    explain "stderr baseline summary"
}

baseline_counts_findings_that_disappeared() {
  fresh_desk
  run lint --write-baseline baseline.json news
  rm "$DESK/news/day1-valley-herald.txt"
  run lint --baseline baseline.json news
  [ "$rc" -eq 0 ] || { explain "exit code"; return; }
  grep -q "0 new findings, 2 known findings suppressed, 1 known finding no longer found" "$WORK/err" ||
    explain "stderr baseline summary"
}

baseline_survives_edits_above_and_rewrapping() {
  fresh_desk
  run lint --write-baseline baseline.json news
  # Lines added above the breakdown, and its paragraph re-wrapped.
  python3 - "$DESK/news/day1-valley-herald.txt" <<'PY'
import sys, textwrap
path = sys.argv[1]
lines = open(path).read().split("\n")
out = lines[:3] + ["Correction appended: an earlier version misspelt a village's name.", ""]
for line in lines[3:]:
    out += textwrap.wrap(line, 40) if line else [""]
open(path, "w").write("\n".join(out))
PY
  run lint --baseline baseline.json news
  [ "$rc" -eq 0 ] || { explain "exit code: the edited finding should still be known"; return; }
  grep -q "3 known findings suppressed" "$WORK/err" || explain "stderr baseline summary"
}

baseline_sees_a_changed_figure_as_new() {
  fresh_desk
  run lint --write-baseline baseline.json news
  sed -i 's/including 60 children/including 70 children/' "$DESK/news/day1-valley-herald.txt"
  run lint --baseline baseline.json news
  [ "$rc" -eq 1 ] || { explain "exit code"; return; }
  grep -q "1 new finding, 2 known findings suppressed, 1 known finding no longer found" "$WORK/err" ||
    explain "stderr baseline summary"
}

suppressed_findings_do_not_fail() {
  fresh_desk
  run lint --write-baseline baseline.json news
  run lint --baseline baseline.json --fail-on info news
  [ "$rc" -eq 0 ] || { explain "known findings failed --fail-on info"; return; }
  add_new_error
  run lint --baseline baseline.json --fail-on never news
  [ "$rc" -eq 0 ] || { explain "--fail-on never"; return; }
  run lint --baseline baseline.json --fail-on warning news
  [ "$rc" -eq 1 ] || explain "--fail-on warning with a new error"
}

baseline_can_be_read_and_rewritten_in_one_run() {
  fresh_desk
  run lint --write-baseline baseline.json news
  add_new_error
  run lint --baseline baseline.json --write-baseline baseline.json news
  [ "$rc" -eq 1 ] || { explain "the old baseline should be applied before it is rewritten"; return; }
  [ "$(findings)" -eq 1 ] || { explain "expected the new finding"; return; }
  run lint --baseline baseline.json news
  [ "$rc" -eq 0 ] || explain "the rewritten baseline should hold the new finding"
}

bad_baseline_is_error() {
  fresh_desk
  echo '{"not": "a baseline"}' >"$DESK/bad.json"
  run lint --baseline bad.json news
  [ "$rc" -eq 2 ] || { explain "exit code"; return; }
  grep -q "^bad.json: error: not a tollgate baseline" "$WORK/err" || { explain "stderr names the file"; return; }
  [ "$(findings)" -eq 3 ] || explain "the batch is still reported"
  run lint --baseline missing.json news
  [ "$rc" -eq 2 ] || explain "missing baseline"
}

github_format_escapes() {
  fresh_desk
  run lint --format github news
  [ "$rc" -eq 1 ] || { explain "exit code"; return; }
  [ "$(grep -c '^::' "$WORK/out")" -eq 3 ] || { explain "three workflow commands"; return; }
  grep -qF '::error file=news/day1-valley-herald.txt,line=5,col=1,title=tollgate exceeds-total::parts add up to at least 105' "$WORK/out" ||
    { explain "exceeds-total command"; return; }
  grep -qF '::warning file=news/undated-riverside-notes.txt,line=1,col=1,title=tollgate undated::' "$WORK/out" ||
    { explain "undated command"; return; }
  # A JSONL record: the file and the record's line; where in its text is in the message.
  grep -qF '::error file=news/wire.jsonl,line=1,title=tollgate decrease::' "$WORK/out" ||
    explain "decrease command in wire.jsonl"
}

csv_formats() {
  fresh_desk
  run extract --format csv news
  [ "$rc" -eq 0 ] || { explain "extract exit code"; return; }
  python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) == 26, len(rows)
first = rows[0]
assert first["id"] == "day1-valley-herald.txt#1" and first["value"] == "90" and first["hi"] == "90", first
assert rows[1]["text"] == "60 children" and rows[1]["part_of"] == "day1-valley-herald.txt#1", rows[1]
' "$WORK/out" || { explain "extract csv"; return; }
  run trace --format csv news
  [ "$rc" -eq 0 ] || { explain "trace exit code"; return; }
  python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
killed = [r for r in rows if r["series"].startswith("killed/")]
assert [r["as_of"] for r in killed] == sorted(r["as_of"] for r in killed), killed
assert killed[0]["figure"] == "ninety" or killed[0]["value"] == "90", killed[0]
assert any(r["change"].startswith("-") for r in killed), killed
' "$WORK/out" || explain "trace csv"
}

# The desk's own Makefile, with tollgate's included.
write_desk_makefile() {
  cat >"$DESK/Makefile" <<MK
TOLLGATE := $TOLLGATE
NEWS_DIR := news
NEWS_JUNIT := tollgate-junit.xml
include $ROOT/Makefile.inc
MK
}

make_gate() {
  make -s -C "$DESK" "$@" >"$WORK/out" 2>"$WORK/err"
  rc=$?
}

makefile_gate_fails_on_new_error_and_passes_once_baselined() {
  fresh_desk
  write_desk_makefile
  make_gate news-gate
  [ "$rc" -ne 0 ] || { explain "news-gate passed with 2 errors and no baseline"; return; }
  grep -q "no baseline file tollgate-baseline.json" "$WORK/err" || { explain "no note about the missing baseline"; return; }
  [ -s "$DESK/tollgate.sarif" ] || { explain "no SARIF written"; return; }
  [ -s "$DESK/tollgate-junit.xml" ] || { explain "no JUnit written"; return; }
  make_gate news-baseline
  [ "$rc" -eq 0 ] || { explain "news-baseline"; return; }
  [ -s "$DESK/tollgate-baseline.json" ] || { explain "no baseline written"; return; }
  make_gate news-gate
  [ "$rc" -eq 0 ] || { explain "news-gate with every finding in the baseline"; return; }
  add_new_error
  make_gate news-gate
  [ "$rc" -ne 0 ] || { explain "news-gate passed with a new error"; return; }
  grep -qE '^news/day5-new-arrests.txt:2:1: error: .*\[exceeds-total\]$' "$WORK/out" ||
    { explain "the new error is not on the terminal"; return; }
  python3 -c '
import json, sys
run, = json.load(open(sys.argv[1]))["runs"]
assert [(r["ruleId"], r["baselineState"]) for r in run["results"]] == [("exceeds-total", "new")], run["results"]
assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/day5-new-arrests.txt"
' "$DESK/tollgate.sarif" || { explain "SARIF of the gate holds only the new finding"; return; }
  make_gate news-baseline
  make_gate news-gate
  [ "$rc" -eq 0 ] || { explain "news-gate after recording the new error"; return; }
  make_gate news-gate NEWS_FAIL_ON=never NEWS_BASELINE=
  [ "$rc" -eq 0 ] || explain "NEWS_FAIL_ON=never without a baseline"
}

makefile_lint_and_trace() {
  fresh_desk
  write_desk_makefile
  make_gate news-lint
  [ "$rc" -eq 0 ] || { explain "news-lint fails the build"; return; }
  [ "$(findings)" -eq 3 ] || { explain "news-lint findings"; return; }
  make_gate news-trace NEWS_TRACE_FORMAT=csv
  [ "$rc" -eq 0 ] || { explain "news-trace"; return; }
  head -1 "$WORK/out" | grep -q '^series,metric,group' || explain "news-trace csv header"
}

check "--output writes the format to a file and text to the terminal" output_file_gets_format_terminal_gets_text
check "a baseline suppresses every known finding" baseline_suppresses_known_findings
check "a baseline run reports only the newly added inconsistency" baseline_reports_only_the_new_finding
check "a baseline counts known findings that disappeared" baseline_counts_findings_that_disappeared
check "baselined findings survive lines added above and re-wrapping" baseline_survives_edits_above_and_rewrapping
check "a changed figure is a new finding" baseline_sees_a_changed_figure_as_new
check "suppressed findings do not fail any --fail-on" suppressed_findings_do_not_fail
check "--baseline and --write-baseline may name the same file" baseline_can_be_read_and_rewritten_in_one_run
check "an unreadable or foreign baseline exits 2 and still reports" bad_baseline_is_error
check "--format github prints escaped workflow commands" github_format_escapes
check "extract and trace --format csv" csv_formats
check "Makefile.inc news-gate fails on a new error and passes once it is in the baseline" \
  makefile_gate_fails_on_new_error_and_passes_once_baselined
check "Makefile.inc news-lint and news-trace" makefile_lint_and_trace

finish
