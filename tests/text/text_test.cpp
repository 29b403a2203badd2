#include <doctest/doctest.h>

#include "core/ascii.hpp"
#include "core/scan.hpp"
#include "core/text_position.hpp"
#include "text/text.hpp"

namespace tollgate {
namespace {

std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  for (auto s : text::split_sentences(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

}  // namespace

TEST_SUITE("text") {
  TEST_CASE("sentences end at a full stop before a capital") {
    auto s = sentences("Ten people died. Rescuers dug on.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "Ten people died.");
    CHECK(s[1] == "Rescuers dug on.");
  }

  TEST_CASE("abbreviations and initials do not end a sentence") {
    CHECK(sentences("The attack on Oct. 7 killed many. It was John F. Kennedy's era.").size() == 2);
    CHECK(sentences("Dr. Amal Haddad said 12 died.").size() == 1);
  }

  TEST_CASE("a decimal point is not a sentence end") {
    CHECK(sentences("About 2.3 million people live there.").size() == 1);
  }

  TEST_CASE("blank lines and short headings end sentences, wrapped prose does not") {
    auto s = sentences("MOSCOW\nA visit took place.\n\nNext paragraph here.");
    REQUIRE(s.size() == 3);
    CHECK(s[0] == "MOSCOW");
    const std::string wrapped =
        "More than forty people were killed in the collapse of the old market building\n"
        "on the edge of the town, officials said.";
    CHECK(sentences(wrapped).size() == 1);
    // A short wrapped line before a figure is not a heading.
    CHECK(sentences("Ninety people died, including\n60 children and 45 women.").size() == 1);
  }

  TEST_CASE("tokens keep numbers whole and skip URLs") {
    const std::string t = "Over 8,700 died, see https://example.org/2023/10/13/a-82758 now.";
    auto tokens = text::tokenize(t, {0, t.size()});
    std::vector<std::string> words;
    for (const auto& k : tokens) words.push_back(k.lower);
    CHECK(words == std::vector<std::string>{"over", "8,700", "died", ",", "see", "now", "."});
    CHECK(tokens[1].kind == text::token_kind::number);
  }

  TEST_CASE("token views are lowercase, in the text or in the arena") {
    const std::string t = "Officials don\xE2\x80\x99t SAY 40 died \xE2\x80\x99";
    std::vector<text::token_view> tokens;
    std::string arena;
    text::tokenize(t, {0, t.size()}, tokens, arena);
    std::vector<std::string_view> words;
    for (const auto& k : tokens) words.push_back(k.lower);
    CHECK(words == std::vector<std::string_view>{"officials", "don't", "say", "40", "died", "'"});
    // Words already in lowercase are not copied.
    CHECK(tokens[4].lower.data() == t.data() + tokens[4].offset);
    CHECK(tokens[1].kind == text::token_kind::word);
    CHECK(tokens[1].length == 7);
  }

  TEST_CASE("long words are lowercased wherever their capitals are, and end where a word ends") {
    // Capitals before, at and after the eighth byte; letters of several
    // bytes; a dash (0xE2) inside a run; a hyphen and apostrophes that join.
    const std::string t =
        "abcdefghIjk lowercasefirstThenCapital ABCDEFGH m\xC3\xA9" "decins-sans-fronti\xC3\xA8" "res "
        "Don\xE2\x80\x99tStopNow x\xE2\x80\x94y WORDWORDWORDWORDs a'b 12345678901 abcdefgh";
    std::vector<text::token_view> tokens;
    std::string arena;
    text::tokenize(t, {0, t.size()}, tokens, arena);
    std::vector<std::string_view> words;
    for (const auto& k : tokens) words.push_back(k.lower);
    CHECK(words == std::vector<std::string_view>{"abcdefghijk", "lowercasefirstthencapital", "abcdefgh",
                                                 "m\xC3\xA9" "decins-sans-fronti\xC3\xA8" "res", "don'tstopnow", "x",
                                                 "\xE2\x80\x94", "y", "wordwordwordwords", "a'b", "12345678901",
                                                 "abcdefgh"});
    // Every word token's lowercase form is normalize_word of what is written.
    for (const auto& k : tokens) CHECK(k.lower == text::normalize_word(std::string_view(t).substr(k.offset, k.length)));
  }

  TEST_CASE("typographic dashes and quotes are punctuation tokens") {
    const std::string t = "Gaza \xE2\x80\x94 ruled by Hamas \xE2\x80\x94 with";
    auto tokens = text::tokenize(t, {0, t.size()});
    REQUIRE(tokens.size() == 7);
    CHECK(tokens[1].kind == text::token_kind::punct);
    CHECK(tokens[1].length == 3);
  }

  TEST_CASE("find_digit agrees with a byte-by-byte search from every offset") {
    // The neighbours of the digits in ASCII ('/', ':'), their high-bit twins
    // (0xB0-0xB9) and text shorter and longer than the eight and sixteen bytes
    // read at once.
    std::string t = "ab/:\xB0\xB5\xB9 xyz:/ \xC2\xB0 see 7 and 12,000 then \xE2\x80\x94 09";
    t += std::string(40, ':') + "5" + std::string(3, '/');
    for (std::size_t from = 0; from <= t.size(); ++from) {
      std::size_t naive = from;
      while (naive < t.size() && (t[naive] < '0' || t[naive] > '9')) ++naive;
      CAPTURE(from);
      CHECK(core::find_digit(t, from) == naive);
    }
    CHECK(core::find_digit("", 0) == 0);
    CHECK(core::find_digit("no digits here at all", 0) == 21);
  }

  TEST_CASE("find_non_alpha agrees with a byte-by-byte search from every offset") {
    // The neighbours of the letters in ASCII ('@', '[', '`', '{') and bytes
    // whose | 0x20 or low seven bits would be letters (0xC1, 0xE1, 0xFA).
    std::string t = "Words@and[more`text{end} \xC1\xE1\xFA caf\xC3\xA9 abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    t += " " + std::string(20, 'q') + "_Z";
    for (std::size_t from = 0; from <= t.size(); ++from) {
      std::size_t naive = from;
      while (naive < t.size() && core::is_alpha(t[naive])) ++naive;
      CAPTURE(from);
      CHECK(core::find_non_alpha(t, from) == naive);
    }
  }

  TEST_CASE("find_byte_of agrees with a byte-by-byte search from every offset") {
    // Bytes one off the searched ones ('-', '/', '\x0B') and their high-bit twins.
    std::string t = "a-b/c\x0B\xAE\x8A\xAE\xBF word. Next! Then? x\n\xE2\x80\x94 tail-/";
    t += std::string(30, '-') + "." + std::string(5, '/');
    for (std::size_t from = 0; from <= t.size(); ++from) {
      std::size_t naive = from;
      while (naive < t.size() && t[naive] != '\n' && t[naive] != '.' && t[naive] != '!' && t[naive] != '?') ++naive;
      CAPTURE(from);
      CHECK(core::find_byte_of<'\n', '.', '!', '?'>(t, from) == naive);
    }
    CHECK(core::find_byte_of<'.'>("", 0) == 0);
  }

  TEST_CASE("line index gives 1-based lines and columns in code points") {
    const std::string t = "first\n\xE2\x80\x9Cquoted\xE2\x80\x9D 40 dead";
    core::line_index idx(t);
    auto p = idx.at(t.find("40"));
    CHECK(p.line == 2);
    CHECK(p.column == 10);
    CHECK(idx.line_text(1) == "first");
  }
}

}  // namespace tollgate
