// Claim assembly: find the quantities of a sentence, then for each one the
// words around it that make it a casualty figure (its metric), say whose it
// is (group), where, when, and who gives it. Everything is matched on word
// tokens against the lexicon; nothing here is specific to one story.

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <utility>

#include "claims/claims.hpp"
#include "core/ascii.hpp"
#include "core/date.hpp"
#include "core/scan.hpp"
#include "core/text_position.hpp"
#include "core/word_set.hpp"
#include "parse/dates.hpp"
#include "text/text.hpp"

namespace tollgate::claims {
namespace {

using token = text::token_view;
using text::token_kind;

// Compares letter by letter in place: the words are short, most differ in
// length or at the first letter, and a call to memcmp for each candidate of
// the same length cost more than the whole test.
bool is_one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view s : list) {
    if (s.size() != w.size()) continue;
    std::size_t k = 0;
    while (k < s.size() && s[k] == w[k]) ++k;
    if (k == s.size()) return true;
  }
  return false;
}

// Fixed word lists looked up on every token.
using core::word_set;

// Punctuation that closes a clause: a figure's words never reach across it.
bool is_clause_break(const token& t) {
  return t.kind == token_kind::punct &&
         (is_one_of(t.lower, {";", ":", "(", ")", "[", "]", "\"", "-"}) ||
          t.lower == "\xE2\x80\x94" || t.lower == "\xE2\x80\x93" ||  // — –
          t.lower == "\xE2\x80\x9C" || t.lower == "\xE2\x80\x9D");   // “ ”
}

bool is_dash(const token& t) {
  return t.lower == "-" || t.lower == "\xE2\x80\x93" || t.lower == "\xE2\x80\x94";
}

// Words that end the noun phrase after a figure.
bool is_weekday(std::string_view w);

bool is_phrase_stop(std::string_view w) {
  static const word_set stops = {
      "in",      "on",    "at",   "by",    "from",   "into",  "with",  "after", "and",  "or",
      "including", "who", "that", "as",    "while",  "when",  "during", "of",   "to",   "for",
      "since",   "across", "near", "over", "under",  "among", "amid",  "but",   "were", "was",
      "have",    "has",   "had",  "are",   "is",     "be",    "been",  "the",   "this", "these",
      "those",   "their", "its",  "his",   "her",    "a",     "an",
      // A time after the figure is no noun of it: "from 12 yesterday", "from 4 late on Monday".
      "yesterday", "today", "tonight", "overnight", "late", "early", "earlier", "later", "last"};
  return stops.contains(w) || is_weekday(w);
}

bool is_modifier_skip(std::string_view w) {
  static const word_set skips = {"more", "other", "others", "additional", "further", "new", "people's"};
  return skips.contains(w);
}

bool is_month_word(std::string_view w) { return core::is_month_name(w); }

struct found_quantity {
  parse::quantity q;
  std::size_t first = 0;  // token index
  std::size_t last = 0;   // one past
};

// "rose to 19, up from 8": the figure right after "from" is what a toll was
// before the one its sentence gives.
bool is_earlier_value(const std::vector<std::string_view>& w, const found_quantity& f) {
  return f.first > 0 && w[f.first - 1] == "from";
}

struct metric_hit {
  std::string metric;
  std::size_t begin = 0;  // byte span of the words that gave the metric
  std::size_t end = 0;
  bool toll = false;      // came from a toll noun: a running total
};

// A sentence's tokens and words, kept from one sentence to the next so that
// reading one allocates nothing once they have grown.
struct reader_buffers {
  std::vector<token> tokens;
  std::string lowercase;  // the words that are not written in lowercase
  std::vector<std::string_view> words;
};

class sentence_reader {
 public:
  // `buffers` are the reader's until it is gone.
  sentence_reader(const ingest::document& doc, const lexicon& lex, text::span sentence, reader_buffers& buffers)
      : doc_(doc), lex_(lex), sentence_(sentence), tokens_(buffers.tokens), words_(buffers.words) {
    text::tokenize(doc.text, sentence, buffers.tokens, buffers.lowercase);
    buffers.words.clear();
    for (const auto& t : tokens_) buffers.words.push_back(t.lower);
  }
  sentence_reader(const sentence_reader&) = delete;
  sentence_reader& operator=(const sentence_reader&) = delete;

  const std::vector<token>& tokens() const { return tokens_; }
  const std::vector<std::string_view>& words() const { return words_; }

  std::vector<found_quantity> quantities() const {
    std::vector<found_quantity> out;
    const std::string_view bounded = std::string_view(doc_.text).substr(0, sentence_.end);
    for (std::size_t i = 0; i < tokens_.size();) {
      const token& t = tokens_[i];
      if (t.kind == token_kind::punct) {
        ++i;
        continue;
      }
      const bool digits = t.kind == token_kind::number;
      if (digits || is_month_word(t.lower)) {
        if (auto d = parse::parse_date(bounded, t.offset)) {
          i = index_at(d->offset + d->length);
          continue;
        }
      }
      if (!lex_.quantities->may_start_quantity(t.lower) ||
          !lex_.quantities->may_start_quantity_at(bounded, t.offset, t.lower)) {
        ++i;
        continue;
      }
      auto q = parse::parse_quantity(bounded, t.offset, *lex_.quantities);
      if (!q) {
        ++i;
        continue;
      }
      const std::size_t next = std::max(index_at(q->offset + q->length), i + 1);
      // "aged 12", "under the age of 12": an age, not a count.
      const bool age = (i > 0 && words_[i - 1] == "aged") ||
                       (i > 1 && words_[i - 1] == "of" && is_one_of(words_[i - 2], {"age", "ages"}));
      // "at 6 a.m.": a time.
      const bool clock = next + 1 < words_.size() && is_one_of(words_[next], {"a", "p"}) && words_[next + 1] == "." ;
      // "revised the figure up to 97", "raised it up to 212": a direction, not a ceiling.
      if (q->qualifier == "at_most" && words_[i] == "up" && i > 0 &&
          is_one_of(words_[i - 1], {"revised", "raised", "rose", "risen", "climbed", "pushed", "brought", "bringing",
                                    "it", "figure", "toll"})) {
        q->qualifier = "exact";
        q->lo = *q->value;
        q->hi = q->value;
        q->offset = q->number_offset;
        q->length = q->number_length;
      }
      if (q->is_count() && !age && !clock) out.push_back({*q, i, next});
      i = next;
    }
    return out;
  }

  // First token at or after byte `offset`.
  std::size_t index_at(std::size_t offset) const {
    auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                               [](const token& t, std::size_t o) { return t.offset < o; });
    return static_cast<std::size_t>(it - tokens_.begin());
  }

  // Index of the clause break before `i` (or npos) and after `i` (or size).
  std::size_t clause_begin(std::size_t i) const {
    while (i > 0) {
      if (breaks_clause(i - 1)) return i;
      --i;
    }
    return 0;
  }
  std::size_t clause_end(std::size_t i) const {
    for (; i < tokens_.size(); ++i) {
      if (breaks_clause(i)) return i;
    }
    return tokens_.size();
  }
  // A hyphen glued to a word ("7.8-magnitude") joins rather than breaks.
  bool breaks_clause(std::size_t i) const {
    const token& t = tokens_[i];
    if (!is_clause_break(t)) return false;
    return t.lower != "-" || (t.offset > 0 && doc_.text[t.offset - 1] == ' ');
  }

  // A phrase from `set` that ends exactly at token `end` (exclusive); returns
  // its first token, or npos.
  std::size_t match_ending_at(const phrase_set& set, std::size_t end) const {
    for (std::size_t len = 1; len <= 4 && len <= end; ++len) {
      const std::size_t start = end - len;
      if (set.has(words_, start, len)) return start;
    }
    return std::string::npos;
  }

  std::string group_at(std::size_t i, std::size_t len) const {
    std::string key;
    for (std::size_t k = i; k < i + len; ++k) {
      if (!key.empty()) key += ' ';
      key += words_[k];
    }
    auto it = lex_.group_by_phrase.find(key);
    return it == lex_.group_by_phrase.end() ? std::string() : it->second;
  }

  // The metric whose `after`/`before`/`toll`/`counted` list matches at i.
  template <typename Pick>
  std::pair<std::string, std::size_t> metric_at(std::size_t i, Pick pick) const {
    for (const auto& m : lex_.metrics) {
      if (std::size_t len = pick(m).match(words_, i)) return {m.name, len};
    }
    return {{}, 0};
  }

  std::string slice(std::size_t first_token, std::size_t last_token) const {
    if (first_token >= last_token) return {};
    const std::size_t b = tokens_[first_token].offset;
    const std::size_t e = tokens_[last_token - 1].end();
    return doc_.text.substr(b, e - b);
  }

 private:
  const ingest::document& doc_;
  const lexicon& lex_;
  text::span sentence_;
  const std::vector<token>& tokens_;
  const std::vector<std::string_view>& words_;
};

// What the words after a figure say: its group and maybe its metric.
struct noun_phrase {
  std::string group;
  std::size_t end = 0;  // token index where the phrase stops
  bool thing = false;   // "40 rockets": not people at all
  std::string counted_metric;  // "40 deaths", "2,800 lives"
  bool counted_lives = false;
  bool partitive = false;        // "Nineteen of the injured"
  bool predicate_group = false;  // "at least 70 were children"
};

// "at least 70 were children", "four of the victims were under the age of
// 18": the group is the predicate.
void read_predicate_group(const sentence_reader& r, const lexicon& lex, std::size_t k, noun_phrase& np) {
  const auto& w = r.words();
  if (k + 1 >= w.size() || !is_one_of(w[k], {"were", "was", "are"})) return;
  if (std::size_t len = lex.all_group_words.match(w, k + 1)) {
    np.group = r.group_at(k + 1, len);
    np.predicate_group = true;
  } else if (k + 4 < w.size() && w[k + 1] == "under" && w[k + 2] == "the" && w[k + 3] == "age" && w[k + 4] == "of") {
    np.group = "children";
    np.predicate_group = true;
  }
}

noun_phrase read_noun_phrase(const sentence_reader& r, const lexicon& lex, const found_quantity& f,
                             const std::vector<found_quantity>& quantities) {
  const auto& w = r.words();
  noun_phrase np;
  std::size_t k = f.last;
  while (k < w.size() && is_modifier_skip(w[k])) ++k;
  // "dozens of the wounded", "none of the passengers": the partitive names the group.
  const bool zero = f.q.value && *f.q.value == 0;
  if (k < w.size() && w[k] == "of" && (f.q.vague || zero)) {
    ++k;
    while (k < w.size() && is_one_of(w[k], {"the", "those"})) ++k;
  }
  np.end = k;
  // A partitive: "Nineteen of the injured", "four of the victims".
  if (k + 2 < w.size() && w[k] == "of" && is_one_of(w[k + 1], {"the", "those", "these", "its", "their", "our", "his", "her"})) {
    std::size_t noun = k + 2;
    // "118 of the 318 injured", "13 of the roughly 45 injured"
    for (const auto& q : quantities) {
      if (q.first == noun || (q.first == noun + 1 && r.tokens()[noun].kind == token_kind::word)) noun = q.last;
    }
    auto [metric, len] = r.metric_at(noun, [](const metric_words& m) -> const phrase_set& { return m.counted; });
    const std::size_t glen = lex.all_group_words.match(w, noun);
    if (!metric.empty() || glen) {
      np.partitive = true;
      np.counted_metric = metric;
      if (glen) np.group = r.group_at(noun, glen);
      k = noun + std::max(len, glen);
      np.end = k;
      read_predicate_group(r, lex, k, np);
      return np;
    }
  }
  for (std::size_t steps = 0; k < w.size() && steps < 4; ++steps) {
    if (r.tokens()[k].kind != token_kind::word) break;
    if (lex.things.match(w, k)) {
      np.thing = true;
      break;
    }
    if (std::size_t len = lex.all_group_words.match(w, k)) {
      // "lives" is both a group word and a counted noun; the counted reading wins.
      auto [metric, clen] = r.metric_at(k, [](const metric_words& m) -> const phrase_set& { return m.counted; });
      if (!metric.empty()) {
        np.counted_metric = metric;
        np.counted_lives = w[k] == "lives";
        np.group = "people";
        np.end = k + clen;
        break;
      }
      np.group = r.group_at(k, len);
      k += len;
      np.end = k;
      continue;
    }
    auto [metric, clen] = r.metric_at(k, [](const metric_words& m) -> const phrase_set& { return m.counted; });
    if (!metric.empty()) {
      np.counted_metric = metric;
      np.end = k + clen;
      break;
    }
    if (lex.auxiliaries.match(w, k) || is_phrase_stop(w[k])) break;
    bool is_trigger = false;
    for (const auto& m : lex.metrics) is_trigger = is_trigger || m.after.match(w, k) > 0;
    if (is_trigger) break;
    ++k;  // an adjective or an unknown noun: "armed", "pilgrims"
    np.end = k;
  }
  if (np.group.empty() && np.end == f.last) read_predicate_group(r, lex, k, np);
  return np;
}

// "40 people were killed", "Thousands have died", "40 dead".
bool is_main_auxiliary(std::string_view w) {
  return is_one_of(w, {"were", "was", "are", "is", "have", "has", "had"});
}

std::optional<metric_hit> distant_predicate(const sentence_reader& r, const lexicon& lex, std::size_t from,
                                            const std::vector<found_quantity>& quantities) {
  const auto& w = r.words();
  const auto& t = r.tokens();
  for (std::size_t k = from; k < w.size() && k < from + 12; ++k) {
    if (t[k].kind == token_kind::punct) return std::nullopt;
    if (std::any_of(quantities.begin(), quantities.end(), [&](const found_quantity& q) { return q.first == k; })) {
      return std::nullopt;  // another figure's clause
    }
    // "who were killed" belongs to the relative clause, not to the figure.
    if (!is_main_auxiliary(w[k]) || (k > 0 && is_one_of(w[k - 1], {"who", "that", "which", "whom"}))) continue;
    std::size_t m = k;
    while (m < w.size() && lex.auxiliaries.match(w, m)) m += lex.auxiliaries.match(w, m);
    auto [metric, len] = r.metric_at(m, [](const metric_words& mw) -> const phrase_set& { return mw.after; });
    if (!metric.empty()) return metric_hit{metric, t[m].offset, t[m + len - 1].end(), false};
    return std::nullopt;  // the clause's verb is something else
  }
  return std::nullopt;
}

// `quantities` lets a coordinated subject be passed over: "Twenty children and
// 47 women were among those killed".
std::optional<metric_hit> metric_after(const sentence_reader& r, const lexicon& lex, std::size_t from,
                                       const std::vector<found_quantity>& quantities) {
  const auto& w = r.words();
  const auto& t = r.tokens();
  for (std::size_t k = from, steps = 0; k < w.size() && steps < 12; ++steps) {
    // A parenthetical breakdown: "At least 91 militants, including 10 children, were killed".
    if (w[k] == "," && lex.breakdown.match(w, k + 1)) {
      std::size_t close = k + 1;
      // Dashes may sit inside the parenthesis ("10–15 children").
      while (close < w.size() && w[close] != "," && !(is_clause_break(t[close]) && !is_dash(t[close]))) ++close;
      if (close >= w.size() || w[close] != ",") return std::nullopt;
      k = close + 1;
      continue;
    }
    if (w[k] == "and" && k + 1 < w.size()) {
      auto next = std::find_if(quantities.begin(), quantities.end(),
                               [&](const found_quantity& q) { return q.first == k + 1; });
      if (next != quantities.end()) {
        k = next->last;
        while (k < w.size() && t[k].kind == token_kind::word && !lex.auxiliaries.match(w, k) &&
               !is_phrase_stop(w[k]) && lex.all_group_words.match(w, k) + lex.things.match(w, k) > 0) {
          ++k;
        }
        continue;
      }
    }
    if (t[k].kind == token_kind::punct) return std::nullopt;
    auto [metric, len] = r.metric_at(k, [](const metric_words& m) -> const phrase_set& { return m.after; });
    if (!metric.empty()) return metric_hit{metric, t[k].offset, t[k + len - 1].end(), false};
    // "Two police officers guarding the school were killed", "30 people who
    // were out in boats are believed missing": the verb of the figure's own
    // clause comes after a relative clause or a phrase.

    if (std::size_t aux = lex.auxiliaries.match(w, k)) {
      k += aux;
      continue;
    }
    if (w[k].size() > 3 && w[k].substr(w[k].size() - 2) == "ly") {  // an adverb
      ++k;
      continue;
    }
    // "Two police officers guarding the school were killed", "30 people who
    // were out in boats are believed missing": the verb of the figure's own
    // clause comes after a relative clause or a phrase.
    return distant_predicate(r, lex, from, quantities);
  }
  return std::nullopt;
}

// "killing 40", "abducting scores of individuals": a verb right before the figure.
std::optional<metric_hit> metric_before(const sentence_reader& r, const lexicon& lex, std::size_t first,
                                        bool names_people) {
  const auto& t = r.tokens();
  for (const auto& m : lex.metrics) {
    std::size_t start = r.match_ending_at(m.before, first);
    // "lost 15 fighters", "buried 13 labourers": only a casualty of people.
    if (start == std::string::npos && names_people) start = r.match_ending_at(m.before_people, first);
    if (start != std::string::npos) return metric_hit{m.name, t[start].offset, t[first - 1].end(), false};
  }
  return std::nullopt;
}

// "Among the dead are six women", "Among those taken hostage are at least
// 12": the metric comes before the verb and the figure after it.
std::optional<metric_hit> metric_from_among(const sentence_reader& r, const lexicon& lex, std::size_t first) {
  const auto& w = r.words();
  const auto& t = r.tokens();
  if (first < 3 || !is_main_auxiliary(w[first - 1])) return std::nullopt;
  const std::size_t begin = r.clause_begin(first);
  if (w[begin] != "among") return std::nullopt;
  for (std::size_t k = begin + 1; k + 1 < first; ++k) {
    for (const auto& m : lex.metrics) {
      const std::size_t len = std::max({m.after.match(w, k), m.toll.match(w, k), m.counted.match(w, k)});
      if (len && k + len < first) return metric_hit{m.name, t[k].offset, t[k + len - 1].end(), false};
    }
  }
  return std::nullopt;
}

// "the death toll ... reaching 1,200", "a toll of 45": a link word right
// before the figure and a toll noun earlier in the clause. Sets `group` from
// the words between the two ("the toll on the Israeli side").
std::optional<metric_hit> metric_from_toll(const sentence_reader& r, const lexicon& lex,
                                           std::size_t first, std::string& group) {
  const std::size_t link = r.match_ending_at(lex.toll_links, first);
  if (link == std::string::npos) return std::nullopt;
  const auto& t = r.tokens();
  const std::size_t stop = r.clause_begin(first);
  for (std::size_t k = link; k-- > stop && link - k <= 30;) {
    for (const auto& m : lex.metrics) {
      const std::size_t len = m.toll.match(r.words(), k);
      if (len == 0 || k + len > link) continue;
      // A participle alone is a toll only as a noun, "the displaced", not as
      // an adjective: "sheltering displaced families".
      if (len == 1 && is_one_of(r.words()[k], {"dead", "injured", "wounded", "missing", "displaced"}) &&
          (k == 0 || r.words()[k - 1] != "the")) {
        continue;
      }
      for (std::size_t g = k + len; g < link; ++g) {
        if (std::size_t glen = lex.all_group_words.match(r.words(), g)) {
          group = r.group_at(g, glen);
          break;
        }
      }
      return metric_hit{m.name, t[k].offset, t[k + len - 1].end(), true};
    }
  }
  return std::nullopt;
}

// Any metric word before the figure in its sentence: "Of those killed, 12
// were children", "Among the dead were five children".
std::optional<metric_hit> metric_earlier_in_sentence(const sentence_reader& r, const lexicon& lex,
                                                     std::size_t first) {
  const auto& t = r.tokens();
  for (std::size_t k = first; k-- > 0;) {
    for (const auto& m : lex.metrics) {
      const std::size_t len = std::max(m.after.match(r.words(), k), m.toll.match(r.words(), k));
      if (len && k + len <= first) return metric_hit{m.name, t[k].offset, t[k + len - 1].end(), false};
    }
  }
  return std::nullopt;
}

// "In 1994, a cyclone killed 1,654 people", "an offensive in 1977 left ...":
// a past year named with "in" in the figure's clause, not after "since";
// or the year a "when" clause holding the figure looks back to ("the
// deadliest since 1971, when 1,200 people were killed"). `figure` is the
// figure's first word.
std::optional<int> historical_year(const sentence_reader& r, const ingest::document& doc, std::size_t from,
                                   std::size_t to, std::size_t figure) {
  if (!doc.published) return std::nullopt;
  const auto& w = r.words();
  const auto& t = r.tokens();
  // Word k as a four-digit year before the publication's.
  auto past_year = [&](std::size_t k) -> std::optional<int> {
    if (t[k].kind != token_kind::number || t[k].length != 4) return std::nullopt;
    int year = 0;
    std::from_chars(w[k].data(), w[k].data() + w[k].size(), year);
    if (year >= 1800 && year < doc.published->year()) return year;
    return std::nullopt;
  };
  for (std::size_t k = from; k + 1 < to; ++k) {
    if (w[k] != "in") continue;
    // "since the war began in 2022": the start of a count, not its year.
    if (std::find(w.begin() + static_cast<std::ptrdiff_t>(from), w.begin() + static_cast<std::ptrdiff_t>(k), "since") !=
        w.begin() + static_cast<std::ptrdiff_t>(k)) {
      continue;
    }
    if (auto year = past_year(k + 1)) return year;
  }
  // "the deadliest since 1971, when 1,200 people were killed": that year's toll.
  for (std::size_t k = 0; k + 3 < figure; ++k) {
    if (w[k] != "since" || w[k + 2] != "," || w[k + 3] != "when") continue;
    if (auto year = past_year(k + 1)) return year;
  }
  return std::nullopt;
}

bool sentence_has(const sentence_reader& r, const phrase_set& set, std::size_t from = 0,
                  std::size_t to = std::string::npos) {
  to = std::min(to, r.words().size());
  for (std::size_t k = from; k < to; ++k) {
    if (set.match(r.words(), k)) return true;
  }
  return false;
}

// "since the war began", "since March": the start of a running count in the
// figure's clause, as its first words after "since".
std::string since_phrase(const sentence_reader& r, const lexicon& lex, std::size_t from, std::size_t to) {
  const auto& w = r.words();
  for (std::size_t k = from; k < to; ++k) {
    if (w[k] != "since") continue;
    // "one of the deadliest attacks since 2014" compares; it starts no count.
    if (sentence_has(r, lex.comparing, from, k)) continue;
    std::string out = "since";
    for (std::size_t j = k + 1; j < to && j < k + 4 && r.tokens()[j].kind != token_kind::punct; ++j) {
      out += ' ';
      out += w[j];
    }
    return out;
  }
  return {};
}

// "Among them are three children" (the figure right after the verb), or
// "Fourteen of them were ...".
bool refers_back(const sentence_reader& r, const lexicon& lex, const found_quantity& f) {
  const auto& w = r.words();
  if (f.first >= 3 && w[0] == "among" && is_one_of(w[1], {"them", "those", "these"}) && f.first <= 4) return true;
  if (!(f.last + 3 < w.size() && w[f.last] == "of" && is_one_of(w[f.last + 1], {"them", "these", "those"}) &&
        is_main_auxiliary(w[f.last + 2]))) {
    return false;
  }
  // "... of them were children / were over 70", not "... of them were broken".
  const std::size_t k = f.last + 3;
  if (lex.all_group_words.match(w, k) || is_one_of(w[k], {"over", "under", "aged", "among"})) return true;
  return std::any_of(lex.metrics.begin(), lex.metrics.end(), [&](const metric_words& m) { return m.after.match(w, k) > 0; });
}

// "The dead included the driver and at least four children": a toll noun and
// an inclusion verb earlier in the clause.
std::optional<metric_hit> metric_from_inclusion(const sentence_reader& r, const lexicon& lex, std::size_t first) {
  const auto& w = r.words();
  const auto& t = r.tokens();
  for (std::size_t k = first; k-- > r.clause_begin(first);) {
    if (!is_one_of(w[k], {"included", "include", "includes"})) continue;
    for (std::size_t b = k; b-- > r.clause_begin(first) && k - b <= 3;) {
      for (const auto& m : lex.metrics) {
        const std::size_t len = m.toll.match(w, b);
        if (len && b + len == k) return metric_hit{m.name, t[b].offset, t[k - 1].end(), true};
      }
    }
  }
  return std::nullopt;
}

// "Of these deaths, ...", "Of the 194 dead, ...": every figure of the
// sentence counts within that metric.
bool sentence_opens_with_partitive(const sentence_reader& r, const lexicon& lex) {
  const auto& w = r.words();
  if (w.size() < 4 || w[0] != "of" || !is_one_of(w[1], {"the", "these", "those"})) return false;
  for (std::size_t k = 2; k < w.size() && k < 6 && w[k] != ","; ++k) {
    for (const auto& m : lex.metrics) {
      if (m.counted.match(w, k) || m.toll.match(w, k) || m.after.match(w, k)) return true;
    }
  }
  return false;
}

// The group named after the figure's verb: "... were injured among
// Palestinians and Israelis" (two groups make it everyone).
std::string group_from_among(const sentence_reader& r, const lexicon& lex, std::size_t from) {
  const auto& w = r.words();
  for (std::size_t k = from; k < w.size(); ++k) {
    if (w[k] != "among") continue;
    std::vector<std::string> found;
    for (std::size_t g = k + 1; g < w.size() && g < k + 8; ++g) {
      if (std::size_t len = lex.all_group_words.match(w, g)) {
        found.push_back(r.group_at(g, len));
        g += len - 1;
      } else if (!is_one_of(w[g], {"and", "the", ","})) {
        break;
      }
    }
    if (found.size() == 1) return found.front();
    if (found.size() > 1) return "people";
  }
  return {};
}

// One incident inside a larger event: "killed in a strike on a school".
bool names_incident(const sentence_reader& r, const lexicon& lex, std::size_t from, std::size_t to) {
  const auto& w = r.words();
  for (std::size_t k = from; k + 1 < to; ++k) {
    if (!is_one_of(w[k], {"in", "by", "during", "when"})) continue;
    // "in the attack", "when the roof collapsed"; after "when", any word:
    // "when twin explosions ripped through". Not "after": "died after a
    // stampede" is as often the story's whole event as one incident in it.
    const bool introduced = is_one_of(w[k + 1], {"a", "an", "the", "one", "another", "that", "this", "yesterday's"});
    if (!introduced && w[k] != "when") continue;
    for (std::size_t g = k + (introduced ? 2 : 1); g < to && g < k + 5; ++g) {
      if (lex.incident.match(w, g)) return true;
    }
  }
  return false;
}

// A sentence that reports one attack: "An airstrike on a market in Morsk
// killed 40 on Tuesday", "A drone strike hit a wedding party". A day, or an
// attack word after "a" or "an", tells one attack from a campaign ("killed
// by the strikes in Gaza"), whose figures are the war's running toll.
bool reports_an_attack(const sentence_reader& r, const lexicon& lex,
                       const std::vector<parse::date_expression>& dates) {
  const auto& w = r.words();
  bool single = false, named = false;
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (!lex.attacks.match(w, k)) continue;
    named = true;
    for (std::size_t b = k >= 3 ? k - 3 : 0; b < k; ++b) single = single || is_one_of(w[b], {"a", "an"});
  }
  if (!named) return false;
  if (single) return true;
  using kind = parse::date_expression_kind;
  const bool dated = std::any_of(dates.begin(), dates.end(), [&](const parse::date_expression& e) {
    // "since Friday" starts a count: the figure spans days.
    const std::size_t at = r.index_at(e.offset);
    const bool start = at > 0 && at < w.size() && is_one_of(w[at - 1], {"since", "from"});
    return !e.since && !start &&
           (e.kind == kind::relative_day || e.kind == kind::weekday || (e.kind == kind::calendar && e.day > 0));
  });
  // "overnight", "this morning", "at dawn": a time of day is a day too.
  return dated || sentence_has(r, lex.attack_times);
}

bool is_weekday(std::string_view w);

std::optional<std::string> place_in_clause(const sentence_reader& r, const lexicon& lex,
                                           std::size_t from, std::size_t to) {
  const auto& w = r.words();
  for (std::size_t k = from; k + 1 < to; ++k) {
    // "in Orvik", and "the town of Orvik in Tarrow province", where the town
    // is the nearer place.
    const bool names_place =
        w[k] == "in" || (w[k] == "of" && k > 0 && is_one_of(w[k - 1], {"town", "city", "village", "port"}));
    if (!names_place) continue;
    std::size_t p = k + 1;
    if (p < to && w[p] == "the") ++p;
    // "in neighbouring Rinaro province"
    if (p < to && is_one_of(w[p], {"neighbouring", "neighboring", "nearby"})) ++p;
    if (std::size_t len = lex.places.match(w, p)) {
      std::string key;
      for (std::size_t i = p; i < p + len; ++i) {
        if (!key.empty()) key += ' ';
        key += w[i];
      }
      return lex.place_by_phrase.at(key);
    }
    // "in <Capitalised Place>": a run of capitalised words that are not a
    // month, a weekday or a group ("in Orvik", "in the Tarrow Hills").
    std::size_t e = p;
    while (e < to && e < p + 4 && r.tokens()[e].kind == token_kind::word && core::is_upper(r.slice(e, e + 1)[0]) &&
           !is_month_word(w[e]) && !is_weekday(w[e]) && !lex.all_group_words.match(w, e)) {
      ++e;
    }
    if (e > p) return r.slice(p, e);
  }
  return std::nullopt;
}

bool is_weekday(std::string_view w) {
  static const word_set days = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  return days.contains(w);
}

bool is_attribution_verb(std::string_view w) {
  static const word_set verbs = {"said",      "says",   "reported", "reports",   "told",      "announced",
                                 "confirmed", "stated", "added",    "estimated", "estimates", "warned"};
  return verbs.contains(w);
}

// A verb by which a source changes a toll it keeps: "the ministry revised
// the toll down", "officials raised the number of dead to 68".
bool is_revising_verb(std::string_view w) {
  static const word_set verbs = {"revised", "revises", "raised",  "raises",  "lowered", "lowers",
                                 "corrected", "corrects", "updated", "updates"};
  return verbs.contains(w);
}

// Where a time phrase that ends right before word `k` starts ("on Friday
// evening", "late on Monday", "earlier today", "yesterday"); `k` when none
// does. Not the subject's: "The UN office on Monday revised the toll".
std::size_t time_phrase_before(const std::vector<std::string_view>& w, std::size_t k) {
  std::size_t b = k;
  if (b > 0 && is_one_of(w[b - 1], {"morning", "afternoon", "evening", "night"})) --b;
  if (b > 1 && w[b - 2] == "on" && (is_weekday(w[b - 1]) || core::is_month_name(w[b - 1]))) {
    b -= 2;
    if (b > 0 && is_one_of(w[b - 1], {"late", "early"})) --b;
  } else if (b > 0 && is_one_of(w[b - 1], {"today", "yesterday", "tonight", "overnight"})) {
    --b;
    if (b > 0 && is_one_of(w[b - 1], {"earlier", "later", "late"})) --b;
  }
  return b;
}

// Who gives the figures of a sentence: "according to X", "X said", "said X",
// "citing X". Returns the words as written.
std::optional<std::string> attribution_in(const sentence_reader& r) {
  const auto& w = r.words();
  const auto& t = r.tokens();
  // A source's name ends at punctuation, a figure or a verb of reporting.
  auto run_until_break = [&](std::size_t from) {
    std::size_t k = from;
    while (k < w.size() && t[k].kind == token_kind::word && k < from + 8 && !is_attribution_verb(w[k]) &&
           !is_one_of(w[k], {"showed", "show", "shows", "put", "puts", "on", "as", "that", "who", "which", "earlier",
                             "today", "yesterday", "late", "later", "tonight", "overnight"})) {
      ++k;
    }
    return k;
  };
  auto strip_the = [&](std::size_t from) {
    return from < w.size() && w[from] == "the" ? from + 1 : from;
  };
  for (std::size_t k = 0; k + 1 < w.size(); ++k) {
    if ((w[k] == "according" && w[k + 1] == "to") || (w[k] == "figures" && w[k + 1] == "from")) {
      const std::size_t b = strip_the(k + 2);
      const std::size_t e = run_until_break(b);
      if (e > b) return r.slice(b, e);
    }
    if (w[k] == "citing") {
      const std::size_t b = strip_the(k + 1);
      const std::size_t e = run_until_break(b);
      if (e > b) return r.slice(b, e);
    }
  }
  for (std::size_t k = 1; k < w.size(); ++k) {
    // "A monitoring group put the number of dead at 23", "MSF gave a toll of
    // 40": a source that puts or gives a figure.
    // "The civil defence service on Friday revised the toll down to 256": a
    // source that keeps the figure changes it (not "the toll was revised").
    const bool revises = is_revising_verb(w[k]) && k + 1 < w.size() &&
                         is_one_of(w[k + 1], {"the", "its", "their"}) &&
                         !is_one_of(w[k - 1], {"was", "were", "been", "be", "is", "are", "being"});
    const bool puts = (is_one_of(w[k], {"put", "puts", "gave", "gives"}) && k + 1 < w.size() &&
                       is_one_of(w[k + 1], {"the", "a", "its", "their"})) ||
                      revises;
    if (!is_attribution_verb(w[k]) && !puts) continue;
    // "an estimated 160 people": an adjective, not a verb.
    if (w[k] == "estimated" && is_one_of(w[k - 1], {"a", "an", "the"})) continue;
    // "Eight people have now been confirmed dead": a passive names no source.
    const std::size_t before_verb = k > 1 && is_one_of(w[k - 1], {"now", "also", "since", "already"}) ? k - 2 : k - 1;
    if (is_one_of(w[before_verb], {"been", "was", "were", "is", "are", "be", "being"})) continue;
    // "..., the health ministry said" / "officials said"; "a rebel spokesman,
    // however, said": the subject before an aside; "officials on Wednesday
    // raised": the subject before a time phrase.
    std::size_t verb = k;
    if (k >= 3 && w[k - 1] == "," && w[k - 3] == "," && is_one_of(w[k - 2], {"however", "meanwhile", "though"})) {
      verb = k - 3;
    } else if (w[k - 1] == ",") {
      // "Bashir Haddad, a doctor at the hospital, said": the name before the
      // description set off by commas.
      for (std::size_t c = k - 1; c-- > 0 && k - c <= 12;) {
        if (t[c].kind != token_kind::punct) continue;
        if (w[c] == "," && c + 1 < k - 1 && is_one_of(w[c + 1], {"a", "an", "the"})) verb = c;
        break;
      }
    }
    verb = time_phrase_before(w, verb);
    std::size_t b = verb;
    // Up to eight words: "the International Committee of the Red Cross said".
    while (b > 0 && t[b - 1].kind == token_kind::word && verb - b < 8 && t[b - 1].kind != token_kind::number) --b;
    std::size_t e = verb;  // "the Kremlin has said": the subject without its auxiliary
    while (e > b && is_one_of(w[e - 1], {"has", "have", "had", "also", "later", "earlier", "previously", "was", "were"})) --e;
    // "lower than the at least nine announced earlier": a figure, not a source.
    const bool compares = std::any_of(w.begin() + static_cast<long>(b), w.begin() + static_cast<long>(e),
                                      [](std::string_view x) { return x == "than"; });
    if (b < e && (b == 0 || t[b - 1].kind == token_kind::punct) && !compares) return r.slice(strip_the(b), e);
    if (puts || compares) continue;
    // "..., said the health ministry"; not "..., said by telephone".
    if (t[k - 1].kind == token_kind::punct) {
      const std::size_t from = strip_the(k + 1);
      if (from < w.size() && is_one_of(w[from], {"by", "in", "on", "at", "to", "after", "before", "with", "during",
                                                 "that", "it", "this"})) {
        continue;
      }
      const std::size_t e = run_until_break(from);
      if (e > from) return r.slice(from, e);
    }
  }
  return std::nullopt;
}

// The day a figure holds for, when its sentence anchors one: "as of Friday",
// "by Oct. 13", "on Tuesday, officials said 500 had died", "rose to 212 on
// Tuesday", "Yesterday, the ministry said ...". Dates resolve against the
// publication date (a missing year is the latest that keeps the date on or
// before it). Not anchors: "since October 7" (the start of a count), a date
// that dates an incident or a start ("the attack on Oct. 7", "began on
// Saturday"), a date after publication, an impossible date.
// Without "as of" or "by", a date anchors a figure only when it names one
// day and is tied to the figure's report: it opens the sentence ("On Tuesday,
// officials said"), or follows the figure or a reporting verb ("rose to 212 on
// Tuesday", "said on Monday"). A month, a year or a period ("in February",
// "the past month") dates an event, and "10-15" or "2-3" next to people is a
// range, not a day.
bool anchors_a_day(const sentence_reader& r, const parse::date_expression& e, std::size_t k, std::size_t cb,
                   std::size_t ce, bool after_figure) {
  const auto& w = r.words();
  const auto& t = r.tokens();
  using kind = parse::date_expression_kind;
  const bool one_day = (e.kind == kind::calendar && e.month && e.day) || e.kind == kind::relative_day ||
                       e.kind == kind::weekday || e.kind == kind::shift;
  if (!one_day) return false;
  if (e.kind == kind::calendar && e.year == 0 && t[k].kind == token_kind::number) return false;  // "10-15"
  if (k == 0 || (k == 1 && w[0] == "on") || after_figure) return true;
  if (k < cb || k >= ce || w[k - 1] != "on" || k < 2) return false;
  const token& before_on = t[k - 2];
  // "Officials on Monday raised the number of deaths": the day of the report.
  const std::size_t next = r.index_at(e.offset + e.length);
  const bool reported = next < w.size() && (is_attribution_verb(w[next]) || is_revising_verb(w[next]));
  return reported || before_on.kind == token_kind::number || is_attribution_verb(w[k - 2]) ||
         is_one_of(w[k - 2], {"dead", "killed", "injured", "missing", "toll", "deaths"});
}

bool is_weekday(std::string_view w);

// The date expressions of a sentence that could anchor a figure's as-of:
// those opening the sentence, after "as of", "by" or "on", right after a
// figure, and relative days ("yesterday"). The date grammar is tried only
// there, not at every word: it is costly and most words start no date.
std::vector<parse::date_expression> dates_where_anchors_can_be(const sentence_reader& r,
                                                               const ingest::document& doc,
                                                               const std::vector<found_quantity>& quantities) {
  const auto& w = r.words();
  const auto& t = r.tokens();
  std::vector<bool> try_at(w.size(), false);
  auto mark = [&](std::size_t k) {
    if (k < w.size() && t[k].kind != token_kind::punct) try_at[k] = true;
  };
  mark(0);
  mark(1);
  // One lookup turns most words away before the tests below.
  static const word_set anchor_words = {"on", "by", "of", "yesterday", "today", "tonight", "last", "this",
                                        "earlier", "overnight", "monday", "tuesday", "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (!anchor_words.contains(w[k])) continue;
    if (is_one_of(w[k], {"on", "by"}) || (w[k] == "of" && k > 0 && w[k - 1] == "as")) mark(k + 1);
    if (is_one_of(w[k], {"yesterday", "today", "tonight", "last", "this", "earlier", "overnight"}) ||
        is_weekday(w[k])) {
      mark(k);
    }
  }
  for (const auto& q : quantities) {
    mark(q.last);
    mark(q.last + 1);
  }
  std::vector<parse::date_expression> out;
  const std::string_view text = std::string_view(doc.text).substr(0, t.empty() ? 0 : t.back().end());
  std::size_t covered = 0;  // expressions do not overlap
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (!try_at[k] || t[k].offset < covered) continue;
    if (auto e = parse::parse_date_expression(text, t[k].offset); e && e->length > 0) {
      covered = e->offset + e->length;
      out.push_back(*e);
    }
  }
  return out;
}

struct as_of_anchor;
std::optional<as_of_anchor> sentence_anchor(const sentence_reader& r, const ingest::document& doc, const lexicon& lex,
                                            const std::vector<parse::date_expression>& dates, std::size_t figure,
                                            std::size_t cb, std::size_t ce, bool after_figure = false);

struct as_of_anchor {
  core::date day;
  const char* basis;  // "explicit" or "relative"
};

// `after_figure`: the dates follow the figure ("up from five on Thursday"),
// which ties them to it whatever word the figure is.
std::optional<as_of_anchor> sentence_anchor(const sentence_reader& r, const ingest::document& doc, const lexicon& lex,
                                            const std::vector<parse::date_expression>& dates, std::size_t figure,
                                            std::size_t cb, std::size_t ce, bool after_figure) {
  const auto& w = r.words();
  std::optional<as_of_anchor> best;
  int best_rank = 0;
  long best_distance = 0;
  for (const auto& e : dates) {
    if (e.since) continue;
    const std::size_t k = r.index_at(e.offset);
    if (k >= w.size()) continue;
    const std::string_view before = k >= 1 ? w[k - 1] : std::string_view();
    const std::string_view before2 = k >= 2 ? w[k - 2] : std::string_view();
    if (is_one_of(before, {"since", "from", "between", "after", "until", "till"})) continue;
    if (before == "on" && k >= 2 &&
        (lex.incident.match(w, k - 2) == 1 ||
         is_one_of(before2, {"began", "begun", "started", "launched", "erupted", "broke", "born"}))) {
      continue;
    }
    // "reached 18, up from 9 on Thursday": the day is the earlier value's,
    // not the figure's before it.
    if (!after_figure && k > figure) {
      bool earlier_value = false;
      for (std::size_t j = k; j-- > figure + 1 && k - j <= 6 && !earlier_value;) earlier_value = w[j] == "from";
      if (earlier_value) continue;
    }
    const bool full_year = e.kind == parse::date_expression_kind::calendar && e.year != 0 && e.month && e.day;
    if (!doc.published && !full_year) continue;
    const auto res = parse::resolve_date(e, doc.published.value_or(core::date()), parse::date_bias::past);
    if (!res.value) continue;
    core::date day = res.value->last;  // a period holds until its last day ("last week")
    if (doc.published && res.value->first <= *doc.published && day > *doc.published) day = *doc.published;
    if (doc.published && day > *doc.published) continue;
    const bool explicit_date = e.kind == parse::date_expression_kind::calendar && e.month && e.day;
    // "as of"/"by" anchor whatever they date; otherwise the date must sit in
    // the figure's clause or open the sentence.
    int rank = 2;
    if ((before == "of" && before2 == "as") || before == "by") rank = 0;
    else if (anchors_a_day(r, e, k, cb, ce, after_figure)) rank = 1;
    if (rank == 2) continue;
    const long distance = std::labs(static_cast<long>(k) - static_cast<long>(figure));
    if (!best || rank < best_rank || (rank == best_rank && distance < best_distance)) {
      best = as_of_anchor{day, explicit_date ? "explicit" : "relative"};
      best_rank = rank;
      best_distance = distance;
    }
  }
  return best;
}

// A date right after the figure is the figure's own: "from 14 on Tuesday",
// "up from 18 the previous day" (a day before the sentence's date, or before
// publication). Otherwise the sentence's anchor, if any.
std::optional<as_of_anchor> anchored_as_of(const sentence_reader& r, const ingest::document& doc, const lexicon& lex,
                                           const std::vector<parse::date_expression>& dates, const found_quantity& f,
                                           std::size_t cb, std::size_t ce) {
  const auto& w = r.words();
  std::size_t after = f.last;
  // "from 109 late on Wednesday", "from 64 on Sunday"
  if (after + 1 < w.size() && is_one_of(w[after], {"late", "early"}) && w[after + 1] == "on") ++after;
  if (after < w.size() && w[after] == "on") ++after;
  const bool day_before =
      after + 2 < w.size() + 1 &&
      ((after + 2 < w.size() + 1 && is_one_of(w[after], {"a", "the", "one"}) && after + 2 <= w.size() &&
        ((w[after + 1] == "day" && after + 2 < w.size() && is_one_of(w[after + 2], {"earlier", "before"})) ||
         (w[after + 1] == "previous" && after + 2 < w.size() && w[after + 2] == "day"))));
  if (day_before) {
    const auto base = sentence_anchor(r, doc, lex, dates, f.first, cb, ce);
    if (base) return as_of_anchor{base->day + -1, "relative"};
    if (doc.published) return as_of_anchor{*doc.published + -1, "relative"};
  }
  // "up from 12 yesterday": a day right after an earlier value dates it.
  const bool earlier_value = is_earlier_value(w, f);
  for (const auto& e : dates) {
    if (e.since || r.index_at(e.offset) != after || (after == f.last && !earlier_value)) continue;
    // "14 on Tuesday": only one-day dates, resolved like any other.
    std::vector<parse::date_expression> one = {e};
    auto own = sentence_anchor(r, doc, lex, one, f.first, 0, r.words().size(), true);
    if (!own) continue;
    // An earlier value is before the day the sentence reports, whatever
    // "yesterday" it is dated ("on Monday raised the toll to 240, from 123
    // yesterday").
    if (earlier_value) {
      std::vector<parse::date_expression> others;
      for (const auto& d : dates) {
        if (d.offset != e.offset) others.push_back(d);
      }
      const auto base = sentence_anchor(r, doc, lex, others, f.first, cb, ce);
      if (base && own->day >= base->day) return as_of_anchor{base->day + -1, "relative"};
    }
    return own;
  }
  return sentence_anchor(r, doc, lex, dates, f.first, cb, ce);
}

// True when the word text[start, end) (in any case) is one of `words`. Most
// words fail on (first letter, last letter, length) before they are copied.
// Inlined: the first pass asks it of every word of a batch.
[[gnu::always_inline]] inline bool is_word_of(std::string_view text, std::size_t start, std::size_t end,
                                              const core::word_set& words) {
  const std::size_t n = end - start;
  char word[24];
  if (n < 3 || n > sizeof word ||
      !words.shapes().may_contain(static_cast<char>(text[start] | 0x20), static_cast<char>(text[end - 1] | 0x20), n)) {
    return false;
  }
  for (std::size_t k = 0; k < n; ++k) word[k] = static_cast<char>(text[start + k] | 0x20);
  return words.contains(std::string_view(word, n));
}

// True when `hit(start, end)` holds for a word text[start, end) of `text`
// (a run of letters): one look at each byte.
template <typename Hit>
bool any_word(std::string_view text, Hit&& hit) {
  for (std::size_t i = 0; i < text.size();) {
    if (!core::is_alpha(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    i = core::find_non_alpha(text, i);
    if (hit(start, i)) return true;
  }
  return false;
}

// True when a word of `text` is one of `words`.
bool has_word_of(std::string_view text, const core::word_set& words) {
  return any_word(text, [&](std::size_t start, std::size_t end) { return is_word_of(text, start, end, words); });
}

// The cheap first pass: one look at each byte for a word of a metric phrase.
bool may_hold_claim(std::string_view sentence, const lexicon& lex) {
  // "Among them are three children": a breakdown of the sentence before
  // (also "Fourteen of them were ...", found at the word "of" below).
  if (sentence.substr(0, 6) == "Among ") return true;
  return any_word(sentence, [&](std::size_t start, std::size_t end) {
    return is_word_of(sentence, start, end, lex.trigger_words) ||
           (end - start == 2 && start > 0 && sentence[start] == 'o' && sentence.substr(start - 1, 8) == " of them");
  });
}

}  // namespace

namespace {

// The place of a wire dateline opening the text: "SULPUR, Sep 23 (Northstar
// Newswire) -", "KYIV (Agency) --", "BELSTAD, Yaskova:". Capitals followed by
// a comma, a bracket or a colon; "" when the text opens otherwise. As a
// story's place it is a fallback: the reporter may file from elsewhere.
std::string dateline_place(std::string_view text) {
  std::size_t i = text.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos) return {};
  const std::size_t start = i;
  std::size_t letters = 0;
  while (i < text.size() && (core::is_upper(text[i]) || text[i] == ' ' || text[i] == '-' ||
                             text[i] == '.' || text[i] == '\'')) {
    letters += core::is_upper(text[i]) ? 1 : 0;
    ++i;
  }
  if (letters < 3 || i >= text.size() || (text[i] != ',' && text[i] != '(' && text[i] != ':')) return {};
  std::string place(text.substr(start, i - start));
  while (!place.empty() && place.back() == ' ') place.pop_back();
  // "GAZA CITY" -> "Gaza City", to meet the same place named in a sentence.
  bool word_start = true;
  for (char& ch : place) {
    ch = word_start ? ch : core::to_lower(ch);
    word_start = ch == ' ' || ch == '-';
  }
  return place;
}

// What a double quote mark at byte `i` does: a straight one opens or
// closes, “ opens, ” closes; none for other bytes.
enum class quote_mark { none, straight, opening, closing };
quote_mark quote_mark_at(std::string_view text, std::size_t i) {
  if (text[i] == '"') return quote_mark::straight;
  if (text.substr(i, 3) == "\xE2\x80\x9C") return quote_mark::opening;  // “
  if (text.substr(i, 3) == "\xE2\x80\x9D") return quote_mark::closing;  // ”
  return quote_mark::none;
}

// Whether a byte is inside double quotes ("..." or “...”) opened in its
// paragraph: quotes do not run on past a blank line. Asked of a document's
// claims in text order, it reads each byte once.
class quote_tracker {
 public:
  explicit quote_tracker(std::string_view text) : text_(text) {}
  bool inside(std::size_t at) {
    if (at < read_) {  // out of order: read again from the start
      read_ = 0;
      inside_ = false;
    }
    for (; read_ < at; ++read_) {
      // Sixteen bytes at a time to the next byte that can open, close or end
      // anything: a straight quote, a line break, the lead byte of “ ”.
      read_ = core::find_byte_of<'"', '\n', '\xE2'>(text_.substr(0, at), read_);
      if (read_ == at) break;
      if (text_[read_] == '\n') {
        if (read_ + 1 < text_.size() && text_[read_ + 1] == '\n') inside_ = false;
        continue;
      }
      switch (quote_mark_at(text_, read_)) {
        case quote_mark::straight: inside_ = !inside_; break;
        case quote_mark::opening: inside_ = true; break;
        case quote_mark::closing: inside_ = false; break;
        case quote_mark::none: break;
      }
    }
    return inside_;
  }

 private:
  std::string_view text_;
  std::size_t read_ = 0;
  bool inside_ = false;
};

// The rest of the sentence in which the quote around byte `at` closes
// ("” said Karim Sherwood, a shopkeeper."), when it closes in its paragraph.
std::optional<text::span> after_quote(std::string_view text, std::size_t at) {
  std::size_t close = at;
  quote_mark mark = quote_mark::none;
  for (; close < text.size(); ++close) {
    mark = quote_mark_at(text, close);
    if (mark == quote_mark::straight || mark == quote_mark::closing) break;
    if (text.substr(close, 2) == "\n\n") return std::nullopt;
  }
  if (close >= text.size()) return std::nullopt;
  // From the closing mark, which opens the rest as a comma would ("” said X").
  std::size_t end = close + (mark == quote_mark::straight ? 1 : 3);
  while (end < text.size() && text[end] != '\n' && !((text[end] == '.' || text[end] == '!' || text[end] == '?') &&
                                                     (end + 1 == text.size() || core::is_space(text[end + 1])))) {
    ++end;
  }
  return text::span{close, std::min(end + 1, text.size())};
}

// The day of the first of `dates` between bytes `after` and `before` that
// names one day in the week up to `published` ("on Sunday", "yesterday",
// "earlier today"); none when no date does, or when it is a start ("since
// Monday").
std::optional<core::date> event_day(const std::vector<parse::date_expression>& dates, core::date published,
                                    std::size_t after = 0, std::size_t before = std::string::npos) {
  for (const auto& e : dates) {
    if (e.since || e.offset < after || e.offset >= before) continue;
    const auto res = parse::resolve_date(e, published, parse::date_bias::past);
    if (!res.value || res.value->first != res.value->last) continue;
    const core::date day = res.value->first;
    if (day <= published && published - day <= 7) return day;
  }
  return std::nullopt;
}

}  // namespace

std::vector<claim> extract(const ingest::document& doc, const lexicon& lex) {
  std::vector<claim> out;
  std::optional<core::line_index> lines;  // built on the first claim: most text has none
  // What later figures of the document ask of each claim, parallel to `out`.
  struct claim_notes {
    bool names_population;  // "40 passengers drowned", not a breakdown: what a later bare toll refers to
    bool adds_to_a_count;  // "72 more died": no total of its own
    bool counts_the_attack;  // see attack_story
    bool quoted;  // in someone's own words
    bool earlier_value;  // "rose to 19, from eight on Monday": what a toll was before
    // Of the figures that count the attack, one that is the attack's whole
    // count as a source gives it: not a part ("38 of the 254 injured"), an
    // increment, an earlier value, or a figure of a sentence that turns to
    // another incident ("Separately, 14 were killed in Varmar").
    bool whole_attack_count;
  };
  std::vector<claim_notes> notes;
  quote_tracker quotes(doc.text);
  std::optional<text::span> previous_sentence;
  // The day the event of the story's first figure happened, if it says.
  std::optional<core::date> lede_day;
  bool war_in_figures = false;  // a sentence with a figure names a war ("rebels said")
  // A story whose lede (its first two sentences with a claim: a headline
  // and the first paragraph) reports one attack in a war is about that
  // incident: its figures that could count the attack do, not the war's
  // running toll. Decided once the lede is read, so applied at the end.
  bool attack_story = false;
  int lede_sentences = 0;

  // Per thread: extract runs on several at once.
  thread_local reader_buffers buffers, previous_buffers, quote_buffers;
  for (const text::span& sentence : text::split_sentences(doc.text)) {
    const auto previous = std::exchange(previous_sentence, sentence);
    if (!may_hold_claim(std::string_view(doc.text).substr(sentence.begin, sentence.end - sentence.begin), lex)) {
      continue;
    }
    const sentence_reader r(doc, lex, sentence, buffers);
    // Every claim is one of the sentence's figures: without any, nothing
    // more is read.
    const auto quantities = r.quantities();
    if (quantities.empty()) continue;
    const auto& w = r.words();
    const auto& t = r.tokens();
    const auto attribution = attribution_in(r);
    war_in_figures = war_in_figures || std::any_of(w.begin(), w.end(), [&](std::string_view word) {
                       return lex.war_words.contains(word);
                     });
    // The sentence before, and the dates of this one, are read only when this
    // sentence holds a claim.
    std::optional<std::optional<std::string>> before_cache;
    auto before = [&]() -> const std::optional<std::string>& {
      if (!before_cache) {
        before_cache = previous ? attribution_in(sentence_reader(doc, lex, *previous, previous_buffers)) : std::nullopt;
      }
      return *before_cache;
    };
    const bool revised = sentence_has(r, lex.revision);
    const std::size_t sentence_first_claim = out.size();
    bool in_lede = false;  // the sentence is one of the lede's
    bool last_was_part = false;

    std::optional<std::vector<parse::date_expression>> dates_cache;
    auto dates = [&]() -> const std::vector<parse::date_expression>& {
      if (!dates_cache) dates_cache = dates_where_anchors_can_be(r, doc, quantities);
      return *dates_cache;
    };
    for (const found_quantity& f : quantities) {
      const noun_phrase np = read_noun_phrase(r, lex, f, quantities);
      if (np.thing) {
        last_was_part = false;
        continue;
      }
      std::string toll_group;
      std::optional<metric_hit> hit;
      // "Nineteen of the injured later succumbed": the verb wins over the noun.
      if (np.partitive) hit = metric_after(r, lex, np.end, quantities);
      if (!hit && !np.counted_metric.empty()) {
        const bool verb_ok = !np.counted_lives || r.match_ending_at(lex.life_verbs, f.first) != std::string::npos ||
                             (f.first >= 2 && lex.life_verbs.match(w, f.first - 2) == 1);
        // "71 hostages were freed": a count of people no longer held.
        const bool undone = sentence_has(r, lex.undoing, np.end, std::min(np.end + 4, w.size()));
        if (verb_ok && !undone) hit = metric_hit{np.counted_metric, t[f.first].offset, t[np.end - 1].end(), false};
      }
      if (!hit) hit = metric_after(r, lex, np.end, quantities);
      if (!hit && f.first > 0) hit = metric_before(r, lex, f.first, !np.group.empty());
      if (!hit && f.first > 0) hit = metric_from_among(r, lex, f.first);
      if (!hit && f.first > 0) hit = metric_from_toll(r, lex, f.first, toll_group);

      // A breakdown of the figure before it: "including 60 children",
      // "among them 12 women", "and 1,400 Israelis" after another part.
      // "rose to 99, from 88 a day earlier": the earlier figure of the same toll.
      const claim* earlier_of = nullptr;
      const bool after_from = is_earlier_value(w, f) || w[f.first] == "from" ||
                              (f.first > 1 && w[f.first - 2] == "than" && w[f.first - 1] == "the");
      // Not "three children from one family": the figure after "from" counts
      // the same people as the one before it.
      if (!hit && after_from && out.size() > sentence_first_claim &&
          (np.group.empty() || np.group == out.back().group)) {
        earlier_of = &out.back();
        hit = metric_hit{earlier_of->metric, t[f.first].offset, t[f.last - 1].end(), earlier_of->cumulative};
      }
      bool part = f.first > 0 && r.match_ending_at(lex.breakdown, f.first) != std::string::npos;
      if (np.predicate_group || np.partitive) part = !hit || np.predicate_group;
      const bool coordinated = (f.first > 0 && is_one_of(w[f.first - 1], {"and", ","})) ||
                               (f.first > 2 && w[f.first - 3] == "as" && w[f.first - 2] == "well" &&
                                w[f.first - 1] == "as");
      if (!part && coordinated && last_was_part) part = true;
      if (!part && f.last + 1 < w.size() && w[f.last] == "of" && is_one_of(w[f.last + 1], {"them", "whom"})) {
        part = true;
      }
      // "The dead included 95 minors", "62 minors were among those killed":
      // a figure that a toll noun includes, or that is among the dead, breaks
      // down a total, in this sentence or, failing one, the story's latest
      // total of that metric before it.
      const bool toll_includes = hit && hit->toll && f.first > 0 &&
                                 is_one_of(w[f.first - 1], {"included", "include", "includes", "including"});
      const std::size_t metric_word = hit ? r.index_at(hit->begin) : w.size();
      // "Among the dead were 658 minors": the same, with the dead named first.
      const bool among_the_dead =
          hit && !hit->toll && metric_word < w.size() &&
          (w[metric_word] == "among" ||
           (metric_word >= 2 && w[metric_word - 2] == "among" && is_one_of(w[metric_word - 1], {"the", "those"})));
      // "564 of the victims were under the age of 18": some of the dead.
      const bool some_of_the_dead = np.partitive && np.predicate_group && !np.counted_metric.empty();
      // "Of those killed, 126 were children": the same, named before the figure.
      const bool of_those_killed = !hit && np.predicate_group && sentence_opens_with_partitive(r, lex);
      if (of_those_killed) hit = metric_earlier_in_sentence(r, lex, f.first);
      const bool breaks_down_a_total = toll_includes || among_the_dead || some_of_the_dead || (of_those_killed && hit);
      if (breaks_down_a_total) part = true;
      const claim* total = nullptr;
      if (part) {
        for (std::size_t k = out.size(); k-- > 0;) {
          if (k < sentence_first_claim) break;
          if (!out[k].part_of_number) {
            total = &out[k];
            break;
          }
        }
        // "The victims included 40 minors and 2 women": the second part
        // shares the first's total, named in an earlier sentence.
        if (!total && out.size() > sentence_first_claim && out.back().part_of_number) {
          total = &out[out.back().part_of_number - 1];
        }
        // Of the story's totals (no increments, "56 more bodies", and no
        // earlier values, "up from 34"), the latest as of its date.
        if (!total && breaks_down_a_total) {
          for (std::size_t k = sentence_first_claim; k-- > 0;) {
            const claim_notes& n = notes[k];
            if (out[k].part_of_number || n.adds_to_a_count || n.quoted || n.earlier_value ||
                out[k].metric != hit->metric) {
              continue;
            }
            if (!total || (out[k].as_of && (!total->as_of || *out[k].as_of > *total->as_of))) total = &out[k];
          }
        }
        // A part with a metric of its own that differs is a figure of its own.
        if (!total || (hit && hit->metric != total->metric)) part = false;
      }
      if (!hit && total) hit = metric_hit{total->metric, t[f.first].offset, t[f.last - 1].end(), false};
      // "five children and 11 women": the second figure shares the first's metric.
      if (!hit && coordinated && out.size() > sentence_first_claim && !np.group.empty()) {
        hit = metric_hit{out.back().metric, t[f.first].offset, t[f.last - 1].end(), false};
      }
      // "Of those killed, 12 were children": the metric is named before the figure.
      if (!hit && np.predicate_group) hit = metric_earlier_in_sentence(r, lex, f.first);
      if (!hit && sentence_opens_with_partitive(r, lex)) hit = metric_earlier_in_sentence(r, lex, f.first);
      if (!hit && !np.group.empty() && f.first > 0 && w[f.first - 1] == "and") {
        hit = metric_from_inclusion(r, lex, f.first);
      }
      // "Among them are three children", "Fourteen of them were over 70":
      // a breakdown of the previous sentence's figure.
      const claim* previous_total = nullptr;
      if (!hit && refers_back(r, lex, f) && sentence_first_claim > 0 && out.size() == sentence_first_claim) {
        previous_total = &out.back();
        while (previous_total->part_of_number && previous_total != &out.front()) --previous_total;
        hit = metric_hit{previous_total->metric, t[f.first].offset, t[f.last - 1].end(), false};
      }
      if (!hit) {
        last_was_part = false;
        continue;
      }
      // A bare four-digit number with nothing counted after it is a year.
      if (f.q.value && *f.q.value >= 1800 && *f.q.value <= 2100 && f.q.qualifier == "exact" &&
          t[f.first].length == 4 && np.group.empty() && np.counted_metric.empty()) {
        last_was_part = false;
        continue;
      }

      claim c;
      c.metric = hit->metric;
      const std::size_t cb = r.clause_begin(f.first);
      const std::size_t ce = r.clause_end(f.last);
      c.group = !np.group.empty()     ? np.group
                : !toll_group.empty() ? toll_group
                                      : group_from_among(r, lex, f.last);
      if (c.group.empty() && earlier_of) c.group = earlier_of->group;
      if (c.group.empty() && total) c.group = total->group;
      // "The toll rose to 50": the population of the story's first figure for
      // this metric that named one and counted the story's attack. Later ones
      // are more often a breakdown the reading missed ("the dead included 61
      // minors") or another incident ("one child was killed in Gelaia").
      if (c.group.empty() && hit->toll) {
        for (std::size_t k = 0; k < out.size(); ++k) {
          if (out[k].metric != hit->metric || !notes[k].names_population || !notes[k].counts_the_attack) continue;
          if (out[k].group != "people") c.group = out[k].group;
          break;
        }
      }
      // "Three soldiers were killed and 11 wounded": the group carries over.
      if (c.group.empty() && coordinated && out.size() > sentence_first_claim) c.group = out.back().group;
      if (c.group.empty()) c.group = "people";
      c.location = place_in_clause(r, lex, cb, ce);
      c.value = f.q.value;
      c.lo = f.q.lo;
      c.hi = f.q.hi;
      c.qualifier = f.q.qualifier;
      c.vague = f.q.vague;
      claim_wording wording;
      c.as_of = doc.published;
      if (c.as_of) wording.as_of_basis = "published";
      bool historical = false;
      if (auto anchored = anchored_as_of(r, doc, lex, dates(), f, cb, ce)) {
        c.as_of = anchored->day;
        wording.as_of_basis = anchored->basis;
      } else if (auto year = historical_year(r, doc, cb, ce, f.first)) {
        // "an offensive in 1977 left 3,630 people dead": a toll of that year,
        // held as of its last day.
        c.as_of = core::date::from_ymd(*year, 12, 31);
        wording.as_of_basis = "explicit";
        historical = true;
      }
      // "72 more people died", "another 30 bodies": what was added since the
      // last report is no running total, whatever toll noun is near.
      // "Nineteen of the injured later succumbed": deaths added to the toll.
      const bool injured_died = np.partitive && c.metric == "killed" && f.last + 2 < w.size() &&
                                w[f.last] == "of" && w[f.last + 1] == "the" &&
                                is_one_of(w[f.last + 2], {"injured", "wounded"});
      // "40 have died and 72 more were injured": others, not an increment.
      const bool others = coordinated && out.size() > sentence_first_claim && out.back().metric != c.metric;
      const bool increment = injured_died ||
                             (!others && ((f.last < w.size() && lex.increment.match(w, f.last) == 1) ||
                                          (f.first > 0 && lex.increment.match(w, f.first - 1) == 1)));
      // "In my street alone, 69 were killed," said a witness: a count of
      // what one person saw, not the running total.
      const bool quoted = quotes.inside(f.q.offset);
      // "A wildfire ravaged Marera on Sunday, killing 26": the story's first
      // figure reports its event, on a day of the week before publication.
      // A toll ("the toll rose to 40 on Wednesday") or an increment reports
      // a later day of an event that began before.
      if (out.empty() && !increment && !part && !quoted && doc.published) {
        if (!hit->toll) {
          lede_day = event_day(dates(), *doc.published);
        } else {
          // "The death toll from a train that derailed near Zanenpur on
          // Friday has risen to 20": a day in a clause on the toll's event,
          // between the toll noun and the figure.
          std::size_t clause = std::string::npos;
          for (std::size_t k = r.index_at(hit->end); k < f.first && clause == std::string::npos; ++k) {
            if (is_one_of(w[k], {"that", "which", "when"})) clause = t[k].offset;
          }
          if (clause != std::string::npos) lede_day = event_day(dates(), *doc.published, clause + 1, f.q.offset);
        }
      }
      c.cumulative = !increment && !quoted && (hit->toll || !names_incident(r, lex, cb, ce));
      c.attribution = attribution;
      // "“We buried 11 pilgrims today. Whole families are gone,” said Karim
      // Sherwood": who speaks is named where the quote closes.
      if (!c.attribution && quoted) {
        if (const auto tail = after_quote(doc.text, f.q.offset)) {
          c.attribution = attribution_in(sentence_reader(doc, lex, *tail, quote_buffers));
        }
      }
      // Read only when the claim names no source of its own: the sentence
      // before is then tokenized for it.
      c.previous_attributed = !c.attribution && before().has_value();
      c.revision = revised;
      c.counted_since = since_phrase(r, lex, cb, ce);
      if (out.size() == sentence_first_claim && lede_sentences < 2) {
        ++lede_sentences;
        in_lede = true;
        attack_story = attack_story || reports_an_attack(r, lex, dates());
      }
      // Not a count from a start, a past year's toll, or the war's ("the
      // war has killed"); past the lede of a story of no attack, not asked.
      const bool counts_the_attack =
          (attack_story || in_lede) && c.cumulative && c.counted_since.empty() && !historical &&
          std::find(lex.attack_metrics.begin(), lex.attack_metrics.end(), c.metric) != lex.attack_metrics.end() &&
          !sentence_has(r, lex.wider_event, cb, ce);
      if (part && total) c.part_of_number = total->number;
      if (previous_total) c.part_of_number = previous_total->number;

      const std::size_t q_begin = f.q.offset;
      const std::size_t q_end = f.q.offset + f.q.length;
      const std::size_t np_end = np.end > f.last ? t[np.end - 1].end() : q_end;
      c.offset = std::min(q_begin, hit->begin);
      const std::size_t end = std::max({q_end, np_end, hit->end});
      const std::string_view text = std::string_view(doc.text).substr(c.offset, end - c.offset);
      wording.text = text;
      if (!lines) lines.emplace(doc.text);
      const auto pos = lines->at(c.offset);
      c.line = pos.line;
      wording.column = pos.column;
      // A window of the line, not all of it: a paragraph can be one long line,
      // and memory grows with the number of claims.
      const std::string_view whole = lines->line_text(pos.line);
      // The window holds the claim's text and kBefore code points before it
      // and kAfter after it, as far as the line goes. It is found by walking
      // out from the claim, not by counting from the line's start.
      constexpr int kBefore = 40, kAfter = 40;
      auto starts_code_point = [&](std::size_t i) { return (static_cast<unsigned char>(whole[i]) & 0xC0) != 0x80; };
      const std::size_t claim_at = c.offset - static_cast<std::size_t>(whole.data() - doc.text.data());
      std::size_t from = 0;
      wording.line_text_column = 1;
      if (pos.column - kBefore >= 1) {
        // The claim is code point number pos.column of its line: more than
        // kBefore of them start before it.
        from = claim_at;
        for (int n = 0; n < kBefore; ++n) {
          do --from;
          while (!starts_code_point(from));
        }
        wording.line_text_column = pos.column - kBefore;
      }
      std::size_t to = claim_at + text.size();
      if (to >= whole.size()) {
        to = whole.size();
      } else {
        for (int n = 0; n < kAfter && to < whole.size(); ++n) {
          do ++to;
          while (to < whole.size() && !starts_code_point(to));
        }
      }
      wording.line_text = whole.substr(from, to - from);
      wording.quantity_offset = static_cast<std::uint32_t>(q_begin);
      c.set_wording(wording);
      c.figure = std::string_view(doc.text).substr(q_begin, f.q.length);
      c.number = static_cast<std::uint32_t>(out.size() + 1);
      out.push_back(std::move(c));
      const bool earlier_value = is_earlier_value(w, f);
      const bool turns_away = !w.empty() && is_one_of(w[0], {"separately", "elsewhere", "meanwhile"});
      notes.push_back({!part && !previous_total && !coordinated && !np.partitive && !np.predicate_group &&
                           !np.group.empty(),
                       increment, counts_the_attack, quoted, earlier_value,
                       counts_the_attack && !part && !previous_total && !np.partitive && !increment &&
                           !earlier_value && !turns_away});
      last_was_part = part;
    }
  }
  // "The toll rose to 212" in a story whose figures are placed in Morsk is
  // Morsk's toll: unplaced figures join the series of the place the story's
  // figures name most, so that unrelated stories of a batch are not compared.
  std::map<std::string, int> places;
  for (const auto& c : out) {
    if (c.location) ++places[*c.location];
  }
  std::string story_place;
  if (!places.empty()) {
    story_place = std::max_element(places.begin(), places.end(), [](const auto& a, const auto& b) {
                    return a.second < b.second;
                  })->first;
  } else if (!out.empty()) {
    story_place = dateline_place(doc.text);
  }
  // The story names the war it is set in ("the war", "rebels").
  const bool set_in_war = !out.empty() && attack_story && has_word_of(doc.text, lex.war_words);
  // What the document's claims say alike, kept once for them all.
  if (!out.empty()) {
    claim_document shared = document_facts(doc);
    shared.story_place = story_place;
    // A war's toll runs on across its attacks and clashes: a story in a war
    // (one whose figures' sentences name it) starts no new series.
    if (lede_day && !set_in_war && !war_in_figures) {
      // "up from 64 late on Sunday": the event had begun by the day of its
      // earliest figure in the story, if that is earlier (a past year's
      // toll, weeks back, is another event's).
      core::date onset = *lede_day;
      for (const auto& c : out) {
        if (c.as_of && *c.as_of < onset && *doc.published - *c.as_of <= 7) onset = *c.as_of;
      }
      shared.onset = onset;
    }
    for (std::size_t k = 0; k < out.size() && k < 32; ++k) {
      if (notes[k].earlier_value) shared.earlier_values |= std::uint32_t{1} << k;
    }
    // The counts of a war story's attack, in the story's place or in none
    // it names, are compared across its sources (claim::counts_story_attack).
    if (attack_story && set_in_war) {
      for (std::size_t k = 0; k < out.size() && k < 64; ++k) {
        if (notes[k].whole_attack_count && (!out[k].location || out[k].location->str() == story_place)) {
          shared.story_attack_counts |= std::uint64_t{1} << k;
        }
      }
    }
    out.front().set_document(shared);
    for (auto& c : out) c.share_document(out.front());
  }
  if (attack_story && set_in_war) {
    for (std::size_t k = 0; k < out.size(); ++k) {
      if (notes[k].counts_the_attack) out[k].cumulative = false;
    }
  }
  return out;
}

}  // namespace tollgate::claims
