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

std::string render(const diagnostic& d, std::string_view source_line, bool color) {
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
    std::string line(source_line);
    std::replace(line.begin(), line.end(), '\t', ' ');
    out += line + '\n';
    // The caret goes under the column'th character, counted in code points.
    out += std::string(static_cast<size_t>(d.column - 1), ' ') + "^\n";
  }
  return out;
}

bool has_errors(const diagnostics& ds) {
  return std::any_of(ds.begin(), ds.end(),
                     [](const diagnostic& d) { return d.level == severity::error; });
}

}  // namespace tollgate::core
