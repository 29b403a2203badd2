// The date conformance run: the date cases of Recognizers-Text (DateExtractor,
// DateParser) and Duckling (time-en) against tollgate's date expressions.
// Spec files are read at run time from the directory given; nothing of them is
// copied into the project. Each case is in scope, or left out with a reason
// that names a feature tollgate does not aim at; the reasons depend on the
// case's input and expectation, never on whether tollgate passes it.

#include "conformance/dates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <vector>

#include "core/date.hpp"
#include "parse/dates.hpp"

namespace tollgate::conformance {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr double kTargetPass = 0.90;
constexpr double kMaxOutOfScope = 0.25;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct file_report {
  std::string name;
  std::size_t cases = 0;      // cases the file holds that are date cases
  std::size_t not_dates = 0;  // cases of the file that are not date cases at all (Duckling's times of day)
  std::string not_dates_why;
  std::size_t passed = 0;
  std::vector<std::string> failures;
  std::vector<std::pair<std::string, std::string>> excluded;  // input, reason

  std::size_t in_scope() const { return cases - excluded.size(); }
  double pass_rate() const { return in_scope() ? static_cast<double>(passed) / in_scope() : 1.0; }
  double out_rate() const { return cases ? static_cast<double>(excluded.size()) / cases : 0.0; }
  bool meets_target() const { return pass_rate() >= kTargetPass && out_rate() < kMaxOutOfScope; }
};

std::optional<json> load(const fs::path& file, std::ostream& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    out << file.string() << ": error: cannot read the spec file\n";
    return std::nullopt;
  }
  try {
    return json::parse(in);
  } catch (const json::parse_error& e) {
    out << file.string() << ": error: not JSON: " << e.what() << '\n';
    return std::nullopt;
  }
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string spans_text(const std::string& input, const std::vector<parse::date_expression>& found) {
  std::string s = "[";
  for (const auto& e : found) {
    if (s.size() > 1) s += ", ";
    s += quoted(input.substr(e.offset, e.length)) + "@" + std::to_string(e.offset);
  }
  return s + "]";
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// "15", "4.22": one or two digits, or two such groups around a dot.
bool is_bare_number(std::string_view s) { return all_digits(s) && s.size() <= 2; }
bool is_dotted_pair(std::string_view s) {
  const auto dot = s.find('.');
  return dot != std::string_view::npos && is_bare_number(s.substr(0, dot)) && is_bare_number(s.substr(dot + 1));
}

// Why a Recognizers-Text case is out of scope, judged by the text it expects.
std::optional<std::string> recognizers_exclusion(const json& c) {
  for (const auto& r : c.value("Results", json::array())) {
    const std::string text = lower(r.value("Text", ""));
    if (text == "the day" || text == "my day" || text == "this day" || text == "past day" || text == "last day" ||
        text == "the last day" || text == "next day" || text == "the next day") {
      return "a day named relative to the story or the speaker ('the next day', 'the last day', 'my day'), "
             "not to the publication date";
    }
    if (text.find("business day") != std::string::npos) return "business days need a calendar of working days";
    if (is_bare_number(text)) return "a bare number as a day of the month ('on 15'): in news text a count";
    if (is_dotted_pair(text)) return "a dotted month.day without a year ('4.22'): in news text a decimal";
  }
  return std::nullopt;
}

// Runs DateExtractor.json or DateParser.json; `resolve` checks the past
// resolution of each expected result too.
file_report run_recognizers(const fs::path& file, const json& cases, bool resolve) {
  file_report rep;
  rep.name = file.string();
  for (const auto& c : cases) {
    const std::string input = c.value("Input", "");
    ++rep.cases;
    if (auto why = recognizers_exclusion(c)) {
      rep.excluded.emplace_back(input, *why);
      continue;
    }
    const auto found = parse::find_date_expressions(input);
    const json results = c.value("Results", json::array());
    std::set<std::pair<std::size_t, std::size_t>> want, got;
    for (const auto& r : results) want.insert({r.value("Start", 0), r.value("Length", 0)});
    for (const auto& e : found) got.insert({e.offset, e.length});
    std::string problem;
    if (want != got) {
      std::string expected = "[";
      for (const auto& r : results) {
        if (expected.size() > 1) expected += ", ";
        expected += quoted(r.value("Text", "")) + "@" + std::to_string(r.value("Start", 0));
      }
      problem = "expected " + expected + "] found " + spans_text(input, found);
    } else if (resolve) {
      std::optional<core::date> ref;
      if (c.contains("Context")) ref = core::date::parse_iso(c["Context"].value("ReferenceDateTime", "").substr(0, 10));
      for (const auto& r : results) {
        const std::size_t start = r.value("Start", 0);
        auto e = std::find_if(found.begin(), found.end(), [&](const auto& f) { return f.offset == start; });
        const json value = r.value("Value", json::object());
        const std::string want_date = value.contains("PastResolution") ? value["PastResolution"].value("date", "") : "";
        if (!ref || e == found.end()) {
          problem = "no reference date";
          break;
        }
        const auto res = parse::resolve_date(*e, *ref, parse::date_bias::past);
        const std::string got_date = res.value ? res.value->first.iso() : "invalid (" + res.problem + ")";
        const bool ok = want_date == "0001-01-01" ? !res.value : (res.value && res.value->first.iso() == want_date);
        if (!ok) {
          problem = fmt::format("{} against {}: expected {} found {}", quoted(r.value("Text", "")), ref->iso(),
                                want_date == "0001-01-01" ? "invalid" : want_date, got_date);
          break;
        }
      }
    }
    if (problem.empty()) {
      ++rep.passed;
    } else {
      rep.failures.push_back(quoted(input) + ": " + problem);
    }
  }
  return rep;
}

// Duckling -----------------------------------------------------------------

bool grain_is_time_of_day(const std::string& grain) {
  return grain == "second" || grain == "minute" || grain == "hour";
}

std::optional<std::string> duckling_exclusion(const json& c) {
  const json& e = c["expected"];
  const std::string input = lower(c.value("input", ""));
  if (c.value("latent", false) || c.value("corpus", "") == "latent") {
    return "latent reading: a lone number, month or year ('7', 'May', '1974') read as a date without context";
  }
  // Holidays that follow a rule (a fixed day, an nth weekday, Easter), those
  // of the Hebrew and Hijri calendars (computed) and those of the calendar
  // tables (parse/calendars.cpp) are in scope; the others follow lunar or
  // lunisolar calendars that tollgate has no table for.
  static const std::set<std::string> rule_holidays = {
      "Thanksgiving Day", "Christmas", "New Year's Eve", "New Year's Day", "Valentine's Day", "Halloween",
      "Black Friday", "Boss's Day", "Martin Luther King's Day", "World Vegan Day", "Easter Sunday",
      "Easter Monday", "Maundy Thursday", "Pentecost", "Whit Monday", "Palm Sunday", "Trinity Sunday",
      "Shrove Tuesday", "St Patrick's Day", "Orthodox Easter Sunday", "Orthodox Good Friday", "Clean Monday",
      "Lazarus Saturday", "King's Day", "Lent", "Great Lent", "Global Youth Service Day",
      // Hebrew calendar
      "Rosh Hashanah", "Yom Kippur", "Sukkot", "Shemini Atzeret", "Simchat Torah", "Hanukkah", "Tu BiShvat",
      "Purim", "Shushan Purim", "Passover", "Yom HaShoah", "Yom Ha'atzmaut", "Lag BaOmer", "Shavuot", "Tisha B'Av",
      // Hijri calendar
      "Ramadan", "Eid al-Fitr", "Eid al-Adha", "Laylat al-Qadr", "Islamic New Year", "Ashura", "Mawlid",
      "Isra and Mi'raj", "Jumu'atul-Wida",
      // tables
      "Chinese New Year", "Diwali", "Dhanteras", "Naraka Chaturdashi", "Bhai Dooj", "Holi", "Holika Dahan",
      "Parsi New Year"};
  if (e.contains("holiday") && !rule_holidays.count(e.value("holiday", ""))) {
    return "a holiday of a lunar or lunisolar calendar (" + e.value("holiday", "") +
           ") that tollgate has no calendar table for";
  }
  if (input.find("season") != std::string::npos || input.find("summer") != std::string::npos ||
      input.find("winter") != std::string::npos) {
    return "seasons: their bounds vary by convention";
  }
  if (e.value("type", "") == "interval" && !e.contains("from")) return "an interval open towards the past ('before 2014')";
  if (e.value("type", "") == "interval" && !e.contains("to") && input.find("after") != std::string::npos) {
    return "an interval open after a date ('anytime after 2014'); tollgate reads 'since' only";
  }
  if (input.find("closest") != std::string::npos) return "'the closest Monday to': a search around a date";
  if (input.find("upcoming") != std::string::npos) return "'upcoming two weeks': a forward-looking period, not in news tolls";
  if (input.find("a.d.") != std::string::npos || input.find(" ad") != std::string::npos ||
      input.find("b.c.") != std::string::npos || input.find(" bc") != std::string::npos) {
    return "eras (AD/BC)";
  }
  return std::nullopt;
}

// A preposition before a date is not part of the date in tollgate's spans
// ("on the 15th" is found as "the 15th"), nor is Duckling's "around".
std::string trim_input(std::string s) {
  for (const char* lead : {"on ", "On ", "around ", "Around "}) {
    if (s.rfind(lead, 0) == 0) s = s.substr(std::string(lead).size());
  }
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == '.' || s.back() == '?')) {
    s.pop_back();
  }
  std::size_t b = 0;
  while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  return s.substr(b);
}

core::date monday_of(core::date d) { return d + -static_cast<long>((d.weekday() + 6) % 7); }

bool same_at_grain(core::date got, const std::string& want_iso, const std::string& grain) {
  auto want = core::date::parse_iso(want_iso.substr(0, 10));
  if (!want) return false;
  if (grain == "week") return monday_of(got) == *want;
  if (grain == "month") return got.year() == want->year() && got.month() == want->month();
  if (grain == "year") return got.year() == want->year();
  return got == *want;
}

file_report run_duckling(const fs::path& file, const json& spec) {
  file_report rep;
  rep.name = file.string();
  rep.not_dates_why = "times of day (grain hour, minute or second): not date cases";
  const std::string default_ref = spec.value("reference_time", "");
  for (const auto& c : spec.value("cases", json::array())) {
    const json& e = c["expected"];
    if (grain_is_time_of_day(e.value("grain", ""))) {
      ++rep.not_dates;
      continue;
    }
    const std::string input = c.value("input", "");
    ++rep.cases;
    if (auto why = duckling_exclusion(c)) {
      rep.excluded.emplace_back(input, *why);
      continue;
    }
    const auto ref = core::date::parse_iso(c.value("reference_time", default_ref).substr(0, 10));
    const std::string text = trim_input(input);
    const auto found = parse::find_date_expressions(text);
    std::string problem;
    if (found.size() != 1 || found[0].offset != 0 || found[0].length != text.size()) {
      problem = "not read whole as one date: found " + spans_text(text, found);
    } else if (!ref) {
      problem = "no reference date";
    } else {
      const auto res = parse::resolve_date(found[0], *ref, parse::date_bias::future);
      const std::string grain = e.value("grain", "day");
      if (!res.value) {
        problem = "expected a date, found none (" + res.problem + ")";
      } else if (e.value("type", "") == "value") {
        if (!same_at_grain(res.value->first, e.value("value", ""), grain)) {
          problem = fmt::format("expected {} ({}), found {}", e.value("value", "").substr(0, 10), grain,
                                res.value->first.iso());
        }
      } else {
        const bool from_ok = same_at_grain(res.value->first, e.value("from", ""), grain == "day" ? "day" : grain);
        bool to_ok = true;
        if (e.contains("to")) {
          to_ok = same_at_grain(res.value->last + 1, e.value("to", ""), grain == "day" ? "day" : grain);
        } else {
          to_ok = found[0].since;
        }
        if (!from_ok || !to_ok) {
          problem = fmt::format("expected [{}, {}), found [{}, {}]{}", e.value("from", "").substr(0, 10),
                                e.contains("to") ? e.value("to", "").substr(0, 10) : std::string("open"),
                                res.value->first.iso(), res.value->last.iso(), found[0].since ? " since" : "");
        }
      }
    }
    if (problem.empty()) {
      ++rep.passed;
    } else {
      rep.failures.push_back(quoted(input) + ": " + problem);
    }
  }
  return rep;
}

void print(const file_report& r, std::ostream& out) {
  out << fmt::format("{}: {} date cases", r.name, r.cases);
  if (r.not_dates) out << fmt::format(" (and {} cases that are not dates: {})", r.not_dates, r.not_dates_why);
  out << '\n';
  for (const auto& f : r.failures) out << "  fail: " << f << '\n';
  for (const auto& [input, why] : r.excluded) out << "  out of scope: " << quoted(input) << ": " << why << '\n';
  out << fmt::format("  {} in scope, {} pass ({:.1f}%); {} out of scope ({:.1f}% of the date cases) [{}]\n",
                     r.in_scope(), r.passed, 100.0 * r.pass_rate(), r.excluded.size(), 100.0 * r.out_rate(),
                     r.meets_target() ? "meets target" : "below target");
}

}  // namespace

int run_dates(const std::string& specs_dir, std::ostream& out) {
  const fs::path root(specs_dir);
  const fs::path rt = root / "recognizers-text" / "Specs" / "DateTime" / "English";
  std::vector<file_report> reports;
  bool unreadable = false;
  for (const auto& [name, resolve] : {std::pair{"DateExtractor.json", false}, std::pair{"DateParser.json", true}}) {
    const fs::path file = rt / name;
    auto spec = load(file, out);
    if (!spec || !spec->is_array()) {
      unreadable = true;
      continue;
    }
    reports.push_back(run_recognizers(file, *spec, resolve));
  }
  {
    const fs::path file = root / "duckling" / "time-en.json";
    auto spec = load(file, out);
    if (!spec || !spec->is_object()) {
      unreadable = true;
    } else {
      reports.push_back(run_duckling(file, *spec));
    }
  }
  bool all_meet = true;
  for (const auto& r : reports) {
    print(r, out);
    all_meet = all_meet && r.meets_target();
  }
  out << "summary:\n";
  for (const auto& r : reports) {
    out << fmt::format("  {}: {}/{} in scope pass ({:.1f}%), {} out of scope ({:.1f}%)\n",
                       fs::path(r.name).filename().string(), r.passed, r.in_scope(), 100.0 * r.pass_rate(),
                       r.excluded.size(), 100.0 * r.out_rate());
  }
  if (unreadable) return 2;
  return all_meet ? 0 : 1;
}

}  // namespace tollgate::conformance
