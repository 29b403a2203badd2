// term: words and phrases from a list, with a suggested replacement (Vale's
// existence and substitution checks). Matching is word by word on the text's
// tokens, case-insensitive, longest phrase first: no regular expressions, so
// a rule cannot make the linter backtrack. Words inside double quotes are
// someone's own words and are skipped unless `skip_quotes` is false.
//
// The rules stage runs after the documents are gone, so this kind reads each
// document in scan(), called during extraction; run() has nothing left to do.

#include <algorithm>

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

bool is_quote(const text::token& t) {
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
  // may_match() looks for words of two or more lowercase ASCII letters; with
  // any other first word (one letter, an apostrophe that may be curly, a
  // digit) every document is tokenized.
  for (const auto& [first, _] : by_first_) {
    const bool letters = first.size() >= 2 && std::all_of(first.begin(), first.end(), [](char c) {
      return c >= 'a' && c <= 'z';
    });
    if (!letters) {
      first_words_ = {};
      break;
    }
    first_words_.add(first);
    first_bytes_[static_cast<unsigned char>(first[0])] = true;
    first_bytes_[static_cast<unsigned char>(first[0] - ('a' - 'A'))] = true;
  }
}

// Tokenizing a whole document costs more than extracting its claims, and
// most documents hold none of the phrases: a phrase's first word can only
// be a token if its letters occur in the text, case aside. One pass looks
// up each pair of bytes among the words' first two letters and compares a
// word only there.
bool term_check::may_match(std::string_view text) const {
  if (first_words_.empty()) return true;
  // A token starts after a byte that is no letter (a UTF-8 byte is a word
  // byte); only bytes that open one of the words are looked at further, and
  // there the run of letters is looked up whole.
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!first_bytes_[static_cast<unsigned char>(text[i])]) continue;
    if (i > 0 && (core::is_alpha(text[i - 1]) || static_cast<unsigned char>(text[i - 1]) >= 0x80)) continue;
    char run[32];
    std::size_t n = 0;
    while (i + n < text.size() && core::is_alpha(text[i + n]) && n < sizeof run) {
      run[n] = core::to_lower(text[i + n]);
      ++n;
    }
    if (n < sizeof run && first_words_.contains(std::string_view(run, n))) return true;
    i += n - 1;  // past the word: no token starts inside it
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

void term_check::run(const rule&, const check_input&, std::vector<finding>&) const {}

void term_check::scan(const rule& r, const ingest::document& doc, std::vector<finding>& out) const {
  if (!r.where.sources.empty() &&
      std::find(r.where.sources.begin(), r.where.sources.end(), doc.source) == r.where.sources.end()) {
    return;
  }
  if (!may_match(doc.text)) return;
  const auto tokens = text::tokenize(doc.text, {0, doc.text.size()});
  std::optional<core::line_index> lines;  // built on the first match only
  bool in_quote = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const text::token& t = tokens[i];
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
      f.line = pos.line;
      f.column = pos.column;
      f.text = std::make_shared<const finding::text_place>(
          finding::text_place{doc.id, doc.location, core::stored_text(lines->line_text(pos.line)), 1});
      f.doc_index = doc.index;
      f.offset = t.offset;
      out.push_back(std::move(f));
      i += e.words.size() - 1;
      break;
    }
  }
}

}  // namespace tollgate::rules
