#pragma once

#include <cstdlib>
#include <string>

#include "parse/grammar/number.hpp"

namespace tollgate::parse::grammar {
namespace number_detail {

using x3::_attr;
using x3::_val;

// Spelled-out words. x3::no_case lowers the input before the lookup, so the
// tables hold lowercase keys.
inline x3::symbols<double> const units_words{
    {"one", 1},       {"two", 2},       {"three", 3},     {"four", 4},       {"five", 5},
    {"six", 6},       {"seven", 7},     {"eight", 8},     {"nine", 9},       {"ten", 10},
    {"eleven", 11},   {"twelve", 12},   {"thirteen", 13}, {"fourteen", 14},  {"fifteen", 15},
    {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}};
inline x3::symbols<double> const ones_words{{"one", 1}, {"two", 2},   {"three", 3},
                                            {"four", 4}, {"five", 5}, {"six", 6},
                                            {"seven", 7}, {"eight", 8}, {"nine", 9}};
inline x3::symbols<double> const tens_words{{"twenty", 20}, {"thirty", 30}, {"forty", 40},
                                            {"fifty", 50},  {"sixty", 60},  {"seventy", 70},
                                            {"eighty", 80}, {"ninety", 90}};
inline x3::symbols<double> const scale_words{
    {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}};

// A word ends where no letter, digit or hyphenated letter follows, so that
// "twenty-first" is not read as "twenty".
auto const word_end = !(x3::alnum | x3::lit('_') | (x3::lit('-') >> x3::alpha));
auto const sp = x3::omit[+x3::blank];

auto const set_val = [](auto& ctx) { _val(ctx) = _attr(ctx); };
auto const add_val = [](auto& ctx) { _val(ctx) += _attr(ctx); };
auto const zero_val = [](auto& ctx) { _val(ctx) = 0; };
auto const times_val = [](auto& ctx) { _val(ctx) *= _attr(ctx); };
// Grouping commas are dropped before conversion; the decimal point is kept.
auto const digits_to_value = [](auto& ctx) {
  std::string s;
  for (char c : _attr(ctx)) {
    if (c != ',') s += c;
  }
  _val(ctx) = std::strtod(s.c_str(), nullptr);
};

x3::rule<class digits_class, double> const digits = "digits";
x3::rule<class below100_class, double> const below100 = "below100";
x3::rule<class below1000_class, double> const below1000 = "below1000";
x3::rule<class scaled_chunk_class, double> const scaled_chunk = "scaled_chunk";
x3::rule<class spelled_class, double> const spelled = "spelled";

auto const grouped = x3::repeat(1, 3)[x3::digit] >> +(x3::lit(',') >> x3::repeat(3)[x3::digit]) >>
                     !x3::digit;
auto const digits_def =
    x3::raw[(grouped | +x3::digit) >> -(x3::lit('.') >> +x3::digit)][digits_to_value];

auto const below100_def =
    (x3::no_case[tens_words][set_val] >>
     -((x3::lit('-') | sp) >> x3::no_case[ones_words][add_val] >> word_end) >> word_end) |
    (x3::no_case[units_words][set_val] >> word_end);

auto const and_sep = sp >> -(x3::no_case[x3::lit("and")] >> sp);
auto const below1000_def =
    (((below100[set_val] | (x3::no_case[x3::lit('a')] >> x3::attr(1.0))[set_val]) >> sp >>
      x3::no_case[x3::lit("hundred")] >> word_end >> x3::eps[([](auto& ctx) { _val(ctx) *= 100; })] >>
      -(and_sep >> below100[add_val])) |
     below100[set_val]);

auto const scaled_chunk_def =
    (below1000[set_val] | (x3::no_case[x3::lit('a')] >> x3::attr(1.0))[set_val]) >> sp >>
    x3::no_case[scale_words][times_val] >> word_end;

// "two million three hundred thousand", "one thousand four hundred and five".
auto const spelled_def = x3::eps[zero_val] >>
                         ((scaled_chunk[add_val] % and_sep) >> -(and_sep >> below1000[add_val]) |
                          below1000[add_val]);

auto const digits_scaled = digits[set_val] >> -(sp >> x3::no_case[scale_words] >> word_end)[times_val];

BOOST_SPIRIT_DEFINE(digits, below100, below1000, scaled_chunk, spelled)

auto const dash = x3::lit('-') | x3::lit("\xE2\x80\x93") | x3::lit("\xE2\x80\x94");  // - – —
auto const set_lo = [](auto& ctx) { _val(ctx).lo = _attr(ctx); };
auto const set_hi = [](auto& ctx) { _val(ctx).hi = _attr(ctx); };

}  // namespace number_detail

using number_detail::digits_scaled;
using number_detail::spelled;

number_type const number_rule = "number";
auto const number_rule_def = digits_scaled | spelled[number_detail::set_val];

range_type const range_rule = "range";
auto const range_rule_def =
    (x3::no_case[x3::lit("between")] >> number_detail::sp >> number_rule[number_detail::set_lo] >>
     number_detail::sp >> x3::no_case[x3::lit("and")] >> number_detail::sp >>
     number_rule[number_detail::set_hi]) |
    (-(x3::no_case[x3::lit("from")] >> number_detail::sp) >> number_rule[number_detail::set_lo] >>
     ((number_detail::sp >> x3::no_case[x3::lit("to")] >> number_detail::sp) |
      (*x3::blank >> number_detail::dash >> *x3::blank)) >>
     number_rule[number_detail::set_hi]);

BOOST_SPIRIT_DEFINE(number_rule, range_rule)

}  // namespace tollgate::parse::grammar
