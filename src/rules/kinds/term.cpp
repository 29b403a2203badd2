// term: words and phrases from a list, with a suggested replacement (Vale's
// existence and substitution checks). Matching is word by word on the text's
// tokens, case-insensitive, longest phrase first: no regular expressions, so
// a rule cannot make the linter backtrack. Words inside double quotes are
// someone's own words and are skipped unless `skip_quotes` is false.
//
// The rules stage runs after the documents are gone, so this kind reads each
// document in scan(), called during extraction; run() has nothing left to do.

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/ascii.hpp"
#include "core/text_position.hpp"
#include "rules/kinds/kinds.hpp"
#include "text/text.hpp"

namespace tollgate::rules {
namespace {

std::vector<std::string> words_of(const std::string& phrase) {
  std::vector<std::string> out;
  for (const auto& t : text::tokenize(phrase, {0, phrase.size()})) out.push_back(t.lower);
  return out;
}

bool is_quote(const text::token_view& t) {
  return t.kind == text::token_kind::punct &&
         (t.lower == "\"" || t.lower == "\xE2\x80\x9C" || t.lower == "\xE2\x80\x9D");  // " “ ”
}

}  // namespace

term_check::term_check(param_reader& p) {
  const auto swap = p.get_map("swap", "phrases to flag, each with the wording to use instead");
  const auto words = p.get_list("words", "phrases to flag with no replacement to suggest");
  skip_quotes_ = p.get_bool("skip_quotes", true, "leave phrases inside double quotes alone (someone's own words)");
  auto add = [&](const std::string& phrase, const std::string& suggestion, const std::string& key) {
    entry e{words_of(phrase), suggestion};
    if (e.words.empty()) {
      p.fail(key, "'" + phrase + "' in '" + key + "' has no words to match");
      return;
    }
    by_first_[e.words.front()].push_back(std::move(e));
  };
  for (const auto& [phrase, suggestion] : swap) add(phrase, suggestion, "swap");
  for (const auto& phrase : words) add(phrase, "", "words");
  if (swap.empty() && words.empty()) p.fail("swap", "a term rule needs phrases in 'swap' or 'words'");
  for (auto& [_, list] : by_first_) {
    std::stable_sort(list.begin(), list.end(),
                     [](const entry& a, const entry& b) { return a.words.size() > b.words.size(); });
  }
  // may_match() looks for words of 2 to 31 lowercase ASCII letters; with
  // any other first word (one letter, an apostrophe that may be curly, a
  // digit, a longer word) every document is tokenized.
  for (const auto& [first, _] : by_first_) {
    const bool letters = first.size() >= 2 && first.size() < first_words_.size() &&
                         std::all_of(first.begin(), first.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!letters) {
      tokenize_all_ = true;
      break;
    }
    first_words_[first.size()].push_back(first);
    second_letters_[static_cast<std::size_t>(first[0] - 'a')] |= std::uint32_t{1} << (first[1] - 'a');
    const std::array<char, 3> opening = {first[0], first[1], first.size() > 2 ? first[2] : '\0'};
    if (std::find(first_openings_.begin(), first_openings_.end(), opening) == first_openings_.end()) {
      first_openings_.push_back(opening);
    }
    first_bytes_[static_cast<unsigned char>(first[0])] = true;
    first_bytes_[static_cast<unsigned char>(first[0] - ('a' - 'A'))] = true;
  }
}

// Tokenizing a whole document costs more than extracting its claims, and
// most documents hold none of the phrases: a phrase's first word can only
// be a token if it occurs in the text, case aside. One pass finds the word
// starts that hold the first two letters of one of those words and compares
// the word there with the first words of its length.
bool term_check::may_match(std::string_view text) const {
  if (tokenize_all_) return true;
  // A token starts after a byte that is no letter (a UTF-8 byte is a word
  // byte); only bytes that open one of the words are looked at further, and
  // there the run of letters (`length` bytes) is looked up whole.
  auto first_word_at = [&](std::size_t i, std::size_t& length) {
    length = 1;
    if (i > 0 && (core::is_alpha(text[i - 1]) || static_cast<unsigned char>(text[i - 1]) >= 0x80)) return false;
    // Most candidates fail on their second letter ("said" for "slaughtered").
    if (i + 1 >= text.size()) return false;
    const char second = core::to_lower(text[i + 1]);
    if (second < 'a' || second > 'z' ||
        !(second_letters_[static_cast<std::size_t>(core::to_lower(text[i]) - 'a')] >> (second - 'a') & 1)) {
      return false;
    }
    std::size_t n = 0;
    while (i + n < text.size() && core::is_alpha(text[i + n])) ++n;
    length = std::max<std::size_t>(n, 1);
    if (n >= first_words_.size()) return false;
    return std::any_of(first_words_[n].begin(), first_words_[n].end(), [&](const std::string& w) {
      for (std::size_t k = 0; k < n; ++k) {
        if (core::to_lower(text[i + k]) != w[k]) return false;
      }
      return true;
    });
  };
  std::size_t length = 0;
  std::size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: the word starts that open with the first three
  // letters of one of the words, from compares on the bytes folded to
  // lowercase. One or two letters alone would stop at every "said" and "with".
  if (first_openings_.size() <= kMaxOpenings && text.size() > 18) {
    if (first_bytes_[static_cast<unsigned char>(text[0])] && first_word_at(0, length)) return true;
    const __m128i fold = _mm_set1_epi8(0x20);
    // Each opening's letters in every byte; a word of two letters takes any third.
    __m128i firsts[kMaxOpenings], seconds[kMaxOpenings], thirds[kMaxOpenings], any_third[kMaxOpenings];
    for (std::size_t k = 0; k < first_openings_.size(); ++k) {
      firsts[k] = _mm_set1_epi8(first_openings_[k][0]);
      seconds[k] = _mm_set1_epi8(first_openings_[k][1]);
      thirds[k] = _mm_set1_epi8(first_openings_[k][2]);
      any_third[k] = first_openings_[k][2] == '\0' ? _mm_set1_epi8(-1) : _mm_setzero_si128();
    }
    for (i = 1; i + 18 <= text.size(); i += 16) {
      const char* p = text.data() + i;
      const __m128i here = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), fold);
      const __m128i next = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1)), fold);
      const __m128i after = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2)), fold);
      __m128i hit = _mm_setzero_si128();
      for (std::size_t k = 0; k < first_openings_.size(); ++k) {
        const __m128i third = _mm_or_si128(_mm_cmpeq_epi8(after, thirds[k]), any_third[k]);
        hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(here, firsts[k]),
                                                            _mm_cmpeq_epi8(next, seconds[k])),
                                              third));
      }
      // A word byte before: a letter (folded, 'a'..'z' in a signed compare)
      // or a UTF-8 byte (its high bit set).
      const __m128i before = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 1)), fold);
      const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(before, _mm_set1_epi8('a' - 1)),
                                           _mm_cmplt_epi8(before, _mm_set1_epi8('z' + 1)));
      unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit)) &
                      ~static_cast<unsigned>(_mm_movemask_epi8(letter) | _mm_movemask_epi8(before));
      for (; mask != 0; mask &= mask - 1) {
        if (first_word_at(i + static_cast<std::size_t>(__builtin_ctz(mask)), length)) return true;
      }
    }
  }
#endif
  for (; i < text.size(); ++i) {
    if (!first_bytes_[static_cast<unsigned char>(text[i])]) continue;
    if (first_word_at(i, length)) return true;
    i += length - 1;  // past the word: no token starts inside it
  }
  return false;
}

std::string term_check::default_message() const { return "'{term}' is loaded wording; use {suggestion}"; }

std::string term_check::summary() const {
  return "words or phrases from a list in the text, each with a suggested replacement";
}

std::string term_check::example() const {
  return "fires:  \"Six people were martyred in the strike.\" with swap: { martyred: killed }\n"
         "quiet:  '\"They were martyred,\" her brother said.': inside quotes";
}

void term_check::run(const rule&, const check_input&, finding_sink&) const {}

void term_check::scan(const rule& r, const ingest::document& doc, std::vector<finding>& out) const {
  if (!r.where.sources.empty() &&
      std::find(r.where.sources.begin(), r.where.sources.end(), doc.source) == r.where.sources.end()) {
    return;
  }
  if (!may_match(doc.text)) return;
  // Per thread: documents are scanned on several at once.
  thread_local std::vector<text::token_view> tokens;
  thread_local std::string lowercase;
  text::tokenize(doc.text, {0, doc.text.size()}, tokens, lowercase);
  std::optional<core::line_index> lines;  // built on the first match only
  bool in_quote = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const text::token_view& t = tokens[i];
    // A blank line ends a paragraph and any quote left open in it.
    if (i > 0 && std::string_view(doc.text).substr(tokens[i - 1].end(), t.offset - tokens[i - 1].end()).find("\n\n") != std::string::npos) {
      in_quote = false;
    }
    if (is_quote(t)) {
      if (t.lower == "\xE2\x80\x9C") in_quote = true;
      else if (t.lower == "\xE2\x80\x9D") in_quote = false;
      else in_quote = !in_quote;
      continue;
    }
    if (in_quote && skip_quotes_) continue;
    const auto it = by_first_.find(t.lower);
    if (it == by_first_.end()) continue;
    for (const entry& e : it->second) {
      if (i + e.words.size() > tokens.size()) continue;
      bool same = true;
      for (std::size_t k = 1; k < e.words.size() && same; ++k) same = tokens[i + k].lower == e.words[k];
      if (!same) continue;
      const std::size_t end = tokens[i + e.words.size() - 1].end();
      if (!lines) lines.emplace(doc.text);
      const auto pos = lines->at(t.offset);
      placeholder_values v{{"term", doc.text.substr(t.offset, end - t.offset)},
                           {"suggestion", e.suggestion.empty() ? "a neutral term" : "'" + e.suggestion + "'"},
                           {"doc", doc.id},
                           {"source", doc.source.empty() ? "unknown source" : doc.source},
                           {"rule", r.id}};
      finding f;
      f.rule = r.id;
      f.level = r.level;
      f.message = core::stored_text(render_message(r.message, v));
      f.text = std::make_unique<const finding::text_place>(finding::text_place{
          doc.id, doc.location, pos.line, pos.column, core::stored_text(lines->line_text(pos.line)), 1});
      f.doc_index = doc.index;
      f.offset = t.offset;
      out.push_back(std::move(f));
      i += e.words.size() - 1;
      break;
    }
  }
}

}  // namespace tollgate::rules
