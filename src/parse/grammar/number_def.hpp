#pragma once

#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parse/grammar/number.hpp"

namespace tollgate::parse::grammar {
namespace number_detail {

using x3::_attr;
using x3::_pass;
using x3::_val;

// ---------------------------------------------------------------------------
// Words. x3::no_case lowers the input before the lookup, so the tables hold
// lowercase keys; the abbreviation tables are case-sensitive on purpose
// ("10M" is ten million, "1m" is a metre).

inline asc::symbols<double> const units_words{
    {"one", 1},       {"two", 2},        {"three", 3},      {"four", 4},      {"five", 5},
    {"six", 6},       {"seven", 7},      {"eight", 8},      {"nine", 9},      {"ten", 10},
    {"eleven", 11},   {"twelve", 12},    {"thirteen", 13},  {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18},  {"nineteen", 19}};
inline asc::symbols<double> const ones_words{{"one", 1}, {"two", 2},   {"three", 3},
                                            {"four", 4}, {"five", 5}, {"six", 6},
                                            {"seven", 7}, {"eight", 8}, {"nine", 9}};
inline asc::symbols<double> const tens_words{{"twenty", 20}, {"thirty", 30}, {"forty", 40},
                                            {"fifty", 50},  {"sixty", 60},  {"seventy", 70},
                                            {"eighty", 80}, {"ninety", 90}};
inline asc::symbols<double> const zero_words{{"zero", 0}, {"nought", 0}, {"naught", 0}, {"nil", 0}};
// Digits spoken one by one after "point": "nine point nought four".
inline asc::symbols<char> const point_digit_words{
    {"zero", '0'}, {"nought", '0'}, {"naught", '0'}, {"oh", '0'}, {"one", '1'},
    {"two", '2'},  {"three", '3'},  {"four", '4'},   {"five", '5'}, {"six", '6'},
    {"seven", '7'}, {"eight", '8'}, {"nine", '9'}};
inline asc::symbols<double> const scale_words{
    {"thousand", 1e3},  {"thousands", 1e3}, {"million", 1e6},  {"millions", 1e6},
    {"billion", 1e9},   {"billions", 1e9},  {"trillion", 1e12}, {"trillions", 1e12},
    {"lakh", 1e5},      {"lakhs", 1e5},     {"lac", 1e5},      {"lacs", 1e5},
    {"lkh", 1e5},       {"lkhs", 1e5},      {"crore", 1e7},    {"crores", 1e7},
    {"krore", 1e7},     {"krores", 1e7},    {"cr", 1e7},       {"koti", 1e7},
    {"bn", 1e9},        {"bln", 1e9},       {"mn", 1e6},       {"mln", 1e6},
    {"tn", 1e12},       {"tln", 1e12}};
// Glued to the digits: "4k", "3bn", "1.2M", "2mil", "1MM", ".0012G".
inline asc::symbols<double> const glued_suffix{
    {"k", 1e3},  {"K", 1e3},   {"M", 1e6},   {"MM", 1e6},  {"G", 1e9},   {"b", 1e9},
    {"B", 1e9},  {"bn", 1e9},  {"Bn", 1e9},  {"BN", 1e9},  {"bln", 1e9}, {"mn", 1e6},
    {"mln", 1e6}, {"mil", 1e6}, {"tn", 1e12}, {"tln", 1e12}};
// After a space: "2.33 k", "1,674.5 G".
inline asc::symbols<double> const spaced_suffix{{"k", 1e3}, {"K", 1e3}, {"M", 1e6}, {"G", 1e9}};
inline asc::symbols<double> const dozen_words{{"dozen", 12}, {"dozens", 12}, {"dz", 12},
                                             {"dzs", 12},   {"doz", 12},    {"dozs", 12}};
// Ordinal words and their values: read as ordinals ("the third") and as the
// denominators of fractions ("two thirds").
inline constexpr std::pair<const char*, double> kOrdinals[] = {
    {"first", 1},         {"second", 2},        {"third", 3},          {"fourth", 4},
    {"fifth", 5},         {"sixth", 6},         {"seventh", 7},        {"eighth", 8},
    {"ninth", 9},         {"tenth", 10},        {"eleventh", 11},      {"twelfth", 12},
    {"thirteenth", 13},   {"fourteenth", 14},   {"fifteenth", 15},     {"sixteenth", 16},
    {"seventeenth", 17},  {"eighteenth", 18},   {"nineteenth", 19},    {"twentieth", 20},
    {"thirtieth", 30},    {"fortieth", 40},     {"fiftieth", 50},      {"sixtieth", 60},
    {"seventieth", 70},   {"eightieth", 80},    {"ninetieth", 90},     {"hundredth", 100},
    {"thousandth", 1e3},  {"millionth", 1e6},   {"billionth", 1e9},    {"trillionth", 1e12}};
inline asc::symbols<double> const ordinal_words = [] {
  asc::symbols<double> s;
  for (const auto& [name, v] : kOrdinals) s.add(name, v);
  return s;
}();
inline asc::symbols<double> const unit_ordinal_words{
    {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"fifth", 5},
    {"sixth", 6}, {"seventh", 7}, {"eighth", 8}, {"ninth", 9}};
// Vulgar fractions, UTF-8.
inline asc::symbols<double> const vulgar_fractions{
    {"\xC2\xBD", 1.0 / 2},     {"\xE2\x85\x93", 1.0 / 3}, {"\xE2\x85\x94", 2.0 / 3},
    {"\xC2\xBC", 1.0 / 4},     {"\xC2\xBE", 3.0 / 4},     {"\xE2\x85\x95", 1.0 / 5},
    {"\xE2\x85\x96", 2.0 / 5}, {"\xE2\x85\x97", 3.0 / 5}, {"\xE2\x85\x98", 4.0 / 5},
    {"\xE2\x85\x99", 1.0 / 6}, {"\xE2\x85\x9A", 5.0 / 6}, {"\xE2\x85\x90", 1.0 / 7},
    {"\xE2\x85\x9B", 1.0 / 8}, {"\xE2\x85\x9C", 3.0 / 8}, {"\xE2\x85\x9D", 5.0 / 8},
    {"\xE2\x85\x9E", 7.0 / 8}, {"\xE2\x85\x91", 1.0 / 9}, {"\xE2\x85\x92", 1.0 / 10}};

// ---------------------------------------------------------------------------
// Lexical pieces.

// A word ends where no letter, digit or underscore follows.
auto const word_end = !(asc::alnum | asc::lit('_'));
auto const sp = x3::omit[+asc::blank];
auto const dash = asc::lit('-') | asc::lit("\xE2\x80\x93") | asc::lit("\xE2\x80\x94");  // - – —
// Between two number words: spaces, or a hyphen with optional spaces ("fifty - two").
auto const word_sep = x3::omit[(*asc::blank >> asc::lit('-') >> *asc::blank) | +asc::blank];
auto const and_sep = sp >> -(x3::no_case[asc::lit("and")] >> sp);
auto const article = x3::no_case[asc::lit("an") | asc::lit("a")] >> word_end;
auto const hundred_kw = x3::no_case[asc::lit("hundreds") | asc::lit("hundred")] >> word_end;
auto const scale_kw = x3::no_case[scale_words] >> word_end;
auto const dozen_kw = x3::no_case[dozen_words] >> word_end;
// Digit grouping: "1 200" with a space, a thin space (U+2009), a no-break
// space (U+00A0) or a narrow no-break space (U+202F).
auto const group_space =
    asc::lit(' ') | asc::lit("\xE2\x80\x89") | asc::lit("\xC2\xA0") | asc::lit("\xE2\x80\xAF");

auto const set_val = [](auto& ctx) { _val(ctx) = _attr(ctx); };
auto const add_val = [](auto& ctx) { _val(ctx) += _attr(ctx); };
auto const times_val = [](auto& ctx) { _val(ctx) *= _attr(ctx); };
auto const times_100 = [](auto& ctx) { _val(ctx) *= 100; };
auto const times_12 = [](auto& ctx) { _val(ctx) *= 12; };
auto const set_one = [](auto& ctx) { _val(ctx) = 1; };

// Digits as written, with grouping marks dropped and a decimal comma made a
// point, converted with strtod.
inline double digits_value(const char* first, const char* last, char group, char decimal) {
  std::string s;
  s.reserve(static_cast<std::size_t>(last - first));
  for (const char* p = first; p != last; ++p) {
    const char c = *p;
    if (c >= '0' && c <= '9') s += c;
    else if (c == decimal) s += '.';
    else if (c == group) continue;
  }
  return std::strtod(s.c_str(), nullptr);
}
template <char Group, char Decimal>
struct digits_action {
  template <typename Ctx>
  void operator()(Ctx& ctx) const {
    // The attribute of x3::raw is the matched range.
    auto const& matched = _attr(ctx);
    _val(ctx) = digits_value(matched.begin(), matched.end(), Group, Decimal);
  }
};

auto const d3 = x3::repeat(3)[asc::digit];
// A decimal part, unless the digits go on as a dotted sequence ("192.168.1.2").
auto const decimals = asc::lit('.') >> +asc::digit >> !(asc::lit('.') >> asc::digit);
auto const end_of_digits = !(asc::digit | (asc::lit(',') >> asc::digit));

x3::rule<class digits_class, double> const digits = "digits";
// Grouped forms are tried first; each must end where its grouping does.
auto const digits_def =
    // "1.111,11": dots group, a comma marks the decimals.
    x3::raw[x3::repeat(1, 3)[asc::digit] >> +(asc::lit('.') >> d3) >> asc::lit(',') >>
            x3::repeat(1, 2)[asc::digit] >> !asc::digit >> !(asc::char_(".,") >> asc::digit)]
           [digits_action<'.', ','>()] |
    // "12,34,567.89": South Asian grouping.
    x3::raw[x3::repeat(1, 2)[asc::digit] >> +(asc::lit(',') >> x3::repeat(2)[asc::digit] >> &asc::lit(',')) >>
            asc::lit(',') >> d3 >> -decimals >> end_of_digits][digits_action<',', '.'>()] |
    // "1,234,567.8"
    x3::raw[x3::repeat(1, 3)[asc::digit] >> +(asc::lit(',') >> d3) >> -decimals >> !asc::digit]
           [digits_action<',', '.'>()] |
    // "1 234 567", "40 000" with any of the grouping spaces.
    x3::raw[x3::repeat(1, 3)[asc::digit] >> +(group_space >> d3) >> -decimals >> !asc::digit]
           [digits_action<'\0', '.'>()] |
    // "1,3", "5,00": a decimal comma, not a list ("22,24,26").
    x3::raw[+asc::digit >> asc::lit(',') >> x3::repeat(1, 2)[asc::digit] >> !asc::digit >>
            !(asc::char_(",.") >> asc::digit)][digits_action<'\0', ','>()] |
    x3::raw[+asc::digit >> -decimals][digits_action<'\0', '.'>()] |
    x3::raw[asc::lit('.') >> +asc::digit >> !(asc::lit('.') >> asc::digit)][digits_action<'\0', '.'>()];

// ---------------------------------------------------------------------------
// Spelled-out cardinals.

x3::rule<class below100_class, double> const below100 = "below100";
// "twenty-one", "fifty - two", "ninety", "seventeen".
auto const below100_def =
    (x3::no_case[tens_words][set_val] >> word_end >>
     -(word_sep >> x3::no_case[ones_words][add_val] >> word_end)) |
    (x3::no_case[units_words][set_val] >> word_end);

// "point zero three", "point seventy-one", "point 77": the decimals as a
// string of digits.
x3::rule<class point_decimals_class, std::string> const point_decimals = "point_decimals";
auto const push_digit = [](auto& ctx) { _val(ctx) += _attr(ctx); };
auto const below100_digits = [](auto& ctx) {
  _val(ctx) = std::to_string(static_cast<long long>(_attr(ctx)));
};
auto const raw_digits = [](auto& ctx) { _val(ctx).assign(_attr(ctx).begin(), _attr(ctx).end()); };
auto const point_decimals_def =
    ((x3::no_case[point_digit_words][push_digit] >> word_end) %
     (sp >> &(x3::no_case[point_digit_words] >> word_end))) >>
        !(word_sep >> x3::no_case[units_words | tens_words]) |
    below100[below100_digits] | x3::raw[+asc::digit][raw_digits];

// The whole part before "point": zero, or a spelled number below a thousand
// ("two hundred point zero three"). Spelled decimals follow a spelled whole
// part, so that "at one point 40 people" keeps its 40.
x3::rule<class point_whole_class, double> const point_whole = "point_whole";
auto const point_whole_def =
    (x3::no_case[zero_words][set_val] >> word_end) |
    (below100[set_val] >> -(sp >> hundred_kw[times_100] >> -(and_sep >> below100[add_val])));

x3::rule<class point_number_class, double> const point_number = "point_number";
auto const add_decimals = [](auto& ctx) {
  const std::string& d = _attr(ctx);
  _val(ctx) += std::strtod(("0." + d).c_str(), nullptr);
};
auto const point_kw = x3::no_case[asc::lit("point")] >> word_end >> sp;
auto const point_number_def =
    x3::eps[([](auto& ctx) { _val(ctx) = 0; })] >>
    ((point_whole[set_val] >> sp >> point_kw >> !asc::digit >> point_decimals[add_decimals]) |
     (x3::raw[+asc::digit][digits_action<'\0', '.'>()] >> sp >> point_kw >> point_decimals[add_decimals]) |
     // "point 77" alone; "at one point 40 people" is a figure of 40.
     (point_kw >> point_decimals[add_decimals] >> !(+asc::blank >> asc::alpha)));

// A figure that can take "hundred", a scale or "dozen" after it.
x3::rule<class head_class, double> const head = "head";
auto const head_def = point_number[set_val] | digits[set_val] | below100[set_val] |
                      (article >> &(sp >> (hundred_kw | scale_kw | dozen_kw)))[set_one];

// A small whole number after "and" ("3 hundred and 21"), never one that takes
// a scale of its own ("3 hundred and 2 hundred" is two numbers).
x3::rule<class tail100_class, double> const tail100 = "tail100";
auto const small_int = x3::uint_parser<unsigned, 10, 1, 2>() >> !(asc::digit | (asc::char_(".,/") >> asc::digit));
auto const tail100_def = (below100[set_val] |
                          small_int[([](auto& ctx) {
                            _val(ctx) = _attr(ctx);
                            _pass(ctx) = _attr(ctx) > 0;
                          })]) >>
                         !(sp >> hundred_kw) >> -(sp >> dozen_kw[times_12]);

// "three hundred and two dozens" (324), "two hundred dozens" (2,400), "322
// hundred", "a hundred", bare "hundred" before a scale ("hundred thousand").
x3::rule<class below1000_class, double> const below1000 = "below1000";
auto const below1000_def =
    (head[set_val] >> -(sp >> hundred_kw[times_100] >> -(and_sep >> tail100[add_val])) >>
     -(sp >> dozen_kw[times_12])) |
    (x3::no_case[asc::lit("hundred")] >> word_end >> &(sp >> scale_kw))[([](auto& ctx) { _val(ctx) = 100; })];

// A group that ends in a scale: "two hundred thousand", "1.5 lakh", "three
// lakh crore" (scales stack), "4k", "3bn", "2.33 k".
x3::rule<class scaled_class, double> const scaled = "scaled";
auto const scaled_def = (below1000[set_val] >> +(sp >> scale_kw[times_val])) |
                        (digits[set_val] >> (glued_suffix[times_val] | (sp >> spaced_suffix[times_val])) >>
                         word_end);

// What may follow the last scale: "and 21", "three hundred", "Eleven".
x3::rule<class final_tail_class, double> const final_tail = "final_tail";
auto const final_tail_def = (sp >> x3::no_case[asc::lit("and")] >> sp >> below1000[set_val]) |
                            (sp >> !asc::digit >> below1000[set_val]) |
                            (sp >> &(x3::uint_ >> sp >> hundred_kw) >> below1000[set_val]);

x3::rule<class cardinal_class, double> const cardinal = "cardinal";
auto const cardinal_def =
    (scaled[set_val] >> x3::repeat(0, 8)[and_sep >> scaled[add_val]] >> -final_tail[add_val]) |
    (x3::no_case[asc::lit("a couple") | asc::lit("a pair")] >> word_end)[([](auto& ctx) { _val(ctx) = 2; })] |
    below1000[set_val] | (x3::no_case[zero_words][set_val] >> word_end);

// ---------------------------------------------------------------------------
// Spelled-out fractions: "two thirds", "one hundred and three quarters",
// "a hundred trillionths", "one and a half", "half a million". The words are
// collected first and given a value by fraction_class::on_success, which
// splits numerator from denominator the way English speakers read them.

struct frac_token {
  double value = 0;
  char kind = 'n';  // n number, h hundred, s scale, a article, & "and", d digits
};
struct fraction_words {
  std::vector<frac_token> tokens;
  double denominator = 0;
  bool plural = false;
  bool bare = false;      // "half", "quarter": no numerator needed
  double trailing = 0;    // "half a million", "two thirds of a million"
  double value = 0;
  bool scaled = false;    // a scale multiplied the fraction: a count again
  bool compound_only = false;
};

// Value of a run of number words read as a cardinal ("one hundred and three").
inline bool cardinal_of(const std::vector<frac_token>& t, std::size_t b, std::size_t e, double& out,
                        double* last_scale = nullptr) {
  double total = 0, current = 0;
  bool any = false;
  if (last_scale) *last_scale = 0;
  for (std::size_t i = b; i < e; ++i) {
    const frac_token& k = t[i];
    if (k.kind == '&') continue;
    any = true;
    if (k.kind == 'h') {
      current = (current == 0 ? 1 : current) * 100;
    } else if (k.kind == 's') {
      total += (current == 0 ? 1 : current) * k.value;
      current = 0;
      if (last_scale) *last_scale = k.value;
    } else {
      current += k.value;
    }
  }
  out = total + current;
  return any;
}

inline bool composable(double current, double previous) {
  if (current >= 100) return previous < current;
  if (current >= 20 && std::fmod(current, 10) == 0) return previous < 10;
  return false;
}

// "N D-ths" without "and": split the words into numerator and denominator.
// The denominator takes the words before the ordinal that compose with it
// ("thirty fifths" is 35ths), but leaves the numerator at least its first
// group ("one hundred thirty fifths" is 100/35, "twenty fifths" 20/5).
inline bool simple_fraction(const std::vector<frac_token>& t, std::size_t b, std::size_t e,
                            double denominator, bool plural, bool compound_only, double& out) {
  std::vector<frac_token> w(t.begin() + static_cast<std::ptrdiff_t>(b), t.begin() + static_cast<std::ptrdiff_t>(e));
  if (w.empty()) return false;
  frac_token den{denominator, denominator >= 100 ? 's' : 'o'};
  w.push_back(den);
  const std::size_t n = w.size();
  auto value_at = [&](std::size_t i) { return w[i].kind == '&' ? 0.0 : w[i].value; };
  std::size_t split = n - 1;
  double current = denominator, round = 1;
  for (std::size_t i = n - 1; i-- > 0;) {
    if (w[i].kind == '&') continue;
    const double previous = current;
    current = w[i].value;
    if ((previous >= 100 && previous > current) || (previous < 100 && composable(current, previous))) {
      if (previous < 100 && current >= round) {
        round = current;
      } else if (previous < 100 && current < round) {
        split = i + 1;
        break;
      }
      if (i == 0) {
        std::size_t j = 1;
        for (; j + 2 <= n; ++j) {
          if (value_at(j) >= 100 && w[j + 1].kind != '&' && value_at(j + 1) < 100) {
            ++j;
            break;
          }
        }
        split = j;
        break;
      }
      continue;
    }
    split = i + 1;
    break;
  }
  if (split == 0 || split >= n) return false;
  double numerator = 0, den_prefix = 0;
  if (!cardinal_of(w, 0, split, numerator)) return false;
  if (w[split - 1].kind == '&') return false;
  // The denominator: words before the ordinal add to it ("thirty fifth"),
  // or multiply a round ordinal ("hundred thousandth" is not read here).
  double d = denominator;
  if (compound_only && split == n - 1) return false;
  if (split < n - 1) {
    if (w[split].kind == '&') return false;
    cardinal_of(w, split, n - 1, den_prefix);
    d = denominator >= 100 && den_prefix < denominator ? den_prefix * denominator : den_prefix + denominator;
  }
  if (d <= 1) return false;
  // "two millionth" is "two" and an ordinal; one fifth, three fifths.
  if (!plural && numerator != 1) return false;
  out = numerator / d;
  return true;
}

struct fraction_class {
  template <typename Iterator, typename Attribute, typename Context>
  void on_success(Iterator const&, Iterator const&, Attribute& f, Context const& ctx) const {
    x3::_pass(ctx) = evaluate(f);
  }

  static bool evaluate(fraction_words& f) {
    const auto& t = f.tokens;
    double fraction = 0;
    double whole = 0, left_scale = 0;
    bool ok = false;
    // A mixed number: the part after an "and" is a proper fraction ("one
    // hundred and three quarters", "twenty and three and three fifths").
    for (std::size_t k = t.size(); k-- > 0;) {
      if (t[k].kind != '&') continue;
      double right = 0;
      const bool bare_right = k + 1 == t.size();
      if (bare_right) continue;
      if (t[k + 1].kind == 'a' && k + 2 == t.size()) {
        right = 1.0 / f.denominator;  // "and a half", "and a fifth"
        if (f.plural || f.compound_only) continue;
      } else if (!simple_fraction(t, k + 1, t.size(), f.denominator, f.plural, f.compound_only, right) || right >= 1) {
        continue;
      }
      if (!cardinal_of(t, 0, k, whole, &left_scale)) continue;
      fraction = right;
      ok = true;
      break;
    }
    if (ok) {
      if (f.trailing > 0) {
        // "one billion and a half million", "five and a half million".
        f.value = left_scale > f.trailing ? whole + fraction * f.trailing : (whole + fraction) * f.trailing;
      } else if (left_scale >= 1000) {
        f.value = whole + fraction * left_scale;  // "one million and a half"
      } else {
        f.value = whole + fraction;
      }
      f.scaled = f.trailing > 0 || left_scale >= 1000;
      return true;
    }
    for (const auto& k : t) {
      if (k.kind == 'd') return false;  // digits only before a scale in a mixed number
    }
    if (t.empty()) {
      if (!f.bare || f.plural) return false;
      // "half" alone; "quarter" only with a scale after it.
      if (f.denominator != 2 && f.trailing == 0) return false;
      fraction = 1.0 / f.denominator;
    } else if (t.size() == 1 && t[0].kind == 'a') {
      if (f.plural || f.compound_only) return false;
      fraction = 1.0 / f.denominator;
    } else if (!simple_fraction(t, 0, t.size(), f.denominator, f.plural, f.compound_only, fraction)) {
      return false;
    }
    f.value = f.trailing > 0 ? fraction * f.trailing : fraction;
    f.scaled = f.trailing > 0;
    return true;
  }
};

// Denominators: ordinals and their plurals, halves and quarters. "first" and
// "second" only inside a compound ("a twenty-first"): "a second" is time.
struct denominator_value {
  double value = 0;
  bool plural = false;
  bool bare = false;           // "half", "quarter" need no numerator
  bool compound_only = false;  // "first", "second"
};
inline asc::symbols<denominator_value> const denominator_words = [] {
  asc::symbols<denominator_value> s;
  for (const auto& [name, v] : kOrdinals) {
    const bool compound = v <= 2;
    s.add(name, denominator_value{v, false, false, compound});
    s.add(std::string(name) + "s", denominator_value{v, true, false, compound});
  }
  s.add("half", denominator_value{2, false, true, false});
  s.add("halves", denominator_value{2, true, false, false});
  s.add("quarter", denominator_value{4, false, true, false});
  s.add("quarters", denominator_value{4, true, false, false});
  return s;
}();

x3::rule<class frac_token_class, frac_token> const frac_word = "frac_word";
auto const token_of = [](char kind) {
  return [kind](auto& ctx) { _val(ctx) = frac_token{_attr(ctx), kind}; };
};
auto const frac_word_def =
    (x3::no_case[tens_words] >> word_end >> word_sep >> x3::no_case[ones_words] >> word_end)
        [([](auto& ctx) {
          using boost::fusion::at_c;
          _val(ctx) = frac_token{at_c<0>(_attr(ctx)) + at_c<1>(_attr(ctx)), 'n'};
        })] |
    (x3::no_case[units_words] >> word_end)[token_of('n')] |
    (x3::no_case[tens_words] >> word_end)[token_of('n')] |
    (x3::no_case[asc::lit("hundred")] >> word_end)[([](auto& ctx) { _val(ctx) = frac_token{100, 'h'}; })] |
    (x3::no_case[scale_words] >> word_end)[token_of('s')] |
    (x3::no_case[asc::lit("and")] >> word_end)[([](auto& ctx) { _val(ctx) = frac_token{0, '&'}; })] |
    article[([](auto& ctx) { _val(ctx) = frac_token{1, 'a'}; })] |
    (digits >> &(sp >> scale_kw))[token_of('d')];

x3::rule<class fraction_parts_class, fraction_words> const fraction_parts = "fraction_parts";
auto const set_trailing = [](auto& ctx) { _val(ctx).trailing = _attr(ctx); };
auto const fraction_parts_def =
    // Bounded, so that a long run of number words costs linear time overall.
    (x3::repeat(0, 24)[frac_word >> word_sep])[([](auto& ctx) {
      _val(ctx) = fraction_words{};
      _val(ctx).tokens = _attr(ctx);
    })] >>
    x3::no_case[denominator_words][([](auto& ctx) {
      _val(ctx).denominator = _attr(ctx).value;
      _val(ctx).plural = _attr(ctx).plural;
      _val(ctx).bare = _attr(ctx).bare;
      _val(ctx).compound_only = _attr(ctx).compound_only;
    })] >>
    word_end >>
    -(sp >> -(x3::no_case[asc::lit("of")] >> sp) >> -(article >> sp) >>
      (x3::no_case[scale_words][set_trailing] | x3::no_case[dozen_words][set_trailing]) >> word_end);

// Without actions, so that on_success sees the collected words.
x3::rule<fraction_class, fraction_words> const word_fraction = "word_fraction";
auto const word_fraction_def = fraction_parts;

// ---------------------------------------------------------------------------
// Other numerals.

// "3/4", "2  1/4", "-4/5"; not a date ("5/17/2018").
x3::rule<class digit_fraction_class, double> const digit_fraction = "digit_fraction";
auto const uint_value = x3::uint_parser<unsigned long long>();
auto const digit_fraction_def =
    x3::eps[([](auto& ctx) { _val(ctx) = 0; })] >>
    -((uint_value >> sp >> &(uint_value >> '/'))[set_val]) >>
    (uint_value >> asc::lit('/') >> uint_value)[([](auto& ctx) {
      using boost::fusion::at_c;
      const double n = static_cast<double>(at_c<0>(_attr(ctx)));
      const double d = static_cast<double>(at_c<1>(_attr(ctx)));
      _pass(ctx) = d != 0;
      if (d != 0) _val(ctx) += n / d;
    })] >>
    !(asc::digit | ((asc::lit('/') | asc::lit('-') | asc::lit('.')) >> asc::digit));

// "1.1^23", "2.5^-1", "1e10", "-127.32e13", "1.3x10^6".
x3::rule<class power_class, double> const power = "power";
auto const minus_count = [](auto& ctx) {
  int minus = 0;
  for (char c : _attr(ctx)) minus += c == '-';
  _val(ctx) = (minus % 2) ? -1.0 : 1.0;
};
x3::rule<class exponent_sign_class, double> const exponent_sign = "exponent_sign";
auto const exponent_sign_def = x3::raw[*(asc::lit('+') | asc::lit('-'))][minus_count];
auto const power_def =
    x3::raw[+asc::digit >> -(asc::lit('.') >> +asc::digit)][digits_action<'\0', '.'>()] >>
    ((asc::lit('^') >> exponent_sign >> x3::uint_)[([](auto& ctx) {
       using boost::fusion::at_c;
       _val(ctx) = std::pow(_val(ctx), at_c<0>(_attr(ctx)) * at_c<1>(_attr(ctx)));
     })] |
     (asc::lit('x') >> asc::lit("10^") >> exponent_sign >> x3::uint_)[([](auto& ctx) {
       using boost::fusion::at_c;
       _val(ctx) *= std::pow(10.0, at_c<0>(_attr(ctx)) * at_c<1>(_attr(ctx)));
     })] |
     (x3::omit[asc::char_("eE")] >> asc::lit('-') >> x3::uint_)[([](auto& ctx) {
       _val(ctx) *= std::pow(10.0, -static_cast<double>(_attr(ctx)));
     })] |
     (x3::omit[asc::char_("eE")] >> asc::lit('+') >> x3::uint_)[([](auto& ctx) {
       _val(ctx) *= std::pow(10.0, static_cast<double>(_attr(ctx)));
     })] |
     (asc::char_("eE") >> x3::uint_)[([](auto& ctx) {
       using boost::fusion::at_c;
       _val(ctx) *= std::pow(10.0, at_c<1>(_attr(ctx)));
     })]) >>
    word_end;

// "2000 over 3", "one over twenty": only where nothing is counted after it
// ("$2000 over 3 years" is two figures).
x3::rule<class over_fraction_class, double> const over_fraction = "over_fraction";
auto const over_fraction_def =
    cardinal[set_val] >> sp >> x3::no_case[asc::lit("over")] >> sp >>
    cardinal[([](auto& ctx) {
      _pass(ctx) = _attr(ctx) != 0;
      if (_attr(ctx) != 0) _val(ctx) /= _attr(ctx);
    })] >>
    !(+asc::blank >> asc::alpha);

// "½", "2½", "1 ¾".
x3::rule<class vulgar_class, double> const vulgar = "vulgar";
auto const vulgar_def = x3::eps[([](auto& ctx) { _val(ctx) = 0; })] >>
                        -(uint_value[set_val] >> *asc::blank) >> vulgar_fractions[add_val];

// "71st", "twenty-first", "the fifteenth" (without "the"), "hundredth".
x3::rule<class ordinal_class, double> const ordinal = "ordinal";
auto const ordinal_def =
    (uint_value[set_val] >> x3::no_case[asc::lit("st") | "nd" | "rd" | "th"] >> word_end) |
    (x3::no_case[tens_words][set_val] >> word_sep >> x3::no_case[unit_ordinal_words][add_val] >> word_end) |
    (x3::no_case[ordinal_words][set_val] >> word_end);

BOOST_SPIRIT_DEFINE(digits, below100, point_decimals, point_whole, point_number, head, tail100,
                    below1000, scaled, final_tail, cardinal, frac_word, fraction_parts, word_fraction,
                    digit_fraction, exponent_sign, power, over_fraction, vulgar, ordinal)

auto const set_form = [](numeral_form form) {
  return [form](auto& ctx) {
    _val(ctx).value = _attr(ctx);
    _val(ctx).form = form;
  };
};
auto const set_cardinal = [](auto& ctx) {
  _val(ctx).value = _attr(ctx);
  _val(ctx).form = std::floor(_attr(ctx)) == _attr(ctx) ? numeral_form::integer : numeral_form::decimal;
};
auto const set_fraction = [](auto& ctx) {
  const fraction_words& f = _attr(ctx);
  _val(ctx).value = f.value;
  _val(ctx).form = !f.scaled ? numeral_form::fraction
                   : std::floor(f.value) == f.value ? numeral_form::integer
                                                    : numeral_form::decimal;
};
auto const sign = (asc::lit('-') | asc::lit("\xE2\x88\x92")) >> *asc::blank >> &(asc::digit | asc::lit('.') | asc::alpha) |
                  x3::no_case[asc::lit("minus") | asc::lit("negative")] >> sp;
// "forty-five (45)": a figure repeated in brackets is one numeral.
auto const doubled = +asc::blank >> asc::lit('(') >> *asc::blank >>
                     cardinal[([](auto& ctx) { _pass(ctx) = _attr(ctx) == _val(ctx).value; })] >>
                     *asc::blank >> asc::lit(')');

auto const unsigned_numeral =
    vulgar[set_form(numeral_form::fraction)] | power[set_form(numeral_form::power)] |
    digit_fraction[set_form(numeral_form::fraction)] | word_fraction[set_fraction] |
    over_fraction[set_form(numeral_form::fraction)] | ordinal[set_form(numeral_form::ordinal)] |
    cardinal[set_cardinal];

}  // namespace number_detail

number_type const number_rule = "number";
auto const number_rule_def = number_detail::cardinal;

numeral_type const numeral_rule_ = "numeral";
auto const numeral_rule__def =
    (x3::eps[([](auto& ctx) { x3::_val(ctx) = numeral{}; })] >>
     ((number_detail::sign >> number_detail::unsigned_numeral)[([](auto& ctx) {
        x3::_val(ctx).value = -x3::_val(ctx).value;
      })] |
      number_detail::unsigned_numeral)) >>
    -number_detail::doubled;

plain_integer_type const plain_integer_rule = "plain_integer";
auto const plain_integer_rule_def =
    x3::raw[+asc::digit][number_detail::digits_action<'\0', '.'>()] >> !asc::alpha;

// A figure of a range: a numeral, or "the" and an ordinal ("between the
// tenth and the fifteenth").
x3::rule<class range_figure_class, numeral> const range_figure = "range_figure";
auto const range_figure_def =
    (x3::no_case[asc::lit("the")] >> number_detail::sp >> &number_detail::ordinal >> numeral_rule_) |
    numeral_rule_;
x3::rule<class range_end_class, numeral> const range_end = "range_end";
auto const range_end_def = x3::eps[([](auto& ctx) { x3::_val(ctx) = numeral{}; })] >>
                           number_detail::unsigned_numeral;

range_type const range_rule = "range";
auto const set_lo = [](auto& ctx) {
  x3::_val(ctx) = range_value{};
  x3::_val(ctx).lo = x3::_attr(ctx).value;
  x3::_val(ctx).ordinal = x3::_attr(ctx).form == numeral_form::ordinal;
  x3::_val(ctx).fraction = x3::_attr(ctx).form == numeral_form::fraction;
};
auto const set_hi = [](auto& ctx) {
  x3::_val(ctx).hi = x3::_attr(ctx).value;
  x3::_val(ctx).ordinal = x3::_val(ctx).ordinal || x3::_attr(ctx).form == numeral_form::ordinal;
  x3::_val(ctx).fraction = x3::_val(ctx).fraction || x3::_attr(ctx).form == numeral_form::fraction;
};
auto const range_rule_def =
    (x3::no_case[asc::lit("between")] >> number_detail::sp >> range_figure[set_lo] >> number_detail::sp >>
     x3::no_case[asc::lit("and")] >> number_detail::sp >> range_figure[set_hi]) |
    (-(x3::no_case[asc::lit("from")] >> number_detail::sp) >> range_figure[set_lo] >>
     ((number_detail::sp >> x3::no_case[asc::lit("to") | asc::lit("through") | asc::lit("thru")] >>
       number_detail::word_end >> number_detail::sp >> range_figure[set_hi]) |
      (*asc::blank >> (number_detail::dash | asc::lit('~')) >> *asc::blank >> range_end[set_hi]))) >>
    // "1-222-2222" is a telephone number, "2023-10-12" a date.
    !((number_detail::dash | asc::lit('/') | asc::lit('.')) >> asc::digit);

BOOST_SPIRIT_DEFINE(number_rule, numeral_rule_, plain_integer_rule, range_figure, range_end, range_rule)

}  // namespace tollgate::parse::grammar
