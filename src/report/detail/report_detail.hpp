#pragma once

// What the report stage's files share; not for other stages.

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "claims/claims.hpp"
#include "report/report.hpp"
#include "rules/rules.hpp"

namespace tollgate::report::detail {

using json = nlohmann::ordered_json;

/// A whole number as an integer, anything else as a double.
json number(double v);
/// A claim with exactly DESIGN's fields, in DESIGN's order.
json claim_object(const claims::claim& c);
/// One line of JSON; bytes that are not UTF-8 become U+FFFD.
std::string dump(const json& j);
/// Indented JSON; bytes that are not UTF-8 become U+FFFD.
std::string dump_pretty(const json& j);
/// Writes `j` as dump_pretty does, for a value that sits `indent` spaces
/// deep in a larger document: lines after the first get that margin.
void write_indented(std::ostream& out, const json& j, std::size_t indent);
/// Writes an array of `n` items made one at a time by `item`, laid out as
/// dump_pretty lays out an array `indent` spaces deep, without holding it.
void write_array(std::ostream& out, std::size_t n, std::size_t indent,
                 const std::function<json(std::size_t)>& item);

/// The place of document `index`, or an empty place when it is not known.
const document_place& place_at(const lint_report& r, std::size_t index);

}  // namespace tollgate::report::detail
