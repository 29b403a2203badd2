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

// The first position at or after `from` where a byte is a hit. `hits16`
// gives a bit per hit among sixteen bytes (SSE2); `hits_in` marks, in the
// high bit of each byte, the hits among eight bytes read as one word
// (little-endian machines); `is_hit` looks at one byte.
template <typename Hits16, typename HitsIn, typename IsHit>
std::size_t find_first(std::string_view text, std::size_t from, [[maybe_unused]] Hits16 hits16, HitsIn hits_in,
                       IsHit is_hit) {
#if defined(__SSE2__)
  while (from + 16 <= text.size()) {
    const block x = _mm_loadu_si128(reinterpret_cast<const block*>(text.data() + from));
    if (const unsigned hits = hits16(x); hits != 0) return from + static_cast<std::size_t>(std::countr_zero(hits));
    from += 16;
  }
#endif
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
      [](auto x) {
#if defined(__SSE2__)
        return detail::bits_of(detail::within(x, '0', 9));
#else
        return x;
#endif
      },
      [](std::uint64_t x) { return detail::in_range(x & (detail::kOnes * 0x7F), x, '0', '9'); },
      [](char c) { return is_digit(c); });
}

/// The first byte of `text` at or after `from` that is no ASCII letter, or
/// text.size(): the end of a word's letters.
inline std::size_t find_non_alpha(std::string_view text, std::size_t from) {
  return detail::find_first(
      text, from,
      [](auto x) {
#if defined(__SSE2__)
        // A letter's lowercase (| 0x20) lies in 'a'..'z'.
        return ~detail::bits_of(detail::within(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 25)) & 0xFFFFu;
#else
        return x;
#endif
      },
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
      [](auto x) {
#if defined(__SSE2__)
        return detail::bits_of((_mm_cmpeq_epi8(x, _mm_set1_epi8(Bytes)) | ...));
#else
        return x;
#endif
      },
      [&](std::uint64_t x) {
        return (zero_bytes(x ^ (detail::kOnes * static_cast<unsigned char>(Bytes))) | ...);
      },
      [](char c) { return ((c == Bytes) || ...); });
}

}  // namespace tollgate::core
