#include "parse/grammar/date_expression_def.hpp"

namespace tollgate::parse::grammar {

BOOST_SPIRIT_INSTANTIATE(date_expression_type, iterator_type, context_type)

date_expression_type const& date_expression() { return date_expression_rule; }

}  // namespace tollgate::parse::grammar
