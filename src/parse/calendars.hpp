#pragma once

// Days of the Hebrew and Hijri calendars and the dates of holidays that
// follow a lunar or lunisolar calendar, for parse/dates.cpp. The Hebrew
// calendar is arithmetic and exact; the Hijri one is the arithmetic
// (tabular) calendar, which can be a day off the sighted month, corrected
// by a table of the observed Eids; the others are tables (calendars.cpp
// says which years each covers). Outside a table there is no date.

#include <optional>

#include "core/date.hpp"

namespace tollgate::parse::calendars {

/// The Gregorian day of day `day` of month `month` (1 = Nisan ... 7 = Tishrei
/// ... 12 = Adar, 13 = Adar II) of Hebrew year `year` (5779 = 2018/19).
core::date from_hebrew(int year, int month, int day);
/// True when Hebrew year `year` has 13 months (Adar I and Adar II).
bool hebrew_leap_year(int year);

/// The Gregorian day of day `day` of month `month` (1 = Muharram, 9 =
/// Ramadan, 10 = Shawwal, 12 = Dhu al-Hijjah) of Hijri year `year`, by the
/// arithmetic calendar (leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29
/// of each 30; epoch 16 July 622 Julian).
core::date from_hijri(int year, int month, int day);

/// Eid al-Fitr and Eid al-Adha as observed in Saudi Arabia, when the table
/// has the Gregorian year `year` (2010-2025); nullopt otherwise.
std::optional<core::date> observed_eid_al_fitr(int year);
std::optional<core::date> observed_eid_al_adha(int year);

/// Chinese (lunar) New Year's Day of Gregorian year `year`, 2000-2030.
std::optional<core::date> chinese_new_year(int year);
/// Diwali (the day of Lakshmi Puja) in India, 2010-2025.
std::optional<core::date> diwali(int year);
/// Holi (the day of colours, after Holika Dahan) in India, 2010-2025.
std::optional<core::date> holi(int year);
/// Parsi New Year (Navroz of the Shahenshahi calendar, a year of 365 days
/// without leap days), 1950-2050.
std::optional<core::date> parsi_new_year(int year);

}  // namespace tollgate::parse::calendars
