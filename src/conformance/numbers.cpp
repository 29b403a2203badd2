// `tollgate conformance numbers SPECS_DIR`: the number and quantity grammars
// against two peers' public English test suites, read at run time:
//
//   recognizers-text/Specs/Number/English/NumberModel.json       every number in a sentence
//   recognizers-text/Specs/Number/English/NumberRangeModel.json  ranges and bounds
//   duckling/numeral-en.json                                     one numeral per input
//
// A case that asks for something tollgate reads differently on purpose is
// excluded with its reason (the table below); everything else counts.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "claims/claims.hpp"
#include "conformance/conformance.hpp"
#include "parse/parse.hpp"

namespace tollgate::conformance {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr const char* kNumberModel = "recognizers-text/Specs/Number/English/NumberModel.json";
constexpr const char* kRangeModel = "recognizers-text/Specs/Number/English/NumberRangeModel.json";
constexpr const char* kDuckling = "duckling/numeral-en.json";

// Cases out of scope, by file and input, with the reason. Every reason is a
// reading tollgate makes on purpose for news text.
struct exclusion {
  const char* file;
  const char* input;
  const char* reason;
};

constexpr const char* kRatio =
    "ratio wording ('X out of Y', 'X in Y'): tollgate reads a count X of a total Y, not the quotient";
constexpr const char* kVagueFew = "vague amount: 'a few' / 'few' is an interval in the lexicon, not the value 3";
constexpr const char* kAdjective = "'single' is an adjective in news text ('a single strike'), not a numeral";
constexpr const char* kLitre = "'30 l' as 30 lakh: in news text 'l' after a figure is litres";
constexpr const char* kKrona = "'Kr' as crore: in news text 'kr' after a figure is a currency (krona, krone)";
constexpr const char* kHundredOmitted =
    "'one twenty two' as 122 (hundred left out): in prose two number words in a row are two numbers";
constexpr const char* kPartitive =
    "the partitive 'of' ('a couple of', 'a dozen of') belongs to the noun phrase, which the claims stage reads";
constexpr const char* kContradicts =
    "contradicts the next case ('from 200 to 3000000 in 2008' is a range there): no consistent reading";

const exclusion kExclusions[] = {
    {kNumberModel, "one out of three", kRatio},
    {kNumberModel, "1 in twenty-one", kRatio},
    {kNumberModel, "two out of five hundred tvs", kRatio},
    {kNumberModel, "two out of five hundreds tvs", kRatio},
    {kRangeModel, "How about 2 in 5 or more", kRatio},
    {kRangeModel, "The number is from 200 to 300 in 2008", kContradicts},
    {kDuckling, "a few", kVagueFew},
    {kDuckling, "few", kVagueFew},
    {kDuckling, "single", kAdjective},
    {kDuckling, "30 l", kLitre},
    {kDuckling, "three hundred Kr", kKrona},
    {kDuckling, "one twenty two", kHundredOmitted},
    {kDuckling, "ONE TwentY tWO", kHundredOmitted},
    {kDuckling, "a couple of", kPartitive},
    {kDuckling, "a dozen of", kPartitive},
};

const char* excluded(const char* file, const std::string& input) {
  for (const auto& e : kExclusions) {
    if (std::string_view(e.file) == file && input == e.input) return e.reason;
  }
  return nullptr;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool same_value(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

std::string format_value(double v) {
  std::ostringstream s;
  s << std::setprecision(15) << v;
  return s.str();
}

// One found or expected item: its text and its value as the peer writes it.
struct item {
  std::string text;
  std::string value;
};

std::string show(const std::vector<item>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += "\"" + items[i].text + "\" " + items[i].value;
  }
  return out + "]";
}

struct file_result {
  std::string file;
  double target = 0;
  std::size_t cases = 0, passed = 0, in_scope = 0;
  std::vector<std::string> failures;
  std::map<std::string, std::size_t> exclusions;  // reason -> count
  bool missing = false;

  double rate() const { return in_scope ? 100.0 * static_cast<double>(passed) / static_cast<double>(in_scope) : 0; }
  std::size_t excluded() const {
    std::size_t n = 0;
    for (const auto& [reason, count] : exclusions) n += count;
    return n;
  }
  bool ok() const {
    return !missing && rate() >= target && 10 * excluded() < cases;
  }
};

std::optional<json> load(const fs::path& path, file_result& r) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    r.missing = true;
    return std::nullopt;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // a UTF-8 byte order mark
  try {
    return json::parse(text);
  } catch (const json::exception& e) {
    r.failures.push_back(std::string("cannot read: ") + e.what());
    r.missing = true;
    return std::nullopt;
  }
}

// NumberModel: every number of the sentence, in order, with its text and
// value. Ordinals and figures glued to a unit are not numbers there, nor is
// the pronoun "one"; money, identifiers and the like still are.
std::vector<item> numbers_in(const std::string& input) {
  std::vector<item> out;
  for (const auto& m : parse::find_numerals(input)) {
    if (m.rejected == parse::not_a_count::ordinal || m.rejected == parse::not_a_count::measure ||
        m.rejected == parse::not_a_count::pronoun) {
      continue;
    }
    out.push_back({input.substr(m.offset, m.length), format_value(m.value)});
  }
  return out;
}

bool match_numbers(const std::vector<item>& expected, const std::vector<item>& got) {
  if (expected.size() != got.size()) return false;
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (lower(expected[i].text) != lower(got[i].text)) return false;
    if (!same_value(std::strtod(expected[i].value.c_str(), nullptr), std::strtod(got[i].value.c_str(), nullptr))) {
      return false;
    }
  }
  return true;
}

// NumberRangeModel: the bounds and ranges of the sentence in the peer's
// interval notation. The peer writes a range of two figures half open,
// "[20,30)"; tollgate reads it as closed, [20, 30], and its bounds as written.
std::string notation(const parse::quantity& q) {
  if (q.qualifier == "range" && !q.compound && q.lower && q.upper) {
    return "[" + format_value(q.lower->value) + "," + format_value(q.upper->value) + ")";
  }
  std::string s = q.lower ? (q.lower->inclusive ? "[" : "(") + format_value(q.lower->value) : "(";
  s += ",";
  s += q.upper ? format_value(q.upper->value) + (q.upper->inclusive ? "]" : ")") : ")";
  return s;
}

std::vector<item> ranges_in(const std::string& input, const parse::quantity_lexicon& lexicon) {
  std::vector<item> out;
  for (std::size_t i = 0; i < input.size(); ++i) {
    const auto c = static_cast<unsigned char>(input[i]);
    if (std::isspace(c)) continue;
    if (std::isalnum(c) && i > 0 && std::isalnum(static_cast<unsigned char>(input[i - 1]))) continue;
    auto q = parse::parse_quantity(input, i, lexicon);
    if (!q) continue;
    const bool written_bound = q->qualifier != "exact" || q->offset != q->number_offset ||
                               q->length != q->number_length;
    if (written_bound && (q->lower || q->upper)) {
      out.push_back({input.substr(q->offset, q->length), notation(*q)});
    }
    i = q->offset + q->length - 1;
  }
  return out;
}

// "(20,35]" -> its parts, to compare figures rather than their spelling.
struct interval {
  char open = 0, close = 0;
  std::string lo, hi;
};
interval read_interval(const std::string& s) {
  interval r;
  if (s.size() < 3) return r;
  r.open = s.front();
  r.close = s.back();
  const auto comma = s.find(',');
  r.lo = s.substr(1, comma - 1);
  r.hi = s.substr(comma + 1, s.size() - comma - 2);
  return r;
}

bool same_bound(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty();
  return same_value(std::strtod(a.c_str(), nullptr), std::strtod(b.c_str(), nullptr));
}

bool match_ranges(const std::vector<item>& expected, const std::vector<item>& got) {
  if (expected.size() != got.size()) return false;
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (lower(expected[i].text) != lower(got[i].text)) return false;
    const interval e = read_interval(expected[i].value), g = read_interval(got[i].value);
    if (e.open != g.open || e.close != g.close || !same_bound(e.lo, g.lo) || !same_bound(e.hi, g.hi)) return false;
  }
  return true;
}

void run_recognizers(const fs::path& dir, const char* rel, bool ranges, const parse::quantity_lexicon& lexicon,
                     file_result& r) {
  r.file = rel;
  auto data = load(dir / rel, r);
  if (!data) return;
  for (const auto& c : *data) {
    const std::string input = c.value("Input", "");
    ++r.cases;
    if (const char* why = excluded(rel, input)) {
      ++r.exclusions[why];
      continue;
    }
    ++r.in_scope;
    std::vector<item> expected;
    for (const auto& res : c.value("Results", json::array())) {
      const auto& resolution = res.value("Resolution", json::object());
      expected.push_back({res.value("Text", ""), resolution.value("value", "")});
    }
    const auto got = ranges ? ranges_in(input, lexicon) : numbers_in(input);
    if (ranges ? match_ranges(expected, got) : match_numbers(expected, got)) {
      ++r.passed;
    } else {
      r.failures.push_back(json(input).dump() + ": expected " + show(expected) + ", got " + show(got));
    }
  }
}

// Duckling: the whole input is one numeral with this value.
void run_duckling(const fs::path& dir, file_result& r) {
  r.file = kDuckling;
  auto data = load(dir / kDuckling, r);
  if (!data) return;
  for (const auto& c : data->value("cases", json::array())) {
    const std::string input = c.value("input", "");
    const double value = c.value("value", 0.0);
    ++r.cases;
    if (const char* why = excluded(kDuckling, input)) {
      ++r.exclusions[why];
      continue;
    }
    ++r.in_scope;
    const auto found = parse::find_numerals(input);
    std::vector<item> got;
    for (const auto& m : found) got.push_back({input.substr(m.offset, m.length), format_value(m.value)});
    const bool whole = found.size() == 1 && found[0].offset == 0 && found[0].length == input.size() &&
                       found[0].rejected != parse::not_a_count::ordinal;
    if (whole && same_value(found[0].value, value)) {
      ++r.passed;
    } else {
      r.failures.push_back(json(input).dump() + ": expected one numeral " + format_value(value) + ", got " + show(got));
    }
  }
}

void print(const file_result& r, bool verbose) {
  std::cout << r.file << ": ";
  if (r.missing) {
    std::cout << "missing or unreadable\n";
    for (const auto& f : r.failures) std::cout << "  " << f << '\n';
    return;
  }
  std::cout << r.passed << "/" << r.in_scope << " in-scope cases pass (" << std::fixed << std::setprecision(1)
            << r.rate() << "%, target " << r.target << "%); " << r.excluded() << " of " << r.cases
            << " cases out of scope (" << 100.0 * static_cast<double>(r.excluded()) / static_cast<double>(r.cases)
            << "%, limit 10%)" << (r.ok() ? "" : "  ** below target **") << '\n';
  std::cout.unsetf(std::ios::fixed);
  if (verbose || !r.failures.empty()) {
    for (const auto& f : r.failures) std::cout << "  FAIL " << f << '\n';
  }
  for (const auto& [reason, count] : r.exclusions) std::cout << "  excluded " << count << ": " << reason << '\n';
}

std::string data_dir() {
  if (const char* env = std::getenv("TOLLGATE_DATA")) return env;
  return TOLLGATE_DATA_DIR;
}

int run_numbers(const std::string& specs, bool verbose) {
  auto lexicon = claims::load_lexicon((fs::path(data_dir()) / "lexicon").string());
  if (!lexicon.value || !lexicon.value->quantities) {
    std::cerr << "tollgate: cannot load the lexicon\n";
    return 2;
  }
  const fs::path dir(specs);
  std::vector<file_result> results(3);
  results[0].target = 97;
  results[1].target = 95;
  results[2].target = 97;
  run_recognizers(dir, kNumberModel, false, *lexicon.value->quantities, results[0]);
  run_recognizers(dir, kRangeModel, true, *lexicon.value->quantities, results[1]);
  run_duckling(dir, results[2]);
  bool all = true;
  for (const auto& r : results) {
    print(r, verbose);
    all = all && r.ok();
  }
  return all ? 0 : 1;
}

}  // namespace

command add_numbers_command(CLI::App& conformance) {
  auto* numbers = conformance.add_subcommand(
      "numbers", "numbers and ranges: Recognizers-Text NumberModel/NumberRangeModel, Duckling numeral-en");
  auto specs = std::make_shared<std::string>();
  auto verbose = std::make_shared<bool>(false);
  numbers->add_option("specs", *specs, "folder holding recognizers-text/ and duckling/")->required();
  numbers->add_flag("-v,--verbose", *verbose, "also list passing files' details");
  return command{[numbers] { return numbers->parsed(); }, [specs, verbose] { return run_numbers(*specs, *verbose); }};
}

}  // namespace tollgate::conformance
