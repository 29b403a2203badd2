#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <vector>

#include "core/compact_optional.hpp"
#include "core/date.hpp"
#include "core/stored_text.hpp"
#include "core/symbol.hpp"

namespace tollgate {

TEST_SUITE("core") {
  TEST_CASE("stored text reads back the same bytes before and after it is spilled") {
    // Lengths around the cache's 64 KiB blocks, so that texts start and end
    // inside a block, on its edge, and span several; bytes of every value.
    std::vector<std::string> originals;
    for (std::size_t n : {0, 1, 15, 200, 65535, 65536, 65537, 200000, 3}) {
      std::string s(n, '\0');
      for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + n) % 256);
      originals.push_back(s);
    }
    std::vector<core::stored_text> texts;
    for (const auto& s : originals) texts.emplace_back(s);
    for (std::size_t i = 0; i < texts.size(); ++i) CHECK(texts[i].str() == originals[i]);
    for (auto& t : texts) t.spill();
    for (std::size_t i = 0; i < texts.size(); ++i) {
      CAPTURE(i);
      CHECK(texts[i].spilled() == !originals[i].empty());
      CHECK(texts[i].size() == originals[i].size());
      CHECK(texts[i].str() == originals[i]);
    }
    // Out of order, and after more text was written behind them.
    core::stored_text later("written after the first reads");
    later.spill();
    for (std::size_t i = texts.size(); i-- > 0;) CHECK(texts[i].str() == originals[i]);
    CHECK(later.str() == "written after the first reads");
  }

  TEST_CASE("stored text copies and moves keep their text") {
    core::stored_text held("in memory");
    core::stored_text spilled("on disk");
    spilled.spill();
    core::stored_text a = held, b = spilled;
    CHECK(a.str() == "in memory");
    CHECK(b.str() == "on disk");
    core::stored_text c = std::move(a);
    CHECK(c.str() == "in memory");
    CHECK(a.empty());  // NOLINT: a moved-from text is empty
    c = b;
    CHECK(c.str() == "on disk");
    c = core::stored_text("again");
    CHECK(c.str() == "again");
    CHECK(held.str() == "in memory");
  }

  TEST_CASE("a compact optional reads like std::optional") {
    core::compact_optional<double> none;
    CHECK_FALSE(none);
    CHECK(none.value_or(7) == 7);
    CHECK(none == std::nullopt);
    core::compact_optional<double> zero = 0.0;
    REQUIRE(zero.has_value());
    CHECK(*zero == 0);
    CHECK(zero == 0.0);
    CHECK(zero != none);
    const std::optional<double> back = zero;
    CHECK(back == 0.0);
    zero.reset();
    CHECK_FALSE(zero.has_value());

    core::compact_optional<core::symbol> place;
    CHECK_FALSE(place);
    place = std::optional<std::string>("Gaza");
    REQUIRE(place);
    CHECK(place->str() == "Gaza");
    CHECK(place == "Gaza");
    // The empty symbol is a value, not the absence of one.
    core::compact_optional<core::symbol> empty = core::symbol();
    CHECK(empty.has_value());
    CHECK(sizeof(place) == sizeof(core::symbol));
    CHECK(sizeof(core::compact_optional<double>) == sizeof(double));
    CHECK(sizeof(core::compact_optional<core::date>) == sizeof(core::date));
  }

  TEST_CASE("a compact optional date holds every date a day count can reach") {
    core::compact_optional<core::date> none;
    CHECK_FALSE(none);
    // The earliest day from_days gives is a date, not "no date".
    const core::compact_optional<core::date> earliest = core::date::from_days(std::numeric_limits<long>::min());
    REQUIRE(earliest);
    CHECK(*earliest < core::date::from_days(0));
    const core::compact_optional<core::date> day = core::date::parse_iso("2023-10-27");
    REQUIRE(day);
    CHECK(day->iso() == "2023-10-27");
    CHECK(day == *core::date::parse_iso("2023-10-27"));
  }

  TEST_CASE("stored text is one word, and a text too long for its spilled form stays in memory") {
    CHECK(sizeof(core::stored_text) == 8);
    std::string big(std::size_t{1} << 24, 'x');
    big.back() = 'y';
    core::stored_text text(big);
    text.spill();
    CHECK_FALSE(text.spilled());
    CHECK(text.size() == big.size());
    CHECK(text.str() == big);
    // One byte shorter fits, and reads back the same.
    big.pop_back();
    core::stored_text fits(big);
    fits.spill();
    CHECK(fits.spilled() == core::stored_text::spill_failure().empty());
    CHECK(fits.size() == big.size());
    CHECK(fits.str() == big);
  }
}

}  // namespace tollgate
