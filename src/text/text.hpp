#pragma once

// The text stage: sentences and word tokens with their byte offsets. Later
// stages match words and phrases on tokens and report positions through them.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tollgate::text {

/// A half-open byte range [begin, end) of a document's text.
struct span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Splits a text into sentences. A sentence ends at `.`, `!` or `?` before a
/// capital, digit or quote (not after an abbreviation such as "Oct." or an
/// initial), at a blank line, and at the end of a short line with no final
/// punctuation (a heading or a dateline such as "MOSCOW").
std::vector<span> split_sentences(std::string_view text);

enum class token_kind { word, number, punct };

/// A word, a number ("8,700", "2.3") or one punctuation mark. `lower` is the
/// ASCII-lowercased word with curly apostrophes made straight.
struct token {
  std::size_t offset = 0;
  std::size_t length = 0;
  token_kind kind = token_kind::word;
  std::string lower;
  std::size_t end() const { return offset + length; }
};

/// Tokens of `text` within `where`. URLs are skipped whole so that their
/// digits are never read as figures.
std::vector<token> tokenize(std::string_view text, span where);

/// A token whose lowercase form is a view, for the extraction path, which
/// tokenizes every candidate sentence and would otherwise make a string of
/// every word.
struct token_view {
  std::size_t offset = 0;
  std::size_t length = 0;
  token_kind kind = token_kind::word;
  std::string_view lower;  // as token::lower
  std::size_t end() const { return offset + length; }
};

/// The tokens of tokenize(), into `out` (cleared first). A lowercase form is
/// a view into `text` when the token is written so already, else into
/// `arena`, which is cleared and reserved here so that it never reallocates:
/// the views stay valid while `text` and `arena` are left unchanged.
void tokenize(std::string_view text, span where, std::vector<token_view>& out, std::string& arena);

/// ASCII lowercase with ’ made '.
std::string normalize_word(std::string_view word);

}  // namespace tollgate::text
