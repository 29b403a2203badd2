#include "parse/grammar/date_def.hpp"

namespace tollgate::parse::grammar {

BOOST_SPIRIT_INSTANTIATE(date_type, iterator_type, context_type)

date_type const& date() { return date_rule; }

}  // namespace tollgate::parse::grammar
