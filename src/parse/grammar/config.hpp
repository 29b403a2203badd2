#pragma once

#include <boost/spirit/home/x3.hpp>

namespace tollgate::parse::grammar {

namespace x3 = boost::spirit::x3;

// Every grammar is instantiated for this iterator and context; a call site
// with another one fails to link ("undefined reference to parse_rule").
using iterator_type = const char*;
using context_type = x3::unused_type;

/// The qualifier and vague-amount symbols, filled from the YAML lexicon at run
/// time (quantity.hpp) and passed to the quantity grammar with
/// `x3::with<lexicon_tag>(tables)`, the way mapnik passes its transcoder.
struct quantity_tables;
struct lexicon_tag;
using quantity_context_type = x3::context<lexicon_tag, const quantity_tables, x3::unused_type>;

}  // namespace tollgate::parse::grammar
