#pragma once

#include <boost/spirit/home/x3.hpp>

#include "core/ascii.hpp"

namespace tollgate::parse::grammar {

namespace x3 = boost::spirit::x3;

/// The character set the grammars read: ASCII letters, digits and spaces,
/// classified and case-folded inline. X3's default (`standard`) calls the C
/// library's locale-aware functions for every character a `no_case` symbol
/// table compares, which was the largest single cost of extraction. Bytes of
/// UTF-8 sequences are never letters, digits or spaces, as in the C locale.
struct ascii_text {
  using char_type = char;
  using classify_type = unsigned char;

  static constexpr char byte(int ch) { return static_cast<char>(ch); }
  static constexpr bool ischar(int) { return true; }
  static constexpr bool isupper(int ch) { return core::is_upper(byte(ch)); }
  static constexpr bool islower(int ch) { return core::is_lower(byte(ch)); }
  static constexpr bool isalpha(int ch) { return core::is_alpha(byte(ch)); }
  static constexpr bool isdigit(int ch) { return core::is_digit(byte(ch)); }
  static constexpr bool isalnum(int ch) { return core::is_alnum(byte(ch)); }
  static constexpr bool isxdigit(int ch) {
    return isdigit(ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
  }
  static constexpr bool isblank(int ch) { return ch == ' ' || ch == '\t'; }
  static constexpr bool isspace(int ch) { return core::is_space(byte(ch)); }
  static constexpr bool iscntrl(int ch) { return (ch >= 0 && ch < 32) || ch == 127; }
  static constexpr bool isprint(int ch) { return ch >= 32 && ch < 127; }
  static constexpr bool isgraph(int ch) { return ch > 32 && ch < 127; }
  static constexpr bool ispunct(int ch) { return isgraph(ch) && !isalnum(ch); }
  static constexpr int tolower(int ch) { return isupper(ch) ? ch + ('a' - 'A') : ch; }
  static constexpr int toupper(int ch) { return islower(ch) ? ch - ('a' - 'A') : ch; }
  static constexpr char32_t toucs4(int ch) { return static_cast<unsigned char>(ch); }
};

/// X3's primitives over `ascii_text`; the grammars use these, not x3's
/// defaults, wherever case or character classes matter.
namespace asc {
constexpr x3::char_class<ascii_text, x3::alpha_tag> alpha{};
constexpr x3::char_class<ascii_text, x3::alnum_tag> alnum{};
constexpr x3::char_class<ascii_text, x3::digit_tag> digit{};
constexpr x3::char_class<ascii_text, x3::blank_tag> blank{};
constexpr x3::any_char<ascii_text> char_{};
template <typename T = x3::unused_type>
using symbols = x3::symbols_parser<ascii_text, T>;
constexpr x3::literal_string<const char*, ascii_text, x3::unused_type> lit(const char* s) { return {s}; }
constexpr x3::literal_char<ascii_text, x3::unused_type> lit(char ch) { return {ch}; }
}  // namespace asc

// Every grammar is instantiated for this iterator and context; a call site
// with another one fails to link ("undefined reference to parse_rule").
using iterator_type = const char*;
using context_type = x3::unused_type;

/// The qualifier and vague-amount symbols, filled from the YAML lexicon at run
/// time (quantity.hpp) and passed to the quantity grammar with
/// `x3::with<lexicon_tag>(tables)`, the way mapnik passes its transcoder.
struct quantity_tables;
struct lexicon_tag;
using quantity_context_type = x3::context<lexicon_tag, const quantity_tables, x3::unused_type>;

}  // namespace tollgate::parse::grammar
