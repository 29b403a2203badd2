#pragma once

// The parse stage: quantities (numbers, qualifiers, ranges, vague amounts) and
// absolute dates, read at a given offset of a text. The grammars behind this
// header are Boost.Spirit X3 (src/parse/grammar/); nothing here includes Boost.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/word_set.hpp"

namespace tollgate::parse {

/// One bound of a qualifier's interval, as written in the qualifier lexicon:
/// `round(factor * value + offset)`, or unbounded. Examples: "value + 1",
/// "floor(0.9 * value)", "0", "null".
struct bound_rule {
  enum class rounding { nearest, floor, ceil };
  bool unbounded = false;
  bool uses_value = true;
  double factor = 1.0;
  double offset = 0.0;
  rounding round = rounding::nearest;

  /// Parses the lexicon's bound syntax; nullopt on a syntax error.
  static std::optional<bound_rule> parse(std::string_view text);
  /// nullopt when unbounded.
  std::optional<double> apply(double value) const;
};

/// A qualifier ("more than", "nearly") and the interval it gives a figure.
struct qualifier_entry {
  std::string name;  // canonical: at_least, more_than, nearly, about, at_most, ...
  std::vector<std::string> phrases;  // before the figure: "more than 40"
  std::vector<std::string> after;    // after it: "40 or more"
  bound_rule lo;
  bound_rule hi;
};

/// A vague quantity ("dozens", "tens of thousands") and its interval.
struct vague_entry {
  std::string phrase;
  double lo = 0;
  std::optional<double> hi;
};

/// The qualifier and vague-quantity words, compiled for the grammar. Built
/// once from the YAML lexicon (see claims::load_lexicon) and shared read-only.
class quantity_lexicon {
 public:
  /// `zero` phrases stand for a figure of 0 ("no one", "none", "no").
  quantity_lexicon(std::vector<qualifier_entry> qualifiers, std::vector<vague_entry> vague,
                   std::vector<std::string> zero = {});
  ~quantity_lexicon();
  quantity_lexicon(const quantity_lexicon&) = delete;
  quantity_lexicon& operator=(const quantity_lexicon&) = delete;

  const std::vector<qualifier_entry>& qualifiers() const { return qualifiers_; }
  const std::vector<vague_entry>& vague() const { return vague_; }
  const std::vector<std::string>& zero() const { return zero_; }

  /// True when a quantity may start with this lowercase word: a qualifier's
  /// or vague amount's first word, or a spelled-out number. Digits always may.
  /// Lets callers skip the grammar on the other words of a sentence.
  bool may_start_quantity(std::string_view lower_word) const;
  /// Asked next of a word that may start one, `lower_word` written at `pos`
  /// of `text`: a look at what follows it. "at" may start "at least 40" but
  /// not "at the site", "a" "a dozen" but not "a convoy". False only where
  /// parse_quantity(text, pos) would find nothing.
  bool may_start_quantity_at(std::string_view text, std::size_t pos, std::string_view lower_word) const;

  struct compiled;
  const compiled& tables() const { return *compiled_; }

 private:
  std::vector<qualifier_entry> qualifiers_;
  std::vector<vague_entry> vague_;
  std::vector<std::string> zero_;
  core::word_set start_words_;  // first words of the phrases above
  std::unique_ptr<compiled> compiled_;
};

/// Why a number is not a count of people.
enum class not_a_count {
  none,
  age,         // "71-year-old", "aged 71", "71 years old"
  percentage,  // "15%", "15 per cent"
  money,       // "$3 million", "3 million dollars"
  ordinal,     // "71st", "the third"
  time,        // "10:30", "3 pm"
  decade,      // "1990s"
  fraction,    // "a third of", "3/4", "half"
  decimal,     // "7.8" (a magnitude, a rate): no one is 0.8 of a person
  negative,    // "-5", "minus five"
  exponent,    // "1.3e6", "2^10"
  year,        // "in 2023", "since 1948"
  date,        // "5/17/2018", "2023-10-12"
  phone,       // "+1-222-2222"
  rank,        // "No. 1", "#3", "ranked 5"
  url,         // digits inside a link or path
  identifier,  // "SCP-173", "F-16", "flight 370", "192.168.1.2"
  measure,     // "180ml", "29 km"
  pronoun,     // "the one who", "which one"
};

/// A short lowercase name for `reason` ("age", "percentage", ...).
const char* name_of(not_a_count reason);

/// One end of an interval as written: the figure and whether it is included
/// ("more than 10" has lower end 10, not included).
struct interval_end {
  double value = 0;
  bool inclusive = true;
};

/// A quantity expression: an optional qualifier and a number, range or vague
/// amount. Offsets are bytes into the text given to parse_quantity.
struct quantity {
  std::size_t offset = 0;         // start of the expression, qualifier included
  std::size_t length = 0;         // through the end of the figure (or "or more")
  std::size_t number_offset = 0;  // the figure alone
  std::size_t number_length = 0;
  std::optional<double> value;    // as written; null for ranges and vague amounts
  double lo = 0;                  // the interval the wording allows, in whole people
  std::optional<double> hi;       // null = unbounded
  std::string qualifier = "exact";
  bool vague = false;
  /// The interval as written on the real line, for figures that are bounds or
  /// ranges: "more than 10 and fewer than 40" is (10, 40); "at most 100" has
  /// only an upper end. Unset for vague and approximate amounts.
  std::optional<interval_end> lower;
  std::optional<interval_end> upper;
  /// Two bounds joined ("more than 10 and fewer than 40"), not "10 to 40".
  bool compound = false;
  not_a_count rejected = not_a_count::none;
  bool is_count() const { return rejected == not_a_count::none; }
};

/// The quantity reader takes shortcuts past the grammar for the commonest
/// text (a plain figure of digits; lexicon tables no phrase of which can start
/// at a byte). They must never change a result: tests turn them off and
/// compare. On by default.
void use_quantity_shortcuts(bool on);

/// Reads a quantity starting exactly at `pos`. nullopt when none starts there.
/// A number that is not a count (an age, a percentage, money, an ordinal) is
/// returned with `rejected` set, so callers can skip over it whole.
std::optional<quantity> parse_quantity(std::string_view text, std::size_t pos,
                                       const quantity_lexicon& lexicon);

/// Reads a plain cardinal (digits, decimals, scale words, spelled-out) at `pos`;
/// returns its value and sets `length`. Used by tests and the conformance run.
std::optional<double> parse_number(std::string_view text, std::size_t pos, std::size_t& length);

/// The form of a numeral as written.
enum class numeral_kind { integer, decimal, fraction, power, ordinal };

/// A numeral found in running text, and why it would not be a count.
struct numeral_mention {
  std::size_t offset = 0;
  std::size_t length = 0;
  double value = 0;
  numeral_kind kind = numeral_kind::integer;
  not_a_count rejected = not_a_count::none;
};

/// Every numeral in `text`, left to right, none overlapping: cardinals,
/// fractions, ordinals, signed numbers, each classified as a count or not.
std::vector<numeral_mention> find_numerals(std::string_view text);

/// An absolute calendar date as written ("October 13, 2023", "Oct. 7",
/// "13 October 2023", "2023-10-12"). `year` is 0 when the text gives none.
struct date_mention {
  std::size_t offset = 0;
  std::size_t length = 0;
  int year = 0;
  int month = 0;
  int day = 0;
};

/// Reads a date starting exactly at `pos`; nullopt when none does. The day is
/// not checked against the month here (February 30 is returned as written).
std::optional<date_mention> parse_date(std::string_view text, std::size_t pos);

}  // namespace tollgate::parse
