#pragma once

#include "parse/grammar/config.hpp"

namespace tollgate::parse::grammar {

/// What kind of numeral was written; a count is an integer or a decimal with
/// a scale ("2.3 million"), never a fraction, a power or an ordinal.
enum class numeral_form : unsigned char { integer, decimal, fraction, power, ordinal };

/// A numeral and its form. `value` is signed ("minus five", "-1.2M").
struct numeral {
  double value = 0;
  numeral_form form = numeral_form::integer;
};

/// A cardinal: digits with grouping (",", space, thin and no-break spaces),
/// decimals, scale words and abbreviations ("2.3 million", "3bn", "4k",
/// "1.5 lakh"), dozens, spelled-out numbers to the trillions with or without
/// "and" and hyphens, mixed forms ("4 thousand 3 hundred and 21").
using number_type = x3::rule<class number_class, double>;
BOOST_SPIRIT_DECLARE(number_type)
number_type const& number();

/// Any numeral: a signed cardinal, a fraction ("two thirds", "3/4", "½",
/// "one and a half", "half a million"), a power ("1.3e6", "1.1^23"), or an
/// ordinal ("71st", "the twenty-first" without "the").
using numeral_type = x3::rule<class numeral_class, numeral>;
BOOST_SPIRIT_DECLARE(numeral_type)
numeral_type const& numeral_rule();

/// An unsigned decimal integer without grouping, for figures that are part of
/// a dotted or dashed sequence ("192.168.1.2", "+1-222-2222").
using plain_integer_type = x3::rule<class plain_integer_class, double>;
BOOST_SPIRIT_DECLARE(plain_integer_type)
plain_integer_type const& plain_integer();

/// The two figures of a range: "between 100 and 300", "100 to 300", "100-300",
/// "100–300", "from 100 to 300", "20 through 100", "20~100", "5k-20k".
struct range_value {
  double lo = 0;
  double hi = 0;
  bool ordinal = false;   // "between the tenth and the fifteenth"
  bool fraction = false;  // "1/4-1/2"
};
using range_type = x3::rule<class range_class, range_value>;
BOOST_SPIRIT_DECLARE(range_type)
range_type const& range();

}  // namespace tollgate::parse::grammar
