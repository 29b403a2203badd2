// Reads quantities: a qualifier from the lexicon, then a range, a vague
// amount or a numeral, then a qualifier after it ("or more"), then maybe a
// second bound ("more than 10 and fewer than 40"); and tells counts from ages,
// money, percentages, dates and the like by what the figure is and what
// stands around it. The order of the steps lives here; each step is X3.

#include <algorithm>
#include <array>
#include <atomic>
#include <bitset>
#include <cmath>
#include <string>

#include "core/ascii.hpp"
#include "core/date.hpp"
#include "core/word_set.hpp"
#include "parse/grammar/date.hpp"
#include "parse/grammar/number.hpp"
#include "parse/grammar/quantity.hpp"
#include "parse/dates.hpp"
#include "parse/parse.hpp"

namespace tollgate::parse {

namespace x3 = boost::spirit::x3;

struct quantity_lexicon::compiled : grammar::quantity_tables {
  // The bytes (lowercase) each table's phrases start with: a lookup at a
  // byte none starts with fails at once, without entering the grammar.
  std::bitset<256> prefix_first, vague_first, zero_first, postfix_first;
  // Every word may_start_quantity accepts as it stands: the numeral
  // starters, the first words of the lexicon's phrases, "between", "from".
  core::word_set start_words;
  // Of those, the words that start a quantity only as the first word of a
  // longer phrase ("at" of "at least", "in" of "in excess of"): the word
  // after it must open the phrase's second word.
  core::word_set lead_only;
  // Each phrase of two or more words as its first two words ("at least",
  // "in excess"); and the first words of those whose second word holds more
  // than letters, which are not tested.
  core::word_set word_pairs;
  core::word_set untested_leads;
};

namespace {

using grammar::numeral_form;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = core::to_lower(c);
  return out;
}

using core::is_alnum;
using core::is_alpha;
using core::is_digit;
constexpr char fold(char c) { return core::to_lower(c); }
bool is_word_char(char c) { return is_alnum(c) || c == '_'; }

bool starts_with_ci(std::string_view text, std::size_t pos, std::string_view word) {
  if (pos > text.size() || text.size() - pos < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (fold(text[pos + i]) != word[i]) return false;
  }
  return true;
}

// `text` opens with the lowercase `word` as a whole word, in any case.
bool starts_with_word(std::string_view text, std::string_view word) {
  return starts_with_ci(text, 0, word) && (text.size() == word.size() || !is_word_char(text[word.size()]));
}

// Room for a word that a list below may hold; a longer word is read as "",
// which none holds.
using word_buffer = std::array<char, 24>;

// `word` lowercased into `buffer`; "" when it does not fit.
std::string_view lower_into(std::string_view word, word_buffer& buffer) {
  if (word.size() > buffer.size()) return {};
  for (std::size_t i = 0; i < word.size(); ++i) buffer[i] = fold(word[i]);
  return {buffer.data(), word.size()};
}

// The word that ends just before `pos` (spaces skipped), lowercased, with a
// final period kept ("no.").
std::string_view word_before(std::string_view text, std::size_t pos, word_buffer& buffer) {
  std::size_t e = pos;
  while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  std::size_t b = e;
  if (b > 0 && text[b - 1] == '.') --b;
  while (b > 0 && (is_alpha(text[b - 1]) || text[b - 1] == '\'')) --b;
  return lower_into(text.substr(b, e - b), buffer);
}

// A figure right after a digit and one of . , - / belongs to a dotted or
// dashed sequence ("192.168.1.2", "+1-222-2222", "22,24,26"): it is read as a
// plain integer, never as a decimal, range or fraction.
bool in_sequence(std::string_view text, std::size_t pos) {
  return pos >= 2 && (text[pos - 1] == '.' || text[pos - 1] == ',' || text[pos - 1] == '-' ||
                      text[pos - 1] == '/') &&
         is_digit(text[pos - 2]);
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view s) { return w == s; });
}

// A month's name or its abbreviation, lowercase, with or without a final period.
bool is_month(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return core::is_month_name(w);
}

// use_quantity_shortcuts(): tests turn the shortcuts off to compare.
std::atomic<bool> shortcuts{true};

struct figure_info {
  std::size_t begin = 0;
  std::size_t end = 0;
  double value = 0;
  numeral_form form = numeral_form::integer;
};

// What the figure is, and what stands before and after it, can make it
// something other than a count.
not_a_count classify(std::string_view text, const figure_info& f) {
  const std::size_t begin = f.begin;
  const std::size_t end = f.end;
  switch (f.form) {
    case numeral_form::ordinal:
      return not_a_count::ordinal;
    case numeral_form::fraction:
      return not_a_count::fraction;
    case numeral_form::power:
      return not_a_count::exponent;
    default:
      break;
  }
  const char before = begin > 0 ? text[begin - 1] : '\0';
  word_buffer prev_letters;
  const std::string_view prev = word_before(text, begin, prev_letters);
  {
    // Inside a link: the run of non-spaces before the figure names a scheme or host.
    std::size_t b = begin;
    while (b > 0 && !core::is_space(text[b - 1])) --b;
    const std::string_view run = text.substr(b, begin - b);
    if (run.find("://") != std::string_view::npos || starts_with_ci(run, 0, "www.")) return not_a_count::url;
  }
  if (f.value < 0) return not_a_count::negative;
  // Money: a currency sign or code before, a currency word after.
  // The signs' bytes are compared one by one: every figure asks.
  auto byte_before = [&](std::size_t k) { return begin >= k ? static_cast<unsigned char>(text[begin - k]) : 0u; };
  const bool pound_or_yen = byte_before(2) == 0xC2 && (byte_before(1) == 0xA3 || byte_before(1) == 0xA5);  // £ ¥
  const bool euro_or_rupee = byte_before(3) == 0xE2 && byte_before(2) == 0x82 &&
                             (byte_before(1) == 0xAC || byte_before(1) == 0xB9);  // € ₹
  const bool dollar_and_space = before == ' ' && byte_before(2) == '$';  // "$ 5"
  if (before == '$' || pound_or_yen || euro_or_rupee || dollar_and_space ||
      one_of(prev, {"usd", "eur", "gbp", "rs", "rs.", "inr", "us$"})) {
    return not_a_count::money;
  }
  const std::string_view rest = text.substr(end);
  // Most figures are followed by a space and a word that opens none of the
  // currency, percentage, age and time phrases below ("99 civilians"):
  // their checks are passed over then.
  bool phrase_may_follow = true;
  if (shortcuts && rest.size() >= 2 && rest[0] == ' ' && is_alpha(rest[1])) {
    static const core::word_set first_words = {
        "dollars", "dollar", "euros",  "euro", "pounds",  "usd", "rupees", "yuan",       "yen",
        "shekels", "francs", "rubles", "roubles", "cents", "per", "percent", "pct", "percentage",
        "years",   "year",   "months", "am",   "pm",      "a",   "p",      "gmt",        "utc",
        "hrs",     "o",      "local"};
    char word[12];
    std::size_t n = 0;
    while (1 + n < rest.size() && is_alpha(rest[1 + n]) && n < sizeof word) {
      word[n] = fold(rest[1 + n]);
      ++n;
    }
    // A longer word is none of them.
    phrase_may_follow = n < sizeof word && first_words.contains(std::string_view(word, n));
  }
  auto follows = [&](std::string_view w) { return starts_with_ci(rest, 0, w); };
  auto follows_word = [&](std::string_view w) {
    return follows(w) && (rest.size() == w.size() || !is_word_char(rest[w.size()]));
  };
  // Arrays of views, not a braced list of pointers: no strlen at each call.
  static constexpr std::string_view currency_words[] = {
      " dollars", " dollar", " euros", " euro", " pounds sterling", " usd", " rupees",
      " yuan", " yen", " shekels", " francs", " rubles", " roubles", " cents"};
  if (phrase_may_follow) {
    for (std::string_view unit : currency_words) {
      if (follows_word(unit)) return not_a_count::money;
    }
  }
  if (phrase_may_follow && (follows("%") || follows(" %") || follows_word(" per cent") || follows_word(" percent") ||
                            follows("-per") || follows_word(" pct") || follows_word(" percentage"))) {
    return not_a_count::percentage;
  }
  if ((phrase_may_follow &&
       (follows("-year-old") || follows("-years-old") || follows(" years old") || follows(" year old") ||
        follows("-year old") || follows("-month-old") || follows("-week-old") || follows("-day-old") ||
        follows(" months old"))) ||
      one_of(prev, {"aged", "age", "ages"})) {
    return not_a_count::age;
  }
  if (rest.size() >= 2 && rest[0] == ':' && is_digit(rest[1])) return not_a_count::time;
  static constexpr std::string_view time_words[] = {"am",   "pm",   " am",  " pm",  " a.m.",    " p.m.",      "a.m.",
                                                    "p.m.", " gmt", " utc", " hrs", " o'clock", " local time"};
  if (phrase_may_follow) {
    for (std::string_view w : time_words) {
      if (follows(w) && (rest.size() == w.size() || !is_alpha(rest[w.size()]) || w.back() == '.')) {
        return not_a_count::time;
      }
    }
  }
  if (before == '+' || (before == '(' && rest.size() >= 2 && rest[0] == ')' )) return not_a_count::phone;
  if (rest.size() >= 2 && rest[0] == '/' && is_digit(rest[1])) return not_a_count::date;
  if (begin >= 2 && before == '/' && is_digit(text[begin - 2])) return not_a_count::date;
  if (before == '/' || before == '=' || before == '?' || before == '&' || before == '_' ||
      (rest.size() >= 2 && rest[0] == '/' && is_alnum(rest[1]))) {
    return not_a_count::url;
  }
  if (rest.size() >= 2 && (rest[0] == '-' || rest[0] == '.') && is_digit(rest[1])) {
    return rest[0] == '-' && f.value >= 1000 && f.value <= 9999 ? not_a_count::date : not_a_count::identifier;
  }
  if (begin >= 2 && (before == '-' || before == '.') && (is_alnum(text[begin - 2]))) {
    return not_a_count::identifier;  // "SCP-173", "F-16", "192.168.1.2"
  }
  if (before == '#' || one_of(prev, {"no.", "nr.", "nrs.", "number", "ranked", "rank", "ranking", "#"})) {
    return not_a_count::rank;
  }
  static const core::word_set naming_words = {
      "flight", "route", "highway", "resolution", "article", "chapter", "section", "page", "pages", "version",
      "room", "gate", "platform", "line", "model", "unit", "sector", "block", "zone", "district", "ward", "bus",
      "code", "category", "level", "grade", "phase", "paragraph", "clause", "item", "exercise", "exercises",
      "seat", "row", "apartment", "magnitude", "channel", "episode", "season", "volume", "vol.", "p.", "pp.",
      "covid", "mig", "su", "boeing", "airbus"};
  if (naming_words.contains(prev)) {
    return not_a_count::identifier;
  }
  if (!rest.empty() && is_alpha(rest[0])) {
    if (rest[0] == 's' && (rest.size() == 1 || !is_word_char(rest[1]))) return not_a_count::decade;
    return not_a_count::measure;  // "180ml", "29km", "1m"
  }
  if (follows("'s") && f.value >= 10 && std::fmod(f.value, 10) == 0) return not_a_count::decade;
  if (follows("\xC2\xB0")) return not_a_count::measure;  // °
  // A unit after one space: "29 km", "3 tonnes" ("km/h" is "km" then a slash).
  static const core::word_set units = {
      "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre",
      "meter", "m", "cm", "mm", "kg", "kilograms", "kilos", "tonnes", "tons", "degrees", "mph", "kph", "hectares",
      "acres", "feet", "ft", "foot", "inches", "litres", "liters", "gallons", "mw", "kw", "gw", "square", "sq",
      "knots", "nautical", "lbs", "pounds", "grams", "g"};
  if (rest.size() >= 2 && rest[0] == ' ' && is_alpha(rest[1])) {
    std::size_t n = 1;
    while (n < rest.size() && is_alpha(rest[n])) ++n;
    word_buffer unit;
    if ((n == rest.size() || !is_word_char(rest[n])) && units.contains(lower_into(rest.substr(1, n - 1), unit))) {
      return not_a_count::measure;
    }
  }
  const std::size_t written = end - begin;
  if (f.form == numeral_form::integer && written == 4 && f.value >= 1800 && f.value <= 2100 &&
      (one_of(prev, {"in", "since", "until", "till", "by", "during", "year", "early", "late", "mid", "before",
                     "after", "spring", "summer", "autumn", "winter", "fall", "circa", "c."}) ||
       is_month(prev))) {
    return not_a_count::year;
  }
  if (f.value == 1 && written == 3 && starts_with_ci(text, begin, "one") &&
      one_of(prev, {"the", "this", "that", "which", "each", "every", "any", "another", "no", "someone", "anyone"})) {
    return not_a_count::pronoun;
  }
  if (std::floor(f.value) != f.value) return not_a_count::decimal;
  return not_a_count::none;
}

numeral_kind kind_of(numeral_form f) {
  switch (f) {
    case numeral_form::decimal:
      return numeral_kind::decimal;
    case numeral_form::fraction:
      return numeral_kind::fraction;
    case numeral_form::power:
      return numeral_kind::power;
    case numeral_form::ordinal:
      return numeral_kind::ordinal;
    case numeral_form::integer:
      break;
  }
  return numeral_kind::integer;
}

// Words a spelled numeral can start with (number words, ordinals, articles,
// signs, "half", "point"). Most words of a text are none of these: checking
// the word first keeps the grammar from trying its alternatives on them.
// REQUIRES: kept in step with the first words of the number grammar.
constexpr std::string_view kNumeralStarters[] = {
    "a", "an", "zero", "nought", "naught", "nil", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "half", "quarter", "minus", "negative", "point", "first", "second", "third", "fourth",
    "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
    "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
    "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth", "hundredth",
    "thousandth", "millionth", "billionth", "trillionth", "thirds", "fourths", "fifths", "sixths",
    "sevenths", "eighths", "ninths", "tenths", "hundredths", "thousandths", "millionths", "billionths",
    "trillionths"};

const core::word_set& numeral_starters() {
  static const core::word_set starters = [] {
    core::word_set s;
    for (auto w : kNumeralStarters) s.add(w);
    return s;
  }();
  return starters;
}

bool may_start_numeral(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && is_alpha(text[end]) && end - pos < 16) ++end;
  if (end == pos) return true;  // digits, signs and symbols go to the grammar
  if (end - pos >= 16) return false;
  char word[16];
  for (std::size_t i = pos; i < end; ++i) word[i - pos] = fold(text[i]);
  return numeral_starters().contains(std::string_view(word, end - pos));
}


// Words that carry a figure of digits on into a longer numeral ("3
// hundred", "1.5 million", "2.33 k", "5 dozen", "12 point 5", "2000 over
// 3"), lowercase. REQUIRES: kept in step with the number grammar's scale,
// hundred, dozen, suffix, "point" and "over" words.
bool continues_numeral(std::string_view lower_word) {
  static const core::word_set words = {
      "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
      "trillion", "trillions", "lakh", "lakhs", "lac", "lacs", "lkh", "lkhs", "crore", "crores", "krore",
      "krores", "cr", "koti", "bn", "bln", "mn", "mln", "tn", "tln", "dozen", "dozens", "dz", "dzs", "doz",
      "dozs", "k", "m", "g", "point", "over", "half", "halves", "quarter", "quarters", "score", "scores", "and"};
  return words.contains(lower_word);
}

// The common figure, read without the grammar: digits, maybe grouped by
// commas in threes ("99", "4,089", "1,200,000"), followed by a space and a
// word that does not continue the numeral, by punctuation, or by the end.
// Anything else ("1.5", "13th", "40 000", "3/4", "5 million", "99-year")
// is left to the grammar, which gives the same answer more slowly; the
// parse tests check the two agree at every word of the fixtures.
// Digits at `pos`, maybe grouped by commas in threes after a first group of
// one to three ("99", "4,089", "1,200,000"): where they end, with their
// value in `value`; `pos` when there are none, or more than fifteen.
std::size_t read_digit_groups(std::string_view text, std::size_t pos, double& value) {
  std::size_t i = pos;
  value = 0;
  std::size_t run = 0;
  while (i < text.size() && is_digit(text[i])) {
    value = value * 10 + (text[i] - '0');
    ++i;
    ++run;
  }
  if (run == 0 || run > 15) return pos;
  auto digit_at = [&](std::size_t k) { return k < text.size() && is_digit(text[k]); };
  const bool may_group = run <= 3;
  while (may_group && run <= 12 && i < text.size() && text[i] == ',' && digit_at(i + 1) && digit_at(i + 2) &&
         digit_at(i + 3) && !digit_at(i + 4)) {
    value = value * 1000 + (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
    i += 4;
    run += 3;
  }
  return i;
}

bool read_plain_figure(std::string_view text, std::size_t pos, figure_info& out) {
  double value = 0;
  const std::size_t i = read_digit_groups(text, pos, value);
  if (i == pos) return false;
  auto digit_at = [&](std::size_t k) { return k < text.size() && is_digit(text[k]); };
  if (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t') {
      std::size_t k = i;
      while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
      if (k < text.size()) {
        const char n = text[k];
        if (is_alpha(n)) {
          char word[12];
          std::size_t len = 0;
          while (k + len < text.size() && is_alpha(text[k + len]) && len < sizeof word) {
            word[len] = fold(text[k + len]);
            ++len;
          }
          if (len < sizeof word && continues_numeral(std::string_view(word, len))) return false;
        } else if (is_digit(n) || n == '(' || n == '.' || n == '-' || n == '/' ||
                   static_cast<unsigned char>(n) >= 0x80) {
          return false;  // "40 000", "forty-five (45)", "2 1/4", "1 ¾"
        }
      }
    } else if (c == ',' || c == '.') {
      if (digit_at(i + 1)) return false;  // "1,3", "1.5", "12,34,567"
    } else if (c == '-') {
      // "18-year-old", "5-fold": no numeral joins a hyphen and a word to digits.
      if (i + 1 >= text.size() || !is_alpha(text[i + 1])) return false;
    } else if (!(c == '\n' || c == '\r' || c == ';' || c == ':' || c == ')' || c == ']' || c == '!' ||
                 c == '?' || c == '"' || c == '\'' || c == '%')) {
      return false;
    }
  }
  out = {pos, i, value, numeral_form::integer};
  return true;
}

// True when a numeral may start with the lowercase word `w`: a numeral's
// first word, a word that carries one on ("thousand", "and", "halves"), or
// the plural of a first word ("seconds", "twelfths").
// REQUIRES: kept in step with the number grammar's words.
bool may_open_numeral_word(std::string_view w) {
  return numeral_starters().contains(w) || continues_numeral(w) ||
         (w.size() > 1 && w.back() == 's' && numeral_starters().contains(w.substr(0, w.size() - 1)));
}

// True when the word at `pos` is "a" or "an" and the word after it cannot
// carry it into a numeral ("a hundred", "a couple", "a third", "a 100
// million"): "a convoy", "an attack". REQUIRES: kept in step with what the
// number grammar lets follow an article.
bool article_alone(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && is_alpha(text[end])) ++end;
  const std::size_t len = end - pos;
  if (!((len == 1 && fold(text[pos]) == 'a') || (len == 2 && fold(text[pos]) == 'a' && fold(text[pos + 1]) == 'n'))) {
    return false;
  }
  std::size_t k = end;
  while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '-')) ++k;
  if (k == end || k == text.size()) return true;  // nothing can follow it
  if (is_digit(text[k])) return false;
  if (!is_alpha(text[k])) return true;
  char word[16];
  std::size_t n = 0;
  while (k + n < text.size() && is_alpha(text[k + n]) && n < sizeof word) {
    word[n] = fold(text[k + n]);
    ++n;
  }
  if (n == sizeof word) return true;  // longer than any number word
  const std::string_view w(word, n);
  static const core::word_set others = {"couple", "pair", "and", "halves", "quarters"};
  const bool plural_of_starter = n > 1 && w.back() == 's' && numeral_starters().contains(w.substr(0, n - 1));
  return !(numeral_starters().contains(w) || continues_numeral(w) || others.contains(w) || plural_of_starter);
}

// The value of a spelled number word below a hundred that stands alone
// ("three", "twenty"), lowercase; 0 for any other word.
// REQUIRES: kept in step with the number grammar's units and tens words.
int spelled_value(std::string_view w) {
  static constexpr std::array<std::string_view, 19> units = {
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static constexpr std::array<std::string_view, 8> tens = {"twenty", "thirty", "forty", "fifty",
                                                           "sixty", "seventy", "eighty", "ninety"};
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (w == units[i]) return static_cast<int>(i) + 1;
  }
  for (std::size_t i = 0; i < tens.size(); ++i) {
    if (w == tens[i]) return static_cast<int>(i + 2) * 10;
  }
  return 0;
}

// The common spelled figure, read without the grammar: one number word below
// a hundred ("three people", "Twenty, said"), followed by blanks and a word
// that can neither carry it into a longer numeral ("three hundred", "two
// thirds", "one and a half", "twenty one") nor make it the first figure of a
// range ("two to three"), or by punctuation that ends it. Hyphens, dashes,
// brackets ("forty (40)"), digits and anything else are left to the grammar,
// which gives the same answer more slowly; the parse tests check the two
// agree at every word of the fixtures.
bool read_spelled_figure(std::string_view text, std::size_t pos, figure_info& out) {
  char word[10];
  std::size_t end = pos;
  while (end < text.size() && is_alpha(text[end]) && end - pos < sizeof word) {
    word[end - pos] = fold(text[end]);
    ++end;
  }
  if (end < text.size() && is_alpha(text[end])) return false;  // longer than any of them
  const int value = spelled_value(std::string_view(word, end - pos));
  if (value == 0) return false;
  auto ends_figure = [&](std::size_t k) {
    const char c = text[k];
    return c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == ')' || c == ']' ||
           c == '\n' || c == '\r' || (c == '.' && !(k + 1 < text.size() && is_digit(text[k + 1])));
  };
  if (end < text.size()) {
    const char c = text[end];
    if (c == ' ' || c == '\t') {
      std::size_t k = end;
      while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
      if (k < text.size()) {
        if (is_alpha(text[k])) {
          char next[16];
          std::size_t n = 0;
          while (k + n < text.size() && is_alpha(text[k + n]) && n < sizeof next) {
            next[n] = fold(text[k + n]);
            ++n;
          }
          // A longer word is no number word.
          if (n < sizeof next) {
            const std::string_view w(next, n);
            static const core::word_set others = {"couple", "pair", "and", "halves", "quarters",
                                                  "to",     "through", "thru"};
            const bool plural_of_starter = n > 1 && w.back() == 's' && numeral_starters().contains(w.substr(0, n - 1));
            if (numeral_starters().contains(w) || continues_numeral(w) || others.contains(w) || plural_of_starter) {
              return false;
            }
          }
        } else if (!ends_figure(k)) {
          return false;
        }
      }
    } else if (c != '\'' && !ends_figure(end)) {
      return false;
    }
  }
  out.begin = pos;
  out.end = end;
  out.value = value;
  out.form = numeral_form::integer;
  return true;
}

// Reads a numeral at `pos`; a plain integer inside a dotted or dashed sequence.
bool read_numeral(std::string_view text, std::size_t pos, figure_info& out) {
  if (shortcuts && pos < text.size() && is_digit(text[pos]) && (pos == 0 || !is_digit(text[pos - 1])) &&
      !in_sequence(text, pos) && read_plain_figure(text, pos, out)) {
    return true;
  }
  if (shortcuts && pos < text.size() && is_alpha(text[pos]) && !in_sequence(text, pos) &&
      read_spelled_figure(text, pos, out)) {
    return true;
  }
  if (!may_start_numeral(text, pos) || (shortcuts && article_alone(text, pos))) return false;
  const char* const base = text.data();
  const char* it = base + pos;
  const char* const last = base + text.size();
  grammar::numeral n;
  if (in_sequence(text, pos)) {
    double v = 0;
    if (!x3::parse(it, last, grammar::plain_integer(), v)) return false;
    n.value = v;
  } else if (!x3::parse(it, last, grammar::numeral_rule(), n)) {
    return false;
  }
  out.begin = pos;
  out.end = static_cast<std::size_t>(it - base);
  out.value = n.value;
  out.form = n.form;
  return true;
}

// The side of the real line a qualifier bounds, read from its lexicon rules.
enum class side { none, lower, upper, both };

std::optional<interval_end> written_end(const bound_rule& b, double value) {
  if (b.unbounded || !b.uses_value || b.factor != 1.0 || b.round != bound_rule::rounding::nearest) {
    return std::nullopt;
  }
  if (b.offset == 0) return interval_end{value, true};
  if (b.offset == 1 || b.offset == -1) return interval_end{value, false};
  return std::nullopt;
}

side side_of(const qualifier_entry& q) {
  const bool lo = written_end(q.lo, 1).has_value();
  const bool hi = written_end(q.hi, 1).has_value();
  if (lo && hi) return side::both;
  if (lo && q.hi.unbounded) return side::lower;
  if (hi && !q.lo.uses_value) return side::upper;
  return side::none;
}

// One figure with its qualifiers.
struct term {
  std::size_t begin = 0;
  std::size_t figure_begin = 0;
  std::size_t figure_end = 0;
  std::size_t end = 0;
  int qualifier = -1;  // the entry that decides the interval
  bool prefix_dropped = false;
  enum class kind { numeral, range, vague, zero } what = kind::numeral;
  figure_info figure;
  grammar::range_value range;
  int vague = -1;
};

class reader {
 public:
  reader(std::string_view text, const quantity_lexicon& lexicon)
      : text_(text), lexicon_(lexicon), tables_(lexicon.tables()) {}

  template <typename Rule, typename Attr>
  bool run(std::size_t& pos, const Rule& rule, Attr& attr) const {
    const char* it = text_.data() + pos;
    if (!x3::parse(it, text_.data() + text_.size(), x3::with<grammar::lexicon_tag>(tables_)[rule], attr)) {
      return false;
    }
    pos = static_cast<std::size_t>(it - text_.data());
    return true;
  }

  std::optional<term> read_term(std::size_t pos) const {
    term t;
    t.begin = pos;
    const bool sequence = in_sequence(text_, pos);
    std::size_t at = pos;
    int prefix = -1;
    if (!sequence && may_open(lexicon_.tables().prefix_first, pos)) {
      std::size_t p = pos;
      if (run(p, grammar::qualifier(), prefix)) at = p;
      else prefix = -1;
    }
    t.figure_begin = at;
    if (prefix < 0 && !sequence && may_open(lexicon_.tables().zero_first, pos)) {
      std::size_t p = pos;
      int zero = -1;
      // "no deaths", "no one was killed", "none of the passengers".
      if (run(p, grammar::zero(), zero) && p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) {
        std::size_t q = p;
        while (q < text_.size() && (text_[q] == ' ' || text_[q] == '\t')) ++q;
        if (q < text_.size() && is_alpha(text_[q])) {
          t.what = term::kind::zero;
          t.figure_end = t.end = p;
          return t;
        }
      }
    }
    // A range starts with "between", "from", "the" (an ordinal) or a figure.
    const bool may_range = (may_start_numeral(text_, at) && !plain_figure_alone(at) &&
                            !spelled_figure_alone(at) && !(shortcuts && article_alone(text_, at)) &&
                            second_figure_may_follow(at)) ||
                           (starts_with_ci(text_, at, "between") && figure_may_follow(at + 7, true, false)) ||
                           (starts_with_ci(text_, at, "from") && figure_may_follow(at + 4, true, true)) ||
                           (starts_with_ci(text_, at, "the") && figure_may_follow(at + 3, false, false));
    if (!sequence) {
      const char* r = text_.data() + at;
      grammar::range_value range;
      std::size_t plain_end = 0;
      const bool read = may_range && (plain_range(at, range, plain_end)
                                          ? (r = text_.data() + plain_end, true)
                                          : x3::parse(r, text_.data() + text_.size(), grammar::range(), range));
      if (read && range.lo <= range.hi) {
        t.what = term::kind::range;
        t.range = range;
        t.figure_end = t.end = static_cast<std::size_t>(r - text_.data());
        // "about 20~100": the range is what is meant.
        if (prefix >= 0) {
          t.prefix_dropped = true;
          t.begin = at;
        }
        return t;
      }
      int vague = -1;
      std::size_t v = at;
      if (may_open(lexicon_.tables().vague_first, at) && run(v, grammar::vague(), vague)) {
        t.what = term::kind::vague;
        t.vague = vague;
        t.figure_end = t.end = v;
        return t;
      }
    }
    // "higher than the tenth": an ordinal after a qualifier may take "the".
    if (prefix >= 0 && starts_with_ci(text_, at, "the ")) {
      figure_info ordinal;
      std::size_t o = at + 4;
      while (o < text_.size() && text_[o] == ' ') ++o;
      if (read_numeral(text_, o, ordinal) && ordinal.form == numeral_form::ordinal) {
        t.figure = ordinal;
        t.figure_end = t.end = ordinal.end;
        t.qualifier = prefix;
        return t;
      }
    }
    if (!read_numeral(text_, at, t.figure)) return std::nullopt;
    t.figure_end = t.end = t.figure.end;
    t.qualifier = prefix;
    if (sequence) return t;
    int post = -1;
    std::size_t p = t.end;
    if (may_open_after_blanks(lexicon_.tables().postfix_first, p) && run(p, grammar::postfix(), post)) {
      // "about five hundred or more": the bound after the figure wins, and an
      // approximate word before it is no part of the bound.
      if (prefix >= 0 && side_of(entry(prefix)) == side::none) {
        t.prefix_dropped = true;
        t.begin = at;
      }
      t.qualifier = post;
      t.end = p;
    } else if (prefix >= 0) {
      std::size_t e = t.end;
      x3::unused_type unused;
      if (run(e, grammar::or_equal(), unused)) {
        // "more than 5000 or equal to": the strict bound becomes inclusive.
        if (int inclusive = inclusive_twin(prefix); inclusive >= 0) {
          t.qualifier = inclusive;
          t.end = e;
        }
      }
    }
    return t;
  }

  // False when no phrase of a table starts with the byte at `pos`.
  bool may_open(const std::bitset<256>& first, std::size_t pos) const {
    return !shortcuts || (pos < text_.size() && first.test(static_cast<unsigned char>(fold(text_[pos]))));
  }
  // The same after the blanks that must come first at `pos` (the postfix
  // rule takes them: "40 or more").
  bool may_open_after_blanks(const std::bitset<256>& first, std::size_t pos) const {
    if (!shortcuts) return true;
    if (pos >= text_.size() || (text_[pos] != ' ' && text_[pos] != '\t')) return false;
    while (pos < text_.size() && (text_[pos] == ' ' || text_[pos] == '\t')) ++pos;
    return may_open(first, pos);
  }

  // True when a plain figure of digits starts at `pos` and nothing after it
  // can make it the first figure of a range ("5-10", "5 to 10", "5 ~ 10").
  bool plain_figure_alone(std::size_t pos) const {
    figure_info f;
    if (!shortcuts || !is_digit(text_[pos]) || in_sequence(text_, pos) || !read_plain_figure(text_, pos, f)) return false;
    std::size_t k = f.end;
    while (k < text_.size() && (text_[k] == ' ' || text_[k] == '\t')) ++k;
    if (k == text_.size()) return true;
    const std::string_view rest = text_.substr(k);
    if (rest[0] == '-' || rest[0] == '~' || rest.substr(0, 3) == "\xE2\x80\x93" || rest.substr(0, 3) == "\xE2\x80\x94") {
      return false;
    }
    return k == f.end || !(starts_with_word(rest, "to") || starts_with_word(rest, "through") ||
                           starts_with_word(rest, "thru"));
  }

  // False when no range of two figures joined by a dash, "~", "to",
  // "through" or "thru" starts at `at`: there is no such joint before a word
  // that no numeral holds ("half-mast across", "first time", "81% of the"),
  // or no figure can follow it. Ranges "between" two figures are not asked.
  bool second_figure_may_follow(std::size_t at) const {
    if (!shortcuts) return true;
    for (std::size_t k = at; k < text_.size();) {
      const char c = text_[k];
      const std::string_view three = text_.substr(k, 3);
      if (c == '-' || c == '~') return figure_may_open(k + 1);
      if (three == "\xE2\x80\x93" || three == "\xE2\x80\x94") return figure_may_open(k + 3);
      if (!is_alpha(c)) {
        ++k;
        continue;
      }
      std::size_t end = k;
      while (end < text_.size() && is_alpha(text_[end])) ++end;
      const bool glued = k > 0 && is_digit(text_[k - 1]);  // "4k", "13th", "1e10"
      if (!glued) {
        word_buffer letters;
        const std::string_view w = lower_into(text_.substr(k, end - k), letters);  // "" when too long for any
        if (w == "to" || w == "through" || w == "thru") return figure_may_open(end);
        if (!is_date_grammar_word(w)) return false;  // the first figure ends before it
      }
      k = end;
    }
    return false;
  }

  // True when, after blanks at `pos`, something may open a range's second
  // figure: a digit, a sign, a character past ASCII (a vulgar fraction), or a
  // word a numeral may start with or "the" ("to the fifth").
  bool figure_may_open(std::size_t pos) const {
    while (pos < text_.size() && (text_[pos] == ' ' || text_[pos] == '\t')) ++pos;
    if (pos >= text_.size()) return false;
    if (!is_alpha(text_[pos])) return true;
    std::size_t end = pos;
    while (end < text_.size() && is_alpha(text_[end])) ++end;
    word_buffer letters;
    const std::string_view w = lower_into(text_.substr(pos, end - pos), letters);  // "" when too long for any
    return w == "the" || w == "minus" || w == "negative" || may_open_numeral_word(w);
  }

  // True when a spelled figure the shortcut reads starts at `pos`: nothing
  // after it can make it a range's first figure.
  bool spelled_figure_alone(std::size_t pos) const {
    figure_info f;
    return shortcuts && is_alpha(text_[pos]) && !in_sequence(text_, pos) && read_spelled_figure(text_, pos, f);
  }

  // After the range words "between", "from" and "the" (at `pos`, their end)
  // come blanks and a figure, or, after the first two, "the", blanks and an
  // ordinal ("between the tenth and ..."): "from the border" is no range.
  // After "from" (`to_follows`), a figure the shortcuts read that nothing
  // joins to a second one is none either: "up from 88 a day earlier".
  bool figure_may_follow(std::size_t pos, bool the_may_follow, bool to_follows) const {
    if (!shortcuts) return true;
    auto after_blanks = [&](std::size_t k) {
      if (k >= text_.size() || (text_[k] != ' ' && text_[k] != '\t')) return text_.size();
      while (k < text_.size() && (text_[k] == ' ' || text_[k] == '\t')) ++k;
      return k;
    };
    pos = after_blanks(pos);
    if (pos == text_.size()) return false;
    if (to_follows && (plain_figure_alone(pos) || spelled_figure_alone(pos))) return false;
    // "from a stampede": an article that carries no numeral.
    if (article_alone(text_, pos)) return false;
    // After "the", only an ordinal: "the 13th to the 15th", not "the 25 announced".
    if (!the_may_follow && is_digit(text_[pos])) {
      while (pos < text_.size() && is_digit(text_[pos])) ++pos;
      return starts_with_ci(text_, pos, "st") || starts_with_ci(text_, pos, "nd") ||
             starts_with_ci(text_, pos, "rd") || starts_with_ci(text_, pos, "th");
    }
    if (may_start_numeral(text_, pos)) return true;
    if (!the_may_follow || !starts_with_ci(text_, pos, "the")) return false;
    pos = after_blanks(pos + 3);
    return pos < text_.size() && may_start_numeral(text_, pos);
  }

  // The common ranges of two plain figures, read without the grammar: "10 to
  // 15", "10-15", "from 10 to 15", "between 10 and 15". False for any other
  // form, which the grammar reads; when true, `range` and `end` are what the
  // grammar gives.
  bool plain_range(std::size_t at, grammar::range_value& range, std::size_t& end) const {
    if (!shortcuts) return false;
    auto blanks_from = [&](std::size_t k) {
      while (k < text_.size() && (text_[k] == ' ' || text_[k] == '\t')) ++k;
      return k;
    };
    auto word_at = [&](std::size_t k, std::string_view w) { return starts_with_word(text_.substr(k), w); };
    std::size_t k = at;
    const bool between = word_at(k, "between");
    if (between || word_at(k, "from")) {
      const std::size_t opening = k + (between ? 7 : 4);
      k = blanks_from(opening);
      if (k == opening) return false;
    }
    // The first figure: digits, maybe grouped in threes, followed by blanks
    // or a dash; no decimals, no grouping by spaces ("1 234"), no scale.
    figure_info lo;
    if (k >= text_.size() || !is_digit(text_[k]) || (k > 0 && is_digit(text_[k - 1])) || !read_plain_digits(k, lo)) {
      return false;
    }
    std::size_t next = blanks_from(lo.end);
    if (next < text_.size() && next > lo.end && is_digit(text_[next])) return false;  // "1 234"
    std::size_t second = 0;
    if (between) {
      if (next == lo.end || !word_at(next, "and")) return false;
      second = blanks_from(next + 3);
      if (second == next + 3) return false;
    } else if (next < text_.size() && (text_[next] == '-' || text_[next] == '~')) {
      second = blanks_from(next + 1);
    } else if (text_.substr(next, 3) == "\xE2\x80\x93" || text_.substr(next, 3) == "\xE2\x80\x94") {
      second = blanks_from(next + 3);
    } else if (next > lo.end && (word_at(next, "to") || word_at(next, "through") || word_at(next, "thru"))) {
      const std::size_t word_end = next + (word_at(next, "to") ? 2 : word_at(next, "thru") ? 4 : 7);
      second = blanks_from(word_end);
      if (second == word_end) return false;
    } else {
      return false;
    }
    figure_info hi;
    if (second >= text_.size() || !is_digit(text_[second]) || !read_plain_figure(text_, second, hi)) return false;
    // "1-222-2222", "2023-10-12": not when a dash, a slash or a point and a
    // digit follow.
    const std::size_t after = hi.end;
    if (after + 1 < text_.size() && (text_[after] == '-' || text_[after] == '/' || text_[after] == '.') &&
        is_digit(text_[after + 1])) {
      return false;
    }
    const std::string_view dash = text_.substr(after, 3);
    if ((dash == "\xE2\x80\x93" || dash == "\xE2\x80\x94") && after + 3 < text_.size() && is_digit(text_[after + 3])) {
      return false;
    }
    range = grammar::range_value{};
    range.lo = lo.value;
    range.hi = hi.value;
    end = after;
    return true;
  }

  // The first figure of a plain range: digits at `pos` as read_digit_groups
  // reads them, followed by a blank or a dash ("40 to", "1,200-"), not by
  // decimals ("1.5"), a suffix ("4k", "13th") or a slash ("3/4").
  bool read_plain_digits(std::size_t pos, figure_info& out) const {
    double value = 0;
    const std::size_t i = read_digit_groups(text_, pos, value);
    if (i == pos) return false;
    if (i < text_.size() && !(text_[i] == ' ' || text_[i] == '\t' || text_[i] == '-' || text_[i] == '~' ||
                              static_cast<unsigned char>(text_[i]) == 0xE2)) {
      return false;
    }
    out = {pos, i, value, numeral_form::integer};
    return true;
  }

  const qualifier_entry& entry(int i) const { return lexicon_.qualifiers()[static_cast<std::size_t>(i)]; }

  // The inclusive qualifier on the same side as a strict one (more_than ->
  // at_least), found by the shape of the lexicon's rules.
  int inclusive_twin(int strict) const {
    const side s = side_of(entry(strict));
    const auto& all = lexicon_.qualifiers();
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (side_of(all[i]) != s) continue;
      const auto end = s == side::lower ? written_end(all[i].lo, 1) : written_end(all[i].hi, 1);
      if (end && end->inclusive) return static_cast<int>(i);
    }
    return -1;
  }

  std::string_view text() const { return text_; }
  const quantity_lexicon& lexicon() const { return lexicon_; }

 private:
  std::string_view text_;
  const quantity_lexicon& lexicon_;
  const grammar::quantity_tables& tables_;
};

// The interval a numeral term gives, in whole people and as written.
void apply_qualifier(const reader& r, const term& t, quantity& q) {
  const double v = t.figure.value;
  q.value = v;
  if (t.qualifier < 0) {
    q.lo = v;
    q.hi = v;
    return;
  }
  const auto& e = r.entry(t.qualifier);
  q.qualifier = e.name;
  q.lo = e.lo.apply(v).value_or(0);
  q.hi = e.hi.apply(v);
  q.lower = written_end(e.lo, v);
  q.upper = written_end(e.hi, v);
}

bool is_year_range(std::string_view text, const term& t) {
  const auto& rv = t.range;
  auto year = [](double v) { return v >= 1800 && v <= 2100 && std::floor(v) == v; };
  return year(rv.lo) && year(rv.hi) && t.figure_begin + 4 <= text.size() &&
         is_digit(text[t.figure_begin]) && is_digit(text[t.figure_begin + 3]) &&
         (t.figure_begin + 4 == text.size() || !is_digit(text[t.figure_begin + 4]));
}

}  // namespace

const char* name_of(not_a_count reason) {
  switch (reason) {
    case not_a_count::none: return "count";
    case not_a_count::age: return "age";
    case not_a_count::percentage: return "percentage";
    case not_a_count::money: return "money";
    case not_a_count::ordinal: return "ordinal";
    case not_a_count::time: return "time";
    case not_a_count::decade: return "decade";
    case not_a_count::fraction: return "fraction";
    case not_a_count::decimal: return "decimal";
    case not_a_count::negative: return "negative";
    case not_a_count::exponent: return "exponent";
    case not_a_count::year: return "year";
    case not_a_count::date: return "date";
    case not_a_count::phone: return "phone";
    case not_a_count::rank: return "rank";
    case not_a_count::url: return "url";
    case not_a_count::identifier: return "identifier";
    case not_a_count::measure: return "measure";
    case not_a_count::pronoun: return "pronoun";
  }
  return "count";
}

namespace {

// An empty phrase would match everywhere; it is left out.
void add(grammar::asc::symbols<int>& table, const std::string& phrase, std::size_t index) {
  if (!phrase.empty()) table.add(lower(phrase), static_cast<int>(index));
}

}  // namespace

quantity_lexicon::quantity_lexicon(std::vector<qualifier_entry> qualifiers, std::vector<vague_entry> vague,
                                   std::vector<std::string> zero)
    : qualifiers_(std::move(qualifiers)),
      vague_(std::move(vague)),
      zero_(std::move(zero)),
      compiled_(new compiled) {
  for (std::size_t i = 0; i < qualifiers_.size(); ++i) {
    for (const auto& phrase : qualifiers_[i].phrases) add(compiled_->prefix, phrase, i);
    for (const auto& phrase : qualifiers_[i].after) add(compiled_->postfix, phrase, i);
  }
  for (std::size_t i = 0; i < vague_.size(); ++i) add(compiled_->vague, vague_[i].phrase, i);
  for (std::size_t i = 0; i < zero_.size(); ++i) add(compiled_->zero, zero_[i], i);
  auto first_bytes = [](std::bitset<256>& bits, const std::string& phrase) {
    if (!phrase.empty()) bits.set(static_cast<unsigned char>(fold(phrase[0])));
  };
  for (const auto& q : qualifiers_) {
    for (const auto& phrase : q.phrases) first_bytes(compiled_->prefix_first, phrase);
    for (const auto& phrase : q.after) first_bytes(compiled_->postfix_first, phrase);
  }
  for (const auto& v : vague_) first_bytes(compiled_->vague_first, v.phrase);
  for (const auto& z : zero_) first_bytes(compiled_->zero_first, z);
  auto first_word = [](const std::string& phrase) {
    std::string w = phrase.substr(0, phrase.find(' '));
    for (char& c : w) c = fold(c);
    return w;
  };
  for (const auto& q : qualifiers_) {
    for (const auto& p : q.phrases) start_words_.add(first_word(p));
  }
  for (const auto& v : vague_) start_words_.add(first_word(v.phrase));
  for (const auto& z : zero_) start_words_.add(first_word(z));
  for (const auto& q : qualifiers_) {
    for (const auto& p : q.phrases) compiled_->start_words.add(first_word(p));
  }
  for (const auto& v : vague_) compiled_->start_words.add(first_word(v.phrase));
  for (const auto& z : zero_) compiled_->start_words.add(first_word(z));
  for (auto w : kNumeralStarters) compiled_->start_words.add(w);
  compiled_->start_words.add("between");
  compiled_->start_words.add("from");

  // A word that is a phrase by itself, or a numeral's first word, may start a
  // quantity whatever follows it.
  core::word_set alone;
  for (auto w : kNumeralStarters) alone.add(w);
  std::vector<std::string> leads;
  auto note_phrase = [&](const std::string& phrase) {
    const std::string p = lower(phrase);
    const std::size_t space = p.find(' ');
    if (space == std::string::npos) {
      alone.add(p);
      return;
    }
    const std::string first = p.substr(0, space);
    const std::string second = p.substr(space + 1, p.find(' ', space + 1) - space - 1);
    leads.push_back(first);
    if (std::all_of(second.begin(), second.end(), [](char c) { return core::is_lower(c); })) {
      compiled_->word_pairs.add(first + ' ' + second);
    } else {
      compiled_->untested_leads.add(first);
    }
  };
  for (const auto& q : qualifiers_) {
    for (const auto& p : q.phrases) note_phrase(p);
  }
  for (const auto& v : vague_) note_phrase(v.phrase);
  for (const auto& z : zero_) note_phrase(z);
  for (const auto& first : leads) {
    // read_term tries a range at any word that opens with "between", "from"
    // or "the": such words are left to it.
    const bool range_opening = first.starts_with("between") || first.starts_with("from") || first.starts_with("the");
    if (!alone.contains(first) && !range_opening) compiled_->lead_only.add(first);
  }
}

bool quantity_lexicon::may_start_quantity(std::string_view lower_word) const {
  if (lower_word.empty()) return false;
  if (!is_alpha(lower_word.front())) return true;  // digits and signs
  // Lowercase letters alone, the common case: one lookup gives what the
  // steps below give.
  std::size_t letters = 0;
  while (letters < lower_word.size() && core::is_lower(lower_word[letters])) ++letters;
  if (letters == lower_word.size()) return compiled_->start_words.contains(lower_word);
  // "twenty-one": the word before the hyphen decides.
  lower_word = lower_word.substr(0, lower_word.find('-'));
  if (may_start_numeral(lower_word, 0)) return true;
  return start_words_.contains(lower_word) || lower_word == "between" || lower_word == "from";
}

bool quantity_lexicon::may_start_quantity_at(std::string_view text, std::size_t pos,
                                             std::string_view lower_word) const {
  // Figures, and the words that may start a quantity whatever follows them.
  if (!shortcuts || lower_word.empty() || !core::is_lower(lower_word.front())) return true;
  const bool article = lower_word == "a" || lower_word == "an";
  const bool range_word = lower_word == "between" || lower_word == "from";
  if (!article && !range_word && !compiled_->lead_only.contains(lower_word)) return true;
  const std::size_t end = pos + lower_word.size();
  if (end > text.size() || !starts_with_ci(text, pos, lower_word)) return true;  // written otherwise ("’"): ask the grammar
  if (compiled_->untested_leads.contains(lower_word)) return true;
  // A phrase of two or more words goes on with one blank and its second
  // word, whole: the grammar takes a phrase only where a word ends.
  if (end < text.size() && text[end] == ' ') {
    char pair[48];
    std::size_t n = lower_word.size();
    std::size_t k = end + 1;
    if (n >= sizeof pair / 2) return true;  // longer than any lexicon word: ask the grammar
    std::copy(lower_word.begin(), lower_word.end(), pair);
    pair[n++] = ' ';
    for (; k < text.size() && is_alpha(text[k]) && n < sizeof pair; ++k) pair[n++] = fold(text[k]);
    if (n == sizeof pair || compiled_->word_pairs.contains(std::string_view(pair, n))) return true;
  }
  if (article) return !article_alone(text, pos);
  // A range: "between 10 and 15", "from 10 to 15".
  if (range_word) return reader(text, *this).figure_may_follow(end, true, lower_word == "from");
  return false;
}

quantity_lexicon::~quantity_lexicon() = default;

std::optional<double> parse_number(std::string_view text, std::size_t pos, std::size_t& length) {
  const char* first = text.data() + pos;
  const char* const last = text.data() + text.size();
  const char* it = first;
  double value = 0;
  if (!x3::parse(it, last, grammar::number(), value)) return std::nullopt;
  length = static_cast<std::size_t>(it - first);
  return value;
}

std::vector<numeral_mention> find_numerals(std::string_view text) {
  std::vector<numeral_mention> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char prev = i > 0 ? text[i - 1] : ' ';
    const auto uc = static_cast<unsigned char>(c);
    if (is_alnum(c)) {
      if (is_alnum(prev)) continue;  // inside a word
    } else if (c == '.') {
      if (is_digit(prev)) continue;
    } else if (c == '-') {
      if (is_alnum(prev)) continue;  // "SCP-173": the digits, unsigned
    } else if (uc != 0xC2 && uc != 0xE2) {
      continue;  // a vulgar fraction or a minus sign starts with one of these
    }
    figure_info f;
    if (!read_numeral(text, i, f) || f.end == i) continue;
    numeral_mention m;
    m.offset = f.begin;
    m.length = f.end - f.begin;
    m.value = f.value;
    m.kind = kind_of(f.form);
    m.rejected = classify(text, f);
    out.push_back(m);
    i = f.end - 1;
  }
  return out;
}

void use_quantity_shortcuts(bool on) { shortcuts = on; }

std::optional<quantity> parse_quantity(std::string_view text, std::size_t pos, const quantity_lexicon& lexicon) {
  if (pos >= text.size()) return std::nullopt;
  // "SCP-173", "+1-222": a hyphen after a word or figure is no minus sign.
  if (text[pos] == '-' && pos > 0 && is_alnum(text[pos - 1])) return std::nullopt;
  // "<>30", "=>30": a run of comparison signs is no qualifier.
  if (pos > 0 && (text[pos] == '<' || text[pos] == '>' || text[pos] == '=') &&
      (text[pos - 1] == '<' || text[pos - 1] == '>' || text[pos - 1] == '=')) {
    return std::nullopt;
  }
  const reader r(text, lexicon);
  auto first = r.read_term(pos);
  if (!first) return std::nullopt;
  const term& t = *first;

  quantity q;
  q.offset = t.begin;
  q.length = t.end - t.begin;
  q.number_offset = t.figure_begin;
  q.number_length = t.figure_end - t.figure_begin;

  switch (t.what) {
    case term::kind::zero:
      q.value = 0;
      q.lo = 0;
      q.hi = 0;
      return q;
    case term::kind::vague: {
      const auto& entry = lexicon.vague()[static_cast<std::size_t>(t.vague)];
      q.qualifier = "vague";
      q.vague = true;
      q.lo = entry.lo;
      q.hi = entry.hi;
      return q;
    }
    case term::kind::range: {
      q.qualifier = "range";
      q.lo = t.range.lo;
      q.hi = t.range.hi;
      q.lower = interval_end{t.range.lo, true};
      q.upper = interval_end{t.range.hi, true};
      // Classify by the upper figure and what follows the range ("10-15%").
      figure_info hi{t.figure_begin, t.figure_end, t.range.hi,
                     t.range.ordinal    ? numeral_form::ordinal
                     : t.range.fraction ? numeral_form::fraction
                                        : numeral_form::integer};
      q.rejected = is_year_range(text, t) ? not_a_count::year : classify(text, hi);
      if (q.rejected == not_a_count::none && t.range.lo < 0) q.rejected = not_a_count::negative;
      if (q.rejected == not_a_count::none && std::floor(t.range.lo) != t.range.lo) q.rejected = not_a_count::decimal;
      return q;
    }
    case term::kind::numeral:
      break;
  }

  apply_qualifier(r, t, q);
  q.rejected = classify(text, t.figure);

  // A second bound on the other side: "more than 10 and fewer than 40",
  // "at most 100 and at least 20".
  if (t.qualifier >= 0 && (q.lower.has_value() != q.upper.has_value())) {
    std::size_t j = t.end;
    x3::unused_type unused;
    if (r.run(j, grammar::bound_join(), unused)) {
      if (auto second = r.read_term(j); second && second->what == term::kind::numeral && second->qualifier >= 0) {
        quantity q2;
        apply_qualifier(r, *second, q2);
        const bool opposite = (q.lower && q2.upper && !q2.lower) || (q.upper && q2.lower && !q2.upper);
        if (opposite) {
          const quantity& lo_q = q.lower ? q : q2;
          const quantity& hi_q = q.lower ? q2 : q;
          const interval_end lo_end = *lo_q.lower;
          const interval_end hi_end = *hi_q.upper;
          const bool consistent = lo_end.value < hi_end.value ||
                                  (lo_end.value == hi_end.value && lo_end.inclusive && hi_end.inclusive);
          if (consistent) {
            quantity c;
            c.offset = q.offset;
            c.length = second->end - q.offset;
            c.number_offset = t.figure_begin;
            c.number_length = second->figure_end - t.figure_begin;
            c.qualifier = "range";
            c.compound = true;
            c.lower = lo_end;
            c.upper = hi_end;
            c.lo = lo_q.lo;
            c.hi = hi_q.hi;
            c.rejected = q.rejected != not_a_count::none ? q.rejected : classify(text, second->figure);
            return c;
          }
        }
      }
    }
  }
  return q;
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
