#pragma once

#include <ostream>
#include <string>

namespace tollgate::conformance {

/// Runs the date cases of the peers' suites found under `specs_dir` (the
/// layout of shared/peer-specs: recognizers-text/Specs/DateTime/English/
/// Date{Extractor,Parser}.json and duckling/time-en.json), read at run time.
/// Prints per file the pass rate of the cases in scope, each failure, and each
/// case left out with its reason. Returns 0 when every file passes at least
/// 90% of its cases in scope with under 25% left out, 1 when one does not,
/// 2 when a file cannot be read.
int run_dates(const std::string& specs_dir, std::ostream& out);

}  // namespace tollgate::conformance
