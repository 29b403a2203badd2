#pragma once

#include "parse/grammar/config.hpp"

namespace tollgate::parse::grammar {

/// A cardinal: digits with optional grouping and decimals, optionally followed
/// by a scale word ("2.3 million"), or spelled out ("one hundred and five").
using number_type = x3::rule<class number_class, double>;
BOOST_SPIRIT_DECLARE(number_type)
number_type const& number();

/// The two figures of a range: "between 100 and 300", "100 to 300", "100-300".
struct range_value {
  double lo = 0;
  double hi = 0;
};
using range_type = x3::rule<class range_class, range_value>;
BOOST_SPIRIT_DECLARE(range_type)
range_type const& range();

}  // namespace tollgate::parse::grammar
