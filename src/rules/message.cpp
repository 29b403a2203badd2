#include <cmath>
#include <cstdio>

#include "rules/rules.hpp"

namespace tollgate::rules {

std::string format_count(double v) {
  if (std::fabs(v - std::round(v)) > 1e-9) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
  }
  std::string digits = std::to_string(static_cast<long long>(std::llround(std::fabs(v))));
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return v < 0 ? "-" + out : out;
}

std::string figure_as_written(const claims::claim& c) {
  if (!c.figure.empty()) {
    std::string s = c.figure;
    // Mid-sentence in a message: "More than 1,000" reads as "more than 1,000".
    if (s.size() > 1 && std::isupper(static_cast<unsigned char>(s[0])) &&
        std::islower(static_cast<unsigned char>(s[1]))) {
      s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    }
    return s;
  }
  return c.value ? format_count(*c.value) : format_count(c.lo);
}

const std::vector<std::string>& claim_field_names() {
  static const std::vector<std::string> names = {
      "id",  "doc",   "source", "published", "line",  "metric",    "group",  "location", "value",
      "lo",  "hi",    "qualifier", "as_of", "attribution", "text", "series"};
  return names;
}

namespace {

// A claim's field by placeholder name (claim_field_names); nullopt for
// another name.
std::optional<std::string> claim_field(const claims::claim& c, std::string_view name) {
  if (name == "id") return c.id();
  if (name == "doc") return c.doc.str();
  if (name == "source") return c.source.empty() ? "unknown source" : c.source.str();
  if (name == "published") return c.published ? c.published->iso() : "undated";
  if (name == "line") return std::to_string(c.line);
  if (name == "metric") return c.metric.str();
  if (name == "group") return c.group.str();
  if (name == "location") return c.location ? c.location->str() : "unknown place";
  if (name == "value") return figure_as_written(c);
  if (name == "lo") return format_count(c.lo);
  if (name == "hi") return c.hi ? format_count(*c.hi) : "unbounded";
  if (name == "qualifier") return c.qualifier.str();
  if (name == "as_of") return c.as_of ? c.as_of->iso() : "undated";
  if (name == "attribution") return c.attribution ? c.attribution->str() : "no attribution";
  if (name == "text") return c.text.str();
  if (name == "series") return c.series();
  return std::nullopt;
}

}  // namespace

std::string& placeholder_values::operator[](std::string_view name) {
  for (auto& [key, value] : values_) {
    if (key == name) return value;
  }
  return values_.emplace_back(std::string(name), std::string()).second;
}

std::optional<std::string> placeholder_values::find(std::string_view name) const {
  for (const auto& [key, value] : values_) {
    if (key == name) return value;
  }
  for (const auto& [prefix, c] : claims_) {
    if (!name.starts_with(prefix)) continue;
    if (auto v = claim_field(*c, name.substr(prefix.size()))) return v;
  }
  return std::nullopt;
}

void add_claim_fields(placeholder_values& v, const std::string& p, const claims::claim& c) { v.add_claim(p, c); }

std::vector<std::pair<std::string, std::size_t>> placeholders_in(const std::string& tmpl) {
  std::vector<std::pair<std::string, std::size_t>> out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{' && i + 1 < tmpl.size() && tmpl[i + 1] == '{') {
      ++i;
      continue;
    }
    if (tmpl[i] != '{') continue;
    const std::size_t close = tmpl.find('}', i);
    if (close == std::string::npos) {
      out.emplace_back(tmpl.substr(i), i);  // unclosed: reported as unknown
      break;
    }
    out.emplace_back(tmpl.substr(i + 1, close - i - 1), i);
    i = close;
  }
  return out;
}

std::string render_message(const std::string& tmpl, const placeholder_values& values) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    const char c = tmpl[i];
    if ((c == '{' || c == '}') && i + 1 < tmpl.size() && tmpl[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    const std::size_t close = tmpl.find('}', i);
    if (close == std::string::npos) {
      out += tmpl.substr(i);
      break;
    }
    const auto value = values.find(std::string_view(tmpl).substr(i + 1, close - i - 1));
    out += value ? std::string_view(*value) : std::string_view(tmpl).substr(i, close - i + 1);
    i = close;
  }
  return out;
}

}  // namespace tollgate::rules
