#pragma once

// A set of lowercase words for the extraction path, which asks "is this word
// one of them?" of nearly every word of a batch. A bitset of (first letter,
// length) shapes turns most words away before any hashing.

#include <bitset>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace tollgate::core {

class word_set {
 public:
  word_set() = default;
  word_set(std::initializer_list<std::string_view> words) {
    for (auto w : words) add(w);
  }
  void add(std::string_view word) {
    if (word.empty()) return;
    shapes_.set(shape(word));
    words_.emplace(word);
  }
  bool empty() const { return words_.empty(); }
  bool contains(std::string_view word) const {
    return !word.empty() && shapes_.test(shape(word)) && words_.find(word) != words_.end();
  }

 private:
  static constexpr std::size_t kLengths = 24;
  static std::size_t shape(std::string_view w) {
    const char c = w.front();
    const std::size_t first = c >= 'a' && c <= 'z' ? static_cast<std::size_t>(c - 'a') : 26;
    return first * kLengths + (w.size() < kLengths ? w.size() - 1 : kLengths - 1);
  }
  // Looked up by string_view without making a string.
  struct hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::bitset<27 * kLengths> shapes_;
  std::unordered_set<std::string, hash, std::equal_to<>> words_;
};

}  // namespace tollgate::core
