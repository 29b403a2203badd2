#pragma once

// Strings that many claims repeat, kept once for the whole run.

#include <fmt/format.h>

#include <atomic>
#include <compare>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "core/compact_optional.hpp"

namespace tollgate::core {

namespace detail {
// The run's symbol texts by number, in chunks that never move: a symbol is
// a 32-bit number, half a pointer, and a claim holds a dozen of them.
inline constexpr std::size_t kSymbolChunkBits = 16;
inline constexpr std::size_t kSymbolChunks = 4096;  // 2^28 symbols at most
extern std::atomic<const std::string* const*> symbol_chunks[kSymbolChunks];

/// The text of symbol number `id`.
inline const std::string& symbol_text(std::uint32_t id) {
  // Relaxed: whoever holds the number got it after its text was stored.
  return *symbol_chunks[id >> kSymbolChunkBits].load(std::memory_order_relaxed)[id & ((std::uint32_t{1} << kSymbolChunkBits) - 1)];
}
}  // namespace detail

/// An immutable string stored once per run and shared: every claim names one
/// of a few metrics, groups and qualifiers, and repeats its document's id,
/// source and location, so a claim holds a number where it held a copy
/// (a batch has millions of claims). Converts to `const std::string&`, so it
/// reads like one. Interning is thread-safe; symbols live until the program ends.
class symbol {
 public:
  symbol() = default;  // the empty string
  symbol(std::string_view s);  // NOLINT: implicit, like std::string
  symbol(const std::string& s) : symbol(std::string_view(s)) {}  // NOLINT
  symbol(const char* s) : symbol(std::string_view(s)) {}  // NOLINT

  const std::string& str() const { return detail::symbol_text(id_); }
  operator const std::string&() const { return str(); }  // NOLINT
  bool empty() const { return id_ == 0; }
  /// Equal for equal texts, different for different ones: for hashing.
  std::uint32_t number() const { return id_; }
  std::size_t size() const { return str().size(); }
  std::string::const_iterator begin() const { return str().begin(); }
  std::string::const_iterator end() const { return str().end(); }

  // Equal text is one number, so symbols compare by number.
  friend bool operator==(const symbol& a, const symbol& b) { return a.id_ == b.id_; }
  friend bool operator==(const symbol& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const symbol& a, const char* b) { return a.str() == b; }
  friend std::strong_ordering operator<=>(const symbol& a, const symbol& b) {
    return a.str().compare(b.str()) <=> 0;
  }

  friend std::string operator+(const symbol& a, const std::string& b) { return a.str() + b; }
  friend std::string operator+(const std::string& a, const symbol& b) { return a + b.str(); }
  friend std::string operator+(const symbol& a, const char* b) { return a.str() + b; }
  friend std::string operator+(const char* a, const symbol& b) { return a + b.str(); }
  friend std::string operator+(const symbol& a, char b) { return a.str() + b; }
  friend std::string operator+(char a, const symbol& b) { return a + b.str(); }
  friend std::ostream& operator<<(std::ostream& out, const symbol& s) { return out << s.str(); }

 private:
  friend struct absent_value<symbol>;
  std::uint32_t id_ = 0;  // 0 is ""
};

/// An absent symbol has a number no text has (the empty symbol's is 0).
template <>
struct absent_value<symbol> {
  static symbol make() {
    symbol s;
    s.id_ = ~std::uint32_t{0};
    return s;
  }
  static bool is(const symbol& s) { return s.id_ == ~std::uint32_t{0}; }
};

}  // namespace tollgate::core

template <>
struct fmt::formatter<tollgate::core::symbol> : fmt::formatter<std::string_view> {
  auto format(const tollgate::core::symbol& s, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(s.str(), ctx);
  }
};
