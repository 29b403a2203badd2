// Runs the date-expression grammar and copies its parts into the
// Boost-free date_expression of parse/dates.hpp.

#include <cctype>

#include "parse/dates.hpp"
#include "parse/grammar/date_expression.hpp"

namespace tollgate::parse {

namespace x3 = boost::spirit::x3;

std::optional<date_expression> parse_date_expression(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  const char* const first = text.data() + pos;
  const char* it = first;
  grammar::date_expression_parts p;
  if (!x3::parse(it, text.data() + text.size(), grammar::date_expression(), p) || it == first) return std::nullopt;
  // A trailing blank belongs to no expression.
  while (it > first && std::isspace(static_cast<unsigned char>(it[-1]))) --it;
  date_expression e;
  e.offset = pos;
  e.length = static_cast<std::size_t>(it - first);
  e.kind = static_cast<date_expression_kind>(p.kind);
  e.year = p.year;
  e.short_year = p.short_year;
  e.month = p.month;
  e.day = p.day;
  e.weekday = p.weekday;
  e.count = p.count;
  e.unit = static_cast<date_unit>(p.unit);
  e.relation = p.relation;
  e.relation_written = p.relation_written;
  e.since = p.since;
  e.holiday = static_cast<date_holiday>(p.holiday);
  e.shift_days = p.shift_days;
  e.shift_months = p.shift_months;
  e.part = static_cast<date_part>(p.part);
  if (e.kind == date_expression_kind::weekday) {
    e.week_written = p.base == 1;
  } else {
    e.base = p.base;
  }
  return e;
}

std::vector<date_expression> find_date_expressions(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<date_expression> out;
  end = std::min(end, text.size());
  const std::string_view bounded = text.substr(0, end);
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (std::size_t i = begin; i < end;) {
    const bool word_start = is_word(text[i]) && (i == 0 || !is_word(text[i - 1]));
    if (!word_start) {
      ++i;
      continue;
    }
    // A figure glued to a decimal point or a grouping comma is not a date's start.
    if (i > 0 && (text[i - 1] == '.' || text[i - 1] == ',' || text[i - 1] == '/' || text[i - 1] == '-') &&
        i > 1 && std::isdigit(static_cast<unsigned char>(text[i - 2]))) {
      ++i;
      continue;
    }
    if (auto e = parse_date_expression(bounded, i); e && e->length > 0) {
      out.push_back(*e);
      i += e->length;
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace tollgate::parse
