#include "parse/grammar/quantity_def.hpp"

namespace tollgate::parse::grammar {

BOOST_SPIRIT_INSTANTIATE(qualifier_type, iterator_type, quantity_context_type)
BOOST_SPIRIT_INSTANTIATE(postfix_type, iterator_type, quantity_context_type)
BOOST_SPIRIT_INSTANTIATE(or_equal_type, iterator_type, quantity_context_type)
BOOST_SPIRIT_INSTANTIATE(vague_type, iterator_type, quantity_context_type)
BOOST_SPIRIT_INSTANTIATE(zero_type, iterator_type, quantity_context_type)
BOOST_SPIRIT_INSTANTIATE(bound_join_type, iterator_type, quantity_context_type)

qualifier_type const& qualifier() { return qualifier_rule; }
postfix_type const& postfix() { return postfix_rule; }
or_equal_type const& or_equal() { return or_equal_rule; }
vague_type const& vague() { return vague_rule; }
zero_type const& zero() { return zero_rule; }
bound_join_type const& bound_join() { return bound_join_rule; }

}  // namespace tollgate::parse::grammar
