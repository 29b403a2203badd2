#pragma once

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "core/compact_optional.hpp"

namespace tollgate::core {

/// A calendar day in the proleptic Gregorian calendar. Stored as days since
/// 1970-01-01 so that differences and ordering are plain integer arithmetic.
class date {
 public:
  date() = default;
  /// REQUIRES: `valid(year, month, day)`.
  static date from_ymd(int year, int month, int day);
  /// Days outside the range an int holds are clamped to it.
  static date from_days(long days);
  /// Parses `YYYY-MM-DD`; nullopt when malformed or impossible (2023-02-30).
  static std::optional<date> parse_iso(std::string_view s);
  static bool valid(int year, int month, int day);

  int year() const;
  int month() const;
  int day() const;
  /// 0 = Sunday ... 6 = Saturday.
  int weekday() const;
  long days() const { return days_; }
  std::string iso() const;
  /// "12 Oct 2023", for messages meant for people.
  std::string human() const;

  friend auto operator<=>(const date&, const date&) = default;
  friend long operator-(const date& a, const date& b) { return long{a.days_} - b.days_; }
  friend date operator+(const date& a, long n) { return from_days(a.days_ + n); }

 private:
  friend struct absent_value<date>;
  // 32 bits: optional dates are two to a claim, and claims are many. The
  // lowest value is left out of the range (from_days clamps above it), so
  // that a compact_optional<date> marks "no date" with it.
  std::int32_t days_ = 0;
};

template <>
struct absent_value<date> {
  static date make() {
    date d;
    d.days_ = std::numeric_limits<std::int32_t>::min();
    return d;
  }
  static bool is(const date& d) { return d.days_ == std::numeric_limits<std::int32_t>::min(); }
};

/// True when the lowercase `word` is an English month's name or its
/// abbreviation ("october", "oct", "sept"). Asked of many words of a batch:
/// a word set, no copy.
bool is_month_name(std::string_view lower_word);

}  // namespace tollgate::core
