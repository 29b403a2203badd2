#include "core/diagnostic.hpp"

#include <algorithm>

#include "core/text_position.hpp"

namespace tollgate::core {

const char* severity_name(severity s) {
  switch (s) {
    case severity::error:
      return "error";
    case severity::warning:
      return "warning";
    case severity::info:
      return "info";
  }
  return "error";
}

bool parse_severity(std::string_view name, severity& out) {
  if (name == "error") out = severity::error;
  else if (name == "warning") out = severity::warning;
  else if (name == "info") out = severity::info;
  else return false;
  return true;
}

std::string render(const diagnostic& d, std::string_view source_line, bool color, int line_first_column) {
  std::string out = d.path;
  if (d.line > 0) {
    out += ':' + std::to_string(d.line);
    if (d.column > 0) out += ':' + std::to_string(d.column);
  }
  out += ": ";
  const char* name = severity_name(d.level);
  if (color) {
    const char* code = d.level == severity::error ? "\033[1;31m"
                       : d.level == severity::warning ? "\033[1;35m"
                                                      : "\033[1;36m";
    out += code;
    out += name;
    out += "\033[0m";
  } else {
    out += name;
  }
  out += ": " + d.message;
  if (!d.id.empty()) out += " [" + d.id + "]";
  out += '\n';
  if (!source_line.empty() && d.column > 0) {
    // Columns count code points: one starts at every byte that does not
    // continue a UTF-8 sequence. Counted in place: a report renders a line
    // for each of up to a million findings.
    auto starts_point = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
    const std::size_t points = static_cast<std::size_t>(std::count_if(source_line.begin(), source_line.end(), starts_point));
    // Where code point `k` starts; the line's end for k == points.
    auto byte_of = [&](std::size_t k) {
      for (std::size_t i = 0, seen = 0; i < source_line.size(); ++i) {
        if (!starts_point(source_line[i])) continue;
        if (seen++ == k) return i;
      }
      return source_line.size();
    };
    const int shift = std::max(1, line_first_column);
    const std::size_t col = d.column >= shift ? std::min(static_cast<std::size_t>(d.column - shift), points) : 0;
    // A paragraph on one line can run to thousands of characters: show a
    // window around the column, marked with "…" where it is cut.
    constexpr std::size_t kBefore = 60, kAfter = 60;
    const std::size_t first = col > kBefore ? col - kBefore : 0;
    const std::size_t last = std::min(points, col + kAfter);
    const bool cut_before = first > 0 || shift > 1;
    if (cut_before) out += "…";
    const std::size_t from = byte_of(first);
    const std::size_t shown = out.size();
    out += source_line.substr(from, byte_of(last) - from);
    std::replace(out.begin() + static_cast<std::ptrdiff_t>(shown), out.end(), '\t', ' ');
    if (last < points) out += "…";
    out += '\n';
    out.append(col - first + (cut_before ? 1 : 0), ' ');
    out += "^\n";
  }
  return out;
}

bool has_errors(const diagnostics& ds) {
  return std::any_of(ds.begin(), ds.end(),
                     [](const diagnostic& d) { return d.level == severity::error; });
}

}  // namespace tollgate::core
