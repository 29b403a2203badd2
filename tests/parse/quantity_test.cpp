// Every form of issue 3 with its exact value and interval, and every form
// that is not a count with a test that it yields no count.

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "claims/claims.hpp"
#include "core/ascii.hpp"
#include "parse/parse.hpp"
#include "text/text.hpp"
#include "test_support.hpp"

namespace tollgate {
namespace {

const parse::quantity_lexicon& lex() { return *test::builtin_lexicon().quantities; }

// The one numeral that covers the whole input, or NaN.
double numeral(std::string_view s) {
  auto found = parse::find_numerals(s);
  if (found.size() != 1 || found[0].offset != 0 || found[0].length != s.size()) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  return found[0].value;
}

// The quantity at `pos` that covers the rest of the input.
std::optional<parse::quantity> whole_quantity(std::string_view s, std::size_t pos = 0) {
  auto q = parse::parse_quantity(s, pos, lex());
  if (q && q->offset + q->length != s.size()) return std::nullopt;
  return q;
}

constexpr double inf = std::numeric_limits<double>::infinity();

struct interval_case {
  const char* text;
  double value;  // NaN: none (ranges)
  double lo;
  double hi;     // inf: unbounded
  const char* qualifier;
};

void check_interval(const interval_case& e) {
  CAPTURE(std::string(e.text));
  auto q = whole_quantity(e.text);
  REQUIRE(q);
  CHECK(q->is_count());
  CHECK(q->qualifier == e.qualifier);
  if (std::isnan(e.value)) {
    CHECK_FALSE(q->value.has_value());
  } else {
    REQUIRE(q->value.has_value());
    CHECK(*q->value == doctest::Approx(e.value));
  }
  CHECK(q->lo == doctest::Approx(e.lo));
  if (std::isinf(e.hi)) {
    CHECK_FALSE(q->hi.has_value());
  } else {
    REQUIRE(q->hi.has_value());
    CHECK(*q->hi == doctest::Approx(e.hi));
  }
}

}  // namespace

TEST_SUITE("parse") {
  TEST_CASE("digits with every grouping mark") {
    CHECK(numeral("1,200") == 1200);
    CHECK(numeral("1 200") == 1200);
    CHECK(numeral("1\xE2\x80\x89" "200") == 1200);  // thin space
    CHECK(numeral("1\xC2\xA0" "200") == 1200);      // no-break space
    CHECK(numeral("1\xE2\x80\xAF" "200") == 1200);  // narrow no-break space
    CHECK(numeral("1 234 567") == 1234567);
    CHECK(numeral("1,234,567") == 1234567);
    CHECK(numeral("12,34,567") == 1234567);  // South Asian grouping
    CHECK(numeral("8700") == 8700);
    CHECK(numeral("2.3") == doctest::Approx(2.3));
    CHECK(numeral(".5") == doctest::Approx(0.5));
  }

  TEST_CASE("a space is grouping only before exactly three digits") {
    auto found = parse::find_numerals("423 0000");
    REQUIRE(found.size() == 2);
    CHECK(found[0].value == 423);
  }

  TEST_CASE("scale words and abbreviations") {
    CHECK(numeral("2.3 million") == doctest::Approx(2.3e6));
    CHECK(numeral("1.2 thousand") == doctest::Approx(1200));
    CHECK(numeral("1.4 million") == doctest::Approx(1.4e6));
    CHECK(numeral("4 thousand") == 4000);
    CHECK(numeral("3bn") == 3e9);
    CHECK(numeral("3 bn") == 3e9);
    CHECK(numeral("4k") == 4000);
    CHECK(numeral("1.2M") == doctest::Approx(1.2e6));
    CHECK(numeral("2mil") == 2e6);
    CHECK(numeral("10 bln") == 1e10);
    CHECK(numeral("1,674.5 million") == doctest::Approx(1674.5e6));
  }

  TEST_CASE("South Asian units") {
    CHECK(numeral("1.5 lakh") == doctest::Approx(150000));
    CHECK(numeral("2 crore") == 2e7);
    CHECK(numeral("12 lakhs") == 1.2e6);
    CHECK(numeral("three lakh crore") == 3e12);
    CHECK(numeral("three crore twelve lakh fifty-six thousand seven hundred twenty-one") == 31256721);
  }

  TEST_CASE("spelled-out numbers to the billions") {
    CHECK(numeral("twenty-one") == 21);
    CHECK(numeral("twenty one") == 21);
    CHECK(numeral("one thousand four hundred and five") == 1405);
    CHECK(numeral("one thousand four hundred five") == 1405);
    CHECK(numeral("two hundred and two thousand") == 202000);
    CHECK(numeral("seven hundred twenty-one thousand and twelve") == 721012);
    CHECK(numeral("two billion three hundred million") == 2.3e9);
    CHECK(numeral("thirty-one million two hundred fifty-six thousand seven hundred twenty-one") == 31256721);
    CHECK(numeral("a hundred") == 100);
    CHECK(numeral("a thousand") == 1000);
    CHECK(numeral("zero") == 0);
  }

  TEST_CASE("dozens and halves of scales") {
    CHECK(numeral("a dozen") == 12);
    CHECK(numeral("two dozen") == 24);
    CHECK(numeral("half a dozen") == 6);
    CHECK(numeral("half a million") == 500000);
    CHECK(numeral("quarter million") == 250000);
    CHECK(numeral("one and a half million") == 1.5e6);
    CHECK(numeral("3 million and a half") == 3.5e6);
  }

  TEST_CASE("mixed digits and words") {
    CHECK(numeral("3 hundred and 21") == 321);
    CHECK(numeral("4 thousand 3 hundred and 21") == 4321);
    CHECK(numeral("322 hundred") == 32200);
  }

  TEST_CASE("a scaled figure and half-a-million are counts") {
    for (const char* text : {"2.3 million", "half a million", "1.4 million", "3bn", "a dozen"}) {
      CAPTURE(std::string(text));
      auto q = whole_quantity(text);
      REQUIRE(q);
      CHECK(q->is_count());
    }
  }

  TEST_CASE("zero: no one, none of, no deaths") {
    struct zero_case {
      const char* text;
      const char* phrase;
    };
    for (auto e : {zero_case{"no deaths were reported", "no"}, {"No one was killed", "No one"},
                   {"none of the passengers", "none"}, {"Nobody was hurt", "Nobody"}}) {
      CAPTURE(std::string(e.text));
      auto q = parse::parse_quantity(e.text, 0, lex());
      REQUIRE(q);
      CHECK(q->is_count());
      CHECK(q->value == 0);
      CHECK(q->lo == 0);
      CHECK(q->hi == 0);
      CHECK(q->qualifier == "exact");
      CHECK(std::string_view(e.text).substr(q->offset, q->length) == e.phrase);
    }
  }

  TEST_CASE("no before a qualifier is the qualifier, not zero") {
    auto q = whole_quantity("no fewer than 40");
    REQUIRE(q);
    CHECK(q->qualifier == "at_least");
    CHECK(q->lo == 40);
    CHECK_FALSE(parse::parse_quantity("No. 1", 0, lex()));
  }

  TEST_CASE("no one was killed is a killed claim of 0") {
    auto claims = claims::extract(test::make_document("No one was killed in the blast."), test::builtin_lexicon());
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].metric == "killed");
    CHECK(claims[0].value == 0);
    CHECK(claims[0].lo == 0);
    CHECK(claims[0].hi == 0);
    auto none = claims::extract(test::make_document("None of the passengers were injured."), test::builtin_lexicon());
    REQUIRE(none.size() == 1);
    CHECK(none[0].metric == "injured");
    CHECK(none[0].value == 0);
  }

  TEST_CASE("qualifiers give the intervals of DESIGN's table") {
    for (auto e : {
             interval_case{"1,200", 1200, 1200, 1200, "exact"},
             {"exactly 40", 40, 40, 40, "exact"},
             {"at least 7,326", 7326, 7326, inf, "at_least"},
             {"no fewer than 7,326", 7326, 7326, inf, "at_least"},
             {"no less than 30", 30, 30, inf, "at_least"},
             {"more than 2,800", 2800, 2801, inf, "more_than"},
             {"over 2,800", 2800, 2801, inf, "more_than"},
             {"upwards of 2,800", 2800, 2801, inf, "more_than"},
             {"in excess of 2,800", 2800, 2801, inf, "more_than"},
             {"nearly 4,000", 4000, 3600, 4000, "nearly"},
             {"almost 4,000", 4000, 3600, 4000, "nearly"},
             {"close to 4,000", 4000, 3600, 4000, "nearly"},
             {"just under 4,000", 4000, 3600, 4000, "nearly"},
             {"about 1,200", 1200, 1080, 1320, "about"},
             {"around 1,200", 1200, 1080, 1320, "about"},
             {"approximately 1,200", 1200, 1080, 1320, "about"},
             {"some 1,200", 1200, 1080, 1320, "about"},
             {"an estimated 1,200", 1200, 1080, 1320, "about"},
             {"roughly 1,200", 1200, 1080, 1320, "about"},
             {"up to 300", 300, 0, 300, "at_most"},
             {"as many as 300", 300, 0, 300, "at_most"},
             {"at most 300", 300, 0, 300, "at_most"},
             {"fewer than 300", 300, 0, 299, "fewer_than"},
             {"less than 300", 300, 0, 299, "fewer_than"},
             {"under 300", 300, 0, 299, "fewer_than"},
             {"40 or more", 40, 40, inf, "at_least"},
             {"40 or fewer", 40, 0, 40, "at_most"},
             {"more than 40 or equal to", 40, 40, inf, "at_least"},
         }) {
      check_interval(e);
    }
  }

  TEST_CASE("ranges in every written form") {
    const double none = std::numeric_limits<double>::quiet_NaN();
    for (const char* text : {"between 100 and 300", "100 to 300", "100-300", "100\xE2\x80\x93" "300",
                             "100 \xE2\x80\x93 300", "from 100 to 300", "100 through 300", "100~300",
                             "between one hundred and three hundred"}) {
      check_interval({text, none, 100, 300, "range"});
    }
    check_interval({"5k-20k", none, 5000, 20000, "range"});
    check_interval({"between 1,000 and 1,500", none, 1000, 1500, "range"});
  }

  TEST_CASE("two bounds make one interval") {
    const double none = std::numeric_limits<double>::quiet_NaN();
    check_interval({"more than 100 and fewer than 300", none, 101, 299, "range"});
    check_interval({"at most 300 and at least 100", none, 100, 300, "range"});
    auto q = whole_quantity("more than 100 and fewer than 300");
    REQUIRE(q);
    CHECK(q->compound);
    REQUIRE(q->lower);
    CHECK(q->lower->value == 100);
    CHECK_FALSE(q->lower->inclusive);
    // Inconsistent bounds stay two quantities.
    auto first = parse::parse_quantity("more than 40 and less than 10", 0, lex());
    REQUIRE(first);
    CHECK(first->qualifier == "more_than");
    CHECK(first->length == std::string_view("more than 40").size());
  }

  TEST_CASE("an approximate word before a range leaves the range") {
    auto q = whole_quantity("about 20-30");
    REQUIRE(q);
    CHECK(q->qualifier == "range");
    CHECK(q->offset == 6);
  }

  TEST_CASE("vague quantities with their intervals") {
    struct vague_case {
      const char* text;
      double lo;
      double hi;
    };
    for (auto e : {vague_case{"a handful", 2, 9}, {"a few", 2, 9}, {"several", 3, inf}, {"dozens", 24, inf},
                   {"scores", 40, inf}, {"hundreds", 200, inf}, {"thousands", 2000, inf},
                   {"tens of thousands", 20000, inf}, {"hundreds of thousands", 200000, inf}}) {
      CAPTURE(std::string(e.text));
      auto q = whole_quantity(e.text);
      REQUIRE(q);
      CHECK(q->vague);
      CHECK(q->qualifier == "vague");
      CHECK_FALSE(q->value.has_value());
      CHECK(q->lo == e.lo);
      if (std::isinf(e.hi)) CHECK_FALSE(q->hi.has_value());
      else CHECK(q->hi == e.hi);
    }
  }

  TEST_CASE("what is not a count is never taken for one") {
    using parse::not_a_count;
    struct not_count_case {
      const char* text;
      std::size_t pos;  // where the figure starts
      not_a_count why;
    };
    for (auto e : {
             not_count_case{"the 71st anniversary", 4, not_a_count::ordinal},
             {"for the third time", 8, not_a_count::ordinal},
             {"15% of residents", 0, not_a_count::percentage},
             {"15 per cent of residents", 0, not_a_count::percentage},
             {"a third of the victims", 0, not_a_count::fraction},
             {"3/4 of the city", 0, not_a_count::fraction},
             {"half of them", 0, not_a_count::fraction},
             {"two thirds of the dead", 0, not_a_count::fraction},
             {"$3 million in aid", 1, not_a_count::money},
             {"3 million dollars", 0, not_a_count::money},
             {"\xE2\x82\xAC" "33 million", 3, not_a_count::money},
             {"\xC2\xA3" "1.2 billion", 2, not_a_count::money},
             {"\xC2\xA5" "500 a night", 2, not_a_count::money},
             {"\xE2\x82\xB9" "500 a month", 3, not_a_count::money},
             {"$ 500 in aid", 2, not_a_count::money},
             {"in 2023 the war", 3, not_a_count::year},
             {"since 1948,", 6, not_a_count::year},
             {"on 5/17/2018", 3, not_a_count::date},
             {"2023-10-12", 0, not_a_count::date},
             {"at 10:30", 3, not_a_count::time},
             {"at 3 pm", 3, not_a_count::time},
             {"call +1-222-2222", 6, not_a_count::phone},
             {"a 71-year-old man", 2, not_a_count::age},
             {"aged 71", 5, not_a_count::age},
             {"71 years old", 0, not_a_count::age},
             {"No. 1 seed", 4, not_a_count::rank},
             {"#3 in the list", 1, not_a_count::rank},
             {"ranked 5", 7, not_a_count::rank},
             {"see https://news.example/2023/10/13/story", 25, not_a_count::url},
             {"SCP-173", 4, not_a_count::identifier},
             {"flight 370", 7, not_a_count::identifier},
             {"192.168.1.2", 0, not_a_count::identifier},
             {"the 180ml bottle", 4, not_a_count::measure},
             {"29 km away", 0, not_a_count::measure},
             {"the one who", 4, not_a_count::pronoun},
             {"-5 degrees", 0, not_a_count::negative},
             {"a 7.8 quake", 2, not_a_count::decimal},
             {"1.3e6", 0, not_a_count::exponent},
             {"the 1990s", 4, not_a_count::decade},
         }) {
      CAPTURE(std::string(e.text));
      auto q = parse::parse_quantity(e.text, e.pos, lex());
      REQUIRE(q);
      CHECK_FALSE(q->is_count());
      CHECK(parse::name_of(q->rejected) == std::string(parse::name_of(e.why)));
    }
  }

  TEST_CASE("not-a-count forms give no claims") {
    const char* text =
        "The 71-year-old was among 15% of residents, a third of whom fled in 2023. "
        "The 3rd convoy of $3 million arrived at 10:30 on 5/17/2018; call +1-222-2222.";
    CHECK(claims::extract(test::make_document(text), test::builtin_lexicon()).empty());
  }

  TEST_CASE("fractions, powers and signs as numerals") {
    CHECK(numeral("two thirds") == doctest::Approx(2.0 / 3));
    CHECK(numeral("one hundred and three quarters") == doctest::Approx(100.75));
    CHECK(numeral("one hundred thirty fifths") == doctest::Approx(100.0 / 35));
    CHECK(numeral("one and a half") == doctest::Approx(1.5));
    CHECK(numeral("3/4") == doctest::Approx(0.75));
    CHECK(numeral("2 1/4") == doctest::Approx(2.25));
    CHECK(numeral("\xC2\xBD") == doctest::Approx(0.5));
    CHECK(numeral("1.3e6") == doctest::Approx(1.3e6));
    CHECK(numeral("1.1^23") == doctest::Approx(std::pow(1.1, 23)));
    CHECK(numeral("-1,200,000") == -1.2e6);
    CHECK(numeral("minus five") == -5);
    CHECK(numeral("two hundred point zero three") == doctest::Approx(200.03));
    CHECK(numeral("forty-five (45)") == 45);
    CHECK(numeral("1 point 1") == doctest::Approx(1.1));
    auto at_one_point = parse::find_numerals("at one point 40 people");
    REQUIRE(at_one_point.size() == 2);
    CHECK(at_one_point[1].value == 40);
  }

  TEST_CASE("numbers in a dotted or dashed sequence are read one by one") {
    auto found = parse::find_numerals("192.168.1.2");
    REQUIRE(found.size() == 4);
    CHECK(found[3].value == 2);
    auto list = parse::find_numerals("nrs. 22,24,26,31.");
    REQUIRE(list.size() == 4);
    CHECK(list[3].value == 31);
  }

  TEST_CASE("article words alone are no numbers") {
    for (const auto& m : parse::find_numerals("a first class seat")) {
      CHECK(m.rejected == parse::not_a_count::ordinal);  // "first", never "a first" = 1/1
    }
    CHECK(parse::find_numerals("an apple and a pear").empty());
    CHECK(parse::find_numerals("a next of kin").empty());
  }
}

}  // namespace tollgate

namespace tollgate {
namespace {

std::string describe(const std::optional<parse::quantity>& q) {
  if (!q) return "none";
  std::ostringstream out;
  out << q->offset << '+' << q->length << " figure " << q->number_offset << '+' << q->number_length << " value "
      << (q->value ? std::to_string(*q->value) : "-") << " [" << q->lo << ", " << (q->hi ? std::to_string(*q->hi) : "inf")
      << "] " << q->qualifier << (q->vague ? " vague" : "") << (q->compound ? " compound" : "") << " lower "
      << (q->lower ? std::to_string(q->lower->value) + (q->lower->inclusive ? "i" : "x") : "-") << " upper "
      << (q->upper ? std::to_string(q->upper->value) + (q->upper->inclusive ? "i" : "x") : "-") << " "
      << parse::name_of(q->rejected);
  return out.str();
}

}  // namespace

TEST_SUITE("parse") {
  TEST_CASE("the quantity reader's shortcuts give what the grammar gives, at every word of the fixtures") {
    std::vector<std::string> texts = test::fixture_texts();
    REQUIRE(texts.size() > 50);
    // Forms next to the shortcuts' edges, each after a plain figure.
    texts.push_back(
        "99 civilians. 4,089 buildings, 1,200,000 people; 12,34,567 rupees 1,3 million 1.5 million 3 hundred "
        "5 dozen 2.33 k 12 point 5 2000 over 3 40 000 people 2 1/4 1 ¾ 45 (45) 5-10 5 to 10 5 through 8 5 ~ 9 "
        "5 – 9 13th 1990's 99-year-old 10% 7 and a half 7 lakh 3 crore 21 Thousand 2 Million 2 M 2 K 2 G "
        "5,00 20,000.5 10,000,000,000,000,000 1234567890123456789 3 thousandths 99\n100 (99) 7) 8] 9! 10? 11: "
        "12\" 13' 0 no one 1,00,000 2,000,00 3,000 4.0 5. 6 ,7 .5 at least 5 more than 1,000 nearly 300. "
        "A hundred, a couple of, a pair, a third, a 100 million, an attack, a half, a dozen, a quarter, a-hundred, "
        "a fifths, a seconds, an eighth, a thousand and a half, a and, a. an");
    // Forms next to the spelled figure's and the range words' edges.
    texts.push_back(
        "three people, Twenty. two to three, two through four, two thru 4, two - three, two-three, two ~ 3, "
        "two \xE2\x80\x93 three, twenty one, twenty-one, forty (40), three hundred, one and a half, two thirds, "
        "seven seconds, five dozen, five doz. one over twenty, three 4, nine point five, nine .5, three's, "
        "eleven\tdays, Nineteen\nsaid, seventeen_x, seventeenth, sixty6, ten million, ten k, ten a day, "
        "from the border, from three to five, from 3 to 5, from\tthe tenth to the twelfth, fromage 5, "
        "between the tenth and the twelfth, between two and five, between us, the tenth to the twelfth, "
        "the 13th to the 15th, the border, there, these 5, from, between, the, up from 88 a day earlier, "
        "from 5 - 9, from five - nine, from 5 ~ 9, from 5 thru 9, from 5\xE2\x80\x93" "9, from 1,200 to 1,500, "
        "from 5 million to 6 million, from 12 killed, from two hundred to three hundred");
    // Forms next to the edges of the checks after a figure (units, currency,
    // percentages, ages, times) and of the qualifiers after it.
    texts.push_back(
        "5 dollars, 5 Dollars, 5 dollarization, 5 dollar5, 5 per cent, 5 percentage, 5 percentages, 5 pct. "
        "5 years old, 5 year olds, 5 months old, 5 am, 5 amid, 5 a.m. 5 p.m 5 GMT, 5 o'clock, 5 o clock, "
        "5 local time, 5 localities, 5 pounds sterling, 5 pounds, 5 yen, 5 yenta, 5 Percentages. "
        "5 internationalisation, 5 or more, 5 Or More, 5  or more, 5\tor more, 5 ormore, 5 plus, 5 plush, "
        "5 and above, 5 or fewer than 9, more than 5 or equal to, 5 o");
    // Forms next to the edges of the range check and of a figure's hyphen.
    texts.push_back(
        "half-mast across, half - mast, first time, first-time, first to third, first - third, 18-year-old, "
        "5-fold, 3-D, 1-million, 2-thousand, 20% of, 20%, 20 %, 5-10, 5 -10, 5- 10, 5-ten, 5-Ten, 5-the "
        "tenth, 5 - minus 3, 5 to -3, five-storey, ten-twenty, twenty-one to thirty, one hundred and five "
        "to two hundred, one hundred and five people, two-thousand thirds, a half-dozen, seconds-thirds, "
        "ten-seconds, ten-halves, three-quarters, three quarters-four, 4k-5k, 4k to 5k, 13th-14th, "
        "one \xE2\x80\x93 two, one \xE2\x80\x94 two, one ~ two, nine thru ten, nine Through ten, nine to "
        "the, nine to then, ninety-nine-year, 7-\xC2\xBD, 7-.5, dozens-fold, point-blank, ten abcdefghijklmnopq "
        "to twenty");
    // Ranges of two plain figures next to the edges of their shortcut.
    texts.push_back(
        "between 10 and 15 people, between 10 and 15 million, between 1,200 and 1,500, between 10 and 1.5, "
        "between 1 234 and 5, between 10 hundred and 20, Between 10 And 15, between  10  and  15, between 10 "
        "andy 15, between10 and 15, 10 to 15, 10 To 15, 10 to 15.5, 10 to 15k, 10 to 15%, 10 to 15-year-olds, "
        "10 tomorrow, 10 to (15), 10 to 2 1/4, 10 to the 15th, 10-15, 10 - 15, 10 -15, 10- 15, 10~15, "
        "10\xE2\x80\x93" "15, 10 \xE2\x80\x94 15, 10-15-20, 2023-10-12, 1-222-2222, 10-15/20, 10-15.5, "
        "10-15\xE2\x80\x93" "20, 10 through 15, 10 thru 15, 10 throughout 15, from 10 to 15, from  10 to 15, "
        "from10 to 15, 10 k to 20, 10 million to 20, 10 \xC2\xBD to 20, 10th to 15th, 1,2345 to 5, 12,34,567 "
        "to 8, 1,200,000 to 1,500,000, 1,200,0000 to 5, from a stampede, from an estimated 40, from a dozen to "
        "20, the 25 announced, the 25th to the 30th, the 25 th, between a and b, between a dozen and 20");
    for (const char* end : {"from ", "between ", "between 10 and", "10 to", "10-", "from 10 to "}) texts.push_back(end);
    const auto& lexicon = *test::builtin_lexicon().quantities;
    std::size_t compared = 0;
    for (const auto& text : texts) {
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (i > 0 && core::is_alnum(text[i - 1])) continue;  // word starts only
        parse::use_quantity_shortcuts(true);
        const std::string fast = describe(parse::parse_quantity(text, i, lexicon));
        parse::use_quantity_shortcuts(false);
        const std::string slow = describe(parse::parse_quantity(text, i, lexicon));
        parse::use_quantity_shortcuts(true);
        if (fast != slow) {
          CAPTURE(text.substr(i, 40));
          CHECK(fast == slow);
        }
        ++compared;
      }
    }
    MESSAGE(texts.size() << " texts, " << compared << " word starts compared");
    CHECK(compared > 10000);
  }

  TEST_CASE("a word the look ahead turns away starts no quantity, at every word of the fixtures") {
    std::vector<std::string> texts = test::fixture_texts();
    REQUIRE(texts.size() > 50);
    // The first words of the lexicon's longer phrases, followed and not.
    texts.push_back(
        "in excess of 300, in the region, In Excess of 3, at least 5, at the site, At Least 5, at  least 5, "
        "at\tleast 5, at leastwise 5, at least5, at most 9, as many as 40, as well, up to 20, up from 8, "
        "tens of thousands, tens of, well over 100, well, close to 50, close by, just under 20, just shy of 9, "
        "more than 10, more or equal than 5, more people, an estimated 40, an approximate 7, an attack, "
        "a handful, a few, a minimum of 3, a maximum of 4, a convoy, no fewer than 9, not more than 8, not "
        "yet, greater than or equal to 6, equal to or more than 2, or so 40, or more, between 10 and 15, "
        "between us, from 3 to 5, from the border, from, at, in, a, upwards of 70, upwards");
    const auto& lexicon = *test::builtin_lexicon().quantities;
    std::size_t turned_away = 0;
    for (const auto& text : texts) {
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (!core::is_alpha(text[i]) || (i > 0 && core::is_alnum(text[i - 1]))) continue;  // words only
        std::size_t end = i;
        while (end < text.size() && core::is_alpha(text[end])) ++end;
        const std::string word = text::normalize_word(std::string_view(text).substr(i, end - i));
        if (!lexicon.may_start_quantity(word) || lexicon.may_start_quantity_at(text, i, word)) continue;
        ++turned_away;
        parse::use_quantity_shortcuts(false);
        const std::string slow = describe(parse::parse_quantity(text, i, lexicon));
        parse::use_quantity_shortcuts(true);
        if (slow != "none") {
          CAPTURE(text.substr(i, 40));
          CHECK(slow == "none");
        }
      }
    }
    MESSAGE(turned_away << " words turned away");
    CHECK(turned_away > 500);
  }
}

}  // namespace tollgate
