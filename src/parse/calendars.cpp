// The Hebrew and Hijri calendars as arithmetic, and tables for holidays whose
// day is fixed by observation or by an astronomical calendar that tollgate
// does not compute. Day counts are "rata die" (1 = 1 January of year 1 in
// the proleptic Gregorian calendar), as in Reingold and Dershowitz,
// Calendrical Calculations; core::date counts from 1970-01-01.
//
// Years the tables cover (a holiday outside them has no date, never a
// guessed one):
//   Eid al-Fitr, Eid al-Adha as observed  2010-2025 (other years: arithmetic)
//   Chinese New Year                      2000-2030
//   Diwali, Holi                          2010-2025
//   Parsi New Year                        1950-2050 (a 365-day year, computed)

#include "parse/calendars.hpp"

#include <array>
#include <utility>

namespace tollgate::parse::calendars {
namespace {

using core::date;

constexpr long kRataDie1970 = 719163;  // 1970-01-01
date from_rata_die(long rd) { return date::from_days(rd - kRataDie1970); }

// Hebrew ------------------------------------------------------------------

constexpr long kHebrewEpoch = -1373427;  // 1 Tishrei of year 1 (7 October 3761 BCE, Julian)

// Days from the epoch to the molad of Tishrei of `year`, moved by the first
// postponement rule (no Rosh Hashanah on Sunday, Wednesday or Friday).
long hebrew_elapsed_days(int year) {
  const long months = (235L * year - 234) / 19;
  const long parts = 12084 + 13753L * months;
  long day = 29 * months + parts / 25920;
  if ((3 * (day + 1)) % 7 < 3) ++day;
  return day;
}

// The other postponements: keep every year 353-355 or 383-385 days long.
int hebrew_year_length_correction(int year) {
  const long ny0 = hebrew_elapsed_days(year - 1), ny1 = hebrew_elapsed_days(year), ny2 = hebrew_elapsed_days(year + 1);
  if (ny2 - ny1 == 356) return 2;
  if (ny1 - ny0 == 382) return 1;
  return 0;
}

long hebrew_new_year(int year) { return kHebrewEpoch + hebrew_elapsed_days(year) + hebrew_year_length_correction(year); }

long days_in_hebrew_year(int year) { return hebrew_new_year(year + 1) - hebrew_new_year(year); }

int last_day_of_hebrew_month(int month, int year) {
  const long length = days_in_hebrew_year(year);
  if (month == 2 || month == 4 || month == 6 || month == 10 || month == 13) return 29;
  if (month == 12 && !hebrew_leap_year(year)) return 29;
  if (month == 8 && length % 10 != 5) return 29;  // Marheshvan is long only in 355- and 385-day years
  if (month == 9 && length % 10 == 3) return 29;  // Kislev is short in 353- and 383-day years
  return 30;
}

// Hijri -------------------------------------------------------------------

constexpr long kHijriEpoch = 227015;  // 1 Muharram of year 1 (16 July 622, Julian)

// Tables ------------------------------------------------------------------

struct year_day {
  int year;
  int month;
  int day;
};

template <std::size_t N>
std::optional<date> look_up(const std::array<year_day, N>& table, int year) {
  for (const auto& e : table) {
    if (e.year == year) return date::from_ymd(e.year, e.month, e.day);
  }
  return std::nullopt;
}

// The first day of Shawwal and the tenth of Dhu al-Hijjah as announced in
// Saudi Arabia; the arithmetic calendar is a day later in about half of them.
constexpr std::array<year_day, 16> kEidAlFitr = {{
    {2010, 9, 10}, {2011, 8, 30}, {2012, 8, 19}, {2013, 8, 8},  {2014, 7, 28}, {2015, 7, 17},
    {2016, 7, 6},  {2017, 6, 25}, {2018, 6, 15}, {2019, 6, 4},  {2020, 5, 24}, {2021, 5, 13},
    {2022, 5, 2},  {2023, 4, 21}, {2024, 4, 10}, {2025, 3, 30},
}};
constexpr std::array<year_day, 16> kEidAlAdha = {{
    {2010, 11, 16}, {2011, 11, 6}, {2012, 10, 26}, {2013, 10, 15}, {2014, 10, 4}, {2015, 9, 24},
    {2016, 9, 12},  {2017, 9, 1},  {2018, 8, 21},  {2019, 8, 11},  {2020, 7, 31}, {2021, 7, 20},
    {2022, 7, 9},   {2023, 6, 28}, {2024, 6, 16},  {2025, 6, 6},
}};

// The first day of the first month of the Chinese calendar: the second new
// moon after the winter solstice, at Beijing.
constexpr std::array<year_day, 31> kChineseNewYear = {{
    {2000, 2, 5},  {2001, 1, 24}, {2002, 2, 12}, {2003, 2, 1},  {2004, 1, 22}, {2005, 2, 9},  {2006, 1, 29},
    {2007, 2, 18}, {2008, 2, 7},  {2009, 1, 26}, {2010, 2, 14}, {2011, 2, 3},  {2012, 1, 23}, {2013, 2, 10},
    {2014, 1, 31}, {2015, 2, 19}, {2016, 2, 8},  {2017, 1, 28}, {2018, 2, 16}, {2019, 2, 5},  {2020, 1, 25},
    {2021, 2, 12}, {2022, 2, 1},  {2023, 1, 22}, {2024, 2, 10}, {2025, 1, 29}, {2026, 2, 17}, {2027, 2, 6},
    {2028, 1, 26}, {2029, 2, 13}, {2030, 2, 3},
}};

// Amavasya of Kartika (Lakshmi Puja), as India's national holiday lists give it.
constexpr std::array<year_day, 16> kDiwali = {{
    {2010, 11, 5},  {2011, 10, 26}, {2012, 11, 13}, {2013, 11, 3},  {2014, 10, 23}, {2015, 11, 11},
    {2016, 10, 30}, {2017, 10, 19}, {2018, 11, 7},  {2019, 10, 27}, {2020, 11, 14}, {2021, 11, 4},
    {2022, 10, 24}, {2023, 11, 12}, {2024, 10, 31}, {2025, 10, 20},
}};

// The day after the full moon of Phalguna, when colours are thrown.
constexpr std::array<year_day, 16> kHoli = {{
    {2010, 3, 1},  {2011, 3, 20}, {2012, 3, 8},  {2013, 3, 27}, {2014, 3, 17}, {2015, 3, 6},
    {2016, 3, 24}, {2017, 3, 13}, {2018, 3, 2},  {2019, 3, 21}, {2020, 3, 10}, {2021, 3, 29},
    {2022, 3, 18}, {2023, 3, 8},  {2024, 3, 25}, {2025, 3, 14},
}};

}  // namespace

bool hebrew_leap_year(int year) { return (7L * year + 1) % 19 < 7; }

date from_hebrew(int year, int month, int day) {
  long rd = hebrew_new_year(year) + day - 1;
  // The year starts with Tishrei (7); Nisan (1) to Elul (6) come after Adar.
  const int last_month = hebrew_leap_year(year) ? 13 : 12;
  if (month < 7) {
    for (int m = 7; m <= last_month; ++m) rd += last_day_of_hebrew_month(m, year);
    for (int m = 1; m < month; ++m) rd += last_day_of_hebrew_month(m, year);
  } else {
    for (int m = 7; m < month; ++m) rd += last_day_of_hebrew_month(m, year);
  }
  return from_rata_die(rd);
}

date from_hijri(int year, int month, int day) {
  const long rd = day + 29L * (month - 1) + (6L * month - 1) / 11 + (year - 1) * 354L + (3 + 11L * year) / 30 +
                  kHijriEpoch - 1;
  return from_rata_die(rd);
}

std::optional<date> observed_eid_al_fitr(int year) { return look_up(kEidAlFitr, year); }
std::optional<date> observed_eid_al_adha(int year) { return look_up(kEidAlAdha, year); }
std::optional<date> chinese_new_year(int year) { return look_up(kChineseNewYear, year); }
std::optional<date> diwali(int year) { return look_up(kDiwali, year); }
std::optional<date> holi(int year) { return look_up(kHoli, year); }

std::optional<date> parsi_new_year(int year) {
  if (year < 1950 || year > 2050) return std::nullopt;
  // 1 Farvardin of the Shahenshahi year: every year 365 days after the last,
  // so it comes a day earlier in the Gregorian calendar after each 29 February.
  return date::from_ymd(2018, 8, 17) + 365L * (year - 2018);
}

}  // namespace tollgate::parse::calendars
