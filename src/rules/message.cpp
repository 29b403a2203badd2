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

// Appends a claim's field by placeholder name (claim_field_names) to `out`;
// false for another name. Appending, not returning strings: a batch can
// have a million findings, each with a message of eight fields.
bool append_claim_field(std::string& out, const claims::claim& c, std::string_view name) {
  // A temporary string argument lives until the end of the return statement.
  auto put = [&](std::string_view value) {
    out += value;
    return true;
  };
  using view = std::string_view;
  if (name == "id") return put(c.id());
  if (name == "doc") return put(c.doc());
  if (name == "source") return put(c.source().empty() ? view("unknown source") : view(c.source().str()));
  if (name == "published") return put(c.published() ? c.published()->iso() : "undated");
  if (name == "line") return put(std::to_string(c.line));
  if (name == "metric") return put(c.metric.str());
  if (name == "group") return put(c.group.str());
  if (name == "location") return put(c.location ? view(c.location->str()) : view("unknown place"));
  if (name == "value") return put(figure_as_written(c));
  if (name == "lo") return put(format_count(c.lo));
  if (name == "hi") return put(c.hi ? format_count(*c.hi) : "unbounded");
  if (name == "qualifier") return put(c.qualifier.str());
  if (name == "as_of") return put(c.as_of ? c.as_of->iso() : "undated");
  if (name == "attribution") return put(c.attribution ? view(c.attribution->str()) : view("no attribution"));
  if (name == "text") return put(c.wording().text);
  if (name == "series") return put(c.series());
  return false;
}

}  // namespace

std::string& placeholder_values::operator[](std::string_view name) {
  for (auto& [key, value] : values_) {
    if (key == name) return value;
  }
  return values_.emplace_back(std::string(name), std::string()).second;
}

bool placeholder_values::append(std::string_view name, std::string& out) const {
  for (const auto& [key, value] : values_) {
    if (key == name) {
      out += value;
      return true;
    }
  }
  for (const auto& [prefix, c] : claims_) {
    if (!name.starts_with(prefix)) continue;
    if (append_claim_field(out, *c, name.substr(prefix.size()))) return true;
  }
  return false;
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
  out.reserve(tmpl.size() + 64);
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
    if (!values.append(std::string_view(tmpl).substr(i + 1, close - i - 1), out)) {
      out += std::string_view(tmpl).substr(i, close - i + 1);  // unknown: left as written
    }
    i = close;
  }
  return out;
}

}  // namespace tollgate::rules
