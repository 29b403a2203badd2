#include "parse/grammar/number_def.hpp"

namespace tollgate::parse::grammar {

BOOST_SPIRIT_INSTANTIATE(number_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(numeral_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(plain_integer_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(range_type, iterator_type, context_type)
// The quantity grammar calls these with the lexicon in its context.
BOOST_SPIRIT_INSTANTIATE(numeral_type, iterator_type, quantity_context_type)
BOOST_SPIRIT_INSTANTIATE(range_type, iterator_type, quantity_context_type)

number_type const& number() { return number_rule; }
numeral_type const& numeral_rule() { return numeral_rule_; }
plain_integer_type const& plain_integer() { return plain_integer_rule; }
range_type const& range() { return range_rule; }

}  // namespace tollgate::parse::grammar
