#pragma once

#include <boost/spirit/home/x3.hpp>

namespace tollgate::parse::grammar {

namespace x3 = boost::spirit::x3;

// Every grammar is instantiated for this iterator and context; a call site
// with another one fails to link ("undefined reference to parse_rule").
using iterator_type = const char*;
using context_type = x3::unused_type;

}  // namespace tollgate::parse::grammar
