// Reads quantities: a qualifier from the lexicon, then a range, a number or a
// vague amount, then a look at what follows to tell counts from ages, money
// and percentages. The order of the steps lives here; each step is X3.

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

#include "parse/grammar/date.hpp"
#include "parse/grammar/number.hpp"
#include "parse/parse.hpp"

namespace tollgate::parse {

namespace x3 = boost::spirit::x3;

struct quantity_lexicon::compiled {
  x3::symbols<int> qualifiers;  // phrase -> index into qualifiers()
  x3::symbols<int> vague;       // phrase -> index into vague()
  std::unordered_set<std::string> start_words;
};

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

bool starts_with_ci(std::string_view text, std::size_t pos, std::string_view word) {
  if (text.size() - pos < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[pos + i])) != word[i]) return false;
  }
  return true;
}

// What follows or precedes a figure can make it something other than a count.
not_a_count classify(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin > 0) {
    const char before = text[begin - 1];
    if (before == '$' || before == '#') return not_a_count::money;
    // "€", "£" are two-byte UTF-8 sequences ending just before the figure.
    if (begin >= 2 && (text.substr(begin - 2, 2) == "\xE2\x82" || text.substr(begin - 2, 2) == "\xC2\xA3"))
      return not_a_count::money;
    if (begin >= 3 && text.substr(begin - 3, 3) == "\xE2\x82\xAC") return not_a_count::money;
  }
  const std::string_view rest = text.substr(end);
  auto follows = [&](std::string_view w) { return starts_with_ci(rest, 0, w); };
  if (follows("%") || follows(" per cent") || follows(" percent") || follows("-per")) {
    return not_a_count::percentage;
  }
  if (follows("-year-old") || follows("-years-old") || follows(" years old") ||
      follows(" year old") || follows("-month-old") || follows("-week-old") ||
      follows("-day-old")) {
    return not_a_count::age;
  }
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (follows(suffix) && (rest.size() == 2 || !is_word_char(rest[2]))) return not_a_count::ordinal;
  }
  if (rest.size() >= 2 && (rest[0] == ':' || rest[0] == '.') &&
      std::isdigit(static_cast<unsigned char>(rest[1]))) {
    return not_a_count::time;
  }
  if (follows("s") && (rest.size() == 1 || !is_word_char(rest[1]))) return not_a_count::decade;
  for (std::string_view unit : {" dollars", " euros", " pounds", " usd", " rupees"}) {
    if (follows(unit)) return not_a_count::money;
  }
  return not_a_count::none;
}

}  // namespace

quantity_lexicon::quantity_lexicon(std::vector<qualifier_entry> qualifiers,
                                   std::vector<vague_entry> vague)
    : qualifiers_(std::move(qualifiers)), vague_(std::move(vague)), compiled_(new compiled) {
  for (std::size_t i = 0; i < qualifiers_.size(); ++i) {
    for (const auto& phrase : qualifiers_[i].phrases) {
      compiled_->qualifiers.add(lower(phrase), static_cast<int>(i));
    }
  }
  for (std::size_t i = 0; i < vague_.size(); ++i) {
    compiled_->vague.add(lower(vague_[i].phrase), static_cast<int>(i));
  }
  auto first_word = [](const std::string& phrase) { return lower(phrase.substr(0, phrase.find(' '))); };
  for (const auto& q : qualifiers_) {
    for (const auto& p : q.phrases) compiled_->start_words.insert(first_word(p));
  }
  for (const auto& v : vague_) compiled_->start_words.insert(first_word(v.phrase));
  // The words a spelled-out number or a range can open with (number_def.hpp).
  for (const char* w : {"a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                        "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                        "eighty", "ninety", "between", "from"}) {
    compiled_->start_words.insert(w);
  }
}

quantity_lexicon::~quantity_lexicon() = default;

bool quantity_lexicon::may_start_quantity(std::string_view lower_word) const {
  if (lower_word.empty()) return false;
  if (std::isdigit(static_cast<unsigned char>(lower_word.front()))) return true;
  // "twenty-one": the word before the hyphen decides.
  const auto hyphen = lower_word.find('-');
  if (hyphen != std::string_view::npos) lower_word = lower_word.substr(0, hyphen);
  return compiled_->start_words.count(std::string(lower_word)) > 0;
}

std::optional<double> parse_number(std::string_view text, std::size_t pos, std::size_t& length) {
  const char* first = text.data() + pos;
  const char* const last = text.data() + text.size();
  const char* it = first;
  double value = 0;
  if (!x3::parse(it, last, grammar::number(), value)) return std::nullopt;
  length = static_cast<std::size_t>(it - first);
  return value;
}

std::optional<quantity> parse_quantity(std::string_view text, std::size_t pos,
                                       const quantity_lexicon& lexicon) {
  const char* const base = text.data();
  const char* const last = base + text.size();
  const char* it = base + pos;
  const auto& tables = lexicon.tables();
  auto word_ends_here = [&] { return it == last || !is_word_char(*it); };

  quantity q;
  q.offset = pos;
  int qualifier = -1;
  {
    const char* save = it;
    if (!(x3::parse(it, last, x3::no_case[tables.qualifiers], qualifier) && word_ends_here() &&
          x3::parse(it, last, +x3::blank))) {
      it = save;
      qualifier = -1;
    }
  }

  const char* figure = it;
  auto finish = [&](const char* end) {
    q.number_offset = static_cast<std::size_t>(figure - base);
    q.number_length = static_cast<std::size_t>(end - figure);
    q.length = static_cast<std::size_t>(end - base) - pos;
  };

  grammar::range_value range;
  int vague_index = -1;
  double value = 0;
  if (const char* r = it; x3::parse(r, last, grammar::range(), range) && range.lo <= range.hi) {
    finish(r);
    q.qualifier = "range";
    q.lo = range.lo;
    q.hi = range.hi;
    return q;
  }
  if (const char* v = it;
      x3::parse(v, last, x3::no_case[tables.vague], vague_index) && (v == last || !is_word_char(*v))) {
    const auto& entry = lexicon.vague()[static_cast<std::size_t>(vague_index)];
    finish(v);
    q.qualifier = "vague";
    q.vague = true;
    q.lo = entry.lo;
    q.hi = entry.hi;
    return q;
  }
  if (const char* n = it; x3::parse(n, last, grammar::number(), value)) {
    finish(n);
    q.value = value;
    q.rejected = classify(text, q.number_offset, q.number_offset + q.number_length);
    if (qualifier >= 0) {
      const auto& entry = lexicon.qualifiers()[static_cast<std::size_t>(qualifier)];
      q.qualifier = entry.name;
      q.lo = entry.lo.apply(value).value_or(0);
      q.hi = entry.hi.apply(value);
    } else {
      q.lo = value;
      q.hi = value;
    }
    return q;
  }
  return std::nullopt;
}

std::optional<date_mention> parse_date(std::string_view text, std::size_t pos) {
  const char* const first = text.data() + pos;
  const char* it = first;
  grammar::date_parts parts;
  if (!x3::parse(it, text.data() + text.size(), grammar::date(), parts)) return std::nullopt;
  date_mention m;
  m.offset = pos;
  m.length = static_cast<std::size_t>(it - first);
  m.year = parts.year;
  m.month = parts.month;
  m.day = parts.day;
  return m;
}

}  // namespace tollgate::parse
