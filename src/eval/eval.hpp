#pragma once

// tollgate eval: extracted claims against a hand-annotated gold file, so a
// desk can measure extraction on its own archive. Format: fixtures/gold/README.md.

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "claims/claims.hpp"
#include "core/diagnostic.hpp"

namespace tollgate::eval {

/// One line of a gold file: an expected claim, or a number that is not one.
struct gold_entry {
  std::string doc;
  int line = 0;
  std::string span;
  bool distractor = false;
  std::string distractor_kind;
  std::map<std::string, std::string> fields;  // metric, group, ... as JSON text ("null", "212", "\"people\"")
  int file_line = 0;                          // line in the gold file, for messages
};

/// Reads a gold JSONL file; bad lines are diagnostics with file:line:col.
core::result<std::vector<gold_entry>> load_gold(const std::string& path);

/// Counts and rates from one comparison.
struct report {
  std::size_t gold_claims = 0, extracted = 0, matched = 0, distractors = 0, distractors_taken = 0;
  std::map<std::string, std::pair<std::size_t, std::size_t>> fields;  // name -> (right, compared)
  std::vector<std::string> misses;        // gold claims not found
  std::vector<std::string> false_alarms;  // claims with no gold claim
  std::vector<std::string> wrong_fields;  // matched claims with a wrong field
  double precision() const { return extracted ? double(matched) / double(extracted) : 1.0; }
  double recall() const { return gold_claims ? double(matched) / double(gold_claims) : 1.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  double accuracy(const std::string& field) const;
};

/// Matches claims to gold entries by document, line and figure: a claim
/// matches when its figure as written and the gold span overlap on that line.
report compare(const std::vector<gold_entry>& gold, const claims::claim_list& found);

/// The figures and the lists, for people.
void print(std::ostream& out, const report& r, bool list_details);

}  // namespace tollgate::eval
