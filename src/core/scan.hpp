#pragma once

// Byte scans that pass over every byte of a batch, sixteen bytes at a time
// where the machine has SSE2 (every x86-64 does), else eight at a time.

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/ascii.hpp"

namespace tollgate::core {

namespace detail {
inline constexpr std::uint64_t kOnes = 0x0101010101010101ull;

#if defined(__SSE2__)
using block = __m128i;
// A bit per byte of a block: set where `is` holds 0xFF.
inline unsigned bits_of(block is) { return static_cast<unsigned>(_mm_movemask_epi8(is)); }
// Per byte: 0xFF where the byte lies in [lo, lo + span] (unsigned).
inline block within(block x, unsigned char lo, unsigned char span) {
  const block d = _mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(lo)));
  return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(static_cast<char>(span))), d);
}
#endif

// The first position at or after `from` where a byte is a hit, for a scan
// `Scan` that says which bytes hit three ways: `hits16` gives a bit per hit
// among sixteen bytes (SSE2 only); `hits8` marks, in the high bit of each
// byte, the hits among eight bytes read as one word (little-endian
// machines); `is_hit` looks at one byte.
template <typename Scan>
std::size_t find_first(std::string_view text, std::size_t from) {
#if defined(__SSE2__)
  while (from + 16 <= text.size()) {
    const block x = _mm_loadu_si128(reinterpret_cast<const block*>(text.data() + from));
    if (const unsigned hits = Scan::hits16(x); hits != 0) return from + static_cast<std::size_t>(std::countr_zero(hits));
    from += 16;
  }
#endif
  if constexpr (std::endian::native == std::endian::little) {
    while (from + 8 <= text.size()) {
      std::uint64_t x;
      std::memcpy(&x, text.data() + from, 8);
      if (const std::uint64_t hits = Scan::hits8(x); hits != 0) {
        return from + static_cast<std::size_t>(std::countr_zero(hits)) / 8;
      }
      from += 8;
    }
  }
  while (from < text.size() && !Scan::is_hit(text[from])) ++from;
  return from;
}

// Per byte, with no carry or borrow between bytes: the high bit is set when
// the byte is below 0x80 and its low seven bits lie in [lo, hi].
inline std::uint64_t in_range(std::uint64_t low7, std::uint64_t x, char lo, char hi) {
  const std::uint64_t below = kOnes * (0x7F + hi + 1) - low7;
  const std::uint64_t above = low7 + kOnes * (0x7F - (lo - 1));
  return below & above & ~x & (kOnes * 0x80);
}

struct digits {
#if defined(__SSE2__)
  static unsigned hits16(block x) { return bits_of(within(x, '0', 9)); }
#endif
  static std::uint64_t hits8(std::uint64_t x) { return in_range(x & (kOnes * 0x7F), x, '0', '9'); }
  static bool is_hit(char c) { return is_digit(c); }
};

// A letter's lowercase (| 0x20) lies in 'a'..'z'.
struct non_letters {
#if defined(__SSE2__)
  static unsigned hits16(block x) { return ~bits_of(within(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 25)) & 0xFFFFu; }
#endif
  static std::uint64_t hits8(std::uint64_t x) {
    const std::uint64_t low7 = (x | (kOnes * 0x20)) & (kOnes * 0x7F);
    return ~in_range(low7, x, 'a', 'z') & (kOnes * 0x80);
  }
  static bool is_hit(char c) { return !is_alpha(c); }
};

template <char... Bytes>
struct bytes_of {
#if defined(__SSE2__)
  static unsigned hits16(block x) { return bits_of((_mm_cmpeq_epi8(x, _mm_set1_epi8(Bytes)) | ...)); }
#endif
  // The high bit is set where `x` has a zero byte, and maybe in bytes after
  // one (a borrow): the lowest set bit is always a zero byte.
  static std::uint64_t zero_bytes(std::uint64_t x) { return (x - kOnes) & ~x & (kOnes * 0x80); }
  static std::uint64_t hits8(std::uint64_t x) {
    return (zero_bytes(x ^ (kOnes * static_cast<unsigned char>(Bytes))) | ...);
  }
  static bool is_hit(char c) { return ((c == Bytes) || ...); }
};
}  // namespace detail

/// The first ASCII digit of `text` at or after `from`, or text.size().
inline std::size_t find_digit(std::string_view text, std::size_t from) {
  return detail::find_first<detail::digits>(text, from);
}

/// The first byte of `text` at or after `from` that is no ASCII letter, or
/// text.size(): the end of a word's letters.
inline std::size_t find_non_alpha(std::string_view text, std::size_t from) {
  return detail::find_first<detail::non_letters>(text, from);
}

/// The first byte of `text` at or after `from` that is one of `bytes`, or
/// text.size().
template <char... Bytes>
inline std::size_t find_byte_of(std::string_view text, std::size_t from) {
  return detail::find_first<detail::bytes_of<Bytes...>>(text, from);
}

}  // namespace tollgate::core
