#pragma once

#include <string>
#include <vector>

namespace tollgate::core {

enum class severity { error, warning, info };

/// "error", "warning", "info".
const char* severity_name(severity s);
/// Parses a severity name; false when the name is unknown.
bool parse_severity(std::string_view name, severity& out);

/// One problem with a place: an input error, a rule-file error or a finding's
/// position. Every stage reports through this one shape and one renderer.
/// `line` and `column` count from 1; 0 means "not known".
struct diagnostic {
  std::string path;
  int line = 0;
  int column = 0;
  severity level = severity::error;
  std::string message;
  std::string id;  // rule id or error class, printed as "[id]"; may be empty
};

/// Diagnostics collected while a stage carries on with the rest of its input.
using diagnostics = std::vector<diagnostic>;

/// Renders `path:line:col: error: message [id]`, then, when `source_line` is
/// given, the line and a caret under `column`.
/// `line_first_column` is the column of source_line's first character, when
/// it is a window cut from a longer line.
std::string render(const diagnostic& d, std::string_view source_line = {}, bool color = false,
                   int line_first_column = 1);

/// True when any diagnostic is an error.
bool has_errors(const diagnostics& ds);

/// A value and the diagnostics produced while computing it (leveldb's Status
/// plus payload). The value is usable even when there are diagnostics.
template <typename T>
struct result {
  T value{};
  diagnostics problems;
};

}  // namespace tollgate::core
