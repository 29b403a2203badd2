#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace tollgate::core {

/// Maps byte offsets in a text to 1-based lines and columns. Columns count
/// code points, so a caret lines up under UTF-8 text in a terminal.
class line_index {
 public:
  explicit line_index(std::string_view text);
  struct position {
    int line;
    int column;
  };
  position at(std::size_t offset) const;
  /// The text of a 1-based line, without its newline.
  std::string_view line_text(int line) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

/// Number of UTF-8 code points in `s` (continuation bytes are not counted).
std::size_t count_code_points(std::string_view s);

}  // namespace tollgate::core
