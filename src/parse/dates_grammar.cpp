// Runs the date-expression grammar and copies its parts into the
// Boost-free date_expression of parse/dates.hpp.

#include <algorithm>
#include <array>
#include <atomic>

#include "core/ascii.hpp"
#include "core/scan.hpp"
#include "core/word_set.hpp"
#include "parse/dates.hpp"
#include "parse/grammar/calendar_names.hpp"
#include "parse/grammar/date_expression.hpp"

namespace tollgate::parse {

namespace x3 = boost::spirit::x3;

namespace {

// Every word spelled in the date grammar and in the number grammar it reads
// spelled years with (strings and letters in quotes), lowercase; also rule
// names, which only make it larger. A test reads both grammar sources and
// fails when a word there is missing.
const core::word_set& grammar_words() {
  static const core::word_set words = {
      "a", "ab", "adha", "after", "ago", "al", "all", "amun", "an", "and", "apr", "april", "arabic", "around",
      "as", "ascension", "ash", "ashura", "at", "atonement", "atul", "atzeret", "atzmaut", "aug", "august",
      "av", "b", "ba", "back", "bakr", "bakra", "bakrid", "baomer", "bav", "because", "beej", "before",
      "beginning", "below", "between", "bhai", "bhau", "billion", "billions", "billionth", "bishvat", "black",
      "bln", "bn", "bom", "boss", "bosses", "boy", "branch", "bshvat", "but", "by", "cardinal", "chanukah",
      "chanukkah", "chaturdashi", "chaudas", "chhoti", "chinese", "choti", "christmas", "civil", "clean",
      "coming", "couple", "covenant", "cr", "crore", "crores", "current", "d", "dahan", "date", "day", "days",
      "dec", "december", "decimals", "decree", "deepavali", "deepawali", "dhanatrayodashi", "dhanteras",
      "dhulandi", "dhuleti", "digit", "digits", "divali", "diwali", "dooj", "doz", "dozen", "dozens", "dozs",
      "duj", "during", "dz", "dzs", "earlier", "early", "easter", "ee", "eid", "eight", "eighteen",
      "eighteenth", "eighth", "eightieth", "eighty", "eleven", "eleventh", "end", "eom", "eoy", "eve",
      "exponent", "expression", "fast", "feast", "feb", "february", "few", "fifteen", "fifteenth", "fifth",
      "fiftieth", "fifty", "figure", "final", "first", "fitr", "five", "following", "for", "fortieth",
      "forty", "four", "fourteen", "fourteenth", "fourth", "frac", "fraction", "fri", "friday", "from", "g",
      "good", "grammar", "gras", "great", "h", "ha", "haatzmaut", "half", "halloween", "halves", "hannukah",
      "hannukkah", "hanukah", "hanukkah", "hashana", "hashanah", "hashanna", "hashoah", "he", "head", "hence",
      "hijri", "holi", "holika", "holocaust", "holy", "hpp", "hundred", "hundreds", "hundredth", "i", "id",
      "ides", "in", "independence", "ingathering", "integer", "is", "islamic", "isra", "israel", "it",
      "jadid", "jamat", "jamshedi", "jan", "january", "jewish", "jr", "jul", "july", "jumat", "jumu",
      "jumuatul", "jun", "june", "k", "kadr", "kali", "kamudu", "king", "kings", "kippur", "koningsdag",
      "koti", "krore", "krores", "lac", "lacs", "lag", "lailat", "lakh", "lakhs", "lakshmi", "last", "late",
      "later", "laylat", "lazarus", "lent", "lkh", "lkhs", "lunar", "luther", "m", "mar", "march", "mardi",
      "martin", "maundy", "mawlid", "may", "measures", "mi", "mid", "mil", "milad", "million", "millions",
      "millionth", "minus", "miraj", "mlk", "mln", "mm", "mn", "mon", "monday", "month", "months",
      "mysteries", "n", "nabawi", "nabi", "narak", "naraka", "naught", "navroz", "nd", "negative", "new",
      "next", "night", "nil", "nine", "nineteen", "nineteenth", "ninetieth", "ninety", "ninth", "nought",
      "nov", "november", "now", "nowruz", "number", "numeral", "o", "oct", "october", "of", "oh", "omer",
      "on", "one", "or", "ordinal", "orthodox", "over", "paddy", "pair", "palm", "pancake", "parse", "parsi",
      "parts", "passover", "past", "patrick", "patricks", "pentecost", "pesach", "phagwah", "plain", "point",
      "power", "previous", "prophet", "puja", "purim", "pyre", "q", "qadr", "qtr", "quarter", "quarters",
      "raj", "ramadan", "ramadhan", "ramzan", "range", "rd", "remembrance", "rest", "rights", "rosh", "s",
      "sacrifice", "saint", "sat", "saturday", "scaled", "second", "sep", "sept", "september", "seven",
      "seventeen", "seventeenth", "seventh", "seventieth", "seventy", "several", "shavuos", "shavuot", "she",
      "shemini", "shoah", "shrove", "shushan", "shvat", "sign", "simchat", "simhat", "since", "six",
      "sixteen", "sixteenth", "sixth", "sixtieth", "sixty", "spelled", "spirit", "st", "start", "succos",
      "succot", "sukkot", "sun", "sunday", "tabernacles", "tail", "ten", "tenth", "th", "thanksgiving",
      "that", "the", "there", "they", "third", "thirteen", "thirteenth", "thirtieth", "thirty", "this",
      "thousand", "thousands", "thousandth", "three", "through", "thru", "thu", "thur", "thurs", "thursday",
      "tika", "till", "tisha", "tln", "tmr", "tmrw", "tn", "to", "today", "tomorrow", "tomorrows", "torah",
      "trillion", "trillions", "trillionth", "trinity", "tu", "tue", "tues", "tuesday", "twelfth", "twelve",
      "twentieth", "twenty", "two", "ul", "un", "until", "upcoming", "valentine", "valentines", "vegan",
      "vida", "vulgar", "wal", "was", "we", "wed", "wednesday", "week", "weekend", "weeks", "when", "whit",
      "white", "whitsunday", "whole", "wida", "will", "with", "word", "world", "x", "xmas", "year", "years",
      "yesterday", "yom", "you", "yr", "yrs", "zero"};
  return words;
}

// use_date_shortcuts(): tests turn the shortcut off to compare.
std::atomic<bool> shortcuts{true};

// Words the grammar sources hold that no expression spells: rule names and
// include paths ("number", "digits", "hpp").
bool names_a_rule(std::string_view lower_word) {
  static const core::word_set words = {
      "cardinal", "date", "decimals", "digit", "digits", "exponent", "expression", "figure", "final",
      "frac", "fraction", "grammar", "head", "hpp", "integer", "number", "numeral", "ordinal", "parse",
      "parts", "plain", "scaled", "sign", "spelled", "tail", "vulgar", "whole", "word"};
  return words.contains(lower_word);
}

// Words of the grammars that open a date expression only as the first of
// several words, each time followed by blanks: "the day before", "in May",
// "at the end of", "a week ago", "since Monday", "from now", "between 3 and
// 5 May". Common words, and mostly followed by a word no date holds ("the
// number", "a convoy").
// REQUIRES: in step with the date grammar: a rule or a table entry that
// opens with one of them takes blanks after it (the test compares).
bool opens_only_with_more(std::string_view lower_word) {
  static const core::word_set words = {"the", "a", "an", "in", "at", "after", "since", "from", "between"};
  return words.contains(lower_word);
}

// Words the grammars spell only inside an expression ("Friday of next
// week", "20 to 25 May", "two days ago", "the third quarter"), after a day
// ("the 27th and"), inside a holiday's name ("yom kippur") or a spelled
// number ("forty", "million"): no expression opens with them. The first
// words of the date grammar's rules and tables are not among them.
// REQUIRES: in step with the date grammar (the test compares).
bool opens_none(std::string_view lower_word) {
  static const core::word_set words = {
      "ab", "adha", "ago", "and", "around", "as", "ascension", "atonement", "atul", "atzeret", "atzmaut", "av",
      "b", "ba", "back", "baomer", "bav", "because", "beej", "before", "below", "billion", "billions",
      "billionth", "bishvat", "bln", "bn", "bshvat", "but", "by", "cr", "crore", "crores", "d", "dahan",
      "days", "decree", "dooj", "doz", "dozen", "dozens", "dozs", "duj", "dz", "dzs", "ee", "eighteen",
      "eightieth", "eighty", "eve", "fast", "fiftieth", "fifty", "fitr", "for", "fortieth", "forty", "g",
      "gras", "h", "ha", "haatzmaut", "half", "halves", "hashana", "hashanah", "hashanna", "hashoah", "he",
      "hence", "holy", "hundred", "hundreds", "hundredth", "i", "independence", "ingathering", "is", "it",
      "jadid", "jr", "k", "kadr", "kippur", "koti", "krore", "krores", "lac", "lacs", "lakh", "lakhs", "lkh",
      "lkhs", "luther", "m", "measures", "mi", "mil", "million", "millions", "millionth", "minus", "miraj",
      "mln", "mm", "mn", "month", "months", "mysteries", "n", "nabawi", "nabi", "naught", "navroz", "nd",
      "negative", "nil", "nineteen", "ninetieth", "ninety", "nought", "now", "nowruz", "o", "of", "oh",
      "omer", "on", "or", "over", "paddy", "pair", "patrick", "patricks", "point", "power", "prophet", "puja",
      "pyre", "qadr", "qtr", "quarter", "quarters", "raj", "rd", "remembrance", "rights", "s", "seventeen",
      "seventieth", "seventy", "she", "shoah", "shvat", "sixteen", "sixtieth", "sixty", "spirit",
      "tabernacles", "th", "that", "there", "they", "thousand", "thousands", "thousandth", "through", "thru",
      "tika", "till", "tln", "tn", "to", "torah", "trillion", "trillions", "trillionth", "ul", "un", "until",
      "vegan", "vida", "wal", "was", "we", "weekend", "weeks", "when", "wida", "will", "with", "x", "year",
      "years", "you", "yr", "yrs", "zero"};
  return words.contains(lower_word) || names_a_rule(lower_word);
}

// A date expression opens with a figure, a sign or a word of the grammars, or
// with one glued to more letters ("midOctober", "twentyfirst"); most words of
// a text ("people", "were") are none of these, and the grammar's thirty-odd
// alternatives are not tried at them.
bool may_open_date_expression(std::string_view text, std::size_t pos, bool first_word = true) {
  if (!core::is_alpha(text[pos])) return true;
  char run[24];
  std::size_t n = 0;
  while (pos + n < text.size() && core::is_alpha(text[pos + n]) && n < sizeof run) {
    run[n] = core::to_lower(text[pos + n]);
    ++n;
  }
  const auto& words = grammar_words();
  const std::string_view word(run, n);
  if (words.contains(word)) {
    if (!shortcuts) return true;
    if (!first_word) return !names_a_rule(word);
    if (opens_none(word)) return false;
    if (!opens_only_with_more(word)) return true;
    // A whole word: what follows it must be blanks, then a word that may
    // open an expression itself.
    std::size_t k = pos + n;
    if (k == text.size() || (text[k] != ' ' && text[k] != '\t')) return false;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
    return k < text.size() && may_open_date_expression(text, k, false);
  }
  // A word of the grammars glued to more letters opens an expression only as
  // "mid" before a month ("midOctober") or as a compound ordinal
  // ("twentyfirst"); "them", "civilians" and "forces" open none.
  // REQUIRES: in step with the grammar's words that take no word end.
  return word.starts_with("mid") || word.starts_with("twenty") || word.starts_with("thirty");
}

// The lowercase letters of the word at `pos` (at most `size`), or "" when
// the word is longer or runs on into a digit or an underscore.
std::string_view word_at(std::string_view text, std::size_t pos, char* buffer, std::size_t size) {
  std::size_t n = 0;
  while (pos + n < text.size() && core::is_alpha(text[pos + n])) {
    if (n == size) return {};
    buffer[n] = core::to_lower(text[pos + n]);
    ++n;
  }
  if (pos + n < text.size() && (core::is_digit(text[pos + n]) || text[pos + n] == '_')) return {};
  return {buffer, n};
}

// Words after a weekday that may carry it into a longer expression: a date
// after it ("Friday, Oct. 13", "Friday the 13th", "Friday first of May"), a
// week ("Friday of next week", "Friday after next"), a holiday ("Thursday of
// mysteries"). Months and day words are tested by their first letters.
// REQUIRES: in step with the grammar's weekday_then_date, day_then_week,
// day_after_next and holiday (the test compares at every word).
bool may_carry_weekday(std::string_view w) {
  static const core::word_set words = {"the", "of", "from", "in", "after", "this", "current", "last", "past",
                                       "previous", "next", "coming", "upcoming", "following"};
  if (words.contains(w)) return true;
  static constexpr std::string_view openings[] = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",  // months
      "fir", "sec", "thi", "fou", "fif", "six", "sev", "eig", "nin", "ten", "ele", "twe",    // ordinal days
      "one", "two", "thr", "fiv"};  // and cardinal ones after "the": "Friday the five"
  for (std::string_view o : openings) {
    if (w.substr(0, 3) == o) return true;
  }
  return false;
}

// The commonest expressions read without the grammar, which tries its
// thirty-odd alternatives first: a weekday standing alone ("on Friday,
// officials said") and "today", "yesterday", "tomorrow". Anything after
// the word that could make it part of a longer expression is left to the
// grammar; so is every other word.
std::optional<grammar::date_expression_parts> lone_day_word(std::string_view text, std::size_t pos) {
  char buffer[10];
  const std::string_view w = word_at(text, pos, buffer, sizeof buffer);
  if (w.empty()) return std::nullopt;
  grammar::date_expression_parts p;
  static constexpr std::pair<std::string_view, int> relative[] = {{"today", 0}, {"yesterday", -1}, {"tomorrow", 1}};
  for (const auto& [word, count] : relative) {
    if (w != word) continue;
    p.kind = static_cast<int>(date_expression_kind::relative_day);
    p.count = count;
    return p;
  }
  static constexpr std::pair<std::string_view, int> weekdays[] = {
      {"sunday", 0},   {"sun", 0},      {"monday", 1},   {"mon", 1},   {"tuesday", 2}, {"tues", 2},
      {"tue", 2},      {"wednesday", 3}, {"wed", 3},     {"thursday", 4}, {"thurs", 4}, {"thur", 4},
      {"thu", 4},      {"friday", 5},   {"fri", 5},      {"saturday", 6}, {"sat", 6}};
  int weekday = -1;
  for (const auto& [word, day] : weekdays) {
    if (w == word) weekday = day;
  }
  if (weekday < 0) return std::nullopt;
  // What follows: a period, blanks, a comma and blanks, then the next word.
  std::size_t k = pos + w.size();
  auto skip_blanks = [&] {
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
  };
  if (k < text.size() && text[k] == '.') ++k;
  skip_blanks();
  if (k < text.size() && text[k] == ',') ++k;
  skip_blanks();
  if (k < text.size()) {
    const char c = text[k];
    if (core::is_digit(c) || c == '-' || c == '(') return std::nullopt;
    if (core::is_alpha(c)) {
      char next[12];
      const std::string_view after = word_at(text, k, next, sizeof next);
      if (after.empty()) return std::nullopt;
      if (after == "the") {
        // "Friday the 13th", "Friday, the first of May"; not "Friday, the
        // ministry said".
        std::size_t d = k + 3;
        if (d >= text.size() || (text[d] != ' ' && text[d] != '\t')) return std::nullopt;
        while (d < text.size() && (text[d] == ' ' || text[d] == '\t')) ++d;
        if (d < text.size() && !core::is_alpha(text[d])) return std::nullopt;
        char day[12];
        const std::string_view day_word = word_at(text, d, day, sizeof day);
        if (day_word.empty() || may_carry_weekday(day_word)) return std::nullopt;
      } else if (may_carry_weekday(after)) {
        return std::nullopt;
      }
    }
  }
  p.kind = static_cast<int>(date_expression_kind::weekday);
  p.weekday = weekday;
  return p;
}

}  // namespace

bool is_date_grammar_word(std::string_view lower_word) { return grammar_words().contains(lower_word); }

void use_date_shortcuts(bool on) { shortcuts = on; }

std::optional<date_expression> parse_date_expression(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || !may_open_date_expression(text, pos)) return std::nullopt;
  const char* const first = text.data() + pos;
  const char* it = first;
  grammar::date_expression_parts p;
  if (auto lone = shortcuts ? lone_day_word(text, pos) : std::nullopt) {
    p = *lone;
    while (it < text.data() + text.size() && core::is_alpha(*it)) ++it;
  } else if (!x3::parse(it, text.data() + text.size(), grammar::date_expression(), p) || it == first) {
    return std::nullopt;
  }
  // A trailing blank belongs to no expression.
  while (it > first && core::is_space(it[-1])) --it;
  date_expression e;
  e.offset = pos;
  e.length = static_cast<std::size_t>(it - first);
  e.kind = static_cast<date_expression_kind>(p.kind);
  e.year = p.year;
  e.short_year = p.short_year;
  e.month = p.month;
  e.day = p.day;
  e.weekday = p.weekday;
  e.count = p.count;
  e.unit = static_cast<date_unit>(p.unit);
  e.relation = p.relation;
  e.relation_written = p.relation_written;
  e.since = p.since;
  e.holiday = static_cast<date_holiday>(p.holiday);
  e.shift_days = p.shift_days;
  e.shift_months = p.shift_months;
  e.part = static_cast<date_part>(p.part);
  e.end_year = p.end_year;
  e.end_month = p.end_month;
  e.end_day = p.end_day;
  if (e.kind == date_expression_kind::range && e.end_day) {
    // "13 to 15 July": the first date takes the month and year of the last.
    if (!e.month) e.month = e.end_month;
    if (!e.year) e.year = e.end_year;
  }
  if (e.kind == date_expression_kind::weekday) {
    e.week_written = p.base == 1;
  } else {
    e.base = p.base;
  }
  return e;
}

namespace {

// Words a written calendar date can open with: a month, a weekday
// ("Friday, Oct. 13"), "the" ("the 13th of October"). Digits open one too.
// `after_day`: the word follows a day's figure ("13 October"), which is the
// figure the date needs.
// Whether `c` is the first letter of a month or weekday, in either case.
bool opens_month_or_weekday(char c) {
  switch (c | 0x20) {
    case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': case 't': case 'w':
      return core::is_alpha(c);
    default:
      return false;
  }
}

// The names of months and weekdays and their abbreviations, lowercase: the
// date grammars' own tables.
const core::word_set& month_and_weekday_words() {
  static const core::word_set words = [] {
    namespace names = grammar::calendar_names;
    core::word_set set;
    for (const auto& list : {names::kFullMonths, names::kShortMonths, names::kFullWeekdays, names::kShortWeekdays}) {
      for (const auto& [name, value] : list) set.add(name);
    }
    return set;
  }();
  return words;
}

// False when a word of `n` letters from `first` to `last` is no month or
// weekday, by its length and shape: most words, without a lookup.
bool may_be_month_or_weekday(char first, char last, std::size_t n) {
  return n >= 3 && n <= 9 &&
         month_and_weekday_words().shapes().may_contain(core::to_lower(first), core::to_lower(last), n);
}

bool may_open_calendar_date(std::string_view text, std::size_t i, bool after_day = false) {
  if (core::is_digit(text[i])) {
    // "13 October", "13th", "2023-10-12", "10/12": a figure followed by a
    // separator, an ordinal suffix or a month; most figures are followed by
    // none of them and the grammar is not tried.
    std::size_t k = i;
    while (k < text.size() && core::is_digit(text[k])) ++k;
    if (k + 1 >= text.size()) return false;
    const char c = text[k];
    const bool digit_next = core::is_digit(text[k + 1]);
    if ((c == '/' || c == '-') && digit_next) return true;  // 2023-10-12, 10/12
    // 12.10.2023, but not 2.3 or 1,000.
    if (c == '.' && digit_next) {
      std::size_t m = k + 1;
      while (m < text.size() && core::is_digit(text[m])) ++m;
      return m < text.size() && (text[m] == '.' || text[m] == '/') && m + 1 < text.size() &&
             core::is_digit(text[m + 1]);
    }
    std::size_t next = k;
    if (core::is_alpha(c)) {  // 13th, 1st: an ordinal day
      const std::string_view suffix = text.substr(k, 2);
      if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return false;
      next = k + 2;
      if (next < text.size() && text.substr(next, 4) == " of ") next += 3;
    }
    // "13 October", "13th of October": a month after the day.
    if (next + 1 < text.size() && text[next] == ' ' && core::is_alpha(text[next + 1])) {
      return may_open_calendar_date(text, next + 1, true);
    }
    return next != k;  // "the 27th" alone
  }
  if (!opens_month_or_weekday(text[i])) return false;
  std::size_t n = 0;
  while (i + n < text.size() && core::is_alpha(text[i + n])) ++n;
  if (!may_be_month_or_weekday(text[i], text[i + n - 1], n)) return false;
  // A month or weekday opens a calendar date only with a day number close
  // after it ("October 13", "Friday, Oct. 13"), not "may" or "Tuesday" alone;
  // most words have none, and this is cheaper than the lookup.
  bool number_follows = after_day;
  for (std::size_t k = i + n; k < text.size() && k < i + n + 12 && !number_follows; ++k) {
    number_follows = core::is_digit(text[k]);
  }
  if (!number_follows) return false;
  char buf[9];
  for (std::size_t k = 0; k < n; ++k) buf[k] = core::to_lower(text[i + k]);
  return month_and_weekday_words().contains(std::string_view(buf, n));
}

}  // namespace

std::vector<date_expression> find_calendar_dates(std::string_view text) {
  std::vector<date_expression> out;
  auto is_word = [](char c) { return core::is_alnum(c) || c == '_'; };
  auto word_start = [&](std::size_t i) { return i == 0 || !is_word(text[i - 1]); };
  std::size_t covered = 0;  // the end of the last expression read: none starts inside it
  auto try_at = [&](std::size_t i) {
    if (i < covered || !may_open_calendar_date(text, i)) return;
    // A figure glued to a decimal point, a comma, a slash or a dash after
    // digits is no date's start ("1.5", "3/4").
    if (i > 1 && (text[i - 1] == '.' || text[i - 1] == ',' || text[i - 1] == '/' || text[i - 1] == '-') &&
        core::is_digit(text[i - 2])) {
      return;
    }
    if (auto e = parse_date_expression(text, i); e && e->length > 0) {
      if ((e->kind == date_expression_kind::calendar || e->kind == date_expression_kind::range) && e->month &&
          e->day) {
        out.push_back(*e);
      }
      covered = i + e->length;
    }
  };
  // Every calendar date holds a figure: a run of digits opens it, or a month
  // or weekday of at most nine letters that ends at most twelve bytes before
  // one ("Friday, Oct. 13"). The scan jumps from one run of digits to the
  // next and looks only at the words that end just before it, in order.
  // Only words shaped like a month or weekday (first letter, last letter,
  // length), and figures followed by what may carry on a date, are asked
  // further: most words and figures near a figure are neither.
  constexpr std::size_t kReach = 21;
  std::size_t seen = 0;  // the end of the last run of digits: words before it were looked at
  for (std::size_t digit = core::find_digit(text, 0); digit < text.size();) {
    for (std::size_t k = std::max(seen, digit >= kReach ? digit - kReach : 0); k < digit;) {
      if (!core::is_alpha(text[k])) {
        ++k;
        continue;
      }
      const std::size_t start = k;
      while (k < digit && core::is_alpha(text[k])) ++k;
      // As may_open_calendar_date asks: a month or weekday has three to nine
      // letters and a figure within twelve bytes after it, here `digit`.
      const std::size_t letters = k - start;
      if (digit < k + 12 && may_be_month_or_weekday(text[start], text[k - 1], letters) && word_start(start)) {
        try_at(start);
      }
    }
    seen = digit;
    while (seen < text.size() && core::is_digit(text[seen])) ++seen;
    // After the figure: a separator ("10/12", "2023-10-12", "12.10.2023"),
    // an ordinal suffix ("13th") or a blank and a month ("13 October").
    const char after = seen < text.size() ? text[seen] : ' ';
    const bool may_carry_on = after == '/' || after == '-' || after == '.' || core::is_alpha(after) ||
                              (after == ' ' && seen + 1 < text.size() && opens_month_or_weekday(text[seen + 1]));
    if (may_carry_on && word_start(digit)) try_at(digit);
    digit = core::find_digit(text, seen);
  }
  return out;
}

std::vector<date_expression> find_date_expressions(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<date_expression> out;
  end = std::min(end, text.size());
  const std::string_view bounded = text.substr(0, end);
  auto is_word = [](char c) { return core::is_alnum(c) || c == '_'; };
  for (std::size_t i = begin; i < end;) {
    const bool word_start = is_word(text[i]) && (i == 0 || !is_word(text[i - 1]));
    if (!word_start) {
      ++i;
      continue;
    }
    // A figure glued to a decimal point or a grouping comma is not a date's start.
    if (i > 0 && (text[i - 1] == '.' || text[i - 1] == ',' || text[i - 1] == '/' || text[i - 1] == '-') &&
        i > 1 && core::is_digit(text[i - 2])) {
      ++i;
      continue;
    }
    if (auto e = parse_date_expression(bounded, i); e && e->length > 0) {
      out.push_back(*e);
      i += e->length;
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace tollgate::parse
