#pragma once

#include "parse/grammar/config.hpp"

namespace tollgate::parse::grammar {

/// The parts of an absolute date as written; year 0 when the text has none.
struct date_parts {
  int year = 0;
  int month = 0;
  int day = 0;
};

/// "2023-10-12", "October 13, 2023", "Oct. 7", "7th October 2023", "7 Oct".
using date_type = x3::rule<class date_class, date_parts>;
BOOST_SPIRIT_DECLARE(date_type)
date_type const& date();

}  // namespace tollgate::parse::grammar
