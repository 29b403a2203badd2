// as_of of each claim and how it was found, with a fixed publication date
// (Friday 13 October 2023), and the warnings for dates that cannot be right.

#include <doctest/doctest.h>

#include "claims/claims.hpp"
#include "parse/dates.hpp"
#include "test_support.hpp"

namespace tollgate {
namespace {

struct as_of_result {
  std::string as_of;
  std::string basis;
};

as_of_result as_of(const std::string& sentence, const std::string& published = "2023-10-13") {
  const auto found = claims::extract(test::make_document(sentence + "\n", published), test::builtin_lexicon());
  REQUIRE_MESSAGE(found.size() == 1, sentence);
  const auto& c = found[0];
  return {c.as_of ? c.as_of->iso() : "null", c.wording().as_of_basis};
}

}  // namespace

TEST_SUITE("claims") {
  TEST_CASE("as_of is the publication date unless the sentence anchors another") {
    auto r = as_of("At least 20 people were killed, officials said.");
    CHECK(r.as_of == "2023-10-13");
    CHECK(r.basis == "published");
    r = as_of("As of Tuesday, 212 people had been killed, the ministry said.");
    CHECK(r.as_of == "2023-10-10");
    CHECK(r.basis == "relative");
    r = as_of("By Oct. 12, 600 people had died, officials said.");
    CHECK(r.as_of == "2023-10-12");
    CHECK(r.basis == "explicit");
    r = as_of("On Tuesday, officials said 500 had died.");
    CHECK(r.as_of == "2023-10-10");
    CHECK(r.basis == "relative");
    r = as_of("The death toll rose to 212 on Tuesday, officials said.");
    CHECK(r.as_of == "2023-10-10");
    CHECK(r.basis == "relative");
    r = as_of("Yesterday, the ministry said 77 people were killed.");
    CHECK(r.as_of == "2023-10-12");
    CHECK(r.basis == "relative");
    r = as_of("Two days ago, the ministry said 77 people were killed.");
    CHECK(r.as_of == "2023-10-11");
  }

  TEST_CASE("a day right after a figure is its own, whether the figure is digits or words") {
    const auto found = claims::extract(
        test::make_document("The toll had reached at least eight, up from five on Thursday, police said.\n"
                            "The toll had reached 18, up from 9 on Thursday, police said.\n",
                            "2023-10-13"),
        test::builtin_lexicon());
    REQUIRE(found.size() == 4);
    CHECK(found[0].as_of->iso() == "2023-10-13");
    CHECK(found[1].figure == "five");
    CHECK(found[1].as_of->iso() == "2023-10-12");
    CHECK(found[2].as_of->iso() == "2023-10-13");
    CHECK(found[3].as_of->iso() == "2023-10-12");
  }

  TEST_CASE("a day right after an earlier value dates it, and the day before a report's verb dates the report") {
    // Published on Friday 13 October 2023.
    const auto found = claims::extract(
        test::make_document("The toll rose to 30, up from 12 yesterday, police said.\n"
                            "The toll rose to 31 from 4 late on Monday, police said.\n"
                            "Officials on Wednesday raised the number of deaths to 250.\n"
                            "Officials on Wednesday raised the number of deaths to 240, from 123 yesterday.\n",
                            "2023-10-13"),
        test::builtin_lexicon());
    REQUIRE(found.size() == 7);
    auto day = [&](std::size_t i) { return found[i].as_of->iso(); };
    CHECK(day(0) == "2023-10-13");
    CHECK(day(1) == "2023-10-12");
    CHECK(day(3) == "2023-10-09");
    CHECK(day(4) == "2023-10-11");
    CHECK(day(5) == "2023-10-11");
    // "yesterday" after a report of Wednesday: before Wednesday, not Thursday.
    CHECK(day(6) == "2023-10-10");
    // The time is no part of the claim's text.
    CHECK(found[1].wording().text == "12");
    CHECK(found[3].wording().text == "4");
  }

  TEST_CASE("since a date is the start of a count, not its as_of") {
    auto r = as_of("Since October 7, 1,300 people have been killed, the ministry said.");
    CHECK(r.as_of == "2023-10-13");
    CHECK(r.basis == "published");
    r = as_of("Since Saturday, 1,300 people have been killed, the ministry said.");
    CHECK(r.as_of == "2023-10-13");
  }

  TEST_CASE("a date of an incident or of a start is not the count's as_of") {
    CHECK(as_of("At least 9 people were killed in the attack on Oct. 7, officials said.").as_of == "2023-10-13");
    CHECK(as_of("Over 900 people have been killed since the war began on Saturday.").as_of == "2023-10-13");
  }

  TEST_CASE("a year-less anchor rolls over the new year") {
    const auto r = as_of("By Dec. 30, 45 people had been killed, officials said.", "2024-01-02");
    CHECK(r.as_of == "2023-12-30");
    CHECK(r.basis == "explicit");
  }

  TEST_CASE("an anchor after publication or impossible is not taken") {
    CHECK(as_of("By October 20, 2023, 500 people had died, officials said.").as_of == "2023-10-13");
    CHECK(as_of("As of February 30, 500 people had died, officials said.").as_of == "2023-10-13");
  }

  TEST_CASE("an undated document keeps explicit full dates only") {
    CHECK(as_of("By October 12, 2023, 600 people had died.", "").as_of == "2023-10-12");
    const auto r = as_of("On Tuesday, officials said 500 had died.", "");
    CHECK(r.as_of == "null");
    CHECK(r.basis == "");
  }

  TEST_CASE("dates that cannot be right are warnings with their place") {
    const auto doc = test::make_document(
        "date 2023-10-13\n"
        "On February 30, at least 20 people were killed.\n"
        "By October 20, 2023, 500 people had died.\n"
        "On Wednesday, Oct. 12, 40 people were killed.\n"
        "On October 12, 2023, 40 people were killed.\n",
        "2023-10-13");
    const auto problems = claims::check_dates(doc);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].line == 2);
    CHECK(problems[0].column == 4);
    CHECK(problems[0].level == core::severity::warning);
    CHECK(problems[0].message.find("impossible date") != std::string::npos);
    CHECK(problems[1].line == 3);
    CHECK(problems[1].message.find("after the publication date 2023-10-13") != std::string::npos);
    CHECK(problems[2].line == 4);
    CHECK(problems[2].message.find("weekday does not match") != std::string::npos);
  }

  TEST_CASE("a day written before its month is checked with no figure after it") {
    const auto doc = test::make_document("The attack of 31 September was the worst, officials said.", "2023-10-13");
    const auto problems = claims::check_dates(doc);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].column == 15);
    CHECK(problems[0].message.find("impossible date") != std::string::npos);
  }

  TEST_CASE("a period after a month or weekday written in full ends its sentence, not its name") {
    // "September. 31 trucks" is no date; "Sept. 31" is one, and an impossible one.
    const auto doc = test::make_document(
        "Food has been scarce since September. 31 trucks reached the town on Monday.\n"
        "The shelling eased on Saturday. The five bakeries reopened.\n"
        "The attack of Sept. 31 was denied.\n",
        "2023-10-13");
    const auto problems = claims::check_dates(doc);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 3);
    CHECK(problems[0].column == 15);
    CHECK(problems[0].message.find("impossible date") != std::string::npos);
    // The grammar agrees: a full name and its period are the name alone.
    CHECK_FALSE(parse::parse_date_expression("September. 12 trucks", 0));
    const auto month = parse::parse_date_expression("Sept. 12 trucks", 0);
    REQUIRE(month);
    CHECK(month->length == 8);
    const auto weekday = parse::parse_date_expression("Saturday. The five bakeries", 0);
    REQUIRE(weekday);
    CHECK(weekday->length == 8);
    const auto shortened = parse::parse_date_expression("Fri. the 13th", 0);
    REQUIRE(shortened);
    CHECK(shortened->length == 13);
  }
}

}  // namespace tollgate
