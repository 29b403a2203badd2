#pragma once

#include "parse/grammar/calendar_names.hpp"
#include "parse/grammar/date.hpp"

namespace tollgate::parse::grammar {
namespace date_detail {

using x3::_attr;
using x3::_val;

using calendar_names::full_month_names;
using calendar_names::short_month_names;

auto const word_end = !(asc::alnum | asc::lit('_'));
auto const sp = x3::omit[+asc::blank];
auto const uint4 = x3::uint_parser<int, 10, 4, 4>();
auto const uint2 = x3::uint_parser<int, 10, 2, 2>();
auto const day_num = x3::uint_parser<int, 10, 1, 2>();
auto const ordinal_suffix = x3::no_case[asc::lit("st") | "nd" | "rd" | "th"];

auto const reset = [](auto& ctx) { _val(ctx) = date_parts{}; };
auto const set_year = [](auto& ctx) { _val(ctx).year = _attr(ctx); };
auto const set_month = [](auto& ctx) { _val(ctx).month = _attr(ctx); };
auto const set_day = [](auto& ctx) { _val(ctx).day = _attr(ctx); };

auto const month = (x3::no_case[short_month_names][set_month] >> word_end >> -asc::lit('.')) |
                   (x3::no_case[full_month_names][set_month] >> word_end);
auto const day = day_num[set_day] >> -ordinal_suffix >> word_end;
auto const year = uint4[set_year] >> !asc::digit;

auto const iso = uint4[set_year] >> '-' >> uint2[set_month] >> '-' >> uint2[set_day] >> !asc::digit;
// "October 13, 2023", "Oct. 7"
auto const month_first = month >> sp >> day >> -(-asc::lit(',') >> sp >> year);
// "13 October 2023", "7th of October"
auto const day_first =
    day >> sp >> -(x3::no_case[asc::lit("of")] >> sp) >> month >> -(-asc::lit(',') >> sp >> year);

}  // namespace date_detail

date_type const date_rule = "date";
// Each alternative starts afresh: a failed one may have filled some parts.
auto const date_rule_def = (x3::eps[date_detail::reset] >> date_detail::iso) |
                      (x3::eps[date_detail::reset] >> date_detail::month_first) |
                      (x3::eps[date_detail::reset] >> date_detail::day_first);
BOOST_SPIRIT_DEFINE(date_rule)

}  // namespace tollgate::parse::grammar
