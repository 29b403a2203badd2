#pragma once

// ASCII character classes, inline. The C library's <cctype> functions are
// calls that consult the locale; on the extraction path they ran for every
// byte of a batch. In the "C" locale the program runs in, they agree with
// these: bytes of UTF-8 sequences are never letters, digits or spaces.

namespace tollgate::core {

constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
constexpr bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
constexpr char to_lower(char c) { return is_upper(c) ? static_cast<char>(c + ('a' - 'A')) : c; }

}  // namespace tollgate::core
