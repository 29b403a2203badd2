#pragma once

// The report stage: findings, claims and timelines as text, JSON, SARIF,
// JUnit XML, GitHub workflow commands and CSV; fingerprints and baselines.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

#include "claims/claims.hpp"
#include "ingest/ingest.hpp"
#include "rules/rules.hpp"
#include "trace/trace.hpp"

namespace tollgate::report {

/// One claim as a JSON object with exactly DESIGN's fields, on one line.
std::string claim_json(const claims::claim& c);
/// claim_json(c), appended to `out`.
void append_claim_json(std::string& out, const claims::claim& c);
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

/// Where a document sits in a file, for the formats that point into files.
struct document_place {
  core::symbol file;        // the file to open; empty for standard input (one per file, shared by its records)
  int record_line = 0;      // a JSONL record's line in `file`; 0 when the document is the whole file
  bool file_lines = true;   // the text's lines and columns are the file's (false for HTML, JSONL)
};
/// The place of a document as ingest read it.
document_place place_of(const ingest::document& doc);

/// A position in a file; line 0 when only the file is known, column 0 when
/// only the line is.
struct file_position {
  std::string file;
  int line = 0;
  int column = 0;
};
/// Where line:column of a document's text is in its file.
file_position position_in_file(const document_place& place, int line, int column);

/// What a baseline did to a run.
/// A finding's fingerprint: the hash of its identity (see fingerprints())
/// and which finding of that identity it is in the run, from 1. Written as
/// 16 hex digits, then "-2", "-3", ... past the first: 16 bytes where the
/// written form took about 64 as a string, and a large batch has a million.
struct fingerprint {
  std::uint64_t hash = 0;
  std::uint32_t occurrence = 1;

  std::string str() const;
  /// The fingerprint a written form is; nullopt for text that str() does
  /// not write.
  static std::optional<fingerprint> parse(std::string_view written);
  bool operator==(const fingerprint&) const = default;
};
/// In the order of the written forms ("…-10" before "…-2"), which is the
/// order of a baseline's entries.
bool operator<(const fingerprint& a, const fingerprint& b);

struct baseline_outcome {
  std::size_t suppressed = 0;   // known findings found again and left out
  std::size_t disappeared = 0;  // known findings not found any more
};

/// Everything the lint formats can show. `findings` are the ones to report
/// (the new ones when a baseline is used), `fingerprints` one per finding
/// (or none, for a format that does not show them), `places` one per
/// document index of the batch.
struct lint_report {
  const rules::batch& batch;
  const std::vector<rules::rule>& rules;
  const std::vector<document_place>& places;
  const std::vector<rules::finding>& findings;
  const std::vector<fingerprint>& fingerprints;
  const run_summary& summary;
  const core::diagnostics& problems;
  std::optional<baseline_outcome> baseline;
};

/// `{"findings": [...], "summary": {...}}`: each finding with its rule,
/// severity, message, doc, path, line, column, claim ids, series, fingerprint
/// and the file positions of the claims it involves.
void write_findings_json(std::ostream& out, const lint_report& r);

/// SARIF 2.1.0, one run: the rules as reporting descriptors, each finding as a
/// result with its file region, the other claims it involves as related
/// locations, and its fingerprint under `partialFingerprints`. Relative paths
/// are relative to `SRCROOT`, the current directory.
void write_findings_sarif(std::ostream& out, const lint_report& r);

/// JUnit XML as GitLab and Jenkins read it: one testsuite per document, one
/// testcase per rule, a failure carrying every message of that rule there.
void write_findings_junit(std::ostream& out, const lint_report& r);

/// GitHub Actions workflow commands, one per finding:
/// `::error file=F,line=L,col=C,title=T::message`.
void write_findings_github(std::ostream& out, const lint_report& r);

/// Escapes a workflow command's message (`%`, CR, LF).
std::string github_escape_data(const std::string& s);
/// Escapes a workflow command's property value (also `:` and `,`).
std::string github_escape_property(const std::string& s);
/// Escapes text for XML; in attributes also quotes and line breaks. Bytes
/// that are not valid UTF-8, and control characters XML forbids, become U+FFFD.
std::string xml_escape(const std::string& s, bool attribute);
/// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
std::string csv_field(const std::string& s);

/// A finding's identity across edits: its rule and document and, for each
/// claim it involves, that claim's document, metric, group, place, qualifier,
/// figures and text with spacing and case folded. Lines, offsets and claim
/// ids (which count claims) are left out, so a fingerprint survives lines
/// added above and re-wrapping, and changes when a figure changes. Findings
/// that share an identity in one run get `-2`, `-3`, ... in report order.
std::vector<fingerprint> fingerprints(const std::vector<rules::finding>& findings, const rules::batch& b);

/// The fingerprints of the known findings. A baseline file also says each
/// finding's rule, document and message for a reader; a run needs only the
/// fingerprints, and an archive's baseline has a million of them.
struct baseline {
  std::vector<fingerprint> fingerprints;  // sorted, each once
  /// Entries whose fingerprint tollgate does not write (edited by hand, or
  /// from another tool): kept as written (sorted, each once), they match no
  /// finding.
  std::vector<std::string> foreign;
};

/// Writes the baseline of `findings` (JSON, one entry per finding), an
/// entry at a time.
void write_baseline(std::ostream& out, const std::vector<rules::finding>& findings,
                    const std::vector<fingerprint>& fingerprints);
/// Reads a file written by write_baseline as it goes (SAX), keeping only
/// the fingerprints, each once. Problems name the file and why; the
/// baseline is then empty.
core::result<baseline> read_baseline(const std::string& file);
/// Indexes of the findings not in `known`, and what was suppressed or is gone.
std::vector<std::size_t> new_findings(const baseline& known, const std::vector<fingerprint>& fingerprints,
                                      baseline_outcome& outcome);

/// "7 documents, 26 claims, 3 findings (2 errors, 1 warning); 1 skipped: x: empty file".
std::string summary_line(const run_summary& s, bool with_findings);

/// A table per metric: date, figure, group, location, source, where, change.
void write_trace_table(std::ostream& out, const std::vector<trace::timeline>& timelines);
/// Per series: `[{"series", "metric", "points": [...]}]`.
void write_trace_json(std::ostream& out, const std::vector<trace::timeline>& timelines);
/// One row per point: series, metric, group, location, as_of, figure, value,
/// lo, hi, qualifier, source, doc, line, column, change, previous_as_of.
void write_trace_csv(std::ostream& out, const std::vector<trace::timeline>& timelines);

/// The CSV header of claims: DESIGN's claim fields in order.
std::string claims_csv_header();
/// One claim as a CSV row (null fields are empty), without a line break.
std::string claim_csv(const claims::claim& c);

}  // namespace tollgate::report
