#pragma once

// Byte scans that pass over every byte of a batch, eight bytes at a time.

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/ascii.hpp"

namespace tollgate::core {

/// The first ASCII digit of `text` at or after `from`, or text.size().
inline std::size_t find_digit(std::string_view text, std::size_t from) {
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    while (from + 8 <= text.size()) {
      std::uint64_t x;
      std::memcpy(&x, text.data() + from, 8);
      // Per byte, with no carry or borrow between bytes: the high bit is set
      // when the byte is below 0x80, its low seven bits above '0' - 1 and
      // below '9' + 1.
      const std::uint64_t low7 = x & (ones * 0x7F);
      const std::uint64_t below = ones * (0x7F + '9' + 1) - low7;
      const std::uint64_t above = low7 + ones * (0x7F - ('0' - 1));
      const std::uint64_t hits = below & above & ~x & (ones * 0x80);
      if (hits != 0) return from + static_cast<std::size_t>(std::countr_zero(hits)) / 8;
      from += 8;
    }
  }
  while (from < text.size() && !is_digit(text[from])) ++from;
  return from;
}

/// The first byte of `text` at or after `from` that is no ASCII letter, or
/// text.size(): the end of a word's letters.
inline std::size_t find_non_alpha(std::string_view text, std::size_t from) {
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    while (from + 8 <= text.size()) {
      std::uint64_t x;
      std::memcpy(&x, text.data() + from, 8);
      // A letter is a byte below 0x80 whose lowercase (| 0x20) lies in
      // 'a'..'z'; per byte, with no carry or borrow between bytes.
      const std::uint64_t low7 = (x | (ones * 0x20)) & (ones * 0x7F);
      const std::uint64_t below = ones * (0x7F + 'z' + 1) - low7;
      const std::uint64_t above = low7 + ones * (0x7F - ('a' - 1));
      const std::uint64_t letters = below & above & ~x & (ones * 0x80);
      const std::uint64_t others = ~letters & (ones * 0x80);
      if (others != 0) return from + static_cast<std::size_t>(std::countr_zero(others)) / 8;
      from += 8;
    }
  }
  while (from < text.size() && is_alpha(text[from])) ++from;
  return from;
}

/// The first byte of `text` at or after `from` that is one of `bytes`, or
/// text.size().
template <char... Bytes>
inline std::size_t find_byte_of(std::string_view text, std::size_t from) {
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    // The high bit is set where `x` has a zero byte, and maybe in bytes
    // after one (a borrow): the lowest set bit is always a zero byte.
    auto zero_bytes = [](std::uint64_t x) { return (x - ones) & ~x & (ones * 0x80); };
    while (from + 8 <= text.size()) {
      std::uint64_t x;
      std::memcpy(&x, text.data() + from, 8);
      const std::uint64_t hits = (zero_bytes(x ^ (ones * static_cast<unsigned char>(Bytes))) | ...);
      if (hits != 0) return from + static_cast<std::size_t>(std::countr_zero(hits)) / 8;
      from += 8;
    }
  }
  while (from < text.size() && ((text[from] != Bytes) && ...)) ++from;
  return from;
}

}  // namespace tollgate::core
