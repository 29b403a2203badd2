#include <doctest/doctest.h>

#include "parse/parse.hpp"
#include "test_support.hpp"

namespace tollgate {
namespace {

std::optional<double> number_of(std::string_view s) {
  std::size_t len = 0;
  auto v = parse::parse_number(s, 0, len);
  if (v && len != s.size()) return std::nullopt;  // must read the whole input
  return v;
}

std::optional<parse::quantity> quantity_of(std::string_view s) {
  return parse::parse_quantity(s, 0, *test::builtin_lexicon().quantities);
}

}  // namespace

TEST_SUITE("parse") {
  TEST_CASE("digits with thousands separators and decimals") {
    CHECK(number_of("1,200") == 1200);
    CHECK(number_of("8,700") == 8700);
    CHECK(number_of("1,234,567") == 1234567);
    CHECK(number_of("1200") == 1200);
    CHECK(number_of("2.3") == doctest::Approx(2.3));
  }

  TEST_CASE("scale words multiply") {
    CHECK(number_of("2.3 million") == doctest::Approx(2300000));
    CHECK(number_of("1.2 thousand") == doctest::Approx(1200));
    CHECK(number_of("4 billion") == doctest::Approx(4e9));
  }

  TEST_CASE("spelled-out numbers") {
    CHECK(number_of("ninety") == 90);
    CHECK(number_of("Twenty-one") == 21);
    CHECK(number_of("twelve") == 12);
    CHECK(number_of("a hundred") == 100);
    CHECK(number_of("one hundred and forty-six") == 146);
    CHECK(number_of("one thousand four hundred and five") == 1405);
    CHECK(number_of("two million three hundred thousand") == 2300000);
  }

  TEST_CASE("a grouped number stops where its grouping does") {
    std::size_t len = 0;
    CHECK(parse::parse_number("12,345,67", 0, len) == 12345);
    CHECK(len == 6);
  }

  TEST_CASE("two spelled numbers joined by and are not summed") {
    std::size_t len = 0;
    CHECK(parse::parse_number("five and six", 0, len) == 5);
    CHECK(len == 4);
  }

  TEST_CASE("no qualifier gives an exact interval") {
    auto q = quantity_of("1,200 people");
    REQUIRE(q);
    CHECK(q->qualifier == "exact");
    CHECK(q->value == 1200);
    CHECK(q->lo == 1200);
    CHECK(q->hi == 1200);
    CHECK(q->length == 5);
  }

  TEST_CASE("more than N gives lo N+1 and no upper bound") {
    for (const char* text : {"more than 2,800", "over 2,800", "Over 2,800", "upwards of 2,800", "in excess of 2,800"}) {
      CAPTURE(text);
      auto q = quantity_of(text);
      REQUIRE(q);
      CHECK(q->qualifier == "more_than");
      CHECK(q->lo == 2801);
      CHECK_FALSE(q->hi.has_value());
    }
  }

  TEST_CASE("at least N gives lo N and no upper bound") {
    auto q = quantity_of("at least 7,326 Palestinians");
    REQUIRE(q);
    CHECK(q->qualifier == "at_least");
    CHECK(q->lo == 7326);
    CHECK_FALSE(q->hi.has_value());
    CHECK(q->number_offset == 9);
    CHECK(quantity_of("no fewer than 40")->qualifier == "at_least");
  }

  TEST_CASE("nearly N gives [ceil(0.9 N), N]") {
    auto q = quantity_of("nearly 4,000");
    REQUIRE(q);
    CHECK(q->qualifier == "nearly");
    CHECK(q->lo == 3600);
    CHECK(q->hi == 4000);
    CHECK(quantity_of("close to 340")->lo == 306);
  }

  TEST_CASE("about N gives [floor(0.9 N), ceil(1.1 N)]") {
    auto q = quantity_of("some 200");
    REQUIRE(q);
    CHECK(q->qualifier == "about");
    CHECK(q->lo == 180);
    CHECK(q->hi == 220);  // not 221: 1.1 * 200 is not exact in floating point
    CHECK(quantity_of("an estimated 1,200")->hi == 1320);
  }

  TEST_CASE("up to N gives [0, N]") {
    auto q = quantity_of("up to 300");
    REQUIRE(q);
    CHECK(q->qualifier == "at_most");
    CHECK(q->lo == 0);
    CHECK(q->hi == 300);
  }

  TEST_CASE("ranges in every written form") {
    for (const char* text : {"between 100 and 300", "100 to 300", "100-300", "100\xE2\x80\x93" "300", "from 100 to 300"}) {
      CAPTURE(text);
      auto q = quantity_of(text);
      REQUIRE(q);
      CHECK(q->qualifier == "range");
      CHECK_FALSE(q->value.has_value());
      CHECK(q->lo == 100);
      CHECK(q->hi == 300);
    }
  }

  TEST_CASE("vague quantities from the lexicon") {
    struct expect {
      const char* text;
      double lo;
    };
    for (auto e : {expect{"dozens", 24}, {"scores", 40}, {"hundreds", 200}, {"Thousands", 2000},
                   {"tens of thousands", 20000}, {"hundreds of thousands", 200000}}) {
      CAPTURE(e.text);
      auto q = quantity_of(e.text);
      REQUIRE(q);
      CHECK(q->vague);
      CHECK(q->qualifier == "vague");
      CHECK(q->lo == e.lo);
      CHECK_FALSE(q->hi.has_value());
      CHECK(q->length == std::string_view(e.text).size());
    }
  }

  TEST_CASE("ages, percentages, money and ordinals are not counts") {
    CHECK(quantity_of("71-year-old")->rejected == parse::not_a_count::age);
    CHECK(quantity_of("15%")->rejected == parse::not_a_count::percentage);
    CHECK(quantity_of("15 per cent")->rejected == parse::not_a_count::percentage);
    CHECK(quantity_of("71st")->rejected == parse::not_a_count::ordinal);
    CHECK(quantity_of("10:30")->rejected == parse::not_a_count::time);
    const std::string money = "$3 million";
    auto q = parse::parse_quantity(money, 1, *test::builtin_lexicon().quantities);
    REQUIRE(q);
    CHECK(q->rejected == parse::not_a_count::money);
  }

  TEST_CASE("a qualifier word alone is no quantity") {
    CHECK_FALSE(quantity_of("over the weekend").has_value());
    CHECK_FALSE(quantity_of("some officials").has_value());
  }

  TEST_CASE("qualifier bounds are read from the lexicon syntax") {
    auto b = parse::bound_rule::parse("floor(0.9 * value)");
    REQUIRE(b);
    CHECK(b->apply(1200) == 1080);
    CHECK(parse::bound_rule::parse("value + 1")->apply(10) == 11);
    CHECK_FALSE(parse::bound_rule::parse("null")->apply(10).has_value());
    CHECK(parse::bound_rule::parse("0")->apply(10) == 0);
    CHECK_FALSE(parse::bound_rule::parse("value ** 2").has_value());
  }
}

}  // namespace tollgate
