// Date expressions and their resolution against a fixed publication date.
// Friday 13 October 2023 is the reference unless a case says otherwise.

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/ascii.hpp"
#include "core/date.hpp"
#include "parse/dates.hpp"
#include "test_support.hpp"

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
  TEST_CASE("the whole-text date scan finds each calendar date once, where a month or a figure opens it") {
    auto found = [](const std::string& text) {
      std::vector<std::string> out;
      for (const auto& e : parse::find_calendar_dates(text)) out.push_back(text.substr(e.offset, e.length));
      return out;
    };
    using list = std::vector<std::string>;
    CHECK(found("On Friday, Oct. 13, 2023, and on 12/10 and 2023-10-12, 40 people died.") ==
          list{"Friday, Oct. 13, 2023", "12/10", "2023-10-12"});
    CHECK(found("The 13th of October and 7 March were quiet; September had 30 days.") ==
          list{"13th of October", "7 March"});
    // A month counts only with a figure at most twelve bytes after it.
    CHECK(found("May" + std::string(11, ' ') + "7") == list{"May" + std::string(11, ' ') + "7"});
    CHECK(found("May" + std::string(12, ' ') + "7").empty());
    CHECK(found("Sept 31 and Septembers 3") == list{"Sept 31"});
    CHECK(found("").empty());
  }

  TEST_CASE("month names and their abbreviations are months, lowercase and whole") {
    for (const char* m : {"january", "may", "sept", "sep", "dec", "december"}) CHECK(core::is_month_name(m));
    for (const char* w : {"", "ma", "mayor", "May", "sept.", "decembers", "monday"}) CHECK_FALSE(core::is_month_name(w));
  }

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

namespace tollgate {
namespace {

/// The first and last day of the first expression in `s`, "first..last", or
/// "!" + the problem.
std::string span_of(const std::string& s, const char* ref = "2023-10-13",
                    parse::date_bias bias = parse::date_bias::past) {
  const auto found = parse::find_date_expressions(s);
  if (found.empty()) return "none";
  const auto r = parse::resolve_date(found[0], *core::date::parse_iso(ref), bias);
  return r.value ? r.value->first.iso() + ".." + r.value->last.iso() : "!" + r.problem;
}

}  // namespace

TEST_SUITE("parse") {
  TEST_CASE("Hebrew holidays run from their eve to their last day") {
    CHECK(span_of("Yom Kippur 2023") == "2023-09-24..2023-09-25");
    CHECK(span_of("Rosh Hashanah 2023") == "2023-09-15..2023-09-17");
    CHECK(span_of("Passover 2024") == "2024-04-22..2024-04-30");
    CHECK(span_of("Hanukkah 2023") == "2023-12-07..2023-12-14");
    CHECK(span_of("Purim 2024") == "2024-03-23..2024-03-24");           // Adar II in a leap year
    CHECK(span_of("Yom Ha'atzmaut 2024") == "2024-05-13..2024-05-14");  // moved off a Monday
    CHECK(span_of("since Yom Kippur", "2023-10-13") == "2023-09-24..2023-09-25");
  }

  TEST_CASE("Hijri holidays: observed Eids from the table, the rest arithmetic") {
    CHECK(span_of("Eid al-Fitr 2024") == "2024-04-10..2024-04-10");
    CHECK(span_of("Ramadan 2024") == "2024-03-11..2024-04-09");
    CHECK(span_of("on Eid al-Adha") == "2023-06-28..2023-06-28");
    CHECK(span_of("Eid al-Adha in 2018") == "2018-08-21..2018-08-21");
  }

  TEST_CASE("holidays from tables, and a clear unknown outside their years") {
    CHECK(span_of("Chinese New Year 2024") == "2024-02-10..2024-02-10");
    CHECK(span_of("lunar new year") == "2023-01-22..2023-01-22");
    CHECK(span_of("Diwali 2023") == "2023-11-12..2023-11-12");
    CHECK(span_of("last Diwali") == "2022-10-24..2022-10-24");
    CHECK(span_of("Holi 2024") == "2024-03-25..2024-03-25");
    CHECK(span_of("Parsi New Year 2022") == "2022-08-16..2022-08-16");
    CHECK(span_of("Diwali 2031").rfind("!no date known", 0) == 0);
    CHECK(span_of("Chinese New Year 1985").rfind("!no date known", 0) == 0);
    CHECK(span_of("the ides of March") == "2023-03-15..2023-03-15");
    CHECK(span_of("three days after Easter") == "2023-04-12..2023-04-12");
  }

  TEST_CASE("quarters are their three months") {
    CHECK(span_of("the third quarter") == "2023-07-01..2023-09-30");
    CHECK(span_of("the fourth quarter") == "2023-10-01..2023-12-31");
    CHECK(span_of("Q1 2024") == "2024-01-01..2024-03-31");
    CHECK(span_of("2018Q4") == "2018-10-01..2018-12-31");
    CHECK(span_of("this quarter") == "2023-10-01..2023-12-31");
    CHECK(span_of("last quarter") == "2023-07-01..2023-09-30");
    CHECK(span_of("the third quarter", "2023-02-12", parse::date_bias::past) == "2022-07-01..2022-09-30");
    CHECK(span_of("the third quarter", "2023-02-12", parse::date_bias::future) == "2023-07-01..2023-09-30");
  }

  TEST_CASE("EOM, BOY and the rest of a period") {
    CHECK(span_of("EOM") == "2023-10-21..2023-10-31");
    CHECK(span_of("at the BOY") == "2023-01-01..2023-03-31");
    CHECK(span_of("EOY") == "2023-09-01..2023-12-31");
    CHECK(found_text("the boy was hurt") == "");
    CHECK(span_of("the rest of the week") == "2023-10-13..2023-10-15");
    CHECK(span_of("all week") == "2023-10-09..2023-10-15");
    CHECK(span_of("the end of around next week") == span_of("the end of next week"));
  }

  TEST_CASE("weeks of a month and the week of a date") {
    CHECK(span_of("the last week of September") == "2023-09-24..2023-09-30");
    CHECK(span_of("the first week of October") == "2023-10-01..2023-10-07");
    CHECK(span_of("the week of October 4th") == "2023-10-02..2023-10-08");
    CHECK(span_of("March after next") == "2025-03-01..2025-03-31");
  }

  TEST_CASE("ranges run from their first date to their last") {
    CHECK(span_of("July 13-15") == "2023-07-13..2023-07-15");
    CHECK(span_of("from 13 to 15 July 2022") == "2022-07-13..2022-07-15");
    CHECK(span_of("from the 13th to the 15th of July") == "2023-07-13..2023-07-15");
    CHECK(span_of("between Aug 8 and Aug 12") == "2023-08-08..2023-08-12");
    CHECK(span_of("Aug 28 - Sept 2") == "2023-08-28..2023-09-02");
    CHECK(span_of("Dec 30 - Jan 2", "2024-01-05") == "2023-12-30..2024-01-02");
    CHECK(span_of("1960 - 1961") == "1960-01-01..1961-12-31");
    CHECK(span_of("February 27-30, 2023").rfind("!impossible date", 0) == 0);
    // Two figures with no month are not a range of days.
    const auto figures = parse::find_date_expressions("killed 10-15 people");
    REQUIRE(figures.size() == 1);
    CHECK(figures[0].kind != parse::date_expression_kind::range);
  }

  TEST_CASE("a weekday with a bare day looks for that day of a month") {
    CHECK(span_of("Tuesday 19th") == "2023-09-19..2023-09-19");
  }
}

}  // namespace tollgate

namespace tollgate {

TEST_SUITE("parse") {
  // The date grammar is tried only at words it spells (parse_date_expression's
  // first test). This reads the grammar sources and checks that every word
  // in a string there is known, so that a new keyword cannot be turned away.
  TEST_CASE("every word the date and number grammars spell opens the way to the date grammar") {
    std::size_t checked = 0;
    auto check_word = [&](std::string& word) {
      if (word.empty()) return;
      CHECK_MESSAGE(parse::is_date_grammar_word(word), word);
      ++checked;
      word.clear();
    };
    for (const char* file : {"src/parse/grammar/date_expression_def.hpp", "src/parse/grammar/calendar_names.hpp",
                             "src/parse/grammar/number_def.hpp"}) {
      std::ifstream in(test::source_path(file));
      REQUIRE(in);
      std::string line;
      while (std::getline(in, line)) {
        if (line.starts_with("#include")) continue;  // a file name, not matched text
        line = line.substr(0, line.find("//"));  // comments are no grammar (and hold no quotes here)
        bool in_string = false;
        std::string word;
        for (std::size_t i = 0; i <= line.size(); ++i) {
          const char c = i < line.size() ? line[i] : '"';
          if (in_string && c == '\\' && i + 1 < line.size()) {
            // An escape ("\xE2", "\"") is no letter; skip its hex digits too.
            check_word(word);
            i += line[i + 1] == 'x' ? 3 : 1;
            continue;
          }
          if (c == '"') {
            check_word(word);
            if (i < line.size()) in_string = !in_string;
            continue;
          }
          // A letter in single quotes ('q' in "Q1 2024") is matched text too.
          if (!in_string && c == '\'' && i + 2 < line.size() && line[i + 2] == '\'' && core::is_alpha(line[i + 1])) {
            std::string letter(1, core::to_lower(line[i + 1]));
            check_word(letter);
            i += 2;
            continue;
          }
          if (!in_string) continue;
          if (core::is_alpha(c)) {
            word += core::to_lower(c);
          } else {
            check_word(word);
          }
        }
      }
    }
    CHECK(checked > 500);
  }

  TEST_CASE("the date gate's shortcut gives what the grammar gives, at every word of the fixtures") {
    std::vector<std::string> texts = test::fixture_texts();
    REQUIRE(texts.size() > 50);
    // Each word the shortcut looks past, before words that open a date, words
    // that do not, punctuation, a second such word, and the end.
    texts.push_back(
        "the day before, the day after tomorrow, the previous day, the past week, the 13th, the 13th of May, "
        "the number, the, the. the\tlast week, in May, in 2014, in two weeks, in the, in, on Tuesday, on the "
        "13th, on, of May, of the week, a week ago, a few days ago, a couple of days later, an hour, a, an. "
        "at the end of May, at the BOY, at the start of 2020, at, and May 5, to May 5, as of Friday, as, we "
        "did, after Christmas, after today, after the, since Monday, since 2020, since the war, since, "
        "from now, from today, from 3 to 5 May, from the border, from, between 3 and 5 May, between the, "
        "between, by Friday, by the end of May, by, for the past two weeks, for two days, for, the\n13th, "
        "the  day before, the midOctober, in midOctober, the twentyfirst, THE DAY BEFORE, In May, Since Monday");
    // A weekday or "today" alone, and what may carry it into more.
    texts.push_back(
        "Friday, officials said. On Friday the army left. Friday the 13th, Friday, Oct. 13, Fri. 13 Oct, "
        "Friday 13th, Friday 7/6, Friday - Oct 13, Friday (Oct 13), Friday of next week, Friday next week, "
        "Friday after next, Friday after the raid, Thursday of mysteries, Monday of the holy spirit, Monday of "
        "this week, Sunday in the past week, Sunday from last week, Sundays, Sunday's raid, Sunday\nOctober "
        "13, Sunday ,May 5, Sunday first of May, Sunday twenty-first, Sunday thirtieth, Sat down, wed to, "
        "Thurs., Tues, Wed.\tJune 4, Sunday_x, Friday3, today, today's, todays, yesterday, Yesterday's, "
        "tomorrow, tomorrows, tomorrow\u2019s, yesterday evening, today 5 May, Friday\tevening, Saturday "
        "internationally, FRIDAY, friday. Friday, the ministry said. Friday the\tfirst, Friday the  13th, "
        "Friday, the 3rd, Friday, the, Friday the-13th, Friday the\n13th, Friday the twentyfirst, "
        "Saturday. The five-storey building, Friday the three, Friday the one, Friday the two, "
        "midOctober, mid-October, twentyfirst of May, thirtyfirst, thirtysomething, middle, midst, "
        "them, civilians, without, forces, Mayday, Decembers, twentyone, Easterly, Thanksgivings.");
    // Words of the grammars that open nothing, and the first words of every
    // kind of expression, alone and before a date's words.
    texts.push_back(
        "the number of, The number, number of, a figure, a date, was the, It was, the previous day, the day "
        "before, ago, two days ago, forty days later, million, half a day, the year, year 2014, weeks ago, "
        "yom kippur, Yom Kippur 2020, civil rights day, the civil war, eve of, new year's eve, great fast, "
        "holy week, st patrick's day, night of power, the prophet's ascension, around May 5, over the weekend, "
        "this weekend, before Friday, until Monday, through May, quarter of, the third quarter, Q3 2018, "
        "point 5, the whole day, the final day, the digits, the head of, zero days, a month ago, the month of "
        "May, all week, the rest of the week, early May, mid-May, late May, earlier this week, later this "
        "month, the end of May, beginning of next week, EOM, at the BOY, the last week of September, last day "
        "of October, next March, the last 2 days, the first Friday of July, 3 fridays from now, in 2 weeks, "
        "three days after Easter, the week of October 7th, Lent 2020, during March, in 2014, the 27th, 22nd.");
    std::size_t compared = 0;
    for (const auto& text : texts) {
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (i > 0 && core::is_alnum(text[i - 1])) continue;  // word starts only
        const auto fast = parse::parse_date_expression(text, i);
        parse::use_date_shortcuts(false);
        const auto slow = parse::parse_date_expression(text, i);
        parse::use_date_shortcuts(true);
        // The shortcuts turn the grammar away or read a lone day word as it would.
        const bool same_parts =
            !fast || !slow ||
            (fast->kind == slow->kind && fast->weekday == slow->weekday && fast->count == slow->count &&
             fast->relation == slow->relation && fast->relation_written == slow->relation_written &&
             fast->week_written == slow->week_written && fast->base == slow->base && fast->year == slow->year &&
             fast->month == slow->month && fast->day == slow->day && fast->since == slow->since);
        if (fast.has_value() != slow.has_value() || (fast && fast->length != slow->length) || !same_parts) {
          CAPTURE(text.substr(i, 40));
          CHECK(fast.has_value() == slow.has_value());
          CHECK(same_parts);
        }
        ++compared;
      }
    }
    MESSAGE(texts.size() << " texts, " << compared << " word starts compared");
    CHECK(compared > 10000);
  }
}

}  // namespace tollgate
