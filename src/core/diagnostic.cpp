#include "core/diagnostic.hpp"

#include <algorithm>
#include <vector>

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
    // Byte offsets of the line's code points: columns count code points.
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < source_line.size(); ++i) {
      if ((static_cast<unsigned char>(source_line[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    starts.push_back(source_line.size());
    const std::size_t points = starts.size() - 1;
    const int shift = std::max(1, line_first_column);
    const std::size_t col = d.column >= shift ? std::min(static_cast<std::size_t>(d.column - shift), points) : 0;
    // A paragraph on one line can run to thousands of characters: show a
    // window around the column, marked with "…" where it is cut.
    constexpr std::size_t kBefore = 60, kAfter = 60;
    const std::size_t first = col > kBefore ? col - kBefore : 0;
    const std::size_t last = std::min(points, col + kAfter);
    const bool cut_before = first > 0 || shift > 1;
    std::string line = cut_before ? "…" : "";
    line += std::string(source_line.substr(starts[first], starts[last] - starts[first]));
    if (last < points) line += "…";
    std::replace(line.begin(), line.end(), '\t', ' ');
    out += line + '\n';
    out += std::string(col - first + (cut_before ? 1 : 0), ' ') + "^\n";
  }
  return out;
}

bool has_errors(const diagnostics& ds) {
  return std::any_of(ds.begin(), ds.end(),
                     [](const diagnostic& d) { return d.level == severity::error; });
}

}  // namespace tollgate::core
