#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "test_support.hpp"
#include "trace/trace.hpp"

namespace tollgate {

TEST_SUITE("trace") {
  TEST_CASE("a figure that doubles every day grows 100% a day with a perfect fit") {
    auto fit = trace::fit_growth({{0, 100}, {1, 200}, {2, 400}, {3, 800}});
    REQUIRE(fit);
    CHECK(fit->daily_growth == doctest::Approx(1.0));
    CHECK(fit->r2 == doctest::Approx(1.0));
    CHECK(fit->points == 4);
  }

  TEST_CASE("a flat series grows 0% a day") {
    auto fit = trace::fit_growth({{0, 50}, {2, 50}, {5, 50}});
    REQUIRE(fit);
    CHECK(fit->daily_growth == doctest::Approx(0.0));
  }

  TEST_CASE("too few points, one day only, or a zero give no fit") {
    CHECK_FALSE(trace::fit_growth({{0, 10}, {1, 20}}));
    CHECK_FALSE(trace::fit_growth({{3, 10}, {3, 20}, {3, 30}}));
    CHECK_FALSE(trace::fit_growth({{0, 10}, {1, 0}, {2, 30}}));
  }

  TEST_CASE("timelines put claims in date order and give changes within a series") {
    claims::claim_list cs(3);
    const char* days[] = {"2024-03-06", "2024-03-04", "2024-03-05"};
    const double values[] = {212, 90, 120};
    for (int i = 0; i < 3; ++i) {
      claims::claim_document d;
      d.id = "d";
      d.index = static_cast<std::uint32_t>(i);
      cs[i].set_document(d);
      cs[i].number = static_cast<std::uint32_t>(i + 1);
      cs[i].metric = "killed";
      cs[i].group = "people";
      cs[i].value = values[i];
      cs[i].lo = values[i];
      cs[i].hi = values[i];
      cs[i].as_of = core::date::parse_iso(days[i]);
    }
    const auto t = trace::build(cs);
    REQUIRE(t.size() == 1);
    REQUIRE(t[0].points.size() == 3);
    CHECK(t[0].points[0].claim->id() == "d#2");
    CHECK_FALSE(t[0].points[0].change);
    CHECK(*t[0].points[1].change == 30);
    CHECK(*t[0].points[2].change == 92);
    REQUIRE(t[0].fits.size() == 1);
    CHECK(t[0].fits[0].series() == "killed/people");
  }

  TEST_CASE("a story whose event began after its series' last figure starts another event of that series") {
    // A fire in Orvik in March; a ferry sinks off Orvik in April. The ferry's
    // 12 is no fall from the fire's 46, and each event grows on its own.
    const std::vector<std::pair<std::string, std::string>> stories = {
        {"2024-03-02", "A fire swept through a market in the town of Orvik on Friday, killing 40 people, "
                       "officials said."},
        {"2024-03-03", "The death toll from the market fire in Orvik rose to 46, officials said."},
        {"2024-04-10", "A ferry capsized off the town of Orvik on Tuesday, drowning 12 people, the coast guard said."},
        {"2024-04-11", "The toll in the Orvik ferry sinking rose to 19, the coast guard said."},
        {"2024-04-12", "The toll in the Orvik ferry sinking rose to 25, the coast guard said."}};
    claims::claim_list cs;
    for (std::size_t i = 0; i < stories.size(); ++i) {
      auto doc = test::make_document(stories[i].second, stories[i].first, "story" + std::to_string(i));
      doc.index = static_cast<std::uint32_t>(i);
      for (auto& c : claims::extract(doc, test::builtin_lexicon())) cs.push_back(std::move(c));
    }
    const auto t = trace::build(cs);
    REQUIRE(t.size() == 1);
    REQUIRE(t[0].points.size() == 5);
    CHECK_FALSE(t[0].points[0].event_from);
    CHECK(*t[0].points[1].change == 6);
    CHECK_FALSE(t[0].points[2].change);
    REQUIRE(t[0].points[2].event_from);
    CHECK(t[0].points[2].event_from->iso() == "2024-04-09");
    CHECK(trace::series_of(t[0].points[2]) == "killed/people/Orvik (event from 2024-04-09)");
    CHECK(*t[0].points[3].change == 7);
    // Growth of the ferry's figures only: the fire's two are too few to fit.
    REQUIRE(t[0].fits.size() == 1);
    CHECK(t[0].fits[0].series() == "killed/people/Orvik (event from 2024-04-09)");
    CHECK(t[0].fits[0].points == 3);
  }
}

}  // namespace tollgate
