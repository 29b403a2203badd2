#pragma once

// Date expressions in running text ("Oct. 7", "last Friday", "two days ago",
// "earlier this month", "since Saturday") and their resolution against a
// reference day, usually the publication date. The grammar behind
// parse_date_expression is X3 (grammar/date_expression*); resolution is
// plain calendar arithmetic. Nothing here includes Boost.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace tollgate::parse {

/// What an expression names. The numbering is shared with the grammar.
enum class date_expression_kind {
  none,
  calendar,            // year/month/day, any of them: "Oct. 7", "13 October 2023", "the 27th", "in 2014"
  relative_day,        // "today", "yesterday", "the day before yesterday": `count` days from the reference
  weekday,             // "Friday", "last Friday", "next week on Friday"
  shift,               // "two days ago", "in 3 weeks", "1 month 21 days ago"
  weekday_count,       // "3 Fridays from now", "2 Thursdays ago"
  period,              // "last week", "earlier this month", "the end of the month"
  nth_weekday,         // "the first Friday of July", "last Monday of March"
  month_day_relative,  // "the 20th of next month"
  calendar_part,       // "early March", "the end of April", "the end of 2012"
  holiday,             // "Christmas", "Easter 2013", "last Thanksgiving"
  quarter,             // "the third quarter", "Q4 2018", "2018Q4": quarter `count` of `year` (0 = nearest)
  range,               // "July 13-15", "from 13 to 15 July", "Aug 8 - Aug 12", "1960 - 1961": from the
                       // calendar date of year/month/day to the one of end_year/end_month/end_day
};

/// Holidays; numbering shared with the grammar. Up to ash_wednesday their
/// day follows from a rule (a fixed day, an nth weekday, Easter); then come
/// those of the Hebrew calendar (computed; each from its eve, the evening it
/// begins, to its last day), of the Hijri calendar (arithmetic, with the
/// observed Eids of a table), and those known from tables
/// (parse/calendars.cpp lists their years).
enum class date_holiday {
  none, thanksgiving, christmas, new_years_eve, new_years_day, valentines, halloween, black_friday, bosses_day,
  mlk_day, world_vegan_day, easter, easter_monday, maundy_thursday, pentecost, whit_monday, palm_sunday,
  trinity_sunday, shrove_tuesday, st_patricks, orthodox_easter, orthodox_good_friday, clean_monday,
  lazarus_saturday, kings_day, good_friday, lent, great_lent, ash_wednesday,
  // Hebrew calendar
  rosh_hashanah = 29, yom_kippur, sukkot, shemini_atzeret, simchat_torah, hanukkah, tu_bishvat, purim, shushan_purim,
  passover, yom_hashoah, yom_haatzmaut, lag_baomer, shavuot, tisha_bav,
  // Hijri calendar
  ramadan, eid_al_fitr, eid_al_adha, laylat_al_qadr, islamic_new_year, ashura, mawlid, isra_miraj, jumuatul_wida,
  // tables
  chinese_new_year, diwali, dhanteras, naraka_chaturdashi, bhai_dooj, holi, holika_dahan, parsi_new_year,
  ides_of_march  // 15 March
};
static_assert(static_cast<int>(date_holiday::ides_of_march) == 61, "the grammar's holiday numbers");

enum class date_unit { none, day, week, month, year, weekend, quarter };
/// Which part of a period: "earlier this month", "the end of the week",
/// "early March"; `units` is a count of whole units ("the last 2 weeks").
/// `rest` is the reference day to the end of the period ("the rest of the week").
enum class date_part { whole, earlier, beginning, end, early, mid, late, later, units, rest };

/// A date expression found at `offset` (bytes) of a text, `length` long.
struct date_expression {
  std::size_t offset = 0;
  std::size_t length = 0;
  date_expression_kind kind = date_expression_kind::none;
  int year = 0;             // 0 = not written
  bool short_year = false;  // "21/04/16": 16 stands for 2016
  int month = 0;            // 0 = not written
  int day = 0;              // as written, not yet checked against the month
  int weekday = -1;         // 0 = Sunday ... 6 = Saturday; -1 = not written
  int count = 0;            // days for relative_day; N for weekday_count and nth_weekday (-1 = last)
  date_unit unit = date_unit::none;
  int relation = 0;         // -1 last/ago, 0 this, +1 next/later, +2 "after next"
  bool relation_written = false;  // "this Friday" as against "Friday"
  bool week_written = false;      // "Friday of next week" as against "next Friday"
  int base = 0;             // "from tomorrow": +1, "before yesterday": -1
  date_part part = date_part::whole;
  bool since = false;       // "since Saturday": the start of a count, not a day it holds for
  date_holiday holiday = date_holiday::none;
  int shift_days = 0;       // for shift: magnitudes; `relation` gives the sign
  int shift_months = 0;
  int end_year = 0;         // for range: its last date, 0 = as the first ("July 13-15")
  int end_month = 0;
  int end_day = 0;
};

/// True when `lower_word` is spelled somewhere in the date or number grammar.
/// The date grammar is tried only at words that are, or start with, one.
bool is_date_grammar_word(std::string_view lower_word);

/// Reads a date expression starting exactly at `pos`; nullopt when none does.
std::optional<date_expression> parse_date_expression(std::string_view text, std::size_t pos);

/// parse_date_expression turns away, without the grammar, common words that
/// open no date expression ("of", "on"), and those that open one only with
/// more after it ("the", "in", "since") when no word that may open one
/// follows. That shortcut must never change a result: tests turn it off and
/// compare. On by default.
void use_date_shortcuts(bool on);

/// Every date expression in [begin, end) of `text`, left to right, each
/// starting at a word and not overlapping the one before.
std::vector<date_expression> find_date_expressions(std::string_view text, std::size_t begin = 0,
                                                   std::size_t end = std::string_view::npos);

/// The written calendar dates (month and day) of a whole text: the grammar
/// is tried only at words that can open one, so a long text is cheap.
std::vector<date_expression> find_calendar_dates(std::string_view text);

/// Which way a date without its year or week points: news reports the past
/// ("on Friday" = the latest Friday on or before publication); schedulers and
/// some peer suites read the future.
enum class date_bias { past, future };

/// Days from `first` to `last`, both included.
struct resolved_date {
  core::date first;
  core::date last;
  date_unit grain = date_unit::day;
};

/// A resolved date, or why there is none ("February has no day 30").
struct date_resolution {
  std::optional<resolved_date> value;
  std::string problem;            // empty when `value` is set
  bool weekday_mismatch = false;  // "Wednesday, Jan. 22" when Jan. 22 is a Friday
};

/// Resolves `e` against `reference` (usually the publication date).
date_resolution resolve_date(const date_expression& e, core::date reference, date_bias bias = date_bias::past);

}  // namespace tollgate::parse
