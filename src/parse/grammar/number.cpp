#include "parse/grammar/number_def.hpp"

namespace tollgate::parse::grammar {

BOOST_SPIRIT_INSTANTIATE(number_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(range_type, iterator_type, context_type)

number_type const& number() { return number_rule; }
range_type const& range() { return range_rule; }

}  // namespace tollgate::parse::grammar
