// Reads tollgate's JUnit XML with test-results-parser (the parser CI
// reporting tools such as testbeats use) and checks that its counts and
// failed cases match the findings of the same run's JSON output.
// Usage: node junit_counts.js REPORT.xml FINDINGS.json RULES DOCUMENTS
'use strict';
const fs = require('fs');
const assert = require('assert');
const { parse } = require('test-results-parser');

const [xml, findingsJson, rules, documents] = process.argv.slice(2);
const result = parse({ type: 'junit', files: [xml] });
const findings = JSON.parse(fs.readFileSync(findingsJson, 'utf8')).findings;

// One testcase per rule per document; a failed case per (document, rule)
// that has findings.
const failing = new Set(findings.map((f) => `${f.path}|${f.rule}`));
assert.strictEqual(result.suites.length, Number(documents), 'one testsuite per document');
assert.strictEqual(result.total, Number(rules) * Number(documents), 'one testcase per rule and document');
assert.strictEqual(result.failed, failing.size, 'failures = (document, rule) pairs with findings');
assert.strictEqual(result.passed, result.total - failing.size, 'passed');
assert.strictEqual(result.errors, 0, 'errors');

const failed = [];
for (const suite of result.suites) {
  assert.strictEqual(suite.total, Number(rules), `tests of ${suite.name}`);
  for (const c of suite.cases) {
    if (c.status === 'FAIL') failed.push(`${suite.name}|${c.name}`);
  }
}
assert.deepStrictEqual(failed.sort(), [...failing].sort(), 'failed cases are the findings');
for (const f of findings) {
  const suite = result.suites.find((s) => s.name === f.path);
  const c = suite.cases.find((k) => k.name === f.rule);
  assert.ok(c.failure.includes(f.message), `failure message of ${f.path} ${f.rule}`);
  assert.ok(c.stack_trace.includes(`${f.path}:${f.line}:${f.column}: ${f.severity}: ${f.message}`),
            `failure text of ${f.path} ${f.rule}`);
}
console.log(`junit: ${result.total} tests, ${result.failed} failed, matching ${findings.length} findings`);
