#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include "parse/parse.hpp"

namespace tollgate::parse {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool parse_double(std::string_view s, double& out) {
  s = trim(s);
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

// Grammar of a bound: "null" | [floor|ceil] "(" linear ")" | linear, where
// linear is "[k *] value [+|- c]" or a constant. Small enough to read by hand.
std::optional<bound_rule> bound_rule::parse(std::string_view text) {
  bound_rule b;
  text = trim(text);
  if (text == "null" || text == "~" || text == "inf") {
    b.unbounded = true;
    return b;
  }
  for (auto [name, mode] : {std::pair{"floor", rounding::floor}, {"ceil", rounding::ceil}}) {
    const std::string_view n = name;
    if (text.substr(0, n.size()) == n) {
      std::string_view rest = trim(text.substr(n.size()));
      if (rest.size() < 2 || rest.front() != '(' || rest.back() != ')') return std::nullopt;
      text = trim(rest.substr(1, rest.size() - 2));
      b.round = mode;
    }
  }
  const auto v = text.find("value");
  if (v == std::string_view::npos) {
    b.uses_value = false;
    b.factor = 0;
    if (!parse_double(text, b.offset)) return std::nullopt;
    return b;
  }
  std::string_view head = trim(text.substr(0, v));
  std::string_view tail = trim(text.substr(v + 5));
  if (!head.empty()) {
    if (head.back() != '*') return std::nullopt;
    if (!parse_double(head.substr(0, head.size() - 1), b.factor)) return std::nullopt;
  }
  if (!tail.empty()) {
    const char sign = tail.front();
    if (sign != '+' && sign != '-') return std::nullopt;
    if (!parse_double(tail.substr(1), b.offset)) return std::nullopt;
    if (sign == '-') b.offset = -b.offset;
  }
  return b;
}

std::optional<double> bound_rule::apply(double value) const {
  if (unbounded) return std::nullopt;
  const double raw = (uses_value ? factor * value : 0.0) + offset;
  // A tiny epsilon keeps 0.9 * 4000 = 3600 from becoming 3601 under ceil.
  switch (round) {
    case rounding::floor:
      return std::floor(raw + 1e-9);
    case rounding::ceil:
      return std::ceil(raw - 1e-9);
    case rounding::nearest:
      break;
  }
  return std::round(raw * 1e6) / 1e6;
}

}  // namespace tollgate::parse
