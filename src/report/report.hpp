#pragma once

// The report stage: findings, claims and timelines as text or JSON.

#include <ostream>
#include <string>
#include <vector>

#include "claims/claims.hpp"
#include "ingest/ingest.hpp"
#include "rules/rules.hpp"
#include "trace/trace.hpp"

namespace tollgate::report {

/// One claim as a JSON object with exactly DESIGN's fields, on one line.
std::string claim_json(const claims::claim& c);
/// The same line built through nlohmann-json; claim_json must equal it.
std::string claim_json_reference(const claims::claim& c);

/// Findings like a compiler: `path:line:col: severity: message [rule]`, the
/// line and a caret.
void write_findings_text(std::ostream& out, const std::vector<rules::finding>& findings, bool color);

/// Counts for the end of a run.
struct run_summary {
  std::size_t documents = 0;
  std::size_t claims = 0;
  std::size_t undated = 0;
  std::vector<ingest::skipped_input> skipped;
  std::size_t errors = 0, warnings = 0, infos = 0;
};
run_summary summarize(const rules::batch& b, const ingest::summary& inputs,
                      const std::vector<rules::finding>& findings);

/// `{"findings": [...], "summary": {...}}`.
void write_findings_json(std::ostream& out, const std::vector<rules::finding>& findings,
                         const run_summary& s);

/// "7 documents, 26 claims, 3 findings (2 errors, 1 warning); 1 skipped: x: empty file".
std::string summary_line(const run_summary& s, bool with_findings);

/// A table per metric: date, figure, group, location, source, where, change.
void write_trace_table(std::ostream& out, const std::vector<trace::timeline>& timelines);
/// Per series: `[{"series", "metric", "points": [...]}]`.
void write_trace_json(std::ostream& out, const std::vector<trace::timeline>& timelines);

}  // namespace tollgate::report
