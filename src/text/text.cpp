#include "text/text.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/ascii.hpp"
#include "core/scan.hpp"
#include "core/word_set.hpp"

namespace tollgate::text {
namespace {

using core::is_alpha;
using core::is_digit;
using core::is_upper;
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }
// Any byte of a multi-byte UTF-8 letter counts as a word byte, so "Médecins"
// stays one word.
constexpr bool is_word_byte(char c) {
  return core::is_alnum(c) || (static_cast<unsigned char>(c) >= 0x80);
}
// is_word_byte, less 0xE2 (which leads ’ and other punctuation), as a table:
// the tokenizer's inner loop asks it of every letter.
constexpr auto kWordByteNotE2 = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[static_cast<std::size_t>(c)] = is_word_byte(static_cast<char>(c)) && c != 0xE2;
  return t;
}();

// Abbreviations after which a period does not end a sentence.
constexpr std::array<std::string_view, 40> kAbbreviations = {
    "mr",   "mrs",  "ms",   "dr",   "prof", "gen",  "col",  "lt",   "sgt",  "capt",
    "gov",  "sen",  "rep",  "st",   "jan",  "feb",  "mar",  "apr",  "jun",  "jul",
    "aug",  "sep",  "sept", "oct",  "nov",  "dec",  "no",   "vs",   "etc",  "approx",
    "inc",  "corp", "ltd",  "co",   "u.s",  "u.n",  "u.k",  "e.g",  "i.e",  "jr"};

constexpr std::size_t kLongestAbbreviation = [] {
  std::size_t n = 0;
  for (auto a : kAbbreviations) n = std::max(n, a.size());
  return n;
}();

bool is_abbreviation(std::string_view text, std::size_t dot) {
  std::size_t start = dot;
  while (start > 0 && (is_alpha(text[start - 1]) || text[start - 1] == '.')) --start;
  const std::size_t n = dot - start;
  if (n == 1) return true;  // an initial: "John F. Kennedy"
  // Most sentences end on a longer word: no copy, no comparison.
  if (n > kLongestAbbreviation) return false;
  char lower[kLongestAbbreviation];
  for (std::size_t i = 0; i < n; ++i) lower[i] = core::to_lower(text[start + i]);
  static const core::word_set abbreviations = [] {
    core::word_set set;
    for (auto a : kAbbreviations) set.add(a);
    return set;
  }();
  return abbreviations.contains(std::string_view(lower, n));
}

// Typographic quotes and dashes are three-byte UTF-8 sequences starting 0xE2.
bool opens_sentence(std::string_view text, std::size_t i) {
  if (i >= text.size()) return false;
  const char c = text[i];
  if (is_upper(c) || is_digit(c) || c == '"' || c == '\'' || c == '(' || c == '[') return true;
  return static_cast<unsigned char>(c) == 0xE2;  // “ ‘ and the like
}

// A dateline's city in capitals ("PORT ILVAN, Feb 9 -") opens a new line of
// copy, whatever came before.
bool starts_with_capitals(std::string_view text, std::size_t i) {
  std::size_t n = 0;
  while (i + n < text.size() && is_upper(text[i + n])) ++n;
  return n >= 3 && (i + n == text.size() || !is_alpha(text[i + n]));
}

// Appends the ASCII lowercase of `word` with ’ made '.
void append_normalized(std::string& out, std::string_view word) {
  std::size_t n = out.size();
  out.resize(n + word.size());  // the word never grows
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] == '\xE2' && word.substr(i, 3) == "\xE2\x80\x99") {  // ’
      out[n++] = '\'';
      i += 2;
      continue;
    }
    out[n++] = core::to_lower(word[i]);
  }
  out.resize(n);
}

}  // namespace

std::string normalize_word(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  append_normalized(out, word);
  return out;
}

std::vector<span> split_sentences(std::string_view text) {
  std::vector<span> out;
  std::size_t start = 0;
  auto emit = [&](std::size_t end) {
    std::size_t b = start;
    while (b < end && is_space(text[b])) ++b;
    std::size_t e = end;
    while (e > b && is_space(text[e - 1])) --e;
    if (e > b) out.push_back({b, e});
    start = end;
  };
  std::size_t line_start = 0;
  // Only line breaks and . ! ? can end a sentence; the bytes between are
  // passed over eight at a time.
  for (std::size_t i = 0; i < text.size(); ++i) {
    i = core::find_byte_of<'\n', '.', '!', '?'>(text, i);
    if (i == text.size()) break;
    const char c = text[i];
    if (c == '\n') {
      // Blank line: paragraph break.
      std::size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      const std::string_view line = text.substr(line_start, i - line_start);
      std::size_t last = line.find_last_not_of(" \t\r");
      const bool ends_clause =
          last != std::string_view::npos &&
          (line[last] == '.' || line[last] == '!' || line[last] == '?' || line[last] == ':' ||
           line[last] == '"' || static_cast<unsigned char>(line[last]) >= 0x80);
      // A short line with no final punctuation before a capital is a heading
      // or dateline; longer ones are taken as hard-wrapped prose.
      // A figure opening the next line continues wrapped prose ("including\n60
      // children"); a heading is followed by words.
      const bool heading = last != std::string_view::npos && line[last] != ',' && !ends_clause &&
                           j < text.size() && opens_sentence(text, j) && !is_digit(text[j]) &&
                           (last < 50 || starts_with_capitals(text, j));
      if (j >= text.size() || text[j] == '\n' || ends_clause || heading) emit(i + 1);
      line_start = i + 1;
      continue;
    }
    if (c == '.' || c == '!' || c == '?') {
      std::size_t j = i + 1;
      // Closing quotes and brackets stay with the sentence they close.
      while (j < text.size() && (text[j] == '"' || text[j] == '\'' || text[j] == ')')) ++j;
      if (j + 2 < text.size() && static_cast<unsigned char>(text[j]) == 0xE2 &&
          text.substr(j, 2) == "\xE2\x80" &&
          (text[j + 2] == '\x9D' || text[j + 2] == '\x99')) {
        j += 3;  // ” or ’
      }
      if (j >= text.size() || !is_space(text[j])) continue;
      std::size_t k = j;
      while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
      if (k < text.size() && text[k] == '\n') continue;  // the newline case decides
      if (c == '.' && is_abbreviation(text, i)) continue;
      if (!opens_sentence(text, k)) continue;
      emit(j);
    }
  }
  emit(text.size());
  return out;
}

namespace {

// The end of the run of word bytes (kWordByteNotE2) that starts at `j`,
// before `end`, eight bytes at a time; sets `capital` when the run holds an
// ASCII capital.
std::size_t word_run_end(std::string_view text, std::size_t j, std::size_t end, bool& capital) {
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    constexpr std::uint64_t low7 = ones * 0x7F;
    constexpr std::uint64_t high = ones * 0x80;
    // Per byte, with no carry or borrow between bytes: the high bit is set
    // where the byte is below 0x80 and its low seven bits lie in [lo, hi].
    auto within = [](std::uint64_t bits, std::uint64_t x, unsigned lo, unsigned hi) {
      return (ones * (0x7F + hi + 1) - bits) & (bits + ones * (0x7F - (lo - 1))) & ~x & high;
    };
    while (j + 8 <= end) {
      std::uint64_t x;
      std::memcpy(&x, text.data() + j, 8);
      const std::uint64_t letters = within((x | (ones * 0x20)) & low7, x, 'a', 'z');
      const std::uint64_t digits = within(x & low7, x, '0', '9');
      const std::uint64_t capitals = within(x & low7, x, 'A', 'Z');
      const std::uint64_t e2 = x ^ (ones * 0xE2);
      const std::uint64_t is_e2 = ~(((e2 & low7) + low7) | e2) & high;
      const std::uint64_t others = ~(letters | digits | (x & high & ~is_e2)) & high;
      if (others != 0) {
        const int stop = std::countr_zero(others);  // 8 * bytes of the run, plus 7
        capital = capital || (capitals & ((std::uint64_t{1} << stop) - 1)) != 0;
        return j + static_cast<std::size_t>(stop) / 8;
      }
      capital = capital || capitals != 0;
      j += 8;
    }
  }
  while (j < end && kWordByteNotE2[static_cast<unsigned char>(text[j])]) {
    capital = capital || is_upper(text[j]);
    ++j;
  }
  return j;
}

// True when the token needs no change to be its own lowercase form: no
// capital and no ’.
bool already_lower(std::string_view word) {
  for (char c : word) {
    if (is_upper(c) || c == '\xE2') return false;
  }
  return true;
}

}  // namespace

void tokenize(std::string_view text, span where, std::vector<token_view>& out, std::string& arena) {
  out.clear();
  arena.clear();
  // Normalizing never lengthens a word, so the arena holds at most the span.
  const std::size_t end = std::min(where.end, text.size());
  arena.reserve(end > where.begin ? end - where.begin : 0);
  out.reserve((end > where.begin ? end - where.begin : 0) / 5 + 1);  // about one token per five bytes of prose
  std::size_t i = where.begin;
  while (i < end) {
    const char c = text[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    // URLs: skip to the next space. The second letter turns most words
    // ("he", "was") away before any comparison.
    const char second = i + 1 < text.size() ? text[i + 1] : '\0';
    if (((c == 'h' && second == 't') || (c == 'w' && second == 'w')) &&
        (text.substr(i, 7) == "http://" || text.substr(i, 8) == "https://" || text.substr(i, 4) == "www.")) {
      while (i < end && !is_space(text[i])) ++i;
      continue;
    }
    token_view t;
    t.offset = i;
    // Three-byte sequences led by 0xE2 are punctuation: dashes, curly quotes.
    const bool typographic = static_cast<unsigned char>(c) == 0xE2;
    // Whether the token is its own lowercase form; numbers always are.
    bool as_written = true;
    if (is_digit(c)) {
      std::size_t j = i;
      while (j < end && (is_digit(text[j]) ||
                         ((text[j] == ',' || text[j] == '.') && j + 1 < end && is_digit(text[j + 1])))) {
        ++j;
      }
      t.kind = token_kind::number;
      t.length = j - i;
    } else if (is_word_byte(c) && !typographic) {
      std::size_t j = i;
      bool capital = false;
      bool curly = false;
      while (j < end) {
        j = word_run_end(text, j, end, capital);  // ’ and the like start 0xE2 and end it
        if (j == end) break;
        if ((text[j] == '-' || text[j] == '\'') && j + 1 < end &&
            kWordByteNotE2[static_cast<unsigned char>(text[j + 1])]) {
          ++j;
        } else if (text[j] == '\xE2' && text.substr(j, 3) == "\xE2\x80\x99" && j + 3 < end && is_alpha(text[j + 3])) {
          j += 3;  // don’t
          curly = true;
        } else {
          break;
        }
      }
      if (j == i) j = i + 1;
      t.kind = token_kind::word;
      t.length = j - i;
      as_written = !capital && !curly;
    } else {
      // One punctuation mark; a UTF-8 sequence stays whole.
      std::size_t j = i + 1;
      while (j < end && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
      t.kind = token_kind::punct;
      t.length = j - i;
      as_written = already_lower(text.substr(t.offset, t.length));
    }
    const std::string_view written = text.substr(t.offset, t.length);
    if (as_written) {
      t.lower = written;
    } else {
      const std::size_t from = arena.size();
      append_normalized(arena, written);
      t.lower = std::string_view(arena).substr(from);
    }
    out.push_back(t);
    i = t.offset + t.length;
  }
}

std::vector<token> tokenize(std::string_view text, span where) {
  std::vector<token_view> views;
  std::string arena;
  tokenize(text, where, views, arena);
  std::vector<token> out;
  out.reserve(views.size());
  for (const auto& v : views) out.push_back({v.offset, v.length, v.kind, std::string(v.lower)});
  return out;
}

}  // namespace tollgate::text
