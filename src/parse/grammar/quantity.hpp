#pragma once

#include "parse/grammar/config.hpp"
#include "parse/grammar/number.hpp"

namespace tollgate::parse::grammar {

/// The lexicon's words for the quantity grammar. Each symbol maps a phrase to
/// the index of its entry in the lexicon (quantity_lexicon::qualifiers() or
/// vague()); `zero` phrases ("no one", "none") stand for a figure of 0.
struct quantity_tables {
  asc::symbols<int> prefix;   // "more than", "at least", ">="
  asc::symbols<int> postfix;  // "or more", "or fewer"
  asc::symbols<int> vague;    // "dozens", "tens of thousands"
  asc::symbols<int> zero;     // "no one", "none", "no"
};

/// A qualifier before a figure, with the space after it: "more than ", ">".
using qualifier_type = x3::rule<class qualifier_class, int>;
BOOST_SPIRIT_DECLARE(qualifier_type)
qualifier_type const& qualifier();

/// A qualifier after a figure: " or more", " or fewer". Not when another
/// figure follows it ("200 or greater than 190" is two quantities).
using postfix_type = x3::rule<class postfix_class, int>;
BOOST_SPIRIT_DECLARE(postfix_type)
postfix_type const& postfix();

/// " or equal", " or equal to" after a bound: makes "more than" inclusive.
using or_equal_type = x3::rule<class or_equal_class>;
BOOST_SPIRIT_DECLARE(or_equal_type)
or_equal_type const& or_equal();

/// A vague amount from the lexicon: "dozens", "a handful".
using vague_type = x3::rule<class vague_class, int>;
BOOST_SPIRIT_DECLARE(vague_type)
vague_type const& vague();

/// A phrase that means none: "no one", "none", "no".
using zero_type = x3::rule<class zero_class, int>;
BOOST_SPIRIT_DECLARE(zero_type)
zero_type const& zero();

/// What joins two bounds into one interval: " and ", " but ", ", ".
using bound_join_type = x3::rule<class bound_join_class>;
BOOST_SPIRIT_DECLARE(bound_join_type)
bound_join_type const& bound_join();

}  // namespace tollgate::parse::grammar
