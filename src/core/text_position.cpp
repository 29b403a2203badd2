#include "core/text_position.hpp"

#include <algorithm>
#include <cstring>

namespace tollgate::core {

line_index::line_index(std::string_view text) : text_(text) {
  starts_.push_back(0);
  // memchr runs many bytes at a time; lines are long next to a byte loop.
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (const char* p = begin; p < end;) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (!nl) break;
    p = static_cast<const char*>(nl) + 1;
    starts_.push_back(static_cast<std::size_t>(p - begin));
  }
}

line_index::position line_index::at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
  const std::size_t start = starts_[line - 1];
  const auto column = count_code_points(text_.substr(start, offset - start)) + 1;
  return {static_cast<int>(line), static_cast<int>(column)};
}

std::string_view line_index::line_text(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > starts_.size()) return {};
  const std::size_t start = starts_[static_cast<std::size_t>(line - 1)];
  std::size_t end = text_.find('\n', start);
  if (end == std::string_view::npos) end = text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return text_.substr(start, end - start);
}

std::size_t count_code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace tollgate::core
