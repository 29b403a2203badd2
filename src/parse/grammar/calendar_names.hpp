#pragma once

// Month and weekday names for the date grammars, written in full and
// shortened.

#include <initializer_list>
#include <utility>

#include "parse/grammar/config.hpp"

namespace tollgate::parse::grammar::calendar_names {

// Names written in full and shortened. A period closes only a shortened
// name ("Sept. 12", "Fri."): after "September" it ends a sentence, and
// "since September. 31 trucks arrived" holds no date.
using name_list = std::initializer_list<std::pair<const char*, int>>;
inline constexpr name_list kFullMonths = {
    {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},
    {"june", 6},    {"july", 7},     {"august", 8},    {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}};
inline constexpr name_list kShortMonths = {
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6},  {"jul", 7},
    {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
inline constexpr name_list kFullWeekdays = {
    {"sunday", 0}, {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5}, {"saturday", 6}};
inline constexpr name_list kShortWeekdays = {
    {"sun", 0},   {"mon", 1},   {"tues", 2}, {"tue", 2}, {"wed", 3}, {"thurs", 4},
    {"thur", 4},  {"thu", 4},   {"fri", 5},  {"sat", 6}};

inline asc::symbols<int> symbols_of(std::initializer_list<name_list> lists) {
  asc::symbols<int> s;
  for (const name_list& names : lists) {
    for (const auto& [name, value] : names) s.add(name, value);
  }
  return s;
}
inline asc::symbols<int> const full_month_names = symbols_of({kFullMonths});
inline asc::symbols<int> const short_month_names = symbols_of({kShortMonths});
inline asc::symbols<int> const month_names = symbols_of({kFullMonths, kShortMonths});
inline asc::symbols<int> const full_weekday_names = symbols_of({kFullWeekdays});
inline asc::symbols<int> const short_weekday_names = symbols_of({kShortWeekdays});
inline asc::symbols<int> const weekday_names = symbols_of({kFullWeekdays, kShortWeekdays});

}  // namespace tollgate::parse::grammar::calendar_names
