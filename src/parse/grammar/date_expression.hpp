#pragma once

#include "parse/grammar/config.hpp"

namespace tollgate::parse::grammar {

/// What a date expression says, before it is resolved against a reference
/// day. `kind` is one of the date_expression_kind values of parse/dates.hpp;
/// the other fields are filled as the kind needs them (0 or -1 = not given).
struct date_expression_parts {
  int kind = 0;
  int year = 0;            // four digits, or two when `short_year`
  bool short_year = false;
  int month = 0;           // 1..12
  int day = 0;             // 1..31 as written; checked against the month later
  int weekday = -1;        // 0 = Sunday ... 6 = Saturday
  int count = 0;           // "two days ago": 2; "the third Tuesday": 3 (-1 = last)
  int unit = 0;            // date_unit: 1 day, 2 week, 3 month, 4 year
  int relation = 0;        // -1 last/ago/previous, 0 this, +1 next/later, +2 after next
  bool relation_written = false;
  int base = 0;            // "two days from tomorrow": +1; "before yesterday": -1
  int part = 0;            // date_part: earlier, beginning, end, early, mid, late
  bool since = false;      // "since Saturday": the start of a count
  int holiday = 0;         // date_holiday, for kind holiday
  // Scratch for numeric dates ("4/22", "21/04/16"), sorted out when complete.
  int n1 = 0, n2 = 0, n3 = -1, n3_digits = 0;
  int shift_days = 0, shift_months = 0;  // "1 month 21 days ago"
  int end_year = 0, end_month = 0, end_day = 0;  // the last date of a range
};

/// A date expression as it is written in English text: absolute dates in
/// their many spellings, weekdays, relative days and periods ("yesterday",
/// "last Friday", "two days ago", "earlier this month", "since Saturday").
using date_expression_type = x3::rule<class date_expression_class, date_expression_parts>;
BOOST_SPIRIT_DECLARE(date_expression_type)
date_expression_type const& date_expression();

}  // namespace tollgate::parse::grammar
