#pragma once

// Fixture tests for rules (STYLE "Fixture tests"): a rule's test batch sits
// beside it in `<id>.test/`, its articles annotated at the end of a line:
//
//   Over 8,700 people have been killed.             %% ruleid: unattributed
//   At least 1,400 died, the health ministry said.  %% ok: unattributed
//
// `ruleid: ID "text"` expects a finding of ID on that line (whose message
// holds "text", when given); `ok: ID` marks a near miss that must not fire;
// `todo: ID` a known miss, allowed either way. A finding on a line with no
// `ruleid` fails the test. The harness blanks `%%...` with spaces before
// reading, so lines, columns and offsets stay put. `tollgate rules test` and
// ctest share it.

#include <string>
#include <vector>

#include "claims/claims.hpp"
#include "rules/rules.hpp"

namespace tollgate::rules {

struct annotation {
  std::string doc;   // the document id: the path relative to the test batch
  int line = 0;
  std::string kind;  // ruleid, ok, todo
  std::string rule;
  std::string message_part;  // may be empty
  int column = 0;    // of the "%%", for diagnostics
};

/// Blanks every `%%` to the end of its line with spaces (keeping newlines and
/// byte positions) and returns the annotations found; malformed annotations
/// are diagnostics at their place.
std::string blank_annotations(const std::string& text, const std::string& path, const std::string& doc,
                              std::vector<annotation>& found, core::diagnostics& problems);

struct fixture_result {
  std::string rule;
  std::string dir;          // the test batch; empty when the rule has none
  bool passed = false;
  std::size_t expected = 0;     // ruleid annotations of this rule
  std::size_t near_misses = 0;  // ok annotations of this rule
  std::vector<std::string> diff;  // "- expected ..." / "+ unexpected ..." lines
  core::diagnostics problems;     // unreadable files, malformed annotations
};

/// The test batch beside a rule file: `<folder of r.file>/<r.id>.test/`, or
/// empty when there is none.
std::string test_dir_of(const rule& r);

/// Runs `r` alone over its test batch in `dir` and compares its findings with
/// the annotations.
fixture_result run_fixture(const rule& r, const std::string& dir, const claims::lexicon& lex);

}  // namespace tollgate::rules
