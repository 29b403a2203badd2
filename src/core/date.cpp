#include "core/date.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>

#include "core/word_set.hpp"

namespace tollgate::core {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

struct civil {
  int y;
  unsigned m, d;
};

civil civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), m, d};
}

constexpr std::array<const char*, 12> kMonthAbbrev = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

date date::from_days(long days) {
  date d;
  d.days_ = static_cast<std::int32_t>(std::clamp<long>(days, std::numeric_limits<std::int32_t>::min() + 1L,
                                                       std::numeric_limits<std::int32_t>::max()));
  return d;
}

bool date::valid(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int limit = month == 2 && leap ? 29 : kDays[static_cast<size_t>(month - 1)];
  return day <= limit;
}

date date::from_ymd(int year, int month, int day) {
  return from_days(days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

std::optional<date> date::parse_iso(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  auto num = [&](size_t at, size_t len, int& out) {
    auto r = std::from_chars(s.data() + at, s.data() + at + len, out);
    return r.ec == std::errc() && r.ptr == s.data() + at + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
  // Accept a timestamp tail ("2023-10-12T08:00:00Z") but nothing glued to the day.
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
  if (!valid(y, m, d)) return std::nullopt;
  return from_ymd(y, m, d);
}

int date::year() const { return civil_from_days(days_).y; }
int date::month() const { return static_cast<int>(civil_from_days(days_).m); }
int date::day() const { return static_cast<int>(civil_from_days(days_).d); }
int date::weekday() const {
  const long w = (days_ + 4) % 7;  // 1970-01-01 was a Thursday
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string date::iso() const {
  const civil c = civil_from_days(days_);
  if (c.y < 0 || c.y > 9999) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.y, c.m, c.d);
    return buf;
  }
  // YYYY-MM-DD by hand: dates are written for every claim of a batch.
  std::string out(10, '-');
  const auto y = static_cast<unsigned>(c.y);
  out[0] = static_cast<char>('0' + y / 1000);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + c.m / 10);
  out[6] = static_cast<char>('0' + c.m % 10);
  out[8] = static_cast<char>('0' + c.d / 10);
  out[9] = static_cast<char>('0' + c.d % 10);
  return out;
}

std::string date::human() const {
  const civil c = civil_from_days(days_);
  return std::to_string(c.d) + " " + kMonthAbbrev[c.m - 1] + " " + std::to_string(c.y);
}

bool is_month_name(std::string_view lower_word) {
  static const word_set months = {"january", "february", "march", "april", "may", "june", "july",
                                  "august", "september", "october", "november", "december", "jan",
                                  "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                                  "nov", "dec"};
  return months.contains(lower_word);
}

}  // namespace tollgate::core
