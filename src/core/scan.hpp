#pragma once

// Byte scans that pass over every byte of a batch, eight bytes at a time.

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/ascii.hpp"

namespace tollgate::core {

namespace detail {
inline constexpr std::uint64_t kOnes = 0x0101010101010101ull;

// The first position at or after `from` where a byte is a hit. `hits_in`
// marks, in the high bit of each byte, the hits among eight bytes read as
// one word (little-endian machines); `is_hit` looks at one byte.
template <typename HitsIn, typename IsHit>
std::size_t find_first(std::string_view text, std::size_t from, HitsIn hits_in, IsHit is_hit) {
  if constexpr (std::endian::native == std::endian::little) {
    while (from + 8 <= text.size()) {
      std::uint64_t x;
      std::memcpy(&x, text.data() + from, 8);
      if (const std::uint64_t hits = hits_in(x); hits != 0) {
        return from + static_cast<std::size_t>(std::countr_zero(hits)) / 8;
      }
      from += 8;
    }
  }
  while (from < text.size() && !is_hit(text[from])) ++from;
  return from;
}

// Per byte, with no carry or borrow between bytes: the high bit is set when
// the byte is below 0x80 and its low seven bits lie in [lo, hi].
inline std::uint64_t in_range(std::uint64_t low7, std::uint64_t x, char lo, char hi) {
  const std::uint64_t below = kOnes * (0x7F + hi + 1) - low7;
  const std::uint64_t above = low7 + kOnes * (0x7F - (lo - 1));
  return below & above & ~x & (kOnes * 0x80);
}
}  // namespace detail

/// The first ASCII digit of `text` at or after `from`, or text.size().
inline std::size_t find_digit(std::string_view text, std::size_t from) {
  return detail::find_first(
      text, from,
      [](std::uint64_t x) { return detail::in_range(x & (detail::kOnes * 0x7F), x, '0', '9'); },
      [](char c) { return is_digit(c); });
}

/// The first byte of `text` at or after `from` that is no ASCII letter, or
/// text.size(): the end of a word's letters.
inline std::size_t find_non_alpha(std::string_view text, std::size_t from) {
  return detail::find_first(
      text, from,
      [](std::uint64_t x) {
        // A letter's lowercase (| 0x20) lies in 'a'..'z'.
        const std::uint64_t low7 = (x | (detail::kOnes * 0x20)) & (detail::kOnes * 0x7F);
        return ~detail::in_range(low7, x, 'a', 'z') & (detail::kOnes * 0x80);
      },
      [](char c) { return !is_alpha(c); });
}

/// The first byte of `text` at or after `from` that is one of `bytes`, or
/// text.size().
template <char... Bytes>
inline std::size_t find_byte_of(std::string_view text, std::size_t from) {
  // The high bit is set where `x` has a zero byte, and maybe in bytes after
  // one (a borrow): the lowest set bit is always a zero byte.
  auto zero_bytes = [](std::uint64_t x) { return (x - detail::kOnes) & ~x & (detail::kOnes * 0x80); };
  return detail::find_first(
      text, from,
      [&](std::uint64_t x) {
        return (zero_bytes(x ^ (detail::kOnes * static_cast<unsigned char>(Bytes))) | ...);
      },
      [](char c) { return ((c == Bytes) || ...); });
}

}  // namespace tollgate::core
