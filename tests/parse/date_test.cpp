#include <doctest/doctest.h>

#include "parse/parse.hpp"

namespace tollgate {
namespace {

struct ymd {
  int y, m, d;
  std::size_t length;
};

std::optional<ymd> date_of(std::string_view s) {
  auto m = parse::parse_date(s, 0);
  if (!m) return std::nullopt;
  return ymd{m->year, m->month, m->day, m->length};
}

}  // namespace

TEST_SUITE("parse") {
  TEST_CASE("ISO dates") {
    auto d = date_of("2023-10-12 This photograph");
    REQUIRE(d);
    CHECK(d->y == 2023);
    CHECK(d->m == 10);
    CHECK(d->d == 12);
    CHECK(d->length == 10);
  }

  TEST_CASE("month-first dates with and without a year") {
    auto d = date_of("October 13, 2023");
    REQUIRE(d);
    CHECK((d->y == 2023 && d->m == 10 && d->d == 13));
    CHECK(d->length == 16);
    auto partial = date_of("Oct. 7 by firing");
    REQUIRE(partial);
    CHECK((partial->y == 0 && partial->m == 10 && partial->d == 7));
    CHECK(partial->length == 6);
    CHECK(date_of("Sept 3")->m == 9);
  }

  TEST_CASE("day-first dates") {
    auto d = date_of("13 October 2023");
    REQUIRE(d);
    CHECK((d->y == 2023 && d->m == 10 && d->d == 13));
    auto ordinal = date_of("7th of October");
    REQUIRE(ordinal);
    CHECK((ordinal->y == 0 && ordinal->m == 10 && ordinal->d == 7));
  }

  TEST_CASE("words that look like months are not dates alone") {
    CHECK_FALSE(date_of("May we").has_value());
    CHECK_FALSE(date_of("March on").has_value());
    CHECK_FALSE(date_of("2023").has_value());
  }
}

}  // namespace tollgate
