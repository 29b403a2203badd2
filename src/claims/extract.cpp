// Claim assembly: find the quantities of a sentence, then for each one the
// words around it that make it a casualty figure (its metric), say whose it
// is (group), where, when, and who gives it. Everything is matched on word
// tokens against the lexicon; nothing here is specific to one story.

#include <algorithm>
#include <array>

#include "claims/claims.hpp"
#include "core/text_position.hpp"
#include "text/text.hpp"

namespace tollgate::claims {
namespace {

using text::token;
using text::token_kind;

bool is_one_of(const std::string& w, std::initializer_list<const char*> list) {
  return std::any_of(list.begin(), list.end(), [&](const char* s) { return w == s; });
}

// Punctuation that closes a clause: a figure's words never reach across it.
bool is_clause_break(const token& t) {
  return t.kind == token_kind::punct &&
         (is_one_of(t.lower, {";", ":", "(", ")", "[", "]", "\"", "-"}) ||
          t.lower == "\xE2\x80\x94" || t.lower == "\xE2\x80\x93" ||  // — –
          t.lower == "\xE2\x80\x9C" || t.lower == "\xE2\x80\x9D");   // “ ”
}

// Words that end the noun phrase after a figure.
bool is_phrase_stop(const std::string& w) {
  return is_one_of(w, {"in", "on", "at", "by", "from", "into", "with", "after", "and", "or",
                       "including", "who", "that", "as", "while", "when", "during", "of", "to",
                       "for", "since", "across", "near", "over", "under", "among", "amid", "but",
                       "were", "was", "have", "has", "had", "are", "is", "be", "been", "the",
                       "this", "these", "those", "their", "its", "his", "her"});
}

bool is_modifier_skip(const std::string& w) {
  return is_one_of(w, {"more", "other", "others", "additional", "further", "new", "people's"});
}

struct found_quantity {
  parse::quantity q;
  std::size_t first = 0;  // token index
  std::size_t last = 0;   // one past
};

struct metric_hit {
  std::string metric;
  std::size_t begin = 0;  // byte span of the words that gave the metric
  std::size_t end = 0;
  bool toll = false;      // came from a toll noun: a running total
};

class sentence_reader {
 public:
  sentence_reader(const ingest::document& doc, const lexicon& lex, text::span sentence)
      : doc_(doc), lex_(lex), sentence_(sentence), tokens_(text::tokenize(doc.text, sentence)) {
    words_.reserve(tokens_.size());
    for (const auto& t : tokens_) words_.push_back(t.lower);
  }

  const std::vector<token>& tokens() const { return tokens_; }
  const std::vector<std::string>& words() const { return words_; }

  std::vector<found_quantity> quantities() const {
    std::vector<found_quantity> out;
    const std::string_view bounded = std::string_view(doc_.text).substr(0, sentence_.end);
    for (std::size_t i = 0; i < tokens_.size();) {
      const token& t = tokens_[i];
      if (t.kind == token_kind::punct) {
        ++i;
        continue;
      }
      if (auto d = parse::parse_date(bounded, t.offset)) {
        i = index_at(d->offset + d->length);
        continue;
      }
      auto q = parse::parse_quantity(bounded, t.offset, *lex_.quantities);
      if (!q) {
        ++i;
        continue;
      }
      const std::size_t next = std::max(index_at(q->offset + q->length), i + 1);
      if (q->is_count()) out.push_back({*q, i, next});
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
      if (is_clause_break(tokens_[i - 1])) return i;
      --i;
    }
    return 0;
  }
  std::size_t clause_end(std::size_t i) const {
    for (; i < tokens_.size(); ++i) {
      if (is_clause_break(tokens_[i])) return i;
    }
    return tokens_.size();
  }

  // A phrase from `set` that ends exactly at token `end` (exclusive); returns
  // its first token, or npos.
  std::size_t match_ending_at(const phrase_set& set, std::size_t end) const {
    for (std::size_t len = 1; len <= 4 && len <= end; ++len) {
      const std::size_t start = end - len;
      if (set.match(words_, start) == len) return start;
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
  std::vector<token> tokens_;
  std::vector<std::string> words_;
};

// What the words after a figure say: its group and maybe its metric.
struct noun_phrase {
  std::string group;
  std::size_t end = 0;  // token index where the phrase stops
  bool thing = false;   // "40 rockets": not people at all
  std::string counted_metric;  // "40 deaths", "2,800 lives"
  bool counted_lives = false;
};

noun_phrase read_noun_phrase(const sentence_reader& r, const lexicon& lex, const found_quantity& f) {
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
    ++k;  // an adjective or an unknown noun: "armed", "Palestinian"
  }
  return np;
}

// "40 people were killed", "Thousands have died", "40 dead".
std::optional<metric_hit> metric_after(const sentence_reader& r, const lexicon& lex, std::size_t from) {
  const auto& w = r.words();
  const auto& t = r.tokens();
  for (std::size_t k = from, steps = 0; k < w.size() && steps < 8; ++steps) {
    if (t[k].kind == token_kind::punct) return std::nullopt;
    auto [metric, len] = r.metric_at(k, [](const metric_words& m) -> const phrase_set& { return m.after; });
    if (!metric.empty()) return metric_hit{metric, t[k].offset, t[k + len - 1].end(), false};
    if (std::size_t aux = lex.auxiliaries.match(w, k)) {
      k += aux;
      continue;
    }
    if (w[k].size() > 3 && w[k].substr(w[k].size() - 2) == "ly") {  // an adverb
      ++k;
      continue;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// "killing 40", "abducting scores of individuals": a verb right before the figure.
std::optional<metric_hit> metric_before(const sentence_reader& r, const lexicon& lex, std::size_t first) {
  const auto& t = r.tokens();
  for (const auto& m : lex.metrics) {
    const std::size_t start = r.match_ending_at(m.before, first);
    if (start != std::string::npos) return metric_hit{m.name, t[start].offset, t[first - 1].end(), false};
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
  for (std::size_t k = link; k-- > stop && link - k <= 12;) {
    if (t[k].kind == token_kind::number) return std::nullopt;
    for (const auto& m : lex.metrics) {
      const std::size_t len = m.toll.match(r.words(), k);
      if (len == 0 || k + len > link) continue;
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

bool sentence_has(const sentence_reader& r, const phrase_set& set, std::size_t from = 0,
                  std::size_t to = std::string::npos) {
  to = std::min(to, r.words().size());
  for (std::size_t k = from; k < to; ++k) {
    if (set.match(r.words(), k)) return true;
  }
  return false;
}

// One incident inside a larger event: "killed in a strike on a school".
bool names_incident(const sentence_reader& r, const lexicon& lex, std::size_t from, std::size_t to) {
  const auto& w = r.words();
  for (std::size_t k = from; k + 1 < to; ++k) {
    if (!is_one_of(w[k], {"in", "by", "during", "when"})) continue;
    if (!is_one_of(w[k + 1], {"a", "an", "the", "one", "another", "that", "this", "yesterday's"})) continue;
    for (std::size_t g = k + 2; g < to && g < k + 5; ++g) {
      if (lex.incident.match(w, g)) return true;
    }
  }
  return false;
}

std::optional<std::string> place_in_clause(const sentence_reader& r, const lexicon& lex,
                                           std::size_t from, std::size_t to) {
  const auto& w = r.words();
  for (std::size_t k = from; k + 1 < to; ++k) {
    if (w[k] != "in") continue;
    std::size_t p = k + 1;
    if (p < to && w[p] == "the") ++p;
    if (std::size_t len = lex.places.match(w, p)) {
      std::string key;
      for (std::size_t i = p; i < p + len; ++i) key += (key.empty() ? "" : " ") + w[i];
      return lex.place_by_phrase.at(key);
    }
  }
  return std::nullopt;
}

bool is_attribution_verb(const std::string& w) {
  return is_one_of(w, {"said", "says", "reported", "reports", "told", "announced", "confirmed",
                       "stated", "added", "estimated", "estimates"});
}

// Who gives the figures of a sentence: "according to X", "X said", "said X",
// "citing X". Returns the words as written.
std::optional<std::string> attribution_in(const sentence_reader& r) {
  const auto& w = r.words();
  const auto& t = r.tokens();
  auto run_until_break = [&](std::size_t from) {
    std::size_t k = from;
    while (k < w.size() && t[k].kind != token_kind::punct && k < from + 8) ++k;
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
    if (!is_attribution_verb(w[k])) continue;
    // "..., the health ministry said" / "officials said"
    std::size_t b = k;
    while (b > 0 && t[b - 1].kind == token_kind::word && k - b < 6 && t[b - 1].kind != token_kind::number) --b;
    std::size_t e = k;  // "the Kremlin has said": the subject without its auxiliary
    while (e > b && is_one_of(w[e - 1], {"has", "have", "had", "also", "later", "earlier", "previously", "was", "were"})) --e;
    if (b < e && (b == 0 || t[b - 1].kind == token_kind::punct)) return r.slice(strip_the(b), e);
    // "..., said the health ministry"
    if (t[k - 1].kind == token_kind::punct) {
      const std::size_t from = strip_the(k + 1);
      const std::size_t e = run_until_break(from);
      if (e > from) return r.slice(from, e);
    }
  }
  return std::nullopt;
}

// "as of Oct. 13", "by October 13": a date that the figure holds for. The
// year, when missing, is the latest that keeps the date on or before
// publication.
std::optional<core::date> anchored_date(const sentence_reader& r, const ingest::document& doc,
                                        std::size_t from, std::size_t to) {
  const auto& w = r.words();
  for (std::size_t k = from; k < to; ++k) {
    std::size_t at = std::string::npos;
    if (w[k] == "as" && k + 2 < to && w[k + 1] == "of") at = k + 2;
    if (w[k] == "by") at = k + 1;
    if (at == std::string::npos || at >= w.size()) continue;
    auto d = parse::parse_date(doc.text, r.tokens()[at].offset);
    if (!d) continue;
    int year = d->year;
    if (year == 0) {
      if (!doc.published) continue;
      year = doc.published->year();
      if (core::date::valid(year, d->month, d->day) &&
          core::date::from_ymd(year, d->month, d->day) > *doc.published) {
        --year;
      }
    }
    if (!core::date::valid(year, d->month, d->day)) continue;
    return core::date::from_ymd(year, d->month, d->day);
  }
  return std::nullopt;
}

}  // namespace

std::string claim::series() const {
  std::string key = metric + "/" + group;
  if (location) key += "/" + *location;
  return key;
}

std::vector<claim> extract(const ingest::document& doc, const lexicon& lex) {
  std::vector<claim> out;
  const core::line_index lines(doc.text);

  for (const text::span& sentence : text::split_sentences(doc.text)) {
    const sentence_reader r(doc, lex, sentence);
    const auto& w = r.words();
    const auto& t = r.tokens();
    const auto attribution = attribution_in(r);
    const bool revised = sentence_has(r, lex.revision);
    const std::size_t sentence_first_claim = out.size();
    bool last_was_part = false;

    for (const found_quantity& f : r.quantities()) {
      const noun_phrase np = read_noun_phrase(r, lex, f);
      if (np.thing) {
        last_was_part = false;
        continue;
      }
      std::string toll_group;
      std::optional<metric_hit> hit;
      if (!np.counted_metric.empty()) {
        const bool verb_ok = !np.counted_lives || r.match_ending_at(lex.life_verbs, f.first) != std::string::npos ||
                             (f.first >= 2 && lex.life_verbs.match(w, f.first - 2) == 1);
        if (verb_ok) hit = metric_hit{np.counted_metric, t[f.first].offset, t[np.end - 1].end(), false};
      }
      if (!hit) hit = metric_after(r, lex, np.end);
      if (!hit && f.first > 0) hit = metric_before(r, lex, f.first);
      if (!hit && f.first > 0) hit = metric_from_toll(r, lex, f.first, toll_group);

      // A breakdown of the figure before it: "including 60 children",
      // "among them 12 women", "and 1,400 Israelis" after another part.
      bool part = f.first > 0 && r.match_ending_at(lex.breakdown, f.first) != std::string::npos;
      const bool coordinated = f.first > 0 && is_one_of(w[f.first - 1], {"and", ","});
      if (!part && coordinated && last_was_part) part = true;
      if (!part && f.last + 1 < w.size() && w[f.last] == "of" && is_one_of(w[f.last + 1], {"them", "whom"})) {
        part = true;
      }
      const claim* total = nullptr;
      if (part) {
        for (std::size_t k = out.size(); k-- > 0;) {
          if (k < sentence_first_claim) break;
          if (!out[k].part_of) {
            total = &out[k];
            break;
          }
        }
        // A part with a metric of its own that differs is a figure of its own.
        if (!total || (hit && hit->metric != total->metric)) part = false;
      }
      if (!hit && total) hit = metric_hit{total->metric, t[f.first].offset, t[f.last - 1].end(), false};
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
      c.doc = doc.id;
      c.source = doc.source;
      c.published = doc.published;
      c.metric = hit->metric;
      const std::size_t cb = r.clause_begin(f.first);
      const std::size_t ce = r.clause_end(f.last);
      c.group = !np.group.empty()     ? np.group
                : !toll_group.empty() ? toll_group
                                      : group_from_among(r, lex, f.last);
      if (c.group.empty() && total) c.group = total->group;
      // "Three soldiers were killed and 11 wounded": the group carries over.
      if (c.group.empty() && coordinated && out.size() > sentence_first_claim) c.group = out.back().group;
      if (c.group.empty()) c.group = "people";
      c.location = place_in_clause(r, lex, cb, ce);
      c.value = f.q.value;
      c.lo = f.q.lo;
      c.hi = f.q.hi;
      c.qualifier = f.q.qualifier;
      c.vague = f.q.vague;
      c.as_of = doc.published;
      if (auto anchored = anchored_date(r, doc, cb, ce)) c.as_of = anchored;
      c.cumulative = hit->toll || !names_incident(r, lex, cb, ce);
      c.attribution = attribution;
      c.revision = revised;
      if (part && total) c.part_of = total->id;

      const std::size_t q_begin = f.q.offset;
      const std::size_t q_end = f.q.offset + f.q.length;
      const std::size_t np_end = np.end > f.last ? t[np.end - 1].end() : q_end;
      c.offset = std::min(q_begin, hit->begin);
      const std::size_t end = std::max({q_end, np_end, hit->end});
      c.length = end - c.offset;
      c.text = doc.text.substr(c.offset, c.length);
      const auto pos = lines.at(c.offset);
      c.line = pos.line;
      c.column = pos.column;
      c.line_text = std::string(lines.line_text(pos.line));
      c.quantity_offset = q_begin;
      c.quantity_length = f.q.length;
      c.doc_index = doc.index;
      c.location_label = doc.location;
      c.id = doc.id + "#" + std::to_string(out.size() + 1);
      out.push_back(std::move(c));
      last_was_part = part;
    }
  }
  return out;
}

}  // namespace tollgate::claims
