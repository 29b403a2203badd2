// Resolving date expressions against a reference day: plain calendar
// arithmetic over core::date. Weeks run Monday to Sunday.

#include "parse/dates.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

#include "parse/calendars.hpp"

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
  if (e.month < 0 || e.month > 12) return fail("no month " + std::to_string(e.month));
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
    if (e.relation > 0) y = (e.month > ref.month() ? ref.year() : ref.year() + 1) + (e.relation - 1);  // "March after next"
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
  // The days of a period [start, end] that a part of it names.
  auto part_of = [&](date start, date end, date_unit whole) -> date_resolution {
    switch (e.part) {
      case date_part::earlier: return ok({start, std::max(start, ref + -1), date_unit::day});
      case date_part::later: return ok({std::min(ref + 1, end), end, date_unit::day});
      case date_part::rest: return ok({std::clamp(ref, start, end), end, date_unit::day});
      default: return ok({start, end, whole});
    }
  };
  switch (e.unit) {
    case date_unit::week:
    case date_unit::weekend: {
      const date start = monday_of(ref) + 7L * e.relation;
      if (e.unit == date_unit::weekend) return ok({start + 5, start + 6, date_unit::day});
      switch (e.part) {
        case date_part::rest: return part_of(start, start + 6, date_unit::week);
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
        case date_part::rest: return part_of(start, end, date_unit::month);
        default: return ok({start, end, date_unit::month});
      }
    }
    case date_unit::quarter: {  // "this quarter", "next qtr", "the end of the quarter"
      int y = ref.year(), m = (ref.month() - 1) / 3 * 3 + 1;
      add_months(y, m, 3 * e.relation);
      const date start = date::from_ymd(y, m, 1);
      int ey = y, em = m;
      add_months(ey, em, 2);
      const date end = date::from_ymd(ey, em, days_in_month(ey, em));
      switch (e.part) {
        case date_part::beginning: return ok({start, date::from_ymd(y, m, days_in_month(y, m)), date_unit::month});
        case date_part::end: return ok({date::from_ymd(ey, em, 1), end, date_unit::month});
        default: return part_of(start, end, date_unit::quarter);
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
        case date_part::rest: return part_of(start, end, date_unit::year);
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
  if (e.unit == date_unit::week) {  // "the first week of October": its first or last seven days
    date_resolution r = e.part == date_part::end ? span(last - 6, last) : span(1, 7);
    r.value->grain = date_unit::week;
    return r;
  }
  switch (e.part) {
    case date_part::early:
    case date_part::beginning: return span(1, 10);
    case date_part::mid: return span(11, 20);
    case date_part::late:
    case date_part::end: return span(21, last);
    default: return span(1, last);
  }
}

// "the third quarter", "Q4 2018": without a year, the nearest such quarter
// on the side of the bias.
date_resolution quarter(const date_expression& e, date ref, date_bias bias) {
  if (e.count < 1 || e.count > 4) return fail("no such quarter");
  const int first_month = 3 * (e.count - 1) + 1;
  auto of_year = [&](int y) {
    return resolved_date{date::from_ymd(y, first_month, 1),
                         date::from_ymd(y, first_month + 2, days_in_month(y, first_month + 2)), date_unit::quarter};
  };
  if (e.year) {
    const int y = full_year(e);
    if (!in_range(y)) return fail("year out of range");
    return ok(of_year(y));
  }
  resolved_date r = of_year(ref.year());
  if (bias == date_bias::past && r.first > ref) r = of_year(ref.year() - 1);
  if (bias == date_bias::future && r.last < ref) r = of_year(ref.year() + 1);
  return ok(r);
}

// "July 13-15", "13 to 15 July", "1960 - 1961": the first date as a calendar
// date, the last in the same month and year unless written.
date_resolution range(const date_expression& e, date ref, date_bias bias) {
  date_expression start = e;
  start.kind = date_expression_kind::calendar;
  date_resolution a = calendar(start, ref, bias);
  if (!a.value) return a;
  const date first = a.value->first;
  if (!e.end_day) {  // years
    if (!e.end_year || e.month || e.end_year < first.year() || !in_range(e.end_year)) return fail("not a range of years");
    return ok({first, date::from_ymd(e.end_year, 12, 31), date_unit::year});
  }
  const int m = e.end_month ? e.end_month : first.month();
  int y = e.end_year ? e.end_year : first.year();
  if (!e.end_year && (m < first.month() || (m == first.month() && e.end_day < first.day()))) ++y;  // "Dec 30 - Jan 2"
  date_resolution b = exact(y, m, e.end_day);
  if (!b.value) return b;
  if (b.value->first < first) return fail("the range ends before it starts");
  return ok({first, b.value->first, date_unit::day});
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

// A holiday of the Hebrew calendar in Gregorian year `y`: from its eve (a
// Hebrew day begins at sunset) to its last day, as observed outside Israel
// where that differs (Passover 8 days, Shavuot and Rosh Hashanah 2).
std::optional<resolved_date> hebrew_holiday(date_holiday h, int y) {
  namespace cal = calendars;
  const int autumn = y + 3761;  // Tishrei to Kislev fall in the Hebrew year that starts in `y`
  const int spring = y + 3760;  // Tevet to Elul in the one that started the year before
  auto span = [](date first_day, long days) { return resolved_date{first_day + -1, first_day + (days - 1), date_unit::day}; };
  switch (h) {
    case date_holiday::rosh_hashanah: return span(cal::from_hebrew(autumn, 7, 1), 2);
    case date_holiday::yom_kippur: return span(cal::from_hebrew(autumn, 7, 10), 1);
    case date_holiday::sukkot: return span(cal::from_hebrew(autumn, 7, 15), 8);  // to Shemini Atzeret
    case date_holiday::shemini_atzeret: return span(cal::from_hebrew(autumn, 7, 22), 1);
    case date_holiday::simchat_torah: return span(cal::from_hebrew(autumn, 7, 23), 1);
    case date_holiday::hanukkah: {  // eight nights of lights, the first on the eve of 25 Kislev
      const date first = cal::from_hebrew(autumn, 9, 25);
      return resolved_date{first + -1, first + 6, date_unit::day};
    }
    case date_holiday::tu_bishvat: return span(cal::from_hebrew(spring, 11, 15), 1);
    case date_holiday::purim:
    case date_holiday::shushan_purim: {
      const int adar = cal::hebrew_leap_year(spring) ? 13 : 12;  // Adar II in a leap year
      return span(cal::from_hebrew(spring, adar, h == date_holiday::purim ? 14 : 15), 1);
    }
    case date_holiday::passover: return span(cal::from_hebrew(spring, 1, 15), 8);
    case date_holiday::yom_hashoah: {  // 27 Nisan, kept off the days next to the Sabbath
      date d = cal::from_hebrew(spring, 1, 27);
      if (d.weekday() == 5) d = d + -1;
      else if (d.weekday() == 0) d = d + 1;
      return span(d, 1);
    }
    case date_holiday::yom_haatzmaut: {  // 5 Iyar, moved off Friday, Saturday and Monday
      date d = cal::from_hebrew(spring, 2, 5);
      if (d.weekday() == 5) d = d + -1;
      else if (d.weekday() == 6) d = d + -2;
      else if (d.weekday() == 1) d = d + 1;
      return span(d, 1);
    }
    case date_holiday::lag_baomer: return span(cal::from_hebrew(spring, 2, 18), 1);
    case date_holiday::shavuot: return span(cal::from_hebrew(spring, 3, 6), 2);
    case date_holiday::tisha_bav: {  // 9 Av, put off to Sunday when it falls on the Sabbath
      date d = cal::from_hebrew(spring, 5, 9);
      if (d.weekday() == 6) d = d + 1;
      return span(d, 1);
    }
    default: return std::nullopt;
  }
}

// Eid al-Fitr of Hijri year `hy`: the observed day when the table has it,
// else the arithmetic one.
date eid_al_fitr_of(int hy) {
  const date tabular = calendars::from_hijri(hy, 10, 1);
  const auto seen = calendars::observed_eid_al_fitr(tabular.year());
  return seen && std::labs(*seen - tabular) <= 3 ? *seen : tabular;
}

// The holidays of the Hijri calendar that begin in Gregorian year `y`: a
// Hijri year is 11 days shorter, so one can come twice (Eid al-Adha 1974).
std::vector<resolved_date> hijri_holidays(date_holiday h, int y) {
  std::vector<resolved_date> out;
  const int approx = static_cast<int>((y - 622) * 33L / 32);
  for (int hy = approx - 1; hy <= approx + 2; ++hy) {
    if (hy < 1) continue;
    std::optional<resolved_date> r;
    auto day = [](date d) { return resolved_date{d, d, date_unit::day}; };
    switch (h) {
      case date_holiday::ramadan:
        r = resolved_date{calendars::from_hijri(hy, 9, 1), eid_al_fitr_of(hy) + -1, date_unit::day};
        break;
      case date_holiday::eid_al_fitr: r = day(eid_al_fitr_of(hy)); break;
      case date_holiday::eid_al_adha: {
        const date tabular = calendars::from_hijri(hy, 12, 10);
        const auto seen = calendars::observed_eid_al_adha(tabular.year());
        r = day(seen && std::labs(*seen - tabular) <= 3 ? *seen : tabular);
        break;
      }
      case date_holiday::laylat_al_qadr: r = day(calendars::from_hijri(hy, 9, 27)); break;
      case date_holiday::islamic_new_year: r = day(calendars::from_hijri(hy, 1, 1)); break;
      case date_holiday::ashura: r = day(calendars::from_hijri(hy, 1, 10)); break;
      case date_holiday::mawlid: r = day(calendars::from_hijri(hy, 3, 12)); break;
      case date_holiday::isra_miraj: r = day(calendars::from_hijri(hy, 7, 27)); break;
      case date_holiday::jumuatul_wida: {  // the last Friday of Ramadan
        const date eid = eid_al_fitr_of(hy);
        const long back = (eid.weekday() - 5 + 7) % 7;
        r = day(eid + -(back == 0 ? 7 : back));
        break;
      }
      default: break;
    }
    if (r && r->first.year() == y) out.push_back(*r);
  }
  return out;
}

// Holidays known from a table, and the days that follow from them.
std::optional<resolved_date> table_holiday(date_holiday h, int y) {
  auto shifted = [](std::optional<date> d, long by) -> std::optional<resolved_date> {
    if (!d) return std::nullopt;
    return resolved_date{*d + by, *d + by, date_unit::day};
  };
  switch (h) {
    case date_holiday::chinese_new_year: return shifted(calendars::chinese_new_year(y), 0);
    case date_holiday::diwali: return shifted(calendars::diwali(y), 0);
    // The days around Diwali and Holi follow from them in most years (a lunar
    // day can be skipped or doubled, which the tables do not record).
    case date_holiday::dhanteras: return shifted(calendars::diwali(y), -2);
    case date_holiday::naraka_chaturdashi: return shifted(calendars::diwali(y), -1);
    case date_holiday::bhai_dooj: return shifted(calendars::diwali(y), 2);
    case date_holiday::holi: return shifted(calendars::holi(y), 0);
    case date_holiday::holika_dahan: return shifted(calendars::holi(y), -1);
    case date_holiday::parsi_new_year: return shifted(calendars::parsi_new_year(y), 0);
    default: return std::nullopt;
  }
}

// The days of a holiday in a year.
std::optional<resolved_date> holiday_in(date_holiday h, int y) {
  if (y < 1583 || y > 9998) return std::nullopt;
  if (h >= date_holiday::rosh_hashanah && h <= date_holiday::tisha_bav) return hebrew_holiday(h, y);
  if (h >= date_holiday::ramadan && h <= date_holiday::jumuatul_wida) {
    const auto all = hijri_holidays(h, y);
    if (all.empty()) return std::nullopt;
    return all.front();
  }
  if (h >= date_holiday::chinese_new_year && h <= date_holiday::parsi_new_year) return table_holiday(h, y);
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
    case date_holiday::ides_of_march: return day(date::from_ymd(y, 3, 15));
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
    default: break;
  }
  return std::nullopt;
}

// Every time a holiday begins in year `y`: once, or twice for a Hijri
// holiday in some years.
std::vector<resolved_date> holidays_in(date_holiday h, int y) {
  if (h >= date_holiday::ramadan && h <= date_holiday::jumuatul_wida && y >= 1583 && y <= 9998) {
    return hijri_holidays(h, y);
  }
  std::vector<resolved_date> out;
  if (auto r = holiday_in(h, y)) out.push_back(*r);
  return out;
}

date_resolution holiday(const date_expression& e, date ref, date_bias bias) {
  auto in = [&](int y) {
    auto r = holiday_in(e.holiday, y);
    return r ? ok(*r) : fail("no date known for this holiday in " + std::to_string(y) +
                             " (a year outside the calendar tables)");
  };
  if (e.base == 1) {  // "three days after Easter": the nearest such holiday, then the shift
    date_expression plain = e;
    plain.base = 0;
    plain.relation = 0;
    plain.relation_written = false;
    plain.shift_days = plain.shift_months = 0;
    date_resolution r = holiday(plain, ref, bias);
    if (!r.value) return r;
    const int sign = e.relation < 0 ? -1 : 1;
    const date d = shift_months(r.value->first, sign * e.shift_months) + static_cast<long>(sign) * e.shift_days;
    return ok(one_day(d));
  }
  if (e.year) return in(full_year(e));
  if (e.unit == date_unit::day) {  // "Thanksgiving in 9 months": the one of the year the shift lands in
    const int sign = e.relation < 0 ? -1 : 1;
    const date landed = shift_months(ref, sign * e.shift_months) + static_cast<long>(sign) * e.shift_days;
    return in(landed.year());
  }
  if (e.unit == date_unit::year) return in(ref.year() + e.relation);  // "MLK day of last year"
  // The nearest one on the side the words or the bias point to.
  const bool forward = e.relation_written ? e.relation >= 0 : bias == date_bias::future;
  const bool strict = e.relation_written && e.relation != 0;
  std::vector<resolved_date> near;
  for (int y = ref.year() - 1; y <= ref.year() + 1; ++y) {
    for (const auto& r : holidays_in(e.holiday, y)) near.push_back(r);
  }
  if (!forward) std::reverse(near.begin(), near.end());
  for (const auto& r : near) {
    const bool side_ok = forward ? (strict ? r.first > ref : r.last >= ref) : (strict ? r.first < ref : r.first <= ref);
    if (side_ok) return ok(r);
  }
  return fail("no date known for this holiday near " + ref.iso() + " (outside the calendar tables)");
}

}  // namespace

date_resolution resolve_date(const date_expression& e, date ref, date_bias bias) {
  switch (e.kind) {
    case date_expression_kind::calendar: {
      date_resolution r = calendar(e, ref, bias);
      if (r.value && e.unit == date_unit::week) {  // "the week of October 7th"
        const date monday = monday_of(r.value->first);
        r.value = resolved_date{monday, monday + 6, date_unit::week};
      }
      return r;
    }
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
    case date_expression_kind::quarter: return quarter(e, ref, bias);
    case date_expression_kind::range: return range(e, ref, bias);
    case date_expression_kind::none: break;
  }
  return fail("not a date");
}

}  // namespace tollgate::parse
