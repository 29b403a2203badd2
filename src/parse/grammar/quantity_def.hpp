#pragma once

#include <cctype>
#include <string_view>

#include "parse/grammar/quantity.hpp"

namespace tollgate::parse::grammar {
namespace quantity_detail {

// Looks a phrase up in one of the lexicon's tables, which the caller passes
// in the context with x3::with<lexicon_tag>. A phrase that ends in a letter
// must end a word ("over" is not "overall") and takes the spaces after it;
// a sign (">=") may touch its figure.
template <asc::symbols<int> quantity_tables::*Table>
struct lexicon_phrase : x3::parser<lexicon_phrase<Table>> {
  using attribute_type = int;
  static bool const has_attribute = true;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attr) const {
    const quantity_tables& tables = x3::get<lexicon_tag>(context);
    Iterator it = first;
    int index = -1;
    if (!x3::no_case[tables.*Table].parse(it, last, context, rcontext, index) || it == first) return false;
    const char end_char = *(it - 1);
    const bool wordlike = (end_char >= 'a' && end_char <= 'z') || (end_char >= 'A' && end_char <= 'Z');
    if (wordlike) {
      if (it != last && (std::isalnum(static_cast<unsigned char>(*it)) || *it == '_')) return false;
    }
    x3::traits::move_to(index, attr);
    first = it;
    return true;
  }
};

auto const sp = x3::omit[+asc::blank];
auto const word_end = !(asc::alnum | asc::lit('_'));

}  // namespace quantity_detail

qualifier_type const qualifier_rule = "qualifier";
auto const qualifier_rule_def =
    quantity_detail::lexicon_phrase<&quantity_tables::prefix>() >> x3::omit[*asc::blank];

postfix_type const postfix_rule = "postfix";
// "or greater than 190" and "and more than 40" start another quantity.
auto const postfix_rule_def = quantity_detail::sp >> quantity_detail::lexicon_phrase<&quantity_tables::postfix>() >>
                              !(*asc::blank >> -(x3::no_case[asc::lit("than")] >> quantity_detail::sp) >> numeral_rule());

or_equal_type const or_equal_rule = "or_equal";
auto const or_equal_rule_def = quantity_detail::sp >> x3::no_case[asc::lit("or") >> quantity_detail::sp >>
                                                                  asc::lit("equal")] >>
                               quantity_detail::word_end >>
                               -(quantity_detail::sp >> x3::no_case[asc::lit("to")] >> quantity_detail::word_end) >>
                               !(*asc::blank >> numeral_rule());

vague_type const vague_rule = "vague";
auto const vague_rule_def = quantity_detail::lexicon_phrase<&quantity_tables::vague>();

zero_type const zero_rule = "zero";
auto const zero_rule_def = quantity_detail::lexicon_phrase<&quantity_tables::zero>();

bound_join_type const bound_join_rule = "bound_join";
auto const bound_join_rule_def =
    (*asc::blank >> asc::lit(',') >> *asc::blank) |
    (quantity_detail::sp >> x3::no_case[asc::lit("and") | asc::lit("but")] >> quantity_detail::word_end >>
     quantity_detail::sp);

BOOST_SPIRIT_DEFINE(qualifier_rule, postfix_rule, or_equal_rule, vague_rule, zero_rule, bound_join_rule)

}  // namespace tollgate::parse::grammar
