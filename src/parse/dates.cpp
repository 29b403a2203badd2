// Resolving date expressions against a reference day: plain calendar
// arithmetic over core::date. Weeks run Monday to Sunday.

#include <array>

#include "parse/dates.hpp"

namespace tollgate::parse {
namespace {

using core::date;

constexpr std::array<const char*, 12> kMonthNames = {"January", "February", "March",     "April",
                                                     "May",     "June",     "July",      "August",
                                                     "September", "October", "November", "December"};

int days_in_month(int year, int month) {
  for (int d = 31; d >= 28; --d) {
    if (date::valid(year, month, d)) return d;
  }
  return 28;
}

// The most days a month can have in any year (February: 29).
int max_days(int month) { return month == 2 ? 29 : days_in_month(2001, month); }

date monday_of(date d) {
  const int w = d.weekday();  // 0 = Sunday
  return d + -static_cast<long>((w + 6) % 7);
}

// Offset of `weekday` from Monday in a Monday-first week.
long from_monday(int weekday) { return (weekday + 6) % 7; }

// Month `delta` months after (year, month).
void add_months(int& year, int& month, int delta) {
  int m = year * 12 + (month - 1) + delta;
  year = m / 12;
  month = m % 12 + 1;
}

date shift_months(date d, int delta) {
  int y = d.year(), m = d.month();
  add_months(y, m, delta);
  const int day = std::min(d.day(), days_in_month(y, m));
  return date::from_ymd(y, m, day);
}

resolved_date one_day(date d) { return {d, d, date_unit::day}; }

date_resolution ok(resolved_date r) {
  date_resolution out;
  out.value = r;
  return out;
}

date_resolution fail(std::string why) {
  date_resolution out;
  out.problem = std::move(why);
  return out;
}

std::string month_day(int month, int day) { return std::string(kMonthNames[month - 1]) + " " + std::to_string(day); }

int full_year(const date_expression& e) {
  if (!e.short_year) return e.year;
  return e.year < 50 ? 2000 + e.year : 1900 + e.year;
}

bool in_range(int year) { return year >= 1 && year <= 9999; }

// A day of a month of a year, or why it does not exist.
date_resolution exact(int year, int month, int day) {
  if (!in_range(year)) return fail("year " + std::to_string(year) + " is out of range");
  if (!date::valid(year, month, day)) {
    if (day > max_days(month)) return fail("impossible date: " + std::string(kMonthNames[month - 1]) + " has no day " + std::to_string(day));
    return fail("impossible date: " + month_day(month, day) + ", " + std::to_string(year) + " does not exist");
  }
  return ok(one_day(date::from_ymd(year, month, day)));
}

date_resolution calendar(const date_expression& e, date ref, date_bias bias) {
  const bool past = bias == date_bias::past;
  const int year = full_year(e);
  if (e.month == 0 && e.day == 0) {
    if (!year || !in_range(year)) return fail("no date");
    return ok({date::from_ymd(year, 1, 1), date::from_ymd(year, 12, 31), date_unit::year});
  }
  if (e.day == 99) {  // "the last day of October 2015"
    int y = year ? year : (past ? (e.month <= ref.month() ? ref.year() : ref.year() - 1)
                                : (e.month >= ref.month() ? ref.year() : ref.year() + 1));
    if (!in_range(y)) return fail("year out of range");
    return ok(one_day(date::from_ymd(y, e.month, days_in_month(y, e.month))));
  }
  if (e.day == 0 && !year && e.relation_written) {  // "next March", "last March"
    int y = ref.year();
    if (e.relation > 0) y = e.month > ref.month() ? ref.year() : ref.year() + 1;
    if (e.relation < 0) y = e.month < ref.month() ? ref.year() : ref.year() - 1;
    return ok({date::from_ymd(y, e.month, 1), date::from_ymd(y, e.month, days_in_month(y, e.month)), date_unit::month});
  }
  if (e.day == 0) {  // a month, with or without its year
    int y = year;
    if (!y) y = past ? (e.month <= ref.month() ? ref.year() : ref.year() - 1)
                     : (e.month >= ref.month() ? ref.year() : ref.year() + 1);
    if (!in_range(y)) return fail("year out of range");
    return ok({date::from_ymd(y, e.month, 1), date::from_ymd(y, e.month, days_in_month(y, e.month)), date_unit::month});
  }
  if (e.month == 0) {  // a day of some month: "the 27th", "Friday the 22nd"
    if (e.day > 31) return fail("impossible day " + std::to_string(e.day));
    int y = ref.year(), m = ref.month();
    std::optional<date> fallback;
    for (int step = 0; step < 36; ++step) {
      if (date::valid(y, m, e.day)) {
        const date d = date::from_ymd(y, m, e.day);
        const bool side_ok = past ? d <= ref : d >= ref;
        if (side_ok) {
          if (!fallback) fallback = d;
          if (e.weekday < 0 || d.weekday() == e.weekday) return ok(one_day(d));
        }
      }
      add_months(y, m, past ? -1 : 1);
    }
    if (fallback) {
      date_resolution r = ok(one_day(*fallback));
      r.weekday_mismatch = true;
      return r;
    }
    return fail("no month has day " + std::to_string(e.day));
  }
  if (e.day > max_days(e.month)) {
    return fail("impossible date: " + std::string(kMonthNames[e.month - 1]) + " has no day " + std::to_string(e.day));
  }
  if (year) {
    date_resolution r = exact(year, e.month, e.day);
    if (r.value && e.weekday >= 0 && r.value->first.weekday() != e.weekday) r.weekday_mismatch = true;
    return r;
  }
  // No year: the latest that puts the date on or before the reference (news),
  // or the first on or after it. February 29 waits for a leap year.
  auto pick = [&](int start_year) -> std::optional<date> {
    int y = start_year;
    for (int step = 0; step < 9; ++step, y += past ? -1 : 1) {
      if (!date::valid(y, e.month, e.day)) continue;
      const date d = date::from_ymd(y, e.month, e.day);
      if (past ? d <= ref : d >= ref) return d;
    }
    return std::nullopt;
  };
  std::optional<date> d = pick(ref.year());
  if (!d) return fail("no year has " + month_day(e.month, e.day));
  date_resolution r = ok(one_day(*d));
  if (e.weekday >= 0 && d->weekday() != e.weekday) {
    // A weekday picks the year when the nearest one does not fit it.
    if (!past) {
      for (int y = ref.year(); y < ref.year() + 12; ++y) {
        if (date::valid(y, e.month, e.day) && date::from_ymd(y, e.month, e.day).weekday() == e.weekday) {
          return ok(one_day(date::from_ymd(y, e.month, e.day)));
        }
      }
    }
    r.weekday_mismatch = true;
  }
  return r;
}

date_resolution weekday(const date_expression& e, date ref, date_bias bias) {
  const bool past = bias == date_bias::past;
  const int w = e.weekday;
  const long back = (ref.weekday() - w + 7) % 7;     // days back to the latest such day, 0 if today
  const long ahead = (w - ref.weekday() + 7) % 7;    // days ahead to the next, 0 if today
  if (e.week_written || (e.relation == 1 && e.relation_written)) {
    return ok(one_day(monday_of(ref) + 7L * e.relation + from_monday(w)));
  }
  if (e.relation == 2) return ok(one_day(ref + (ahead == 0 ? 7 : ahead) + 7));
  if (e.relation == -1) return ok(one_day(ref + -(back == 0 ? 7 : back)));
  if (e.relation_written) {  // "this Friday"
    if (past) return ok(one_day(monday_of(ref) + from_monday(w)));
    return ok(one_day(ref + ahead));
  }
  if (past) return ok(one_day(ref + -back));
  return ok(one_day(ref + (ahead == 0 ? 7 : ahead)));
}

date_resolution nth_weekday(const date_expression& e, date ref, date_bias bias) {
  const bool past = bias == date_bias::past;
  auto nth_in = [&](int y, int m) -> std::optional<date> {
    if (e.count > 0) {
      const date first = date::from_ymd(y, m, 1);
      const long offset = (e.weekday - first.weekday() + 7) % 7 + 7L * (e.count - 1);
      const date d = first + offset;
      if (d.month() != m) return std::nullopt;
      return d;
    }
    const date last = date::from_ymd(y, m, days_in_month(y, m));
    return last + -static_cast<long>((last.weekday() - e.weekday + 7) % 7);
  };
  auto missing = [&](int y, int m) {
    return fail("impossible date: " + std::string(kMonthNames[m - 1]) + " " + std::to_string(y) + " has no " +
                std::to_string(e.count) + "th such weekday");
  };
  int y = ref.year(), m = ref.month();
  if (e.month) {
    m = e.month;
    if (e.year) {
      y = full_year(e);
    } else {
      // The nearest such month whose day falls on the side of the reference.
      for (int step = 0; step < 3; ++step) {
        const int cy = past ? ref.year() - step : ref.year() + step;
        auto d = nth_in(cy, m);
        if (d && (past ? *d <= ref : *d >= ref)) return ok(one_day(*d));
      }
      y = ref.year();
    }
  } else if (e.unit == date_unit::month) {
    add_months(y, m, e.relation);
  }
  if (!in_range(y)) return fail("year out of range");
  auto d = nth_in(y, m);
  if (!d) return missing(y, m);
  return ok(one_day(*d));
}

// "the last 2 days": whole units before the reference's; "next 3 weeks":
// whole units after it.
date_resolution unit_count(const date_expression& e, date ref) {
  const long n = std::max(1, e.count);
  const bool back = e.relation < 0;
  switch (e.unit) {
    case date_unit::day:
      return back ? ok({ref + -n, ref + -1, date_unit::day}) : ok({ref + 1, ref + n, date_unit::day});
    case date_unit::week: {
      const date start = monday_of(ref);
      return back ? ok({start + -7 * n, start + -1, date_unit::week}) : ok({start + 7, start + 7 * n + 6, date_unit::week});
    }
    case date_unit::month: {
      int y = ref.year(), m = ref.month();
      const date start = date::from_ymd(y, m, 1);
      add_months(y, m, back ? -static_cast<int>(n) : 1);
      const date from = date::from_ymd(y, m, 1);
      if (back) return ok({from, start + -1, date_unit::month});
      add_months(y, m, static_cast<int>(n));
      return ok({from, date::from_ymd(y, m, 1) + -1, date_unit::month});
    }
    case date_unit::year: {
      const int y = ref.year();
      if (back) return ok({date::from_ymd(y - static_cast<int>(n), 1, 1), date::from_ymd(y - 1, 12, 31), date_unit::year});
      return ok({date::from_ymd(y + 1, 1, 1), date::from_ymd(y + static_cast<int>(n), 12, 31), date_unit::year});
    }
    default: return fail("no period");
  }
}

date_resolution period(const date_expression& e, date ref) {
  if (e.part == date_part::units) return unit_count(e, ref);
  switch (e.unit) {
    case date_unit::week:
    case date_unit::weekend: {
      const date start = monday_of(ref) + 7L * e.relation;
      if (e.unit == date_unit::weekend) return ok({start + 5, start + 6, date_unit::day});
      switch (e.part) {
        case date_part::earlier: return ok({start, std::max(start, ref + -1), date_unit::day});
        case date_part::later: return ok({std::min(ref + 1, start + 6), start + 6, date_unit::day});
        case date_part::beginning: return ok({start, start + 2, date_unit::day});
        case date_part::end: return ok({start + 4, start + 6, date_unit::day});
        default: return ok({start, start + 6, date_unit::week});
      }
    }
    case date_unit::month: {
      int y = ref.year(), m = ref.month();
      add_months(y, m, e.relation);
      const date start = date::from_ymd(y, m, 1);
      const date end = date::from_ymd(y, m, days_in_month(y, m));
      switch (e.part) {
        case date_part::earlier: return ok({start, std::max(start, ref + -1), date_unit::day});
        case date_part::later: return ok({std::min(ref + 1, end), end, date_unit::day});
        case date_part::beginning: return ok({start, start + 9, date_unit::day});
        case date_part::end: return ok({date::from_ymd(y, m, 21), end, date_unit::day});
        default: return ok({start, end, date_unit::month});
      }
    }
    case date_unit::year: {
      const int y = ref.year() + e.relation;
      const date start = date::from_ymd(y, 1, 1);
      const date end = date::from_ymd(y, 12, 31);
      switch (e.part) {
        case date_part::earlier: return ok({start, std::max(start, ref + -1), date_unit::day});
        case date_part::later: return ok({std::min(ref + 1, end), end, date_unit::day});
        case date_part::beginning: return ok({start, date::from_ymd(y, 3, 31), date_unit::month});
        case date_part::end: return ok({date::from_ymd(y, 9, 1), end, date_unit::month});
        default: return ok({start, end, date_unit::year});
      }
    }
    default: return fail("no period");
  }
}

date_resolution calendar_part(const date_expression& e, date ref, date_bias bias) {
  const bool past = bias == date_bias::past;
  int y = full_year(e);
  if (!e.month) {  // "the end of 2012": its last third, "the beginning of 2017": its first quarter
    if (!in_range(y)) return fail("year out of range");
    if (e.part == date_part::end) return ok({date::from_ymd(y, 9, 1), date::from_ymd(y, 12, 31), date_unit::month});
    return ok({date::from_ymd(y, 1, 1), date::from_ymd(y, 3, 31), date_unit::month});
  }
  if (!y) y = past ? (e.month <= ref.month() ? ref.year() : ref.year() - 1)
                   : (e.month >= ref.month() ? ref.year() : ref.year() + 1);
  if (!in_range(y)) return fail("year out of range");
  const int last = days_in_month(y, e.month);
  auto span = [&](int a, int b) {
    return ok({date::from_ymd(y, e.month, a), date::from_ymd(y, e.month, b), date_unit::day});
  };
  switch (e.part) {
    case date_part::early:
    case date_part::beginning: return span(1, 10);
    case date_part::mid: return span(11, 20);
    case date_part::late:
    case date_part::end: return span(21, last);
    default: return span(1, last);
  }
}

// Easter Sunday (Gregorian), the anonymous Gregorian algorithm.
date easter(int y) {
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return date::from_ymd(y, month, day);
}

// Orthodox Easter: the Julian computus, moved to the Gregorian calendar.
date orthodox_easter(int y) {
  const int a = y % 4, b = y % 7, c = y % 19, d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
  const int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
  const long julian_to_gregorian = y / 100 - y / 400 - 2;
  return date::from_ymd(y, month, day) + julian_to_gregorian;
}

date nth_weekday_of(int y, int m, int weekday, int n) {
  const date first = date::from_ymd(y, m, 1);
  return first + ((weekday - first.weekday() + 7) % 7 + 7L * (n - 1));
}

// The days of a holiday in a year.
std::optional<resolved_date> holiday_in(date_holiday h, int y) {
  if (y < 1583 || y > 9998) return std::nullopt;
  auto day = [](date d) { return resolved_date{d, d, date_unit::day}; };
  switch (h) {
    case date_holiday::thanksgiving: return day(nth_weekday_of(y, 11, 4, 4));
    case date_holiday::black_friday: return day(nth_weekday_of(y, 11, 4, 4) + 1);
    case date_holiday::christmas: return day(date::from_ymd(y, 12, 25));
    case date_holiday::new_years_eve: return day(date::from_ymd(y, 12, 31));
    case date_holiday::new_years_day: return day(date::from_ymd(y, 1, 1));
    case date_holiday::valentines: return day(date::from_ymd(y, 2, 14));
    case date_holiday::halloween: return day(date::from_ymd(y, 10, 31));
    case date_holiday::world_vegan_day: return day(date::from_ymd(y, 11, 1));
    case date_holiday::st_patricks: return day(date::from_ymd(y, 3, 17));
    case date_holiday::bosses_day: {  // October 16, or the nearest weekday
      const date d = date::from_ymd(y, 10, 16);
      return day(d.weekday() == 6 ? d + -1 : d.weekday() == 0 ? d + 1 : d);
    }
    case date_holiday::kings_day: {  // April 27, or the 26th when the 27th is a Sunday
      const date d = date::from_ymd(y, 4, 27);
      return day(d.weekday() == 0 ? d + -1 : d);
    }
    case date_holiday::mlk_day: return day(nth_weekday_of(y, 1, 1, 3));
    case date_holiday::easter: return day(easter(y));
    case date_holiday::easter_monday: return day(easter(y) + 1);
    case date_holiday::good_friday: return day(easter(y) + -2);
    case date_holiday::maundy_thursday: return day(easter(y) + -3);
    case date_holiday::palm_sunday: return day(easter(y) + -7);
    case date_holiday::pentecost: return day(easter(y) + 49);
    case date_holiday::whit_monday: return day(easter(y) + 50);
    case date_holiday::trinity_sunday: return day(easter(y) + 56);
    case date_holiday::shrove_tuesday: return day(easter(y) + -47);
    case date_holiday::ash_wednesday: return day(easter(y) + -46);
    case date_holiday::lent: return resolved_date{easter(y) + -46, easter(y) + -1, date_unit::day};
    case date_holiday::orthodox_easter: return day(orthodox_easter(y));
    case date_holiday::orthodox_good_friday: return day(orthodox_easter(y) + -2);
    case date_holiday::clean_monday: return day(orthodox_easter(y) + -48);
    case date_holiday::lazarus_saturday: return day(orthodox_easter(y) + -8);
    case date_holiday::great_lent: return resolved_date{orthodox_easter(y) + -48, orthodox_easter(y) + -9, date_unit::day};
    case date_holiday::none: break;
  }
  return std::nullopt;
}

date_resolution holiday(const date_expression& e, date ref, date_bias bias) {
  auto in = [&](int y) { return holiday_in(e.holiday, y); };
  if (e.year) {
    auto r = in(full_year(e));
    return r ? ok(*r) : fail("year out of range");
  }
  if (e.unit == date_unit::day) {  // "Thanksgiving in 9 months": the one of the year the shift lands in
    const int sign = e.relation < 0 ? -1 : 1;
    const date landed = shift_months(ref, sign * e.shift_months) + static_cast<long>(sign) * e.shift_days;
    auto r = in(landed.year());
    return r ? ok(*r) : fail("year out of range");
  }
  if (e.unit == date_unit::year) {  // "MLK day of last year"
    auto r = in(ref.year() + e.relation);
    return r ? ok(*r) : fail("year out of range");
  }
  // The nearest one on the side the words or the bias point to.
  const bool forward = e.relation_written ? e.relation >= 0 : bias == date_bias::future;
  const bool strict = e.relation_written && e.relation != 0;
  for (int step = 0; step < 3; ++step) {
    const int y = forward ? ref.year() - 1 + step : ref.year() + 1 - step;
    auto r = in(y);
    if (!r) continue;
    const bool side_ok = forward ? (strict ? r->first > ref : r->last >= ref) : (strict ? r->first < ref : r->first <= ref);
    if (side_ok) return ok(*r);
  }
  return fail("no such holiday near the reference");
}

}  // namespace

date_resolution resolve_date(const date_expression& e, date ref, date_bias bias) {
  switch (e.kind) {
    case date_expression_kind::calendar: return calendar(e, ref, bias);
    case date_expression_kind::relative_day: return ok(one_day(ref + e.count));
    case date_expression_kind::weekday: return weekday(e, ref, bias);
    case date_expression_kind::shift: {
      const int sign = e.relation < 0 ? -1 : 1;
      date d = ref + e.base;
      d = shift_months(d, sign * e.shift_months);
      d = d + static_cast<long>(sign) * e.shift_days;
      return ok(one_day(d));
    }
    case date_expression_kind::weekday_count: {
      if (e.count < 1) return fail("no such day");
      const long ahead = (e.weekday - ref.weekday() + 7) % 7;
      const long back = (ref.weekday() - e.weekday + 7) % 7;
      if (e.relation > 0) return ok(one_day(ref + (ahead == 0 ? 7 : ahead) + 7L * (e.count - 1)));
      return ok(one_day(ref + -((back == 0 ? 7 : back) + 7L * (e.count - 1))));
    }
    case date_expression_kind::period: return period(e, ref);
    case date_expression_kind::nth_weekday: return nth_weekday(e, ref, bias);
    case date_expression_kind::month_day_relative: {
      int y = ref.year(), m = ref.month();
      add_months(y, m, e.relation);
      return exact(y, m, e.day);
    }
    case date_expression_kind::calendar_part: return calendar_part(e, ref, bias);
    case date_expression_kind::holiday: return holiday(e, ref, bias);
    case date_expression_kind::none: break;
  }
  return fail("not a date");
}

}  // namespace tollgate::parse
