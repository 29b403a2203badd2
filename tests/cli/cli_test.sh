#!/usr/bin/env bash
# The command line end to end: exit codes, messages and formats.
# Usage: cli_test.sh /path/to/tollgate /path/to/source-root
# Expected values come from DESIGN.md and the fixture text.
set -u

source "$(dirname "$0")/harness.sh"

# run ARGS...: runs tollgate from the source root; sets $out, $err and $rc.
run() {
  (cd "$ROOT" && "$TOLLGATE" "$@") >"$WORK/out" 2>"$WORK/err"
  rc=$?
  out=$(cat "$WORK/out")
  err=$(cat "$WORK/err")
}

# run_stdin INPUT ARGS...: as run, with INPUT on standard input.
run_stdin() {
  local input=$1
  shift
  (cd "$ROOT" && printf '%s\n' "$input" | "$TOLLGATE" "$@") >"$WORK/out" 2>"$WORK/err"
  rc=$?
  out=$(cat "$WORK/out")
  err=$(cat "$WORK/err")
}


version_prints_name() {
  run --version
  [ "$rc" -eq 0 ] || { explain "exit code"; return; }
  grep -q "tollgate" "$WORK/out" || explain "no 'tollgate' on stdout"
}

help_exits_0() {
  run --help
  [ "$rc" -eq 0 ] || { explain "exit code"; return; }
  grep -q "lint" "$WORK/out" || explain "help does not list 'lint'"
}

unknown_subcommand_exits_2() {
  run frobnicate fixtures/sample
  [ "$rc" -eq 2 ] || explain "exit code"
}

lint_sample_prints_three_findings() {
  run lint fixtures/sample
  [ "$rc" -eq 1 ] || { explain "exit code"; return; }
  local n
  n=$(grep -cE "$FINDING_RE" "$WORK/out")
  [ "$n" -eq 3 ] || { explain "$n finding lines, expected 3"; return; }
  local ids
  ids=$(grep -E "$FINDING_RE" "$WORK/out" | sed -E 's/.*\[([a-z-]+)\]$/\1/' | tr '\n' ' ')
  [ "$ids" = "exceeds-total undated decrease " ] || { explain "rule ids: $ids"; return; }
  grep -E "$FINDING_RE" "$WORK/out" | grep -q '^fixtures/sample/day1-valley-herald.txt:5:[0-9]*: error: .*\[exceeds-total\]$' ||
    { explain "no exceeds-total at day1-valley-herald.txt:5"; return; }
  grep -E "$FINDING_RE" "$WORK/out" | grep -q '^fixtures/sample/undated-riverside-notes.txt:1:1: warning: .*\[undated\]$' ||
    { explain "no undated at undated-riverside-notes.txt:1:1"; return; }
  grep -E "$FINDING_RE" "$WORK/out" | grep -q '^fixtures/sample/wire.jsonl#mw-20240308-pellan:5:[0-9]*: error: .*\[decrease\]$' ||
    explain "no decrease at wire.jsonl#mw-20240308-pellan:5"
}

lint_fail_on_never_exits_0() {
  run lint --fail-on never fixtures/sample
  [ "$rc" -eq 0 ] || { explain "exit code"; return; }
  [ "$(grep -cE "$FINDING_RE" "$WORK/out")" -eq 3 ] || explain "findings are still printed"
}

lint_json_is_valid() {
  run lint --format json fixtures/sample
  [ "$rc" -eq 1 ] || { explain "exit code"; return; }
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["summary"]["documents"] == 7, d["summary"]
assert len(d["findings"]) == 3, d["findings"]
assert [f["rule"] for f in d["findings"]] == ["exceeds-total", "undated", "decrease"], d["findings"]
' "$WORK/out" || explain "json content"
}

extract_sample_prints_claim_lines() {
  run extract fixtures/sample
  [ "$rc" -eq 0 ] || { explain "exit code"; return; }
  python3 -c '
import json, sys
keys = ["id", "doc", "source", "published", "line", "column", "offset", "length", "text",
        "metric", "group", "location", "value", "lo", "hi", "qualifier", "vague", "as_of",
        "as_of_basis", "cumulative", "attribution", "part_of", "revision"]
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == 26, len(lines)
for line in lines:
    claim = json.loads(line)
    assert list(claim.keys()) == keys, list(claim.keys())
' "$WORK/out" || explain "claim lines"
}

trace_sample_lists_killed_in_date_order() {
  run trace fixtures/sample
  [ "$rc" -eq 0 ] || { explain "exit code"; return; }
  # The killed table: from its "killed" heading to the next blank line; the
  # first row is the column heads. Dated killed figures in the sample: three on
  # 4 March, one each on 5-8 March, three on 9 March.
  local dates
  # Notes under the table ("  growth ...", "  * the story's place ...") are not rows.
  dates=$(awk '/^killed$/ {t = 1; next} t && /^$/ {t = 0} t' "$WORK/out" | tail -n +2 | grep -v '^  [a-z*]' | awk '{print $1}')
  [ "$(printf '%s\n' "$dates" | grep -c .)" -eq 10 ] || { explain "killed rows: $(echo $dates)"; return; }
  [ "$(printf '%s\n' "$dates" | head -1)" = "2024-03-04" ] || { explain "first killed row"; return; }
  [ "$(printf '%s\n' "$dates" | tail -1)" = "2024-03-09" ] || { explain "last killed row"; return; }
  printf '%s\n' "$dates" | sort -c 2>/dev/null || explain "as-of dates not in order: $(echo $dates)"
}

extract_reads_jsonl_from_stdin() {
  run_stdin '{"id": "desk-1", "source": "Harbour Desk", "published": "2024-05-02", "text": "At least 18 people were killed when the bridge collapsed, officials said."}' extract -
  [ "$rc" -eq 0 ] || { explain "exit code"; return; }
  python3 -c '
import json, sys
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == 1, lines
c = json.loads(lines[0])
assert c["doc"] == "desk-1", c
assert c["source"] == "Harbour Desk", c
assert c["as_of"] == "2024-05-02", c
assert (c["metric"], c["group"], c["value"], c["lo"], c["hi"], c["qualifier"]) == \
    ("killed", "people", 18, 18, None, "at_least"), c
' "$WORK/out" || explain "claim from stdin"
}

stdin_reads_like_the_file() {
  # Over a megabyte, so that standard input is read in more than one block.
  python3 - "$WORK/batch.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(3000):
        text = f"At least {i + 2} people were killed when the bridge collapsed, officials said. " + "Traffic was diverted. " * 20
        f.write(json.dumps({"id": f"desk-{i}", "source": "Harbour Desk", "published": "2024-05-02", "text": text}) + "\n")
PY
  (cd "$ROOT" && "$TOLLGATE" extract - <"$WORK/batch.jsonl") >"$WORK/from_stdin" 2>"$WORK/err"
  rc=$?
  [ "$rc" -eq 0 ] || { explain "exit code $rc"; return; }
  (cd "$ROOT" && "$TOLLGATE" extract "$WORK/batch.jsonl") >"$WORK/from_file" 2>/dev/null
  [ "$(grep -c . "$WORK/from_stdin")" -eq 3000 ] || { explain "claims from stdin: $(grep -c . "$WORK/from_stdin")"; return; }
  cmp -s "$WORK/from_stdin" "$WORK/from_file" || explain "stdin and the file give different claims"
}

empty_stdin_is_an_error() {
  run_stdin '' lint -
  [ "$rc" -eq 2 ] || { explain "exit code $rc"; return; }
  grep -q "<stdin>: error: empty input: no JSONL records" "$WORK/err" || explain "stderr does not say stdin was empty"
}

missing_file_is_error_and_rest_is_read() {
  run extract no/such/article.txt fixtures/ingest/good.txt
  [ "$rc" -eq 2 ] || { explain "exit code"; return; }
  grep -q "no/such/article.txt" "$WORK/err" || { explain "stderr does not name the missing path"; return; }
  python3 -c '
import json, sys
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == 1, lines
c = json.loads(lines[0])
assert c["doc"] == "fixtures/ingest/good.txt" and c["line"] == 4 and c["value"] == 12, c
assert c["metric"] == "killed" and c["as_of"] == "2024-05-02", c
' "$WORK/out" || explain "good.txt claim"
}

bad_inputs_are_errors_and_rest_is_read() {
  run extract fixtures/ingest
  [ "$rc" -eq 2 ] || { explain "exit code"; return; }
  grep -q "fixtures/ingest/binary.bin" "$WORK/err" || { explain "stderr does not name binary.bin"; return; }
  grep -q "fixtures/ingest/empty.txt" "$WORK/err" || { explain "stderr does not name empty.txt"; return; }
  grep -q "fixtures/ingest/broken.jsonl:2:[0-9]*: error" "$WORK/err" ||
    { explain "stderr does not name broken.jsonl:2"; return; }
  python3 -c '
import json, sys
claims = [json.loads(l) for l in open(sys.argv[1]).read().splitlines()]
got = [(c["doc"], c["line"], c["metric"], c["value"]) for c in claims]
want = [("ingest-ok-1", 1, "killed", 18), ("ingest-ok-2", 1, "injured", 40), ("good.txt", 4, "killed", 12)]
assert got == want, got
' "$WORK/out" || explain "claims of the good inputs"
}

bad_rule_yaml_is_error_with_position() {
  local rules="$WORK/rules-bad"
  mkdir -p "$rules"
  printf 'id: x\ncheck: [decrease' >"$rules/bad.yaml"
  run lint --rules "$rules" fixtures/ingest/good.txt
  [ "$rc" -eq 2 ] || { explain "exit code"; return; }
  grep -q "^$rules/bad.yaml:2:[0-9][0-9]*: error: " "$WORK/err" ||
    { explain "stderr has no $rules/bad.yaml:LINE:COL"; return; }
  # The batch is still read.
  grep -q "1 document, 1 claim" "$WORK/err" || explain "batch not read"
}

good_rule_beside_bad_one_still_runs() {
  local rules="$WORK/rules-mixed"
  mkdir -p "$rules"
  printf 'id: x\ncheck: [decrease' >"$rules/bad.yaml"
  printf 'id: no-date\ncheck: undated\nseverity: warning\n' >"$rules/no-date.yaml"
  run lint --rules "$rules" fixtures/ingest/good.txt fixtures/sample/undated-riverside-notes.txt
  [ "$rc" -eq 2 ] || { explain "exit code"; return; }
  grep -q "^$rules/bad.yaml:2:[0-9][0-9]*: error: " "$WORK/err" ||
    { explain "stderr has no $rules/bad.yaml:LINE:COL"; return; }
  [ "$(grep -cE "$FINDING_RE" "$WORK/out")" -eq 1 ] || { explain "one finding expected"; return; }
  grep -q '^fixtures/sample/undated-riverside-notes.txt:1:1: warning: .*\[no-date\]$' "$WORK/out" ||
    explain "no [no-date] finding"
}

rules_test_builtin_pack_passes() {
  run rules test rules/
  [ "$rc" -eq 0 ] || { explain "exit code"; return; }
  [ "$(grep -c '^PASS  ' "$WORK/out")" -eq 9 ] || { explain "9 PASS lines expected"; return; }
  grep -q "9 passed, 0 failed" "$WORK/err" || explain "summary"
}

# The example of rules/README.md ("Testing a rule"), written as a new user would.
readme_rule_works_first_time() {
  local dir="$WORK/desk-rules"
  mkdir -p "$dir/our-wording.test"
  cat >"$dir/our-wording.yaml" <<'YAML'
id: our-wording
check: term
severity: warning
where: { source: [Our Desk] }
with:
  swap: { martyred: killed, collateral damage: civilian casualties }
  words: [so-called]
message: "'{term}' is loaded wording; use {suggestion}"
YAML
  cat >"$dir/our-wording.test/copy.md" <<'MD'
---
source: Our Desk
published: 2024-05-20
---

At least 30 people were martyred in the strikes, officials said.  %% ruleid: our-wording "use 'killed'"
"They were martyred," her brother said.                           %% ok: our-wording
MD
  run rules test "$dir"
  [ "$rc" -eq 0 ] || { explain "exit code"; return; }
  grep -q "^PASS  our-wording" "$WORK/out" || explain "no PASS line"
}

rules_test_failure_exits_1_with_diff() {
  local dir="$WORK/failing-rules"
  mkdir -p "$dir/quiet.test"
  printf 'id: quiet\ncheck: unattributed\n' >"$dir/quiet.yaml"
  printf 'date 2024-06-20\n\nOver 80 people have been killed.\nAt least 14 died, police said.  %%%% ruleid: quiet\n' >"$dir/quiet.test/a.txt"
  run rules test "$dir"
  [ "$rc" -eq 1 ] || { explain "exit code"; return; }
  grep -q "^FAIL  quiet" "$WORK/out" || { explain "no FAIL line"; return; }
  grep -q "^    - $dir/quiet.test/a.txt:4: expected a finding of \[quiet\], got none$" "$WORK/out" ||
    { explain "no missing-finding line"; return; }
  grep -q "^    + $dir/quiet.test/a.txt:3:1: unexpected: killed figure over 80" "$WORK/out" || explain "no unexpected line"
}

rules_explain_lists_parameters() {
  run rules explain disagreement
  [ "$rc" -eq 0 ] || { explain "exit code"; return; }
  grep -q "^  window  (number, between 0 and 3,650, default 0" "$WORK/out" || { explain "window"; return; }
  grep -q "^  tolerance  (number, between 0 and 1, default 0.1" "$WORK/out" || { explain "tolerance"; return; }
  grep -q "^Example:" "$WORK/out" || { explain "example"; return; }
  run rules explain disagrement
  [ "$rc" -eq 2 ] || { explain "exit code for an unknown id"; return; }
  grep -q "did you mean 'disagreement'" "$WORK/err" || explain "suggestion"
}

config_changes_rules_and_reports_errors() {
  local cfg="$WORK/cfg"
  mkdir -p "$cfg"
  printf 'disable: [jump, term]\nseverity: { vague: error }\n' >"$cfg/tollgate.yaml"
  run rules list --config "$cfg/tollgate.yaml"
  [ "$rc" -eq 0 ] || { explain "exit code"; return; }
  grep -q "^jump " "$WORK/out" && { explain "jump is still listed"; return; }
  grep -qE "^vague +vague +error +built-in \(vague.yaml\); severity error from $cfg/tollgate.yaml:2$" "$WORK/out" ||
    { explain "vague line"; return; }
  printf 'disable: [jumpp]\nseverity: { vague: loud }\n' >"$cfg/bad.yaml"
  run lint --config "$cfg/bad.yaml" fixtures/sample
  [ "$rc" -eq 2 ] || { explain "exit code for a bad config"; return; }
  grep -q "^$cfg/bad.yaml:2:20: error: unknown severity 'loud' for rule 'vague'" "$WORK/err" || { explain "severity error"; return; }
  grep -q "^$cfg/bad.yaml:1:11: error: unknown rule id 'jumpp'; did you mean 'jump'?" "$WORK/err" || { explain "rule id error"; return; }
  # The batch is still checked.
  [ "$(grep -cE "$FINDING_RE" "$WORK/out")" -eq 3 ] || explain "findings"
}

hostile_rule_file_is_an_error() {
  local dir="$WORK/hostile"
  mkdir -p "$dir"
  python3 -c 'import sys; open(sys.argv[1], "w").write("id: x\ncheck: decrease\nwhere: " + "[" * 50000 + "]" * 50000 + "\n")' "$dir/deep.yaml"
  run rules check "$dir"
  [ "$rc" -eq 2 ] || { explain "exit code"; return; }
  grep -q "^$dir/deep.yaml:3:71: error: refused YAML: nested more than 64 levels deep" "$WORK/err" || explain "message"
}

# A small spec directory in the peers' layout, written here (the real suites
# are not part of the project).
conformance_dates_runs_over_a_spec_dir() {
  local specs="$WORK/specs"
  mkdir -p "$specs/recognizers-text/Specs/DateTime/English" "$specs/duckling"
  cat >"$specs/recognizers-text/Specs/DateTime/English/DateExtractor.json" <<'JSON'
[{"Input": "i'll go back last sunday", "Results": [{"Text": "last sunday", "Type": "date", "Start": 13, "Length": 11}]},
 {"Input": "i'll go to the 27th floor", "Results": []},
 {"Input": "i went back yesterday", "Results": [{"Text": "yesterday", "Type": "date", "Start": 12, "Length": 9}]},
 {"Input": "i went back two days ago", "Results": [{"Text": "two days ago", "Type": "date", "Start": 12, "Length": 12}]},
 {"Input": "i'll go back the next day", "Results": [{"Text": "the next day", "Type": "date", "Start": 13, "Length": 12}]}]
JSON
  cat >"$specs/recognizers-text/Specs/DateTime/English/DateParser.json" <<'JSON'
[{"Input": "I'll go back Oct. 2", "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
  "Results": [{"Text": "Oct. 2", "Type": "date", "Start": 13, "Length": 6,
               "Value": {"Timex": "XXXX-10-02", "FutureResolution": {"date": "2017-10-02"}, "PastResolution": {"date": "2016-10-02"}}}]},
 {"Input": "Feb 30", "Context": {"ReferenceDateTime": "2020-03-22T00:00:00"},
  "Results": [{"Text": "Feb 30", "Type": "date", "Start": 0, "Length": 6,
               "Value": {"Timex": "XXXX-02-30", "FutureResolution": {"date": "0001-01-01"}, "PastResolution": {"date": "0001-01-01"}}}]}]
JSON
  cat >"$specs/duckling/time-en.json" <<'JSON'
{"reference_time": "2013-02-12T04:30:00-02:00", "cases": [
 {"input": "yesterday", "corpus": "all", "expected": {"type": "value", "value": "2013-02-11T00:00:00-02:00", "grain": "day"}},
 {"input": "next tuesday", "corpus": "all", "expected": {"type": "value", "value": "2013-02-19T00:00:00-02:00", "grain": "day"}},
 {"input": "at 3pm", "corpus": "all", "expected": {"type": "value", "value": "2013-02-12T15:00:00-02:00", "grain": "hour"}}]}
JSON
  run conformance dates "$specs"
  [ "$rc" -eq 0 ] || { explain "exit code"; return; }
  grep -q "DateExtractor.json: 4/4 in scope pass (100.0%), 1 out of scope" "$WORK/out" || { explain "extractor line"; return; }
  grep -q "out of scope: \"i'll go back the next day\": a day named relative to the story" "$WORK/out" ||
    { explain "exclusion reason"; return; }
  grep -q "DateParser.json: 2/2 in scope pass (100.0%)" "$WORK/out" || { explain "parser line"; return; }
  grep -q "time-en.json: 2/2 in scope pass (100.0%)" "$WORK/out" || { explain "duckling line"; return; }
  grep -q "1 cases that are not dates" "$WORK/out" || explain "time of day not counted"
}

# With no temporary directory to move wording to, lint keeps it in memory:
# the same findings and exit code, and a warning that says why.
lint_without_temp_dir_keeps_text_in_memory() {
  run lint --format json fixtures/sample
  local expected=$out expected_rc=$rc
  (cd "$ROOT" && TMPDIR="$WORK/no-such-dir" "$TOLLGATE" lint --format json fixtures/sample) >"$WORK/out" 2>"$WORK/err"
  rc=$?
  [ "$rc" -eq "$expected_rc" ] || { explain "exit code, expected $expected_rc"; return; }
  grep -q 'cannot make a temporary file in .*no-such-dir' "$WORK/err" || { explain "no warning about the temporary file"; return; }
  # The JSON report lists the warning among its problems; its findings are the same.
  python3 - "$WORK/out" "$expected" <<'PY' || explain "findings differ from a run with a temporary file"
import json, sys
got = json.load(open(sys.argv[1]))
want = json.loads(sys.argv[2])
sys.exit(0 if got["findings"] == want["findings"] else 1)
PY
}

conformance_dates_without_specs_exits_2() {
  run conformance dates "$WORK/no-such-specs"
  [ "$rc" -eq 2 ] || explain "exit code"
}

check "--version exits 0 and prints tollgate" version_prints_name
check "--help exits 0" help_exits_0
check "an unknown subcommand exits 2" unknown_subcommand_exits_2
check "lint fixtures/sample prints the three planted findings and exits 1" lint_sample_prints_three_findings
check "lint --fail-on never exits 0" lint_fail_on_never_exits_0
check "lint --format json is valid JSON with 7 documents and 3 findings" lint_json_is_valid
check "extract prints 26 claims with DESIGN's keys in order" extract_sample_prints_claim_lines
check "trace prints the killed rows in date order" trace_sample_lists_killed_in_date_order
check "extract - reads JSONL from standard input" extract_reads_jsonl_from_stdin
check "extract - gives the same claims as the file, over more than one read" stdin_reads_like_the_file
check "empty standard input exits 2 and says so" empty_stdin_is_an_error
check "a missing file exits 2, names it, and the rest is read" missing_file_is_error_and_rest_is_read
check "binary, empty and malformed inputs exit 2, are named, and the rest is read" bad_inputs_are_errors_and_rest_is_read
check "a rule file with a YAML syntax error exits 2 with file:line:col" bad_rule_yaml_is_error_with_position
check "a good rule beside a bad one still runs" good_rule_beside_bad_one_still_runs
check "rules test rules/ passes on the built-in pack" rules_test_builtin_pack_passes
check "the rule of rules/README.md works on the first try" readme_rule_works_first_time
check "rules test exits 1 with a diff when a rule misses or over-fires" rules_test_failure_exits_1_with_diff
check "rules explain lists parameters with type and default" rules_explain_lists_parameters
check "tollgate.yaml disables rules, changes severities, and its errors have positions" config_changes_rules_and_reports_errors
check "a rule file nested thousands deep is an error with its position" hostile_rule_file_is_an_error
check "conformance dates runs a spec directory and prints pass rates and exclusions" conformance_dates_runs_over_a_spec_dir
check "conformance dates without its spec files exits 2" conformance_dates_without_specs_exits_2
check "lint without a temporary directory keeps the wording in memory and says so" lint_without_temp_dir_keeps_text_in_memory

finish
