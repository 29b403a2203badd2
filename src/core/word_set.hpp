#pragma once

// A set of lowercase words for the extraction path, which asks "is this word
// one of them?" of nearly every word of a batch. The (first letter, last
// letter, length) shapes of its words, a bit per length for each pair of
// letters, turn most words away before any hashing; the rest are looked up
// in an open-addressed table with a hash cheap enough to inline
// (std::hash on a string is a library call costlier than the lookup itself).

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace tollgate::core {

/// A hash of a word from at most two loads of up to eight bytes (its first
/// and last bytes, which overlap in a short word) and its length: no loop
/// over the letters, whose chain of multiplications cost more than the
/// lookup. Long words that share both ends collide; the lookup compares.
inline std::uint64_t word_hash(std::string_view w) {
  const std::size_t n = w.size();
  const char* const p = w.data();
  std::uint64_t head = 0;
  std::uint64_t tail = 0;
  if (n >= 8) {
    std::memcpy(&head, p, 8);
    std::memcpy(&tail, p + n - 8, 8);
  } else if (n >= 4) {
    std::uint32_t h4 = 0;
    std::uint32_t t4 = 0;
    std::memcpy(&h4, p, 4);
    std::memcpy(&t4, p + n - 4, 4);
    head = h4;
    tail = t4;
  } else if (n > 0) {
    head = static_cast<unsigned char>(p[0]) | (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
           (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
  }
  // Two independent products, then the splitmix64 finisher.
  std::uint64_t x = (head * 0x9E3779B97F4A7C15ull) ^ ((tail + n) * 0xC2B2AE3D27D4EB4Full);
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 29;
  return x;
}

/// The (first letter, last letter, length) shapes of a set of words: a test
/// that most other words fail without hashing. Letters other than a-z
/// share one class.
class word_shapes {
 public:
  void add(std::string_view word) {
    if (!word.empty()) set(word.front(), word.back(), word.size());
  }
  bool may_contain(std::string_view word) const {
    return !word.empty() && may_contain(word.front(), word.back(), word.size());
  }
  /// The same test from a word's first and last letters (lowercase) and its
  /// length (not 0).
  bool may_contain(char first, char last, std::size_t length) const {
    return (lengths_[ends(first, last)] & length_bit(length)) != 0;
  }

 private:
  static constexpr std::size_t kLengths = 24;  // longer words share the last length
  // A letter's class by table, not by comparisons: the test runs on nearly
  // every word of a batch.
  static constexpr std::array<std::uint8_t, 256> kLetter = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
      t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c >= 'a' && c <= 'z' ? c - 'a' : 26);
    }
    return t;
  }();
  static std::size_t ends(char first, char last) {
    return kLetter[static_cast<unsigned char>(first)] * 27u + kLetter[static_cast<unsigned char>(last)];
  }
  static std::uint32_t length_bit(std::size_t length) {
    return std::uint32_t{1} << (length < kLengths ? length - 1 : kLengths - 1);
  }
  void set(char first, char last, std::size_t length) { lengths_[ends(first, last)] |= length_bit(length); }
  std::array<std::uint32_t, 27 * 27> lengths_{};  // per (first, last) class, a bit per length
};

class word_set {
 public:
  word_set() = default;
  word_set(std::initializer_list<std::string_view> words) {
    for (auto w : words) add(w);
  }
  void add(std::string_view word) {
    if (word.empty() || contains(word)) return;
    shapes_.add(word);
    words_.emplace_back(word);
    // At most half full, so that a miss ends after a probe or two.
    if (words_.size() * 2 > slots_.size()) {
      rebuild();
    } else {
      place(words_.size() - 1);
    }
  }
  bool empty() const { return words_.empty(); }
  // The shape test is inlined at every caller and the lookup is not, so that
  // the common miss costs a few instructions and no call.
  bool contains(std::string_view word) const { return shapes_.may_contain(word) && lookup(word); }
  /// For a caller that can test a word's shape before it copies the word.
  const word_shapes& shapes() const { return shapes_; }

 private:
  // A slot holds the upper half of its word's hash, so that most probes
  // that miss never read the word itself.
  [[gnu::noinline]] bool lookup(std::string_view word) const {
    const std::uint64_t hash = word_hash(word);
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t tag = hash >> 32;
    for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
      const std::uint64_t slot = slots_[i];
      if (slot == 0) return false;
      if ((slot >> 32) == tag && same(words_[(slot & 0xFFFFFFFFu) - 1], word)) return true;
    }
  }
  // In place: words are short and a call to memcmp cost more.
  static bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
      if (a[k] != b[k]) return false;
    }
    return true;
  }
  void rebuild() {
    std::size_t size = 16;
    while (size < words_.size() * 2) size *= 2;
    slots_.assign(size, 0);
    for (std::size_t k = 0; k < words_.size(); ++k) place(k);
  }
  void place(std::size_t k) {
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t hash = word_hash(words_[k]);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = (hash >> 32 << 32) | (k + 1);
  }

  word_shapes shapes_;
  std::vector<std::string> words_;
  std::vector<std::uint64_t> slots_;  // the hash's upper half, then 1 + an index into words_; 0 is empty
};

}  // namespace tollgate::core
