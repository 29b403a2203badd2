#include "eval/eval.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/text_position.hpp"
#include "rules/rules.hpp"

namespace tollgate::eval {
namespace {

using nlohmann::json;

// The fields compared on each matched claim, in the order printed.
const std::vector<std::string> kFields = {"metric",   "group",       "qualifier", "interval", "as_of",
                                          "location", "attribution", "cumulative", "part_of"};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "the health ministry" and "Health Ministry" name the same source.
std::string normalized_name(std::string s) {
  s = lower(std::move(s));
  if (s.rfind("the ", 0) == 0) s = s.substr(4);
  return s;
}

std::string claim_figure(const claims::claim& c) { return c.figure; }

bool overlaps(const std::string& line, const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  if (a.find(b) != std::string::npos || b.find(a) != std::string::npos) return true;
  const auto pa = line.find(a), pb = line.find(b);
  if (pa == std::string::npos || pb == std::string::npos) return false;
  return pa < pb + b.size() && pb < pa + a.size();
}

std::string as_text(const json& j) { return j.dump(); }

bool is_word_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// True when the claim's figure and a whole-word occurrence of `span` share
// bytes on the claim's line ("8" in "8-year" is not "18,400").
bool figure_meets_span(const claims::claim& c, const std::string& span) {
  const claims::claim_wording wording = c.wording();
  const std::string& line = wording.line_text;
  const std::string& text = wording.text;
  // Where the claim starts in its line: the occurrence of its text at its column.
  std::size_t start = std::string::npos;
  for (std::size_t p = line.find(text); p != std::string::npos; p = line.find(text, p + 1)) {
    if (static_cast<int>(core::count_code_points(line.substr(0, p))) + wording.line_text_column == wording.column) {
      start = p;
      break;
    }
  }
  if (start == std::string::npos || wording.quantity_offset < c.offset) return false;
  const std::size_t fb = start + (wording.quantity_offset - c.offset);
  const std::size_t fe = fb + c.figure.size();
  for (std::size_t p = line.find(span); p != std::string::npos; p = line.find(span, p + 1)) {
    const std::size_t e = p + span.size();
    const bool whole = (p == 0 || !is_word_byte(line[p - 1])) && (e >= line.size() || !is_word_byte(line[e]));
    if (whole && p < fe && fb < e) return true;
  }
  return false;
}


std::string number_text(const std::optional<double>& v) {
  if (!v) return "null";
  return json(static_cast<long long>(*v) == *v ? json(static_cast<long long>(*v)) : json(*v)).dump();
}

}  // namespace

double report::accuracy(const std::string& field) const {
  auto it = fields.find(field);
  return it == fields.end() || it->second.second == 0 ? 1.0
                                                      : double(it->second.first) / double(it->second.second);
}

core::result<std::vector<gold_entry>> load_gold(const std::string& path) {
  core::result<std::vector<gold_entry>> out;
  std::ifstream in(path);
  if (!in) {
    out.problems.push_back({path, 0, 0, core::severity::error, "cannot read gold file", "eval"});
    return out;
  }
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j;
    try {
      j = json::parse(line);
    } catch (const json::parse_error& e) {
      out.problems.push_back({path, n, static_cast<int>(e.byte), core::severity::error, "malformed JSON line", "eval"});
      continue;
    }
    if (!j.is_object() || !j.contains("doc") || !j.contains("line") || !j.contains("span") ||
        !j["doc"].is_string() || !j["line"].is_number_integer() || !j["span"].is_string()) {
      out.problems.push_back({path, n, 1, core::severity::error, "a gold line needs 'doc', 'line' and 'span'", "eval"});
      continue;
    }
    gold_entry g;
    g.doc = j["doc"];
    g.line = j["line"];
    g.span = j["span"];
    g.file_line = n;
    if (j.contains("distractor")) {
      g.distractor = true;
      g.distractor_kind = j["distractor"].is_string() ? j["distractor"].get<std::string>() : "other";
    } else {
      for (const char* f : {"metric", "group", "qualifier", "value", "lo", "hi", "as_of", "location", "attribution",
                            "cumulative", "part_of"}) {
        if (j.contains(f)) g.fields[f] = as_text(j[f]);
      }
    }
    out.value.push_back(std::move(g));
  }
  return out;
}

report compare(const std::vector<gold_entry>& gold, const claims::claim_list& found) {
  report r;
  r.extracted = found.size();
  std::vector<bool> used(found.size(), false);
  std::map<std::string, const claims::claim*> by_id;
  for (const auto& c : found) by_id[c.id()] = &c;

  auto find = [&](const gold_entry& g) -> std::size_t {
    for (std::size_t i = 0; i < found.size(); ++i) {
      const auto& c = found[i];
      if (used[i] || c.doc() != g.doc || c.line != g.line) continue;
      if (figure_meets_span(c, g.span)) return i;
    }
    return found.size();
  };

  for (const auto& g : gold) {
    const std::string where = fmt::format("{}:{}: '{}'", g.doc, g.line, g.span);
    if (g.distractor) {
      ++r.distractors;
      const std::size_t i = find(g);
      if (i < found.size()) {
        ++r.distractors_taken;
        used[i] = true;
        r.false_alarms.push_back(where + " (a " + g.distractor_kind + ", read as " + found[i].metric + ")");
      }
      continue;
    }
    ++r.gold_claims;
    const std::size_t i = find(g);
    if (i == found.size()) {
      r.misses.push_back(g.fields.count("metric") ? where + " " + g.fields.at("metric") : where);
      continue;
    }
    used[i] = true;
    ++r.matched;
    const auto& c = found[i];
    auto check = [&](const std::string& name, bool right, const std::string& got, const std::string& want) {
      auto& [ok, n] = r.fields[name];
      ++n;
      if (right) ++ok;
      else r.wrong_fields.push_back(fmt::format("{} {}: got {}, want {}", where, name, got, want));
    };
    auto field = [&](const char* name) { return g.fields.count(name) ? g.fields.at(name) : std::string("null"); };
    check("metric", json(c.metric).dump() == field("metric"), c.metric, field("metric"));
    check("group", json(c.group).dump() == field("group"), c.group, field("group"));
    check("qualifier", json(c.qualifier).dump() == field("qualifier"), c.qualifier, field("qualifier"));
    const std::string interval = number_text(c.lo) + ".." + number_text(c.hi);
    const std::string want_interval = field("lo") + ".." + field("hi");
    check("interval", interval == want_interval, interval, want_interval);
    const std::string as_of = c.as_of ? json(c.as_of->iso()).dump() : "null";
    check("as_of", as_of == field("as_of"), as_of, field("as_of"));
    const std::string location = c.location ? json(c.location->str()).dump() : "null";
    check("location", lower(location) == lower(field("location")), location, field("location"));
    const std::string attribution = c.attribution ? json(normalized_name(*c.attribution)).dump() : "null";
    const std::string want_attribution =
        field("attribution") == "null" ? "null" : json(normalized_name(json::parse(field("attribution")).get<std::string>())).dump();
    check("attribution", attribution == want_attribution, attribution, want_attribution);
    check("cumulative", (c.cumulative ? "true" : "false") == field("cumulative"), c.cumulative ? "true" : "false",
          field("cumulative"));
    std::string part_of = "null";
    if (const auto total = c.part_of(); total && by_id.count(*total)) part_of = json(claim_figure(*by_id.at(*total))).dump();
    const bool part_ok = part_of == field("part_of") ||
                         (part_of != "null" && field("part_of") != "null" &&
                          overlaps("", json::parse(part_of).get<std::string>(), json::parse(field("part_of")).get<std::string>()));
    check("part_of", part_ok, part_of, field("part_of"));
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (!used[i]) r.false_alarms.push_back(fmt::format("{}:{}: '{}' read as {}/{}", found[i].doc(), found[i].line,
                                                       claim_figure(found[i]), found[i].metric, found[i].group));
  }
  return r;
}

void print(std::ostream& out, const report& r, bool list_details) {
  out << fmt::format("claims: {} gold, {} extracted, {} matched\n", r.gold_claims, r.extracted, r.matched);
  out << fmt::format("precision {:.3f}  recall {:.3f}  F1 {:.3f}\n", r.precision(), r.recall(), r.f1());
  out << fmt::format("distractors: {} of {} read as claims\n", r.distractors_taken, r.distractors);
  for (const auto& name : kFields) {
    auto it = r.fields.find(name);
    if (it == r.fields.end()) continue;
    out << fmt::format("  {:<12} {:.3f} ({}/{})\n", name, r.accuracy(name), it->second.first, it->second.second);
  }
  if (!list_details) return;
  for (const auto& m : r.misses) out << "miss: " << m << '\n';
  for (const auto& f : r.false_alarms) out << "false alarm: " << f << '\n';
  for (const auto& w : r.wrong_fields) out << "wrong: " << w << '\n';
}

}  // namespace tollgate::eval
