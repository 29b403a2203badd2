#pragma once

// The date-expression grammar. Each alternative of each rule starts afresh
// (a failed one may have filled some fields) and fills the fields of
// date_expression_parts; what the fields mean for a given kind is in
// parse/dates.hpp, and turning them into days is plain C++ (parse/dates.cpp).

#include <string>

#include "parse/grammar/calendar_names.hpp"
#include "parse/grammar/date_expression.hpp"
#include "parse/grammar/number.hpp"

namespace tollgate::parse::grammar {
namespace date_expression_detail {

using x3::_attr;
using x3::_pass;
using x3::_val;
using parts = date_expression_parts;
using calendar_names::full_month_names;
using calendar_names::short_month_names;
using calendar_names::month_names;
using calendar_names::short_weekday_names;
using calendar_names::weekday_names;

// Kinds, units, relations and parts as in parse/dates.hpp.
enum : int { k_calendar = 1, k_relative_day, k_weekday, k_shift, k_weekday_count, k_period,
             k_nth_weekday, k_month_day_relative, k_calendar_part, k_holiday, k_quarter, k_range };
enum : int { u_day = 1, u_week, u_month, u_year, u_weekend, u_quarter };
enum : int { p_earlier = 1, p_beginning, p_end, p_early, p_mid, p_late, p_later, p_units, p_rest };

// "first" .. "thirty-first", also "twenty first" and "twentyfirst".
inline asc::symbols<int> make_ordinal_words() {
  asc::symbols<int> s;
  const char* ones[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"};
  const char* teens[] = {"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                         "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
  for (int i = 0; i < 9; ++i) s.add(ones[i], i + 1);
  for (int i = 0; i < 10; ++i) s.add(teens[i], i + 10);
  s.add("twentieth", 20);
  s.add("thirtieth", 30);
  for (int i = 0; i < 9; ++i) {
    for (const char* sep : {"-", " ", ""}) {
      s.add(std::string("twenty") + sep + ones[i], 21 + i);
      if (i == 0) s.add(std::string("thirty") + sep + ones[i], 31);
    }
  }
  return s;
}
inline asc::symbols<int> const ordinal_words = make_ordinal_words();

// "one" .. "thirty one": days written as cardinals after a month ("May
// twenty one") or "the" ("Friday the fifteen").
inline asc::symbols<int> make_cardinal_words() {
  asc::symbols<int> s;
  const char* small[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                         "eighteen", "nineteen"};
  for (int i = 0; i < 19; ++i) s.add(small[i], i + 1);
  s.add("twenty", 20);
  s.add("thirty", 30);
  for (int i = 0; i < 9; ++i) {
    for (const char* sep : {"-", " "}) {
      s.add(std::string("twenty") + sep + small[i], 21 + i);
      if (i == 0) s.add(std::string("thirty") + sep + small[i], 31);
    }
  }
  return s;
}
inline asc::symbols<int> const cardinal_words = make_cardinal_words();

// Counts in "two days ago", "a few weeks later".
inline asc::symbols<int> const count_words{
    {"a", 1},      {"an", 1},       {"one", 1},     {"two", 2},      {"three", 3},   {"four", 4},
    {"five", 5},   {"six", 6},      {"seven", 7},   {"eight", 8},    {"nine", 9},    {"ten", 10},
    {"eleven", 11}, {"twelve", 12}, {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"twenty", 20}, {"thirty", 30}, {"few", 3},    {"a few", 3},    {"a couple of", 2},
    {"couple of", 2}, {"a couple", 2}, {"several", 3}};

inline asc::symbols<int> const unit_words{
    {"day", u_day},     {"days", u_day},     {"week", u_week},   {"weeks", u_week},
    {"month", u_month}, {"months", u_month}, {"year", u_year},   {"years", u_year},
    {"yr", u_year},     {"yrs", u_year}};

// this / last / next, as a week or month offset.
inline asc::symbols<int> const relation_words{
    {"this", 0},      {"current", 0},   {"the current", 0}, {"last", -1},  {"past", -1},
    {"previous", -1}, {"the previous", -1}, {"the past", -1}, {"the last", -1}, {"next", 1},
    {"the next", 1},  {"coming", 1},    {"the coming", 1},  {"upcoming", 1}, {"the following", 1},
    {"following", 1}};

// Words that may follow a bare day ("the 27th") without making it a noun's
// ordinal ("the 27th floor").
inline asc::symbols<int> const day_followers{
    {"and", 0}, {"or", 0},   {"at", 0},   {"in", 0},     {"on", 0},    {"when", 0},  {"to", 0},
    {"with", 0}, {"for", 0}, {"after", 0}, {"before", 0}, {"but", 0},  {"because", 0}, {"as", 0},
    {"until", 0}, {"till", 0}, {"that", 0}, {"i", 0},    {"we", 0},    {"he", 0},    {"she", 0},
    {"they", 0}, {"it", 0},  {"you", 0},  {"there", 0},  {"is", 0},    {"was", 0},   {"will", 0},
    {"from", 0}, {"by", 0},  {"of", 0},   {"with", 0}};

auto const word_end = !(asc::alnum | asc::lit('_'));
auto const sp = x3::omit[+asc::blank];
auto const osp = x3::omit[*asc::blank];
auto const ordinal_suffix = x3::no_case[asc::lit("st") | "nd" | "rd" | "th"];
auto const kw = [](const char* w) { return x3::no_case[asc::lit(w)] >> word_end; };

auto const reset = [](auto& ctx) { _val(ctx) = parts{}; };
template <int Kind>
auto const set_kind = [](auto& ctx) { _val(ctx).kind = Kind; };
auto const set_year = [](auto& ctx) { _val(ctx).year = _attr(ctx); };
// Clears what an earlier, failed spelling of a date may have filled, but not
// a weekday or "this" written before it.
auto const clear_date = [](auto& ctx) {
  auto& v = _val(ctx);
  v.year = v.month = v.day = 0;
  v.short_year = false;
  v.n1 = v.n2 = 0;
  v.n3 = -1;
  v.n3_digits = 0;
};
auto const set_short_year = [](auto& ctx) {
  _val(ctx).year = _attr(ctx);
  _val(ctx).short_year = true;
};
auto const set_month = [](auto& ctx) { _val(ctx).month = _attr(ctx); };
auto const set_day = [](auto& ctx) {
  const int d = _attr(ctx);
  _pass(ctx) = d >= 1 && d <= 31;
  _val(ctx).day = d;
};
auto const set_weekday = [](auto& ctx) { _val(ctx).weekday = _attr(ctx); };
auto const set_count = [](auto& ctx) { _val(ctx).count = static_cast<int>(_attr(ctx)); };
auto const set_unit = [](auto& ctx) { _val(ctx).unit = _attr(ctx); };
auto const set_relation = [](auto& ctx) {
  _val(ctx).relation = _attr(ctx);
  _val(ctx).relation_written = true;
};
template <int Value>
auto const relation_is = [](auto& ctx) { _val(ctx).relation = Value; };
template <int Value>
auto const count_is = [](auto& ctx) { _val(ctx).count = Value; };
template <int Value>
auto const unit_is = [](auto& ctx) { _val(ctx).unit = Value; };
template <int Value>
auto const part_is = [](auto& ctx) { _val(ctx).part = Value; };
template <int Value>
auto const base_is = [](auto& ctx) { _val(ctx).base = Value; };
auto const since_is = [](auto& ctx) { _val(ctx).since = true; };
// "1 month 21 days": each piece adds to the shift.
auto const add_shift = [](auto& ctx) {
  auto& v = _val(ctx);
  const int n = v.count;
  switch (v.unit) {
    case u_day: v.shift_days += n; break;
    case u_week: v.shift_days += 7 * n; break;
    case u_month: v.shift_months += n; break;
    case u_year: v.shift_months += 12 * n; break;
    default: break;
  }
};
auto const set_n1 = [](auto& ctx) { _val(ctx).n1 = _attr(ctx); };
auto const set_n2 = [](auto& ctx) { _val(ctx).n2 = _attr(ctx); };
auto const set_n3_short = [](auto& ctx) {
  _val(ctx).n3 = _attr(ctx);
  _val(ctx).n3_digits = 2;
};
auto const set_n3_long = [](auto& ctx) {
  _val(ctx).n3 = _attr(ctx);
  _val(ctx).n3_digits = 4;
};
// "4/22" is April 22 (month first, as the US and both peer suites write it);
// "22/04" can only be day first. A third number is the year.
auto const finish_numeric = [](auto& ctx) {
  auto& v = _val(ctx);
  int month = v.n1, day = v.n2;
  if (month > 12 && day <= 12) std::swap(month, day);
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    _pass(ctx) = false;
    return;
  }
  v.kind = k_calendar;
  v.month = month;
  v.day = day;
  if (v.n3 >= 0) {
    v.year = v.n3;
    v.short_year = v.n3_digits == 2;
  }
};
// Years are rules of their own (attribute int) so that a year that fails
// halfway leaves nothing behind.
auto const year_digits = [](auto& ctx) {
  const int y = _attr(ctx);
  _pass(ctx) = y >= 1000 && y <= 2999;
  if (_pass(ctx)) _val(ctx) = y;
};
// A spelled year: "two thousand and eighteen", or two halves "nineteen
// seventy eight".
auto const spelled_whole = [](auto& ctx) {
  const double y = _attr(ctx);
  _pass(ctx) = y >= 1000 && y <= 2999 && y == static_cast<int>(y);
  if (_pass(ctx)) _val(ctx) = static_cast<int>(y);
};
auto const spelled_century = [](auto& ctx) {
  const double c = _attr(ctx);
  _pass(ctx) = c >= 10 && c <= 29 && c == static_cast<int>(c);
  if (_pass(ctx)) _val(ctx) = static_cast<int>(c) * 100;
};
auto const spelled_tail = [](auto& ctx) {
  const double t = _attr(ctx);
  _pass(ctx) = t >= 1 && t <= 99 && t == static_cast<int>(t);
  if (_pass(ctx)) _val(ctx) += static_cast<int>(t);
};

auto const uint4 = x3::uint_parser<int, 10, 4, 4>();
auto const uint2 = x3::uint_parser<int, 10, 2, 2>();
auto const uint12 = x3::uint_parser<int, 10, 1, 2>();

// Pieces.
auto const month = (x3::no_case[short_month_names][set_month] >> !asc::alpha >> -asc::lit('.')) |
                   (x3::no_case[full_month_names][set_month] >> !asc::alpha);
auto const weekday = x3::no_case[weekday_names][set_weekday] >> word_end;
// "Fri.", but not "Friday."
auto const weekday_dotted = (x3::no_case[short_weekday_names][set_weekday] >> word_end >> -asc::lit('.')) | weekday;
x3::rule<class year_number_class, int> const year_number = "year_number";
x3::rule<class spelled_year_number_class, int> const spelled_year_number = "spelled_year_number";
auto const year_number_def = uint4[year_digits] >> !asc::digit;
auto const spelled_year_number_def =
    &asc::alpha >> ((number()[spelled_century] >> sp >> &asc::alpha >> number()[spelled_tail]) | number()[spelled_whole]);
BOOST_SPIRIT_DEFINE(year_number, spelled_year_number)
auto const year4 = year_number[set_year];
auto const spelled_year = spelled_year_number[set_year];
auto const day_digits = uint12[set_day] >> -ordinal_suffix >> !asc::digit;
auto const day_ordinal_word = x3::no_case[ordinal_words][set_day] >> word_end;
auto const day_cardinal_word = x3::no_case[cardinal_words][set_day] >> word_end;
auto const day_any = day_digits | day_ordinal_word;
auto const day_after_month = day_digits | day_ordinal_word | day_cardinal_word;
auto const year_tail = -asc::lit(',') >> (sp | &asc::digit) >> -(kw("of") >> sp) >> (year4 | spelled_year);
auto const the = kw("the") >> sp;
auto const comma_sp = (osp >> asc::lit(',') >> osp) | sp;
// What may follow a bare day: the end, punctuation, or a small word.
auto const day_follow_ok = !(sp >> !(x3::no_case[day_followers] >> word_end) >> asc::alpha);

// Absolute dates ---------------------------------------------------------

// "October 13, 2023", "Oct. 7", "Oct-2", "jan/1", "May twenty-first",
// "february the 15th", "january 12 of 2016".
auto const month_first = month >> ((osp >> (asc::lit('-') | '/') >> osp) | osp) >> -(the) >>
                         day_after_month >> -year_tail;
// "13 October 2023", "1st jan", "fourth of may", "22 of jan", "28-nov",
// "31/Oct/1974", "16. nov. 2016", "26th june of 2020".
auto const day_first = -(the) >> day_any >> -asc::lit('.') >>
                       ((osp >> (asc::lit('-') | '/') >> osp) | (sp >> -(kw("day") >> sp) >> -(kw("of") >> sp)) |
                        x3::eps) >>
                       month >> -(((asc::lit('-') | '/') >> (year4 | uint2[set_short_year] >> !asc::digit)) |
                                  year_tail);
// "2023-10-12", "2015/08/12", "2015.5.13", "2019-sep-1".
auto const year_first =
    year4 >> (asc::lit('-') | '/' | '.') >> (uint12[set_month] | x3::no_case[month_names][set_month]) >>
    (asc::lit('-') | '/' | '.') >> uint12[set_day] >> !asc::digit >> x3::eps[([](auto& ctx) {
      auto& v = _val(ctx);
      _pass(ctx) = v.month >= 1 && v.month <= 12 && v.day >= 1 && v.day <= 31;
    })];
// "4/22", "22/04", "02/22/2016", "9-18-15", "08/12,2015", "10.31.1974". A
// dotted pair without a year ("4.22") is a decimal number in news.
auto const numeric_sep = asc::lit('/') | '-';
auto const numeric =
    (uint12[set_n1] >> numeric_sep >> uint12[set_n2] >>
     -((numeric_sep | ',') >> (uint4[set_n3_long] | uint2[set_n3_short]))) >> !asc::digit >> !(asc::lit('/') >> asc::digit) >>
        x3::eps[finish_numeric] |
    (uint12[set_n1] >> '.' >> uint12[set_n2] >> '.' >> (uint4[set_n3_long] | uint2[set_n3_short]) >> !asc::digit) >>
        x3::eps[finish_numeric];
// "October 2014", "2014-10": a month of a year.
auto const month_year = ((x3::no_case[short_month_names][set_month] >> word_end >> -asc::lit('.')) |
                         (x3::no_case[full_month_names][set_month] >> word_end)) >> -asc::lit(',') >> sp >>
                        year4;
auto const month_slash_year = uint12[set_month] >> '/' >> year4 >> !asc::digit >>
                              x3::eps[([](auto& ctx) { _pass(ctx) = _val(ctx).month >= 1 && _val(ctx).month <= 12; })];
auto const year_month = year4 >> (asc::lit('-') | '/') >> uint2[set_month] >> !asc::digit >> !(asc::lit('-') | '/') >>
                        x3::eps[([](auto& ctx) { _pass(ctx) = _val(ctx).month >= 1 && _val(ctx).month <= 12; })];
// "in March", "during March 2014", "in 2014".
auto const in_month = (kw("in") | kw("during")) >> sp >> x3::no_case[month_names][set_month] >> word_end >>
                      -(sp >> year4);
auto const in_year = kw("in") >> sp >> year4 >> word_end;
// "the 27th", "the second", "22nd": a day of the month alone.
auto const day_alone = ((the >> (day_digits | day_ordinal_word)) |
                        (x3::uint_parser<int, 10, 1, 2>()[set_day] >> ordinal_suffix >> word_end)) >>
                       day_follow_ok;

auto const calendar_core = (x3::eps[clear_date] >> year_first) | (x3::eps[clear_date] >> numeric) |
                           (x3::eps[clear_date] >> month_first) | (x3::eps[clear_date] >> day_first) |
                           (x3::eps[clear_date] >> month_year) | (x3::eps[clear_date] >> year_month) |
                           (x3::eps[clear_date] >> month_slash_year);

// "Monday, Feb 18", "Wed, 22 of Jan", "friday 7/6", "this friday (jun-15)",
// "Friday the 22nd", "Thu 15th"; and "Jul 18, Fri".
auto const weekday_then_date =
    -(kw("this") >> sp) >> weekday_dotted >>
    ((comma_sp >> calendar_core) | (osp >> '-' >> osp >> calendar_core) |
     (osp >> '(' >> osp >> calendar_core >> osp >> ')') |
     (sp >> x3::eps[clear_date] >> the >> (day_digits | day_ordinal_word | day_cardinal_word)) |
     (sp >> x3::eps[clear_date] >> uint12[set_day] >> ordinal_suffix >> word_end));
auto const date_then_weekday = calendar_core >> osp >> ',' >> osp >> weekday;

// Relative days ----------------------------------------------------------

inline asc::symbols<int> const relative_day_words{
    {"today", 0},           {"yesterday", -1},      {"tomorrow", 1},        {"tomorrows", 1},
    {"tmrw", 1},            {"tmr", 1},             {"the day before yesterday", -2},
    {"the day after tomorrow", 2}, {"the day after tmrw", 2}, {"day before yesterday", -2},
    {"day after tomorrow", 2}};
auto const relative_day = x3::no_case[relative_day_words][set_count] >> word_end;

// Weekdays ---------------------------------------------------------------

auto const week_relation = x3::no_case[relation_words][set_relation] >> sp >> kw("week");
// "next week on Friday", "last week Sunday", "this week's Sunday"
auto const week_then_day =
    week_relation >> ((asc::lit("'s") >> sp) | (sp >> -(kw("on") >> sp))) >> weekday >> x3::eps[base_is<1>];
// "Friday of next week", "Friday next week", "Sunday from last week"
auto const day_then_week =
    weekday >> sp >> -((kw("of") | kw("from") | kw("in")) >> sp) >> week_relation >> x3::eps[base_is<1>];
// "friday after next"
auto const day_after_next = weekday >> sp >> kw("after") >> sp >> kw("next") >> x3::eps[relation_is<2>];
// "last Friday", "this Friday", "next Sunday", "past monday", "Friday".
auto const weekday_alone = -(x3::no_case[relation_words][set_relation] >> sp) >> weekday;

// Shifts -----------------------------------------------------------------

auto const count = x3::uint_parser<int, 10, 1, 4>()[set_count] | (x3::no_case[count_words][set_count] >> word_end);
auto const amount = count >> sp >> x3::no_case[unit_words][set_unit] >> word_end >> x3::eps[add_shift];
auto const amounts = amount >> *(((osp >> ',' >> osp) | sp) >> -(kw("and") >> sp) >> amount);
inline asc::symbols<int> const later_words{{"ago", -1},        {"back", -1},      {"earlier", -1},
                                          {"before", -1},     {"later", 1},      {"from now", 1},
                                          {"hence", 1},       {"after", 1},      {"from today", 1},
                                          {"after today", 1}, {"from tomorrow", 1}, {"from yesterday", 1},
                                          {"before yesterday", -1}, {"before today", -1},
                                          {"after tomorrow", 1}};
auto const base_of = [](auto& ctx) {
  // "from tomorrow" starts a day later, "before yesterday" a day earlier.
  auto& v = _val(ctx);
  v.relation = _attr(ctx);
  v.base = 0;
};
auto const shift_words = x3::no_case[later_words][base_of] >> word_end;
auto const shift_tail = x3::raw[shift_words][([](auto& ctx) {
  auto& v = _val(ctx);
  std::string w;
  for (char c : _attr(ctx)) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (w.find("tomorrow") != std::string::npos) v.base = 1;
  if (w.find("yesterday") != std::string::npos) v.base = -1;
})];
auto const shift_expr = (amounts >> sp >> shift_tail) |
                        (kw("in") >> sp >> amounts >> x3::eps[relation_is<1>]);
// "3 fridays from now", "2 thursdays ago", "two monday later".
auto const weekday_count =
    count >> sp >> x3::no_case[weekday_names][set_weekday] >> -x3::no_case[asc::lit('s')] >> word_end >> sp >>
    (kw("from") >> sp >> kw("now") >> x3::eps[relation_is<1>] | kw("later") >> x3::eps[relation_is<1>] |
     kw("hence") >> x3::eps[relation_is<1>] | kw("ago") >> x3::eps[relation_is<-1>] |
     kw("back") >> x3::eps[relation_is<-1>]);

// Periods ----------------------------------------------------------------

inline asc::symbols<int> const period_units{{"week", u_week},      {"month", u_month}, {"year", u_year},
                                           {"yr", u_year},        {"weekend", u_weekend}, {"quarter", u_quarter},
                                           {"qtr", u_quarter}};
// "last week", "this month", "next year"; "earlier this month", "later this week".
auto const period = -((kw("earlier") >> x3::eps[part_is<p_earlier>] | kw("later") >> x3::eps[part_is<p_later>]) >>
                      sp) >>
                    x3::no_case[relation_words][set_relation] >> sp >> x3::no_case[period_units][set_unit] >> word_end;
// "the end of the month", "beginning of next week", "end of last week".
auto const edge = (kw("beginning") >> x3::eps[part_is<p_beginning>] | kw("start") >> x3::eps[part_is<p_beginning>] |
                   kw("end") >> x3::eps[part_is<p_end>]) >>
                  sp >> kw("of") >> sp;
// "end of around next week": a hedge on the period, which stays the same.
auto const period_edge =
    -(kw("at") >> sp) >> -(the) >> edge >> -(kw("around") >> sp) >>
    ((x3::no_case[relation_words][set_relation] >> sp) | (kw("the") >> sp) | x3::eps) >>
    x3::no_case[period_units][set_unit] >> word_end;
// "early March", "mid-October 2023", "late last month" is not handled.
auto const month_part =
    (kw("early") >> x3::eps[part_is<p_early>] | (x3::no_case[asc::lit("mid")] >> -asc::lit('-') >> x3::eps[part_is<p_mid>]) |
     kw("late") >> x3::eps[part_is<p_late>]) >>
    osp >> x3::no_case[month_names][set_month] >> word_end >> -(sp >> year4);
auto const month_edge = -(kw("at") >> sp) >> -(the) >> edge >> x3::no_case[month_names][set_month] >> word_end >>
                        -(sp >> year4);
// "EOM", "at the BOY": the business abbreviations, in capitals only ("boy"
// is a word).
auto const period_abbreviation =
    -(kw("at") >> sp) >> -(the) >>
    ((asc::lit("EOM") >> x3::eps[part_is<p_end>] >> x3::eps[unit_is<u_month>]) |
     (asc::lit("BOM") >> x3::eps[part_is<p_beginning>] >> x3::eps[unit_is<u_month>]) |
     (asc::lit("EOY") >> x3::eps[part_is<p_end>] >> x3::eps[unit_is<u_year>]) |
     (asc::lit("BOY") >> x3::eps[part_is<p_beginning>] >> x3::eps[unit_is<u_year>])) >>
    word_end;
// "all week", "the rest of the week", "rest of this month".
auto const period_rest =
    (kw("all") >> sp >> kw("week") >> x3::eps[unit_is<u_week>]) |
    (-(the) >> kw("rest") >> sp >> kw("of") >> sp >> (kw("the") | kw("this")) >> sp >>
     x3::no_case[period_units][set_unit] >> word_end >> x3::eps[part_is<p_rest>]);
// "the last week of September 2014", "first week of October": the month's
// last or first seven days.
auto const month_week = -(the) >>
                        (kw("first") >> x3::eps[part_is<p_beginning>] | kw("last") >> x3::eps[part_is<p_end>]) >>
                        sp >> kw("week") >> sp >> (kw("of") | kw("in")) >> sp >>
                        x3::no_case[month_names][set_month] >> word_end >> -(sp >> year4) >> x3::eps[unit_is<u_week>];

// Quarters ---------------------------------------------------------------

inline asc::symbols<int> const quarter_numbers{{"first", 1}, {"1st", 1}, {"second", 2}, {"2nd", 2},
                                              {"third", 3}, {"3rd", 3}, {"fourth", 4}, {"4th", 4}};
auto const quarter_word = kw("quarter") | kw("qtr");
auto const quarter_digit = x3::uint_parser<int, 10, 1, 1>()[set_count] >> x3::eps[([](auto& ctx) {
                             _pass(ctx) = _val(ctx).count >= 1 && _val(ctx).count <= 4;
                           })];
// "the third quarter", "4th qtr of 2018", "Q3 2018", "2018Q4", "18q4".
auto const quarter =
    (-(the) >> x3::no_case[quarter_numbers][set_count] >> word_end >> sp >> quarter_word >>
     -(sp >> -(kw("of") >> sp) >> year4 >> word_end)) |
    (x3::no_case[asc::lit('q')] >> quarter_digit >> word_end >> -(sp >> -(kw("of") >> sp) >> year4 >> word_end)) |
    (year4 >> x3::no_case[asc::lit('q')] >> quarter_digit >> word_end) |
    (uint2[set_short_year] >> x3::no_case[asc::lit('q')] >> quarter_digit >> word_end);

// Nth weekday of a month ------------------------------------------------

inline asc::symbols<int> const nth_words{{"first", 1},  {"1st", 1}, {"second", 2}, {"2nd", 2}, {"third", 3},
                                        {"3rd", 3},    {"fourth", 4}, {"4th", 4}, {"fifth", 5}, {"5th", 5},
                                        {"last", -1}};
// "the first Friday of July", "last Monday of March 2014", "the second
// Monday of next month", "first Sunday" (of this month).
// "last Friday" alone is a weekday, not the last Friday of this month.
auto const nth_weekday =
    (-(the) >> x3::no_case[nth_words][set_count] >> word_end >> sp >> weekday >> sp >> (kw("of") | kw("in")) >> sp >>
     ((x3::no_case[month_names][set_month] >> word_end >> -(sp >> year4)) |
      (x3::no_case[relation_words][set_relation] >> sp >> kw("month") >> x3::eps[unit_is<u_month>]) |
      (kw("the") >> sp >> kw("month") >> x3::eps[unit_is<u_month>]))) |
    (-(the) >> x3::no_case[nth_words][set_count] >> word_end >> sp >> weekday >>
     x3::eps[([](auto& ctx) { _pass(ctx) = _val(ctx).count > 0; })]);
// "the 20th of next month", "31st of this month", "20th day of next month".
auto const month_day_relative = -(the) >> day_any >> sp >> -(kw("day") >> sp) >> -(kw("of") >> sp) >>
                                x3::no_case[relation_words][set_relation] >> sp >> kw("month");

// Holidays by their English names and transliterations; the numbers are
// parse::date_holiday. "Lent" alone is left out: in news it is mostly the
// verb; so are names that are ordinary phrases ("the night journey").
inline asc::symbols<int> const holiday_names{
    {"thanksgiving", 1}, {"thanksgiving day", 1}, {"christmas", 2}, {"christmas day", 2}, {"xmas", 2},
    {"new year's eve", 3}, {"new years eve", 3}, {"new year's day", 4}, {"new years day", 4},
    {"valentine's day", 5}, {"valentine day", 5}, {"valentines day", 5}, {"halloween", 6},
    {"black friday", 7}, {"boss's day", 8}, {"boss day", 8}, {"bosses day", 8},
    {"mlk day", 9}, {"mlk jr. day", 9}, {"mlk jr day", 9}, {"martin luther king day", 9},
    {"martin luther king's day", 9}, {"martin luther kings day", 9}, {"martin luther king jr. day", 9},
    {"civil rights day", 9}, {"world vegan day", 10}, {"easter", 11}, {"easter sunday", 11},
    {"easter monday", 12}, {"easter mon", 12}, {"maundy thursday", 13}, {"covenant thursday", 13},
    {"covenant thu", 13}, {"thu of mysteries", 13}, {"thursday of mysteries", 13}, {"pentecost", 14},
    {"white sunday", 14}, {"whit sunday", 14}, {"whitsunday", 14}, {"whit monday", 15},
    {"monday of the holy spirit", 15}, {"palm sunday", 16}, {"branch sunday", 16}, {"trinity sunday", 17},
    {"shrove tuesday", 18}, {"pancake day", 18}, {"mardi gras", 18}, {"st patrick's day", 19},
    {"st. patrick's day", 19}, {"saint patrick's day", 19}, {"st patricks day", 19},
    {"saint patricks day", 19}, {"st paddy's day", 19}, {"saint paddy's day", 19},
    {"orthodox easter", 20}, {"orthodox easter sunday", 20}, {"orthodox good friday", 21},
    {"orthodox great friday", 21}, {"clean monday", 22}, {"orthodox shrove monday", 22},
    {"lazarus saturday", 23}, {"koningsdag", 24}, {"king's day", 24}, {"kings day", 24},
    {"good friday", 25}, {"great lent", 27}, {"great fast", 27}, {"ash wednesday", 28},
    // Hebrew calendar.
    {"rosh hashanah", 29}, {"rosh hashana", 29}, {"rosh hashanna", 29}, {"jewish new year", 29},
    {"yom kippur", 30}, {"day of atonement", 30}, {"sukkot", 31}, {"succot", 31}, {"succos", 31},
    {"feast of tabernacles", 31}, {"feast of the tabernacles", 31}, {"feast of the ingathering", 31},
    {"shemini atzeret", 32}, {"simchat torah", 33}, {"simhat torah", 33}, {"hanukkah", 34}, {"hanukah", 34},
    {"hannukkah", 34}, {"hannukah", 34}, {"chanukah", 34}, {"chanukkah", 34}, {"tu bishvat", 35},
    {"tu b'shvat", 35}, {"tu bshvat", 35}, {"purim", 36}, {"shushan purim", 37}, {"passover", 38},
    {"pesach", 38}, {"yom hashoah", 39}, {"yom ha'shoah", 39}, {"holocaust day", 39},
    {"holocaust remembrance day", 39}, {"yom haatzmaut", 40}, {"yom ha'atzmaut", 40},
    {"israel independence day", 40}, {"lag baomer", 41}, {"lag b'omer", 41}, {"lag ba'omer", 41},
    {"shavuot", 42}, {"shavuos", 42}, {"tisha b'av", 43}, {"tisha bav", 43}, {"tisha b'ab", 43},
    // Hijri calendar.
    {"ramadan", 44}, {"ramadhan", 44}, {"ramzan", 44}, {"eid al-fitr", 45}, {"eid al fitr", 45},
    {"eid ul-fitr", 45}, {"eid ul fitr", 45}, {"id ul-fitr", 45}, {"eid-al-fitr", 45}, {"eid al-adha", 46},
    {"eid al adha", 46}, {"eid ul-adha", 46}, {"eid ul adha", 46}, {"id ul-adha", 46}, {"eid-al-adha", 46},
    {"bakr id", 46}, {"bakrid", 46}, {"bakra eid", 46}, {"sacrifice feast", 46}, {"feast of the sacrifice", 46},
    {"laylat al-qadr", 47}, {"laylat al qadr", 47}, {"laylat al kadr", 47}, {"laylat al-kadr", 47},
    {"lailat al-qadr", 47}, {"night of power", 47}, {"night of measures", 47}, {"night of decree", 47},
    {"islamic new year", 48}, {"hijri new year", 48}, {"arabic new year", 48}, {"amun jadid", 48},
    {"day of ashura", 49}, {"ashura", 49}, {"mawlid", 50}, {"mawlid al-nabi", 50}, {"mawlid al-nabawi", 50},
    {"mawlid an-nabi", 50}, {"milad un-nabi", 50}, {"isra and mi'raj", 51}, {"isra and miraj", 51},
    {"isra' and mi'raj", 51}, {"al-isra wal-miraj", 51}, {"the prophet's ascension", 51},
    {"jumu'atul-wida", 52}, {"jumuatul wida", 52}, {"jumu'atul wida", 52}, {"jamat ul-vida", 52},
    {"jamat ul vida", 52}, {"jumat ul-vida", 52},
    // Known from tables.
    {"chinese new year", 53}, {"chinese new year's day", 53}, {"chinese new years", 53},
    {"chinese lunar new year", 53}, {"chinese lunar new year's day", 53}, {"lunar new year", 53},
    {"diwali", 54}, {"deepavali", 54}, {"divali", 54}, {"deepawali", 54},
    {"lakshmi puja", 54}, {"dhanteras", 55}, {"dhanatrayodashi", 55}, {"naraka chaturdashi", 56},
    {"narak chaturdashi", 56}, {"choti diwali", 56}, {"chhoti diwali", 56}, {"kali chaudas", 56},
    {"bhai dooj", 57}, {"bhai duj", 57}, {"bhau beej", 57}, {"bhai tika", 57}, {"holi", 58}, {"dhulandi", 58},
    {"dhuleti", 58}, {"phagwah", 58}, {"holika dahan", 59}, {"chhoti holi", 59}, {"choti holi", 59},
    {"kamudu pyre", 59}, {"parsi new year", 60}, {"jamshedi navroz", 60}, {"jamshedi nowruz", 60},
    {"the ides of march", 61}, {"ides of march", 61}};
// "Easter 2013", "last Thanksgiving", "MLK day of last year", "Easter Sunday
// two thousand ten".
auto const set_holiday = [](auto& ctx) { _val(ctx).holiday = _attr(ctx); };
// "Thanksgiving in 9 months", "Thanksgiving 1 year ago": the holiday of the
// year the shift lands in.
auto const holiday_shift = (amounts >> sp >> shift_tail) | (kw("in") >> sp >> amounts >> x3::eps[relation_is<1>]);
auto const holiday = (-(x3::no_case[relation_words][set_relation] >> sp) >> x3::no_case[holiday_names][set_holiday] >>
                      word_end >>
                      -(sp >> ((-((kw("of") | kw("in")) >> sp) >> (year4 | spelled_year)) |
                               (kw("of") >> sp >> x3::no_case[relation_words][set_relation] >> sp >> kw("year") >>
                                x3::eps[unit_is<u_year>]) |
                               (holiday_shift >> x3::eps[unit_is<u_day>])))) |
                     (x3::no_case[asc::lit("lent")] >> x3::eps[([](auto& ctx) { _val(ctx).holiday = 26; })] >> sp >>
                      year4 >> word_end);
// "three days after Easter": a shift from the holiday's day (base 1).
auto const shift_from_holiday =
    amounts >> sp >> (kw("after") >> x3::eps[relation_is<1>] | kw("before") >> x3::eps[relation_is<-1>]) >> sp >>
    x3::no_case[holiday_names][set_holiday] >> word_end >> -(sp >> -((kw("of") | kw("in")) >> sp) >> year4) >>
    x3::eps[base_is<1>];
// "the week of October 7th": the week (Monday to Sunday) holding the date.
auto const week_of = -(the) >> kw("week") >> sp >> kw("of") >> sp >> calendar_core >> x3::eps[unit_is<u_week>];
// "last day of October 2015".
auto const last_day_of = -(the) >> kw("last") >> sp >> kw("day") >> sp >> (kw("of") | kw("in")) >> sp >>
                         x3::no_case[month_names][set_month] >> word_end >> -(sp >> year4) >>
                         x3::eps[([](auto& ctx) { _val(ctx).day = 99; })];
// "next March": the coming March.
auto const month_relation = (x3::no_case[relation_words][set_relation] >> sp >> x3::no_case[month_names][set_month] >>
                             word_end) |
                            (x3::no_case[month_names][set_month] >> word_end >> sp >> kw("after") >> sp >> kw("next") >>
                             x3::eps[relation_is<2>] >> x3::eps[([](auto& ctx) { _val(ctx).relation_written = true; })]);
// "the last 2 days", "past two weeks", "next 3 months": whole units before or
// after the reference.
auto const last_n = -(the) >> x3::no_case[relation_words][set_relation] >> sp >> count >> sp >>
                    x3::no_case[unit_words][set_unit] >> word_end;
// "since 2014", "end of 2012", "the beginning of 2017".
auto const year_alone = year4 >> word_end;
auto const year_edge = -(kw("at") >> sp) >> -(the) >> edge >> year4 >> word_end;

// Ranges -----------------------------------------------------------------

auto const set_end_month = [](auto& ctx) { _val(ctx).end_month = _attr(ctx); };
auto const set_end_day = [](auto& ctx) {
  const int d = _attr(ctx);
  _pass(ctx) = d >= 1 && d <= 31;
  _val(ctx).end_day = d;
};
auto const set_end_year = [](auto& ctx) { _val(ctx).end_year = _attr(ctx); };
auto const end_month = (x3::no_case[short_month_names][set_end_month] >> !asc::alpha >> -asc::lit('.')) |
                       (x3::no_case[full_month_names][set_end_month] >> !asc::alpha);
auto const end_day = (uint12[set_end_day] >> -ordinal_suffix >> !asc::digit >> word_end) |
                     (x3::no_case[ordinal_words][set_end_day] >> word_end);
auto const end_year_tail = -asc::lit(',') >> sp >> year_number[set_end_year] >> word_end;
// Between the ends: "-" (or an en dash), "to", "thru", "through", "till", "until".
auto const range_to = (osp >> (asc::lit('-') | asc::lit("\xe2\x80\x93")) >> osp) |
                      (sp >> (kw("to") | kw("thru") | kw("through") | kw("till") | kw("until")) >> sp);
auto const range_and = sp >> kw("and") >> sp;
// "July 13-15", "Aug 8 - Aug 12", "August 27th - 29th", "July 13, 2014 to August 2, 2014";
// "13 to 15 July", "from the 13th to the 15th of July", "1-8 september";
// "1960 - 1961".
template <typename Sep>
auto range_of(Sep sep) {
  auto const month_first_range = month >> osp >> -(the) >> day_any >> -(-asc::lit(',') >> sp >> year4 >> word_end) >>
                                 sep >> ((end_month >> osp >> -(the) >> end_day) | (-(the) >> end_day)) >>
                                 -end_year_tail;
  auto const day_first_range = -(the) >> day_any >> sep >> -(the) >> end_day >>
                               ((sp >> -(kw("of") >> sp)) | osp) >> end_month >> -end_year_tail;
  auto const year_range = year4 >> word_end >> sep >> year_number[set_end_year] >> word_end;
  return (x3::eps[clear_date] >> month_first_range) | (x3::eps[clear_date] >> day_first_range) |
         (x3::eps[clear_date] >> year_range);
}
auto const date_range = (kw("from") >> sp >> range_of(range_to)) | (kw("between") >> sp >> range_of(range_and | range_to)) |
                        range_of(range_to);

}  // namespace date_expression_detail

namespace de = date_expression_detail;

// The alternatives are plain parser expressions, not rules, so that every
// action writes into the one attribute of date_expression_rule (a rule whose
// right-hand side has actions does not pass its attribute down).
auto const calendar_expr =
    (x3::eps[de::reset] >> de::date_range >> x3::eps[de::set_kind<de::k_range>]) |
    (x3::eps[de::reset] >> de::week_of >> x3::eps[de::set_kind<de::k_calendar>]) |
    (x3::eps[de::reset] >> de::weekday_then_date >> x3::eps[de::set_kind<de::k_calendar>]) |
    (x3::eps[de::reset] >> de::date_then_weekday >> x3::eps[de::set_kind<de::k_calendar>]) |
    (x3::eps[de::reset] >> de::month_day_relative >> x3::eps[de::set_kind<de::k_month_day_relative>]) |
    (x3::eps[de::reset] >> de::calendar_core >> x3::eps[de::set_kind<de::k_calendar>]) |
    (x3::eps[de::reset] >> de::in_month >> x3::eps[de::set_kind<de::k_calendar>]) |
    (x3::eps[de::reset] >> de::in_year >> x3::eps[de::set_kind<de::k_calendar>]) |
    (x3::eps[de::reset] >> de::day_alone >> x3::eps[de::set_kind<de::k_calendar>]);

auto const other_expr =
    (x3::eps[de::reset] >> de::relative_day >> x3::eps[de::set_kind<de::k_relative_day>]) |
    (x3::eps[de::reset] >> de::holiday >> x3::eps[de::set_kind<de::k_holiday>]) |
    (x3::eps[de::reset] >> de::shift_from_holiday >> x3::eps[de::set_kind<de::k_holiday>]) |
    (x3::eps[de::reset] >> de::quarter >> x3::eps[de::set_kind<de::k_quarter>]) |
    (x3::eps[de::reset] >> de::period_abbreviation >> x3::eps[de::set_kind<de::k_period>]) |
    (x3::eps[de::reset] >> de::period_rest >> x3::eps[de::set_kind<de::k_period>]) |
    (x3::eps[de::reset] >> de::month_week >> x3::eps[de::set_kind<de::k_calendar_part>]) |
    (x3::eps[de::reset] >> de::last_day_of >> x3::eps[de::set_kind<de::k_calendar>]) |
    (x3::eps[de::reset] >> de::month_relation >> x3::eps[de::set_kind<de::k_calendar>]) |
    (x3::eps[de::reset] >> de::last_n >> x3::eps[de::set_kind<de::k_period>] >> x3::eps[de::part_is<de::p_units>]) |
    (x3::eps[de::reset] >> de::year_edge >> x3::eps[de::set_kind<de::k_calendar_part>]) |
    (x3::eps[de::reset] >> de::nth_weekday >> x3::eps[de::set_kind<de::k_nth_weekday>]) |
    (x3::eps[de::reset] >> de::weekday_count >> x3::eps[de::set_kind<de::k_weekday_count>]) |
    (x3::eps[de::reset] >> de::shift_expr >> x3::eps[de::set_kind<de::k_shift>]) |
    (x3::eps[de::reset] >> de::period_edge >> x3::eps[de::set_kind<de::k_period>]) |
    (x3::eps[de::reset] >> de::month_part >> x3::eps[de::set_kind<de::k_calendar_part>]) |
    (x3::eps[de::reset] >> de::month_edge >> x3::eps[de::set_kind<de::k_calendar_part>]) |
    (x3::eps[de::reset] >> de::week_then_day >> x3::eps[de::set_kind<de::k_weekday>]) |
    (x3::eps[de::reset] >> de::day_then_week >> x3::eps[de::set_kind<de::k_weekday>]) |
    (x3::eps[de::reset] >> de::day_after_next >> x3::eps[de::set_kind<de::k_weekday>]) |
    (x3::eps[de::reset] >> de::period >> x3::eps[de::set_kind<de::k_period>]) |
    (x3::eps[de::reset] >> de::weekday_alone >> x3::eps[de::set_kind<de::k_weekday>]);

auto const core_expr = calendar_expr | other_expr;

date_expression_type const date_expression_rule = "date_expression";
auto const date_expression_rule_def =
    (x3::no_case[asc::lit("since")] >> de::word_end >> de::sp >>
     (core_expr | (x3::eps[de::reset] >> de::year_alone >> x3::eps[de::set_kind<de::k_calendar>])) >>
     x3::eps[de::since_is]) |
    core_expr;

BOOST_SPIRIT_DEFINE(date_expression_rule)

}  // namespace tollgate::parse::grammar
