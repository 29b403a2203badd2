// Date expressions and their resolution against a fixed publication date.
// Friday 13 October 2023 is the reference unless a case says otherwise.

#include <doctest/doctest.h>

#include "parse/dates.hpp"

namespace tollgate {
namespace {

core::date day(const char* iso) { return *core::date::parse_iso(iso); }

/// The text of the one expression found in `s`, or "" when none or several.
std::string found_text(const std::string& s) {
  const auto found = parse::find_date_expressions(s);
  if (found.size() != 1) return "";
  return s.substr(found[0].offset, found[0].length);
}

/// What the first expression in `s` resolves to against `ref` (past bias):
/// its first day in ISO, or "!" + the problem.
std::string resolve(const std::string& s, const char* ref = "2023-10-13") {
  const auto found = parse::find_date_expressions(s);
  if (found.empty()) return "none";
  const auto r = parse::resolve_date(found[0], day(ref));
  return r.value ? r.value->first.iso() : "!" + r.problem;
}

std::string last_day(const std::string& s, const char* ref = "2023-10-13") {
  const auto found = parse::find_date_expressions(s);
  if (found.empty()) return "none";
  const auto r = parse::resolve_date(found[0], day(ref));
  return r.value ? r.value->last.iso() : "!" + r.problem;
}

}  // namespace

TEST_SUITE("parse") {
  TEST_CASE("full and partial dates take the latest year on or before publication") {
    CHECK(resolve("as of October 13, 2023") == "2023-10-13");
    CHECK(resolve("since Oct. 7") == "2023-10-07");
    CHECK(resolve("on 7 October") == "2023-10-07");
    CHECK(resolve("on October 7th") == "2023-10-07");
    CHECK(resolve("by Oct. 14") == "2022-10-14");  // Oct. 14 of 2023 is after publication
    CHECK(found_text("the attack of 7 October killed") == "7 October");
  }

  TEST_CASE("a date without a year rolls back over the new year") {
    CHECK(resolve("by Dec. 30", "2024-01-02") == "2023-12-30");
    CHECK(resolve("on December 31st", "2024-01-02") == "2023-12-31");
    CHECK(resolve("on Jan. 1", "2024-01-02") == "2024-01-01");
  }

  TEST_CASE("weekdays are the latest such day on or before publication") {
    CHECK(resolve("on Friday") == "2023-10-13");   // the publication day itself
    CHECK(resolve("on Tuesday") == "2023-10-10");
    CHECK(resolve("on Saturday") == "2023-10-07");
    CHECK(resolve("last Friday") == "2023-10-06");  // strictly before
    CHECK(resolve("last Saturday") == "2023-10-07");
    CHECK(resolve("Friday of last week") == "2023-10-06");
  }

  TEST_CASE("relative days") {
    CHECK(resolve("yesterday") == "2023-10-12");
    CHECK(resolve("today") == "2023-10-13");
    CHECK(resolve("the day before yesterday") == "2023-10-11");
    CHECK(resolve("two days ago") == "2023-10-11");
    CHECK(resolve("2 days ago") == "2023-10-11");
    CHECK(resolve("a week ago") == "2023-10-06");
    CHECK(resolve("three weeks ago") == "2023-09-22");
  }

  TEST_CASE("periods: last week and earlier this month") {
    CHECK(resolve("last week") == "2023-10-02");
    CHECK(last_day("last week") == "2023-10-08");
    CHECK(resolve("earlier this month") == "2023-10-01");
    CHECK(last_day("earlier this month") == "2023-10-12");
    CHECK(resolve("last month") == "2023-09-01");
    CHECK(last_day("last month") == "2023-09-30");
  }

  TEST_CASE("since marks the start of a count") {
    const auto found = parse::find_date_expressions("since Saturday, 1,300 people have been killed");
    REQUIRE(found.size() == 1);
    CHECK(found[0].since);
    CHECK(parse::resolve_date(found[0], day("2023-10-13")).value->first == day("2023-10-07"));
    const auto plain = parse::find_date_expressions("on Saturday");
    REQUIRE(plain.size() == 1);
    CHECK_FALSE(plain[0].since);
  }

  TEST_CASE("an impossible date is a problem, not a date") {
    CHECK(resolve("on February 30") == "!impossible date: February has no day 30");
    CHECK(resolve("on April 31, 2023").rfind("!impossible date", 0) == 0);
    CHECK(resolve("on February 29, 2023").rfind("!impossible date", 0) == 0);
    CHECK(resolve("on February 29", "2023-10-13") == "2020-02-29");  // the last leap year
  }

  TEST_CASE("numbers that are not dates are left alone") {
    CHECK(found_text("the 27th floor") == "");
    CHECK(found_text("the first prize") == "");
    CHECK(found_text("6,107.31 people") == "");
    CHECK(found_text("at least 1,200 people were killed") == "");
    CHECK(found_text("May we go") == "");
  }

  TEST_CASE("the future bias reads the next such day") {
    const auto found = parse::find_date_expressions("Friday");
    REQUIRE(found.size() == 1);
    CHECK(parse::resolve_date(found[0], day("2023-10-10"), parse::date_bias::future).value->first == day("2023-10-13"));
    CHECK(parse::resolve_date(found[0], day("2023-10-10"), parse::date_bias::past).value->first == day("2023-10-06"));
  }
}

}  // namespace tollgate
