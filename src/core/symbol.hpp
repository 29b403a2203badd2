#pragma once

// Strings that many claims repeat, kept once for the whole run.

#include <fmt/format.h>

#include <compare>
#include <ostream>
#include <string>
#include <string_view>

#include "core/compact_optional.hpp"

namespace tollgate::core {

/// An immutable string stored once per run and shared: every claim names one
/// of a few metrics, groups and qualifiers, and repeats its document's id,
/// source and location, so a claim holds a pointer where it held a copy
/// (a batch has millions of claims). Converts to `const std::string&`, so it
/// reads like one. Interning is thread-safe; symbols live until the program ends.
class symbol {
 public:
  symbol() = default;  // the empty string
  symbol(std::string_view s);  // NOLINT: implicit, like std::string
  symbol(const std::string& s) : symbol(std::string_view(s)) {}  // NOLINT
  symbol(const char* s) : symbol(std::string_view(s)) {}  // NOLINT

  const std::string& str() const { return *text_; }
  operator const std::string&() const { return *text_; }  // NOLINT
  bool empty() const { return text_->empty(); }
  std::size_t size() const { return text_->size(); }
  std::string::const_iterator begin() const { return text_->begin(); }
  std::string::const_iterator end() const { return text_->end(); }

  // Equal text is one object, so symbols compare by address.
  friend bool operator==(const symbol& a, const symbol& b) { return a.text_ == b.text_; }
  friend bool operator==(const symbol& a, const std::string& b) { return *a.text_ == b; }
  friend bool operator==(const symbol& a, const char* b) { return *a.text_ == b; }
  friend std::strong_ordering operator<=>(const symbol& a, const symbol& b) {
    return a.text_->compare(*b.text_) <=> 0;
  }

  friend std::string operator+(const symbol& a, const std::string& b) { return *a.text_ + b; }
  friend std::string operator+(const std::string& a, const symbol& b) { return a + *b.text_; }
  friend std::string operator+(const symbol& a, const char* b) { return *a.text_ + b; }
  friend std::string operator+(const char* a, const symbol& b) { return a + *b.text_; }
  friend std::string operator+(const symbol& a, char b) { return *a.text_ + b; }
  friend std::string operator+(char a, const symbol& b) { return a + *b.text_; }
  friend std::ostream& operator<<(std::ostream& out, const symbol& s) { return out << *s.text_; }

 private:
  friend struct absent_value<symbol>;
  static const std::string* empty_text();
  const std::string* text_ = empty_text();
};

/// An absent symbol points at no text (the empty symbol points at "").
template <>
struct absent_value<symbol> {
  static symbol make() {
    symbol s;
    s.text_ = nullptr;
    return s;
  }
  static bool is(const symbol& s) { return s.text_ == nullptr; }
};

}  // namespace tollgate::core

template <>
struct fmt::formatter<tollgate::core::symbol> : fmt::formatter<std::string_view> {
  auto format(const tollgate::core::symbol& s, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(s.str(), ctx);
  }
};
